"""Benchmark: how long PDF generation takes for each language, in one run.

Builds the HTML once (into build/bench/), then times the PDFs of each language separately and
both together. The machines are small and noisy: compare the ratios within one run, not the
seconds across runs. Usage: `make bench` (or .venv/bin/python scripts/bench_pdf.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from kurikulum.pdf import render_pdfs  # noqa: E402
from kurikulum.pipeline import pdf_jobs, source_date_epoch  # noqa: E402
from kurikulum.site import SiteBuild, languages_from_config  # noqa: E402


def main() -> int:
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(ROOT)
    out = ROOT / "build" / "bench"
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    html_seconds = time.perf_counter() - start
    languages = languages_from_config(ROOT / "mkdocs.yml")
    build = SiteBuild(ROOT, languages)
    build.check()
    jobs = pdf_jobs(build, ROOT, out, languages)
    rows = []
    for lang in languages:
        mine = [job for job in jobs if job.lang == lang]
        seconds = _timed(mine, out)
        pages = sum(_pages(job.pdf) for job in mine)
        rows.append((lang, len(mine), pages, seconds))
    both = _timed(jobs, out)
    print(f"HTML build (mkdocs, both languages): {html_seconds:.1f} s")
    print(f"{'language':<10}{'PDFs':>6}{'pages':>7}{'seconds':>9}{'s/PDF':>8}{'s/page':>8}")
    for lang, count, pages, seconds in rows:
        print(f"{lang:<10}{count:>6}{pages:>7}{seconds:>9.1f}{seconds / count:>8.2f}{seconds / pages:>8.3f}")
    total = sum(r[1] for r in rows)
    print(f"{'both':<10}{total:>6}{sum(r[2] for r in rows):>7}{both:>9.1f}{both / total:>8.2f}")
    print(
        f"ratio en/id time: {rows[-1][3] / rows[0][3]:.2f}; "
        f"PDFs (both) / HTML build time: {both / html_seconds:.2f}"
    )
    return 0


def _timed(jobs, out: Path) -> float:
    start = time.perf_counter()
    render_pdfs(jobs, out)
    return time.perf_counter() - start


def _pages(path: Path) -> int:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


if __name__ == "__main__":
    sys.exit(main())
