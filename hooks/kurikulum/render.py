"""Render the curriculum into Markdown pages for one language, through Jinja templates.

The output is a list of ``Page`` objects; the MkDocs hook turns them into in-memory files.
Participant pages are rendered from ``participant_copy`` of the content, so facilitator-only
fields are absent from them, not hidden.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import checklist, dates, printplan, qrcode, reach, urls, writespace
from . import model as m
from .cache import template_cache
from .i18n import Localizer, escape_plain
from .load import Curriculum
from .model import OutsideReviewer, ReviewAspect
from .placeholders import values as placeholder_values
from .printplan import copies_for, group_sizes  # noqa: F401 (used by placeholders and tests)
from .problems import Report, language_of
from .schedule import block_times, schedule_programme
from .walk import participant_copy

TEMPLATES = Path(__file__).parent / "templates"
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
PARTICIPANT, FACILITATOR = "participant", "facilitator"
DYNAMIC_LABELS = {
    *(f"channel-{k}" for k in ("phone", "whatsapp", "web", "email", "app", "in-person", "form")),
    *(f"confidence-{k}" for k in ("verified", "secondary", "unverified")),
    *(f"guidance-{k}" for k in ("use", "care", "avoid")),
    *(f"level-{k}" for k in ("emergency", "national", "international", "local")),
    *(
        f"per-{k}"
        for k in ("participant", "participant-twice", "group", "group-member", "pair", "room", "facilitator")
    ),
    "home",
    "programme",
    "sessions",
    "for-participants",
    "for-facilitators",
    "reference",
    "about-section",
    "print",
    "download-pdf",
    "language-name",
    *(f"review-{k}" for k in get_args(ReviewAspect)),
    *(f"reviewer-{k}" for k in get_args(OutsideReviewer)),
}
"""Label keys used outside a literal `label('...')` call: in code, or built from a value."""


@dataclass(frozen=True)
class Page:
    uri: str
    markdown: str
    edition: str
    pdf: str | None = None
    fallback: bool = False


@functools.cache
def make_environment() -> Environment:
    """The templates' environment, one per process: each template is compiled once, for every
    language and every rebuild of ``mkdocs serve`` (Jinja reloads a template whose file changed)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=template_cache(),
    )
    env.filters["indent4"] = lambda text: Markup(re.sub(r"^(?=.)", "    ", str(text), flags=re.M))
    env.filters["plain"] = escape_plain
    env.filters["host"] = _host
    env.globals["review_aspects"] = get_args(ReviewAspect)
    env.globals["outside_reviewers"] = get_args(OutsideReviewer)
    return env


@functools.cache
def _labels_in(name: str, mtime_ns: int) -> frozenset[str]:
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    return frozenset(re.findall(r"""label\(\s*['"]([a-z0-9-]*[a-z0-9])['"]\s*\)""", source))


def template_labels(env: Environment) -> set[str]:
    """Every `label('key')` the templates use: data/ui.yml must define them all."""
    keys = set()
    for name in env.list_templates():
        keys |= _labels_in(name, (TEMPLATES / name).stat().st_mtime_ns)
    return keys | DYNAMIC_LABELS


