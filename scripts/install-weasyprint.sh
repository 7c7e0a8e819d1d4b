#!/usr/bin/env bash
# Installs WeasyPrint, the PDF engine of `bookmark booklet`, into .venv-weasyprint/ at the
# repository root, with the system pieces it needs. Safe to run again: it only does what is
# missing.
#
# Why PyPI's WeasyPrint and not Debian's `weasyprint` (57.2): with Debian's
# libharfbuzz-subset0, WeasyPrint 66+ subsets the Japanese fonts through HarfBuzz and renders
# a booklet with Noto CJK about four times faster (2.6 s against 10.3 s for the sample A6
# edition, measured here), whatever font it falls back to; Debian's package also pulls in
# ~540 MB (scipy, boost).
# Why BIZ UD Gothic: a Universal Design font made for legibility, with TrueType outlines
# that embed cleanly; Noto Sans CJK JP is the fallback for rare characters.
set -euo pipefail
# shellcheck source=lib/apt-install-missing.sh
source "$(dirname "$0")/lib/apt-install-missing.sh"

version='weasyprint==70.*'
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.venv-weasyprint"

packages=(
  libharfbuzz-subset0           # fast font subsetting (without it WeasyPrint falls back to fontTools)
  libpango-1.0-0 libpangoft2-1.0-0
  fonts-morisawa-bizud-gothic   # the booklet's Japanese font
  fonts-noto-cjk                # fallback glyphs
  python3-venv
  icc-profiles-free argyll      # the print copy's CMYK output intent: FOGRA39, made below
)
apt_install_missing "${packages[@]}"

# Debian's own Python: its venv module is the one python3-venv provides.
if [[ ! -x "$venv/bin/python" ]]; then
  /usr/bin/python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import weasyprint, pypdf' 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$version" 'pypdf>=4,<7'
fi
# The booklet's tests read the PDFs with pikepdf and check the web copy with pdfua; the
# benchmark profiles WeasyPrint with pyinstrument.
if ! "$venv/bin/python" -c 'import pikepdf, pdfua, pyinstrument' 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'pikepdf==10.*' 'pdfua==0.1.3' 'pyinstrument==5.*'
fi
# PDF/X-4 needs an output intent (a CMYK ICC profile). No free CMYK profile is packaged in
# Debian (icc-profiles-free has none; Ghostscript's is AGPL), but Fogra's FOGRA39
# characterisation data (ISO 12647-2 coated offset, zlib licence) is: ArgyllCMS makes the
# profile from it (~8 s). BOOKMARK_CMYK_PROFILE may name a print shop's own profile instead.
icc="$venv/share/bookmark/FOGRA39.icc"
if [[ ! -s "$icc" ]]; then
  work=$(mktemp -d)
  cp /usr/share/color/icc/FOGRA39L.ti3 "$work/"
  (cd "$work" && colprof -ql -kr -M "FOGRA39" -D "FOGRA39 (ISO 12647-2:2004/Amd 1, coated), from Fogra's FOGRA39L data" \
    -C "Made with ArgyllCMS from FOGRA39L.ti3 (icc-profiles-free, zlib licence)" FOGRA39L >/dev/null)
  mkdir -p "$(dirname "$icc")"
  mv "$work/FOGRA39L.icc" "$icc"
  rm -rf "$work"
fi
# The imposition and render scripts, with the venv's Python, beside weasyprint where
# bookmark looks for them.
for pair in impose:impose render:booklet-render; do
  target="$venv/bin/bookmark-${pair%%:*}"
  { echo "#!$venv/bin/python"; tail -n +2 "$root/scripts/${pair#*:}.py"; } > "$target.tmp"
  chmod +x "$target.tmp"
  mv "$target.tmp" "$target"
done
# zizmor: the tests audit .github/workflows/ with it (Tests/EndToEndTests/WorkflowTests.swift).
if [[ ! -x "$venv/bin/zizmor" ]]; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'zizmor==1.32.*'
fi
# openpyxl: the spreadsheet tests (Tests/EndToEndTests/SpreadsheetCommandTests.swift) write
# workbooks with it the way editors' tools do (numeric phones, date cells, merged cells).
if ! "$venv/bin/python" -c 'import openpyxl' 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'openpyxl==3.1.*'
fi
"$venv/bin/weasyprint" --version
