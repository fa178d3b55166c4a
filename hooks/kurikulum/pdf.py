"""Print the site's printable pages to A4 PDFs with headless Chromium.

Why Chromium and not WeasyPrint: the PDFs are the browser's own print of the same pages with
the same print stylesheet, so what a facilitator gets from the Print button and from the PDF
is the same document, and one stylesheet is tested once. Debian's Chromium is driven by
Playwright with ``executable_path`` (Playwright cannot download a browser here).

Reproducible on a busy machine too: pages get print media before they are first laid out, and
are printed only once fonts and images are ready and animations are stopped. Each PDF is then
normalised with pikepdf: dates come from SOURCE_DATE_EPOCH, the /ID is derived from the content,
Chromium's structure IDs are renamed in document order (their numbers depend on timing, see
:func:`_stable_node_ids`). One tab per CPU prints at once; each PDF depends on its page alone,
never on which tab printed it or when.

Links (:func:`_link_policy`), for every PDF: a PDF is read after it has been downloaded, away
from the site, so a relative link would lead nowhere. A link to a place inside the same document
becomes an internal link (``/Dest``); a link to another page or file of the site becomes an
absolute URL when ``site_url`` is set in mkdocs.yml, and is removed otherwise (its text stays);
https, mailto and tel links stay as they are.

A page with a table of contents (``a.toc-link`` entries followed by a ``span.toc-page``, the
handbook) is printed twice: a draft print (untagged and without outline, which lays the pages out
the same at about half the cost) tells on which page each entry's target starts (the PDF's named
destinations), the numbers are written into the page, and the second print is the PDF. Only
digits change between the two, on the contents pages, so no page moves; the second print is
checked against the numbers all the same, and numbered again if an entry did move.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from . import steptimes

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


MAX_WORKERS = 4  # tabs printing at once; Chromium gives each its own renderer process


class PdfError(Exception):
    """A PDF could not be made; the message says what to do."""


@dataclass(frozen=True)
class PdfJob:
    html: Path
    pdf: Path
    title: str
    lang: str
    site_url: str = ""
    """The published site's address (mkdocs.yml ``site_url``), for absolute links; "" if none."""


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
    jobs: list[PdfJob],
    site_dir: Path,
    progress: Callable[[int, int, PdfJob], None] | None = None,
    workers: int | None = None,
) -> None:
    """Print every job's HTML page to its PDF, then normalise the PDF.

    ``workers`` tabs print at once (default: one per CPU, at most :data:`MAX_WORKERS`); each PDF
    depends only on its page, so the order in which tabs pick jobs never shows in the output.
    """
    printer = Printer(min(workers or os.cpu_count() or 1, len(jobs) or 1))
    try:
        printer.print(jobs, site_dir, progress)
    finally:
        printer.close()


class Printer:
    """Headless Chromium with its tabs open, started ahead in a thread of its own.

    ``curriculum build`` makes one before the HTML build, so that Chromium starts on the core
    MkDocs leaves free; :meth:`print` then prints the jobs, :meth:`close` ends Chromium. A
    problem while starting (no Chromium, a failed launch) is raised by :meth:`print`, in the
    order the build always reported it: after the HTML build.
    """

    def __init__(self, workers: int | None = None) -> None:
        import asyncio
        import threading

        self.workers = max(1, min(workers or os.cpu_count() or 1, MAX_WORKERS))
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pdf-printer", daemon=True)
        self._thread.start()
        self._pw = self._browser = None
        self._tabs: list = []
        self._started = self._submit(self._start())

    def _submit(self, coroutine):
        import asyncio

        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    async def _start(self) -> None:
        from playwright.async_api import async_playwright

        executable = find_chromium()
        clock = time.monotonic()
        self._pw = await async_playwright().start()
        self._browser = await self._pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        # No page scripts while printing: the pages print the same without them, and Material's
        # scripts change the DOM at moments that depend on timing. No motion either.
        context = await self._browser.new_context(java_script_enabled=False, reduced_motion="reduce")
        await context.route("http*://**", lambda route: route.abort())  # no request leaves the site
        for _ in range(self.workers):
            page = await context.new_page()
            # Print media from the first layout on: switching media after the load event restyled
            # the page under the print, starting transitions and loads nobody waited for.
            await page.emulate_media(media="print")
            self._tabs.append(page)
        steptimes.add("pdf: Chromium start", time.monotonic() - clock)

    def print(
        self,
        jobs: list[PdfJob],
        site_dir: Path,
        progress: Callable[[int, int, PdfJob], None] | None = None,
    ) -> None:
        """Print the jobs (and normalise the PDFs); waits until all are written."""
        from playwright.async_api import Error as PlaywrightError

        try:
            self._started.result()
            self._submit(_render_all(self._tabs, jobs, site_dir, progress)).result()
        except PlaywrightError as exc:
            raise PdfError(f"Chromium failed while printing: {exc}".splitlines()[0]) from exc

    def close(self) -> None:
        """End Chromium and the thread (also when starting or printing failed)."""
        import contextlib

        if not self._thread.is_alive():
            return
        with contextlib.suppress(Exception):
            self._started.result()
        with contextlib.suppress(Exception):
            self._submit(self._stop()).result()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()

    async def _stop(self) -> None:
        import contextlib

        with contextlib.suppress(Exception):
            if self._browser is not None:
                await self._browser.close()
        if self._pw is not None:
            await self._pw.stop()


