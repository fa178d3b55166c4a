"""The anonymity check of a curriculum: every case text, slug and file name, and curriculum prose.

Case studies get every kind of finding (see ``anonymity.REASONS``) in every text field,
including ``anonymity.statement``, in ``anonymity.reviewed_by``, and in the slug and the file
name (a file named after a child puts the name in every page's navigation). A reviewed false
positive is listed under ``anonymity.accepted``; an entry there covers one whole finding, the
same text in the same field, and an entry that covers no finding is reported as a warning
(so ``--strict`` fails) until it is removed.

Curriculum prose (modules, worksheets, tests) is scanned for ``PROSE_KINDS`` only: it
legitimately cites official web pages, hotline numbers and the dates of laws.

The project's own word lists under ``local/data/anonymity/`` are used (see ``anonymity_lists``).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from pathlib import Path

from .anonymity_finding import Finding
from .anonymity_lists import LOCAL_DIR, Lexicon, lexicon_for, package_lexicon
from .anonymity_text import normalise
from .cache import FindingsCache, fingerprint
from .load import Curriculum, Loaded
from .problems import Problem
from .walk import texts
from .yamlsrc import PathKey, dotted

PROSE_KINDS = {"name", "initials", "nik", "handle", "plate", "address", "school", "village", "age-place"}
"""What the check looks for in curriculum prose (modules, worksheets, tests), which legitimately
cites official web pages, hotline numbers and the dates of laws; case studies get every kind."""

FOUND_HINT = (
    "rewrite it, or if it is a reviewed false positive in a case study add it under `anonymity.accepted`"
)


def check_anonymity(cur: Curriculum) -> list[Problem]:
    """Identifying details in case studies (every text field) and in any other narrative text."""
    scanner = CachedScanner(cur.root)
    problems = _unknown_lists(cur)
    for entry in cur.loaded.get("case", []):
        problems.extend(_check_case(entry, scanner, str(cur.root)))
    for kind in ("module", "worksheet", "assessment"):
        for entry in cur.loaded.get(kind, []):
            for path, value in texts(entry.item):
                problems.extend(_scan_field(entry, path, value, scanner, None, PROSE_KINDS))
    scanner.cache.save()
    return problems


class CachedScanner:
    """The project's scanner behind the findings cache (see ``cache.py``): a text seen before
    under the very same rules is not scanned again. The scanner itself (whose rules take a
    moment to build) is made only when a text is new."""

    def __init__(self, root: Path | str) -> None:
        self.root = root
        self.cache = FindingsCache(rules_fingerprint(lexicon_for(root)))

    @functools.cached_property
    def scanner(self):
        from .anonymity import scanner_for  # imported only when a text is new

        return scanner_for(self.root)

    def scan(self, text: str, slug: bool = False) -> list[Finding]:
        if not text:
            return []
        return self._cached(self.cache.key(text, slug), text, lambda: self.scanner.scan(text, slug))

    def scan_slug(self, name: str) -> list[Finding]:
        """``anonymity.scan_slug`` of a slug or file name, through the cache."""
        from_cache = self.cache.key(name, True) + "-name"

        def scan() -> list[Finding]:
            from .anonymity import scan_slug

            return scan_slug(name, self.root, self.scanner)

        return self._cached(from_cache, name, scan)

    def _cached(self, key: str, text: str, scan) -> list[Finding]:
        known = _findings(self.cache.get(key), text)
        if known is not None:
            return known
        found = scan()
        self.cache.put(key, [[f.kind, f.start, f.end, f.reason] for f in found])
        return found


def _findings(entry, text: str) -> list[Finding] | None:
    """Cached findings as ``Finding``s, or None if there are none or they do not fit the text."""
    if not isinstance(entry, list):
        return None
    try:
        out = []
        for kind, start, end, reason in entry:
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                return None
            out.append(Finding(str(kind), start, end, text[start:end], str(reason)))
        return out
    except (TypeError, ValueError):
        return None


@functools.cache
def _code_fingerprint() -> str:
    here = Path(__file__).parent
    return fingerprint(*(path.read_bytes() for path in sorted(here.glob("anonymity*.py"))))


@functools.lru_cache(maxsize=8)
def rules_fingerprint(lexicon: Lexicon) -> str:
    """The checker's code and every word list: findings cached under it are exactly what a
    scan would give."""
    return fingerprint(_code_fingerprint(), json.dumps(lexicon.lists, sort_keys=True, ensure_ascii=False))


class _Acceptances:
    """The ``anonymity.accepted`` entries of one case, and which of them matched a finding."""

    def __init__(self, accepted) -> None:
        self.items = list(accepted)
        self.used = [False] * len(self.items)

    def reason(self, field: str, found: str) -> str | None:
        """The reason of the entry that covers this finding, if any (and mark it used)."""
        for index, item in enumerate(self.items):
            if item.field == field and _same_text(item.text, found):
                self.used[index] = True
                return item.reason
        return None

    def stale(self) -> Iterator[tuple[int, object]]:
        return ((index, item) for index, item in enumerate(self.items) if not self.used[index])


def _check_case(entry: Loaded, scanner: CachedScanner, root: str) -> list[Problem]:
    anonymity = entry.item.anonymity
    accepted = _Acceptances(anonymity.accepted)
    problems = _scan_names(entry, accepted, root, scanner)
    for path, value in texts(entry.item):
        problems.extend(_scan_field(entry, path, value, scanner, accepted))
    path = ("anonymity", "reviewed_by")
    for finding in scanner.scan(anonymity.reviewed_by):
        problems.append(
            _report(
                entry, dotted(path), entry.doc.position(path)[0], finding, accepted, entry.doc.file_at(path)
            )
        )
    for index, item in accepted.stale():
        file, line, _ = entry.doc.where(("anonymity", "accepted", index))
        problems.append(
            Problem(
                file,
                line,
                1,
                dotted(("anonymity", "accepted", index)),
                f"accepted finding `{item.text}` in `{item.field}` matches no finding of the anonymity check",
                "remove this entry, or set `text:` and `field:` to the exact text and field of a reported finding",
                "warning",
                "anonymity-stale",
            )
        )
    return problems


def _scan_names(entry: Loaded, accepted: _Acceptances, root: str, scanner: CachedScanner) -> list[Problem]:
    """The slug, and the file name if it differs, reported at the slug's line."""
    line = entry.doc.position(("slug",))[0]
    stem = entry.doc.file.rsplit("/", 1)[-1].removesuffix(".yml")
    names = [("slug", entry.item.slug)] + ([("file name", stem)] if stem != entry.item.slug else [])
    return [
        _report(entry, field, line, finding, accepted, entry.doc.file_at(("slug",)))
        for field, name in names
        for finding in scanner.scan_slug(name)
    ]


