"""The print plan: a print shop's order, from the same data as the texts that mention copies.

What is printed and how many copies comes from ``data/programme.yml`` (participants, groups,
facilitators, spare copies) and each worksheet's ``per:``; the page counts come from the PDFs
themselves, so they are known only after the PDFs are printed. The plan page (``cetak.md``)
is rendered with its page, sheet and total cells empty (``–``) and a note that the counts come
with the PDF build; ``curriculum build`` then fills those cells in from the real PDFs
(:func:`complete_site`), and writes the same order into each print pack's README. A plain
``mkdocs build`` or ``curriculum build --no-pdf`` keeps the note and shows no wrong number.

Decisions:

* **Nothing printed twice.** Worksheets (``kind: worksheet``) are printed inside the handouts
  of the sessions that use them; the plan lists them once, under the handouts, as "inside the
  handout", and counts no separate copies. Printed material (``kind: material``: cards,
  posters, checklists) is printed on its own, ``per:`` as its file says.
* **Discussion sheets**: one PDF, each group's sheet starting on a new page; the plan states
  each group's page range (read from the PDF's outline) and copies (the group's members plus
  the spare copies).
* Sheets: single-sided, one page per sheet; double-sided, two pages per sheet, each copy of a
  document starting on a new sheet.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import urls

PARTICIPANT, FACILITATOR = "participant", "facilitator"


@dataclass(frozen=True)
class Row:
    """One document of the order (language-independent)."""

    key: str
    """Unique in the plan; the ids of the plan page's cells are made from it."""
    uri: str
    kind: str
    """handout, sheets, material, test, card, answer-key, day, day-notes, referral, handbook."""
    title: object
    per: str
    copies: int
    audience: str
    groups: dict[int, int] = field(default_factory=dict)
    """Discussion sheets: copies per group number."""

    @property
    def single_only(self) -> bool:
        """Cards, posters and the folded emergency card are printed on one side only."""
        return self.kind in ("material", "card")


@dataclass(frozen=True)
class Inside:
    """A worksheet printed inside handouts (not counted again)."""

    uri: str
    title: object
    modules: list