# Run in the page (DevTools evaluation works with the page's own scripts disabled) after the load
# event and before printing: wait for the fonts and images, and stop every CSS animation or
# transition at its end (or, if it never ends, its start), so the print never catches a frame
# that depends on how fast the machine is. Returns the fonts' status and whether the page has a
# table of contents to number.
_SETTLE = """async () => {
  await document.fonts.ready;
  await Promise.all(Array.from(document.images, (img) => img.decode().catch(() => null)));
  for (const animation of document.getAnimations()) {
    try { animation.finish(); } catch (infinite) { animation.cancel(); }
  }
  return [document.fonts.status, document.querySelector("a.toc-link") !== null];
}"""


async def _render_all(tabs: list, jobs, site_dir: Path, progress) -> None:
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    # Longest first (the handbooks), so that no tab is left with a long print at the end.
    queue = sorted(jobs, key=lambda job: job.html.stat().st_size if job.html.is_file() else 0)
    started = 0
    loop = asyncio.get_running_loop()
    normalising: list = []

    async def worker(page, pool) -> None:
        nonlocal started
        while queue:
            job = queue.pop()
            started += 1
            if progress:
                progress(started, len(jobs), job)
            clock = time.monotonic()
            await _print_one(page, job)
            steptimes.job(f"{job.lang}/{job.pdf.name}", time.monotonic() - clock)
            # pikepdf works on this PDF while the tab loads the next page.
            normalising.append(loop.run_in_executor(pool, _timed_normalise, job, site_dir))

    with ThreadPoolExecutor(max_workers=len(tabs)) as pool:
        workers = [asyncio.ensure_future(worker(page, pool)) for page in tabs]
        try:
            await asyncio.gather(*workers)
        except BaseException:  # one tab failed: stop the others before the browser goes
            for tab in workers:
                tab.cancel()
            await asyncio.gather(*workers, *normalising, return_exceptions=True)
            raise
        await asyncio.gather(*normalising)


def _timed_normalise(job: PdfJob, site_dir: Path) -> None:
    with steptimes.step("pdf: normalise (pikepdf)"):
        normalise(job, site_dir)


async def _print_one(page, job: PdfJob) -> None:
    job.pdf.parent.mkdir(parents=True, exist_ok=True)
    clock = time.monotonic()
    await page.goto(job.html.as_uri(), wait_until="load")
    steptimes.add("pdf: page load", time.monotonic() - clock)
    clock = time.monotonic()
    status, contents = await page.evaluate(_SETTLE)
    steptimes.add("pdf: settle (fonts, images)", time.monotonic() - clock)
    if status != "loaded":
        raise PdfError(f"{job.html}: fonts did not finish loading ({status}); nothing was printed")
    if not contents:
        clock = time.monotonic()
        await page.pdf(path=str(job.pdf), **PRINT_OPTIONS)
        steptimes.add("pdf: page.pdf()", time.monotonic() - clock)
        return
    # A contents page: a draft print (untagged, no outline: the same layout, about half the work)
    # tells where each entry starts; the numbers go in, and the real print is checked: if writing
    # the numbers moved an entry (it never has), they are written again from that print.
    clock = time.monotonic()
    numbers = destination_pages(await page.pdf(**DRAFT_OPTIONS))
    steptimes.add("pdf: handbook contents pass", time.monotonic() - clock)
    for _ in range(3):
        written = await page.evaluate(_TOC_FILL, numbers)
        clock = time.monotonic()
        data = await page.pdf(**PRINT_OPTIONS)
        steptimes.add("pdf: page.pdf()", time.monotonic() - clock)
        numbers = destination_pages(data)
        if all(numbers.get(name) == number for name, number in written.items()):
            job.pdf.write_bytes(data)
            return
    raise PdfError(f"{job.html}: the contents' page numbers kept changing the layout; nothing was printed")


