"""Dates as people read them, and the calendar checks of the programme.

Formatting: programme days read "Rabu, 3 Maret 2027" / "Wednesday, 3 March 2027" (``long_date``),
other dates (reviews, checks of a law or a contact) "3 Maret 2027" (``plain_date``). Decisions:

* Babel (CLDR) gives the names of days and months and the order of the parts, for every
  language of the site: the locale's ``full`` (or ``long``) date pattern, with the day of the
  month without a leading zero ("3", not "03").
* English uses British conventions (``en_GB``: day before month), like the rest of the site.
* A language Babel does not know, or a Python without Babel, shows the ISO date (2027-03-03):
  never an error, and never a date in another language's words.

Checks (warnings with the fix, at the line of the day): days whose dates do not increase, and a
day whose last session or break ends more than ``EARLY_END`` minutes before its ``end``. (The
Friday-prayer check is in ``validate``.)
"""

from __future__ import annotations

import datetime as dt
import functools

from .problems import Problem
from .schedule import clock, day_end_minutes, parse_clock, session_minutes
from .yamlsrc import PathKey, dotted

LOCALES = {"en": "en_GB"}
"""Babel locale per site language, where it is not the language code itself."""
EARLY_END = 60
"""Minutes: a day whose items end earlier than this before its `end` gets a warning."""


@functools.cache
def _pattern(lang: str, length: str) -> tuple[str, str] | None:
    """(Babel locale, date pattern) for a language, or None without Babel or locale data."""
    try:
        from babel import Locale, UnknownLocaleError
        from babel.dates import get_date_format
    except ImportError:  # pragma: no cover - Babel comes with mkdocs-material and pyproject.toml
        return None
    locale = LOCALES.get(lang, lang)
    try:
        Locale.parse(locale)
        pattern = get_date_format(length, locale=locale).pattern
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    return locale, pattern.replace("dd", "d")


def _format(day: dt.date, lang: str, length: str) -> str:
    found = _pattern(lang, length)
    if found is None:
        return day.isoformat()
    from babel.dates import format_date

    return format_date(day, found[1], locale=found[0])


def long_date(day: dt.date, lang: str) -> str:
    """``Rabu, 3 Maret 2027`` (id), ``Wednesday, 3 March 2027`` (en); ISO when Babel lacks ``lang``."""
    return _format(day, lang, "full")


def plain_date(day: dt.date, lang: str) -> str:
    """``3 Maret 2027`` (id), ``3 March 2027`` (en); ISO when Babel lacks ``lang``."""
    return _format(day, lang, "long")


# --- checks -------------------------------------------------------------------------------


def _problem(entry, path: PathKey, message: str, hint: str, code: str) -> Problem:
    doc = entry.doc
    file = doc.file_at(path) if hasattr(doc, "file_at") else doc.file
    line, column = doc.position(path)
    return Problem(file, line, column, dotted(path), message, hint, "warning", code)


def check_calendar(cur) -> list[Problem]:
    """Days out of order, and days that end long before their stated end."""
    problems = []
    modules = cur.modules
    for entry in cur.loaded.get("programme", []):
        programme = entry.item
        schedules = [(("days",), programme.days, "day")]
        schedules += [
            (("variants", v, "days"), variant.days, f"variant `{variant.slug}`, day")
            for v, variant in enumerate(programme.variants)
        ]
        for prefix, days, where in schedules:
            problems.extend(_order(entry, prefix, days, where))
            for d, day in enumerate(days):
                problems.extend(_early_end(entry, (*prefix, d), day, modules, f"{where} {d + 1}"))
    return problems


def _order(entry, prefix: PathKey, days, where: str) -> list[Problem]:
    problems, previous = [], None
    for d, day in enumerate(days):
        if day.date is None:
            continue
        if previous is not None and day.date <= previous[1]:
            other = f"{where} {previous[0] + 1}"
            relation = (
                f"the same date as {other}" if day.date == previous[1] else f"before {other} ({previous[1]})"
            )
            problems.append(
                _problem(
                    entry,
                    (*prefix, d, "date"),
                    f"{where} {d + 1} is on {day.date}, {relation}: the days are not in date order",
                    "list the days in the order they happen, each with its own date (check the year and "
                    "month too), or correct the date",
                    "calendar",
                )
            )
        previous = (d, day.date)
    return problems


def _early_end(entry, path: PathKey, day, modules, where: str) -> list[Problem]:
    used = 0
    for slot in day.items:
        if slot.break_:
            used += slot.minutes
        elif slot.session in modules:
            used += session_minutes(slot, modules[slot.session])
        else:
            return []  # an unknown session is reported as such; its length is not known
    start, end = parse_clock(day.start), day_end_minutes(day.start, day.end)
    last = start + used
    if end - last <= EARLY_END:
        return []
    return [
        _problem(
            entry,
            (*path, "end"),
            f'{where} ends at {clock(last)}, {end - last} minutes before its `end: "{day.end}"`',
            f'set `end: "{clock(last)}"` if the day is over then, or add the missing session or break '
            "(the printed schedule and the closing time participants are told come from `end`)",
            "calendar",
        )
    ]
