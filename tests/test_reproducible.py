"""Two builds give byte-identical trees, PDFs and zips included, even on a busy machine.

Under CPU load Chromium sometimes paints a screen frame between the page's load and the print,
and that paint numbers one table header cell's DOM node early; the tagged PDFs name header
cells after those numbers. pdf.py now names them by their place in the structure tree (and writes
each PDF with canonical object numbers), lets the page settle (fonts, images, animations) before
printing, and prints with print media from the first layout on. The first test builds the shipped
curriculum with every CPU kept busy and compares it with the session's unloaded build, file by
file; the second makes the renumbering happen on purpose.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import subprocess
import sys
from pathlib import Path

from conftest import copy_project, curriculum

BUSY_SECONDS = 600  # the busy processes end by themselves even if this test process is killed


@contextlib.contextmanager
def busy_cpus(count: int | None = None):
    """Keep ``count`` CPUs (default: all) busy with Python loops; always stopped afterwards."""
    loop = f"import time\nend = time.monotonic() + {BUSY_SECONDS}\nwhile time.monotonic() < end:\n    pass\n"
    procs = [subprocess.Popen([sys.executable, "-c", loop]) for _ in range(count or os.cpu_count() or 2)]
    try:
        yield procs
    finally:
        for proc in procs:
            proc.kill()
        for proc in procs:
            proc.wait(timeout=30)


def differing_files(a: Path, b: Path) -> list[str]:
    names = {p.relative_to(root).as_posix() for root in (a, b) for p in root.rglob("*") if p.is_file()}
    return sorted(
        name
        for name in names
        if not (
            (a / name).is_file() and (b / name).is_file() and filecmp.cmp(a / name, b / name, shallow=False)
        )
    )


def test_busy_cpu_build_and_handouts_are_byte_identical_to_a_quiet_build(shipped_built, tmp_path):
    project = copy_project(tmp_path)
    with busy_cpus() as procs:
        done = curriculum("build", "--strict", cwd=project)
        assert all(proc.poll() is None for proc in procs), "the CPUs were not busy for the whole build"
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    site = project / "site"
    assert len(list((site / "unduhan").rglob("*.pdf"))) >= 40
    differ = differing_files(shipped_built, site)
    assert not differ, f"{len(differ)} file(s) differ between a quiet and a busy build: {differ}"
    # `curriculum handouts` remakes the PDFs, print packs and offline archive: the same bytes again.
    done = curriculum("handouts", cwd=project)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    differ = differing_files(shipped_built, site)
    assert not differ, f"{len(differ)} file(s) differ after `curriculum handouts`: {differ}"


def test_pdf_structure_ids_follow_the_document_not_chromium_numbering(shipped_built, tmp_path):
    """The cause found under load, made to happen every time: same page, other node numbers."""
    import re

    import pikepdf
    from browser import chromium_page
    from kurikulum.pdf import PdfJob, normalise

    page_html = shipped_built / "en" / "peserta" / "lembar-evaluation.html"
    first = tmp_path / "first.pdf"
    with chromium_page() as page:
        page.emulate_media(media="print")
        page.goto(page_html.as_uri(), wait_until="load")
        page.pdf(path=str(first), format="A4", prefer_css_page_size=True, print_background=True, tagged=True)
    # The same print with the header cells' numbers in another order (one cell out of line, as a
    # screen paint before the print does), and written by pikepdf, so other object numbers too.
    second = tmp_path / "second.pdf"
    with pikepdf.open(first) as pdf:
        holders = []

        def visit(container) -> None:
            items = container.items() if isinstance(container, pikepdf.Dictionary) else enumerate(container)
            for key, value in items:
                if isinstance(value, pikepdf.String) and re.fullmatch(r"node\d+", str(value)):
                    holders.append((container, key, str(value)))
                elif isinstance(value, pikepdf.Dictionary | pikepdf.Array) and not value.is_indirect:
                    visit(value)

        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Array):
                visit(obj)
        numbers = sorted({name for _, _, name in holders})
        assert len(numbers) >= 10, "the evaluation sheet should have tagged table header cells"
        other = dict(zip(numbers, numbers[-1:] + numbers[:-1], strict=True))
        for container, key, name in holders:
            container[key] = pikepdf.String(other[name])
        pdf.save(second)
    for path in (first, second):
        normalise(PdfJob(page_html, path, "Evaluation", "en"), shipped_built)
    assert first.read_bytes() == second.read_bytes()
