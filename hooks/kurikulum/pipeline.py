"""The full build: check, MkDocs into a staging folder, PDFs, archives, link check, swap.

``site/`` is replaced only when every step succeeded, so a failed build leaves the previous
good site in place. MkDocs runs in a subprocess: the engine never imports it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .archive import site_files, write_zip
from .linkcheck import check_site
from .pdf import PdfJob, render_pdfs
from .site import DOWNLOADS, SiteBuild, languages_from_config


class BuildFailed(Exception):
    """A step failed; the message says which and what to do. site/ is untouched."""


@dataclass
class BuildResult:
    site: Path
    pages: int = 0
    pdfs: int = 0
    external_links: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


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
) -> BuildResult:
    root = Path(root).resolve()
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(root)
    site, staging = root / "site", root / "build" / "site.tmp"
    result, clock = BuildResult(site), time.monotonic()
    languages = languages_from_config(root / config)
    checked = SiteBuild(root, languages, strict=strict)
    report = checked.check()
    if not checked.ok:
        raise BuildFailed(
            report.as_text() + f"\n\nContent problems: {report.summary()}. site/ was not changed."
        )
    _mkdocs(root, staging, strict, config)
    result.seconds["html"] = time.monotonic() - clock
    result.pages = sum(1 for _ in staging.rglob("*.html"))
    if pdf:
        clock = time.monotonic()
        result.pdfs = _pdfs(checked, root, staging, languages, say)
        _packs(staging, languages)
        result.seconds["pdf"] = time.monotonic() - clock
    _offline_archive(staging)
    links = check_site(staging, absent_ok=None if pdf else DOWNLOADS)
    if links.broken:
        lines = "\n".join(b.text() for b in links.broken[:50])
        raise BuildFailed(f"{lines}\n\n{len(links.broken)} broken link(s). site/ was not changed.")
    result.external_links = len(links.external)
    _swap(staging, site)
    return result


def _mkdocs(root: Path, staging: Path, strict: bool, config: str) -> None:
    if staging.exists():
        shutil.rmtree(staging)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(root / config), "-d", str(staging)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        cmd + (["--strict"] if strict else []), cwd=root, env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        noise = ("INFO", "  - ")
        shown = "\n".join(line for line in done.stderr.splitlines() if not line.startswith(noise))
        raise BuildFailed(f"{shown}\n\nmkdocs build failed. site/ was not changed.")


def pdf_jobs(checked: SiteBuild, root: Path, staging: Path, languages: list[str]) -> list[PdfJob]:
    jobs, default = [], languages[0]
    for lang in languages:
        base = staging if lang == default else staging / lang
        for page in checked.pages(lang, root / "docs", default):
            if page.pdf:
                html = base / page.uri.replace(".md", ".html")
                title = page.markdown.split("\n# ", 1)[-1].split("\n", 1)[0].replace("\\", "")
                jobs.append(PdfJob(html, staging / DOWNLOADS / lang / f"{page.pdf}.pdf", title, lang))
    return jobs


def _pdfs(checked: SiteBuild, root: Path, staging: Path, languages: list[str], say) -> int:
    jobs = pdf_jobs(checked, root, staging, languages)
    width = len(str(len(jobs)))

    def progress(number: int, total: int, job: PdfJob) -> None:
        say(f"  PDF {number:>{width}}/{total} [{job.lang}] {job.pdf.name}")

    render_pdfs(jobs, staging, progress)
    return len(jobs)


def _packs(staging: Path, languages: list[str]) -> None:
    for lang in languages:
        folder = staging / DOWNLOADS / lang
        files = [(p, f"paket-cetak-{lang}/{p.name}") for p in sorted(folder.glob("*.pdf"))]
        write_zip(staging / DOWNLOADS / f"paket-cetak-{lang}.zip", files)


def _offline_archive(staging: Path) -> None:
    target = staging / DOWNLOADS / "situs-offline.zip"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_zip(target, site_files(staging, exclude={target}))


def _swap(staging: Path, site: Path) -> None:
    old = staging.parent / "site.old"
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    if old.exists():
        shutil.rmtree(old)
