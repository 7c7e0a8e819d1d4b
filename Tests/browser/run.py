#!/usr/bin/env python3
"""Browser test of the built site: the sample guide in headless Chromium.

    python3 Tests/browser/run.py [--scratch-path .build] [--keep]

Requirements (Debian): chromium, chromium-driver, python3 with venv, a Swift toolchain.
The script installs its own Python packages into .build-browser/venv (git-ignored):
selenium (drives Chromium through chromedriver) and axe-playwright-python, used only for the
axe-core engine it ships (axe.min.js); Playwright itself is not installed or used.

It builds the sample guide (content/) into a temporary folder under a sub-path
(/bookmark/), serves it with `python3 -m http.server` on 127.0.0.1 and a free port, and checks:
every kind of page loads without console errors, makes no request to another host and sets no
cookie; axe-core finds no serious or critical violation; no page scrolls sideways at 360px;
Japanese queries (kanji, hiragana, katakana, half-width) find the expected entries; every
filter works and the address keeps query and filters; without JavaScript the search page
explains itself and links to the lists; in a guide of 320 areas (prefectures.py) search
chooses a prefecture, then its areas; opened from disk (file://) search finds what it finds
over http and pages keep their stylesheet; vnu (vnu.py) finds no error on any page; a fixed set of queries on a guide shaped like the real
nationwide programmes (nationwide.py) finds exactly the entries holding the words; and (injection.py) that payloads in every text field
never run, on any page or in search results. The last line is `N passed, M failed`.
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

import injection
import nationwide
import prefectures
import vnu

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VENV = os.path.join(REPO, ".build-browser", "venv")
REQUIREMENTS = ["selenium==4.51.0", "axe-playwright-python==0.1.8"]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def ensure_venv():
    """Re-runs this script with the venv's Python, creating the venv first if needed."""
    python = os.path.join(VENV, "bin", "python")
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    stamp = os.path.join(VENV, "requirements.txt")
    wanted = "\n".join(REQUIREMENTS)
    if not os.path.exists(stamp) or open(stamp).read() != wanted:
        pip = [python, "-m", "pip", "install", "--quiet"]
        subprocess.run(pip + [REQUIREMENTS[0]], check=True)
        # Only the axe-core script inside is used; its Playwright dependency is not needed.
        subprocess.run(pip + ["--no-deps", REQUIREMENTS[1]], check=True)
        with open(stamp, "w") as handle:
            handle.write(wanted)
    os.execv(python, [python, os.path.abspath(__file__)] + sys.argv[1:])


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"ok    {name}")
        else:
            self.failed += 1
            print(f"FAIL  {name}" + (f"\n      {detail}" if detail else ""))
        return ok


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_site(args, folder):
    """Builds bookmark, then the sample guide into <folder>/bookmark."""
    subprocess.run(["swift", "build", "--scratch-path", args.scratch_path], cwd=REPO, check=True)
    binary = os.path.join(REPO, args.scratch_path, "debug", "bookmark")
    output = os.path.join(folder, "bookmark")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1795402800")  # 2026-11-23 in Japan, as the tests
    subprocess.run([binary, "build", "--content", os.path.join(REPO, "content"), "--output", output],
                   cwd=REPO, check=True, env=env)
    return output


def serve(folder, port):
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", folder],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(50):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/bookmark/index.html", timeout=1)
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise RuntimeError("the test server did not start")


def make_driver(javascript=True):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,900", "--lang=ja", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-default-apps", "--disable-sync"]:
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))


def console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def requested_urls(driver):
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def run_axe(driver, axe_source, rules=None):
    """axe's default rules, or only `rules` (ids) when given."""
    driver.execute_script(axe_source)
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"axe.run(document, {json.dumps(options)})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))"
        ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));")


def scroll_width_at(driver, width):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    driver.refresh()
    sizes = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return sizes


def wait_for(driver, condition, timeout=5):
    end = time.time() + timeout
    while time.time() < end:
        value = driver.execute_script(condition)
        if value:
            return value
        time.sleep(0.05)
    return driver.execute_script(condition)


def result_names(driver):
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#search-results .card-name')).map(a => a.textContent);")


def search(driver, base, params):
    """The names of every result, in order, pressing もっと見る until all are shown."""
    driver.get(f"{base}search/index.html?" + urllib.parse.urlencode(params))
    wait_for(driver, "return /件|見つかりません|2文字/.test(document.getElementById('search-status').textContent);")
    for _ in range(100):
        if not driver.execute_script("const b = document.getElementById('search-more'); return b && !b.hidden;"):
            break
        count = len(result_names(driver))
        driver.execute_script("document.getElementById('search-more').click();")
        wait_for(driver, f"return document.querySelectorAll('#search-results .card-name').length > {count};")
    return result_names(driver)


