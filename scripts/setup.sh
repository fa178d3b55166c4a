#!/usr/bin/env bash
# Set up everything the build and the tests need, from the package registries only:
# a virtual environment with the Python packages, Debian's Chromium (for PDFs and browser
# tests) and the iframe-worker shim from npm (search in the offline copy of the site).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: Python 3.11 or newer is needed (found: $("$PYTHON" --version 2>&1))." >&2
  echo "setup: install it, then run: make PYTHON=python3.11 site" >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
echo "setup: installing Python packages"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"

chromium_path() { command -v chromium || command -v chromium-browser || command -v google-chrome || true; }
if [ -z "$(chromium_path)" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "setup: installing Debian's chromium and fonts (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium fonts-noto-core fonts-dejavu-core >/dev/null
  else
    echo "setup: Chromium is missing. PDFs and browser tests need it. Install it with:" >&2
    echo "         sudo apt-get install chromium fonts-noto-core" >&2
    echo "       (or set CHROMIUM=/path/to/chromium), then run make again." >&2
    [ -n "${CHROMIUM:-}" ] || exit 1
  fi
fi

shim=.cache/npm/node_modules/iframe-worker/shim/index.js
if [ ! -f "$shim" ]; then
  if command -v npm >/dev/null; then
    echo "setup: installing the iframe-worker shim (npm) for offline search"
    npm install --silent --no-audit --no-fund --prefix .cache/npm iframe-worker@1.0.4 >/dev/null
  else
    echo "setup: npm not found; the offline copy of the site will work without search." >&2
  fi
fi
echo "setup: done"
