"""Search in a guide of more areas than a page lists: a prefecture first, then its areas.

A national guide has about 1,700 municipalities; their <option>s alone would be 90 KB of the
search page. Past 300 areas (PagedLists.areasPerPage) the page offers 都道府県 first, and the
area choices of the chosen prefecture come from search/areas/<n>.js. This guide has 320 areas
in three prefectures (架空A県 160, 架空B県 100, 架空C県 60), one entry in each area and one
nationwide service. Checked in Chromium: the page stays small; choosing a prefecture shows
exactly its areas and its entries; choosing an area narrows to that area; the address keeps
both and a shared address restores them; 全国 still finds the nationwide service.
"""

import os
import subprocess

PREFECTURES = [("架空A県", 160), ("架空B県", 100), ("架空C県", 60)]


def areas():
    found = []
    for prefecture, count in PREFECTURES:
        found += [(f"{prefecture[2]}-{n}".lower(), f"{prefecture[2]}市{n}", prefecture) for n in range(count)]
    return found


def build(binary, folder, themes):
    content = os.path.join(folder, "content")
    lines = ["title: 全国の窓口", "base_url: https://example.org/todofuken/", "areas:"]
    for area_id, name, prefecture in areas():
        lines += [f"  - id: {area_id}", f"    name: {name}", "    kana: し", f"    prefecture: {prefecture}"]
    os.makedirs(os.path.join(content, "entries"), exist_ok=True)
    with open(os.path.join(content, "site.yml"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    entries = [(f"soudan-{area_id}", f"{name} ひきこもり相談", area_id) for area_id, name, _ in areas()]
    entries.append(("zenkoku-line", "全国 夜の電話相談", "nationwide"))
    for entry_id, name, area in entries:
        text = "\n".join([
            "---", f"name: {name}", "kana: そうだん", "kind: consultation" if area != "nationwide" else "kind: online",
            f"area: {area}", "for: [person, family]", "phone: 0123-45-6789", "cost: free",
            "address: 架空県架空市1-2-3", 'hours: [{days: [mon], time: "10:00-12:00"}]',
            "reservation: recommended", "verified: 2026-06-01", "---", "ご本人やご家族の相談を受け付けています。", ""])
        with open(os.path.join(content, "entries", entry_id + ".md"), "w", encoding="utf-8") as handle:
            handle.write(text)
    output = os.path.join(folder, "bookmark")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1795402800")
    subprocess.run([binary, "build", "--content", content, "--output", output, "--themes", themes],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    return output


def check(results, driver, site, base, search, wait_for):
    expect = results.check
    size = os.path.getsize(os.path.join(site, "search", "index.html"))
    expect(f"320 areas: the search page is small ({size} bytes) and offers 都道府県 first", size < 12_000
           and 'id="f-pref"' in open(os.path.join(site, "search", "index.html"), encoding="utf-8").read())

    names = search(driver, base, {"pref": "架空B県"})
    expect("a prefecture finds exactly its entries", len(names) == 100 and all(n.startswith("B市") for n in names),
           f"{len(names)}: {names[:3]}")
    options = driver.execute_script(
        "return Array.from(document.getElementById('f-area').options).map(o => o.value);")
    expect("the area choices are 全国 and the prefecture's areas", options[:2] == ["", "nationwide"]
           and sorted(options[2:]) == sorted(f"b-{n}" for n in range(100)), f"{len(options)}: {options[:4]}")

    names = search(driver, base, {"pref": "架空C県", "area": "c-7"})
    expect("a shared address with a prefecture and an area restores both and narrows to the area",
           names == ["C市7 ひきこもり相談"]
           and driver.execute_script("return document.getElementById('f-area').value;") == "c-7"
           and driver.execute_script("return document.getElementById('f-pref').value;") == "架空C県", str(names))

    driver.get(base + "search/index.html")
    wait_for(driver, "return document.querySelectorAll('#search-results li').length > 0;")
    driver.execute_script(
        "const p = document.getElementById('f-pref'); p.value = '架空A県'; p.dispatchEvent(new Event('change', {bubbles: true}));")
    wait_for(driver, "return document.getElementById('f-area').options.length > 100;")
    driver.execute_script(
        "const a = document.getElementById('f-area'); a.value = 'a-42'; a.dispatchEvent(new Event('change', {bubbles: true}));")
    wait_for(driver, "return /件/.test(document.getElementById('search-status').textContent) && "
                     "document.querySelectorAll('#search-results .card-name').length === 1;")
    names = driver.execute_script(
        "return Array.from(document.querySelectorAll('#search-results .card-name')).map(a => a.textContent);")
    expect("choosing a prefecture, then an area, narrows to that area", names == ["A市42 ひきこもり相談"], str(names))
    expect("the address keeps the prefecture and the area",
           "pref=%E6%9E%B6%E7%A9%BAA%E7%9C%8C" in driver.current_url and "area=a-42" in driver.current_url,
           driver.current_url)

    names = search(driver, base, {"area": "nationwide"})
    expect("全国 finds the nationwide service", names == ["全国 夜の電話相談"], str(names))
