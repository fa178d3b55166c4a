"""Text that editors write must not be able to run a script or load a third-party resource.

Raw HTML is refused in every text field (Markdown has a form for everything our pages need);
links may only use https/http, mailto or tel, or point to an anchor on the same page; images
are refused (no request may leave the site). HTML entities are decoded before the scheme is
checked, so ``javascript&#58;`` is caught as well.
"""

from __future__ import annotations

import html
import re

CHAR_REFERENCE = re.compile(r"&#?[A-Za-z0-9]+;")
RAW_HTML = re.compile(r"<(?:[A-Za-z]|/|!|\?)")
ATTR_LIST = re.compile(r"\{\s*:|\{\s*[.#][\w-]+[^}]*\}|\{\s*\w+\s*=")
IMAGE = re.compile(r"!\[[^\]]*\]\s*[\[(]")
INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
REFERENCE_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
ALLOWED_SCHEMES = ("https", "http", "mailto", "tel")
CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def unsafe(text: str, markdown: bool) -> list[tuple[str, str]]:
    """(message, hint) for each unsafe construct in one text field."""
    found: list[tuple[str, str]] = []
    tag = RAW_HTML.search(text)
    if tag:
        found.append(
            (
                f"raw HTML `{_snippet(text, tag.start())}` is not allowed in content",
                "write Markdown instead (**bold**, *italic*, lists, [text](https://...)); "
                "to show a less-than sign, put a space after it",
            )
        )
    reference = CHAR_REFERENCE.search(text)
    if reference:
        found.append(
            (
                f"HTML character reference `{reference.group()}` is not allowed in content",
                'type the character itself, e.g. & (or "< " with a space after the less-than sign)',
            )
        )
    if not markdown:
        return found
    if IMAGE.search(text):
        found.append(
            (
                "images are not allowed in text fields",
                "describe the picture in words; pages must not load outside files",
            )
        )
    if ATTR_LIST.search(text):
        found.append(
            (
                "attribute lists `{: ...}` are not allowed in content",
                "remove the `{...}` part; styling comes from the site's templates",
            )
        )
    for url in _link_targets(text):
        reason = _bad_url(url)
        if reason:
            found.append(
                (
                    f"link target `{url[:60]}` {reason}",
                    "link to an https:// address, mailto:, tel:, or a #anchor",
                )
            )
    return found


def _link_targets(text: str) -> list[str]:
    return [m.group(1) for m in INLINE_LINK.finditer(text)] + [
        m.group(1) for m in REFERENCE_DEF.finditer(text)
    ]


def _bad_url(url: str) -> str | None:
    clean = CONTROL.sub("", html.unescape(url)).lower()
    if not clean:
        return "is empty"
    if clean.startswith("#"):
        return None
    scheme, colon, _ = clean.partition(":")
    if colon and not re.search(r"[/?#]", scheme):
        return None if scheme in ALLOWED_SCHEMES else f"uses the scheme `{scheme}:`, which is not allowed"
    return "is a relative path; content pages move between languages and builds"


def _snippet(text: str, start: int) -> str:
    end = text.find(">", start)
    end = start + 20 if end == -1 or end - start > 40 else end + 1
    return text[start:end].replace("`", "'").replace("\n", " ")
