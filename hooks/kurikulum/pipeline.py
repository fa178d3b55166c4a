"""The full build: check, MkDocs into a staging folder, PDFs, archives, link check, swap.

``site/`` is replaced only when every step succeeded, so a failed build leaves the previous
good site in place. MkDocs runs in a subprocess: the engine never imports it.

One build at a time: :func:`build` and :func:`handouts` hold the lock ``build/.lock`` (see
lock.py). A second build waits for the first to finish (printing "another build is running
(pid N, started HH:MM); waiting…"), for at most 10 minutes or ``CURRICULUM_BUILD_WAIT``
seconds (0: refuse at once), then raises :class:`lock.BuildLocked`. Each build stages into its own
folder ``build/site-*.tmp`` and swaps it into ``site/`` in one atomic step, so ``site/`` is
always one complete build.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import printplan, steptimes
from .archive import site_files, write_zip
from .audit import audit_site
from .linkcheck import check_site
from .lock import build_lock, new_staging, swap_in
from .pdf import PdfJob, Printer, render_pdfs
from .site import DOWNLOADS, SiteBuild, languages_from_config, printable, site_url_from_config


class BuildFailed(Exception):
    """A step failed; the message says which and what to do. site/ is untouched."""


@dataclass
class BuildResult:
    site: Path
    pages: int = 0
    pdfs: int = 0
    external_links: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    """The content check's warnings (``curriculum build`` shows them with their summary)."""
    summary: str = ""


def source_date_epoch(root: Path) -> str:
    """The last commit's date (or the environment's), so that two builds are identical."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    return out or "0"


def build(
    root: Path,
    strict: bool = False,
    pdf: bool = True,
    say: Callable[[str], None] = print,
    config: str = "mkdocs.yml",
    wait: float | None = None,
) -> BuildResult:
    """Build ``site/``; waits (``wait`` seconds) while another build of this project runs."""
    root = Path(root).resolve()
    with build_lock(root, say=say, wait=wait) as folder:
        staging = new_staging(folder)
        try:
            result = _build_into(root, staging, strict, pdf, say, config)
            swap_in(staging, result.site)
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # only there if a step failed
    return result


def _build_into(root: Path, staging: Path, strict: bool, pdf: bool, say, config: str) -> BuildResult:
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(root)
    result, clock = BuildResult(root / "site"), time.monotonic()
    languages = languages_from_config(root / config)
    checked = SiteBuild(root, languages, strict=strict)
    report = checked.check()
    if not checked.ok:
        raise BuildFailed(
            report.as_text() + f"\n\nContent problems: {report.summary(languages)}. site/ was not changed."
        )
    result.warnings, result.summary = report.warnings(), report.summary(languages)
    manifest = staging.with_name(staging.name + ".pages.json")
    printer = Printer() if pdf else None  # Chromium starts while MkDocs builds the HTML
    try:
        _mkdocs(root, staging, strict, config, checked.fingerprint(), manifest)
        result.seconds["html"] = time.monotonic() - clock
        steptimes.add("check + HTML (mkdocs)", result.seconds["html"])
        result.pages = sum(1 for _ in staging.rglob("*.html"))
        if printer is not None:
            clock = time.monotonic()
            result.pdfs = _pdfs(checked, root, staging, languages, say, manifest, printer)
    finally:
        manifest.unlink(missing_ok=True)
        if printer is not None:
            printer.close()
    packs = _packs(checked, staging, languages) if pdf else []
    if pdf:
        result.seconds["pdf"] = time.monotonic() - clock
    clock = time.monotonic()
    # The archives are written in a second thread (zlib leaves Python's lock while it compresses)
    # while this one audits the pages and checks the links; neither step reads the archives,
    # and the link check finds them in place (empty until written).
    for target, _ in packs:
        target.touch()
    offline = staging / DOWNLOADS / OFFLINE
    offline.parent.mkdir(parents=True, exist_ok=True)
    offline.touch()
    with ThreadPoolExecutor(max_workers=1) as zipper:
        archives = zipper.submit(_write_archives, staging, packs)
        with steptimes.step("audit"):
            findings = audit_site(staging)
        if findings:
            lines = "\n".join(f.text() for f in findings[:50])
            raise BuildFailed(f"{lines}\n\n{len(findings)} unsafe output finding(s). site/ was not changed.")
        with steptimes.step("link check"):
            links = check_site(staging, absent_ok=None if pdf else DOWNLOADS)
        if links.broken:
            lines = "\n".join(b.text() for b in links.broken[:50])
            raise BuildFailed(f"{lines}\n\n{len(links.broken)} broken link(s). site/ was not changed.")
        with steptimes.step("archives (after the link check)"):
            archives.result()
    result.external_links = len(links.external)
    result.seconds["audit, archive and links"] = time.monotonic() - clock
    return result


def handouts(root: Path, say: Callable[[str], None] = print, wait: float | None = None) -> int:
    """Remake the PDFs, print packs and offline archive of the built ``site/``; returns the PDF count.

    Takes the build lock like :func:`build`, works on a private copy of ``site/`` and swaps it
    in, so ``site/`` never holds half-written PDFs or an offline archive older than its PDFs.
    """
    root = Path(root).resolve()
    site = root / "site"
    with build_lock(root, say=say, wait=wait, what="handouts") as folder:
        if not (site / "index.html").is_file():
            raise BuildFailed(
                "curriculum: no built site in site/; run `curriculum build` (or `make site`) first"
            )
        os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(root)
        languages = languages_from_config(root / "mkdocs.yml")
        checked = SiteBuild(root, languages)
        report = checked.check()
        if not checked.ok:
            raise BuildFailed(report.as_text())
        staging = new_staging(folder)
        try:
            shutil.copytree(site, staging, dirs_exist_ok=True, ignore=_downloads_made_here(site))
            count = _pdfs(checked, root, staging, languages, say)
            _write_archives(staging, _packs(checked, staging, languages))
            swap_in(staging, site)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return count


def _downloads_made_here(site: Path):
    """copytree filter: leave out the PDFs and zips of unduhan/, which handouts makes anew."""
    downloads = (site / DOWNLOADS).resolve()

    def ignore(folder: str, names: list[str]) -> list[str]:
        here = Path(folder).resolve()
        if here != downloads and downloads not in here.parents:
            return []
        return [name for name in names if name.endswith((".pdf", ".zip"))]

    return ignore


def _mkdocs(
    root: Path, staging: Path, strict: bool, config: str, validated: str = "", manifest: Path | None = None
) -> None:
    """``mkdocs build`` into ``staging``. ``validated`` is the fingerprint of the content this
    command has just checked (the hooks then do not validate it again); ``manifest`` is where
    the hooks list the pages they rendered (the PDFs are made from it)."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(root / config), "-d", str(staging)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CURRICULUM_VALIDATED": validated}
    if manifest is not None:
        env["CURRICULUM_MANIFEST"] = str(manifest)
    done = subprocess.run(
        cmd + (["--strict"] if strict else []),
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
    )
    if done.returncode != 0:
        noise = ("INFO", "  - ")
        # MkDocs logs to stderr; an Abort (a content problem or an unsafe page) goes to stdout.
        lines = (done.stderr + "\n" + done.stdout).splitlines()
        shown = "\n".join(line for line in lines if line.strip() and not line.startswith(noise))
        raise BuildFailed(f"{shown}\n\nmkdocs build failed. site/ was not changed.")


