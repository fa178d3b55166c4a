"""One build of the site, independent of MkDocs: check the content once, render each language.

The MkDocs hooks create one ``SiteBuild`` per build and ask it for pages and navigation; the
``curriculum`` command uses the same object to check content without building.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import urls, validate
from .load import Curriculum, load
from .overlay import LOCAL
from .problems import Problem, Report
from .render import Page, Renderer, make_environment, template_labels
from .sourcefiles import read_text_file
from .yamlsrc import conflict_markers

DOWNLOADS = "unduhan"


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, which may hold tags such as !!python/name: that only MkDocs resolves."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def config_problems(mkdocs_yml: Path) -> list[Problem]:
    """Why ``mkdocs.yml`` cannot be read (a merge left conflict markers in it, a YAML mistake)."""
    name = Path(mkdocs_yml).name
    try:
        text = Path(mkdocs_yml).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [
            Problem(name, 1, 1, "", f"cannot be read ({exc.__class__.__name__})", "restore it (git checkout)")
        ]
    found = conflict_markers(text, name)
    if found:
        return found
    try:
        yaml.load(text, Loader=_LenientLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        what = getattr(exc, "problem", None) or "the file's syntax"
        return [
            Problem(
                name,
                mark.line + 1 if mark else 1,
                mark.column + 1 if mark else 1,
                "",
                f"not valid YAML: {what}",
                "check the indentation and quotes on this line and the one above",
                code="yaml",
            )
        ]
    return []


def site_url_from_config(mkdocs_yml: Path) -> str:
    """``site_url`` of mkdocs.yml ("" when it is not set): the PDFs' links to the site use it."""
    try:
        config = yaml.load(Path(mkdocs_yml).read_text(encoding="utf-8"), Loader=_LenientLoader) or {}
    except (OSError, yaml.YAMLError):
        return ""
    return str(config.get("site_url") or "").strip()


