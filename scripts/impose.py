#!/usr/bin/env python3
"""Saddle-stitch imposition of a booklet PDF: two pages per sheet side, for office printing.

Usage: bookmark-impose SOURCE.pdf DESTINATION.pdf

The page count is padded with blank pages to a multiple of four; the blanks go before the
last page, so the booklet's last page (the 24-hour lines) stays on the back cover. Sheet
sides then hold
(N,1) (2,N-1) (N-2,3) (4,N-3) ...: print double-sided (flip on the short edge), stack,
fold in the middle and staple. Each sheet is twice the page width, pages are not rotated.
scripts/install-weasyprint.sh installs this as `bookmark-impose` in .venv-weasyprint/bin.
"""
import sys

from pypdf import PdfReader, PdfWriter, Transformation


def sheet_order(count):
    """Page numbers (1-based, None for blank) per sheet side, left then right."""
    total = (count + 3) // 4 * 4
    if count == 1:
        pages = [1, None, None, None]
    else:
        pages = list(range(1, count)) + [None] * (total - count) + [count]
    sides = []
    for i in range(total // 2):
        if i % 2 == 0:
            left, right = total - i, i + 1
        else:
            left, right = i + 1, total - i
        sides.append((pages[left - 1], pages[right - 1]))
    return sides


def impose(source, destination):
    reader = PdfReader(source)
    pages = reader.pages
    box = pages[0].mediabox
    width, height = float(box.width), float(box.height)
    left_edge, bottom_edge = float(box.left), float(box.bottom)
    writer = PdfWriter()
    for left, right in sheet_order(len(pages)):
        sheet = writer.add_blank_page(width=2 * width, height=height)
        for number, offset in ((left, 0), (right, width)):
            if number is not None:
                sheet.merge_transformed_page(pages[number - 1], Transformation().translate(tx=offset - left_edge, ty=-bottom_edge))
    writer.add_metadata({"/Title": (reader.metadata or {}).get("/Title", "") + " (imposed)"})
    with open(destination, "wb") as output:
        writer.write(output)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    impose(sys.argv[1], sys.argv[2])
