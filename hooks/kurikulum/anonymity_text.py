"""Normalise a text before the anonymity scan, keeping a map back to the author's offsets.

What chat apps and word processors paste hides identifiers from plain patterns: a no-break
space inside "0812 3456", a zero-width space inside "Bu\u200bSari", full-width digits
"０８１２". ``normalise`` returns the text in NFKC form with every kind of space turned into a
plain space, format characters (zero-width spaces, joiners, soft hyphens, direction marks)
removed, digits of any script turned into ASCII digits and hyphen look-alikes into "-".
``Normalised.span`` maps a span of the normalised text back to the original, so a finding
quotes the author's own text and reports the author's own line.

Plain ASCII text, by far the most common, is returned as it is, with no map.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

HYPHENS = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2212\ufe63\uff0d"), "-")
LINE_BREAKS = "\u2028\u2029\x85"
NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@dataclass(frozen=True)
class Normalised:
    """The normalised text; ``starts[i]``/``ends[i]`` are the original offsets of character i."""

    text: str
    original: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``text[start:end]``."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            position = self.starts[start] if start < len(self.starts) else len(self.original)
            return position, position
        return self.starts[start], self.ends[end - 1]


def _clusters(text: str):
    """(start, end) of each character with the combining marks that follow it."""
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or not unicodedata.combining(text[index]):
            yield start, index
            start = index


@functools.lru_cache(maxsize=4096)
def _normal_char(char: str) -> str:
    """One character's replacement (may be empty or several characters)."""
    category = unicodedata.category(char)
    if category == "Cf":
        return ""  # zero-width space, joiners, soft hyphen, direction marks
    if category == "Zs":
        return " "
    if char in LINE_BREAKS:
        return "\n"
    if category == "Nd":
        return str(unicodedata.digit(char))
    return unicodedata.normalize("NFKC", char).translate(HYPHENS)


@functools.lru_cache(maxsize=4096)
def _normal_cluster(cluster: str) -> str:
    if len(cluster) == 1:
        return _normal_char(cluster)
    return "".join(_normal_char(char) for char in unicodedata.normalize("NFKC", cluster))


def _replacements(text: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for every non-ASCII character cluster that changes."""
    changed = []
    for run in NON_ASCII.finditer(text):
        offset = run.start()
        for start, end in _clusters(run.group()):
            cluster = run.group()[start:end]
            out = _normal_cluster(cluster)
            if out != cluster:
                changed.append((offset + start, offset + end, out))
    return changed


def normalise(text: str) -> Normalised:
    """``text`` with spaces, invisible characters, digits and compatibility forms normalised."""
    changed = [] if text.isascii() else _replacements(text)
    if not changed:
        return Normalised(text, text)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    for start, end, out in changed:
        pieces.append(text[done:start])
        starts.extend(range(done, start))
        ends.extend(range(done + 1, start + 1))
        pieces.append(out)
        starts.extend([start] * len(out))
        ends.extend([end] * len(out))
        done = end
    pieces.append(text[done:])
    starts.extend(range(done, len(text)))
    ends.extend(range(done + 1, len(text) + 1))
    return Normalised("".join(pieces), text, tuple(starts), tuple(ends))
