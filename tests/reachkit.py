"""Tools for checking a built site the way a reader meets it: axe-core in Chromium, the W3C Nu
HTML Checker, a local HTTP server, and the list of pages. Used by test_accessibility.py and
test_reach.py; the tools come from npm through scripts/setup.sh into .cache/npm."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import re
import shutil
import subprocess
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NPM = ROOT / ".cache" / "npm" / "node_modules"
AXE = NPM / "axe-core" / "axe.min.js"
VNU = NPM / "vnu-jar" / "build" / "dist" / "vnu.jar"

# The axe impacts that count as findings.
SERIOUS = ("serious", "critical")


def pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as paths relative to ``site`` (sorted)."""
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if "assets" not in p.relative_to(site).parts and "search" not in p.relative_to(site).parts
    )


@contextlib.contextmanager
def serve(site: Path):
    """``site`` over HTTP on a free local port, in a thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # no line per request in the test output
        pass


def axe_source() -> str:
    assert AXE.is_file(), f"{AXE} is missing: run bash scripts/setup.sh (installs axe-core from npm)"
    return AXE.read_text(encoding="utf-8")


AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact, summary: n.failureSummary})),
  }));
}"""


def axe_findings(page, source: str) -> list[dict]:
    """axe-core's serious and critical violations on the page loaded in ``page``."""
    page.add_script_tag(content=source)
    found = page.evaluate(AXE_RUN)
    return [v for v in found if v["impact"] in SERIOUS]


# The Material theme's own markup, which our pages cannot change; matched by rule (message
# pattern and the element it is about), never by page.
THEME_FINDINGS = [
    # Material's search and drawer toggles: <label ... tabindex=""> on the header labels.
    (re.compile(r"Bad value “” for attribute “tabindex” on element “label”"), "<label"),
    # Material's header toggles: <input type="checkbox" autocomplete="off">.
    (re.compile(r"Attribute “autocomplete” is only allowed when the input type is"), "<input"),
    # Material's table-of-contents title on a page whose TOC toggle it leaves out.
    (
        re.compile(r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden"),
        '<label class="md-nav__title" for="__toc">',
    ),
]


def vnu_errors(site: Path, files: list[str]) -> list[dict]:
    """The Nu HTML Checker's errors over ``files`` (one Java run), minus the theme's known ones."""
    java = shutil.which("java")
    assert java, "java is missing: run bash scripts/setup.sh (installs default-jre-headless)"
    assert VNU.is_file(), f"{VNU} is missing: run bash scripts/setup.sh (installs vnu-jar from npm)"
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(done.stderr or done.stdout)["messages"]
    return [m for m in messages if not _theme_finding(site, m)]


def _theme_finding(site: Path, message: dict) -> bool:
    text = message.get("message", "")
    extract = message.get("extract", "")
    return any(pattern.search(text) and element in extract for pattern, element in THEME_FINDINGS)


def sweep(site: Path, paths: list[str], visit, tabs: int = 3, **page_options) -> dict:
    """Visit ``paths`` of ``site`` over HTTP in one Chromium, ``tabs`` pages at a time (axe is
    CPU-bound and Chromium runs each tab in its own process). ``visit(page, url, path)`` is an
    async function returning what to keep for the page."""
    import asyncio

    from kurikulum.pdf import CHROMIUM_ARGS, find_chromium
    from playwright.async_api import async_playwright

    async def main(base: str) -> dict:
        found: dict = {}
        queue = list(paths)
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            context = await browser.new_context(**page_options)

            async def worker() -> None:
                page = await context.new_page()
                while queue:
                    path = queue.pop(0)
                    found[path] = await visit(page, base + path, path)
                await page.close()

            try:
                await asyncio.gather(*(worker() for _ in range(tabs)))
            finally:
                await browser.close()
        return found

    with serve(site) as base:
        return asyncio.run(main(base))
