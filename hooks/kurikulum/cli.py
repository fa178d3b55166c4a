"""The ``curriculum`` command: check, build, handouts, translations, new, schema, links.

Content mistakes are reported as tidy ``file:line`` lines with exit code 1, never as a
traceback; a traceback here means a bug in the engine.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import scaffold
from .linkcheck import check_site
from .problems import Report, language_of
from .site import SiteBuild, config_problems, languages_from_config


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    root = Path(args.root).resolve()
    if not (root / "mkdocs.yml").is_file():
        print(
            f"curriculum: no mkdocs.yml in {root}; run this in the project folder or pass --root",
            file=sys.stderr,
        )
        return 2
    broken = config_problems(root / "mkdocs.yml")
    if broken:
        print("\n".join(problem.text() for problem in broken))
        print("curriculum: mkdocs.yml must be fixed first", file=sys.stderr)
        return 1
    return args.run(args, root)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="curriculum", description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=".", help="project folder (default: current folder)")
    sub = parser.add_subparsers(title="commands")
    check = sub.add_parser("check", help="validate every content file")
    check.add_argument("--strict", action="store_true", help="warnings (e.g. missing translations) fail too")
    check.add_argument(
        "--format",
        choices=["text", "json", "github"],
        default=None,
        help="output format (default: text, plus GitHub annotations when CI is set)",
    )
    check.add_argument(
        "--errors-only",
        action="store_true",
        help="print only the errors (the summary still counts the warnings; the exit code is the same)",
    )
    check.set_defaults(run=cmd_check)
    build = sub.add_parser(
        "build",
        help="build site/ with PDFs, print packs and the offline archive (a second build waits)",
        description="Build site/ with PDFs, print packs and the offline archive. One build at a time: "
        'a second build of the same project waits for the first ("another build is running (pid N, '
        'started HH:MM); waiting…") and gives up after 10 minutes with exit code 75 '
        "(CURRICULUM_BUILD_WAIT=seconds changes the wait; 0 refuses at once). site/ is replaced in one "
        "atomic step, so it is always a complete build.",
    )
    build.add_argument("--strict", action="store_true", help="fail on any warning")
    build.add_argument("--no-pdf", action="store_true", help="skip the PDFs (no Chromium needed)")
    build.set_defaults(run=cmd_build)
    handouts = sub.add_parser(
        "handouts",
        help="(re)make the PDFs and print packs of the built site/",
        description="Remake the PDFs, print packs and offline archive of the built site/. Waits for a "
        "running build like `curriculum build` does.",
    )
    handouts.set_defaults(run=cmd_handouts)
    trans = sub.add_parser(
        "translations",
        help="list the texts not yet translated, and translations older than their source",
        description="List, per language, the texts not yet translated and the translations whose "
        "source text changed after they were confirmed (stale). `--record LANG` confirms the current "
        "LANG translations (in local/translations/LANG.tsv in an edition, else translations/LANG.tsv).",
    )
    trans.add_argument("--lang", help="only this language")
    trans.add_argument("--record", metavar="LANG", help="confirm the current translations of LANG")
    trans.set_defaults(run=cmd_translations)
    new = sub.add_parser("new", help="create a new content file from a template")
    new.add_argument("kind", choices=sorted(scaffold.KINDS))
    new.add_argument("slug", help="lower-case letters, digits and hyphens, e.g. local-case-1")
    new.set_defaults(run=cmd_new)
    schema = sub.add_parser("schema", help="write JSON Schemas for editors into schemas/")
    schema.set_defaults(run=cmd_schema)
    links = sub.add_parser("links", help="check the links of a built site")
    links.add_argument("site", nargs="?", default="site")
    links.set_defaults(run=cmd_links)
    return parser


def _checked(root: Path, strict: bool = False) -> tuple[SiteBuild, Report]:
    build = SiteBuild(root, languages_from_config(root / "mkdocs.yml"), strict=strict)
    return build, build.check()


def cmd_check(args, root: Path) -> int:
    build, report = _checked(root, args.strict)
    fmt = args.format or "text"
    shown = report.errors() if args.errors_only else report.sorted()
    if fmt == "json":
        print(Report(shown).as_json())
    else:
        for problem in shown:
            print(problem.github() if fmt == "github" else problem.text())
        if args.format is None and os.environ.get("CI"):
            for problem in shown:
                print(problem.github())
        summary = report.summary(build.languages)
        print(("FAILED: " if not build.ok else "OK: ") + summary, file=sys.stderr)
    return 0 if build.ok else 1


def cmd_build(args, root: Path) -> int:
    """Build site/. One build at a time: a second build (or `handouts`) of the same project waits.

    It prints "another build is running (pid N, started HH:MM); waiting…", then builds once the
    first has finished; after 10 minutes (or CURRICULUM_BUILD_WAIT seconds; 0 refuses at once) it
    gives up with exit code 75. site/ is swapped in atomically: always one complete build.
    """
    from .lock import EXIT_LOCKED, BuildLocked
    from .pdf import PdfError
    from .pipeline import BuildFailed, build

    print("curriculum: building (content check, HTML, PDFs, archives, link check)")
    try:
        result = build(root, strict=args.strict, pdf=not args.no_pdf)
    except BuildLocked as exc:
        print(f"{exc}", file=sys.stderr)
        return EXIT_LOCKED
    except (BuildFailed, PdfError) as exc:
        print(f"{exc}", file=sys.stderr)
        return 1
    index = result.site / "index.html"
    print(f"curriculum: built {result.pages} pages and {result.pdfs} PDFs into {result.site}/")
    _print_warnings(result.warnings, result.summary)
    print(f"curriculum: {result.external_links} external link(s) listed by `curriculum links`, not fetched")
    print(f"curriculum: open {index.as_uri()} in a browser (works offline), or run `make serve`")
    from . import steptimes

    steptimes.report()
    return 0


SHOWN_WARNINGS = 10


def _print_warnings(warnings: list, summary: str) -> None:
    """The content check's warnings after a build: the first few, and the summary."""
    if not warnings:
        return
    for problem in warnings[:SHOWN_WARNINGS]:
        print(problem.text())
    more = len(warnings) - SHOWN_WARNINGS
    print(
        f"curriculum: content check: {summary}"
        + (f"; {more} more warning(s) not shown" if more > 0 else "")
        + ": run `curriculum check` to see them all (`--strict` makes warnings fail the build)"
    )


