"""The output guarantee: every page's content HTML passes an allow-list sanitiser.

Source checks (``safety.py``) tell authors what to fix, with ``file:line``. This module is what
makes the promise hold even when a check has a gap: the HTML that Markdown produced from
content, generated or hand-written, goes through ammonia (the ``nh3`` binding) with an
allow-list of the elements and attributes the site's templates and Markdown extensions use.

What survives:

- elements of text, lists, tables, headings, admonitions (``div``/``p`` with classes), details,
  code, figures, the inline SVG bar chart and the emergency card's QR codes (``path``
  with its ``d`` geometry only); buttons (the print button; no forms, no inputs);
- attributes ``class``, ``title`` and ``id`` (ids that the theme uses, ``__*`` and ``md-*``,
  are dropped so content cannot shadow the theme's own elements), and per element the few
  that their markup needs (``href`` and ``download`` on links, table spans, the column label
  of a table cell shown on a phone (``data-label``, see ``cards.py``), the data of the "today"
  page (``data-today`` on a div: JSON that today.js reads, never runs), SVG geometry);
- links to https, mailto, tel, in-page anchors, pages of the site itself (relative), and
  http only to the site's own host (``site_url``); look-alike hosts are dropped;
- images only from the site itself (a relative ``src``), never from another host.

Everything else goes: scripts, styles, iframes, objects, embeds, forms, every ``on*``
attribute, ``style``, every other URL scheme (``javascript:``, ``data:``, ``vbscript:``...).
Invisible formatting characters (bidirectional overrides, zero-width characters) are removed.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import nh3

from .urlcheck import link_problem

INVISIBLE = dict.fromkeys(
    [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF, 0x00AD]
    + list(range(0x202A, 0x202F))
    + list(range(0x2066, 0x206A))
)
"""Zero-width, bidirectional-control and soft-hyphen characters: invisible, and never needed."""

INVISIBLE_RE = re.compile("[" + "".join(chr(c) for c in INVISIBLE) + "]")

TAGS = {
    *("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div", "span", "small"),
    *("strong", "em", "b", "i", "u", "s", "del", "ins", "mark", "sub", "sup", "abbr", "kbd", "q"),
    *("ul", "ol", "li", "dl", "dt", "dd", "code", "pre", "details", "summary"),
    *("table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col"),
    *("a", "img", "figure", "figcaption", "button"),
    *("svg", "g", "rect", "line", "text", "title", "desc", "path"),
}
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript", "textarea"}
ATTRIBUTES = {
    "*": {"class", "title", "id"},
    "a": {"href", "download"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "th": {"rowspan", "colspan", "scope"},
    "td": {"rowspan", "colspan", "data-label"},
    "col": {"span"},
    "abbr": {"title"},
    "details": {"open"},
    "button": {"type", "data-print"},
    "div": {"data-edition", "data-today"},
    "svg": {"xmlns", "viewbox", "viewBox", "role", "aria-label", "width", "height"},
    "rect": {"x", "y", "width", "height"},
    "line": {"x1", "x2", "y1", "y2"},
    "text": {"x", "y", "text-anchor"},
    "path": {"d"},  # the emergency card's QR codes (qrcode.py): geometry only, no style or link
}
BUTTON_TYPES = {"button"}
RESERVED_ID = re.compile(r"^(?:__|md-)", re.IGNORECASE)


@dataclass
class Removed:
    """What the sanitiser took out of one page (for a warning to the author)."""

    items: list[str] = field(default_factory=list)

    def add(self, what: str) -> None:
        if len(self.items) < 20:
            self.items.append(what)


class Sanitizer:
    """Cleans content HTML for one site (``site_host`` allows http links to the site itself)."""

    def __init__(self, site_host: str | None = None):
        self.site_host = site_host
        self.removed = Removed()

    def clean(self, html: str) -> tuple[str, list[str]]:
        """The cleaned HTML and a short list of what was removed (attributes and URLs)."""
        self.removed = Removed()
        html = INVISIBLE_RE.sub("", html)
        with _LOCK:  # one check object per host: its list of what was removed is this page's
            cleaner, check = _cleaner(self.site_host)
            check.removed = self.removed
            try:
                cleaned = cleaner.clean(html)
            finally:
                check.removed = Removed()
        return cleaned, self.removed.items


class _AttributeCheck:
    """The checks ammonia cannot make itself, called for each attribute it keeps: URLs (the
    site's own host, look-alike hosts, images from elsewhere), the theme's reserved ids and the
    button type. What it drops goes into ``removed``."""

    def __init__(self, site_host: str | None) -> None:
        self.site_host = site_host
        self.removed = Removed()

    def __call__(self, tag: str, name: str, value: str) -> str | None:
        if name in ("href", "src"):
            problem = self._url(name, value)
            if problem:
                self.removed.add(f"{tag} {name}={value[:80]!r}: {problem}")
                return None
        elif name == "id" and RESERVED_ID.match(value):
            self.removed.add(f"{tag} id={value!r}: reserved for the theme")
            return None
        elif tag == "button" and name == "type" and value not in BUTTON_TYPES:
            return "button"
        return value

    def _url(self, name: str, value: str) -> str | None:
        clean = value.strip()
        parts = urlsplit(clean) if not clean.startswith("//") else None
        if parts is not None and not parts.scheme and not parts.netloc:
            return None  # a page or file of the site itself, or an anchor
        if name == "src":
            return "images and media must come from the site itself"
        if clean.startswith("//"):
            return "protocol-relative links leave the site"
        return link_problem(clean, self.site_host)


_LOCK = threading.Lock()
_CLEANERS: dict[str | None, tuple[nh3.Cleaner, _AttributeCheck]] = {}


def _cleaner(site_host: str | None) -> tuple[nh3.Cleaner, _AttributeCheck]:
    """The allow-list compiled once per site host, not again for every page."""
    found = _CLEANERS.get(site_host)
    if found is None:
        check = _AttributeCheck(site_host)
        cleaner = nh3.Cleaner(
            tags=TAGS,
            clean_content_tags=DROPPED_WITH_CONTENT,
            attributes=ATTRIBUTES,
            attribute_filter=check,
            url_schemes={"https", "http", "mailto", "tel"},
            link_rel=None,
            strip_comments=True,
        )
        found = _CLEANERS[site_host] = (cleaner, check)
    return found


def strip_invisible(text: str) -> str:
    """Text without bidirectional overrides and zero-width characters."""
    return INVISIBLE_RE.sub("", text)
