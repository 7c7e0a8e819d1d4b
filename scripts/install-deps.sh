#!/usr/bin/env bash
# Installs the system packages bookmark needs on Debian, only those that are missing.
#   --with-browser  also Chromium and its driver (for the browser tests)
# The Swift toolchain itself is expected on PATH (swift 6).
set -euo pipefail

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

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}" >&2
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# WeasyPrint (the PDF engine) lives in a virtual environment of its own.
here=$(cd "$(dirname "$0")" && pwd)
if [[ -x "$here/install-weasyprint.sh" ]]; then
  "$here/install-weasyprint.sh"
fi
