"""Refresh hrc_report/data/un_taxonomy.csv from the newest hdx-python-country wheel on PyPI.

Usage: python scripts/refresh_taxonomy.py   (then run the tests: every State form must still resolve)
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "hrc_report" / "data"
MEMBER = re.compile(r"hdx/location/.*Taxonomy.*\.csv$")


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
                        "-d", folder, "hdx-python-country"], check=True)
        (wheel,) = Path(folder).glob("hdx_python_country-*.whl")
        version = wheel.name.split("-")[1]
        with zipfile.ZipFile(wheel) as archive:
            (member,) = [name for name in archive.namelist() if MEMBER.search(name)]
            (DATA / "un_taxonomy.csv").write_bytes(archive.read(member))
    provenance = DATA / "un_taxonomy.PROVENANCE.md"
    text = re.sub(r"Copied from: hdx-python-country \S+", f"Copied from: hdx-python-country {version}", provenance.read_text("utf-8"))
    provenance.write_text(text, encoding="utf-8")
    print(f"un_taxonomy.csv refreshed from hdx-python-country {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
