#!/usr/bin/env bash
# Set up everything the build and the tests need, from the package registries only:
# a virtual environment with the Python packages and Debian's Chromium (for PDFs and browser
# tests). The site's search needs nothing from npm: its stemmers are committed
# (scripts/vendor_stemmers.py).
#
#   scripts/setup.sh           the whole setup
#   scripts/setup.sh --quick   what every `make` target runs first: nothing when .venv is this
#                              checkout's and up to date (one Python start), else the setup
#   scripts/setup.sh --status  only say whether .venv is this checkout's and up to date
#                              (exit 0) or why not (exit 1); changes nothing
#
# A .venv belongs to one checkout: its editable install and the first line of its scripts
# name that checkout's folder. A copied or moved folder keeps a .venv that runs the *other*
# checkout's code, so --quick then deletes .venv and sets it up again from scratch.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
MODE=${1:-}
STAMP=.venv/.setup-done

# Why .venv cannot be used as it is (empty when it can).
venv_problem() {
  if [ ! -x .venv/bin/python ]; then
    echo "there is no .venv yet"
    return
  fi
  if [ ! -f "$STAMP" ]; then
    echo "the last setup of .venv did not finish"
    return
  fi
  local here found first interpreter_dir
  here=$(pwd -P)
  found=$(.venv/bin/python -I -c 'import os, kurikulum; print(os.path.realpath(kurikulum.__file__))' \
    2>/dev/null || true)
  if [ "$found" != "$here/hooks/kurikulum/__init__.py" ]; then
    echo ".venv runs the curriculum engine at ${found:-(none found)}, not this checkout's" \
      "($here/hooks/kurikulum); was the folder copied or moved?"
    return
  fi
  first=$(head -n 1 .venv/bin/curriculum 2>/dev/null || true)
  interpreter_dir=$(dirname "${first#\#!}")
  if [ "$(cd "$interpreter_dir" 2>/dev/null && pwd -P)" != "$(cd .venv/bin && pwd -P)" ]; then
    echo ".venv/bin/curriculum starts ${first#\#!}, not this checkout's .venv"
    return
  fi
  local changed
  for changed in pyproject.toml scripts/setup.sh; do
    if [ -n "$(find "$changed" -newer "$STAMP" 2>/dev/null)" ]; then
      echo "$changed changed since the last setup"
      return
    fi
  done
}

case "$MODE" in
  --status)
    problem=$(venv_problem)
    if [ -n "$problem" ]; then
      echo "setup: $problem" >&2
      exit 1
    fi
    echo "setup: .venv belongs to this checkout and is up to date"
    exit 0
    ;;
  --quick)
    problem=$(venv_problem)
    [ -z "$problem" ] && exit 0
    echo "setup: $problem; setting up"
    case "$problem" in
      ".venv runs"* | ".venv/bin/curriculum starts"*)
        echo "setup: deleting this folder's .venv to make a new one"
        rm -rf .venv
        ;;
    esac
    ;;
  "") ;;
  *)
    echo "usage: scripts/setup.sh [--quick | --status]" >&2
    exit 2
    ;;
esac

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

# Java for the W3C Nu HTML Checker (vnu-jar, below), which the tests run over the built site.
if ! command -v java >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "setup: installing Debian's Java runtime for the HTML checker (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
  else
    echo "setup: Java is missing. The HTML validity test needs it. Install it with:" >&2
    echo "         sudo apt-get install default-jre-headless" >&2
  fi
fi

# Test tools from npm: axe-core (accessibility rules, run in Chromium by the tests) and the
# W3C Nu HTML Checker (vnu-jar). Pinned, so findings do not change under the tests.
npm_tools=(axe-core@4.14.1 vnu-jar@26.9.27)
if [ ! -f .cache/npm/node_modules/axe-core/axe.min.js ] || [ ! -f .cache/npm/node_modules/vnu-jar/build/dist/vnu.jar ]; then
  if command -v npm >/dev/null; then
    echo "setup: installing the test tools axe-core and vnu-jar (npm)"
    npm install --silent --no-audit --no-fund --prefix .cache/npm "${npm_tools[@]}" >/dev/null
  else
    echo "setup: npm not found; the accessibility and HTML tests need axe-core and vnu-jar." >&2
  fi
fi
date -u +"%Y-%m-%dT%H:%M:%SZ $(pwd -P)" > "$STAMP"
echo "setup: done"