class Renderer:
    """All pages of one language. Build state lives here, never at module level."""

    def __init__(
        self,
        cur: Curriculum,
        lang: str,
        env: Environment,
        report: Report | None = None,
        handwritten: dict[str, str] | None = None,
        downloads=None,
        copies: dict | None = None,
    ):
        self.cur, self.lang, self.env = cur, lang, env
        self.copies = copies if copies is not None else {}
        self.downloads = downloads or (lambda page_uri, name: f"unduhan/{name}")
        self.report = report or Report()
        self.loc = Localizer(lang, cur.source_language, cur.ui, values=placeholder_values(cur))
        self.handwritten = handwritten or {}
        self.days = schedule_programme(cur.programme, cur.modules)
        self.where = {
            row.module.slug: (d + 1, row) for d, rows in enumerate(self.days) for row in rows if row.module
        }

    def _participant(self, item):
        """``participant_copy(item)``, made once per item for every language of the build
        (content models are frozen, so one copy serves every page)."""
        found = self.copies.get(id(item))
        if found is None or found[0] is not item:
            found = self.copies[id(item)] = (item, participant_copy(item))
        return found[1]

    # -- shared helpers given to every template ------------------------------------------

    def _context(self, uri: str) -> dict:
        return dict(
            t=self.loc.t,
            raw=self.loc.raw,
            label=self.loc.label,
            html_label=lambda key: self.loc.raw(self.cur.ui.labels.get(key)) or key,
            method=self.loc.method,
            link=lambda to: urls.relative(uri, to),
            urls=urls,
            cur=self.cur,
            programme=self.cur.programme,
            lang=self.lang,
            where=self.where,
            block_times=block_times,
            column_classes=writespace.column_classes,
            scale_widths=writespace.scale_widths,
            groups=self.cur.programme.groups,
            long_date=lambda day: dates.long_date(day, self.lang),
            plain_date=lambda day: dates.plain_date(day, self.lang),
            term_link=lambda slug: urls.relative(uri, f"{urls.GLOSSARY}#term-{slug}"),
            legal_link=lambda slug: urls.relative(uri, f"{urls.LEGAL}#law-{slug}"),
            pdf_href=lambda to: self.downloads(uri, self.pdf_name(to)),
            pdf_file=lambda to: pdf_file(self.cur, self.lang, to) + ".pdf",
            pack_href=self.downloads(uri, f"paket-cetak-{self.lang}.zip"),
            offline_href=self.downloads(uri, "situs-offline.zip"),
            dial=reach.channel_href,
            quick_dial=lambda: reach.quick_dial(self.cur.contacts),
        )

    def pdf_name(self, uri: str) -> str:
        return f"{self.lang}/{pdf_file(self.cur, self.lang, uri)}.pdf"

    @staticmethod
    def label_text(cur: Curriculum, lang: str):
        """Plain label lookup (for navigation titles, which MkDocs escapes itself)."""

        def label(key: str) -> str:
            value = cur.ui.labels.get(key)
            return (value.get(lang) or value.get(cur.source_language)) if value else key

        return label

    def _page(
        self,
        template: str,
        uri: str,
        edition: str,
        printable: bool = False,
        search: dict | None = None,
        **ctx,
    ) -> Page:
        """``search`` goes to the page's front matter for the site's search (kurikulum/search.py):
        ``{"exclude": True}`` keeps the page out, ``{"boost": 0.5}`` ranks it lower."""
        self.loc.take_fallbacks()
        body = self.env.get_template(template).render(**self._context(uri), edition=edition, **ctx)
        fallback = self.loc.take_fallbacks() > 0
        meta = {"edition": edition}
        if printable:
            meta["pdf"] = pdf_file(self.cur, self.lang, uri)
            meta["pdf_href"] = self.downloads(uri, self.pdf_name(uri))
            label = self.label_text(self.cur, self.lang)
            meta.update(print_label=label("print"), pdf_label=label("download-pdf"))
        meta["language_name"] = self.label_text(self.cur, self.lang)("language-name")
        if search:
            meta["search"] = search
        if uri == urls.HANDBOOK:
            meta["title"] = self.label_text(self.cur, self.lang)("handbook")
        notice = self.env.get_template("_notice.md.j2").render(label=self.loc.label) if fallback else ""
        front = "---\n" + yaml.dump(meta, Dumper=_DUMPER, sort_keys=True) + "---\n\n"
        return Page(uri, front + _with_notice(body, notice), edition, meta.get("pdf"), fallback)

    # -- the pages ------------------------------------------------------------------------

    def pages(self) -> list[Page]:
        pages = [
            self.home(),
            self.case_index(),
            self.glossary(),
            self.legal(),
            self.referral(),
            *([self.card()] if self.cur.contacts else []),
            self.results(),
            self.printing(),
            self.translations(),
            self.checklist(),
        ]
        pages.append(self.today())
        for number in range(1, len(self.days) + 1):
            pages += [self.day(number), self.day_notes(number)]
        for mod in self.cur.sessions():
            pages += [self.module(mod), self.handout(mod)]
            if mod.group_work:
                pages.append(self.sheets(mod))
        pages += [self.case(case) for case in self.cur.ordered_cases()]
        pages += [self.worksheet(sheet) for sheet in self.cur.worksheets_in_use().values()]
        for test in self.cur.assessments.values():
            pages += [self.test(test), self.answer_key(test)]
        pages += [self.variant(v) for v in self.cur.programme.variants]
        pages.append(self.handbook(pages))
        return pages

    def home(self) -> Page:
        return self._page("home.md.j2", urls.HOME, FACILITATOR, days=self.days)

    def day(self, number: int) -> Page:
        return self._page(
            "day.md.j2",
            urls.day(number),
            FACILITATOR,
            printable=True,
            number=number,
            day=self.cur.programme.days[number - 1],
            rows=self.days[number - 1],
        )

    def today(self) -> Page:
        """The facilitators' view of the running day (docs/assets/javascripts/today.js)."""
        return self._page(
            "today.md.j2",
            urls.TODAY,
            FACILITATOR,
            days=self.days,
            data=reach.today_data(self.cur, self.days, self.label_text(self.cur, self.lang)),
        )

    def day_notes(self, number: int) -> Page:
        return self._page(
            "day_notes.md.j2",
            urls.day_notes(number),
            FACILITATOR,
            printable=True,
            search={"boost": 0.5},  # the session pages carry the same notes: they come first
            number=number,
            day=self.cur.programme.days[number - 1],
            rows=self.days[number - 1],
        )

    def module(self, mod) -> Page:
        return self._page("module.md.j2", urls.module(mod.slug), FACILITATOR, mod=mod)

    def handout(self, mod) -> Page:
        return self._page(
            "handout.md.j2",
            urls.handout(mod.slug),
            PARTICIPANT,
            printable=True,
            mod=self._participant(mod),
            contacts=self._participant(self.cur.contacts),
            worksheets=[
                self._participant(self.cur.worksheets[s])
                for s in mod.worksheets
                if s in self.cur.worksheets and self.cur.worksheets[s].kind == "worksheet"
            ],
        )

    def sheets(self, mod) -> Page:
        work = mod.group_work
        assigned = work.assigned(self.cur.programme.groups)
        cases = {slug: self._participant(case) for slug, case in self.cur.cases.items()}
        return self._page(
            "sheets.md.j2",
            urls.sheets(mod.slug),
            PARTICIPANT,
            printable=True,
            mod=self._participant(mod),
            assigned=assigned,
            cases=cases,
            sizes=printplan.sheet_copies(self.cur.programme),
        )

    def case_index(self) -> Page:
        return self._page("case_index.md.j2", urls.CASES, FACILITATOR)

    def case(self, case) -> Page:
        used_in = [
            m
            for m in self.cur.sessions()
            if case.slug in m.cases or (m.group_work and case.slug in m.group_work.all_cases())
        ]
        return self._page("case.md.j2", urls.case(case.slug), FACILITATOR, case=case, used_in=used_in)

    def worksheet(self, sheet) -> Page:
        return self._page(
            "worksheet.md.j2",
            urls.worksheet(sheet.slug),
            PARTICIPANT,
            printable=True,
            sheet=self._participant(sheet),
        )

    def variant(self, variant) -> Page:
        return self._page(
            "variant.md.j2",
            urls.variant(variant.slug),
            FACILITATOR,
            printable=True,
            variant=variant,
            rows=schedule_programme(self.cur.programme, self.cur.modules, variant.days),
        )

    def test(self, test) -> Page:
        return self._page(
            "test.md.j2", urls.test(test.slug), PARTICIPANT, printable=True, test=self._participant(test)
        )

    def answer_key(self, test) -> Page:
        return self._page(
            "answer_key.md.j2",
            urls.answer_key(test.slug),
            FACILITATOR,
            printable=True,
            # Never what a participant finds by searching: facilitators reach it from the test's page.
            search={"exclude": True},
            test=test,
        )

    def glossary(self) -> Page:
        terms = sorted(self.cur.terms.values(), key=lambda t: self.loc.raw(t.term).casefold())
        used = {t: [m for m in self.cur.sessions() if t in m.terms] for t in self.cur.terms}
        return self._page("glossary.md.j2", urls.GLOSSARY, FACILITATOR, terms=terms, used=used)

    def legal(self) -> Page:
        return self._page("legal.md.j2", urls.LEGAL, FACILITATOR, instruments=self.cur.instruments.values())

    def referral(self) -> Page:
        return self._page(
            "referral.md.j2", urls.REFERRAL, FACILITATOR, printable=True, contacts=self.cur.contacts
        )

    def card(self) -> Page:
        """The emergency and referral card (``card:`` in data/contacts.yml), one A4 sheet."""
        by_slug = {c.slug: c for c in self.cur.contacts.contacts}
        chosen = [by_slug[s] for s in self.cur.contacts.card if s in by_slug]
        numbers = [
            c
            for c in chosen
            if c.level != "local" and any(ch.kind in ("phone", "whatsapp") and ch.value for ch in c.channels)
        ]
        web = [
            (c, ch.value, qrcode.svg(qrcode.web_url(ch.value), ch.value))
            for c in chosen
            for ch in [next((ch for ch in c.channels if ch.kind == "web" and ch.value), None)]
            if ch is not None
        ]
        return self._page(
            "card.md.j2",
            urls.CARD,
            PARTICIPANT,
            printable=True,
            numbers=numbers,
            local=[c for c in chosen if c.level == "local"],
            web=web,
        )

    def results(self) -> Page:
        return self._page(
            "results.md.j2",
            urls.RESULTS,
            FACILITATOR,
            results=self.cur.results,
            test=self.cur.assessments.get(getattr(self.cur.results, "assessment", "")),
        )

    def printing(self) -> Page:
        return self._page(
            "printing.md.j2",
            urls.PRINTING,
            FACILITATOR,
            plan=printplan.plan(self.cur),
            inside=printplan.embedded(self.cur),
            languages=[
                (code, self.label_text(self.cur, code)("language-name")) for code in self.cur.languages
            ],
        )

    def checklist(self) -> Page:
        """What an edition still has to fill in or confirm (see checklist.py)."""
        return self._page(
            "checklist.md.j2",
            urls.CHECKLIST,
            FACILITATOR,
            fill=checklist.to_fill(self.cur, self.lang),
            confirm=checklist.to_confirm(self.cur, self.lang),
        )

    def translations(self) -> Page:
        missing = [
            (p, language_of(p, self.cur.languages))
            for p in self.report.warnings()
            if p.code in ("missing-translation", "todo")  # a scaffold's TODO is not translated yet
        ]
        missing = [(p, lang) for p, lang in missing if lang]
        stale = [
            (p, language_of(p, self.cur.languages))
            for p in self.report.warnings()
            if p.code == "stale-translation"  # the source text changed after the translation
        ]
        counts = {
            code: (sum(1 for _, lang in missing if lang == code), sum(1 for _, lang in stale if lang == code))
            for code in self.cur.languages[1:]
        }
        return self._page(
            "translations.md.j2", urls.TRANSLATIONS, FACILITATOR, missing=missing, counts=counts, stale=stale
        )

    def handbook(self, pages: list[Page]) -> Page:
        """The complete facilitator handbook: a cover, the contents (page numbers are put in when
        the PDF is printed, see pdf.py) and the pages, each a part with its own id. Links to a
        page inside the handbook become links to its part (or to an anchor the page sets itself),
        so they are internal links of the PDF too."""
        wanted = [urls.HOME] + [urls.day(n) for n in range(1, len(self.days) + 1)]
        wanted += [urls.module(m.slug) for m in self.cur.sessions()]
        wanted += [urls.case(c.slug) for c in self.cur.ordered_cases()]
        wanted += [urls.GLOSSARY, urls.LEGAL, urls.REFERRAL]
        by_uri = {p.uri: p.markdown for p in pages}
        sources = [(u, _strip_front(by_uri[u])) for u in wanted if u in by_uri]
        safeguarding = self.handwritten.get(urls.SAFEGUARDING)
        if safeguarding:
            sources.insert(1, (urls.SAFEGUARDING, safeguarding))
        ids = {u: "hb-" + u.removesuffix(".md").replace("/", "-") for u, _ in sources}
        anchors = {a for _, text in sources for a in _EXPLICIT_ANCHOR.findall(text)}
        parts = []
        for uri, text in sources:
            text = text.lstrip("\n")
            title, _, body = text.partition("\n") if text.startswith("# ") else ("", "", text)
            title = _EXPLICIT_ANCHOR_ATTR.sub("", title[2:]).strip()
            if uri == urls.HOME:  # the handbook's cover already carries the programme's title
                title = self.loc.label("programme")
                text = f"# {title}\n{body}"
            text = _rebase(text, uri, urls.HANDBOOK, inside=ids, anchors=anchors)
            parts.append(dict(id=ids[uri], title=Markup(title), body=Markup(text)))
        local = any(
            str(entry.doc.file).startswith("local/")
            for entries in self.cur.loaded.values()
            for entry in entries
        )
        return self._page(
            "handbook.md.j2",
            urls.HANDBOOK,
            FACILITATOR,
            printable=True,
            search={"exclude": True},  # it repeats every session page
            parts=parts,
            edition_name=self.loc.label("edition-local" if local else "edition-upstream"),
            made_on=dates.plain_date(_build_day(), self.lang),
            dated=[d.date for d in self.cur.programme.days if d.date],
        )