PRINT_OPTIONS = dict(format="A4", prefer_css_page_size=True, print_background=True, outline=True, tagged=True)
DRAFT_OPTIONS = {**PRINT_OPTIONS, "outline": False, "tagged": False}


# Writes the page numbers into the contents: each `a.toc-link` (href="#id") gets the number of
# the page where its target starts, in the `.toc-page` that follows it. Returns what it wrote.
_TOC_FILL = """(pages) => {
  const written = {};
  for (const link of document.querySelectorAll("a.toc-link")) {
    const slot = link.parentElement.querySelector(".toc-page");
    const name = decodeURIComponent(link.getAttribute("href").slice(1));
    const number = pages[name];
    if (slot && number) {
      slot.textContent = String(number);
      written[name] = number;
    }
  }
  return written;
}"""


def _named_destinations(pdf) -> dict[str, object]:
    """The PDF's named destinations (Chromium writes them for the targets of in-page links)."""
    import pikepdf

    found = {}
    dests = pdf.Root.get("/Dests")
    if isinstance(dests, pikepdf.Dictionary):
        for key in dests:  # noqa: SIM118 (a pikepdf Dictionary)
            found[str(key)[1:]] = dests[key]
    names = pdf.Root.get("/Names")
    tree = names.get("/Dests") if isinstance(names, pikepdf.Dictionary) else None
    if tree is not None:
        for key, value in pikepdf.NameTree(tree).items():
            found[str(key)] = value
    return found


def destination_pages(data: bytes) -> dict[str, int]:
    """Page number (from 1) of every named destination of a PDF."""
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        index = {page.objgen: number for number, page in enumerate(pdf.pages, 1)}
        out = {}
        for name, dest in _named_destinations(pdf).items():
            if isinstance(dest, pikepdf.Dictionary):
                dest = dest.get("/D")
            if isinstance(dest, pikepdf.Array) and len(dest) and dest[0].objgen in index:
                out[name] = index[dest[0].objgen]
        return out


def build_date() -> dt.datetime:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or 0)
    return dt.datetime.fromtimestamp(epoch, tz=dt.UTC)


def normalise(job: PdfJob, site_dir: Path) -> None:
    """Fixed dates, title and language, a content-derived /ID, and relative site links.

    The result depends on the document alone, not on the object numbers Chromium happened to
    give: qpdf numbers the objects it writes in the order it meets them, but groups them into
    object streams in the order of their old numbers, and it keeps the first half of an existing
    /ID. So the PDF is first written without object streams or /ID (canonical numbers), then
    compacted.
    """
    import io

    import pikepdf

    stamp = build_date().strftime("D:%Y%m%d%H%M%SZ")
    canonical = io.BytesIO()
    with pikepdf.open(job.pdf) as pdf:
        info = pdf.docinfo
        for key in list(info.keys()):
            del info[key]
        info["/Title"] = job.title
        info["/Creator"] = "kurikulum (Chromium)"
        info["/CreationDate"] = stamp
        info["/ModDate"] = stamp
        pdf.Root.Lang = pikepdf.String(job.lang)
        _link_policy(pdf, job, site_dir)
        _stable_node_ids(pdf)
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        _drop_id(pdf)
        pdf.save(canonical, object_stream_mode=pikepdf.ObjectStreamMode.disable, compress_streams=False)
    with pikepdf.open(canonical) as pdf:
        _drop_id(pdf)
        pdf.save(
            job.pdf,
            deterministic_id=True,
            compress_streams=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
        )


