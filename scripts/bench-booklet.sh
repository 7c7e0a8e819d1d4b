#!/usr/bin/env bash
# Times the booklet of a synthetic edition of N entries (default 300) on PAPER (A6 or B6,
# default A6): the sample guide's sakura and momiji entries copied N times over into one
# area, rendered with `bookmark booklet` (web copy PDF/UA-1 and print copy PDF/X-4, side by
# side, one WeasyPrint each).
#   scripts/bench-booklet.sh [N] [PAPER]
# Prints each PDF's seconds (from the progress lines), the whole command's seconds, the peak
# memory of the largest process (GNU time: one WeasyPrint), the page count and the body-page
# fill (scripts/booklet-fill.py). Not a test: the figures depend on the machine and its load.
set -euo pipefail
count=${1:-300}
paper=${2:-A6}
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
sed "s/^    paper: A6$/    paper: $paper/" "$root/content/site.yml" > "$work/content/site.yml"
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
load=$(cut -d' ' -f1 /proc/loadavg)
export BOOKMARK_WEASYPRINT=${BOOKMARK_WEASYPRINT:-$root/.venv-weasyprint/bin/weasyprint}
start=$(date +%s.%N)
/usr/bin/time -f "peak memory (largest process): %M KB" -o time.txt \
  "$bin" booklet --themes "$root/themes" --edition sakura 2>&1 | grep -E "できました|書き出しました"
end=$(date +%s.%N)
cat time.txt
pdfinfo output/booklet/sakura.pdf | grep Pages
"$root/scripts/booklet-fill.py" output/booklet/sakura.pdf | tail -1
echo "entries: $count, paper: $paper, cores: $(nproc), load before: $load, whole command: $(echo "$end - $start" | bc) s"
