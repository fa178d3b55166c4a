"""Pick the text of one language, with one fallback rule and one visible marker.

A field without text in the page's language shows the source-language (Indonesian) text; the
page then carries a 'not yet translated' notice. Settings placeholders (``{{groups}}``) are
filled in here, for every language (see ``placeholders.py``). Plain fields are escaped for HTML and
Markdown; Markdown fields were checked by ``safety`` and are passed through.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from markupsafe import Markup

from .fields import Markdown, Text
from .model import Ui
from .placeholders import fill

_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


@functools.lru_cache(maxsize=16384)
def escape_plain(text: str) -> Markup:
    """Plain text made inert for both HTML and Markdown, on one line (labels and titles come
    back again and again: each is escaped once)."""
    one_line = _ENTITY.sub("&amp;", " ".join(text.split())).replace("<", "&lt;").replace(">", "&gt;")
    # A lone "&" is left to Markdown, which escapes it. A character reference such as "&lt;" is
    # escaped here, because MkDocs themes print page titles through `striptags`, which decodes
    # references in a template without autoescaping: "&lt;/title&gt;" would close the <title>.
    return Markup(_MD_SPECIAL.sub(r"\\\1", one_line))


@dataclass
class Localizer:
    """Text lookups for one language; remembers whether any text fell back."""

    lang: str
    source: str
    ui: Ui
    fallbacks: int = 0
    values: dict[str, str] = field(default_factory=dict)
    """The settings placeholders (``{{groups}}``...) and their text (``placeholders.values``)."""

    def raw(self, value: Text | None) -> str:
        if value is None:
            return ""
        text = value.get(self.lang)
        if text is None:
            self.fallbacks += 1
            text = value.get(self.source) or ""
        return fill(text, self.values)

    def t(self, value: Text | None) -> Markup:
        """The text in this language, safe to put into the generated Markdown."""
        text = self.raw(value)
        return Markup(text) if isinstance(value, Markdown) else escape_plain(text)

    def label(self, key: str) -> Markup:
        value = self.ui.labels.get(key)
        if value is None:  # validate.check_ui reports it; show the key rather than fail
            return escape_plain(key)
        return self.t(value)

    def method(self, key: str) -> Markup:
        value = self.ui.methods.get(key)
        return self.t(value) if value else escape_plain(key)

    def take_fallbacks(self) -> int:
        count, self.fallbacks = self.fallbacks, 0
        return count
