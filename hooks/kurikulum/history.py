"""Stale overrides: upstream changed a value after the edition's ``local/`` file replaced it.

An override and the upstream value it replaces live in different files (``local/modules/x.yml``
and ``modules/x.yml``), so git can tell which commit last changed each of their lines (``git
blame``). The override is *stale* when a commit that last changed the upstream value is not an
ancestor of the commit that last changed the override: the edition wrote its value without
having seen that upstream change (typically, it came in with ``git merge`` of upstream). To
confirm an override after reviewing it, save its line again with any change (a comment at its
end will do) and commit: the check then knows the edition has seen upstream's change.

Without git (a project downloaded as a zip) this check is skipped, and says so once as
information. Results of ``git blame`` (per file content and commit) and of ancestry (per pair
of commits) do not change, so they are remembered in this process.
"""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path

from .load import Curriculum
from .problems import Problem
from .yamlsrc import dotted

CODE = "stale-override"
UNCOMMITTED = "0" * 40


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


@functools.lru_cache(maxsize=256)
def _blame(root: str, file: str, digest: bytes, head: str) -> tuple[str, ...] | None:
    """The commit that last changed each line of ``file`` (``digest``: its content now)."""
    out = _git(Path(root), "blame", "--porcelain", "--", file)
    if out is None:
        return None
    commits: dict[int, str] = {}
    for line in out.splitlines():
        parts = line.split(" ")
        if len(parts) >= 3 and len(parts[0]) == 40 and parts[1].isdigit() and parts[2].isdigit():
            commits[int(parts[2])] = parts[0]
    return tuple(commits.get(n, UNCOMMITTED) for n in range(1, max(commits, default=0) + 1))


@functools.lru_cache(maxsize=4096)
def _known(root: str, upstream: str, local: str) -> bool:
    """Whether commit ``upstream`` is ``local`` or one of its ancestors."""
    if upstream == local:
        return True
    try:
        done = subprocess.run(
            ["git", "-C", root, "merge-base", "--is-ancestor", upstream, local],
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return True
    return done.returncode == 0


def check_overrides(cur: Curriculum) -> list[Problem]:
    if not cur.overrides:
        return []
    root = Path(cur.root)
    head = (_git(root, "rev-parse", "HEAD") or "").strip()
    top = (_git(root, "rev-parse", "--show-toplevel") or "").strip()
    if not head or not top:
        first = cur.overrides[0]
        line = first.local.position(first.local_path)[0]
        return [
            Problem(
                first.local.file,
                line,
                1,
                "",
                "the edition's overrides cannot be compared with upstream changes without git history",
                "work in a git clone of the project to be told when upstream changes a value you override",
                "info",
                CODE,
            )
        ]
    problems = []
    for override in cur.overrides:
        upstream = override.upstream.lines(override.upstream_path)
        local = override.local.lines(override.local_path)
        if upstream is None or local is None:
            continue
        theirs = _commits(root, override.upstream, upstream, head)
        mine = _commits(root, override.local, local, head)
        if theirs is None or mine is None or UNCOMMITTED in theirs:
            continue
        if UNCOMMITTED in mine:
            continue  # being edited now: the edition is looking at it
        if all(any(_known(str(root), u, m) for m in mine) for u in theirs):
            continue
        file, start, _ = upstream
        problems.append(
            Problem(
                local[0],
                local[1],
                1,
                dotted(override.local_path),
                f"upstream changed this value ({file}:{start}) after the edition overrode it here",
                f"compare with upstream (`git log -p -- {file}`), keep or update this value, then save "
                "this line again (a comment at its end will do) and commit",
                "warning",
                CODE,
            )
        )
    return problems


def _commits(root: Path, doc, lines: tuple[str, int, int], head: str) -> set[str] | None:
    file, start, end = lines
    blame = _blame(str(root), file, doc.digest, head)
    if blame is None:
        return None
    return set(blame[start - 1 : end]) or None