PAGES = {
    "home": "index.html",
    "kind": "kinds/ibasho/index.html",
    "area": "areas/sakura/index.html",
    "area print list": "areas/momiji/print/index.html",
    "audience": "for/family/index.html",
    "kind in an area": "kinds/ibasho.area-sakura/index.html",
    "kind in 五十音順": "kinds/consultation.all/index.html",
    "nationwide list": "lists/nationwide/index.html",
    "audience in an area": "for/family.area-momiji/index.html",
    "entry": "entries/sakura-hikikomori-soudan/index.html",
    "entry with notice": "entries/momiji-kotonoha/index.html",
    "free page": "pages/how-to-use/index.html",
    "search": "search/index.html?q=%E7%9B%B8%E8%AB%87",
    "404": "404.html",
    # The booklet's print HTML is published too: an HTML copy of the booklet.
    "booklet (print HTML)": "booklet/sakura.html",
}


def check_pages(results, driver, base, origin, axe_source):
    for kind, path in PAGES.items():
        driver.get_log("browser")
        driver.get_log("performance")
        driver.get(base + path)
        if kind == "search":
            wait_for(driver, "return document.querySelectorAll('#search-results li').length > 0;")
        results.check(f"{kind}: lang=ja", driver.execute_script("return document.documentElement.lang") == "ja")
        errors = console_errors(driver)
        results.check(f"{kind}: no console errors", not errors, "; ".join(errors))
        others = [url for url in requested_urls(driver)
                  if not url.startswith(origin) and not url.startswith(("data:", "about:"))]
        results.check(f"{kind}: no request to another host", not others, ", ".join(others))
        violations = run_axe(driver, axe_source)
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        for violation in violations:
            print(f"      axe {violation['impact']}: {violation['id']} ({violation['help']}) {violation['nodes']}")
        results.check(f"{kind}: axe finds no serious or critical violation", not serious,
                      json.dumps(serious, ensure_ascii=False))
        if kind.startswith("booklet"):
            # WCAG 2.2 target size, which axe leaves out by default: its small print had
            # contents and index links 11 px high.
            small = run_axe(driver, axe_source, rules=["target-size"])
            results.check(f"{kind}: links are targets of 24 px (axe target-size)", not small,
                          json.dumps(small, ensure_ascii=False))
        scroll, client = scroll_width_at(driver, 360)
        results.check(f"{kind}: no sideways scroll at 360px", scroll <= client, f"scrollWidth {scroll} > {client}")
    results.check("no cookies set", driver.get_cookies() == [], str(driver.get_cookies()))

    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    driver.get(base + "index.html")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    focus = driver.execute_script(
        "const a = document.activeElement; const r = a.getBoundingClientRect(); const s = getComputedStyle(a);"
        "return {cls: a.className, top: r.top, outline: s.outlineStyle, width: parseFloat(s.outlineWidth)};")
    results.check("the first Tab shows the skip link with a visible focus outline",
                  focus["cls"] == "skip-link" and focus["top"] >= 0 and focus["outline"] != "none"
                  and focus["width"] >= 2, str(focus))


