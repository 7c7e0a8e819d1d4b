#!/usr/bin/env python3
"""Facts of a booklet PDF for the Swift tests, as one JSON object (pikepdf and pdfua).

    .venv-weasyprint/bin/python scripts/booklet-pdf-facts.py FILE.pdf

install-weasyprint.sh puts pikepdf and pdfua in that venv. Also handy to show a print shop
what the print copy declares (PDF/X version, output intent, TrimBox and BleedBox).
"""
import json
import subprocess
import sys
import os

import pikepdf


def figures(node, found):
    """Every /Figure structure element's /Alt (None when missing)."""
    if isinstance(node, pikepdf.Array):
        for child in node:
            figures(child, found)
        return
    if not isinstance(node, pikepdf.Dictionary):
        return
    if node.get("/S") == "/Figure":
        alt = node.get("/Alt")
        found.append(str(alt) if alt is not None else None)
    kids = node.get("/K")
    if kids is not None:
        figures(kids, found)


def main():
    path = sys.argv[1]
    pdf = pikepdf.open(path)
    root = pdf.Root
    facts = {"pages": len(pdf.pages)}
    mark = root.get("/MarkInfo")
    facts["marked"] = bool(mark is not None and mark.get("/Marked", False))
    facts["lang"] = str(root.get("/Lang", ""))
    prefs = root.get("/ViewerPreferences")
    facts["displayDocTitle"] = bool(prefs is not None and prefs.get("/DisplayDocTitle", False))
    facts["title"] = str(pdf.docinfo.get("/Title", ""))
    tree = root.get("/StructTreeRoot")
    facts["structTree"] = tree is not None
    alts = []
    if tree is not None:
        figures(tree.get("/K"), alts)
    facts["figureAlts"] = alts
    intents = root.get("/OutputIntents")
    facts["outputIntents"] = [
        {"subtype": str(i.get("/S")), "identifier": str(i.get("/OutputConditionIdentifier", "")),
         "profile": i.get("/DestOutputProfile") is not None}
        for i in (intents or [])]
    with pdf.open_metadata() as meta:
        facts["pdfxVersion"] = meta.get("pdfxid:GTS_PDFXVersion", "")
        facts["pdfuaPart"] = meta.get("pdfuaid:part", "")
    boxes = []
    for page in pdf.pages:
        obj = page.obj
        def box(name):
            value = obj.get(name)
            return [float(v) for v in value] if value is not None else None
        boxes.append({"media": box("/MediaBox"), "trim": box("/TrimBox"), "bleed": box("/BleedBox")})
    facts["boxes"] = boxes
    # pdfua: its machine-checkable subset of PDF/UA-1.
    pdfua = os.path.join(os.path.dirname(sys.executable), "pdfua")
    run = subprocess.run([pdfua, "check", "--format", "json", path], capture_output=True, text=True)
    try:
        facts["pdfua"] = json.loads(run.stdout)
    except json.JSONDecodeError:
        facts["pdfua"] = {"unreadable": run.stdout[-2000:] + run.stderr[-2000:]}
    print(json.dumps(facts, ensure_ascii=False))


if __name__ == "__main__":
    main()
