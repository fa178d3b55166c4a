"""The code stays linted and formatted (ruff, configured in pyproject.toml)."""

import subprocess
import sys

from sitekit import ROOT


def test_ruff_check_and_format():
    for args in (["check"], ["format", "--check"]):
        done = subprocess.run(
            [sys.executable, "-m", "ruff", *args, "hooks", "tests", "scripts"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stdout + done.stderr
