"""Refresh hrc_report/data/iso3166.csv from pycountry (ISO 3166-1 names in English and,
through pycountry's gettext catalogue, French).

Usage: python scripts/refresh_iso_names.py   (pycountry comes with the test extras;
then run the tests: tests/test_names.py checks every pycountry form still resolves)
"""

from __future__ import annotations

import csv
import gettext
import io
import re
import sys
from pathlib import Path

import pycountry

DATA = Path(__file__).resolve().parent.parent / "hrc_report" / "data"
COLUMNS = ("alpha_2", "alpha_3", "name", "official_name", "common_name", "name_fr", "official_name_fr", "common_name_fr")


def main() -> int:
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        english = [getattr(country, attr, None) or "" for attr in ("name", "official_name", "common_name")]
        writer.writerow([country.alpha_2, country.alpha_3, *english, *(french.gettext(n) if n else "" for n in english)])
    (DATA / "iso3166.csv").write_text(out.getvalue(), encoding="utf-8")
    provenance = DATA / "iso3166.PROVENANCE.md"
    text = re.sub(r"Copied from: pycountry \S+", f"Copied from: pycountry {pycountry_version()}", provenance.read_text("utf-8"))
    provenance.write_text(text, encoding="utf-8")
    print(f"iso3166.csv refreshed from pycountry {pycountry_version()}")
    return 0


def pycountry_version() -> str:
    from importlib.metadata import version

    return version("pycountry")


if __name__ == "__main__":
    sys.exit(main())