def copies_for(per: str, prog) -> int:
    """Copies of a printed item handed out ``per`` participant, pair, group, room or facilitator."""
    people, spare = prog.participants, prog.spare_copies
    return {
        "participant": people + spare,
        "participant-twice": 2 * people + spare,
        "pair": -(-people // 2) + spare,
        "group": prog.groups + spare,
        "room": 1 + spare,
        "facilitator": prog.facilitators,
    }[per]


def group_sizes(people: int, groups: int) -> dict[int, int]:
    """How many people each group has when ``people`` are split as evenly as possible."""
    return {g: people // groups + (1 if g <= people % groups else 0) for g in range(1, groups + 1)}


def sheet_copies(prog) -> dict[int, int]:
    """Copies of each group's discussion sheet: one per member, plus the spare copies."""
    return {g: n + prog.spare_copies for g, n in group_sizes(prog.participants, prog.groups).items()}


def embedded(cur) -> list[Inside]:
    """Worksheets printed inside handouts, with the sessions whose handouts hold them."""
    found = []
    for sheet in cur.worksheets_in_use().values():
        if sheet.kind != "worksheet":
            continue
        mods = [m for m in cur.sessions() if sheet.slug in m.worksheets]
        found.append(Inside(urls.worksheet(sheet.slug), sheet.title, mods))
    return found


def plan(cur) -> list[Row]:
    """Every printed document of the programme, with its copies, participants' first."""
    prog = cur.programme
    rows: list[Row] = []
    for mod in cur.sessions():
        rows.append(
            Row(
                f"handout-{mod.slug}",
                urls.handout(mod.slug),
                "handout",
                mod.title,
                "participant",
                copies_for("participant", prog),
                PARTICIPANT,
            )
        )
        if mod.group_work:
            groups = sheet_copies(prog)
            rows.append(
                Row(
                    f"sheets-{mod.slug}",
                    urls.sheets(mod.slug),
                    "sheets",
                    mod.title,
                    "group-member",
                    sum(groups.values()),
                    PARTICIPANT,
                    groups,
                )
            )
    for sheet in cur.worksheets_in_use().values():
        if sheet.kind == "material":
            rows.append(
                Row(
                    f"material-{sheet.slug}",
                    urls.worksheet(sheet.slug),
                    "material",
                    sheet.title,
                    sheet.per,
                    copies_for(sheet.per, prog),
                    PARTICIPANT,
                )
            )
    for test in cur.assessments.values():
        rows.append(
            Row(
                f"test-{test.slug}",
                urls.test(test.slug),
                "test",
                test.title,
                "participant-twice",
                copies_for("participant-twice", prog),
                PARTICIPANT,
            )
        )
    if cur.contacts is not None:
        rows.append(
            Row("card", urls.CARD, "card", None, "participant", copies_for("participant", prog), PARTICIPANT)
        )
    facs = copies_for("facilitator", prog)
    for number in range(1, len(prog.days) + 1):
        title = prog.days[number - 1].title
        rows.append(Row(f"day-{number}", urls.day(number), "day", title, "facilitator", facs, FACILITATOR))
        rows.append(
            Row(
                f"day-notes-{number}",
                urls.day_notes(number),
                "day-notes",
                title,
                "facilitator",
                facs,
                FACILITATOR,
            )
        )
    for test in cur.assessments.values():
        rows.append(
            Row(
                f"answer-key-{test.slug}",
                urls.answer_key(test.slug),
                "answer-key",
                test.title,
                "facilitator",
                facs,
                FACILITATOR,
            )
        )
    if cur.contacts is not None:
        rows.append(Row("referral", urls.REFERRAL, "referral", None, "facilitator", facs, FACILITATOR))
    rows.append(Row("handbook", urls.HANDBOOK, "handbook", None, "facilitator", facs, FACILITATOR))
    return rows


def copies_values(cur) -> dict[str, int]:
    """``{{copies:<name>}}`` for the texts: every worksheet (inside handouts: the handout's
    copies), and the documents ``emergency-card``, ``referral-directory``, ``test`` and
    ``discussion-sheets`` (all groups together)."""
    prog = cur.programme
    found = {sheet.slug: copies_for(sheet.per, prog) for sheet in cur.worksheets.values()}
    for sheet in cur.worksheets.values():
        if sheet.kind == "worksheet":
            found[sheet.slug] = copies_for("participant", prog)
    found["emergency-card"] = copies_for("participant", prog)
    found["referral-directory"] = copies_for("facilitator", prog)
    found["test"] = copies_for("participant-twice", prog)
    found["discussion-sheets"] = sum(sheet_copies(prog).values())
    return found


# --- the order, once the PDFs exist --------------------------------------------------------


@dataclass
class Line:
    """A row with its numbers."""

    row: Row
    file: str
    pages: int
    ranges: dict[int, tuple[int, int]] = field(default_factory=dict)

    @property
    def printed(self) -> int:
        """A4 pages printed (pages × copies; per group for discussion sheets)."""
        if self.ranges:
            return sum((b - a + 1) * self.row.groups[g] for g, (a, b) in self.ranges.items())
        return self.pages * self.row.copies

    @property
    def double(self) -> int:
        """Sheets printed on both sides (one side only for cards and posters)."""
        if self.row.single_only:
            return self.printed
        if self.ranges:
            return sum(-(-(b - a + 1) // 2) * self.row.groups[g] for g, (a, b) in self.ranges.items())
        return -(-self.pages // 2) * self.row.copies


@dataclass
class Totals:
    documents: int = 0
    pages: int = 0
    copies: int = 0
    single: int = 0
    double: int = 0

    def add(self, line: Line) -> None:
        self.documents += 1
        self.pages += line.pages
        self.copies += line.row.copies
        self.single += line.printed
        self.double += line.double

    def __iadd__(self, other: Totals) -> Totals:
        for name in ("documents", "pages", "copies", "single", "double"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


def pdf_pages(path: Path) -> int:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def group_ranges(path: Path, group_word: str, groups: int) -> dict[int, tuple[int, int]]:
    """Each group's pages (from 1) in a discussion-sheet PDF, from the outline's headings
    "<Group> N — ..." (each group's sheet starts a new page)."""
    import pikepdf

    starts: dict[int, int] = {}
    pattern = re.compile(rf"^\s*{re.escape(group_word)}\s+(\d+)\b", re.IGNORECASE)
    with pikepdf.open(path) as pdf:
        total = len(pdf.pages)
        index = {page.objgen: number for number, page in enumerate(pdf.pages, 1)}
        with pdf.open_outline() as outline:
            stack = list(outline.root)
            while stack:
                item = stack.pop(0)
                stack[:0] = list(item.children)
                match = pattern.match(item.title or "")
                dest = item.destination
                if match and isinstance(dest, pikepdf.Array) and len(dest):
                    g = int(match.group(1))
                    if 1 <= g <= groups and g not in starts:
                        starts[g] = index.get(dest[0].objgen, 0)
    if sorted(starts) != list(range(1, groups + 1)) or 0 in starts.values():
        return {}
    ranges, ordered = {}, sorted(starts.items(), key=lambda pair: pair[1])
    for i, (g, first) in enumerate(ordered):
        last = ordered[i + 1][1] - 1 if i + 1 < len(ordered) else total
        ranges[g] = (first, max(first, last))
    return ranges


def order(cur, lang: str, folder: Path) -> tuple[list[Line], Totals]:
    """The lines of one language's order, from its PDFs in ``folder`` (``unduhan/<lang>``)."""
    from .render import pdf_file

    label = _labels(cur, lang)
    lines, totals = [], Totals()
    for row in plan(cur):
        name = pdf_file(cur, lang, row.uri) + ".pdf"
        path = folder / name
        if not path.is_file():
            continue
        line = Line(row, name, pdf_pages(path))
        if row.groups:
            line.ranges = group_ranges(path, label("group"), len(row.groups))
        lines.append(line)
        totals.add(line)
    return lines, totals


def _labels(cur, lang):
    from .render import Renderer

    return Renderer.label_text(cur, lang)


def cell_values(lines: list[Line], all_totals: dict[str, Totals], lang_of_page: str, label) -> dict[str, str]:
    """The plan page's cells by id (see printing.md.j2)."""
    values: dict[str, str] = {}
    for line in lines:
        key = line.row.key
        values[f"po-{key}-pages"] = str(line.pages)
        values[f"po-{key}-single"] = str(line.printed)
        values[f"po-{key}-double"] = str(line.double)
        for g, (a, b) in line.ranges.items():
            values[f"po-{key}-g{g}"] = f"{label('pages-short')} {a}–{b}" if a != b else f"{label('page')} {a}"
    overall = Totals()
    for code, totals in all_totals.items():
        overall += totals
        for name in ("documents", "pages", "copies", "single", "double"):
            values[f"po-sum-{code}-{name}"] = str(getattr(totals, name))
    for name in ("documents", "pages", "copies", "single", "double"):
        values[f"po-sum-all-{name}"] = str(getattr(overall, name))
    values["po-note"] = label("print-counts-done")
    return values


_CELL = re.compile(r'<span class="po" id="(po-[a-z0-9-]+)">[^<]*</span>')


def fill_page(path: Path, values: dict[str, str]) -> int:
    """Put the numbers into a built plan page; returns how many cells were filled."""
    text = path.read_text(encoding="utf-8")
    count = 0

    def put(match: re.Match) -> str:
        nonlocal count
        value = values.get(match.group(1))
        if value is None:
            return match.group()
        count += 1
        return f'<span class="po" id="{match.group(1)}">{html.escape(value)}</span>'

    path.write_text(_CELL.sub(put, text), encoding="utf-8")
    return count


def readme(cur, lang: str, lines: list[Line], totals: Totals, folders: dict[str, str]) -> str:
    """The print pack's README in its language: what to print, how many, which folder."""
    label = _labels(cur, lang)
    prog = cur.programme
    out = [label("pack-readme-title"), "=" * len(label("pack-readme-title")), ""]
    out += [
        f"{label('print-intro')} {prog.participants} {label('participants').lower()}, "
        f"{prog.groups} {label('discussion-groups')}, {prog.facilitators} {label('facilitators').lower()}, "
        f"{prog.spare_copies} {label('spare-copies')}.",
        "",
        label("pack-readme-how"),
        label("print-embedded-rule"),
        "",
    ]
    for audience in (PARTICIPANT, FACILITATOR):
        mine = [line for line in lines if line.row.audience == audience]
        if not mine:
            continue
        heading = f"{folders[audience]}/ ({label('for-participants' if audience == PARTICIPANT else 'for-facilitators')})"
        out += [heading, "-" * len(heading)]
        for line in mine:
            key = (
                "pack-line-groups"
                if line.ranges
                else "pack-line-single"
                if line.row.single_only
                else "pack-line"
            )
            numbers = dict(pages=line.pages, copies=line.row.copies, single=line.printed, double=line.double)
            out.append(f"- {folders[audience]}/{line.file}: " + label(key).format(**numbers))
            for g, (a, b) in line.ranges.items():
                group = label("pack-line-group").format(g=g, first=a, last=b, copies=line.row.groups[g])
                out.append(f"    {group}")
        out.append("")
    numbers = dict(
        documents=totals.documents,
        pages=totals.pages,
        copies=totals.copies,
        single=totals.single,
        double=totals.double,
    )
    out += [label("pack-total").format(**numbers), ""]
    return "\n".join(out)


def complete_site(
    cur, site: Path, languages: list[str], downloads: str
) -> dict[str, tuple[list[Line], Totals]]:
    """After the PDFs: the plan page of every language gets its numbers. Returns each
    language's order (for the print packs)."""
    orders = {lang: order(cur, lang, site / downloads / lang) for lang in languages}
    totals = {lang: found[1] for lang, found in orders.items()}
    for lang in languages:
        page = (site if lang == languages[0] else site / lang) / urls.PRINTING.replace(".md", ".html")
        if page.is_file():
            fill_page(page, cell_values(orders[lang][0], totals, lang, _labels(cur, lang)))
    return orders


def pack_files(
    cur, lang: str, folder: Path, lines: list[Line], totals: Totals, top: str
) -> tuple[list[tuple[Path, str]], str]:
    """The files of one language's print pack (path, name in the zip) and its README: the
    ordered PDFs in ``peserta/`` and ``fasilitator/``, every other PDF of the language (worksheets
    already inside the handouts, other programmes) in ``fasilitator/``, listed as not to print."""
    folders = {PARTICIPANT: "peserta", FACILITATOR: "fasilitator"}
    files, ordered = [], set()
    for line in lines:
        files.append((folder / line.file, f"{top}/{folders[line.row.audience]}/{line.file}"))
        ordered.add(line.file)
    extra = [p for p in sorted(folder.glob("*.pdf")) if p.name not in ordered]
    files += [(p, f"{top}/fasilitator/{p.name}") for p in extra]
    text = readme(cur, lang, lines, totals, folders)
    if extra:
        label = _labels(cur, lang)
        text += (
            "\n"
            + label("pack-readme-extra")
            + "\n"
            + "\n".join(f"- fasilitator/{p.name}" for p in extra)
            + "\n"
        )
    return files, text
