"""Help one tap away: phone and WhatsApp links for contact channels, and the help strip.

Channel values are written in ``data/contacts.yml`` exactly as the source gives them ("(021)
3190-1556", "08111-129-129", "119 ekstensi 8 (SEJIWA)"). Links are derived from them:

- a phone channel becomes ``tel:``: a short service number (129, 112) as it is; an Indonesian
  number written from inside the country (0 first) in international form (+62 without the 0);
  a number already starting with + as it is; any other number of an ``international`` contact is
  read as written from abroad, country code first ("1-800-843-5678" -> +18008435678);
- a WhatsApp channel becomes ``https://wa.me/<international number without +>``.

Only the leading number of a value is dialled ("119 ekstensi 8 (SEJIWA)" dials 119). A value
with no number in front gets no link.
"""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup

_NUMBER = re.compile(r"^\s*(\+?\(?\d[\d\s().\-]*)")
SHORT_CODE = 6
"""Numbers of at most this many digits are service numbers, dialled as they are (129, 112)."""


def _digits(value: str) -> tuple[bool, str]:
    found = _NUMBER.match(value or "")
    if not found:
        return False, ""
    text = found.group(1)
    return text.lstrip().startswith("+"), re.sub(r"\D", "", text)


def international(value: str, level: str = "national") -> str | None:
    """The number in international form with its +, or None (a short code or no number)."""
    plus, digits = _digits(value)
    if not digits or (not plus and len(digits) <= SHORT_CODE):
        return None
    if plus:
        return "+" + digits
    if digits.startswith("0"):
        return "+62" + digits[1:]
    if digits.startswith("62"):
        return "+" + digits
    return "+" + digits if level == "international" else None


def tel_href(value: str, level: str = "national") -> str | None:
    plus, digits = _digits(value)
    if not digits:
        return None
    if not plus and len(digits) <= SHORT_CODE:
        return f"tel:{digits}"
    full = international(value, level)
    return f"tel:{full}" if full else f"tel:{digits}"


def whatsapp_href(value: str) -> str | None:
    full = international(value)
    return f"https://wa.me/{full[1:]}" if full else None


def channel_href(kind: str, value: str | None, level: str = "national") -> str | None:
    """The link a channel's value gets on the site (phone and WhatsApp only), or None."""
    if not value:
        return None
    if kind == "phone":
        return tel_href(value, level)
    if kind == "whatsapp":
        return whatsapp_href(value)
    return None


def quick_dial(contacts) -> list[tuple]:
    """The help strip's contacts in ``quick_dial`` order: (contact, number as written, tel: link)."""
    out = []
    for contact in sorted(
        (c for c in (contacts.contacts if contacts else []) if c.quick_dial is not None),
        key=lambda c: c.quick_dial,
    ):
        phone = next((ch for ch in contact.channels if ch.kind == "phone" and ch.value), None)
        href = channel_href("phone", phone.value, contact.level) if phone else None
        if href:
            out.append((contact, _NUMBER.match(phone.value).group(1).strip(), href))
    return out


def help_strip(contacts, lang: str, source_language: str, label) -> dict:
    """What the help strip at the foot of every page shows in ``lang`` (see overrides/)."""
    entries = []
    for contact, number, href in quick_dial(contacts):
        short = contact.short.root if contact.short is not None else {}
        entries.append(
            {"name": short.get(lang) or short.get(source_language) or "", "number": number, "href": href}
        )
    return {"title": label("help-strip"), "all": label("help-strip-all"), "entries": entries}


UTC_OFFSET = {"WIB": 7 * 60, "WITA": 8 * 60, "WIT": 9 * 60}
"""Minutes east of UTC of Indonesia's time zones (no daylight saving time)."""

TODAY_LABELS = (
    "today-now",
    "today-next",
    "today-pick",
    "today-no-date",
    "today-not-today",
    "today-before",
    "today-after",
    "today-clock",
)


def today_data(cur, days, label) -> Markup:
    """The data of the "today" page for today.js, as an HTML-escaped JSON attribute value:
    the time zone, each day's date and its rows' clock times (in the order of the table rows),
    and the labels in the page's language."""
    from .schedule import block_times

    out = []
    for number, (day, rows) in enumerate(zip(cur.programme.days, days, strict=True), 1):
        spans = []
        for row in rows:
            if row.module is None:
                spans.append([row.start, row.end, "break"])
                continue
            spans.append([row.start, row.end, "session"])
            spans += [[bt.start, bt.end, "block"] for bt in block_times(row)]
        out.append({"n": number, "date": day.date.isoformat() if day.date else None, "rows": spans})
    data = {
        "tz": cur.programme.timezone,
        "offset": UTC_OFFSET[cur.programme.timezone],
        "days": out,
        "labels": {key.removeprefix("today-"): label(key) for key in TODAY_LABELS},
    }
    return Markup(html.escape(json.dumps(data, ensure_ascii=False, separators=(",", ":")), quote=True))
