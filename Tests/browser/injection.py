"""Script-injection check in headless Chromium, part of Tests/browser/run.py.

Builds a guide whose every text field and body holds a payload from Tests/Fixtures/xss-*.txt,
then visits the home page, every entry page, the area page and the search page with a query
that returns every payload entry. Before any page script runs, `alert`, `confirm` and `prompt`
are replaced by a counter: a payload that runs shows up as a count above zero. The DOM is
also searched for event-handler attributes, `javascript:` links and elements no theme uses.
"""

import json
import os
import subprocess

FIXTURES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Fixtures")

SITE_YML = """title: 注入テスト
base_url: https://example.org/xss/
areas:
  - id: sakura
    name: さくら市
    kana: さくらし
"""

TRAP = """
window.__xss = 0;
window.alert = window.confirm = window.prompt = function () { window.__xss += 1; };
"""

DOM_PROBE = """
const bad = [];
for (const el of document.querySelectorAll('*')) {
  for (const attr of el.attributes) {
    const name = attr.name.toLowerCase();
    const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
    if (name.startsWith('on')) bad.push(el.tagName + ' ' + name);
    if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name) &&
        /^(javascript|vbscript|data):/.test(value)) bad.push(el.tagName + ' ' + name + '=' + value);
  }
  if (['IFRAME', 'OBJECT', 'EMBED', 'BASE', 'MATH', 'XSS', 'FRAME'].includes(el.tagName)) bad.push(el.tagName);
}
for (const s of document.querySelectorAll('script')) {
  const type = (s.getAttribute('type') || '').toLowerCase();
  if (!s.src && !type.includes('json') && s.textContent.includes('alert')) bad.push('inline script');
  if (s.src && !s.src.startsWith(location.origin)) bad.push('script from ' + s.src);
}
return {xss: window.__xss, bad: bad};
"""


def payloads(name):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as handle:
        return [line for line in handle.read().split("\n") if line and not line.startswith("#")]


def quoted(text):
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def write_guide(folder):
    content = os.path.join(folder, "content")
    os.makedirs(os.path.join(content, "entries"), exist_ok=True)
    with open(os.path.join(content, "site.yml"), "w", encoding="utf-8") as handle:
        handle.write(SITE_YML)
    markdown = "\n\n".join(payloads("xss-markdown.txt"))
    ids = []
    for index, payload in enumerate(payloads("xss-payloads.txt")):
        q = quoted(payload)
        entry_id = f"xss-{index}"
        ids.append(entry_id)
        fields = {
            "name": quoted(f"ちゅうい{index} {payload}"), "kana": f"ちゅうい {index}", "kind": "ibasho",
            "area": "sakura", "for": "[anyone]", "operator": q, "address": q, "access": q,
            "phone": "0123-45-6789", "hours": f'[{{days: [mon], time: "10:00-12:00", note: {quoted(payload[:90])}}}]',
            "hours_note": q, "cost": q, "reservation": "not_required", "notice": quoted(payload[:190]),
            "tags": f"[{q}]", "source": q, "verified": "2026-04-01",
        }
        text = "---\n" + "\n".join(f"{k}: {v}" for k, v in fields.items()) + "\n---\n" + payload + "\n\n" + markdown + "\n"
        with open(os.path.join(content, "entries", entry_id + ".md"), "w", encoding="utf-8") as handle:
            handle.write(text)
    return content, ids


def build(binary, folder):
    content, ids = write_guide(folder)
    output = os.path.join(folder, "bookmark")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1795402800")
    themes = os.path.join(os.path.dirname(FIXTURES), "..", "themes")
    subprocess.run([binary, "build", "--content", content, "--output", output, "--themes", themes],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    return ids


def check_injection(results, driver, base, ids, wait_for):
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": TRAP})
    pages = ["index.html", "areas/sakura/index.html", "kinds/ibasho/index.html", "for/person/index.html",
             "kinds/consultation.all/index.html", "for/person.all/index.html", "lists/nationwide/index.html"]
    pages += [f"entries/{entry_id}/index.html" for entry_id in ids]
    for path in pages:
        driver.get(base + path)
        probe = driver.execute_script(DOM_PROBE)
        results.check(f"payloads stay text on {path}", probe["xss"] == 0 and not probe["bad"], str(probe))

    driver.get(base + "search/index.html?q=" + "%E3%81%A1%E3%82%85%E3%81%86%E3%81%84")  # ちゅうい
    wait_for(driver, "return /件|見つかりません/.test(document.getElementById('search-status').textContent);")
    for _ in range(20):  # もっと見る until every result is shown
        if not driver.execute_script("const b = document.getElementById('search-more'); return b && !b.hidden;"):
            break
        count = driver.execute_script("return document.querySelectorAll('#search-results .card-name').length;")
        driver.execute_script("document.getElementById('search-more').click();")
        wait_for(driver, f"return document.querySelectorAll('#search-results .card-name').length > {count};")
    shown = driver.execute_script(
        "return Array.from(document.querySelectorAll('#search-results .card-name')).map(a => a.textContent);")
    probe = driver.execute_script(DOM_PROBE)
    results.check("search results show every payload entry", len(shown) == len(ids), f"{len(shown)} of {len(ids)}")
    results.check("search results show payloads as text", any("<script>" in name for name in shown), str(shown[:3]))
    results.check("no payload runs in search results", probe["xss"] == 0 and not probe["bad"], str(probe))
