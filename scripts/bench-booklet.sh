#!/usr/bin/env bash
# Times the booklet of a synthetic edition of N entries (default 300): the sample guide's
# entries copied N times over into one area, rendered with `bookmark booklet`.
#   scripts/bench-booklet.sh [N]
# Prints each PDF's seconds (from the progress lines) and the page count. Not a test: the
# figure depends on the machine; on the project's 2-core machine a 300-entry A6 edition
# took 16–17 s per PDF (229 pages).
set -euo pipefail
count=${1:-300}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# BOOKMARK_BIN: an already built bookmark (the PDF engine's time does not depend on it).
bin=${BOOKMARK_BIN:-}
if [[ -z "$bin" ]]; then
  swift build -c release --product bookmark --package-path "$root" >/dev/null
  bin=$(swift build -c release --show-bin-path --package-path "$root")/bookmark
fi

mkdir -p "$work/content/entries"
cp "$root/content/site.yml" "$work/content/"
python3 - "$root/content/entries" "$work/content/entries" "$count" <<'PY'
import glob, random, re, sys
source, target, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
random.seed(1)
texts = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(source + "/sakura/*.md") + glob.glob(source + "/momiji/*.md"))]
kana = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ"
for i in range(count):
    text = texts[i % len(texts)]
    text = re.sub(r"^name: (.*)$", lambda m: f"name: {m.group(1)} {i + 1}号", text, count=1, flags=re.M)
    text = re.sub(r"^kana: .*$", "kana: " + "".join(random.choice(kana) for _ in range(5)), text, count=1, flags=re.M)
    text = re.sub(r"^area: .*$", "area: sakura", text, count=1, flags=re.M)
    text = re.sub(r"^(until|draft): .*\n", "", text, flags=re.M)
    open(f"{target}/e{i:04d}.md", "w", encoding="utf-8").write(text)
PY

cd "$work"
export BOOKMARK_WEASYPRINT=${BOOKMARK_WEASYPRINT:-$root/.venv-weasyprint/bin/weasyprint}
start=$(date +%s.%N)
"$bin" booklet --themes "$root/themes" --edition sakura 2>&1 | grep -E "できました|書き出しました"
end=$(date +%s.%N)
pdfinfo output/booklet/sakura.pdf | grep Pages
echo "entries: $count, whole command: $(echo "$end - $start" | bc) s"
