"""`make` notices a .venv that runs another checkout's code (a copied folder) and makes a new one.

The tests run `scripts/setup.sh` in a fake checkout whose .venv holds small stand-in scripts, so
nothing is installed: `--status` only reports, and `--quick` is stopped at its first install step.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from sitekit import ROOT


def _checkout(tmp_path: Path, engine_at: Path | None = None, interpreter: str | None = None) -> Path:
    """A checkout with scripts/setup.sh and a fake .venv whose python reports ``engine_at``."""
    root = tmp_path / "checkout"
    (root / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "setup.sh", root / "scripts" / "setup.sh")
    (root / "pyproject.toml").write_text("[project]\n", encoding="utf-8")
    (root / "hooks" / "kurikulum").mkdir(parents=True)
    (root / "hooks" / "kurikulum" / "__init__.py").write_text("", encoding="utf-8")
    here = root.resolve()
    engine = engine_at or here / "hooks" / "kurikulum" / "__init__.py"
    bin_dir = root / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    _script(bin_dir / "python", f"#!/bin/sh\necho '{engine}'\n")
    _script(bin_dir / "curriculum", f"#!{interpreter or here / '.venv' / 'bin' / 'python'}\n# stand-in\n")
    stamp = root / ".venv" / ".setup-done"
    stamp.write_text("", encoding="utf-8")
    old = stamp.stat().st_mtime - 60
    for path in (root / "pyproject.toml", root / "scripts" / "setup.sh"):
        os.utime(path, (old, old))
    return root


def _script(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    path.chmod(0o755)


def _setup(root: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(root / "scripts" / "setup.sh"), *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def test_a_venv_of_this_checkout_is_left_alone(tmp_path):
    root = _checkout(tmp_path)
    done = _setup(root, "--status")
    assert done.returncode == 0, done.stderr
    quick = _setup(root, "--quick")
    assert quick.returncode == 0 and quick.stdout == "", quick.stdout + quick.stderr
    assert (root / ".venv" / "bin" / "python").exists()


def test_a_copied_venv_running_another_checkouts_engine_is_noticed(tmp_path):
    elsewhere = tmp_path / "original" / "hooks" / "kurikulum" / "__init__.py"
    root = _checkout(tmp_path, engine_at=elsewhere)
    done = _setup(root, "--status")
    assert done.returncode == 1
    assert str(elsewhere) in done.stderr and "copied or moved" in done.stderr


def test_scripts_starting_another_checkouts_python_are_noticed(tmp_path):
    root = _checkout(tmp_path, interpreter=str(tmp_path / "original" / ".venv" / "bin" / "python"))
    done = _setup(root, "--status")
    assert done.returncode == 1 and "not this checkout's .venv" in done.stderr


@pytest.mark.parametrize("changed", ["pyproject.toml", "scripts/setup.sh"])
def test_a_changed_setup_is_noticed(tmp_path, changed):
    root = _checkout(tmp_path)
    stamp = (root / ".venv" / ".setup-done").stat().st_mtime
    os.utime(root / changed, (stamp + 5, stamp + 5))  # edited after the last setup
    done = _setup(root, "--status")
    assert done.returncode == 1 and f"{changed} changed since the last setup" in done.stderr


def test_no_venv_or_an_unfinished_setup_is_noticed(tmp_path):
    root = _checkout(tmp_path)
    (root / ".venv" / ".setup-done").unlink()
    assert "did not finish" in _setup(root, "--status").stderr
    shutil.rmtree(root / ".venv")
    assert "no .venv yet" in _setup(root, "--status").stderr


def test_quick_mode_makes_a_new_venv_for_a_copied_folder(tmp_path):
    """`make` in a copied folder deletes the copied .venv and creates a new one (stopped here
    at `python -m venv`, so nothing is installed)."""
    root = _checkout(tmp_path, engine_at=tmp_path / "original" / "hooks" / "kurikulum" / "__init__.py")
    log = tmp_path / "calls.log"
    fake_python = tmp_path / "python3"
    _script(
        fake_python,
        f'#!/bin/sh\necho "$@" >> "{log}"\ncase "$1" in -c) exit 0;; esac\nexit 3\n',
    )
    done = _setup(root, "--quick", env={"PYTHON": str(fake_python)})
    assert done.returncode == 3, done.stdout + done.stderr
    assert "copied or moved" in done.stdout and "deleting this folder's .venv" in done.stdout
    assert not (root / ".venv").exists()
    assert "-m venv .venv" in log.read_text(encoding="utf-8")


def test_quick_mode_never_deletes_the_target_of_a_linked_venv(tmp_path):
    other = _checkout(tmp_path / "other")
    root = _checkout(tmp_path, engine_at=tmp_path / "elsewhere" / "__init__.py")
    shutil.rmtree(root / ".venv")
    (root / ".venv").symlink_to(other / ".venv")
    fake_python = tmp_path / "python3"
    _script(fake_python, '#!/bin/sh\ncase "$1" in -c) exit 0;; esac\nexit 3\n')
    done = _setup(root, "--quick", env={"PYTHON": str(fake_python)})
    assert done.returncode == 3, done.stdout + done.stderr
    assert (other / ".venv" / "bin" / "python").exists()  # only the link was removed
    assert not (root / ".venv").exists()


def test_make_runs_the_quick_check_before_every_target():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "bash scripts/setup.sh --quick" in makefile
    assert ".setup-done:" not in makefile  # no sentinel rule that would skip the check
    for target in ("site", "serve", "check", "test", "lint", "bench"):
        assert f"\n{target}: setup\n" in makefile, target
