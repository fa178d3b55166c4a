"""Terminology: running text uses the words the glossary prefers, not the ones it marks to avoid.

The rules are data. A glossary entry (``data/glossary.yml``) may list, per language code, the
words to avoid in running text (``avoid:``) and the words to use instead (``prefer:``; without
it, the entry's own term, or the terms named under ``use_instead``). Two kinds of entries use
this: the Luxembourg Guidelines' "avoid" terms ("pornografi anak", "child prostitute", ...) and
the project's own word choices for Indonesian text (gim, daring, tangkapan layar, kertas plano,
bahan bacaan peserta).

Every text field of every content file (modules, cases, ``data/*.yml``) and every hand-written
page in ``docs/`` is checked, each language against its own list only: an English text is never
checked against the Indonesian choices. A page's language is its file name's: ``page.md`` is the
source language, ``page.en.md`` English.

Exempt, so that the law, names and glosses can still be written:

* **Quotations**: text between quotation marks, ``"..."``, ``“...”`` or ``‘...’`` (within one
  paragraph). This is how a legal quotation is marked, in the legal data as everywhere else
  ("memuat “pornografi anak”"), and how a name or a word mentioned as a word is written
  (the word "sextortion"; “ESA Online”).
* **Names**: the ``title`` and ``short`` fields of ``data/legal.yml`` instruments (names of laws,
  as the law writes them) and the ``term`` field of glossary entries (the name of the term).
* **A gloss**: the avoided word inside parentheses that follow the preferred word closely (no
  sentence break in between): "tangkapan layar (*screenshot*)", "gim daring (*game online*)".
* **Addresses and code**: link targets, bare web addresses, `code` and fenced code blocks.

Findings are warnings with the code ``terminology``, at the file and line of the word, naming the
word to use instead; ``--strict`` (CI) turns them into errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .cache import FindingsCache, engine_fingerprint, fingerprint
from .load import Curriculum, Loaded
from .overlay import LOCAL
from .problems import Problem
from .safety import strip_code
from .sourcefiles import position, read_text_file
from .walk import texts
from .yamlsrc import PathKey, dotted

CODE = "terminology"
LANGUAGE_NAMES = {"id": "Indonesian", "en": "English", "jv": "Javanese", "su": "Sundanese"}
GLOSS_REACH = 40
"""How many characters before "(" the preferred word may end, for the parentheses to be its gloss."""

EXEMPT_FIELDS = {("legal", "title"), ("legal", "short"), ("glossary", "term")}
"""(kind, field) pairs that hold names: of laws, as the law names itself, and of glossary terms."""

_ADDRESS = re.compile(
    r"\]\([^)\n]*\)"  # a Markdown link target
    r"|\b(?:https?|mailto|tel):[^\s)\]>]+"  # a bare address
    r"|\bwww\.[^\s)\]>]+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|id|uk|info|io|app|int)\b(?:/[^\s)\]>]*)?",
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_QUOTES = {'"': '"', "“": "”", "‘": "’"}
_SENTENCE_BREAK = re.compile(r"[.;:!?\n]")
_MARKUP = "*_ \t"


@dataclass(frozen=True)
class Rule:
    """One word to avoid in one language, and what to write instead."""

    lang: str
    word: str
    prefer: tuple[str, ...]
    slug: str
    luxembourg: bool
    pattern: re.Pattern

    def hint(self) -> str:
        instead = " or ".join(f"“{p}”" for p in self.prefer)
        if self.luxembourg:
            return (
                f"write {instead} (glossary: `{self.slug}`); the law's own term belongs only inside "
                "quotation marks, as a quotation or the name of a law"
            )
        return (
            f"write {instead} (glossary: `{self.slug}`); the word may follow it as a gloss in "
            f"parentheses, e.g. “{self.prefer[0]} ({self.word})”; names and quotations go in quotation marks"
        )


def rules(cur: Curriculum) -> dict[str, list[Rule]]:
    """The rules per language code, from the glossary's `avoid:` lists."""
    terms = cur.terms
    out: dict[str, list[Rule]] = {}
    for slug, term in terms.items():
        for lang, words in term.avoid.items():
            prefer = tuple(term.prefer.get(lang) or _default_prefer(term, terms, lang))
            for word in words:
                out.setdefault(lang, []).append(
                    Rule(lang, word, prefer, slug, term.guidance == "avoid", _word_pattern(word))
                )
    return out