def check_search(results, driver, base):
    expect = results.check
    names = search(driver, base, {"q": "相談"})
    expect("相談 finds 相談窓口 (part of a word)", "さくら市 ひきこもり相談窓口" in names, str(names))
    expect("相談 ranks names holding the word first", names and "相談" in names[0], str(names[:3]))
    names = search(driver, base, {"q": "カゾクカイ"})
    expect("katakana カゾクカイ finds 家族会 by reading", "さくら家族会" in names, str(names))
    names = search(driver, base, {"q": "ｶｿﾞｸ"})
    expect("half-width ｶｿﾞｸ finds かぞく", "さくら家族会" in names and "あおば 家族のつどい" in names, str(names))
    names = search(driver, base, {"q": "ひだまり"})
    expect("hiragana ひだまり finds 居場所 ひだまりサロン", names == ["居場所 ひだまりサロン"], str(names))
    names = search(driver, base, {"q": "ｌｉｎｅ"})
    expect("full-width ｌｉｎｅ finds LINE services", "ひとことLINE相談" in names, str(names))
    names = search(driver, base, {"q": "こもれび"})
    expect("a publish.web:false entry is never found", names == [], str(names))
    names = search(driver, base, {"q": "ぜったいにないことば"})
    expect("no match says so", names == [] and "見つかりません" in driver.find_element("id", "search-status").text)

    # What people mean: the facts a reader sees, words typed together, no one-letter matches.
    with urllib.request.urlopen(base + "data/entries.json") as response:
        open_data = json.load(response)
    records = open_data["entries"] if isinstance(open_data, dict) else open_data
    with_phone = sorted(e["name"] for e in records if e.get("phones") or e.get("phone"))
    names = search(driver, base, {"q": "電話"})
    expect("電話 finds every entry with a phone number", sorted(set(with_phone) - set(names)) == [],
           str(sorted(set(with_phone) - set(names))))
    together = search(driver, base, {"q": "電話相談"})
    apart = search(driver, base, {"q": "電話 相談"})
    expect("電話相談 typed together finds what 電話 相談 finds", sorted(together) == sorted(apart) and len(apart) > 3,
           f"{len(together)} vs {len(apart)}")
    names = search(driver, base, {"q": "家族会オンライン"})
    expect("家族会オンライン finds the online family meeting", "もみじ家族会 オンライン例会" in names, str(names))
    names = search(driver, base, {"q": "ＬＩＮＥ相談"})
    expect("ＬＩＮＥ相談 ranks the name holding both first", names and names[0] in
           ["ひとことLINE相談", "もみじ市 LINE相談「もみじのポスト」"], str(names[:3]))
    names = search(driver, base, {"q": "都"})
    expect("a one-letter query matches nothing and says why", names == []
           and "2文字" in driver.find_element("id", "search-status").text)
    names = search(driver, base, {"q": "24時間"})
    badged = driver.execute_script(
        "return Array.from(document.querySelectorAll('#search-results .card')).filter(c => "
        "Array.from(c.querySelectorAll('.badges li')).some(l => l.textContent === '24時間')).length;")
    expect("24時間 finds the 24-hour lines, badges first", names and badged >= 1, f"{badged} of {len(names)}")

    names = search(driver, base, {"women": "1"})
    expect("filter women only", names == ["さくら女子会"], str(names))
    names = search(driver, base, {"kind": "online", "area": "momiji"})
    expect("filter kind + area", sorted(names) == sorted(["もみじ市 LINE相談「もみじのポスト」", "もみじ家族会 オンライン例会"]),
           str(names))
    names = search(driver, base, {"for": "supporter"})
    expect("filter audience keeps どなたでも entries", "えんがわの家" in names and "もみじ市 ひきこもり支援ステーション" in names
           and "さくら家族会" not in names, str(names))
    names = search(driver, base, {"age": "45"})
    expect("filter age 45 leaves out 15〜39 and keeps 40〜64", "ゆるっとゲーム会" not in names
           and "もみじ市 40代からのくらし相談" in names, str(names))
    names = search(driver, base, {"free": "1", "anonymous": "1", "noreservation": "1"})
    all_names = search(driver, base, {})
    expect("filters free + anonymous + no reservation narrow the list", 0 < len(names) < len(all_names), str(names))
    names = search(driver, base, {"outside": "1", "area": "sakura"})
    expect("filter outside residents", "さくら市 ひきこもり相談窓口" not in names and "さくら家族会" in names, str(names))
    expect("empty search lists every web entry", len(all_names) == 34, str(len(all_names)))

    driver.get(base + "search/index.html")
    wait_for(driver, "return document.querySelectorAll('#search-results li').length > 0;")
    field = driver.find_element("id", "q")
    field.send_keys("ゲーム")
    # Until the query runs the page lists everything (すべての情報…); then it says what it found.
    names = wait_for(driver, "const n = Array.from(document.querySelectorAll('#search-results .card-name'))"
                             ".map(a => a.textContent); return /件見つかりました/.test("
                             "document.getElementById('search-status').textContent) ? n : null;")
    expect("results update as you type", bool(names) and names[0] == "ゆるっとゲーム会", str(names))
    driver.find_element("id", "f-free").click()
    query = urllib.parse.parse_qs(urllib.parse.urlparse(driver.current_url).query)
    expect("the address keeps query and filters", query.get("q") == ["ゲーム"] and query.get("free") == ["1"],
           driver.current_url)
    driver.get(driver.current_url)
    wait_for(driver, "return /件|見つかりません/.test(document.getElementById('search-status').textContent);")
    expect("a shared address restores the form",
           driver.find_element("id", "q").get_attribute("value") == "ゲーム"
           and driver.find_element("id", "f-free").is_selected())
    link = driver.execute_script("const a = document.querySelector('#search-results .card-name'); return a && a.href;")
    expect("result links lead to the entry page", bool(link) and link.endswith("entries/momiji-yurutto-game/index.html"),
           str(link))

    script = open(os.path.join(REPO, "themes", "default", "assets", "js", "search.js"), encoding="utf-8").read()
    forbidden = [word for word in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")
                 if word in script]
    expect("search.js builds results with DOM APIs only", not forbidden, str(forbidden))


