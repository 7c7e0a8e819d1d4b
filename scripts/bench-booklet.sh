#!/usr/bin/env bash
# Times the booklet of a synthetic edition of N entries (default 300) on PAPER (A6 or B6,
# default A6): the sample guide's sakura and momiji entries copied N times over into one
# area, rendered with `bookmark booklet` (web copy PDF/UA-1 and print copy PDF/X-4, side by
# side, one WeasyPrint each).
#   scripts/bench-booklet.sh [N] [PAPER] [RUNS]
# Runs the command RUNS times (default 3) and prints, as medians, each PDF's seconds (from
# the progress lines), the whole command's seconds and their ratio to the slower PDF, the
# user+sys CPU seconds of all its processes, the peak memory of the largest process (GNU
# time: one WeasyPrint), the load before each run, the page count and the body-page fill of
# both copies (scripts/booklet-fill.py). Not a test: the figures depend on the machine and
# its load; compare like with like, alternating.
set -euo pipefail
count=${1:-300}
paper=${2:-A6}
runs=${3:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# BOOKMARK_BIN: an already built bookmark (the PDF engine's time does not depend on it).
bin=${BOOKMARK_BIN:-}
# The script works in a folder of its own: a relative path is made absolute first.
if [[ -n "$bin" ]]; then
  [[ -x "$bin" ]] || { echo "BOOKMARK_BIN is not an executable: $bin" >&2; exit 1; }
  bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
fi
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
export BOOKMARK_WEASYPRINT=${BOOKMARK_WEASYPRINT:-$root/.venv-weasyprint/bin/weasyprint}
loads=()
for run in $(seq 1 "$runs"); do
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
  start=$(date +%s.%N)
  /usr/bin/time -f "%M %U %S" -o "time-$run.txt" \
    "$bin" booklet --themes "$root/themes" --edition sakura > "log-$run.txt" 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc > "wall-$run.txt"
  grep -E "できました|書き出しました" "log-$run.txt" | sed "s/^/  run $run: /"
done
pdfinfo output/booklet/sakura.pdf | grep Pages
"$root/scripts/booklet-fill.py" output/booklet/sakura.pdf | tail -1
"$root/scripts/booklet-fill.py" --bleed 3 print/sakura.pdf | tail -1
python3 - "$runs" "$count" "$paper" "$(nproc)" "${loads[*]}" <<'PY'
import re, statistics, sys
runs, count, paper, cores, loads = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5].split()
web, prints, walls, cpus, peaks = [], [], [], [], []
for run in range(1, runs + 1):
    log = open(f"log-{run}.txt", encoding="utf-8").read()
    web += [float(m) for m in re.findall(r"ウェブ用 PDF ができました（([\d.]+) 秒", log)]
    prints += [float(m) for m in re.findall(r"印刷所用（塗り足し 3 mm） PDF ができました（([\d.]+) 秒", log)]
    walls.append(float(open(f"wall-{run}.txt").read()))
    peak, user, system = open(f"time-{run}.txt").read().split()[-3:]
    peaks.append(int(peak)); cpus.append(float(user) + float(system))
median = statistics.median
slowest = median(max(w, p) for w, p in zip(web, prints))
print(f"web copy: median {median(web):.1f} s, print copy: median {median(prints):.1f} s (each rendered side by side)")
print(f"whole command: median {median(walls):.1f} s = {median(walls) / slowest:.2f} x the slower PDF; "
      f"user+sys of all its processes {median(cpus):.1f} s; peak memory of the largest process {max(peaks) // 1024} MB")
print(f"entries: {count}, paper: {paper}, runs: {runs}, cores: {cores}, load before each run: {', '.join(loads)}")
PY