def _default_prefer(term, terms, lang: str) -> list[str]:
    named = [terms[s] for s in term.use_instead if s in terms] or [term]
    return [_bare(t.term.get(lang) or "") for t in named if t.term.get(lang)]


def _bare(title: str) -> str:
    """A term's title without a trailing "(...)" and quotation marks: the words to write."""
    bare = re.sub(r"\s*\([^()]*\)\s*$", "", title).strip(' "“”‘’')
    return bare[:1].lower() + bare[1:] if bare[1:2].islower() else bare


def _word_pattern(word: str) -> re.Pattern:
    parts = [re.escape(part) for part in word.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.IGNORECASE)


def exempt_mask(text: str) -> str:
    """``text`` with every exempt span blanked (same length, line breaks kept)."""
    masked = strip_code(text)
    masked = _blank(masked, ((m.start(), m.end()) for m in _ADDRESS.finditer(masked)))
    return _blank(masked, _quoted_spans(masked))


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    out, at = [], 0
    for start, end in sorted(spans):
        start = max(start, at)
        if start >= end:
            continue
        out += [text[at:start], _NOT_NEWLINE.sub(" ", text[start:end])]
        at = end
    return "".join(out) + text[at:] if out else text


_NOT_NEWLINE = re.compile(r"[^\n]")


def _quoted_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans between matching quotation marks, never across a blank line."""
    start = 0
    for paragraph_end in [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]:
        closing, opened = None, 0
        for i in range(start, paragraph_end):
            char = text[i]
            if closing is None and char in _QUOTES:
                closing, opened = _QUOTES[char], i
            elif closing is not None and char == closing:
                yield opened, i + 1
                closing = None
        start = paragraph_end


def _is_gloss(text: str, start: int, prefer: Iterable[str]) -> bool:
    """Whether text[start:] sits inside parentheses that closely follow a preferred word."""
    opening = text.rfind("(", 0, start)
    if opening == -1 or ")" in text[opening:start]:
        return False
    before = text[max(0, opening - GLOSS_REACH) : opening].rstrip(_MARKUP)
    breaks = list(_SENTENCE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    return any(_word_pattern(word).search(before) for word in prefer if word)


def _words(rule: Rule) -> tuple[str, ...]:
    """The rule's words, lower-cased: a text that lacks one of them cannot hold the phrase."""
    found = _WORDS.get(rule.word)
    if found is None:
        found = _WORDS[rule.word] = tuple(rule.word.lower().split()) or ("",)
    return found


_WORDS: dict[str, tuple[str, ...]] = {}


def findings(text: str, rules_for_lang: Iterable[Rule]) -> Iterator[tuple[int, Rule, str]]:
    """(offset, rule, word as written) for each avoided word in running text."""
    lower = text.lower()
    rules_for_lang = tuple(
        rule
        for rule in rules_for_lang
        if all(word in lower for word in _words(rule)) and rule.pattern.search(text)
    )
    if not rules_for_lang:
        return
    masked = exempt_mask(text)
    seen: set[int] = set()
    for rule in rules_for_lang:
        for match in rule.pattern.finditer(masked):
            if match.start() in seen or _is_gloss(text, match.start(), rule.prefer):
                continue
            seen.add(match.start())
            yield match.start(), rule, text[match.start() : match.end()]


def check_terminology(cur: Curriculum, docs: Path | None = None) -> list[Problem]:
    """Warnings for avoided words in every content text and hand-written page."""
    by_lang = rules(cur)
    problems = _unknown_languages(cur)
    if not by_lang:
        return problems
    signature = repr(
        sorted((r.lang, r.word, r.prefer, r.slug, r.luxembourg) for rs in by_lang.values() for r in rs)
    )
    results = FindingsCache(fingerprint(engine_fingerprint(), signature), "terminology")
    for kind, entries in cur.loaded.items():
        for entry in entries:
            problems.extend(_check_entry(kind, entry, by_lang, results))
    for folder in (docs if docs is not None else cur.root / "docs", cur.root / LOCAL / "docs"):
        problems.extend(check_pages(folder, cur.root, by_lang, cur, results))
    results.save()
    return problems


