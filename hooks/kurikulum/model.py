"""The content schemas: one strict model per YAML kind.

Field names are what editors write in the YAML files. Identifiers are called ``slug``, never
``id``, because ``id`` is the language code of Indonesian. Fields marked facilitator-only are
removed structurally from every participant output (see ``editions.py``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from . import urlcheck
from .fields import (
    Clock,
    Confidence,
    Date,
    Markdown,
    Minutes,
    PlainLine,
    Slug,
    Source,
    Strict,
    Text,
    facilitator_only,
)

NonEmpty = Field(min_length=1)


# --- modules -------------------------------------------------------------------------------


class Block(Strict):
    """One timed activity in a module's agenda."""

    title: Text
    method: Slug = Field(description="A method key from data/ui.yml `methods`, e.g. presentation.")
    minutes: Minutes
    instructions: Markdown = facilitator_only(description="What the facilitator does and says.")
    materials: list[Text] = []
    lead: Text | None = Field(None, description="Who leads this block; defaults to the module lead.")


class GroupRole(Strict):
    """A role inside a discussion group, printed on every sheet with a space for a name."""

    role: Text
    task: Text


class GroupWork(Strict):
    """Small-group work: one discussion sheet per group, cases assigned round-robin.

    A group's first case is its main case, analysed in depth; the sheet also carries up to
    ``extra_cases`` further cases, for a group that finishes early.
    """

    instructions: Markdown = Field(description="Printed at the top of every group's sheet.")
    roles: list[GroupRole] = Field([], description="Roles inside each group, printed on the sheet.")
    cases: list[Slug] = Field(
        min_length=1,
        description="Case studies in order; group g gets cases g, g+N, g+2N, ... (N groups).",
    )
    extra_cases: int = Field(
        1,
        ge=0,
        le=5,
        description="Further cases printed after the main case, only for groups with time left.",
    )
    report_back: list[Text] = Field(min_length=1, description="Prompts of the report-back template.")
    answer_lines: int = Field(5, ge=1, le=20, description="Writing lines under each question.")
    assign: dict[int, list[Slug]] = Field(
        {},
        description="Cases for particular groups by group number, e.g. `{2: [local-case]}`: group 2 gets "
        "these (the first is its main case) instead of its round-robin share of `cases`.",
    )

    def assigned(self, groups: int) -> dict[int, list[str]]:
        """Each group's cases: round-robin from ``cases``, then ``assign`` for the groups it names."""
        out = {
            g: [self.cases[i] for i in range(g - 1, len(self.cases), groups)] for g in range(1, groups + 1)
        }
        for g, got in out.items():
            if not got:
                got.append(self.cases[(g - 1) % len(self.cases)])
        out.update({g: list(slugs) for g, slugs in self.assign.items() if 1 <= g <= groups and slugs})
        return out

    def all_cases(self) -> list[str]:
        return list(dict.fromkeys(self.cases + [s for slugs in self.assign.values() for s in slugs]))


class Module(Strict):
    """A session block of the training (one YAML file in modules/)."""

    slug: Slug
    title: Text
    summary: Text
    duration: Minutes
    lead: Text = Field(description="Who leads the session (a role, not a person's name).")
    content_warning: Text | None = None
    objectives: list[Text] = NonEmpty
    key_messages: list[Markdown] = NonEmpty
    materials: list[Text] = []
    preparation: list[Markdown] = facilitator_only(default=[])
    agenda: list[Block] = NonEmpty
    facilitator_notes: Markdown | None = facilitator_only(default=None)
    safeguarding: Markdown | None = facilitator_only(default=None)
    discussion_questions: list[Text] = []
    group_work: GroupWork | None = None
    reading: Markdown | None = Field(None, description="Participant reading for the handout.")
    cases: list[Slug] = []
    legal: list[Slug] = []
    terms: list[Slug] = []
    worksheets: list[Slug] = []
    assessment: Slug | None = None
    mentions: list[Text] = Field(
        [],
        description="Phrases by which other texts refer to this session (e.g. 'kunjungan lapangan'); "
        "when a programme drops the session, the check points out texts that still use them.",
    )


# --- case studies --------------------------------------------------------------------------


