"""Small reusable field types for the content schemas.

Every content kind is built from these: a strict base model (unknown keys are errors), slugs,
minutes, clock times and localized text. Localized text is a mapping from language code to
text; which languages are required is decided later, from the site's i18n configuration.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, RootModel, StringConstraints

from . import urlcheck

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, min_length=1, max_length=60),
    Field(description="Lower-case letters, digits and single hyphens, e.g. `grooming-basics`."),
]
Minutes = Annotated[int, Field(ge=1, le=720, description="Duration in whole minutes.")]
Clock = Annotated[
    str,
    StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$"),
    Field(description='24-hour clock time in quotes, e.g. "08:30".'),
]
Date = dt.date
Confidence = Literal["verified", "secondary", "unverified"]
PlainLine = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


def _checked_url(value: str) -> str:
    problem = urlcheck.source_problem(value)
    if problem:
        raise ValueError(f"the address {value[:80]!r} {problem}")
    return value


Url = Annotated[
    str,
    AfterValidator(_checked_url),
    Field(description="A full https:// address of the page, with no spaces, quotes or brackets."),
]
"""A web address, parsed (scheme, host, no characters that could break out of a link)."""

FACILITATOR_ONLY = {"facilitator_only": True}
"""Field marker: content that never appears in a participant output (handouts, sheets)."""


def facilitator_only(**kwargs):
    """A field that belongs to the facilitator edition only (notes, answer keys, safeguarding)."""
    return Field(json_schema_extra=FACILITATOR_ONLY, **kwargs)


class Strict(BaseModel):
    """Base of every content model: unknown keys are errors, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Text(RootModel[dict[str, str]]):
    """Plain localized text, e.g. ``{id: "Judul", en: "Title"}``; rendered escaped.

    Language codes and empty texts are checked by ``validate.check_languages``, which knows
    the configured languages and reports each key at its own line.
    """

    model_config = ConfigDict(
        frozen=True,
        json_schema_extra={
            "description": "Text per language code, e.g. {id: ..., en: ...}. Indonesian (id) "
            "is required; other languages fall back to Indonesian with a notice.",
            "propertyNames": {"pattern": "^[a-z]{2,3}$"},
        },
    )

    def get(self, lang: str) -> str | None:
        return self.root.get(lang)

    @property
    def languages(self) -> set[str]:
        return set(self.root)


class Markdown(Text):
    """Localized Markdown written by editors; raw HTML and unsafe links are rejected."""


class Source(Strict):
    """Where a fact comes from."""

    title: PlainLine
    url: Url | None = None
