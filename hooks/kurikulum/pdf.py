"""Print the site's printable pages to A4 PDFs with headless Chromium.

Why Chromium and not WeasyPrint: the PDFs are the browser's own print of the same pages with
the same print stylesheet, so what a facilitator gets from the Print button and from the PDF
is the same document, and one stylesheet is tested once. Debian's Chromium is driven by
Playwright with ``executable_path`` (Playwright cannot download a browser here). Each PDF is
then normalised with pikepdf: dates come from SOURCE_DATE_EPOCH, the /ID is derived from the
content, and links to the build folder become relative links, so builds are reproducible and
the PDFs' links work inside the published site.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--font-render-hinting=none",
]


class PdfError(Exception):
    """A PDF could not be made; the message says what to do."""


@dataclass(frozen=True)
class PdfJob:
    html: Path
    pdf: Path
    title: str
    lang: str


def find_chromium() -> str:
    path = (
        os.environ.get("CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )
    if not path:
        raise PdfError(
            "Chromium is not installed. Run `make setup` as root, or "
            "`sudo apt-get install chromium`, or build without PDFs: `curriculum build --no-pdf`."
        )
    return path


def render_pdfs(
    jobs: list[PdfJob], site_dir: Path, progress: Callable[[int, int, PdfJob], None] | None = None
) -> None:
    """Print every job's HTML page to its PDF, then normalise the PDF."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            # No scripts while printing: the pages print the same without them, and Material's scripts
            # change the DOM at varying moments, which made tagged PDFs differ between runs.
            page = browser.new_context(java_script_enabled=False).new_page()
            page.route("http*://**", lambda route: route.abort())  # no request leaves the site
            if jobs:  # the first print of a fresh browser lays out differently (fonts still loading)
                _print_one(page, PdfJob(jobs[0].html, jobs[0].pdf.with_suffix(".warmup"), "", ""))
                jobs[0].pdf.with_suffix(".warmup").unlink()
            for number, job in enumerate(jobs, 1):
                if progress:
                    progress(number, len(jobs), job)
                _print_one(page, job)
                normalise(job, site_dir)
            browser.close()
    except PlaywrightError as exc:
        raise PdfError(f"Chromium failed while printing: {exc}".splitlines()[0]) from exc


def _print_one(page, job: PdfJob) -> None:
    job.pdf.parent.mkdir(parents=True, exist_ok=True)
    page.goto(job.html.as_uri(), wait_until="load")
    page.emulate_media(media="print")
    page.pdf(
        path=str(job.pdf),
        format="A4",
        prefer_css_page_size=True,
        print_background=True,
        outline=True,
        tagged=True,
    )


def build_date() -> dt.datetime:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or 0)
    return dt.datetime.fromtimestamp(epoch, tz=dt.UTC)


def normalise(job: PdfJob, site_dir: Path) -> None:
    """Fixed dates, title and language, a content-derived /ID, and relative site links."""
    import pikepdf

    stamp = build_date().strftime("D:%Y%m%d%H%M%SZ")
    with pikepdf.open(job.pdf, allow_overwriting_input=True) as pdf:
        info = pdf.docinfo
        for key in list(info.keys()):
            del info[key]
        info["/Title"] = job.title
        info["/Creator"] = "kurikulum (Chromium)"
        info["/CreationDate"] = stamp
        info["/ModDate"] = stamp
        pdf.Root.Lang = pikepdf.String(job.lang)
        _relative_links(pdf, job.pdf, site_dir)
        _stable_node_ids(pdf)
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        pdf.save(
            job.pdf,
            deterministic_id=True,
            compress_streams=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
        )


_NODE_ID = re.compile(r"^node(\d+)$")


def _stable_node_ids(pdf) -> None:
    """Renumber Chromium's structure-tree IDs (DOM node numbers that vary between runs)."""
    import pikepdf

    holders: list = []

    def visit(container) -> None:
        items = container.items() if isinstance(container, pikepdf.Dictionary) else enumerate(container)
        for key, value in items:
            if isinstance(value, pikepdf.String) and _NODE_ID.match(str(value)):
                holders.append((container, key, int(_NODE_ID.match(str(value)).group(1))))
            elif isinstance(value, pikepdf.Dictionary | pikepdf.Array) and not value.is_indirect:
                visit(value)

    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Array):
            visit(obj)
    renumber = {n: f"node{i:08d}" for i, n in enumerate(sorted({n for _, _, n in holders}))}
    for container, key, number in holders:
        container[key] = pikepdf.String(renumber[number])


def _relative_links(pdf, pdf_path: Path, site_dir: Path) -> None:
    site = site_dir.resolve()
    for page in pdf.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get("/A")
            uri = str(action.get("/URI")) if action is not None and "/URI" in action else ""
            if not uri.startswith("file://"):
                continue
            parsed = urlparse(uri)
            target = Path(unquote(parsed.path)).resolve()
            try:
                target.relative_to(site)
            except ValueError:
                continue
            rel = os.path.relpath(target, pdf_path.parent.resolve()).replace(os.sep, "/")
            action["/URI"] = rel + (f"#{parsed.fragment}" if parsed.fragment else "")
