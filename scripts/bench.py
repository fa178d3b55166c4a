"""Benchmark: our build against plain MkDocs building the very same pages (``make bench``).

For each size of curriculum (the shipped one, and copies grown by generated modules scheduled
over extra days) it:

1. exports our generated pages as a plain MkDocs project (``scripts/export_plain.py``: same
   theme, plugins, configuration and navigation, no hooks);
2. builds ours (``mkdocs build`` with the hooks) once with an empty engine cache ("first
   build"), then ours and plain alternately for ``--rounds`` rounds, each in a fresh process;
3. prints the medians, their ratio, the engine's own share of our build (load, validate,
   render: reported by the hooks through ``CURRICULUM_TIMINGS``), the sanitiser's and audit's
   share, and the peak memory (resident set) of each side.

Then, on the shipped curriculum: how long ``mkdocs serve`` takes to show a one-file YAML edit,
and the full ``curriculum build`` with every PDF. ``--nav`` also compares each size with and
without Material's ``navigation.prune`` (build time and page weight).

The machines are small and noisy: compare the ratios within one run, not seconds across runs.
Usage: ``make bench`` or ``.venv/bin/python scripts/bench.py [--sizes 0,90,390] [--rounds 3]``.
``--only-serve`` measures only ``mkdocs serve``; ``--against DIR`` (another checkout of the
project, e.g. ``git worktree add ../base main``) measures its ``mkdocs serve`` too, alternately
with this one (its engine through ``PYTHONPATH``), for an A/B comparison on a busy machine.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "hooks"))

from export_plain import export  # noqa: E402

CONTENT = (
    "mkdocs.yml",
    "docs",
    "overrides",
    "modules",
    "case_studies",
    "data",
    "local",
    "hooks/site_hooks.py",
)
ENGINE_STEPS = ("load", "validate", "render")
GUARD_STEPS = ("sanitise", "audit")
PRUNE = "navigation.prune"


def copy_project(target: Path, root: Path = ROOT) -> Path:
    """The content and configuration of this project (the engine stays the installed one)."""
    for name in CONTENT:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def grow(project: Path, extra: int) -> None:
    """Add ``extra`` modules (copies of the shipped ones under new slugs) on extra days."""
    if extra <= 0:
        return
    sources = sorted((project / "modules").glob("*.yml"))
    added = []
    for number in range(extra):
        source = sources[number % len(sources)]
        text = source.read_text(encoding="utf-8")
        slug = f"{source.stem}-x{number + 1}"
        text, count = re.subn(rf"(?m)^slug:\s*{re.escape(source.stem)}\s*$", f"slug: {slug}", text)
        if count != 1:
            raise SystemExit(f"bench: cannot find `slug: {source.stem}` in {source}")
        (project / "modules" / f"{slug}.yml").write_text(text, encoding="utf-8")
        added.append((slug, int(yaml.safe_load(text).get("duration") or 60)))
    path = project / "data" / "programme.yml"
    programme = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # times stay text
    days = programme["days"]
    template = {k: v for k, v in days[-1].items() if k not in ("title", "items", "start", "end")}
    day, used = None, 0
    for slug, minutes in added:
        if day is None or used + minutes > 600:
            number = len(days) + 1
            day = {
                **template,
                "title": {"id": f"Hari {number} (salinan uji)", "en": f"Day {number} (benchmark copy)"},
                "start": "08:00",
                "end": "18:00",
                "items": [],
            }
            days.append(day)
            used = 0
        day["items"].append({"session": slug})
        used += minutes
    for extra_day in days[len(days) - len(added) :]:
        extra_day.pop("date", None)
    path.write_text(yaml.safe_dump(programme, allow_unicode=True, sort_keys=False), encoding="utf-8")


def set_prune(config: Path, on: bool) -> None:
    text = config.read_text(encoding="utf-8")
    text = re.sub(rf"(?m)^\s*- {re.escape(PRUNE)}\s*\n", "", text)
    if on:
        text, count = re.subn(r"(?m)^(\s*)features:\s*\n", rf"\g<0>\g<1>  - {PRUNE}\n", text, count=1)
        if count != 1:
            raise SystemExit(f"bench: no `features:` under `theme:` in {config}")
    config.write_text(text, encoding="utf-8")


def uses_prune(config: Path) -> bool:
    return bool(re.search(rf"(?m)^\s*- {re.escape(PRUNE)}\s*$", config.read_text(encoding="utf-8")))


def run(cmd: list[str], cwd: Path, env: dict) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of one command in a fresh process."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-3000:]
            raise SystemExit(f"bench: {' '.join(cmd)} failed in {cwd}:\n{tail}")
    return seconds, usage.ru_maxrss / 1024


def mkdocs(folder: Path, out: Path, env: dict) -> tuple[float, float]:
    return run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], folder, env)


def page_weight(site: Path) -> tuple[int, float]:
    """Number of HTML pages and their mean gzipped size in KB."""
    pages = list(site.rglob("*.html"))
    total = sum(len(gzip.compress(p.read_bytes(), 6)) for p in pages)
    return len(pages), total / len(pages) / 1024


class Size:
    """One curriculum size: our project copy and its plain export."""

    def __init__(self, work: Path, extra: int, prune: bool | None = None):
        self.extra = extra
        self.ours = copy_project(work / f"ours-{extra}")
        grow(self.ours, extra)
        if prune is not None:
            set_prune(self.ours / "mkdocs.yml", prune)
        self.plain = work / f"plain-{extra}"
        export(self.ours, self.plain)
        self.timings = work / f"timings-{extra}.json"

    def build_ours(self, env: dict) -> tuple[float, float, dict]:
        self.timings.unlink(missing_ok=True)
        seconds, memory = mkdocs(
            self.ours, self.ours / "site", {**env, "CURRICULUM_TIMINGS": str(self.timings)}
        )
        return seconds, memory, json.loads(self.timings.read_text(encoding="utf-8"))

    def build_plain(self, env: dict) -> tuple[float, float]:
        return mkdocs(self.plain, self.plain / "site", env)


def measure(size: Size, rounds: int, env: dict, cold_cache: Path) -> dict:
    first, _, _ = size.build_ours({**env, "CURRICULUM_CACHE": str(cold_cache)})
    size.build_plain(env)  # warm-up of the plain side (file cache), not counted
    ours, plain, engine, guard, memory_ours, memory_plain = [], [], [], [], [], []
    for number in range(rounds):
        for side in ("ours", "plain") if number % 2 == 0 else ("plain", "ours"):
            if side == "ours":
                seconds, memory, steps = size.build_ours(env)
                ours.append(seconds)
                memory_ours.append(memory)
                engine.append(sum(steps.get(k, 0.0) for k in ENGINE_STEPS) / seconds)
                guard.append(sum(steps.get(k, 0.0) for k in GUARD_STEPS) / seconds)
            else:
                seconds, memory = size.build_plain(env)
                plain.append(seconds)
                memory_plain.append(memory)
    pages, weight = page_weight(size.ours / "site")
    return {
        "pages": pages,
        "first": first,
        "ours": statistics.median(ours),
        "plain": statistics.median(plain),
        "engine": statistics.median(engine),
        "guard": statistics.median(guard),
        "memory": (max(memory_ours), max(memory_plain)),
        "weight": weight,
    }


def serve_latency(project: Path, env: dict, edits: int = 3) -> list[float]:
    """Seconds from saving a one-line YAML edit to ``mkdocs serve`` serving the changed page."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    module = project / "modules" / "closing.yml"
    original = module.read_text(encoding="utf-8")
    title = yaml.safe_load(original)["title"]["id"]
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=log,
            stderr=log,
        )
        try:
            _wait_for(port, "/sesi/closing.html", title, timeout=180)
            times = []
            for number in range(1, edits + 1):
                marker = f"UJI{number}X"
                start = time.perf_counter()
                module.write_text(original.replace(title, f"{title} {marker}", 1), encoding="utf-8")
                _wait_for(port, "/sesi/closing.html", marker, timeout=120)
                times.append(time.perf_counter() - start)
                time.sleep(1.0)
            return times
        finally:
            module.write_text(original, encoding="utf-8")
            proc.terminate()
            proc.wait(timeout=30)