class AcceptedFinding(Strict):
    """A reviewed false positive of the anonymity check, accepted with a reason.

    It covers exactly one finding: the same text in the same field. An entry that matches no
    finding is reported, so stale acceptances do not pile up.
    """

    text: PlainLine = Field(description="The whole text of one finding, exactly as the check quoted it.")
    field: PlainLine = Field(
        description="The field of that finding as the check shows it, a dotted path such as `narrative.id` "
        "(list positions count from 1: `guiding_questions[2].en` is the second question)."
    )
    reason: PlainLine = Field(description="Why this is not an identifying detail.")


class Anonymity(Strict):
    """The declaration that a case cannot identify a real child, family, school or village."""

    basis: Literal["composite", "fictional"]
    statement: Text
    reviewed_by: PlainLine = Field(description="A role or team, e.g. 'Curriculum team (2 reviewers)'.")
    reviewed_on: Date
    accepted: list[AcceptedFinding] = []


ReviewAspect = Literal[
    "anonymity", "terminology", "languages", "safeguarding", "legal-references", "referral-routes"
]
"""What a review of a case can cover (labels `review-<aspect>` in data/ui.yml)."""

OutsideReviewer = Literal["child-protection-organisation", "lawyer", "survivor-advocate"]
"""The outside reviews a case waits for (labels `reviewer-<kind>` in data/ui.yml)."""


class OutsideReview(Strict):
    """A review of the case by someone outside the curriculum team."""

    reviewer: OutsideReviewer = Field(
        description="child-protection-organisation (e.g. ECPAT Indonesia), lawyer, or survivor-advocate."
    )
    by: PlainLine = Field(description="The organisation or role, e.g. 'ECPAT Indonesia'; no personal data.")
    on: Date
    scope: Text = Field(description="What the reviewer read and checked.")
    outcome: Text | None = Field(None, description="What they found, and what was changed as a result.")


class Review(Strict):
    """What the internal review of a case covered, and the slot for outside reviews.

    The internal review's team and date are `anonymity.reviewed_by` and `reviewed_on`. An
    aspect missing from `checked` is shown as not yet checked; an expected outside reviewer
    with no entry under `outside` is shown as pending.
    """

    checked: list[ReviewAspect] = Field(
        [], description="Aspects the internal review actually checked (not planned ones); [] while none."
    )
    notes: Text | None = Field(None, description="What the review found or changed, and what is still open.")
    outside: list[OutsideReview] = Field(
        [], description="Outside reviews done; leave empty while pending (the site says so)."
    )


AgeBand = Annotated[
    str,
    Field(pattern=r"^\d{1,2}-\d{1,2}$", description='An age range such as "13-15", never one age.'),
]


class CaseStudy(Strict):
    """An anonymised composite or fictional case (one YAML file in case_studies/)."""

    slug: Slug
    title: Text
    summary: Text
    forms: list[Slug] = Field(min_length=1, description="Forms of exploitation from data/forms.yml.")
    platforms: list[Text] = Field(min_length=1, description='Generic: "a messaging app".')
    age_band: AgeBand
    region: Text = Field(description="Province level at most, or fictional.")
    content_warning: Text
    narrative: Markdown
    guiding_questions: list[Text] = Field(
        min_length=2, description="The core questions of the group work: at most 4 (the check says so)."
    )
    optional_questions: list[Text] = Field(
        [], description="Further questions, printed as optional: only for a group with time left."
    )
    legal_prompts: list[Text] = Field(
        min_length=1, description="Questions in plain language for the legal-framework session."
    )
    facilitator_notes: Markdown = facilitator_only()
    legal: list[Slug] = []
    terms: list[Slug] = []
    anonymity: Anonymity
    review: Review | None = Field(
        None, description="What the internal review checked, and outside reviews (pending when empty)."
    )

    @field_validator("age_band")
    @classmethod
    def _age_band_is_a_range(cls, value: str) -> str:
        low, high = (int(part) for part in value.split("-"))
        if not (0 <= low < high <= 17 and high - low >= 2):
            raise ValueError(
                f"age_band {value!r} must be a range of at least 3 years under 18, "
                'e.g. "13-15"; an exact age helps identify a child'
            )
        return value


# --- reference data (data/*.yml) -----------------------------------------------------------


class Form(Strict):
    slug: Slug
    title: Text
    summary: Markdown


class FormsFile(Strict):
    forms: list[Form] = NonEmpty