def cmd_handouts(args, root: Path) -> int:
    """Remake the PDFs, print packs and offline archive of site/; takes the build lock too."""
    from .lock import EXIT_LOCKED, BuildLocked
    from .pdf import PdfError
    from .pipeline import BuildFailed, handouts

    try:
        count = handouts(root)
    except BuildLocked as exc:
        print(f"{exc}", file=sys.stderr)
        return EXIT_LOCKED
    except (BuildFailed, PdfError) as exc:
        print(f"{exc}", file=sys.stderr)
        return 1
    print(
        f"curriculum: wrote {count} PDFs, the print packs and the offline archive into {root / 'site'}/unduhan/"
    )
    return 0


def cmd_translations(args, root: Path) -> int:
    build, report = _checked(root)
    if args.record:
        return _record_translations(build, args.record)
    langs = [args.lang] if args.lang else build.languages[1:]
    stale = [p for p in report.warnings() if p.code == "stale-translation"]
    for lang in langs:
        mine = [p for p in stale if language_of(p, build.languages) == lang]
        if mine:
            print(f"{lang}: {len(mine)} translation(s) older than their source text")
            for problem in mine:
                print(f"  {problem.file}:{problem.line}: {problem.path}: {problem.message}")
    # A missing text, or one still holding a scaffold's TODO, is not translated yet.
    missing = [p for p in report.warnings() if p.code in ("missing-translation", "todo")]
    for lang in langs:
        mine = [p for p in missing if language_of(p, build.languages) == lang]
        print(f"{lang}: {len(mine)} text(s) not yet translated")
        for problem in mine:
            print(f"  {problem.file}:{problem.line}: {problem.path}")
    return 0 if build.ok else 1


def _record_translations(build, lang: str) -> int:
    from .translock import record

    if build.report.failed():
        print(build.report.as_text())
        print("curriculum: fix the errors above before confirming translations", file=sys.stderr)
        return 1
    if lang not in build.languages[1:] or build.curriculum is None:
        print(
            f"curriculum: `{lang}` is not a translated language here ({', '.join(build.languages[1:])})",
            file=sys.stderr,
        )
        return 2
    target, count = record(build.curriculum, lang)
    print(f"curriculum: confirmed {count} `{lang}` translation(s) in {target.relative_to(build.root)}")
    return 0


def cmd_new(args, root: Path) -> int:
    try:
        path = scaffold.create(root, args.kind, args.slug)
    except scaffold.ScaffoldError as exc:
        print(f"curriculum: {exc}", file=sys.stderr)
        return 1
    print(f"curriculum: wrote {path.relative_to(root)}; fill in the TODO texts, then run `curriculum check`")
    return 0


def cmd_schema(args, root: Path) -> int:
    from .jsonschema import write_schemas

    for path in write_schemas(root / "schemas"):
        print(f"curriculum: wrote {path.relative_to(root)}")
    return 0


def cmd_links(args, root: Path) -> int:
    site = (root / args.site).resolve()
    if not site.is_dir():
        print(f"curriculum: no built site at {site}", file=sys.stderr)
        return 1
    report = check_site(site)
    for broken in report.broken:
        print(broken.text())
    print(
        json.dumps(
            {"checked": report.checked, "broken": len(report.broken), "external": sorted(report.external)},
            indent=2,
            ensure_ascii=False,
        )
    )
    return 1 if report.broken else 0


if __name__ == "__main__":
    sys.exit(main())
