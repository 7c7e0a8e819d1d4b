#!/usr/bin/env bash
# Runs the whole test suite: Swift unit and end-to-end tests (real WeasyPrint, poppler),
# then the browser tests in headless Chromium. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --with-browser
swift build --build-tests
swift test --skip-build
if [[ -f Tests/browser/run.py ]]; then
  python3 Tests/browser/run.py
fi

# A bounded fuzzing run over load → validate → render (libFuzzer + AddressSanitizer).
scripts/fuzz.sh "${BOOKMARK_FUZZ_SECONDS:-60}"