def languages_from_config(mkdocs_yml: Path) -> list[str]:
    """Language codes from the i18n plugin's configuration, the default (source) first."""
    config = yaml.load(Path(mkdocs_yml).read_text(encoding="utf-8"), Loader=_LenientLoader) or {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            langs = (plugin["i18n"] or {}).get("languages") or []
            ordered = sorted(langs, key=lambda entry: not entry.get("default", False))
            return [entry["locale"] for entry in ordered if entry.get("build", True)]
    return ["id"]


@dataclass
class SiteBuild:
    """Content checked once, pages rendered per language on request."""

    root: Path
    languages: list[str]
    strict: bool = False
    docs_dir: Path | None = None
    curriculum: Curriculum | None = None
    report: Report = field(default_factory=Report)
    validated: bool = False
    """Whether ``check`` validated the content (False when this exact content was validated
    by the ``curriculum build`` that started this MkDocs run)."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each step of the engine (load, validate, render), for the benchmark."""
    _pages: dict[tuple, list[Page]] = field(default_factory=dict, repr=False)
    _copies: dict = field(default_factory=dict, repr=False)
    _rendered: set = field(default_factory=set, repr=False)

    def check(self) -> Report:
        clock = time.perf_counter()
        env = make_environment()
        validate.REQUIRED_LABELS = template_labels(env)
        self.curriculum, self.report = load(self.root, self.languages)
        self._time("load", clock)
        clock = time.perf_counter()
        self.validated = not self._validated_before()
        if not self.validated:
            pass  # `curriculum build` checked exactly these files a moment ago (see fingerprint)
        elif not self.report.failed() and self._complete():
            validate.validate(self.curriculum, self.report)
        elif self.curriculum is not None:
            self.report.extend(validate.check_languages(self.curriculum))
            self.report.extend(validate.check_text_safety(self.curriculum))
        self.report.extend(validate.check_pages(self.docs_dir or self.root / "docs", self.root))
        self.report.extend(validate.check_pages(self.root / LOCAL / "docs", self.root))
        self._time("validate", clock)
        return self.report

    def fingerprint(self) -> str:
        """What the check was about: every content file's bytes, the hand-written pages, the
        project's word lists, the languages and strictness. ``curriculum build`` passes it to
        its MkDocs run (``CURRICULUM_VALIDATED``), which then does not validate the same files
        a second time; any difference, and MkDocs validates as usual."""
        parts = [",".join(self.languages), str(self.strict)]
        for entries in (self.curriculum.loaded if self.curriculum else {}).values():
            parts += [f"{entry.doc.file}:{entry.doc.digest.hex()}" for entry in entries]
        docs = Path(self.docs_dir or self.root / "docs")
        local = self.root / "local"
        for folder, pattern in ((docs, "*.md"), (local, "*.txt"), (local, "*.yml")):
            for path in sorted(folder.rglob(pattern)) if folder.is_dir() else []:
                try:
                    parts.append(f"{path}:{hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()}")
                except OSError:
                    parts.append(f"{path}:unreadable")
        return hashlib.blake2b("\n".join(sorted(parts)).encode(), digest_size=20).hexdigest()

    def _validated_before(self) -> bool:
        claimed = os.environ.get("CURRICULUM_VALIDATED")
        return bool(claimed) and not self.report.failed() and claimed == self.fingerprint()

    def _time(self, step: str, since: float) -> None:
        self.timings[step] = self.timings.get(step, 0.0) + time.perf_counter() - since

    def _complete(self) -> bool:
        return self.curriculum.programme is not None and self.curriculum.ui is not None

    @property
    def ok(self) -> bool:
        return not self.report.failed(self.strict)

    def pages(self, lang: str, docs_dir: Path, default: str) -> list[Page]:
        """The pages of one language, rendered once per build and then reused."""
        key = (lang, str(docs_dir), default)
        if key not in self._pages:
            clock = time.perf_counter()
            self._pages[key] = self._render(lang, docs_dir, default)
            self._rendered.add(lang)
            if self._rendered >= set(self.languages):
                self._copies.clear()  # every language is rendered: the participant copies can go
            self._time("render", clock)
        return list(self._pages[key])

    def forget_pages(self, lang: str) -> None:
        """Let the rendered pages of ``lang`` go (MkDocs has them now); ``pages`` renders again."""
        for key in [key for key in self._pages if key[0] == lang]:
            del self._pages[key]

    def _render(self, lang: str, docs_dir: Path, default: str) -> list[Page]:
        renderer = Renderer(
            self.curriculum,
            lang,
            make_environment(),
            self.report,
            handwritten=read_handwritten(docs_dir, lang, default, self.root),
            downloads=downloads_href(lang, default),
            copies=self._copies,
        )
        return renderer.pages()

    def nav(self, lang: str) -> list:
        return navigation(self.curriculum, Renderer.label_text(self.curriculum, lang), lang)


def printable(pages: list[Page]) -> list[list[str]]:
    """``[uri, pdf name, title]`` of each page that has a PDF."""
    return [
        [page.uri, page.pdf, page.markdown.split("\n# ", 1)[-1].split("\n", 1)[0].replace("\\", "")]
        for page in pages
        if page.pdf
    ]


def read_handwritten(docs_dir: Path, lang: str, default: str, root: Path) -> dict[str, str]:
    """Hand-written pages that generated pages embed (the safeguarding page in the handbook).

    Read through the same guard as content files; ``check`` has already reported any problem.
    """
    out = {}
    folders = [Path(root) / LOCAL / "docs", Path(docs_dir)]  # the edition's version first
    for uri in (urls.SAFEGUARDING,):
        stem = uri.removesuffix(".md")
        candidates = ([f"{stem}.{lang}.md"] if lang != default else []) + [uri, f"{stem}.{default}.md"]
        for path in (folder / candidate for candidate in candidates for folder in folders):
            text = (
                read_text_file(path, root, path.relative_to(root).as_posix())[0] if path.is_file() else None
            )
            if text is not None:
                out[uri] = text
                break
    return out


def downloads_href(lang: str, default: str):
    """A function giving the relative href from a page to a file in the downloads folder."""

    def href(page_uri: str, name: str) -> str:
        depth = page_uri.count("/") + (0 if lang == default else 1)
        return "../" * depth + f"{DOWNLOADS}/{name}"

    return href


GROUP_AT = 12
"""A navigation section with more entries than this is grouped by day: a long curriculum's
sidebar stays short, and with Material's ``navigation.prune`` each page carries only the
entries of its own day."""


def navigation(cur: Curriculum, label, lang: str | None = None) -> list:
    """The site navigation for one language, in training order."""
    lang = lang or cur.source_language
    count = len(cur.programme.days)
    days = [urls.day(n) for n in range(1, count + 1)]
    notes = [urls.day_notes(n) for n in range(1, count + 1)]
    sessions = cur.sessions()
    handouts = [urls.handout(m.slug) for m in sessions] + [
        urls.sheets(m.slug) for m in sessions if m.group_work
    ]
    if count > GROUP_AT // 2:
        programme = _grouped(cur, lang, [[day, note] for day, note in zip(days, notes, strict=True)])
    else:
        programme = days + notes
    programme = [urls.TODAY] + programme
    if len(sessions) > GROUP_AT:
        session_nav = _grouped(
            cur, lang, [[urls.module(m.slug) for m in mods] for mods in _day_sessions(cur)]
        )
    else:
        session_nav = [urls.module(m.slug) for m in sessions]
    if len(handouts) > GROUP_AT:
        participant = _grouped(
            cur,
            lang,
            [
                [urls.handout(m.slug) for m in mods] + [urls.sheets(m.slug) for m in mods if m.group_work]
                for mods in _day_sessions(cur)
            ],
        )
    else:
        participant = handouts
    participant += [urls.worksheet(s) for s in cur.worksheets_in_use()] + [
        urls.test(a) for a in cur.assessments
    ]
    return [
        {label("home"): urls.HOME},
        {
            label("programme"): programme
            + [urls.variant(v.slug) for v in cur.programme.variants]
            + [urls.RESULTS]
        },
        {label("sessions"): session_nav},
        {label("case-library"): [urls.CASES] + [urls.case(c.slug) for c in cur.ordered_cases()]},
        {label("for-participants"): participant},
        {
            label("for-facilitators"): [urls.SAFEGUARDING]
            + [urls.answer_key(a) for a in cur.assessments]
            + [urls.PRINTING]
        },
        {
            label("reference"): [urls.GLOSSARY, urls.LEGAL, urls.REFERRAL]
            + ([urls.CARD] if cur.contacts else [])
        },
        {label("about-section"): [urls.ABOUT, urls.REPLICATION, urls.CHECKLIST, urls.TRANSLATIONS]},
    ]


def _day_sessions(cur: Curriculum) -> list[list]:
    mods = cur.modules
    return [[mods[s.session] for s in day.items if s.session in mods] for day in cur.programme.days]


def _grouped(cur: Curriculum, lang: str, per_day: list[list[str]]) -> list:
    """One sub-section per day (titled with the day's title), leaving out empty days."""
    out = []
    for day, entries in zip(cur.programme.days, per_day, strict=True):
        if entries:
            title = day.title.root.get(lang) or day.title.root.get(cur.source_language) or ""
            out.append({" ".join(title.split()): entries})
    return out
