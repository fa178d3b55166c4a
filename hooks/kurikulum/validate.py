"""Rules across files: references resolve, timings add up, languages are complete, text is safe.

Every rule returns Problems as data; nothing here prints or raises for a content mistake.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import safety
from .anonymity_check import check_anonymity
from .cache import FindingsCache, engine_fingerprint
from .dates import check_calendar
from .edition import check_dropped, edition_programme, is_upstream
from .history import check_overrides
from .load import Curriculum, Loaded
from .placeholders import check_placeholders, mask
from .problems import Problem, Report
from .schedule import clock, day_end_minutes, overlap, parse_clock, schedule_day, session_minutes
from .sourcefiles import position, read_text_file
from .terminology import check_terminology
from .translock import check_stale
from .walk import is_markdown, texts
from .yamlsrc import PathKey, conflict_markers, dotted

REQUIRED_LABELS: set[str] = set()
"""Filled by the renderer with the label keys its templates use (data/ui.yml `labels`)."""


def validate(cur: Curriculum, report: Report, strict_languages: bool = False) -> Report:
    """Run every cross-file rule, adding problems to ``report``."""
    for rule in (
        check_unique,
        check_file_names,
        check_references,
        check_timings,
        check_questions,
        check_results,
        check_ui,
        check_placeholders,
        check_calendar,
    ):
        report.extend(rule(cur))
    report.extend(check_languages(cur))
    report.extend(check_text_safety(cur))
    report.extend(check_anonymity(cur))
    report.extend(check_terminology(cur))
    report.extend(check_group_assign(cur))
    report.extend(check_dropped(cur))
    report.extend(check_overrides(cur))
    report.extend(check_stale(cur))
    report.extend(check_variant_files(cur))
    return report


def check_variant_files(cur: Curriculum) -> list[Problem]:
    """A variant's own PDF name (`file:`) must not be the name of another PDF of the site: the
    later one would overwrite the first."""
    from . import printplan, render, urls

    problems: list[Problem] = []
    if cur.programme is None:
        return problems
    for entry in cur.loaded.get("programme", []):
        for v, variant in enumerate(entry.item.variants):
            for lang, name in (variant.file or {}).items():
                taken = {render.pdf_file(cur, lang, row.uri) for row in printplan.plan(cur)}
                taken |= {
                    render.pdf_file(cur, lang, urls.variant(other.slug))
                    for other in entry.item.variants
                    if other.slug != variant.slug
                }
                if name in taken:
                    problems.append(
                        _problem(
                            entry,
                            ("variants", v, "file", lang),
                            f"`{name}` is already the file name of another PDF in `{lang}`",
                            "give the variant a name of its own, e.g. `programme-1-day`",
                            "duplicate",
                        )
                    )
    return problems


def _problem(
    entry: Loaded, path: PathKey, message: str, hint: str, code: str, severity: str = "error"
) -> Problem:
    file, line, column = entry.doc.where(path)
    return Problem(file, line, column, dotted(path), message, hint, severity, code)


def _did_you_mean(word: str, known: Iterable[str], what: str) -> str:
    known = sorted(known)
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.5)
    if close:
        return f"did you mean `{close[0]}`?"
    listing = ", ".join(known[:12]) + (" ..." if len(known) > 12 else "")
    return f"use the slug of an existing {what}" + (f": {listing}" if known else "")


# --- identity -------------------------------------------------------------------------------


def _slugged(cur: Curriculum) -> Iterator[tuple[str, Loaded, PathKey, str]]:
    """(kind, entry, path, slug) for every item that has a slug."""
    for kind in ("module", "case", "worksheet", "assessment"):
        for entry in cur.loaded.get(kind, []):
            yield kind, entry, ("slug",), entry.item.slug
    for kind, attr in (
        ("forms", "forms"),
        ("glossary", "terms"),
        ("legal", "instruments"),
        ("contacts", "contacts"),
    ):
        for entry in cur.loaded.get(kind, []):
            for index, item in enumerate(getattr(entry.item, attr)):
                yield kind, entry, (attr, index, "slug"), item.slug


def check_unique(cur: Curriculum) -> list[Problem]:
    seen: dict[tuple[str, str], str] = {}
    problems = []
    for kind, entry, path, slug in _slugged(cur):
        file, line, _ = entry.doc.where(path)
        first = seen.setdefault((kind, slug), f"{file}:{line}")
        if first != f"{file}:{line}":
            problems.append(
                _problem(
                    entry,
                    path,
                    f"slug `{slug}` is already used at {first}",
                    "give each item its own slug",
                    "duplicate",
                )
            )
    return problems


def check_file_names(cur: Curriculum) -> list[Problem]:
    problems = []
    for kind in ("module", "case", "worksheet", "assessment"):
        for entry in cur.loaded.get(kind, []):
            stem = entry.doc.file.rsplit("/", 1)[-1].removesuffix(".yml")
            if stem != entry.item.slug:
                problems.append(
                    _problem(
                        entry,
                        ("slug",),
                        f"slug `{entry.item.slug}` differs from the file name `{stem}.yml`",
                        f"rename the file to `{entry.item.slug}.yml` or set `slug: {stem}`",
                        "file-name",
                    )
                )
    return problems


# --- references ------------------------------------------------------------------------------


def _references(cur: Curriculum) -> Iterator[tuple[Loaded, PathKey, str, str]]:
    """(entry, path, slug, target kind) for every cross-reference in the content."""
    for entry in cur.loaded.get("module", []):
        mod = entry.item
        for attr, target in (
            ("cases", "case"),
            ("legal", "instrument"),
            ("terms", "term"),
            ("worksheets", "worksheet"),
        ):
            for i, slug in enumerate(getattr(mod, attr)):
                yield entry, (attr, i), slug, target
        if mod.assessment:
            yield entry, ("assessment",), mod.assessment, "assessment"
        if mod.group_work:
            for i, slug in enumerate(mod.group_work.cases):
                yield entry, ("group_work", "cases", i), slug, "case"
            for group, slugs in mod.group_work.assign.items():
                for i, slug in enumerate(slugs):
                    yield entry, ("group_work", "assign", str(group), i), slug, "case"
        for i, block in enumerate(mod.agenda):
            yield entry, ("agenda", i, "method"), block.method, "method"
    for entry in cur.loaded.get("case", []):
        for attr, target in (("forms", "form"), ("legal", "instrument"), ("terms", "term")):
            for i, slug in enumerate(getattr(entry.item, attr)):
                yield entry, (attr, i), slug, target
    for entry in cur.loaded.get("glossary", []):
        for t, term in enumerate(entry.item.terms):
            for i, slug in enumerate(term.use_instead):
                yield entry, ("terms", t, "use_instead", i), slug, "term"
    for entry in cur.loaded.get("assessment", []):
        for i, item in enumerate(entry.item.items):
            if item.module:
                yield entry, ("items", i, "module"), item.module, "module"
    for entry in cur.loaded.get("worksheet", []):
        for p, part in enumerate(entry.item.parts):
            for i, slug in enumerate(part.term_cards or []):
                yield entry, ("parts", p, "term_cards", i), slug, "term"
            for i, slug in enumerate(part.contacts or []):
                yield entry, ("parts", p, "contacts", i), slug, "contact"
            for s, step in enumerate(part.flow or []):
                for i, slug in enumerate(step.contacts):
                    yield entry, ("parts", p, "flow", s, "contacts", i), slug, "contact"
    for entry in cur.loaded.get("contacts", []):
        for i, slug in enumerate(entry.item.card):
            yield entry, ("card", i), slug, "contact"
    for entry in cur.loaded.get("programme", []):
        for prefix, days in _schedules(entry.item):
            for d, day in enumerate(days):
                for i, slot in enumerate(day.items):
                    if slot.session:
                        yield entry, (*prefix, d, "items", i, "session"), slot.session, "module"
    for entry in cur.loaded.get("results", []):
        yield entry, ("assessment",), entry.item.assessment, "assessment"


def _targets(cur: Curriculum) -> dict[str, set[str]]:
    return {
        "case": set(cur.cases),
        "instrument": set(cur.instruments),
        "term": set(cur.terms),
        "worksheet": set(cur.worksheets),
        "assessment": set(cur.assessments),
        "module": set(cur.modules),
        "form": set(cur.forms),
        "method": set(cur.ui.methods) if cur.ui else set(),
        "contact": {c.slug for c in cur.contacts.contacts} if cur.contacts else set(),
    }


def check_references(cur: Curriculum) -> list[Problem]:
    targets = _targets(cur)
    where = {
        "case": "case_studies/",
        "instrument": "data/legal.yml",
        "term": "data/glossary.yml",
        "worksheet": "data/worksheets/",
        "assessment": "data/assessments/",
        "module": "modules/",
        "form": "data/forms.yml",
        "method": "data/ui.yml `methods`",
        "contact": "data/contacts.yml",
    }
    problems = []
    for entry, path, slug, target in _references(cur):
        if slug not in targets[target]:
            hint = _did_you_mean(slug, targets[target], target)
            problems.append(
                _problem(
                    entry, path, f"unknown {target} `{slug}` (looked in {where[target]})", hint, "reference"
                )
            )
    problems.extend(_unscheduled(cur))
    return problems


def check_group_assign(cur: Curriculum) -> list[Problem]:
    """``group_work.assign`` names groups the programme has."""
    if cur.programme is None:
        return []
    groups, problems = cur.programme.groups, []
    for entry in cur.loaded.get("module", []):
        work = entry.item.group_work
        for group in sorted(work.assign) if work else []:
            if not 1 <= group <= groups:
                problems.append(
                    _problem(
                        entry,
                        ("group_work", "assign", str(group)),
                        f"group {group} does not exist: the programme has {groups} group(s)",
                        f"use a group number from 1 to {groups}, or change `groups:` in the programme",
                        "reference",
                        "warning",
                    )
                )
    return problems


def _unscheduled(cur: Curriculum) -> list[Problem]:
    if cur.programme is None:
        return []
    scheduled = [s.session for d in cur.programme.days for s in d.items if s.session]
    in_variants = {s.session for v in cur.programme.variants for d in v.days for s in d.items if s.session}
    problems = []
    for entry in cur.loaded.get("module", []):
        count = scheduled.count(entry.item.slug)
        if count == 0 and entry.item.slug in in_variants:
            continue  # parked: run by a variant (e.g. after switching to it), not by `days:`
        if count == 0 and edition_programme(cur) and is_upstream(entry):
            problems.append(
                _problem(
                    entry,
                    ("slug",),
                    f"module `{entry.item.slug}` is not in this edition's programme (dropped)",
                    "nothing to do if the edition drops it; what it leaves behind is listed below",
                    "unscheduled",
                    "info",
                )
            )
        elif count == 0:
            problems.append(
                _problem(
                    entry,
                    ("slug",),
                    f"module `{entry.item.slug}` is not in the programme",
                    "add `- session: " + entry.item.slug + "` to a day in data/programme.yml",
                    "unscheduled",
                    "warning",
                )
            )
        elif count > 1:
            problems.append(
                _problem(
                    entry,
                    ("slug",),
                    f"module `{entry.item.slug}` is scheduled {count} times",
                    "schedule each module once; copy the module to repeat it",
                    "scheduled-twice",
                )
            )
    return problems


# --- timings ---------------------------------------------------------------------------------


def check_timings(cur: Curriculum) -> list[Problem]:
    problems = []
    for entry in cur.loaded.get("module", []):
        mod = entry.item
        total = sum(block.minutes for block in mod.agenda)
        if total != mod.duration:
            detail = " + ".join(str(b.minutes) for b in mod.agenda)
            problems.append(
                _problem(
                    entry,
                    ("duration",),
                    f"agenda blocks add up to {total} min ({detail}) but duration is {mod.duration}",
                    f"make the blocks add up to {mod.duration}, or set `duration: {total}`",
                    "timing",
                )
            )
    problems.extend(_day_fits(cur))
    return problems


def _schedules(programme) -> Iterator[tuple[PathKey, list]]:
    """(path of the days list, days) for the programme and for each of its variants."""
    yield ("days",), programme.days
    for v, variant in enumerate(programme.variants):
        yield ("variants", v, "days"), variant.days


def _item_minutes(slot, modules) -> int:
    if slot.break_:
        return slot.minutes
    mod = modules.get(slot.session)
    return session_minutes(slot, mod) if mod else 0


def _day_fits(cur: Curriculum) -> list[Problem]:
    problems = []
    modules = cur.modules
    for entry in cur.loaded.get("programme", []):
        for prefix, days in _schedules(entry.item):
            where = "day" if prefix == ("days",) else f"variant `{entry.item.variants[prefix[1]].slug}`, day"
            for d, day in enumerate(days):
                problems.extend(_blocks_exist(entry, (*prefix, d), day, modules))
                start, end = parse_clock(day.start), day_end_minutes(day.start, day.end)
                used = sum(_item_minutes(s, modules) for s in day.items)
                if start + used > end:
                    over = start + used - end
                    problems.append(
                        _problem(
                            entry,
                            (*prefix, d, "end"),
                            f"{where} {d + 1} needs {used} min from {day.start}, ending {over} min after {day.end}",
                            "shorten sessions or breaks, start earlier, or end later",
                            "timing",
                        )
                    )
                problems.extend(_friday_prayer(entry, (*prefix, d), day, modules, where))
    return problems


def _blocks_exist(entry: Loaded, path: PathKey, day, modules) -> list[Problem]:
    problems = []
    for i, slot in enumerate(day.items):
        mod = modules.get(slot.session) if slot.session else None
        if mod is None or slot.blocks is None:
            continue
        missing = [n for n in slot.blocks if not 1 <= n <= len(mod.agenda)]
        if missing:
            problems.append(
                _problem(
                    entry,
                    (*path, "items", i, "blocks"),
                    f"module `{mod.slug}` has {len(mod.agenda)} agenda blocks; there is no block "
                    + ", ".join(str(n) for n in missing),
                    f"use block numbers from 1 to {len(mod.agenda)} (the order of `agenda:` in "
                    f"modules/{mod.slug}.yml)",
                    "timing",
                )
            )
    return problems


FRIDAY = 4


def _friday_prayer(entry: Loaded, path: PathKey, day, modules, where: str) -> list[Problem]:
    """On a Friday, no session may run in the Friday-prayer time: a break must cover it."""
    if day.date is None or day.date.weekday() != FRIDAY:
        return []
    prayer = entry.item.friday_prayer
    window = parse_clock(prayer.start), parse_clock(prayer.end)
    rows = schedule_day(day, modules)
    sessions = [i for i, slot in enumerate(day.items) if slot.session and slot.session in modules]
    problems = []
    for i, row in zip(sessions, [r for r in rows if r.module], strict=False):
        begin = parse_clock(row.start)
        if overlap(begin, begin + row.minutes, *window):
            problems.append(
                _problem(
                    entry,
                    (*path, "items", i, "session"),
                    f"{where} {path[-1] + 1} is a Friday ({day.date.isoformat()}): session `{row.module.slug}` "
                    f"runs {row.start}-{clock(begin + row.minutes)}, into the Friday-prayer time "
                    f"{prayer.start}-{prayer.end}",
                    f"let a break cover {prayer.start}-{prayer.end} (for example the ISHOMA from "
                    f"{prayer.start}, {window[1] - window[0]} minutes), and move or shorten sessions so the "
                    "day still fits; or change `friday_prayer:` in data/programme.yml to your local times",
                    "friday-prayer",
                    "warning",
                )
            )
    return problems


MAX_CORE_QUESTIONS = 4


def check_questions(cur: Curriculum) -> list[Problem]:
    """A group has time for at most four core questions per case; the others are optional."""
    problems = []
    for entry in cur.loaded.get("case", []):
        count = len(entry.item.guiding_questions)
        if count > MAX_CORE_QUESTIONS:
            problems.append(
                _problem(
                    entry,
                    ("guiding_questions", MAX_CORE_QUESTIONS),
                    f"{count} guiding questions; a group has time for at most {MAX_CORE_QUESTIONS} per case",
                    f"keep the {MAX_CORE_QUESTIONS} most important under `guiding_questions:` and move the "
                    "others to `optional_questions:` (printed as optional, for groups with time left)",
                    "questions",
                )
            )
    return problems


def check_results(cur: Curriculum) -> list[Problem]:
    problems = []
    for entry in cur.loaded.get("results", []):
        res = entry.item
        test = cur.assessments.get(res.assessment)
        keys = {item.key for item in test.items} if test else set()
        for key, tally in res.correct.items():
            if test and key not in keys:
                problems.append(
                    _problem(
                        entry,
                        ("correct", key),
                        f"`{key}` is not an item of `{res.assessment}`",
                        _did_you_mean(key, keys, "item"),
                        "reference",
                    )
                )
            for when in ("pre", "post"):
                if getattr(tally, when) > getattr(res.respondents, when):
                    problems.append(
                        _problem(
                            entry,
                            ("correct", key, when),
                            f"{getattr(tally, when)} correct but only {getattr(res.respondents, when)} respondents",
                            "check the tally",
                            "results",
                        )
                    )
    return problems


def check_ui(cur: Curriculum) -> list[Problem]:
    entries = cur.loaded.get("ui", [])
    if not entries:
        return []
    missing = sorted(REQUIRED_LABELS - set(entries[0].item.labels))
    return [
        _problem(
            entries[0],
            ("labels",),
            f"label `{key}` is missing",
            f"add `{key}: {{id: ..., en: ...}}` under `labels:` (see the shipped data/ui.yml)",
            "ui",
        )
        for key in missing
    ]


# --- languages and text ----------------------------------------------------------------------


def _all_texts(cur: Curriculum) -> Iterator[tuple[Loaded, PathKey, object]]:
    for entries in cur.loaded.values():
        for entry in entries:
            for path, value in texts(entry.item):
                yield entry, path, value


def check_languages(cur: Curriculum) -> list[Problem]:
    source, configured = cur.source_language, set(cur.languages)
    problems = []
    for entry, path, value in _all_texts(cur):
        if value.root and not any(_LANGUAGE_CODE.match(k) or k.lower() in configured for k in value.root):
            problems.append(_text_with_colon(entry, path, value))
            continue
        for lang, text in value.root.items():
            if lang not in configured:
                problems.append(
                    _problem(
                        entry,
                        (*path, lang),
                        f"language `{lang}` is not configured (configured: {', '.join(cur.languages)})",
                        "correct the language code, or add the language to the i18n plugin in mkdocs.yml",
                        "language",
                    )
                )
            elif not isinstance(text, str) or not text.strip():
                problems.append(
                    _problem(
                        entry,
                        (*path, lang),
                        f"the `{lang}` text is empty",
                        "write the text, or remove the key",
                        "language",
                    )
                )
        for lang in cur.languages:
            if lang in value.root:
                continue
            severity = "error" if lang == source else "warning"
            problems.append(
                _problem(
                    entry,
                    path,
                    f"missing `{lang}` text"
                    + (
                        " (the source language)"
                        if lang == source
                        else f"; the page shows the `{source}` text with a 'not yet translated' notice"
                    ),
                    f"add `{lang}: ...` to this field",
                    "missing-translation",
                    severity,
                )
            )
    return problems


_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def _text_with_colon(entry: Loaded, path: PathKey, value) -> Problem:
    """`- Peserta: saling mengenal` where a text per language belongs: YAML read the colon
    inside the sentence as `key: value`, so the text looks like a language called `Peserta`."""
    key, text = next(iter(value.root.items()))
    sentence = f"{key}: {text}" if isinstance(text, str) else str(key)
    sentence = sentence if len(sentence) <= 60 else sentence[:57] + "..."
    return _problem(
        entry,
        path,
        f"`{sentence}` was read as the key `{key}` and its value, because the text contains a colon "
        "followed by a space; a text here is written per language",
        f'put the text in quotes, per language: `{{id: "{sentence}", en: "..."}}`',
        "language",
    )


def check_text_safety(cur: Curriculum) -> list[Problem]:
    problems = []
    results = FindingsCache(engine_fingerprint(), "safety")  # a text's result depends on it alone
    for entry, path, value in _all_texts(cur):
        markdown = is_markdown(value)
        for lang, text in value.root.items():
            masked = mask(text)
            found = results.result(
                masked,
                "md" if markdown else "plain",
                lambda masked=masked, markdown=markdown: [
                    list(x) for x in safety.unsafe_at(masked, markdown)
                ],
            )
            for offset, message, hint in found:
                line, column = entry.doc.text_position((*path, lang), text, offset)
                field = dotted((*path, lang))
                file = entry.doc.file_at((*path, lang))
                problems.append(Problem(file, line, column, field, message, hint, "error", "unsafe-text"))
    results.save()
    return problems


def check_pages(docs: Path, root: Path) -> list[Problem]:
    """Hand-written pages follow the rules of Markdown fields (code and page links excepted).

    Files that MkDocs would publish as they are and a browser would run (HTML, SVG, scripts
    outside ``assets/javascripts/``) are refused: pages are written in Markdown.
    """
    problems = []
    for path in sorted(docs.rglob("*")) if docs.is_dir() else []:
        name = path.relative_to(root).as_posix()
        if _runnable(path, docs):
            problems.append(
                Problem(
                    name,
                    0,
                    0,
                    "",
                    f"`{path.suffix}` files are published as they are, and a browser may run them",
                    "write the page in Markdown (.md); scripts belong in docs/assets/javascripts/",
                    "error",
                    "unsafe-text",
                )
            )
        if path.suffix != ".md":
            continue
        text, read_problems = read_text_file(path, root, name)
        problems.extend(read_problems)
        problems.extend(conflict_markers(safety.strip_code(text or ""), name))  # a merge left in a page
        for offset, message, hint in safety.unsafe_at(text or "", markdown=True, pages=True):
            line, column = position(text, offset)
            problems.append(Problem(name, line, column, "", message, hint, "error", "unsafe-text"))
    return problems


RUNNABLE = {".html", ".htm", ".xhtml", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".swf", ".mjs", ".js"}


def _runnable(path: Path, docs: Path) -> bool:
    suffix = path.suffix.lower()
    if suffix not in RUNNABLE:
        return False
    return not (suffix in (".js", ".mjs") and path.parent == docs / "assets" / "javascripts")
