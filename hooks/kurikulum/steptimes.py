"""Where a build's time goes, for maintainers: ``CURRICULUM_STEP_TIMES=1 curriculum build``.

With the variable set, the build prints (to stderr, after its normal output) the seconds of each
step after the HTML build (Chromium start, each PDF's load, print and post-processing, the
handbook's contents pass, print plan, zips, audit, link check). Without it nothing is recorded
or printed, and the build's output is unchanged.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections import defaultdict

_lock = threading.Lock()
_totals: dict[str, float] = defaultdict(float)
_counts: dict[str, int] = defaultdict(int)
_jobs: list[tuple[str, float]] = []


def enabled() -> bool:
    return bool(os.environ.get("CURRICULUM_STEP_TIMES"))


def add(step: str, seconds: float) -> None:
    if not enabled():
        return
    with _lock:
        _totals[step] += seconds
        _counts[step] += 1


def job(name: str, seconds: float) -> None:
    """One PDF's whole time in its tab (load to normalised file)."""
    if enabled():
        with _lock:
            _jobs.append((name, seconds))


@contextlib.contextmanager
def step(name: str):
    start = time.monotonic()
    try:
        yield
    finally:
        add(name, time.monotonic() - start)


def report() -> None:
    """Print the totals (sum over tabs for per-PDF steps) and the slowest PDFs; then forget them."""
    if not enabled():
        return
    with _lock:
        lines = ["step times (s; per-PDF steps are summed over all tabs):"]
        for name, seconds in _totals.items():
            count = _counts[name]
            lines.append(f"  {name:<34} {seconds:7.2f}" + (f"  ({count}x)" if count > 1 else ""))
        if _jobs:
            lines.append("  slowest PDFs (whole time in a tab):")
            for name, seconds in sorted(_jobs, key=lambda pair: -pair[1])[:6]:
                lines.append(f"    {name:<50} {seconds:6.2f}")
        _totals.clear()
        _counts.clear()
        _jobs.clear()
    print("\n".join(lines), file=sys.stderr)
