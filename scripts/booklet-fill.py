#!/usr/bin/env python3
"""How full a booklet's body pages are: one line per page and a summary.

    scripts/booklet-fill.py output/booklet/sakura.pdf [--margins 8,6,8,6] [--json]

How fill is measured (documented in docs/publishing.md):
  * The text area of a page is the page less the @page margins of themes/default/print/
    booklet.css (top, right, bottom, left in millimetres; pass --margins when a theme
    changes them). For a copy with bleed, pass --bleed 3: the bleed is taken off first.
  * A body page is one whose running head (the text above the text area) is the title of a
    card section: 相談窓口, 居場所, オンライン or 全国の窓口 (cover, contents, index and the
    closing pages are not counted).
  * A page's fill is how far down the text area ink reaches: the lowest non-white pixel
    row inside the text area (pdftoppm, greyscale, 100 dpi; card borders count), minus the
    top of the text area, over the text area's height. Since cards never split, the white
    below the last card is what the measure sees; a page is "full" when the next card
    would not fit.
  * The summary gives the median and the share of body pages under 60 %, also without
    "section ends": a body page after which the running head changes, or the last body
    page. The default theme starts a section of cards on the page where the one before
    ends (the running head names the section at the top of the page), so a section end is
    either the last page of cards, part-empty by design, or a page whose next section's
    heading and first card did not fit: left out there, a full page is left out too, and
    the figure without section ends errs low rather than high.

Needs poppler-utils (pdftotext, pdftoppm); nothing from PyPI.
"""
import argparse
import html
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

SECTIONS = ("相談窓口", "居場所", "オンライン", "全国の窓口")
MM = 72 / 25.4


def running_heads(pdf, top_margin_pt):
    """Per page: (width, height, text of the words above the text area) from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for match in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        width, height, body = float(match.group(1)), float(match.group(2)), match.group(3)
        head = []
        for word in re.finditer(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>', body):
            if float(word.group(2)) <= top_margin_pt:
                head.append(html.unescape(word.group(3)))
        pages.append((width, height, "".join(head)))
    return pages


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    # P5\n<w> <h>\n<max>\n<bytes>
    parts = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    width, height = int(parts.group(1)), int(parts.group(2))
    return width, height, data[parts.end():]


def ink_bottom(pixels, width, height, box, threshold=200):
    """Lowest pixel row in box (x0, y0, x1, y1 in pixels) holding a pixel darker than threshold."""
    x0, y0, x1, y1 = box
    for y in range(y1 - 1, y0 - 1, -1):
        row = pixels[y * width + x0:y * width + x1]
        if min(row) < threshold:
            return y + 1
    return y0


def measure(pdf, margins, bleed, dpi=100):
    top, right, bottom, left = (m + bleed for m in margins)
    heads = running_heads(pdf, top * MM)
    results = []
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), pdf, os.path.join(work, "p")], check=True)
        images = sorted(os.listdir(work), key=lambda name: int(re.search(r"(\d+)", name).group(1)))
        for number, (name, (_, _, head)) in enumerate(zip(images, heads), start=1):
            width, height, pixels = read_pgm(os.path.join(work, name))
            px = dpi / 25.4
            box = (round(left * px), round(top * px), width - round(right * px), height - round(bottom * px))
            lowest = ink_bottom(pixels, width, height, box)
            fill = (lowest - box[1]) / (box[3] - box[1])
            section = head if head in SECTIONS else None
            results.append({"page": number, "head": head, "section": section, "fill": round(fill, 4)})
    body = [r for r in results if r["section"]]
    for i, r in enumerate(body):
        following = body[i + 1] if i + 1 < len(body) else None
        r["sectionEnd"] = following is None or following["section"] != r["section"] or following["page"] != r["page"] + 1
    return results, body


def summary(values):
    if not values:
        return {"pages": 0}
    return {
        "pages": len(values),
        "median": round(statistics.median(values), 4),
        "mean": round(statistics.mean(values), 4),
        "under60": sum(v < 0.6 for v in values),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdf")
    parser.add_argument("--margins", default="8,6,8,6", help="@page margins in mm: top,right,bottom,left")
    parser.add_argument("--bleed", type=float, default=0.0, help="bleed in mm (3 for the print copy)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    margins = [float(m) for m in args.margins.split(",")]
    if len(margins) != 4:
        sys.exit("--margins: four numbers, top,right,bottom,left")
    results, body = measure(args.pdf, margins, args.bleed)
    report = {
        "pdf": args.pdf,
        "totalPages": len(results),
        "body": summary([r["fill"] for r in body]),
        "bodyWithoutSectionEnds": summary([r["fill"] for r in body if not r["sectionEnd"]]),
        "pages": body,
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return
    for r in body:
        print(f'{r["page"]:4d} {r["section"]:<6} {r["fill"] * 100:5.1f} %{"  (section end)" if r["sectionEnd"] else ""}')
    b, w = report["body"], report["bodyWithoutSectionEnds"]
    print(f'{args.pdf}: {report["totalPages"]} pages, {b["pages"]} body pages, median fill '
          f'{b.get("median", 0) * 100:.1f} %, {b.get("under60", 0)} under 60 %; without section ends: '
          f'median {w.get("median", 0) * 100:.1f} %, {w.get("under60", 0)} under 60 %')


if __name__ == "__main__":
    main()