def _scan_field(
    entry: Loaded,
    path: PathKey,
    value,
    scanner: CachedScanner,
    accepted: _Acceptances | None,
    kinds: set[str] | None = None,
) -> list[Problem]:
    problems = []
    for lang, text in value.root.items():
        for finding in scanner.scan(text):
            if kinds is not None and finding.kind not in kinds:
                continue
            line = entry.doc.text_position((*path, lang), text, finding.start)[0]
            file = entry.doc.file_at((*path, lang))
            problems.append(_report(entry, dotted((*path, lang)), line, finding, accepted, file))
    return problems


def _report(
    entry: Loaded, field: str, line: int, finding: Finding, accepted: _Acceptances | None, file: str = ""
) -> Problem:
    file = file or entry.doc.file
    reason = accepted.reason(field, finding.text) if accepted else None
    if reason is not None:
        return Problem(
            file,
            line,
            1,
            field,
            f"accepted ({finding.kind}): `{finding.text}`: {reason}",
            "reviewed false positive listed under `anonymity.accepted`",
            "info",
            "anonymity-accepted",
        )
    hint = FOUND_HINT
    if accepted is not None:
        hint += f" with `text: {_quoted(finding.text)}`, `field: {field}` and `reason:`"
    return Problem(
        file,
        line,
        1,
        field,
        f"possible identifying detail ({finding.kind}): `{finding.text}`: {finding.reason}",
        hint,
        "error",
        "anonymity",
    )


def _quoted(text: str) -> str:
    """The finding's text as a YAML value an author can paste."""
    flat = " ".join(text.split())
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _unknown_lists(cur: Curriculum) -> list[Problem]:
    """A file in local/data/anonymity/ that matches no word list would be silently ignored."""
    lexicon = lexicon_for(cur.root)
    known = ", ".join(sorted(package_lexicon().lists))
    return [
        Problem(
            (LOCAL_DIR / path.name).as_posix(),
            1,
            1,
            "",
            f"`{path.name}` is not a word list of the anonymity check, so it is not read",
            f"rename it to the name of a list in kurikulum/data/: {known}",
            "warning",
            "anonymity-list",
        )
        for path in lexicon.unknown
    ]


def _same_text(accepted: str, found: str) -> bool:
    """An acceptance covers a finding whose whole text it gives (invisible characters and spacing aside)."""
    return normalise(accepted).text.split() == normalise(found).text.split()
