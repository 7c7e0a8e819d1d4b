#!/usr/bin/env python3
"""Renders one booklet HTML to PDF with WeasyPrint, as `bookmark booklet` asks.

    bookmark-render --copy web|print|imposition INPUT.html OUTPUT.pdf

scripts/install-weasyprint.sh installs it as .venv-weasyprint/bin/bookmark-render, beside
weasyprint and with the venv's Python; bookmark runs it once per PDF, several side by side.

  * web: tagged PDF/UA-1 (structure tree, /Lang ja, title shown, XMP, links described);
  * print: PDF/X-4, with the CMYK output intent of BOOKMARK_CMYK_PROFILE (default: the
    FOGRA39 profile install-weasyprint.sh makes from Fogra's free characterisation data);
    TrimBox and BleedBox come from the page's CSS `bleed`;
  * imposition: a plain PDF, the pages the imposition script puts two to a sheet.

Saddle stitching: the page count is made a multiple of four. The HTML holds, before its
last page, a few optional pages (elements with `data-pad`), one page each, that serve the
reader (where to ask for help, a memo for a call, a page for notes). After layout, as many
as are needed are kept, in their order, and the rest are dropped: no layout is done twice,
and no blank page is ever added. The pages after them (the last page) carry no page
number, so dropping a page changes no number that is printed.

Only `file:` and `data:` URLs are fetched (QR codes are `data:` images); anything else
stops the render with an error, so an image never vanishes without a word.
"""
import argparse
import hashlib
import logging
import os
import sys
import uuid

import weasyprint
from weasyprint.urls import URLFetcher, URLFetchingError

VARIANTS = {"web": "pdf/ua-1", "print": "pdf/x-4", "imposition": None}


class LocalFetcher(URLFetcher):
    """file: and data: only; anything else is an error, not a silent gap."""

    def fetch(self, url, headers=None):
        if not (url.startswith("data:") or url.startswith("file:")):
            raise URLFetchingError(f"not fetched (only file: and data:): {url[:80]}")
        return super().fetch(url, headers)


class Problems(logging.Handler):
    """WeasyPrint's errors (an image or stylesheet it could not load): each stops the render."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def padded_pages(document):
    """The pages to write: every page but the optional ones not needed for a multiple of four."""
    pads = []
    for index, page in enumerate(document.pages):
        if any(anchor.startswith("pad-") for anchor in page.anchors):
            pads.append(index)
    base = len(document.pages) - len(pads)
    needed = (-base) % 4
    if needed > len(pads):
        # The theme does not offer enough pages: keep them all; the count is then not a
        # multiple of four, which the caller reports.
        needed = len(pads)
    dropped = set(pads[needed:])
    return [page for index, page in enumerate(document.pages) if index not in dropped]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copy", choices=sorted(VARIANTS), required=True)
    parser.add_argument("html")
    parser.add_argument("pdf")
    args = parser.parse_args()

    problems = Problems()
    logging.getLogger("weasyprint").addHandler(problems)
    fetcher = LocalFetcher(fail_on_errors=True)
    stylesheets = []
    # The stylesheet's @color-profile lands in this dict, which the document must share.
    profiles = {}
    if args.copy == "print":
        profile = os.environ.get("BOOKMARK_CMYK_PROFILE") or os.path.join(
            sys.prefix, "share", "bookmark", "FOGRA39.icc")
        if not os.path.isfile(profile):
            sys.exit(f"印刷所用 PDF（PDF/X-4）の CMYK プロファイルがありません: {profile}\n"
                     "scripts/install-weasyprint.sh を実行するか、BOOKMARK_CMYK_PROFILE にプロファイルを指定してください。")
        url = "file://" + os.path.abspath(profile)
        stylesheets.append(weasyprint.CSS(string=f'@color-profile device-cmyk {{ src: url("{url}"); components: cyan magenta yellow black }}',
                                          url_fetcher=fetcher, color_profiles=profiles))
    # PDF/X-4's XMP holds a document id, which WeasyPrint draws at random: made from the
    # HTML instead, so two renders of the same booklet are the same file.
    with open(args.html, "rb") as source:
        digest = hashlib.sha256(source.read()).digest()
    weasyprint.pdf.metadata.uuid4 = lambda: uuid.UUID(bytes=digest[:16], version=4)
    html = weasyprint.HTML(filename=args.html, encoding="utf-8", url_fetcher=fetcher)
    options = {
        "pdf_variant": VARIANTS[args.copy],
        # A fixed identifier keeps two renders of the same HTML byte-identical.
        "pdf_identifier": b"bookmark",
    }
    document = html.render(stylesheets=stylesheets, color_profiles=profiles, **options)
    pages = padded_pages(document)
    if problems.messages:
        sys.exit("WeasyPrint が読み込めなかったものがあります（PDF は作りません）:\n" + "\n".join(problems.messages[:10]))
    document.copy(pages).write_pdf(args.pdf, **options)
    if problems.messages:
        os.remove(args.pdf)
        sys.exit("WeasyPrint が PDF を書けませんでした:\n" + "\n".join(problems.messages[:10]))
    print(f"pages {len(pages)}")


if __name__ == "__main__":
    main()
