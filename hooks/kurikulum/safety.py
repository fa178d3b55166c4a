"""Source checks: text that editors write must not be able to run a script or load a resource.

These checks give authors ``file:line`` and a fix; the sanitiser on the output (``sanitize.py``)
is the guarantee behind them. Refused in every text field and hand-written page:

- raw HTML and HTML character references (Markdown has a form for everything our pages need);
- invisible formatting characters: bidirectional overrides, zero-width characters, and other
  control characters (they can disguise a link or a name);
- images (no request may leave the site, and the site has no place for pictures of cases);
- attribute lists (``{: ...}``, ``{ x onclick=... }``) wherever Markdown would read them;
- reference-style link definitions (``[r]: ...``), also inside quotes, lists and boxes: links
  are written inline, where the target can be checked next to its text;
- link targets other than https, mailto, tel or an in-page anchor, and look-alike hosts.

Hand-written pages in ``docs/`` follow the same rules, except that code (fenced blocks and
`inline code`) may show anything and that they may link to other pages of the site.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator

from .sanitize import INVISIBLE

CHAR_REFERENCE = re.compile(r"&#?[A-Za-z0-9]+;")
RAW_HTML = re.compile(r"<(?:[A-Za-z]|/|!|\?)")
IMAGE = re.compile(r"!\[")
CONTAINER = r"(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])|!!!|\?\?\?\+?))*"
REFERENCE_DEF = re.compile(rf"^{CONTAINER}[ \t]*\[[^\]\n]*\]:", re.MULTILINE)
ATTR_BRACES = r"\{:?[ \t]*[^}\s][^}\n]*\}"
ATTR_LIST = re.compile(
    rf"(?<=[*_`)\]>]){ATTR_BRACES}"  # straight after an inline element: **x**{...}, [x](y){...}
    rf"|{ATTR_BRACES}[ \t]*$"  # at the end of a line: headings, list items, cells, block ends
    r"|\{:?[ \t]*[.#:][^}\n]*\}"  # class or id syntax anywhere: {.x} {#y} {: ...}
    r"|\{[^}\n]*=[^}\n]*\}",  # key=value anywhere
    re.MULTILINE,
)
INLINE_LINK = re.compile(r"\]\(\s*<?([^)\n]*?)>?\s*\)")
LINK_TITLE = re.compile(r"^(\S+)\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\))$")
FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2[`~]*[ \t]*$", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + "".join(chr(c) for c in INVISIBLE) + "]")


def unsafe(text: str, markdown: bool, pages: bool = False) -> list[tuple[str, str]]:
    """(message, hint) for each unsafe construct in one text field or page."""
    return [(message, hint) for _, message, hint in unsafe_at(text, markdown, pages)]


def unsafe_at(text: str, markdown: bool, pages: bool = False) -> list[tuple[int, str, str]]:
    """(offset, message, hint) for each unsafe construct; ``offset`` is where it starts.

    ``pages`` is for hand-written pages: code is exempt and relative links are allowed.
    """
    found = _invisible(text)
    prose = strip_code(text) if pages else text
    tag = RAW_HTML.search(prose)
    if tag:
        found.append(
            (
                tag.start(),
                f"raw HTML `{_snippet(prose, tag.start())}` is not allowed in content",
                "write Markdown instead (**bold**, *italic*, lists, [text](https://...)); "
                "to show a less-than sign, put a space after it",
            )
        )
    reference = CHAR_REFERENCE.search(prose)
    if reference:
        found.append(
            (
                reference.start(),
                f"HTML character reference `{reference.group()}` is not allowed in content",
                'type the character itself, e.g. & (or "< " with a space after the less-than sign)',
            )
        )
    if markdown:
        found.extend(_markdown(prose, pages))
    return found


def _markdown(text: str, pages: bool) -> Iterator[tuple[int, str, str]]:
    image = IMAGE.search(text)
    if image:
        yield (
            image.start(),
            "images are not allowed in text",
            "describe the picture in words; pages must not load outside files",
        )
    attrs = ATTR_LIST.search(text)
    if attrs:
        yield (
            attrs.start(),
            f"attribute list `{attrs.group()[:40]}` is not allowed in content",
            "remove the `{...}` part (styling comes from the site's templates); "
            "to show braces as text, put them in `code`",
        )
    definition = REFERENCE_DEF.search(text)
    if definition:
        yield (
            definition.start(),
            f"reference-style link definition `{definition.group().strip()[:40]}` is not allowed",
            "write the link inline: [text](https://...)",
        )
    for match in INLINE_LINK.finditer(text):
        titled = LINK_TITLE.match(match.group(1))
        url = titled.group(1) if titled else match.group(1)
        reason = _link_reason(url, pages)
        if reason:
            yield (
                match.start(),
                f"link target `{url[:60]}` {reason}",
                "link to an https:// address, mailto:, tel:, or a #anchor",
            )


def _link_reason(url: str, pages: bool) -> str | None:
    from .urlcheck import link_problem

    clean = html.unescape(url)
    if pages and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//", clean) and clean:
        return None if re.fullmatch(r"[A-Za-z0-9._~/#%-]+", clean) else "is not a plain page path"
    reason = link_problem(clean)
    if reason and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", clean) and not clean.startswith("#"):
        return "is a relative path; content pages move between languages and builds"
    return reason


def _invisible(text: str) -> list[tuple[int, str, str]]:
    found = []
    for match in CONTROL.finditer(text):
        char = match.group()
        name = unicodedata.name(char, "control character")
        column = match.start() - text.rfind("\n", 0, match.start())
        found.append(
            (
                match.start(),
                f"invisible character U+{ord(char):04X} ({name}) at column {column}",
                "delete it (copy-paste from chat apps and word processors brings these in); "
                "it can hide or reverse text",
            )
        )
        if len(found) >= 3:
            break
    return found


def strip_code(text: str) -> str:
    """Markdown with fenced code blocks and code spans blanked out (they show text as it is).

    Blanked, not removed: offsets and line numbers stay those of the original text.
    """

    def blank(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group())

    return CODE_SPAN.sub(blank, FENCE.sub(blank, text))


def _snippet(text: str, start: int) -> str:
    end = text.find(">", start)
    end = start + 20 if end == -1 or end - start > 40 else end + 1
    return text[start:end].replace("`", "'").replace("\n", " ")
