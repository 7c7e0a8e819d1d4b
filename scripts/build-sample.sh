#!/usr/bin/env bash
# Builds the sample guide in content/ into output/: the site and every edition's booklet PDF.
# Installs what is missing first. Run from anywhere; it works in the repository's root.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
swift build -c release --product bookmark
bin=$(swift build -c release --show-bin-path)/bookmark

"$bin" check
if "$bin" booklet --help >/dev/null 2>&1; then
  "$bin" booklet          # builds the site, then the PDFs (output/booklet/, print/)
else
  "$bin" build
fi
echo "Open output/index.html in a browser." >&2
