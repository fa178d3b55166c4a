"""Build small bilingual fixture sites with the project's own config, theme and hooks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"


def make_site(fixture: str | Path, dest: Path) -> Path:
    """Copy a content fixture into ``dest`` and give it the project's mkdocs.yml, theme and ui."""
    source = fixture if isinstance(fixture, Path) else FIXTURES / fixture
    shutil.copytree(source, dest, dirs_exist_ok=True)
    ui = dest / "data" / "ui.yml"
    if not ui.exists():
        shutil.copy(ROOT / "data" / "ui.yml", ui)
    shutil.copytree(ROOT / "docs" / "assets", dest / "docs" / "assets", dirs_exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("- hooks/site_hooks.py", f"- {ROOT / 'hooks' / 'site_hooks.py'}")
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config = config.replace("  - hooks\n", "").replace("  - local\n", "")
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


def mkdocs_build(site: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``mkdocs build`` in a fresh process, as a user would."""
    run_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=site,
        capture_output=True,
        text=True,
        env=run_env,
        timeout=600,
    )


def load_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))
