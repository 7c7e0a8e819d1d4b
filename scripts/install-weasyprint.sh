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
)
apt_install_missing "${packages[@]}"

# Debian's own Python: its venv module is the one python3-venv provides.
if [[ ! -x "$venv/bin/python" ]]; then
  /usr/bin/python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import weasyprint, pypdf' 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$version" 'pypdf>=4,<7'
fi
# The imposition script, with the venv's Python, beside weasyprint where bookmark looks for it.
impose="$venv/bin/bookmark-impose"
{ echo "#!$venv/bin/python"; tail -n +2 "$root/scripts/impose.py"; } > "$impose.tmp"
chmod +x "$impose.tmp"
mv "$impose.tmp" "$impose"
"$venv/bin/weasyprint" --version
