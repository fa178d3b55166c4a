"""One build at a time, and a site/ that is always one complete build.

Two `curriculum build` runs at once used to delete each other's staging folder (tracebacks, a
missing site/, a site/ mixed from both). Now the second waits for the first (lock.py), each
stages privately, and site/ is swapped in atomically; a build killed at any step leaves a
complete site/ and no lock to remove by hand.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import curriculum
from kurikulum.lock import EXIT_LOCKED, build_lock
from sitekit import make_site

ENV = {"SOURCE_DATE_EPOCH": "1767225600", "NO_MKDOCS_2_WARNING": "1"}
WAITING = re.compile(r"another build is running \(pid (\d+), started \d\d:\d\d\); waiting…")


def tree(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def differing(a: dict[str, str], b: dict[str, str]) -> list[str]:
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


@pytest.fixture(scope="module")
def mini_project(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The mini fixture with one complete build (PDFs included) and that build's file hashes."""
    project = make_site("mini", tmp_path_factory.mktemp("concurrency"))
    done = curriculum("build", cwd=project)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    return project, tree(project / "site")


def test_two_builds_at_once_run_one_after_the_other(mini_project):
    project, single = mini_project
    site = project / "site"
    seen_incomplete: list[str] = []
    stop = threading.Event()

    def watch() -> None:  # what a web server serving site/ would find, as often as we can look
        while not stop.is_set():
            for name in ("index.html", "en/index.html", "unduhan/situs-offline.zip"):
                if not (site / name).is_file():
                    seen_incomplete.append(name)
            time.sleep(0.001)

    watcher = threading.Thread(target=watch)
    watcher.start()
    procs: list[subprocess.Popen] = []
    try:
        for _ in range(2):
            procs.append(
                subprocess.Popen(
                    [sys.executable, "-m", "kurikulum.cli", "build"],
                    cwd=project,
                    env={**os.environ, **ENV},
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
        outputs = [proc.communicate(timeout=600) for proc in procs]
    finally:
        stop.set()
        watcher.join()
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, out[-2000:] + err[-3000:]
        assert "Traceback" not in out + err, err
    waited = [(proc, WAITING.search(out)) for proc, (out, _) in zip(procs, outputs, strict=True)]
    waiters = [(proc, match) for proc, match in waited if match]
    assert len(waiters) == 1, [out for out, _ in outputs]
    waiter, match = waiters[0]
    (holder,) = [proc for proc in procs if proc is not waiter]
    assert int(match.group(1)) == holder.pid
    assert not seen_incomplete, f"site/ was missing or partial during the builds: {seen_incomplete[:5]}"
    assert differing(single, tree(site)) == []
    assert sorted(p.name for p in (project / "build").iterdir()) == [".lock"]


def test_a_second_build_waits_then_gives_up_and_handouts_take_the_same_lock(tmp_path):
    project = make_site("mini", tmp_path)
    with build_lock(project, say=print, wait=0):
        waited = curriculum("build", "--no-pdf", cwd=project, env={"CURRICULUM_BUILD_WAIT": "1"})
        refused = curriculum("handouts", cwd=project, env={"CURRICULUM_BUILD_WAIT": "0"})
    assert waited.returncode == EXIT_LOCKED, waited.stdout + waited.stderr
    match = WAITING.search(waited.stdout)
    assert match and int(match.group(1)) == os.getpid(), waited.stdout
    assert "gave up after waiting 1 s" in waited.stderr
    assert refused.returncode == EXIT_LOCKED, refused.stdout + refused.stderr
    assert "another build is running (pid" in refused.stderr and "not starting a second one" in refused.stderr
    for done in (waited, refused):
        assert "Traceback" not in done.stdout + done.stderr
    assert not (project / "site").exists()
    done = curriculum("build", "--no-pdf", cwd=project)  # the lock went with its holder
    assert done.returncode == 0, done.stderr
    assert "another build is running" not in done.stdout


# Each run kills its own process with SIGKILL (no cleanup code runs) right after the named step.
# Past the MkDocs step, MkDocs' output is copied from a finished build, to keep the test quick.
KILLER = """
import os, shutil, signal, sys
from pathlib import Path

from kurikulum import lock, pipeline

where, html = sys.argv[1], sys.argv[2]


def kill():
    os.kill(os.getpid(), signal.SIGKILL)


def after(module, name, times=1, then=kill):
    real, calls = getattr(module, name), []

    def wrapped(*args, **kwargs):
        out = real(*args, **kwargs)
        calls.append(1)
        if len(calls) == times:
            then()
        return out

    setattr(module, name, wrapped)


def rmtree_halfway(path, *args, **kwargs):
    files = sorted(p for p in Path(path).rglob("*") if p.is_file())
    for p in files[: len(files) // 2]:
        p.unlink()
    kill()


def arm_rmtree():
    shutil.rmtree = rmtree_halfway


def arm():  # faults inside the swap only
    if step == "exchange":
        after(lock, "_exchange")
    elif step == "delete-old" and not where.startswith("fallback"):
        after(lock, "_exchange", then=arm_rmtree)
    elif step == "first-rename":
        after(os, "rename")
    elif step == "second-rename":
        after(os, "rename", times=2)
    elif step == "delete-old":
        after(os, "rename", times=2, then=arm_rmtree)


if where.startswith("fallback"):  # systems without renameat2(RENAME_EXCHANGE)
    lock._exchange = lambda a, b: False
step = where.removeprefix("fallback-")
if step != "mkdocs":
    pipeline._mkdocs = lambda root, staging, *rest: shutil.copytree(html, staging, dirs_exist_ok=True)
if step in ("mkdocs", "offline_archive"):
    after(pipeline, "_" + step)
elif step == "link-check":
    after(pipeline, "check_site")
real_swap_in = pipeline.swap_in


def swap_in(staging, site):
    arm()
    return real_swap_in(staging, site)


pipeline.swap_in = swap_in
pipeline.build(Path.cwd(), pdf=False)
"""

STEPS = [
    "mkdocs",
    "offline_archive",
    "link-check",
    "exchange",
    "delete-old",
    "fallback-first-rename",
    "fallback-second-rename",
    "fallback-delete-old",
]


def test_a_build_killed_at_any_step_leaves_a_complete_site(tmp_path):
    project = make_site("mini", tmp_path / "project")
    assert curriculum("build", "--no-pdf", cwd=project).returncode == 0
    complete = tree(project / "site")
    html = shutil.copytree(project / "site", tmp_path / "html")
    killer = tmp_path / "killer.py"
    killer.write_text(KILLER, encoding="utf-8")
    for step in STEPS:
        done = subprocess.run(
            [sys.executable, str(killer), step, str(html)],
            cwd=project,
            env={**os.environ, **ENV},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == -9, (step, done.stderr[-3000:])
        if step == "fallback-first-rename":
            # The one moment the two-rename fallback cannot cover: site/ is in build/site.old.
            # Whatever runs next under the lock (build or handouts) first puts it back.
            assert not (project / "site").exists()
            with build_lock(project, say=print, wait=0):
                pass
        assert differing(complete, tree(project / "site")) == [], step
    done = curriculum("build", "--no-pdf", cwd=project, env={"CURRICULUM_BUILD_WAIT": "0"})
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (project / "build").iterdir()) == [".lock"]
    assert differing(complete, tree(project / "site")) == []