def check_from_files(results, driver, site, base):
    """The site opened from disk (file://), as a reader who was handed a copy: search loads its
    index, chunks and records by <script> and finds what it finds over http."""
    local = "file://" + urllib.parse.quote(site) + "/"
    for query in ({"q": "電話相談"}, {"q": "カゾクカイ"}, {"kind": "online", "area": "momiji"}):
        driver.get_log("browser")
        over_http = search(driver, base, query)
        from_files = search(driver, local, query)
        errors = console_errors(driver)
        results.check("from file:// " + " ".join(f"{k}={v}" for k, v in query.items()) + " finds what http finds",
                      from_files == over_http and len(from_files) > 0 and not errors,
                      f"{from_files} vs {over_http}; {errors}")
    driver.get(local + "entries/sakura-hikikomori-soudan/index.html")
    margin = driver.execute_script("return getComputedStyle(document.body).marginTop;")
    results.check("from file:// an entry page has its stylesheet (body margin 0, not the browser's 8px)",
                  margin == "0px", str(margin))


def check_without_javascript(results, base):
    driver = make_driver(javascript=False)
    try:
        driver.get(base + "search/index.html")
        text = driver.find_element("tag name", "body").text
        results.check("without JavaScript the search page explains itself", "JavaScript" in text, text[:200])
        hrefs = driver.execute_script("return Array.from(document.querySelectorAll('.browse a')).map(a => a.href);")
        reached = all(urllib.request.urlopen(href).status == 200 for href in hrefs)
        results.check("without JavaScript the search page links to every list", len(hrefs) >= 7 and reached,
                      str(hrefs))
    finally:
        driver.quit()


def on_own_server(results, site, label, check, also_judged=()):
    """vnu on a built guide (a folder named bookmark), then `check(base)` with it served on a port of its own."""
    vnu.check(results, site, label, also_judged=also_judged)
    port = free_port()
    server = serve(os.path.dirname(site), port)
    try:
        check(f"http://127.0.0.1:{port}/bookmark/")
    finally:
        server.terminate()
        server.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scratch-path", default=".build", help="swift build scratch path (default .build)")
    parser.add_argument("--keep", action="store_true", help="keep the built site and print where")
    args = parser.parse_args()
    ensure_venv()

    import axe_playwright_python

    axe_source = open(os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js"),
                      encoding="utf-8").read()
    folder = tempfile.mkdtemp(prefix="bookmark-browser-")
    results = Results()
    server = None
    driver = None
    try:
        site = build_site(args, folder)
        vnu.check(results, site, "sample guide")
        port = free_port()
        server = serve(folder, port)
        origin = f"http://127.0.0.1:{port}/"
        base = origin + "bookmark/"
        driver = make_driver()
        check_pages(results, driver, base, origin, axe_source)
        check_search(results, driver, base)
        check_from_files(results, driver, site, base)
        check_without_javascript(results, base)

        binary = os.path.join(REPO, args.scratch_path, "debug", "bookmark")
        injection_folder = os.path.join(folder, "xss")
        ids = injection.build(binary, injection_folder)
        on_own_server(results, os.path.join(injection_folder, "bookmark"), "payload guide",
                      lambda base: injection.check_injection(results, driver, base, ids, wait_for),
                      also_judged=("This document appears to be written in",))

        nationwide_site = nationwide.build(binary, os.path.join(folder, "zenkoku"), os.path.join(REPO, "themes"))
        on_own_server(results, nationwide_site, "nationwide guide",
                      lambda base: nationwide.check(results, driver, base, search))

        national_site = prefectures.build(binary, os.path.join(folder, "todofuken"), os.path.join(REPO, "themes"))
        on_own_server(results, national_site, "guide of 320 areas",
                      lambda base: prefectures.check(results, driver, national_site, base, search, wait_for))
    finally:
        if driver:
            driver.quit()
        if server:
            server.terminate()
            server.wait()
        if args.keep:
            print(f"site kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"{results.passed} passed, {results.failed} failed")
    sys.exit(1 if results.failed else 0)


if __name__ == "__main__":
    main()