def file_patterns(cur: Curriculum, lang: str) -> dict[str, str]:
    """The PDF file names of one language (``files:`` in data/ui.yml), by kind of page."""
    found = {}
    for kind, text in (cur.ui.files if cur.ui else {}).items():
        value = text.root.get(lang) or text.root.get(cur.source_language)
        if value:
            found[kind] = value
    return found


def pdf_file(cur: Curriculum, lang: str, uri: str) -> str:
    """A printable page's PDF file name in ``lang`` (without .pdf): ``day-1-notes``, ``hari-1-catatan``."""
    for variant in cur.programme.variants:
        if variant.file and variant.file.get(lang) and uri == urls.variant(variant.slug):
            return variant.file[lang]
    return urls.pdf_file(uri, file_patterns(cur, lang))


def assign_cases(cases: list[str], groups: int) -> dict[int, list[str]]:
    """Round-robin: group g gets cases g, g+N, g+2N, ...; with fewer cases than groups, groups share.
    (``GroupWork.assigned`` also applies the module's ``assign:`` by group number.)"""
    return m.GroupWork.model_construct(cases=list(cases), assign={}).assigned(groups)


def _strip_front(markdown: str) -> str:
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        return markdown[end + 5 :] if end != -1 else markdown
    return markdown


_LINK = re.compile(r"\]\((?!https?:|mailto:|tel:|#)([^)\s]+)\)")
_EXPLICIT_ANCHOR = re.compile(r"\{ *#([A-Za-z][\w-]*) *\}")
_EXPLICIT_ANCHOR_ATTR = re.compile(r"\s*\{ *#[A-Za-z][\w-]* *\}")