class Term(Strict):
    slug: Slug
    term: Text
    definition: Markdown
    guidance: Literal["use", "care", "avoid"] | None = Field(
        None, description="Luxembourg Guidelines: use / use with care / avoid."
    )
    use_instead: list[Slug] = []
    prefer: dict[str, list[PlainLine]] = Field(
        default_factory=dict,
        description="Per language code, the preferred words the terminology check suggests "
        "(defaults to this term, or to its use_instead terms).",
    )
    avoid: dict[str, list[PlainLine]] = Field(
        default_factory=dict,
        description="Per language code, words the terminology check warns about in running text "
        "(see hooks/kurikulum/terminology.py for what is exempt).",
    )
    note: Markdown | None = None
    sources: list[Source] = []


class GlossaryFile(Strict):
    terms: list[Term] = NonEmpty


class Article(Strict):
    article: PlainLine = Field(description='e.g. "Pasal 14 ayat (1)"')
    summary: Markdown


class Verified(Strict):
    """A fact that can go stale: its sources, when it was checked and how firmly."""

    sources: list[Source] = NonEmpty
    last_verified: Date
    confidence: Confidence
    confirm: Text | None = Field(
        None, validate_default=True, description="What to confirm locally (needed unless verified)."
    )

    @field_validator("confirm")
    @classmethod
    def _unverified_says_what_to_confirm(cls, value, info: ValidationInfo):
        confidence = info.data.get("confidence")
        if confidence not in (None, "verified") and value is None:
            raise ValueError(f"confidence is {confidence!r}: add `confirm:` saying what to check locally")
        return value

    checked: Text | None = Field(
        None, description="What was checked against which source, and when (shown with the sources)."
    )


class Instrument(Verified):
    slug: Slug
    short: Text = Field(description='Short name, e.g. "UU 12/2022 (TPKS)".')
    title: Text
    status: Text
    summary: Markdown
    articles: list[Article] = NonEmpty


class LegalFile(Strict):
    instruments: list[Instrument] = NonEmpty