def serve_ab(shipped: Path, env: dict, args, work: Path) -> None:
    """``mkdocs serve``'s latency of this checkout; with ``--against``, of both, alternately
    (``--rounds`` rounds of three edits each, each round in a fresh server)."""
    sides = {"this checkout": (shipped, env)}
    if args.against is not None:
        other = args.against.resolve()
        sides[str(other)] = (
            copy_project(work / "against", other),
            {**env, "PYTHONPATH": str(other / "hooks"), "CURRICULUM_CACHE": str(work / "cache-against")},
        )
    times: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(args.rounds if args.against is not None else 1):
        for name, (project, side_env) in sides.items():
            times[name] += serve_latency(project, side_env)
    for name, found in times.items():
        print(
            f"\nmkdocs serve ({name}), one YAML edit to the page showing it: "
            f"median {statistics.median(found):.2f} s ({', '.join(f'{t:.2f}' for t in found)})"
        )


def _wait_for(port: int, path: str, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path)
            response = conn.getresponse()
            if response.status == 200 and text in response.read().decode("utf-8", "replace"):
                return
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"bench: mkdocs serve did not show {text!r} at {path} within {timeout:.0f} s")


def full_build(project: Path, env: dict) -> tuple[float, int]:
    """The full `curriculum build` with every PDF: seconds and number of PDFs."""
    command = Path(sys.executable).with_name("curriculum")
    seconds, _ = run([str(command), "--root", str(project), "build"], project, env)
    return seconds, sum(1 for _ in (project / "site").rglob("*.pdf"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0,90,390", help="extra modules per size (default 0,90,390)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per size (default 3)")
    parser.add_argument("--nav", action="store_true", help="also compare with and without navigation.prune")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve measurement")
    parser.add_argument("--no-pdf", action="store_true", help="skip the full build with PDFs")
    parser.add_argument("--only-serve", action="store_true", help="measure only mkdocs serve")
    parser.add_argument("--against", type=Path, help="another checkout: measure its mkdocs serve too (A/B)")
    args = parser.parse_args(argv)
    if args.only_serve:
        args.sizes, args.nav, args.no_serve, args.no_pdf = "", False, False, True
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    work = Path(tempfile.mkdtemp(prefix="curriculum-bench-"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CURRICULUM_CACHE": str(work / "cache")}
    env.pop("CI", None)
    prune = uses_prune(ROOT / "mkdocs.yml")
    try:
        if sizes:
            print(f"Each figure: median of {args.rounds} alternating rounds, fresh process per build.")
            print(f"navigation.prune is {'on' if prune else 'off'} (as in mkdocs.yml), on both sides.\n")
            header = (
                "| curriculum | pages | ours | plain | ratio | engine | sanitise+audit "
                "| first build | peak MB ours / plain |"
            )
            print(header)
            print("|---" * (header.count("|") - 1) + "|")
        results = {}
        for extra in sizes:
            size = Size(work / "sizes", extra)
            r = results[extra] = measure(size, args.rounds, env, work / f"cold-{extra}")
            name = "shipped" if extra == 0 else f"+{extra} modules"
            print(
                f"| {name} | {r['pages']} | {r['ours']:.1f} s | {r['plain']:.1f} s | "
                f"{r['ours'] / r['plain']:.2f} | {r['engine']:.1%} | {r['guard']:.1%} | {r['first']:.1f} s | "
                f"{r['memory'][0]:.0f} / {r['memory'][1]:.0f} |",
                flush=True,
            )
            shutil.rmtree(size.ours / "site", ignore_errors=True)
            shutil.rmtree(size.plain / "site", ignore_errors=True)
        if args.nav:
            print(
                f"\nnavigation.prune, ours / plain (median of {args.rounds} rounds), mean page weight (gzip):"
            )
            print("| curriculum | prune | ours | plain | ratio | page KB |")
            print("|---|---|---|---|---|---|")
            for extra in sizes:
                for on in (False, True):
                    size = Size(work / f"nav-{on}", extra, prune=on)
                    r = measure(size, args.rounds, env, work / f"cold-nav-{on}-{extra}")
                    name = "shipped" if extra == 0 else f"+{extra} modules"
                    print(
                        f"| {name} | {'on' if on else 'off'} | {r['ours']:.1f} s | {r['plain']:.1f} s | "
                        f"{r['ours'] / r['plain']:.2f} | {r['weight']:.1f} |",
                        flush=True,
                    )
                    shutil.rmtree(size.ours.parent, ignore_errors=True)
                    shutil.rmtree(size.plain, ignore_errors=True)
        shipped = copy_project(work / "shipped")
        if not args.no_serve:
            serve_ab(shipped, env, args, work)
        if not args.no_pdf:
            seconds, pdfs = full_build(shipped, env)
            print(f"curriculum build with every PDF (shipped): {seconds:.1f} s, {pdfs} PDFs")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