def _cached_findings(
    text: str, lang: str, rules_for_lang: list[Rule], results
) -> list[tuple[int, Rule, str]]:
    """``findings`` through the cache: the rule is stored by its place in the language's rules,
    which the cache's fingerprint fixes."""
    found = results.result(
        text,
        lang,
        lambda: [
            [offset, rules_for_lang.index(rule), word]
            for offset, rule, word in findings(text, rules_for_lang)
        ],
    )
    try:
        return [(offset, rules_for_lang[index], word) for offset, index, word in found]
    except (IndexError, TypeError, ValueError):
        return list(findings(text, rules_for_lang))


def _check_entry(kind: str, entry: Loaded, by_lang: dict[str, list[Rule]], results) -> Iterator[Problem]:
    for path, value in texts(entry.item):
        if _exempt(kind, path):
            continue
        for lang, text in value.root.items():
            for offset, rule, word in _cached_findings(text, lang, by_lang.get(lang, []), results):
                line, column = entry.doc.text_position((*path, lang), text, offset)
                file = entry.doc.file_at((*path, lang))
                yield _problem(file, line, column, dotted((*path, lang)), rule, word)


def _exempt(kind: str, path: PathKey) -> bool:
    field = next((part for part in reversed(path) if isinstance(part, str)), "")
    return (kind, field) in EXEMPT_FIELDS


def check_pages(
    docs: Path, root: Path, by_lang: dict[str, list[Rule]], cur: Curriculum, results=None
) -> list[Problem]:
    """Warnings for avoided words in the hand-written pages (through ``results``, the findings
    cache of ``check_terminology``, when given: a page's findings depend on its text alone)."""
    problems: list[Problem] = []
    if not docs.is_dir():
        return problems
    for path in sorted(docs.rglob("*.md")):
        lang = page_language(path, cur.languages)
        if lang not in by_lang:
            continue
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        text, _ = read_text_file(path, root, name)  # unreadable pages are reported by check_pages
        found = (
            _cached_findings(text or "", lang, by_lang[lang], results)
            if results is not None
            else findings(text or "", by_lang[lang])
        )
        for offset, rule, word in found:
            line, column = position(text, offset)
            problems.append(_problem(name, line, column, "", rule, word))
    return problems


def page_language(path: Path, languages: list[str]) -> str:
    """``about.en.md`` is English; ``about.md`` is in the source (first) language."""
    suffixes = path.name.split(".")[1:-1]
    return suffixes[-1] if suffixes and suffixes[-1] in languages else languages[0]


def _problem(file: str, line: int, column: int, field: str, rule: Rule, word: str) -> Problem:
    language = LANGUAGE_NAMES.get(rule.lang, f"`{rule.lang}`")
    instead = " or ".join(f"“{p}”" for p in rule.prefer)
    return Problem(
        file,
        line,
        column,
        field,
        f"“{' '.join(word.split())}” in {language} text: the glossary prefers {instead}",
        rule.hint(),
        "warning",
        CODE,
    )


def _unknown_languages(cur: Curriculum) -> list[Problem]:
    problems = []
    for entry in cur.loaded.get("glossary", []):
        for t, term in enumerate(entry.item.terms):
            for field in ("avoid", "prefer"):
                for lang in getattr(term, field):
                    if lang not in cur.languages:
                        file, line, column = entry.doc.where(("terms", t, field, lang))
                        problems.append(
                            Problem(
                                file,
                                line,
                                column,
                                dotted(("terms", t, field, lang)),
                                f"language `{lang}` is not configured (configured: {', '.join(cur.languages)})",
                                "correct the language code",
                                "warning",
                                CODE,
                            )
                        )
    return problems