def _die_with_parent() -> None:
    """In the MkDocs child (Linux): end it when the build dies, even by SIGKILL, instead of
    letting it write on into a staging folder that the next build is removing."""
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def pdf_jobs(
    checked: SiteBuild, root: Path, staging: Path, languages: list[str], manifest: Path | None = None
) -> list[PdfJob]:
    """The PDFs to make. ``manifest`` is what the MkDocs run wrote about the pages it rendered
    (``CURRICULUM_MANIFEST``), so they are not rendered again here; without it, they are."""
    listed = {}
    site_url = site_url_from_config(root / "mkdocs.yml")
    if manifest is not None and manifest.is_file():
        listed = json.loads(manifest.read_text(encoding="utf-8"))
    jobs, default = [], languages[0]
    for lang in languages:
        base = staging if lang == default else staging / lang
        entries = listed.get(lang)
        if entries is None:
            entries = printable(checked.pages(lang, root / "docs", default))
        for uri, pdf, title in entries:
            html = base / uri.replace(".md", ".html")
            jobs.append(PdfJob(html, staging / DOWNLOADS / lang / f"{pdf}.pdf", title, lang, site_url))
    return jobs


def _pdfs(
    checked: SiteBuild,
    root: Path,
    staging: Path,
    languages: list[str],
    say,
    manifest: Path | None = None,
    printer: Printer | None = None,
) -> int:
    jobs = pdf_jobs(checked, root, staging, languages, manifest)
    width = len(str(len(jobs)))

    def progress(number: int, total: int, job: PdfJob) -> None:
        say(f"  PDF {number:>{width}}/{total} [{job.lang}] {job.pdf.name}")

    with steptimes.step("pdf: all PDFs (wall)"):
        if printer is None:
            render_pdfs(jobs, staging, progress)
        else:
            printer.print(jobs, staging, progress)
    return len(jobs)


OFFLINE = "situs-offline.zip"


def _packs(checked: SiteBuild, staging: Path, languages: list[str]) -> list[tuple[Path, list]]:
    """The print plan page gets its page counts from the PDFs (see printplan.py), and each
    language's print pack its folders (peserta/, fasilitator/) and README: returns each pack's
    zip and its (file or bytes, name in the zip) entries, for :func:`_write_archives`."""
    cur = checked.curriculum
    with steptimes.step("print plan page counts"):
        orders = printplan.complete_site(cur, staging, languages, DOWNLOADS)
    packs = []
    for lang in languages:
        folder, top = staging / DOWNLOADS / lang, f"paket-cetak-{lang}"
        lines, totals = orders[lang]
        files, readme = printplan.pack_files(cur, lang, folder, lines, totals, top)
        packs.append(
            (staging / DOWNLOADS / f"{top}.zip", [*files, (readme.encode("utf-8"), f"{top}/README.txt")])
        )
    return packs


def _write_archives(staging: Path, packs: list[tuple[Path, list]]) -> None:
    """The print packs, then the offline copy of the whole site (the packs included)."""
    for target, files in packs:
        with steptimes.step("print pack zips"):
            write_zip(target, files)
    _offline_archive(staging)


def _offline_archive(staging: Path) -> None:
    target = staging / DOWNLOADS / OFFLINE
    target.parent.mkdir(parents=True, exist_ok=True)
    with steptimes.step("offline zip"):
        write_zip(target, site_files(staging, exclude={target}))
