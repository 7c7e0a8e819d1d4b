#!/usr/bin/env python3
"""Search in a real browser on a slow phone: bytes fetched per query and time to results.

    python3 scripts/bench-search.py OUTPUT [OUTPUT …] [--cpu 4] [--runs 3]

OUTPUT is a built site (e.g. the benchmark's /tmp/bookmark-bench-10000-200/output). Each is
served on 127.0.0.1 and opened in headless Chromium (Debian `chromium`, as the browser tests)
with the CPU slowed `--cpu` times (CDP Emulation.setCPUThrottlingRate) and the cache off. On
a fresh search page it types 電話相談, then 家族会オンライン, as a reader would, and reports:
- bytes: what each query made the browser fetch (Resource Timing `transferSize`, the
  headers included), the search page, search.js and search/index.js counted in the first;
  the stylesheet and icon, shared with every page, are not;
- ms: from the end of the last search file the query fetched to the last change of the result
  list (a MutationObserver), i.e. the time search.js takes once its data is there (0 when the
  results were shown before the last file, e.g. records of a later screen, arrived).
The query is typed a letter at a time, so its prefixes fetch their chunks too, as they do for
a reader; ReaderMetrics (bookmark-bench) counts the finished query's files alone.
Medians over `--runs` fresh pages. Uses the browser tests' venv (.build-browser/venv, made by
`python3 Tests/browser/run.py`). A benchmark, not a test: nothing here passes or fails.
"""

import argparse
import http.server
import os
import statistics
import sys
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV_PYTHON = os.path.join(REPO, ".build-browser", "venv", "bin", "python")
QUERIES = ["電話相談", "家族会オンライン"]

if os.path.realpath(sys.prefix) != os.path.realpath(os.path.dirname(os.path.dirname(VENV_PYTHON))):
    if not os.path.exists(VENV_PYTHON):
        sys.exit("bench-search: run python3 Tests/browser/run.py once first (it makes .build-browser/venv)")
    os.execv(VENV_PYTHON, [VENV_PYTHON, os.path.abspath(__file__)] + sys.argv[1:])

sys.path.insert(0, os.path.join(REPO, "Tests", "browser"))
import run as browser  # noqa: E402  (make_driver, wait_for)

WATCH = """
window.__changed = 0;
new MutationObserver(() => { window.__changed = performance.now(); })
  .observe(document.getElementById('search-results'), {childList: true, subtree: true, characterData: true});
"""
SEARCH_FILES = "/search/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    handler = lambda *a, **k: QuietHandler(*a, directory=folder, **k)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def resources(driver):
    return driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => ({name: e.name, size: e.transferSize,"
        " end: e.responseEnd}));")


def query(driver, text, seen):
    """Types a query; returns (bytes fetched, ms from its last search file to the last change)."""
    driver.execute_script("window.__changed = 0;")
    field = driver.find_element("id", "q")
    field.clear()
    driver.execute_script("window.__changed = 0;")
    field.send_keys(text)
    browser.wait_for(driver, "return /件|見つかりません/.test(document.getElementById('search-status').textContent)"
                             " && window.__changed > 0;", timeout=60)
    time.sleep(0.5)  # let the last chunks and records land
    fresh = [r for r in resources(driver) if r["name"] not in seen]
    seen.update(r["name"] for r in fresh)
    data = [r for r in fresh if SEARCH_FILES in r["name"]]
    last_data = max((r["end"] for r in data), default=0)
    changed = driver.execute_script("return window.__changed;")
    return sum(r["size"] for r in fresh), max(0.0, changed - last_data)


def measure(output, cpu, runs):
    server = serve(output)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    firsts, nexts, first_ms, next_ms = [], [], [], []
    driver = browser.make_driver()
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": cpu})
        for _ in range(runs):
            driver.get(base + "search/index.html")
            browser.wait_for(driver, "return document.getElementById('q') !== null;")
            page = driver.execute_script(
                "const n = performance.getEntriesByType('navigation')[0]; return n.transferSize;")
            shared = [r for r in resources(driver) if r["name"].endswith((".css", ".svg", ".ico"))]
            seen = {r["name"] for r in resources(driver)}
            # What loaded with the page (search.js, index.js, the first records) is the first query's.
            before = sum(r["size"] for r in resources(driver)) - sum(r["size"] for r in shared)
            driver.execute_script(WATCH)
            size, ms = query(driver, QUERIES[0], seen)
            firsts.append(page + before + size)
            first_ms.append(ms)
            size, ms = query(driver, QUERIES[1], seen)
            nexts.append(size)
            next_ms.append(ms)
    finally:
        driver.quit()
        server.shutdown()
    return statistics.median(firsts), statistics.median(nexts), statistics.median(first_ms), statistics.median(next_ms)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outputs", nargs="+")
    parser.add_argument("--cpu", type=float, default=4)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; Chromium, CPU x{args.cpu:g}, cache off, "
          f"medians of {args.runs}")
    for output in args.outputs:
        first, following, first_ms, next_ms = measure(os.path.abspath(output), args.cpu, args.runs)
        print(f"{output}: first query {QUERIES[0]} {first / 1000:.1f} KB, results {first_ms:.0f} ms after its data; "
              f"next {QUERIES[1]} {following / 1000:.1f} KB, {next_ms:.0f} ms")


if __name__ == "__main__":
    main()
