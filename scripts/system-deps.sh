#!/usr/bin/env bash
# Install the Debian packages hrc-report needs, only those that are missing.
# WeasyPrint needs Pango and fonts that carry French accents; libharfbuzz-subset0
# halves PDF render time (and without it WeasyPrint warns at import);
# poppler-utils gives pdftotext/pdftoppm to the tests, chromium the browser check.
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core)
# `system-deps.sh test` adds what only the tests use: PDF text tools and a real browser.
if [ "${1:-}" = "test" ]; then packages+=(poppler-utils chromium); fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "hrc-report: please install: ${missing[*]}" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
