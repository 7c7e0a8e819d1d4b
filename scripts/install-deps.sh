#!/usr/bin/env bash
# Installs the system packages bookmark needs on Debian, only those that are missing.
#   --with-browser  also Chromium and its driver (for the browser tests)
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
)
if [[ " $* " == *" --with-browser "* ]]; then
  packages+=(chromium chromium-driver)
fi

apt_install_missing "${packages[@]}"

# WeasyPrint (the PDF engine) lives in a virtual environment of its own.
here=$(cd "$(dirname "$0")" && pwd)
if [[ -x "$here/install-weasyprint.sh" ]]; then
  "$here/install-weasyprint.sh"
fi