def _drop_id(pdf) -> None:
    if "/ID" in pdf.trailer:
        del pdf.trailer["/ID"]


def _stable_node_ids(pdf) -> None:
    """Rename Chromium's structure-element IDs by their place in the structure tree.

    Chromium names tagged table header cells after their DOM node numbers (``node53020``): the
    cells' ``/ID``, the data cells' ``/Headers`` and the ``/IDTree`` use these names. A renderer
    hands out the numbers from one counter, the first time some code asks for a node's. When
    Chromium paints a frame of the page on screen before the print (on a busy machine it
    sometimes does, sometimes not; a screenshot before printing makes it happen every time), that
    paint asks for one header cell of the evaluation sheet early, and the cell's number ends up
    393 lower than its neighbours'. So not only the numbers but their order depends on timing.
    Naming the IDs in the order the structure tree lists them (document order) makes them depend
    on the document alone; the ``/IDTree`` is rebuilt, sorted by the new names.
    """
    import pikepdf

    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    names: dict[str, pikepdf.String] = {}
    owners: list[tuple[str, object]] = []

    def rename(value) -> pikepdf.String:
        key = str(value)
        if key not in names:
            names[key] = pikepdf.String(f"node{len(names):08d}")
        return names[key]

    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if not isinstance(node, pikepdf.Dictionary):
            continue
        if node.is_indirect:
            if node.objgen in seen:
                continue
            seen.add(node.objgen)
        if "/ID" in node and "/S" in node:
            node.ID = rename(node.ID)
            owners.append((str(node.ID), node))
        attributes = node.get("/A")
        for attribute in attributes if isinstance(attributes, pikepdf.Array) else [attributes]:
            if not isinstance(attribute, pikepdf.Dictionary) or "/Headers" not in attribute:
                continue
            if attribute.is_indirect:  # shared by several cells: rename its names only once
                if attribute.objgen in seen:
                    continue
                seen.add(attribute.objgen)
            attribute.Headers = pikepdf.Array([rename(h) for h in attribute.Headers])
        kids = node.get("/K")
        if isinstance(kids, pikepdf.Array):
            stack.extend(reversed(list(kids)))
        elif kids is not None:
            stack.append(kids)
    if "/IDTree" in root or owners:
        entries: list = []
        for name, owner in sorted(owners, key=lambda pair: pair[0]):
            entries += [pikepdf.String(name), owner]
        root.IDTree = pdf.make_indirect(pikepdf.Dictionary(Names=pikepdf.Array(entries)))


def _link_policy(pdf, job: PdfJob, site_dir: Path) -> None:
    """No relative link: inside the document an internal link, to the site an absolute URL
    (``site_url``) or no link at all; https, mailto and tel links are kept."""
    import pikepdf

    site = site_dir.resolve()
    own = job.html.resolve()
    dests = _named_destinations(pdf)
    base = job.site_url.rstrip("/") + "/" if job.site_url else ""
    for page in pdf.pages:
        annots = page.get("/Annots")
        if not isinstance(annots, pikepdf.Array):
            continue
        keep = []
        for annot in annots:
            action = annot.get("/A")
            uri = str(action.get("/URI")) if action is not None and "/URI" in action else None
            if uri is None or urlparse(uri).scheme in ("https", "http", "mailto", "tel"):
                keep.append(annot)
                continue
            parsed = urlparse(uri)
            target = Path(unquote(parsed.path)).resolve() if parsed.scheme == "file" else None
            fragment = unquote(parsed.fragment)
            if target == own and fragment in dests:
                del annot["/A"]
                annot.Dest = pikepdf.Name("/" + fragment)
                keep.append(annot)
            elif target is not None and base and target.is_relative_to(site):
                rel = target.relative_to(site).as_posix()
                action["/URI"] = pikepdf.String(
                    base + rel + (f"#{parsed.fragment}" if parsed.fragment else "")
                )
                keep.append(annot)
            else:  # no link; the structure tree may still hold the annotation: no path of this machine in it
                del annot["/A"]
        if len(keep) != len(annots):
            page["/Annots"] = pikepdf.Array(keep)
