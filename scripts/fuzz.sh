#!/usr/bin/env bash
# Fuzzes load → validate → render with libFuzzer and AddressSanitizer for a bounded time.
#   scripts/fuzz.sh [SECONDS]     (default 60)
# New interesting inputs go to .build-fuzz/corpus (git-ignored); Fuzz/seeds is the committed
# seed corpus. A crash leaves crash-* files in .build-fuzz/ and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

swift build --scratch-path .build-fuzz -c debug --product bookmark-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -D -Xswiftc FUZZING -Xswiftc -parse-as-library
bin=$(swift build --scratch-path .build-fuzz -c debug --show-bin-path)/bookmark-fuzz

mkdir -p .build-fuzz/corpus .build-fuzz/artifacts
BOOKMARK_THEMES=themes "$bin" .build-fuzz/corpus Fuzz/seeds \
  -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=.build-fuzz/artifacts/ -print_final_stats=1 2>&1 | tee .build-fuzz/fuzz.log | tail -n 15
