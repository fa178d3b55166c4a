"""Benchmark: content check and anonymity scan, measured in one run (ratios, not thresholds).

Usage: .venv/bin/python scripts/bench_check.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from kurikulum.anonymity import scan  # noqa: E402
from kurikulum.site import SiteBuild, languages_from_config  # noqa: E402


def main() -> int:
    languages = languages_from_config(ROOT / "mkdocs.yml")
    start = time.perf_counter()
    SiteBuild(ROOT, languages).check()
    check = time.perf_counter() - start
    corpus = "".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "anonymity").glob("*.txt"))
    )
    text = (corpus * (500_000 // len(corpus) + 1))[:500_000]
    start = time.perf_counter()
    findings = len(scan(text))
    seconds = time.perf_counter() - start
    print(f"content check of the shipped curriculum: {check:.2f} s")
    print(
        f"anonymity scan of 500 KB of test corpus: {seconds:.2f} s ({findings} findings, "
        f"{0.5 / seconds:.2f} MB/s)"
    )
    print(f"ratio scan(500 KB) / content check: {seconds / check:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