def _rebase(
    markdown: str, from_uri: str, to_uri: str, inside: dict | None = None, anchors: set | None = None
) -> str:
    """Rewrite relative links of a page so they still work when placed inside another page, and
    move its headings one level down (its title becomes an h2 under the other page's h1).

    ``inside`` maps the pages that are part of ``to_uri`` to their part's id: a link to one of
    them goes to the anchor when the page sets it itself (``{ #term-x }``, in ``anchors``),
    else to the part.
    """
    import posixpath

    inside, anchors = inside or {}, anchors or set()

    def fix(match: re.Match) -> str:
        target, _, anchor = match.group(1).partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(from_uri), target))
        if resolved in inside:
            return f"](#{anchor if anchor in anchors else inside[resolved]})"
        return "](" + urls.relative(to_uri, resolved + ("#" + anchor if anchor else "")) + ")"

    return _demote(_LINK.sub(fix, markdown))


def _demote(markdown: str) -> str:
    """Every ATX heading one level down (h6 stays h6), code blocks left as they are."""
    out, fence = [], None
    for line in markdown.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            marker = stripped[:3]
            fence = None if fence == marker else (fence or marker)
        elif fence is None and line.startswith("#") and not line.startswith("######"):
            level = len(line) - len(line.lstrip("#"))
            if line[level : level + 1] in (" ", ""):
                line = "#" + line
        out.append(line)
    return "\n".join(out)


def _host(url: str) -> str:
    """The host of a web address without ``www.`` (what the printed pages show of a link)."""
    from urllib.parse import urlsplit

    return (urlsplit(url).hostname or url).removeprefix("www.")


def _build_day():
    """The build's date (SOURCE_DATE_EPOCH, as the PDFs carry it)."""
    import datetime as dt
    import os

    return dt.datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH") or 0), tz=dt.UTC).date()


def _with_notice(body: str, notice: str) -> str:
    """Put the 'not yet translated' notice right under the page's title."""
    if not notice:
        return body
    lines = body.split("\n", 1)
    if lines[0].startswith("# "):
        return lines[0] + "\n\n" + notice + "\n" + (lines[1] if len(lines) > 1 else "")
    return notice + "\n" + body