class Channel(Strict):
    kind: Literal["phone", "whatsapp", "web", "email", "app", "in-person", "form"]
    value: PlainLine | None = Field(None, description="Leave empty for a local placeholder.")
    note: Text | None = None

    @field_validator("value")
    @classmethod
    def _web_address(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value and info.data.get("kind") == "web":
            problem = urlcheck.channel_problem(value)
            if problem:
                raise ValueError(f"the web address {value[:80]!r} {problem}")
        return value


class Contact(Verified):
    slug: Slug
    level: Literal["emergency", "national", "international", "local"]
    name: Text
    what: Markdown
    scope: Text
    region: Text
    channels: list[Channel] = []
    quick_dial: int | None = Field(
        None,
        ge=1,
        le=9,
        description="Place in the help strip at the foot of every page and at the top of the "
        "referral directory (1 first); its first phone channel is dialled. Leave out for the rest.",
    )
    short: Text | None = Field(
        None,
        validate_default=True,
        description='A short name for the help strip, e.g. "Polisi" / "Police" (needed with quick_dial).',
    )

    @field_validator("short")
    @classmethod
    def _quick_dial_has_a_short_name(cls, value, info: ValidationInfo):
        if info.data.get("quick_dial") is not None and value is None:
            raise ValueError("quick_dial is set: add `short:`, the name shown in the help strip")
        if info.data.get("quick_dial") is not None and not any(
            ch.kind == "phone" and ch.value for ch in info.data.get("channels") or []
        ):
            raise ValueError("quick_dial is set but the contact has no phone channel with a number to dial")
        return value


class ContactsFile(Strict):
    guidance: Markdown = Field(description="Rules shown above the directory.")
    card: list[Slug] = Field(
        [],
        description="Contacts on the emergency and referral card (kartu-darurat), in order: their "
        "phone and WhatsApp numbers, fill-in lines for local contacts still blank, and a QR code "
        "for each web channel.",
    )
    contacts: list[Contact] = NonEmpty


class Item(Strict):
    key: Slug = Field(description='Item key, e.g. "q01".')
    question: Text
    options: list[Text] = Field(min_length=2, max_length=6)
    answer: Literal["a", "b", "c", "d", "e", "f"] = facilitator_only()
    explanation: Markdown = facilitator_only()
    module: Slug | None = Field(None, description="The module that teaches this item.")

    @field_validator("answer")
    @classmethod
    def _answer_is_an_option(cls, value: str, info: ValidationInfo) -> str:
        options = info.data.get("options")
        if options is not None and "abcdef".index(value) >= len(options):
            raise ValueError(
                f"answer {value!r} but only {len(options)} options (a-{'abcdef'[len(options) - 1]})"
            )
        return value


class Assessment(Strict):
    slug: Slug
    title: Text
    instructions: Markdown
    minutes: Minutes
    items: list[Item] = NonEmpty


class Tally(Strict):
    pre: int = Field(ge=0)
    post: int = Field(ge=0)


class Results(Strict):
    """Pre/post test tallies entered by the facilitator (data/results.yml)."""

    assessment: Slug
    example: bool = Field(False, description="true while the figures are only an example; shows a banner.")
    respondents: Tally
    correct: dict[Slug, Tally]


Share = Annotated[int, Field(ge=1, le=12)]


class Table(Strict):
    """A table filled in by hand: a header row, then empty rows (per row label, if any).

    The writing space is stated, not left to the header texts: ``widths`` gives each column its
    share of the page width, ``lines`` the handwritten lines each row holds (a row is 12 mm high
    for one line, 8 mm more for each further line)."""

    columns: list[Text] = Field(min_length=1, max_length=12)
    widths: list[Share] | None = Field(
        None,
        description="Each column's share of the width, in the order of `columns`: whole numbers "
        "1-12, e.g. [4, 1, 5] gives the second of three columns 1/10 of the width. Without it, "
        "the columns share the width equally.",
    )
    rows: int = Field(3, ge=1, le=30, description="Empty rows (per row label, if any).")
    lines: int = Field(
        1,
        ge=1,
        le=8,
        description="Handwritten lines each empty row holds: 1 makes a 12 mm row, each further "
        "line adds 8 mm (2: 20 mm, 3: 28 mm).",
    )
    row_labels: list[Text] = []
    label_heading: Text | None = Field(
        None, description="Heading of the row-label column (only with `row_labels`)."
    )
    label_width: Share = Field(
        2, description="Share of the width of the row-label column (only with `row_labels`)."
    )

    @field_validator("widths")
    @classmethod
    def _one_width_per_column(cls, value: list[int] | None, info: ValidationInfo) -> list[int] | None:
        columns = info.data.get("columns")
        if value is not None and columns is not None and len(value) != len(columns):
            raise ValueError(
                f"{len(value)} widths for {len(columns)} columns: give one share per column, "
                f"in the order of `columns` (e.g. [{', '.join(['2'] * len(columns))}])"
            )
        return value

    @field_validator("label_heading")
    @classmethod
    def _label_heading_needs_labels(cls, value: Text | None, info: ValidationInfo) -> Text | None:
        if value is not None and not info.data.get("row_labels"):
            raise ValueError("`label_heading` heads the row labels: add `row_labels`, or remove it")
        return value


class Scale(Strict):
    labels: list[Text] = Field(min_length=2, max_length=7)
    items: list[Text] = NonEmpty


class Card(Strict):
    """A card to cut out, or a box of a poster: a title, a short text and numbered steps."""

    title: Text
    body: Markdown | None = None
    steps: list[Text] = []


class FlowStep(Strict):
    """One box of a flowchart; its contacts come from data/contacts.yml."""

    title: Text
    body: Markdown | None = None
    contacts: list[Slug] = Field([], description="Contacts (slugs in data/contacts.yml) shown in the box.")


PART_KINDS = ("heading", "prompt", "table", "checklist", "scale", "cards", "term_cards", "flow", "contacts")


class Part(Strict):
    """One part of a worksheet: exactly one of heading, prompt, table, checklist, scale, cards,
    term_cards, flow or contacts."""

    heading: Text | None = None
    prompt: Text | None = None
    lines: int = Field(3, ge=1, le=30, description="Writing lines under a prompt, 9 mm apart on paper.")
    table: Table | None = None
    checklist: list[Text] | None = None
    scale: Scale | None = None
    cards: list[Card] | None = Field(None, description="Cards to cut out (a grid of boxes).")
    term_cards: list[Slug] | None = Field(
        None, description="Cards showing glossary terms (slugs in data/glossary.yml), the term only."
    )
    flow: list[FlowStep] | None = Field(
        None, description="A flowchart: boxes joined by arrows, top to bottom."
    )
    contacts: list[Slug] | None = Field(
        None, description="A table of contacts (slugs in data/contacts.yml) with their channels."
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> Part:
        kinds = [k for k in PART_KINDS if getattr(self, k)]
        if len(kinds) != 1:
            raise ValueError(
                "a part needs exactly one of "
                + ", ".join(PART_KINDS)
                + f"; found {', '.join(kinds) or 'none'}"
            )
        return self


CopiesPer = Literal["participant", "pair", "group", "room", "facilitator"]
"""Who gets a printed copy; the print plan counts copies from it (labels `per-<value>`)."""


class Worksheet(Strict):
    """A printable sheet: a worksheet to fill in, or printed material (cards, a poster)."""

    slug: Slug
    kind: Literal["worksheet", "material"] = Field(
        "worksheet",
        description="worksheet: filled in, and printed in the handouts of the modules that list it; "
        "material: cards, posters and checklists printed on their own.",
    )
    per: CopiesPer = Field("participant", description="Who gets a copy (the print plan counts from it).")
    title: Text
    intro: Markdown
    parts: list[Part] = NonEmpty


# --- programme and interface text ----------------------------------------------------------


class Slot(Strict):
    """A day's item: a session (module slug) or a break."""

    session: Slug | None = None
    blocks: list[int] | None = Field(
        None,
        description="Run only these agenda blocks of the session (numbers from 1, in order), "
        "e.g. [1, 3, 4] in a shorter variant; its length is then their minutes.",
    )
    break_: Text | None = Field(None, alias="break")
    minutes: Minutes | None = None

    @model_validator(mode="after")
    def _session_or_break(self) -> Slot:
        if (self.session is None) == (self.break_ is None):
            raise ValueError("each item is either `session: <module slug>` or `break: {...}`")
        if self.break_ is not None and self.minutes is None:
            raise ValueError("a break needs `minutes:`")
        if self.session is not None and self.minutes is not None:
            raise ValueError("a session's length comes from its module's duration; remove `minutes:`")
        if self.blocks is not None and self.session is None:
            raise ValueError("only a session has `blocks:`")
        if self.blocks is not None and (not self.blocks or self.blocks != sorted(set(self.blocks))):
            raise ValueError("`blocks:` lists agenda block numbers once each, in order, e.g. [1, 3, 4]")
        return self


class Day(Strict):
    title: Text
    date: Date | None = None
    start: Clock
    end: Clock
    items: list[Slot] = NonEmpty


class PrayerTime(Strict):
    """A time of day that sessions must leave free on some days (Friday prayers)."""

    start: Clock
    end: Clock


class Variant(Strict):
    """Another programme of the same training (e.g. a 1-day version), with its own page.

    Its items name the same modules, and may run only some agenda blocks of a session
    (`blocks:`). To run a variant, make its days the programme's `days:` (see the replication
    guide).
    """

    slug: Slug
    title: Text
    summary: Markdown = Field(description="Who the variant is for, and what it leaves out.")
    file: dict[str, Slug] | None = Field(
        None,
        description="The name of the variant's PDF per language code, without .pdf, e.g. "
        "{id: program-1-hari, en: programme-1-day}. A language not named here gets the `variant` "
        "name of `files:` in data/ui.yml with the slug.",
    )
    days: list[Day] = NonEmpty


class Programme(Strict):
    title: Text
    subtitle: Text | None = None
    organiser: Text
    venue: Text
    audience: Text
    timezone: Literal["WIB", "WITA", "WIT"]
    participants: int = Field(ge=1, le=500)
    groups: int = Field(ge=1, le=20)
    facilitators: int = Field(2, ge=1, le=50)
    spare_copies: int = Field(2, ge=0, le=50)
    friday_prayer: PrayerTime = Field(
        PrayerTime(start="11:30", end="13:00"),
        description="On a day whose `date` is a Friday, no session may run in this time; a break covers it.",
    )
    days: list[Day] = NonEmpty
    variants: list[Variant] = Field([], description="Other programmes of the training, e.g. a 1-day version.")


class Ui(Strict):
    """Interface text of the generated pages (data/ui.yml): translate it with the content."""

    labels: dict[Slug, Text]
    methods: dict[Slug, Text]
    files: dict[Slug, Text] = Field(
        {},
        description="PDF file names per language, by kind of page: `day-{n}`, `worksheet-{slug}`, "
        "`handbook` (kinds: day, day-notes, handout, sheets, worksheet, test, answer-key, variant, "
        "handbook, referral, card). A kind or language without a name keeps the Indonesian file name.",
    )
