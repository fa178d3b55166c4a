"""Shared fixtures: small fixture sites and one full build of the shipped curriculum per run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitekit import ROOT, make_site, mkdocs_build

sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(scope="session", autouse=True)
def engine_cache(tmp_path_factory):
    """The engine's cache between builds (see kurikulum/cache.py) in a folder of this test run,
    not in the user's home."""
    before = os.environ.get("CURRICULUM_CACHE")
    os.environ["CURRICULUM_CACHE"] = str(tmp_path_factory.mktemp("engine-cache"))
    yield
    if before is None:
        os.environ.pop("CURRICULUM_CACHE", None)
    else:
        os.environ["CURRICULUM_CACHE"] = before


@pytest.fixture(scope="session")
def mini_built(tmp_path_factory) -> Path:
    """The mini fixture, built with `mkdocs build --strict` (HTML only)."""
    site = make_site("mini", tmp_path_factory.mktemp("mini"))
    done = mkdocs_build(site, "--strict")
    assert done.returncode == 0, done.stderr
    return site / "site"


def copy_project(dest: Path) -> Path:
    """A copy of the project's content and config, to build without touching ./site."""
    for name in ("mkdocs.yml", "data", "modules", "case_studies", "docs", "overrides"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        else:
            shutil.copy(source, dest / name)
    shim = ROOT / ".cache" / "npm"
    if shim.is_dir():
        shutil.copytree(shim, dest / ".cache" / "npm")
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("- hooks/site_hooks.py", f"- {ROOT / 'hooks' / 'site_hooks.py'}")
    config = config.replace("  - hooks\n", "").replace("  - local\n", "")
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


def curriculum(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    run_env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "kurikulum.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=run_env,
        timeout=1800,
    )


@pytest.fixture(scope="session")
def shipped_built(tmp_path_factory) -> Path:
    """The shipped curriculum, built once with `curriculum build --strict` (HTML, PDFs, zips)."""
    project = copy_project(tmp_path_factory.mktemp("shipped"))
    done = curriculum("build", "--strict", cwd=project)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    return project / "site"
