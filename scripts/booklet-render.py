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
import gc
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


class RoomyPages:
    """Prints more of a card's description where its page has room, without moving a card.

    The HTML gives each card its description as the first part (what fits any page), the
    rest in pieces (`<span class="more">`, a sentence each) and a `…` (`<span class="cut">`,
    `data-whole` when the pieces end the text). Before layout the pieces are taken out of
    the box tree. Each page is laid out as WeasyPrint does; when white is left below its
    last card, pieces of the cards on it are put back, in order, as many as the white holds
    by an estimate of their lines, and the page is laid out again. That layout is kept only
    when the page ends where it ended before (the same next card, so no card moves and no
    page number changes); otherwise the pieces come out again and the page is laid out as
    first. The `…` stays unless every piece of a text that ends there is printed.

    It works inside WeasyPrint's page loop (`layout.page.remake_page`, which WeasyPrint
    itself calls again for a page whose counters changed) and is checked for the version
    install-weasyprint.sh installs; with another, it does nothing and cards keep their
    first part.
    """

    def __init__(self):
        self.bodies = {}  # a card's element -> its Body
        self.trials = self.kept = 0

    class Body:
        """A card's description box, with the pieces it may show."""

        def __init__(self, box, pieces, cut):
            self.box, self.pieces, self.cut = box, pieces, cut
            self.whole = cut.element.get("data-whole") is not None
            self.at = next(i for i, child in enumerate(box.children) if child is pieces[0])
            hidden = {id(piece) for piece in pieces} | {id(cut)}
            self.first = [child for child in box.children if id(child) not in hidden]
            self.set(0)

        def set(self, count):
            """Shows the first `count` pieces, and the `…` unless they end the text."""
            self.shown = count
            cut = [] if count == len(self.pieces) and self.whole else [self.cut]
            self.box.children = self.first[:self.at] + self.pieces[:count] + cut + self.first[self.at:]

    @staticmethod
    def classes(box):
        element = getattr(box, "element", None)
        if element is None or getattr(box, "element_tag", None) is None:
            return ()
        return (element.get("class") or "").split()

    def prepare(self, root_box):
        """Takes every card's pieces out of the box tree, before layout."""
        stack = [(root_box, None)]
        while stack:
            box, card = stack.pop()
            classes = self.classes(box)
            if box.element_tag == "article" and "card" in classes:
                card = box.element
            if box.element_tag == "p" and "card-body" in classes:
                # Before layout, a paragraph's inline boxes are the children of one line box.
                if len(box.children) == 1 and type(box.children[0]).__name__ == "LineBox":
                    box = box.children[0]
                pieces = [child for child in box.children if "more" in self.classes(child)]
                cuts = [child for child in box.children if "cut" in self.classes(child)]
                if card is not None and pieces and len(cuts) == 1:
                    self.bodies[card] = self.Body(box, pieces, cuts[0])
                continue
            for child in getattr(box, "children", ()):
                stack.append((child, card))

    @staticmethod
    def cards(page):
        """The laid-out cards of a page, top to bottom."""
        found, stack = [], [page]
        while stack:
            box = stack.pop()
            if box.element_tag == "article":
                found.append(box)
                continue
            stack.extend(reversed(getattr(box, "children", ())))
        return found

    @staticmethod
    def ems(text):
        return sum(0.93 if 0x3040 <= ord(c) <= 0x30FF else 1 if ord(c) >= 0x2E80 else 0.62 for c in text)

    def wrap(self, remake_page):
        def remake(index, context, root_box, html):
            page, resume_at = remake_page(index, context, root_box, html)
            if resume_at is None or not self.bodies:
                return page, resume_at
            laid = [card for card in self.cards(page) if card.element in self.bodies]
            bodies = [self.bodies[card.element] for card in laid]
            if not laid or all(body.shown == len(body.pieces) for body in bodies):
                return page, resume_at
            bottom = max(card.position_y + card.margin_height() for card in self.cards(page))
            room = page.content_box_y() + page.height - bottom
            paragraph = next((b for b in self.paragraphs(laid[-1])), None)
            if paragraph is None or not paragraph.children:
                return page, resume_at
            line = paragraph.children[0].height
            width = paragraph.width / paragraph.style["font_size"]
            # One line to spare for the estimate; a page is laid out again for two lines or more.
            lines = int(room // line) - 1
            if lines < 2:
                return page, resume_at
            plan = []
            for body in bodies:
                count, used = body.shown, 0.0
                while count < len(body.pieces):
                    piece = self.ems(body.pieces[count].element.text or "")
                    # Lines the pieces take, counting the first as starting a line of its own.
                    needed = int((used + piece) // width) + 1 - (int(used // width) + 1 if used else 0)
                    if needed > lines:
                        break
                    lines -= needed
                    used += piece
                    count += 1
                plan.append((body, body.shown, count))
            if all(new == old for _, old, new in plan):
                return page, resume_at
            saved = list(context.page_maker[index + 1])
            for body, _, new in plan:
                body.set(new)
            self.trials += 1
            trial, trial_resume = remake_page(index, context, root_box, html)
            if trial_resume == resume_at:
                self.kept += 1
                return trial, trial_resume
            for body, old, _ in plan:
                body.set(old)
            context.page_maker[index + 1] = tuple(saved)
            return remake_page(index, context, root_box, html)
        return remake

    def paragraphs(self, card):
        stack = [card]
        while stack:
            box = stack.pop()
            if box.element_tag == "p" and "card-body" in self.classes(box):
                yield box
                continue
            stack.extend(getattr(box, "children", ()))

    def install(self):
        """Hooks into WeasyPrint's layout; False (and nothing changed) if it is not the expected one."""
        try:
            from weasyprint import document as document_module
            from weasyprint.layout import page as page_module
        except ImportError:
            return False
        if not weasyprint.__version__.startswith("70.") or not hasattr(page_module, "remake_page") \
                or not hasattr(document_module, "layout_document"):
            return False
        layout_document = document_module.layout_document

        def layout(html, root_box, context, *args, **kwargs):
            self.prepare(root_box)
            return layout_document(html, root_box, context, *args, **kwargs)

        document_module.layout_document = layout
        page_module.remake_page = self.wrap(page_module.remake_page)
        return True


def speed_up():
    """Two memos for what WeasyPrint 70 and pydyf 0.13 recompute for every box or link.

    * `pydyf.PDF.page_references` builds the list of every page's reference each time a
      link or tagged element asks for one page's: kept while the page count stays (a
      300-entry booklet asked ~18,000 times for its 124 pages).
    * Colours are parsed again (from their CSS tokens) for every element drawn; the same
      colour gives the same value, so each is parsed once.
    Both leave the PDF byte for byte as it was (checked on the 300-entry booklet). With
    other versions, nothing is changed.
    """
    import functools
    import pydyf
    from weasyprint.css import computed_values

    if pydyf.__version__.startswith("0.13.") and isinstance(getattr(pydyf.PDF, "page_references", None), property):
        def page_references(pdf):
            kids = pdf.pages["Kids"]
            memo = pdf.__dict__.get("_bookmark_page_references")
            if memo is None or memo[0] != len(kids):
                memo = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
                pdf.__dict__["_bookmark_page_references"] = memo
            return memo[1]
        pydyf.PDF.page_references = property(page_references)

    parse_color = getattr(computed_values, "parse_color", None)
    if weasyprint.__version__.startswith("70.") and parse_color is not None:
        @functools.lru_cache(maxsize=512)
        def parsed(key, schemes, value):
            return parse_color(value, schemes)

        def memo_parse_color(value, schemes=None):
            try:
                key = value if isinstance(value, str) else (type(value).__name__, value.serialize())
                return parsed(key, schemes, value)
            except (AttributeError, TypeError):  # not a token, or an unhashable scheme
                return parse_color(value, schemes)
        computed_values.parse_color = memo_parse_color


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
    # WeasyPrint makes millions of small objects and frees few: Python's cycle collector,
    # run at its default thresholds, went over them again and again (11 % of a 300-entry
    # booklet's time, for 20 MB more when it runs less often; the PDF is the same).
    gc.freeze()
    gc.set_threshold(50000, 20, 100)
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
    speed_up()
    roomy = RoomyPages()
    roomy.install()
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
    print(f"pages {len(pages)}; pages laid out again with more of a description: {roomy.kept} (of {roomy.trials} tried)")


if __name__ == "__main__":
    main()
