"""Anonymity checker: find details in a text that could identify a real child.

A published case study that names a child, a school or a village is a real harm, so this
module errs on the side of flagging. It is pure standard library and rule-based: regular
expressions for structured identifiers (phone numbers, NIK, e-mail, plates, dates), word
lists for names and places, and cue words for everything else ("bernama X", "Desa X",
"SMPN 3"). Things that are fine in an anonymised case (provinces, islands, institutions,
national landmarks, law references, the hotline 129) are collected as *safe spans*; a
finding that lies wholly inside a safe span is dropped.

Three modules do the groundwork:

* ``anonymity_lists`` reads the word lists. They are data, one plain-text file per list in
  ``kurikulum/data/`` (provinces, islands, major cities, institutions, role words, acronyms,
  months, school, village, housing and street words, landmarks and businesses, hotlines, given
  names, places, common words, alias, quoted-name and account-name cues, possessed nouns ("nilai X"),
  ordinary phrases that start with a name ("Budi pekerti") ...), each documented at its top. A
  project adds its own entries, without editing the package, in
  ``<project root>/local/data/anonymity/<same file name>.txt``: pass the project root to
  ``scan`` (``curriculum check`` does).
* ``anonymity_text`` normalises the text first (NFKC, every kind of space to a space,
  zero-width characters removed, digits of any script to ASCII) and maps each finding back
  to the author's own offsets, so the reported line and quoted text are what they wrote.
* ``anonymity_rules`` compiles the patterns once per set of lists. The package lists are read
  once per process, a project's extras once per project root (``scanner_for`` caches both).

``anonymity_check`` applies the scan to a curriculum: every case text (and the case's slug and
file name, with ``scan_slug``), with reviewed false positives listed under
``anonymity.accepted``.

Before the rules run, the text is also read in a *case view* of the same length: shouted
words become capitalised ("PAK BUDI" reads as "Pak Budi") and a lower-case name after a cue
word becomes capitalised ("desa sukamaju", "bernama dewi"), so one set of rules covers every
way of writing a name. Rules about the shape of a token (initials before a class, "MR, class
9B"; an account name such as "SkyBlaze09") read the text as written (``Doc.written``).

Most detectors look at one text on their own. A few passes then look at what the others found
in the same sentence: a name in brackets right after a name ("Tante Meylani (Liem Mei Lan)"),
a capitalised place after "di"/"in" that follows another finding ("PB Garuda Muda in
Karangpandan"; alone such a word may be anything), the town that closes an address, even a major
city ("Jl. Cendrawasih 2 no. 41, Sorong"), the room of a hotel, inn or villa named in the same
sentence ("Hotel Sahabat Indah kamar 208"; alone "kamar 2" is any room), the postcode after the town of
an address ("Kota Serang 42117"), a second person joined to a name ("Suparno (...) & Sumiyati"), and an
exact age next to a place below province level, a name, a school or an address ("Rizky Maulana, 10 yrs",
"aged 13, from SMP Negeri 4 Kepanjen"; not "a 12-year-old boy from a fishing village in Maluku").

Usage::

    for finding in scan(text, root=project_root):
        print(finding.kind, finding.text, finding.reason)
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from . import anonymity_rules as r
from .anonymity_finding import Finding
from .anonymity_lists import Lexicon, lexicon_for
from .anonymity_rules import Pattern, Rules, word_end, word_start
from .anonymity_text import normalise

MEMO_SIZE = 50_000
"""Texts whose findings a scanner remembers (the shipped curriculum has about 2,000)."""


REASONS = {
    "name": "a personal name; replace it with a role such as 'the girl', 'her uncle' or 'the offender'",
    "initials": "initials used as a name; replace them with a role such as 'the child' or 'the offender'",
    "phone": "a phone number; remove it or replace it with a role such as 'the hotline'",
    "nik": "an identity number (NIK, family card/KK, NISN, NIM, student ID, passport, driving licence, SIM card, "
    "IMEI or account number, or the number of a police report, court case, complaint or medical record); remove it "
    "entirely",
    "email": "an e-mail address; remove it or write 'an e-mail address'",
    "handle": "a social media handle; remove it or write 'an account on a social media app'",
    "url": "a URL or profile link; remove it or name the kind of platform instead",
    "plate": "a vehicle registration plate; remove it or write 'a car' or 'a motorbike'",
    "address": "a street address, house number, postcode or named landmark; replace it with 'a house in a "
    "residential area' or 'a market nearby'",
    "school": "a named school; keep only the level, e.g. 'a junior high school'",
    "village": "a village, district or city below province level; use the province or a fictional place",
    "date": "an exact date; use a vague period such as 'early last year' or 'one evening'",
    "age-place": "an exact age together with a place, a name or a school in the same sentence; use an age "
    "range such as '13-15' or drop the place",
}

# When two rules report exactly the same span, the kind listed first wins.
KIND_ORDER = (
    "nik",
    "phone",
    "email",
    "url",
    "handle",
    "plate",
    "date",
    "school",
    "address",
    "village",
    "initials",
    "name",
    "age-place",
)
RANK = {kind: index for index, kind in enumerate(KIND_ORDER)}
FICTIONAL_KINDS = {"name", "village", "school", "address", "initials"}
# An exact age is identifying next to a place below province level, and next to a name, a school or an address.
AGE_ANCHOR_KINDS = {"village", "name", "school", "address"}
Word = tuple[int, int, str]  # (start, end, word) of one word in a run of capitalised words


# --- the text as the rules see it ----------------------------------------------------------


def _words_before(text: str, pos: int) -> list[tuple[int, str]]:
    """Up to three words (offset, lower-case) separated by single spaces from ``pos``: "known as |X".

    Plain string operations: a look-back regex over a window was the slowest part of a scan.
    """
    found: list[tuple[int, str]] = []
    stop = pos - 1
    while len(found) < 3 and stop > 0 and text[stop] == " ":
        low = max(0, stop - 24)
        cut = max(text.rfind(" ", low, stop), text.rfind("\n", low, stop))
        if cut < 0 < low:
            break  # a "word" longer than the window: not a cue
        start = cut + 1
        word = text[start:stop]
        dash = max(word.rfind("—"), word.rfind("–"))
        dashed = dash >= 0
        if dashed:  # "Ocha—nama lengkapnya Rosalia Ndun": the cue opens after a dash
            word = word[dash + 1 :]
            start = stop - len(word)
        if not found and word.endswith("."):
            word = word[:-1]  # "Jl. Melati"
        if not word.replace("-", "").isalpha():
            break
        found.append((start, word.lower()))
        if dashed:
            break
        stop = start - 1
    return found


class Lowered:
    """The text in lower case (same length), its words, and where anchored patterns may start."""

    def __init__(self, text: str, rules: Rules) -> None:
        self.text = text  # as written (normalised), before the case view
        self.lower = lower_case(text)
        self.words = frozenset(r.WORD.findall(self.lower))
        self.has_digit = r.DIGIT.search(text) is not None  # most texts have none: number patterns are skipped
        self.rules = rules
        self._anchors: dict[str, list[int]] | None = None

    def anchor_sites(self, words: frozenset[str]) -> list[int]:
        """Offsets of the given trigger words (all trigger words are found in one pass, on first use)."""
        if self._anchors is None:
            self._anchors = defaultdict(list)
            for match in self.rules.anchor_words.finditer(self.lower):  # at word starts only (see there)
                self._anchors[match.group()].append(match.start())
        found = words & self._anchors.keys()
        if not found:
            return []
        if len(found) == 1:
            return self._anchors[next(iter(found))]  # in text order already
        return sorted({pos for word in found for pos in self._anchors[word]})


class Doc:
    """The text being scanned (its case view), with its runs of capitalised words found once.

    Cue patterns ("Desa X", "bernama X", "Pak X") can only match where their cue word opens a
    run of capitalised words or stands up to three words before one. ``finditer`` tries such
    patterns only at those words instead of at every letter of the text.
    """

    def __init__(self, text: str, rules: Rules, lowered: Lowered) -> None:
        self.text = text
        self.rules = rules
        self.lower = lowered.lower  # the text in lower case, same length
        self.written = lowered.text  # the text as written, before the case view (same length)
        self.words = lowered.words  # every word of the text, in lower case
        self.has_digit = lowered.has_digit
        self.anchor_sites = lowered.anchor_sites
        self.runs: list[list[Word]] = []
        self.listed_runs: list[list[Word]] = []  # runs with a listed name or city
        self.cue_sites: dict[str, list[int]] = defaultdict(list)
        for run in r.CAP_RUN.finditer(text):
            if word_start(text, run.start(), "@./-"):
                self._add_run(run)

    def _add_run(self, run: re.Match[str]) -> None:
        text, rules, sites = self.text, self.rules, self.cue_sites
        if run.group().isalpha():  # one plain word, by far the most common run
            words = [(run.start(), run.end(), run.group())]
        else:
            words = [
                (w.start(), w.end(), w.group()) for w in r.CAP_WORD.finditer(text, run.start(), run.end())
            ]
        self.runs.append(words)
        listed = False
        for start, _, word in words:  # "Kepala Desa X": the cue can be inside the run
            if (key := word.lower()) in rules.cue_words:
                sites[key].append(start)
            listed = listed or word in rules.listed_words
        if listed:
            self.listed_runs.append(words)
        before = run.start()
        if before > 1 and text[before - 1] in r.QUOTES:
            before -= 1  # 'warnet "Raja Game"': the cue stands before the opening quote
        for start, word in _words_before(text, before):
            if word in rules.cue_words:
                sites[word].append(start)

    def finditer(self, pattern: Pattern) -> Iterable[re.Match[str]]:
        """Matches of ``pattern``; for a ``lower`` pattern, matches in ``self.lower`` (same offsets).

        A plain function, not a generator: most calls end at the first test, at no cost."""
        if (pattern.triggers and pattern.triggers.isdisjoint(self.words)) or (
            pattern.needs_digit and not self.has_digit
        ):
            return ()
        if pattern.anchored:
            sites = self.anchor_sites(pattern.triggers)
        elif not pattern.cues:
            return pattern.finditer(self.lower if pattern.lower else self.text)
        else:
            cues = pattern.cues & self.cue_sites.keys()
            if not cues:
                return ()
            sites = sorted({pos for cue in cues for pos in self.cue_sites[cue]})
        return self._matches_at(pattern, sites) if sites else ()

    def _matches_at(self, pattern: Pattern, sites: list[int]) -> Iterator[re.Match[str]]:
        text, reach = self.lower if pattern.lower else self.text, -1
        for pos in sites:
            match = pattern.regex.match(text, pos) if pos >= reach else None
            if match and word_start(text, pos, pattern.not_after):
                reach = match.end()
                yield match

    def finding(self, kind: str, start: int, end: int) -> Finding:
        return Finding(kind, start, end, self.text[start:end], REASONS[kind])

    def prev_word(self, pos: int) -> str:
        """The word just before ``pos`` (lower-cased), skipping punctuation."""
        match = r.PREV_WORD.search(self.text, max(0, pos - 40), pos)
        return match.group(1).lower() if match else ""


# --- case view -----------------------------------------------------------------------------


def lower_case(text: str) -> str:
    """``text`` in lower case with the same length (a character whose lower case is longer stays)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def _capitalised(word: str) -> str:
    """ "budi" -> "Budi", "AL-HIKMAH" -> "Al-Hikmah"; same length, or the word unchanged."""
    out = "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))
    return out if len(out) == len(word) else word


def _shouted_runs(text: str) -> Iterator[list[re.Match[str]]]:
    """Runs of shouted words (whole words, not acronyms) with only spaces or punctuation between."""
    run: list[re.Match[str]] = []
    for match in r.SHOUTED.finditer(text):
        if not word_start(text, match.start()) or not word_end(text, match.end()):
            continue
        if run and not r.SHOUT_GAP.fullmatch(text, run[-1].end(), match.start()):
            yield run
            run = []
        run.append(match)
    if run:
        yield run


def _unshout(text: str, rules: Rules) -> Iterator[tuple[int, str]]:
    """Shouted words capitalised ("PAK BUDI", "DESA SUKAMAJU"), but not acronyms ("SMP", "KPAI").

    A short word is capitalised when it is a name or a cue word, or stands in a shouted sentence
    ("ANAK ITU BERNAMA RINI"), where "ITU" is not initials.
    """
    for run in _shouted_runs(text):
        sentence = len(run) >= 3
        for match in run:
            word = match.group()
            if word in rules.keep_upper:
                continue
            title = _capitalised(word)
            if sentence or len(word) >= 4 or title in rules.given_names or word.lower() in rules.cue_words:
                yield match.start(), title


def _lower_followers(text: str, end: int, accept: Callable[[str, int], bool]) -> Iterator[tuple[int, int]]:
    """Spans of up to three lower-case words after ``end`` that ``accept`` (word, index) takes."""
    for index in range(3):
        match = r.LOWER_WORD.match(text, end)
        if not match or not accept(match.group(1), index) or not word_end(text, match.end()):
            return
        yield match.span(1)
        end = match.end()


def _looks_english(lower: str, pos: int) -> bool:
    """True if the words around ``pos`` are more English than Indonesian function words."""
    words = r.WORD.findall(lower, max(0, pos - 120), pos + 120)
    return sum(word in r.EN_STOP for word in words) > sum(word in r.ID_STOP for word in words)


def _cued_lower_names(text: str, lowered: Lowered, rules: Rules) -> Iterator[tuple[int, str]]:
    """ "desa sukamaju" -> "desa Sukamaju", "pak budi" -> "pak Budi", "smk bina karya" -> "smk Bina Karya".

    Only listed names follow a person cue; after a place or naming cue any word that is not an
    ordinary word counts, but not in English text ("the Polres criminal unit").
    """
    lower = lowered.lower
    for site in lowered.anchor_sites(rules.lower_cue.triggers):
        match = rules.lower_cue.regex.match(lower, site)
        if not match:
            continue
        kind = rules.lower_cue_kinds.get(" ".join(match.group("cue").rstrip(".").split()))
        if kind is None:
            continue
        if kind not in ("person", "street", "strong") and _looks_english(lower, match.start()):
            # English text: only a word shaped like a place name ("desa ngemplak"), unless a school's name opens
            # with a word only an Indonesian school's name has ("a student of smp yayasan bina insani")
            opener = r.LOWER_WORD.match(lower, match.end())
            school = " ".join(match.group("cue").rstrip(".").split()) in rules.school_level_keys
            if not (school and opener and opener.group(1) in r.SCHOOL_NAME_OPENERS):
                kind = "toponym"
        accept = functools.partial(rules.accepts_after_cue, kind)
        for start, end in _lower_followers(text, match.end(), accept):
            yield start, _capitalised(text[start:end])


def _listed_in_slug(text: str, rules: Rules) -> Iterator[tuple[int, str]]:
    """In a slug, listed names and cities are read capitalised ("budi-santoso" -> "Budi Santoso").

    A name that is also a common word ("budi") counts only next to another listed name.
    """
    words = list(r.WORD.finditer(text))
    names = [match.group() in rules.name_words_lower for match in words]
    for index, match in enumerate(words):
        word, title = match.group(), match.group().capitalize()
        paired = names[index] and any(names[max(0, index - 1) : index] + names[index + 1 : index + 2])
        if (names[index] and word not in rules.common) or paired or title in rules.listed_cities:
            yield match.start(), title


def case_view(text: str, rules: Rules, lowered: Lowered, slug: bool = False) -> str:
    """``text`` with the same length, shouted and cued lower-case names capitalised."""
    edits = dict(_unshout(text, rules))
    if not rules.lower_cue.triggers.isdisjoint(lowered.words):
        edits.update(_cued_lower_names(text, lowered, rules))
    if slug:
        edits.update(_listed_in_slug(text, rules))
    if not edits:
        return text
    pieces, done = [], 0
    for start, new in sorted(edits.items()):
        pieces += [text[done:start], new]
        done = start + len(new)
    return "".join(pieces) + text[done:]


# --- safe spans ----------------------------------------------------------------------------


class Spans:
    """Spans merged into a sorted union, with a fast "is this range inside one" check."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.spans = [(start, end) for start, end in merged]
        self.starts = [start for start, _ in self.spans]

    def covers(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, start) - 1
        return index >= 0 and end <= self.spans[index][1]


def _phrase_spans(doc: Doc) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of safe phrases (institutions, provinces, landmarks), and of the regions among them."""
    text, rules = doc.text, doc.rules
    safe, regions = [], []
    for token in r.PHRASE_TOKEN.finditer(text):
        start = token.start()
        for phrase in rules.safe_phrases.get(token.group(), ()):
            end = start + len(phrase)
            if (
                text.startswith(phrase, start)
                and word_start(text, start, "-")
                and not (end < len(text) and (text[end].isalnum() or text[end] in "_-"))
            ):
                safe.append((start, end))
                if phrase in rules.region_names:
                    regions.append((start, end))
                break
    return safe, regions


# --- simple regex rules --------------------------------------------------------------------


def _plain_rules(doc: Doc) -> Iterator[Finding]:
    rules = doc.rules
    for kind, pattern in (
        ("url", r.URL),
        ("handle", r.QUOTED_HANDLE),
        ("plate", rules.plate),
        ("address", rules.housing),
    ):
        for match in doc.finditer(pattern):
            span = match.span("hit") if "hit" in match.re.groupindex else match.span()
            yield doc.finding(kind, *span)


# --- phone numbers, NIK, e-mail, handles, bare URLs ----------------------------------------


def _is_phone_digits(digits: str) -> bool:
    """Indonesian numbers: 62 or 0, then a mobile (8...) or area code, 8 to 12 more digits."""
    if digits.startswith("62"):
        rest = digits[2:]
    elif digits.startswith("0"):
        rest = digits[1:]
    else:
        return False
    return bool(rest) and rest[0] in "23456789" and 8 <= len(rest) <= 12


def _phone_end(candidate: str) -> int:
    """Length of the longest valid phone number at the start of ``candidate`` (0 if none).

    The pattern is greedy and may swallow a following number ("0812 3456 7890 2024"), so
    digit groups are dropped from the right until the rest is a plausible number.
    """
    ends = [match.end() for match in re.finditer(r"\d+", candidate)]
    for end in reversed(ends):
        head = candidate[:end]
        if r.TIMES_ONLY.fullmatch(head):  # "08.00-12.00-13.00" is a timetable, not a number
            return 0
        if _is_phone_digits(re.sub(r"\D", "", head)):
            return end
    return 0


LETTER_DIGITS = str.maketrans("OoIl", "0011")


def _phones(doc: Doc) -> Iterator[Finding]:
    if not doc.has_digit:
        return
    for match in r.PHONE.finditer(doc.text):
        length = _phone_end(match.group())
        if length and re.sub(r"\D", "", match.group()[:length]) not in doc.rules.hotline_digits:
            yield doc.finding("phone", match.start(), match.start() + length)
    for match in doc.finditer(r.LETTER_PHONE):
        hit = match.group()
        if not word_start(doc.text, match.start()) or not re.search("[OoIl]", hit):
            continue
        digits = re.sub(r"\D", "", hit.translate(LETTER_DIGITS))
        if _is_phone_digits(digits):
            yield doc.finding("phone", *match.span())


def _long_numbers(doc: Doc) -> Iterator[Finding]:
    """16 digits in any grouping is a NIK or KK number; after "NIK"/"KK", 10 digits are enough."""
    text = doc.text
    if not doc.has_digit:
        return
    for match in r.DIGIT_RUN.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) < 10:
            continue
        groups = re.findall(r"\d+", match.group())
        if all(r.YEAR_GROUP.fullmatch(group) for group in groups):
            continue  # "2020 2021 2022 2023"
        if r.MONEY_BEFORE.search(doc.lower, max(0, match.start() - 5), match.start()):
            continue
        cued = r.NIK_CUE.search(doc.lower, max(0, match.start() - 40), match.start())
        if len(digits) == 16 or (cued and 10 <= len(digits) <= 20):
            yield doc.finding("nik", *match.span())


def _unit_numbers(doc: Doc) -> Iterator[Finding]:
    """A scout troop, a boat, a passport or a birth certificate by its number ("Gudep 05.123",
    "KM Sinar Bahari 05", "passport C 4471920", "akta 3578-LT-12062010-0045")."""
    for match in doc.finditer(r.UNIT_NUMBER):
        yield doc.finding("address", *match.span())
    if not doc.has_digit:
        return
    for match in doc.finditer(r.COORDINATES):
        # Separated by a space only: "-6.9147 107.6098" (signed), not "1.2345 2.3456".
        if not match.group("bare") or doc.text[match.start()] in "-−":
            yield doc.finding("address", *match.span())
    reach = 0
    for degree in re.finditer("°", doc.text) if "°" in doc.text else ():
        head = r.DEGREE_HEAD.search(doc.text, max(reach, degree.start() - 6), degree.start())
        match = r.COORDINATES_DMS.match(doc.text, head.start()) if head else None
        if match and word_start(doc.text, match.start(), ".,-"):
            reach = match.end()
            yield doc.finding("address", *match.span())
    for match in doc.finditer(r.DOCUMENT_NUMBER):
        if len(r.DIGIT.findall(match.group("hit"))) >= 6:
            yield doc.finding("nik", *match.span("hit"))


def _postcodes(doc: Doc) -> Iterator[Finding]:
    """A postcode after its name ("Kode pos 55281", "postcode 80361"): it narrows a home to one kelurahan."""
    for match in doc.finditer(r.POSTCODE_CUE):
        yield doc.finding("address", *match.span("hit"))


def _nicknamed_names(doc: Doc) -> Iterator[Finding]:
    """A full name with the nickname between given and family name: "Josephine (Jo) Pattiasina",
    "Agustina 'Tina' Manuhutu" (every part a name-like word)."""
    text, rules = doc.text, doc.rules
    if "(" not in text and not r.HAS_QUOTE.search(text):
        return
    for match in doc.finditer(r.NICKNAMED_NAME):
        parts = [
            match.group("first"),
            match.group("nick") or match.group("nick2"),
            *match.group("last").split(),
        ]
        if all(part in rules.given_names or _name_like(rules, part) for part in parts) and not any(
            part in rules.cities for part in parts
        ):
            yield doc.finding("name", *match.span())


def _group_names(doc: Doc) -> Iterator[Finding]:
    """A quoted group or server name that ends in a place ("grup 'Info Warga Tegalsari'", "server
    'Mabar Pontianak Barat'"); its first word is the group's kind. A listed place, a word shaped like a
    village name, or a district of a major city counts; a province, island or major city is fine."""
    rules = doc.rules
    for match in doc.finditer(r.GROUP_NAME_CUE):
        start, end = match.span("hit")
        words = doc.text[start:end].split()
        if len(words) < 2 or not all(re.fullmatch(r"[A-Z][\w'’-]*|\d+", word) for word in words):
            continue
        for index in range(1, len(words)):
            word, place = words[index], " ".join(words[index:])
            district = word in rules.major_cities and place[len(word) :].strip() in r.COMPASS_WORDS
            if rules.is_coarse(place) and not district:
                break  # "Satgas PPA Jawa Barat", "Info Loker Surabaya"
            listed = word in rules.cities or " ".join(words[index : index + 2]) in rules.cities
            toponym = not rules.is_word(word) and bool(r.TOPONYM.fullmatch(word.lower()))
            if district or listed or toponym:  # "Mabar Pontianak Barat", "Info Warga Tegalsari"
                yield doc.finding("village", start, end)
                break
        else:
            # 'server Discord "Mabar Squad Balige"': the last word no ordinary or English-looking word, the name
            # of a town or a person the group is named after (since the eighth blind batch)
            last = words[-1]
            if (
                len(words) >= 3
                and _name_like(rules, last)
                and not r.ENGLISH_SHAPE.search(last.lower())
                and last.lower() not in r.EN_STOP
                and last.lower() not in r.CHAT_PARTICLES
                and len(last) >= 4
                and not rules.is_coarse(last)
            ):
                yield doc.finding("village", start, end)


def _student_numbers(doc: Doc) -> Iterator[Finding]:
    """A student number after "NIS", "nomor induk siswa" or "student ID", however short."""
    if doc.words.isdisjoint(r.STUDENT_WORDS):
        return
    for match in doc.finditer(r.STUDENT_NUMBER):
        digits = re.sub(r"\D", "", match.group("hit"))
        if len(digits) < 4 or all(
            r.YEAR_GROUP.fullmatch(group) for group in re.findall(r"\d+", match.group("hit"))
        ):
            continue  # "NIS 12", "student ID 2024", "NIS 2024/2025"
        if r.NOT_AN_ID_AFTER.match(doc.lower, match.end()) or not word_end(doc.text, match.end()):
            continue  # "NISN 10 digit", "NIS 1234 siswa"
        yield doc.finding("nik", *match.span("hit"))


def _spelled_numbers(doc: Doc) -> Iterator[Finding]:
    """Digits written as words ("nol delapan satu dua ...", "zero eight one two ...")."""
    text = doc.text
    for match in doc.finditer(r.SPELLED_DIGITS):
        if not word_end(text, match.end()):
            continue
        tokens = re.findall(r"[A-Za-z]+|\d+", match.group())
        if all(token.isdigit() for token in tokens):
            continue  # plain digits are the phone and NIK rules' business
        digits = _spelled_digits(tokens)
        if len(digits) == 16:
            yield doc.finding("nik", *match.span())
        elif len(digits) >= 9 or _is_phone_digits(digits):
            yield doc.finding("phone", *match.span())


def _spelled_digits(tokens: list[str]) -> str:
    """ "nol delapan double tiga" -> "0833"; "plus enam dua" -> "62"."""
    digits, repeat = [], 1
    for token in tokens:
        low = token.lower()
        if low in ("double", "dobel", "triple"):
            repeat = 3 if low == "triple" else 2
            continue
        if low != "plus":
            digits.append((token if token.isdigit() else r.DIGIT_WORDS[low]) * repeat)
        repeat = 1
    return "".join(digits)


def _email_at(doc: Doc, pos: int) -> Finding | None:
    """An e-mail address around the "@" at ``pos``: "nama@gmail.com", "nama @ gmail.com",
    "nama . putri @ gmail . com"."""
    text = doc.text
    local = r.LOCAL_PART.search(text, max(0, pos - 64), pos)
    domain = r.DOMAIN.match(text, pos + 1)
    if not local or not domain or local.group().endswith(" ") != domain.group().startswith(" "):
        return _spaced_email_at(doc, pos)
    if not word_end(text, domain.end()) or text[local.start()] == " ":
        return None
    return doc.finding("email", local.start(), domain.end())


def _spaced_email_at(doc: Doc, pos: int) -> Finding | None:
    """ "andriyani . putri @ gmail . com": spaces around the dots, the domain ending in a known TLD."""
    lower = doc.lower
    local = r.SPACED_LOCAL.search(lower, max(0, pos - 64), pos)
    domain = r.SPACED_DOMAIN.match(lower, pos + 1)
    if (
        not local
        or not domain
        or not word_end(lower, domain.end())
        or not word_start(lower, local.start(), ".")
    ):
        return None
    if not any(char.isalpha() for char in local.group()):
        return None  # "3 hari @ Rp 25.000": a price, not an address
    return doc.finding("email", local.start(), domain.end())


def _at_signs(doc: Doc) -> Iterator[Finding]:
    """E-mail addresses and @handles, found from the "@" outwards (cheaper than a full scan)."""
    text = doc.text
    for at in r.AT_SIGN.finditer(text):
        pos = at.start()
        email = _email_at(doc, pos)
        if email:
            yield email
            continue
        handle = r.HANDLE.match(text, pos + 1)
        if handle and word_start(text, pos, "@./"):
            yield doc.finding("handle", pos, handle.end())


def _obfuscated_emails(doc: Doc) -> Iterator[Finding]:
    """ "nama[at]gmail[dot]com", "nama (at) gmail.com", "nama at gmail dot com"."""
    text = doc.lower
    if not ("dot" in doc.words or "titik" in doc.words or r.BRACKETED.search(text)):
        return
    for at in r.OBFUSCATED_AT.finditer(text):
        local = r.LOCAL_PART.search(text, max(0, at.start() - 64), at.start())
        domain = r.OBFUSCATED_DOMAIN.match(text, at.end())
        if not local or not domain or local.group().endswith(" ") or not word_end(text, domain.end()):
            continue
        if (
            local.group().strip() in r.EXAMPLE_EMAIL_WORDS
            and domain.group().split()[0] in r.EXAMPLE_EMAIL_WORDS
        ):
            continue  # "nama @ domain titik com": the shape of an address, written as an example
        bracketed = "[" in at.group() or "(" in at.group() or "<" in at.group() or "{" in at.group()
        if bracketed or r.HAS_DOT_WORD.search(domain.group()):
            yield doc.finding("email", local.start(), domain.end())


def _cued_handles(doc: Doc) -> Iterator[Finding]:
    """Account names without "@" after an account word: "akun IG dinda_cantik", "username gamer123"."""
    rules = doc.rules
    for match in doc.finditer(rules.handle_cue):
        hit = doc.text[match.start("hit") : match.end("hit")]
        if hit.lower() in rules.common or hit.lower() in rules.handle_cue_words or rules.is_safe_word(hit):
            continue
        if r.MONEY_TOKEN.fullmatch(doc.text[match.start("hit") :].split(None, 1)[0].rstrip(".,;:!?)")):
            continue  # "di Instagram, IDR50,000": an amount, not an account
        if r.HANDLE_SHAPE.match(hit) and not hit.isdigit():
            yield doc.finding("handle", *match.span("hit"))
            continue
        if _plain_handle(rules, match, hit):
            yield doc.finding("handle", *match.span("hit"))


def _discord_tags(doc: Doc) -> Iterator[Finding]:
    """Discord tags: "ShadowFox#4821", "kucingoren#0937", "Raven.Night#2210"."""
    text, rules = doc.text, doc.rules
    if "#" not in text:
        return
    for number in r.DISCORD_NUMBER.finditer(text):
        name = r.DISCORD_NAME.search(text, max(0, number.start() - 32), number.start())
        if not name or len(name.group()) < 2 or not word_start(text, name.start(), "@/#"):
            continue
        if name.group().lower() in rules.ordinary:
            continue  # "issue#1234"
        yield doc.finding("handle", name.start(), number.end())


def _game_names(doc: Doc) -> Iterator[Finding]:
    """A user name a few words after "IGN", "nick", "username" or "ID game", in the same sentence:
    "IGN pelaku di Mobile Legends adalah XxSniperxX", "his nick in the game was LordVexx"."""
    text, rules = doc.text, doc.rules
    if doc.words.isdisjoint(r.OUTRIGHT_HANDLE_CUES):
        return
    reach = 0
    for site in doc.anchor_sites(r.OUTRIGHT_HANDLE_CUES):
        if site < reach or text[site - 1 : site] == ".":
            continue  # "situs.go.id"
        stop = r.WINDOW_END.search(text, site, site + 80)
        end = stop.start() if stop else min(len(text), site + 80)
        if not r.ACCOUNT_SHAPE.search(text, site, end):
            continue
        for token in r.NAME_TOKEN.finditer(text, site, end):
            hit = token.group()
            if not word_start(text, token.start(), "@/#") or not word_end(text, token.end()):
                continue
            if sum(char.isalpha() for char in hit) < 2 or not r.STRONG_HANDLE.match(hit):
                continue  # "12345678" (the cued-handle rule's), "__"
            if hit.lower() in rules.handle_cue_words:
                continue
            if rules.is_safe_word(hit) or hit in rules.acronyms or rules.is_word(hit):
                continue  # "YouTube", "KBGO"
            if hit.isupper() and len(hit) <= 5:
                continue  # "PS4", "MP4": a product, not an account
            reach = token.end()
            yield doc.finding("handle", *token.span())
            break


def _word_split_phones(doc: Doc) -> Iterator[Finding]:
    """A phone number split by a word, as people dictate it: "0815 sambung 4433 2211"."""
    if not doc.has_digit or not r.SPLIT_WORD.search(doc.lower):
        return
    for match in doc.finditer(r.WORD_SPLIT_PHONE):
        if _is_phone_digits(re.sub(r"\D", "", match.group())):
            yield doc.finding("phone", *match.span())


def _numeric_ids(doc: Doc) -> Iterator[Finding]:
    """A game or user ID in digits: "ID ML-nya 482917365 (2231)", "his Roblox user ID 3456721"."""
    lower = doc.lower
    for match in doc.finditer(r.NUMERIC_ID):
        if not r.RECORD_WORDS.isdisjoint(lower[match.start() : match.start("hit")].split()):
            continue  # "ID laporan 2024001": the number of a report or an order, not of an account
        if r.NOT_AN_ID_AFTER.match(lower, match.end()) or r.MONEY_BEFORE.search(
            lower, max(0, match.start("hit") - 5), match.start("hit")
        ):
            continue  # "UID 10 digit", "ID ... Rp 50000"
        yield doc.finding("handle", *match.span("hit"))


def _clause(text: str, site: int, back: int, ahead: int) -> tuple[int, int]:
    """The part of the sentence around ``site``, at most ``back`` characters before and ``ahead`` after."""
    low, high = max(0, site - back), min(len(text), site + ahead)
    start = max(
        [low] + [found + len(stop) for stop in r.CLAUSE_STOPS if (found := text.rfind(stop, low, site)) >= 0]
    )
    ends = [found for stop in r.CLAUSE_STOPS if (found := text.find(stop, site, high)) >= 0]
    return start, min(ends + [high])


def _account_shaped(rules: Rules, token: str) -> bool:
    """A token shaped like an account name, not a word, product, abbreviation or file name."""
    low = token.lower()
    if (
        r.MONEY_TOKEN.fullmatch(token)
        or low in rules.ordinary
        or low in rules.handle_cue_words
        or rules.is_safe_word(token)
        or token in rules.acronyms
    ):
        return False
    if "." in token:
        parts = low.split(".")
        return (
            bool(r.DOTTED_HANDLE.fullmatch(token))
            and parts[-1] not in r.NOT_HANDLE_ENDS
            and token not in rules.dotted
            and sum(char.isalpha() for char in token) >= 5
        )
    if r.DECORATED_HANDLE.fullmatch(token):
        return True
    if token.isupper() and len(token) <= 5:
        return False  # "PS4": a product
    base = token.rstrip("0123456789")
    if base.lower() in rules.ordinary or rules.is_safe_word(base) or base in rules.acronyms:
        return False  # "iOS17", "Android14", "Windows11": a product and its version
    return bool(r.MIXED_HANDLE.fullmatch(token) or r.LETTERS_DIGITS_HANDLE.fullmatch(token))


def _platform_handles(doc: Doc) -> Iterator[Finding]:
    """An account name near a platform word, before or after it: "akun ML-nya KaiserWolf88", "He goes by
    xXBlazeXx on Snapchat", "On Snapchat she goes by lil.mochi" (the cued-handle rule wants it right after).

    Only the clause around each platform word is searched, for the rare shapes of an account name
    (letters beside digits or capitals, an inner dot)."""
    text, rules = doc.written, doc.rules
    if doc.words.isdisjoint(rules.platform_words):
        return
    reach = 0
    for site in doc.anchor_sites(rules.platform_words):
        start, end = _clause(text, site, 80, 60)
        start = max(start, reach)
        hint = r.HANDLE_HINT.search(text, start, end) if start < end else None
        while hint:
            head = r.TOKEN_START.search(text, max(start, hint.start() - 30), hint.start() + 1)
            token = r.PLATFORM_TOKEN.match(text, head.start()) if head else None
            if (
                token
                and word_start(text, token.start(), "@/#")
                and word_end(text, token.end())
                and _account_shaped(rules, token.group())
            ):
                yield doc.finding("handle", *token.span())
            hint = r.HANDLE_HINT.search(text, max(hint.end(), token.end() if token else 0), end)
        reach = max(reach, end)


def _bare_handles(doc: Doc) -> Iterator[Finding]:
    """Account names written without "@" or an account word: "kakak.baik.hati", "gadis_desa"."""
    text, reach = doc.text, 0
    for joint in r.HANDLE_JOINT.finditer(text):
        pos = joint.start()
        if pos < reach or pos == 0 or not ("a" <= text[pos - 1] <= "z" or text[pos - 1].isdigit()):
            continue
        head = r.TOKEN_HEAD.search(text, max(0, pos - 30), pos + 1)
        match = r.BARE_HANDLE.match(text, head.start()) if head else None
        if not match or not word_start(text, match.start(), "@./-"):
            continue
        reach, token = match.end(), match.group()
        after = text[match.end() : match.end() + 1]
        if text[match.start() - 1 : match.start()] == "`" or after in ("`", ":"):
            continue  # `last_verified`, "spare_copies: 2": code or a settings key, not an account
        parts = re.split(r"[._]", token.rstrip("_"))
        if not token.islower() and not token.isdigit() and token != token.lower():
            continue  # "sekolah.Setelah": a missing space, not a handle
        if token.replace(".", "").isdigit() or parts[-1] in r.NOT_HANDLE_ENDS:
            continue  # a number ("1.245.000"), a domain or a file name
        letters = [part for part in parts if part.isalpha()]
        if (
            "_" in token
            or (len(parts) >= 3 and max(map(len, parts)) >= 3)
            or (letters and max(map(len, letters)) >= 3 and any(char.isdigit() for char in token))
        ):
            yield doc.finding("handle", *match.span())


def _plain_handle(rules: Rules, match: re.Match[str], hit: str) -> bool:
    """ "username: kakakbaik", "ID-nya 12345678", "akun IG kakakcantik": a plain word as an account name."""
    explicit = match.group("sep").strip(" \t,") or match.group("quote")
    english = _looks_english(match.string, match.start())
    cues = {*match.group("cue").split(), *(match.group("cue2") or "").split()}
    cues |= {word.removesuffix("nya").rstrip("-") for word in (match.group("words") or "").split()}
    if not cues.isdisjoint(r.OUTRIGHT_HANDLE_CUES):
        if hit.isdigit():
            return len(hit) >= 8 or bool(explicit) and len(hit) >= 5
        return bool(explicit) and not english and hit.islower() and len(hit) >= 4 and not rules.is_word(hit)
    # "akun IG kakakcantik" (two account words, or an explicit "IG: ..."), in Indonesian text:
    # one long lower-case word that is no ordinary word or verb form.
    if not (explicit or match.group("cue2")) or english:
        return False
    return hit.isalpha() and hit.islower() and len(hit) >= 6 and rules.is_name_like(hit)


def _bare_urls(doc: Doc) -> Iterator[Finding]:
    """Links without a scheme, such as instagram.com/xyz or wa.me/62...: found from the ".com/" outwards."""
    for tail in r.BARE_URL_TAIL.finditer(doc.lower):
        head = r.DOMAIN_HEAD.search(doc.lower, max(0, tail.start() - 64), tail.start())
        if head and word_start(doc.lower, head.start(), "@./-"):
            yield doc.finding("url", head.start(), tail.end())


def _plates(doc: Doc) -> Iterator[Finding]:
    """Plates in lower or mixed case ("b 1234 xyz") after a vehicle or plate word."""
    pattern, reach = doc.rules.plate_lower, 0
    if pattern.triggers.isdisjoint(doc.words) or not r.DIGIT.search(doc.lower):
        return
    for site in doc.anchor_sites(pattern.triggers):
        if not r.DIGIT.search(doc.lower, max(site, reach), site + 48):
            continue  # no number, no plate: cheaper than the plate pattern
        match = pattern.regex.search(doc.lower, max(site, reach), site + 48)
        if not match or doc.text[match.start() : match.end()].isupper():
            continue  # upper case is the plain plate rule's
        if word_start(doc.lower, match.start(), "-") and r.PLATE_CUE.search(
            doc.lower, max(0, match.start() - 40), match.start()
        ):
            reach = match.end()
            yield doc.finding("plate", *match.span())


# --- initials ------------------------------------------------------------------------------


def _inside_title(text: str, pos: int) -> bool:
    """True if a capitalised word at ``pos`` follows another one: "Komite Hak Anak PBB"."""
    before = _words_before(text, pos)
    ends_sentence = pos >= 2 and text[pos - 2] in ".!?:"
    return text[pos].isupper() and bool(before) and text[before[0][0]].isupper() and not ends_sentence


def _quoted_label(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] in "\"“'‘" and end < len(text) and text[end] in "\"”'’"


LABEL_CUES = frozenset(
    [
        "Child",
        "Student",
        "Pupil",
        "Victim",
        "Girl",
        "Boy",
        "Offender",
        "Anak",
        "Siswa",
        "Siswi",
        "Murid",
        "Korban",
        "Pelaku",
        "Remaja",
    ]
)


def _label_sets(doc: Doc, matches: list[re.Match[str]]) -> set[int]:
    """Starts of labels such as "Child A" that stand in a sentence with another such label ("Child A and
    Child B were both ..."): a set of letters is a labelling scheme, not a child's initials."""
    by_sentence: dict[tuple[int, int], set[str]] = defaultdict(set)
    labels = []
    for match in matches:
        if match.group("cue").capitalize() in LABEL_CUES and len(match.group("hit").rstrip(".")) == 1:
            sentence = _sentence_around(doc.text, match.start(), match.end())
            by_sentence[sentence].add(match.group("hit"))
            labels.append((match.start(), sentence))
    return {start for start, sentence in labels if len(by_sentence[sentence]) >= 2}


def _english_placeholder(cue: str, hit: str) -> bool:
    """ "Child B", "Anak B", "korban C": a label for a child and ONE capital letter is the placeholder of an
    anonymised report, not initials; two letters or more are ("Anak AB", "Anak A.B.", "korban RN")."""
    label = cue in r.EN_PLACEHOLDER_CUES or cue.capitalize() in r.ID_PLACEHOLDER_CUES
    return label and len(hit.rstrip(".")) == 1


def _cued_initials(doc: Doc) -> Iterator[Finding]:
    text, rules = doc.text, doc.rules
    matches = list(doc.finditer(rules.initial_cue))
    labelled = _label_sets(doc, matches) if len(matches) > 1 else set()
    for match in matches:
        if match.start() in labelled or _english_placeholder(match.group("cue"), match.group("hit")):
            continue
        hit = match.group("hit")
        explicit = match.group("cue").lower().startswith(("berinisial", "inisial", "initial"))
        acronym = hit.replace(".", "") in rules.acronyms
        if (acronym or _inside_title(text, match.start())) and not explicit:
            continue
        # "a girl, R, was ..." is an apposition; "the girl, A friend ..." is not.
        if "," in match.group("sep") and not re.match(r"[ \t]*[,(]", text[match.end() : match.end() + 4]):
            continue
        if _quoted_label(text, match.start(), match.end()):
            continue  # 'label samaran seperti "Anak A"': a label named, not a child
        if not explicit and r.LABEL_BEFORE.search(doc.lower, max(0, match.start() - 100), match.start()):
            continue  # "cards labelled Child A, Child B": role-play labels, not children
        start = match.start("hit") if explicit else match.start()
        yield doc.finding("initials", start, match.end())


def _initials(doc: Doc) -> Iterator[Finding]:
    text, rules = doc.text, doc.rules
    yield from _cued_initials(doc)
    for age in r.AGE_AFTER_INITIALS.finditer(text) if doc.has_digit else ():
        letters = r.INITIALS_BEFORE.search(text, max(0, age.start() - 12), age.start())
        label = r.PREV_WORD.search(text, max(0, letters.start() - 12), letters.start()) if letters else None
        if label and _english_placeholder(label.group(1), letters.group().strip()):
            continue  # "Child B, 11, was referred"
        if (
            letters
            and word_start(text, letters.start(), ".")
            and letters.group().strip().replace(".", "") not in rules.acronyms
        ):
            yield doc.finding("initials", letters.start(), age.end())
    for tail in r.DOTTED_TAIL.finditer(text):
        start = tail.start() - 1
        if (
            start >= 0
            and "A" <= text[start] <= "Z"
            and word_start(text, start, ".")
            and text[start : tail.end()] not in rules.dotted
        ):
            yield doc.finding("initials", start, tail.end())


# --- personal names ------------------------------------------------------------------------


def _cued_names(doc: Doc) -> Iterator[Finding]:
    """Names after an honorific ("Bu Ratna") or a naming cue ("bernama Joko", "called Dimas")."""
    rules = doc.rules
    for match in doc.finditer(rules.honorific):
        first = match.group("first")
        if first and first.lower() in rules.name_prefixes and len(match.group().split()) == 2:
            continue  # "Pak Haji", "Bu Hajjah", "Mbak Kakak": a form of address twice, no name
        if first and (
            first.lower() in rules.roles
            or (
                first.lower() in rules.common
                and first not in rules.given_names
                and first not in rules.word_names
            )
        ):
            continue  # "Bu Guru", and nicknames made of ordinary words: "Om Baik", "Kak Manis"
        yield doc.finding("name", *match.span())
    for match in doc.finditer(rules.name_cue):
        words = match.group("hit").split()
        if words[0] == "A" and len(words) > 1:
            words = words[1:]  # "bernama A Hong": a Chinese-Indonesian nickname, "A" and a name
        # "called Acil by her friends": a nickname people use, even if it is also a form of address
        # (but not "called Bunga by the researchers (not her real name)")
        used = r.NICKNAME_USERS_AFTER.match(doc.lower, match.end("hit")) is not None and not (
            r.PSEUDONYM_WORDS_RE.search(
                doc.lower, match.end("hit"), _sentence_around(doc.text, *match.span())[1]
            )
        )
        titled = words[0].lower() in rules.name_prefixes and not used
        while len(words) > 1 and words[0].lower() in rules.name_prefixes:
            words = words[1:]  # "panggilan Pak Kades": a title before a role is no name
        first = words[0]
        if (
            first.lower() in rules.roles
            or first in rules.function_words
            or (titled and first.lower() in rules.name_prefixes)
        ):
            continue
        if match.group("cue").lower() in r.OWNER_CUES and not (
            first in rules.given_names or _name_like(rules, first)
        ):
            continue  # "milik Yayasan", "owned by Meta": an institution or a company owns it, not a person
        if match.group("cue").lower().split()[-1] in ("dari", "of") and not (
            first in rules.given_names or _name_like(rules, first)
        ):
            continue  # "anak dari Keluarga Harapan", "son of Kekerasan ...": a parent is named, not a thing
        thing = doc.prev_word(match.start())
        if thing in rules.venue_nouns:
            if not all(word in rules.landmark_generic for word in match.group("hit").split()):
                yield doc.finding("address", *match.span("hit"))  # "sebuah warung bernama Sido Mampir"
            continue
        if thing in rules.thing_nouns or (
            first.lower() in rules.common
            and first not in rules.given_names
            and first not in rules.word_names  # "mengaku bernama Melati": a flower given as a name
            and not used
        ):
            continue  # "dipanggil si Pendiam": a nickname made of an ordinary word, like "Kak Manis"
        start = match.start() if match.group("cue").lower() == "si" else match.start("hit")
        yield doc.finding("name", start, match.end("hit"))


def _owner_names(doc: Doc) -> Iterator[Finding]:
    """The owner after a noun, in the Indonesian order: "nilai Josua turun", "orang tua Rahel", "kamar Yohanes"
    (see possessor_nouns.txt); not an ordinary word, a place or an institution ("nilai Pancasila")."""
    rules = doc.rules
    for match in doc.finditer(rules.possessor):
        words = match.group("hit").split()
        if _name_like(rules, words[0]) and not rules.is_coarse(" ".join(words)):
            end = match.start("hit") + len(words[0])
            for word in words[1:]:
                if not _name_like(rules, word):
                    break
                end = doc.text.index(word, end) + len(word)
            yield doc.finding("name", match.start("hit"), end)


def _quoted_names(doc: Doc) -> Iterator[Finding]:
    """A saved contact name or nickname in quotes: 'disimpan dengan nama "Jovan"', 'called "Ocha"'."""
    text, rules = doc.text, doc.rules
    if rules.quoted_cue_words.isdisjoint(doc.words):
        return
    for quote in r.QUOTED_NAME.finditer(text):
        start, end = quote.span("hit")
        if not word_start(text, quote.start()) or not word_end(text, quote.end()):
            continue
        cue = rules.quoted_name_cue.search(doc.lower, max(0, quote.start() - 60), quote.start())
        if not cue:
            continue
        # 'known in the village as "Gendut"': a thing noun after "in"/"di" says where, not what is named
        gap = set(r.LOCATIVE.sub(" ", cue.group("gap")).split())
        if gap & r.PSEUDONYM_WORDS and not _alias_in_use(doc, cue.start()):
            continue  # 'nama samaran "Dinda"' (but 'pelaku memakai nama samaran "Om Jek"')
        if gap & rules.thing_nouns:
            continue  # 'saved the photo as "Pantai"'
        words = quote.group("hit").split()
        thing = "" if gap else doc.prev_word(cue.start())
        if thing in rules.venue_nouns:
            if not all(word in rules.landmark_generic for word in words):
                yield doc.finding("address", start, end)  # 'an internet café called "Raja Game"'
            continue
        if thing in rules.thing_nouns:
            continue  # 'an app called "Wizz"' (but 'the club called him "Kipli"')
        if words[0][0].islower():
            if len(words) == 2:  # 'om dedi', 'dek tiara': a lower-case form of address, then a name
                if words[0] in rules.name_prefixes and (
                    words[1] in rules.name_words_lower or rules.is_name_like(words[1])
                ):
                    yield doc.finding("name", start, end)
            elif words[0] in rules.name_words_lower:
                yield doc.finding("name", start, end)
            continue  # a lower-case word in quotes is a label ('calling her "flirty"'), not a name
        if len(words) >= 3 and words[-1].isdigit() and 2 <= len(words[-1]) <= 3:
            yield doc.finding("name", start, end)  # a driver's or player's name: 'Ambon Manise 88'
            continue
        if len(words) > 1 and any(word in rules.cities for word in words[1:]):
            yield doc.finding("name", start, end)  # 'Papi Gaul Serpong': a contact name with the town
            continue
        if words[-1].isdigit():
            continue  # 'called "Windows 10"', 'saved as "Kelas 7"'
        while words and words[0].lower() in rules.name_prefixes:
            words = words[1:]  # '"Kak Dion"', '"Kakak Baik"': the name, if any, follows the honorific
        if not words or rules.is_word(words[0]) or words[0] in rules.acronyms or words[0] in rules.not_place:
            continue
        if (
            rules.is_safe_word(words[0])
            or rules.is_coarse(" ".join(words))
            or words[0] in rules.function_words
        ):
            continue
        yield doc.finding("name", start, end)


def _alias_in_use(doc: Doc, pos: int) -> bool:
    """True if the pseudonym before ``pos`` is one someone used ('pelaku memakai nama samaran "Om Jek"',
    'he used the fake name "Rafa"'), not one the author gave ('kami beri nama samaran "Dinda"')."""
    window = doc.lower[max(0, pos - 60) : pos + 40]
    used = r.ALIAS_IN_USE.search(window)
    return bool(used) and not r.AUTHOR_WORDS.search(window, 0, used.start())


def _quoted_accounts(doc: Doc) -> Iterator[Finding]:
    """An account or profile name in quotes after an account word: 'nama akun "Bunda Peduli"', 'akun FB
    "Rendy Ganteng Pol"', 'a profile named "Kakak Baik"' (only a platform or a word such as "pelaku" between). Ordinary words make a searchable account name too when
    they make a persona (a kinship word, a form of address or a name), not a description ('"Info Loker Terbaru"')."""
    rules = doc.rules
    if rules.account_cue.triggers.isdisjoint(doc.words) or not r.HAS_QUOTE.search(doc.text):
        return
    for match in doc.finditer(rules.account_cue):
        gap = {word.removesuffix("-nya") for word in match.group("gap").split()}
        if not gap <= r.ACCOUNT_GAP_WORDS | rules.platform_words | rules.handle_cue_words:
            continue  # 'akun itu menawarkan "kerja sampingan"', 'akun pelaku melalui fitur "Laporkan"'
        start, end = match.span("hit")
        words = doc.text[start:end].split()
        if not any(char.isalpha() for char in doc.text[start:end]) or r.FICTIONAL_MARK.match(
            doc.text, end + 1
        ):
            continue
        persona = [
            word
            for word in words
            if (low := word.lower()) in rules.kin_words
            or low in rules.name_prefixes
            or low in rules.name_words_lower
            or _name_like(rules, word)
        ]
        if (
            persona
        ):  # a person or a name ("Bunda Peduli", "Rendy Ganteng Pol"), not a description ("Info Loker")
            yield doc.finding("handle", start, end)


def _after_name(doc: Doc, pos: int) -> bool:
    """True if a personal name ends just before ``pos`` ("Yanto alias", "Rahmat als.", "dedi als")."""
    match = r.PREV_WORD.search(doc.text, max(0, pos - 40), pos)
    if not match or "\n" in doc.text[match.end(1) : pos] or "." in doc.text[match.end(1) : pos]:
        return False
    word, rules = match.group(1), doc.rules
    if word.lower() in rules.name_words_lower:
        return True
    return (
        word[:1].isupper()
        and not rules.is_word(word)
        and word not in rules.acronyms
        and not rules.is_safe_word(word)
        and not _at_sentence_start(doc.text, match.start(1))
    )


def _alias_end(rules: Rules, text: str, first: re.Match[str]) -> int:
    """End of a capitalised alias: up to three words, stopping at an ordinary word or verb form
    ("Dedi Als Kribo Mengaku ..." -> "Kribo")."""
    end = first.end()
    for _ in range(2):
        word = r.NEXT_CAP_WORD.match(text, end)
        if not word or rules.is_word(word.group(1)) or r.AFFIXED.fullmatch(word.group(1).lower()):
            break
        end = word.end()
    return end


def _aliases(doc: Doc) -> Iterator[Finding]:
    """An alias: "Rahmat als. Gondrong", "DEDI ALS KRIBO", "the recruiter, aka Boyke", "yanto als. codet"."""
    text, rules = doc.text, doc.rules
    if rules.alias_words.isdisjoint(doc.words) and "a.k.a" not in doc.lower and "a/k/a" not in doc.lower:
        return
    for match in doc.finditer(rules.alias):
        named = _after_name(doc, match.start())
        if match.group("cue").rstrip(".") in rules.alias_after_name_only and not named:
            continue
        if r.ACRONYM_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue  # "TPKS alias Tindak Pidana Kekerasan Seksual": an acronym spelled out
        alias = r.ALIAS_WORD.match(text, match.end())
        if not alias or not word_end(text, alias.end()):
            continue
        first = alias.group()
        if first[0].islower():  # "menolak, alias tidak mau" is no alias; "yanto als. codet" is
            if first in rules.name_words_lower or (named and rules.is_name_like(first)):
                yield doc.finding("name", *alias.span())
            continue
        if first.lower() in rules.roles or first in rules.function_words or first in rules.acronyms:
            continue  # "aka Child Sexual Abuse Material", "alias KBGO"
        if rules.is_safe_word(first) or rules.is_coarse(first) or (rules.is_word(first) and not named):
            continue  # "alias Siber", "aka Online Child Sexual Exploitation"
        yield doc.finding("name", alias.start(), _alias_end(rules, text, alias))


def _at_sentence_start(text: str, pos: int) -> bool:
    """True at the start of a sentence, heading or list item (after Markdown markers)."""
    window = text[max(0, pos - 40) : pos]
    return bool(r.SENTENCE_LEAD.search("\n" + window if pos <= 40 else window))


def _is_listed_name(doc: Doc, words: list[Word], index: int) -> bool:
    rules, word = doc.rules, words[index][2]
    if word not in rules.given_names:
        return False
    if index > 0 and words[index - 1][2] in rules.name_prefix_stops:
        return False
    following = words[index + 1][2] if index + 1 < len(words) else ""
    if following in rules.name_suffix_stops:
        return False
    if (
        not following
        and r.WORD_MEANING.match(doc.lower, words[index][1])
        and _at_sentence_start(doc.text, words[index][0])
    ):
        return False  # "Wulan dalam bahasa Jawa berarti bulan": the name talked about as a word
    if not following and word.lower() in r.EN_WORD_NAMES and _english_word_use(doc, words[index]):
        return False  # "Sandy beaches", "Grace period", "May we", "Hope is what keeps them going"
    if not following and word.lower() in rules.common and _ordinary_use(doc, words[index]):
        return False  # "Ayu dan cantik adalah kata ...", "Sandi akun korban ...", "Lestari alam, lestari generasi"
    if following and word.lower() in rules.common and _thing_after(doc, words[index], following):
        return False  # "Sandi Wi-Fi sekolah ...": the password of a thing, not a person
    ambiguous = word in rules.ambiguous_names and following not in rules.given_names | rules.surnames
    if not ambiguous and word not in rules.phrase_heads:
        return True
    after = following or ((match := r.LOWER_WORD.match(doc.text, words[index][1])) and match.group(1)) or ""
    if after and word in rules.phrase_heads and _ordinary_phrase(doc, word, after, words[index][0]):
        return False  # "Budi pekerti", "Putri sulung", "Sari dari diskusi ini"
    # "Made", "Indah", "Bintang" are also ordinary words: at a sentence start they are only a
    # name when another listed name follows ("Made Suarta"), or an English verb ("Citra has been absent").
    if ambiguous:
        return (
            not _at_sentence_start(doc.text, words[index][0])
            or after.lower() in r.EN_SUBJECT_VERBS
            or r.PERSON_AFTER_NAME.match(doc.lower, words[index][1])
            is not None  # "Indah baru berusia 11 tahun"
        )
    return True


def _thing_after(doc: Doc, word: Word, following: str) -> bool:
    """True if a name that is also an ordinary word opens a sentence before a capitalised thing it belongs
    to: "Sandi Wi-Fi sekolah" (a password), "Sandi Instagram-nya" (not "Sandi Wijaya")."""
    rules = doc.rules
    if not _at_sentence_start(doc.text, word[0]):
        return False
    low = following.lower()
    return (
        low.replace("-", "") in rules.thing_nouns or low in rules.thing_nouns or rules.is_safe_word(following)
    )


def _ordinary_use(doc: Doc, word: Word) -> bool:
    """True if a name that is also an ordinary word opens a sentence as the word, as the words after it show:
    joined to a lower-case ordinary word ("Ayu dan cantik adalah kata ..."), before a noun ("Sandi akun
    korban ...": a password), or written again in lower case in the same sentence ("Lestari alam, lestari
    generasi"). Not before a person's word ("Ayu dan ibunya", "Ayu dan temannya")."""
    start, end, name = word
    if not _at_sentence_start(doc.text, start):
        return False
    rules, low = doc.rules, name.lower()
    after = r.LOWER_WORD.match(doc.text, end)
    if after:
        second = after.group(1).lower()
        if second in r.JOINING_WORDS and (third := r.LOWER_WORD.match(doc.text, after.end())):
            other = third.group(1).lower()
            if other in r.NEGATIONS:
                return True  # "Lestari atau tidaknya program ini ...": whether it lasts, not a girl
            if other in rules.common and not _personal_word(rules, other):
                return True
            if r.WORDS_AS_WORDS.match(doc.lower, third.end()):
                return True  # "Putri dan pangeran adalah tokoh dalam dongeng": two words talked about
        if second in rules.thing_nouns and not _personal_word(rules, second):
            return True
        third = r.LOWER_WORD.match(doc.text, after.end()) if second in r.DETERMINERS else None
        if third and third.group(1).lower() not in r.TIME_NOUNS:
            return True  # "Rizki tiap orang sudah diatur" (rezeki); not "Rizki tiap hari main gim"
    if r.NATURE_VERB.match(doc.lower, end):
        return True  # "Ayu dalam bahasa Jawa berarti cantik", "Surya terbenam saat kami menutup sesi"
    _, sent_end = _sentence_around(doc.text, start, end)
    again = doc.lower.find(low, end, sent_end)
    while again >= 0:
        if doc.text[again].islower() and word_start(doc.text, again) and word_end(doc.text, again + len(low)):
            return True
        again = doc.lower.find(low, again + len(low), sent_end)
    return False


def _personal_word(rules: Rules, word: str) -> bool:
    """A word for a person: a role, a kinship word ("ibunya"), or a word with a possessive suffix."""
    return word in rules.roles or word in rules.kin_words or word.endswith("nya")


def _english_word_use(doc: Doc, word: Word) -> bool:
    """True if an English word that is also a name opens an English sentence as the word: before a
    lower-case noun or adjective ("Sandy beaches"), a pronoun ("Will you"), or "is what" ("Hope is what");
    not before a verb that fits a person ("Sandy said") or a function word ("Grace and her mother")."""
    start, end, _ = word
    after = r.LOWER_WORD.match(doc.text, end)
    if not after or not _at_sentence_start(doc.text, start) or not _looks_english(doc.lower, start):
        return False
    second = after.group(1).lower()
    if second in r.EN_PRONOUNS:
        return True
    if second in ("is", "was"):
        third = r.LOWER_WORD.match(doc.text, after.end())
        return third is not None and third.group(1).lower() in r.EN_IDEA_AFTER_IS
    return second not in r.EN_SUBJECT_VERBS and second not in r.EN_STOP and not second.endswith("ed")


def _ordinary_phrase(doc: Doc, word: str, after: str, start: int) -> bool:
    """True if a given name and the word after it make an ordinary phrase (name_phrases.txt)."""
    second = after.lower()
    if f"{word.lower()} {second}" not in doc.rules.name_phrases:
        return False
    if second not in r.ID_STOP and second not in r.EN_STOP:
        return True
    # "Sari dari diskusi ini": a function word joins it to a lower-case word, at the start of a sentence only.
    third = r.LOWER_WORD.match(doc.text, start + len(word) + 1 + len(after))
    return _at_sentence_start(doc.text, start) and third is not None


def _name_end(rules: Rules, words: list[Word], index: int) -> int:
    """Index of the last word of a full name starting at ``index`` (up to two more words)."""
    last = index
    while last + 1 < len(words) and last - index < 2:
        word = words[last + 1][2]
        if word in rules.function_words or word.lower() in rules.roles or word in rules.cities:
            break
        if word in rules.region_names:
            break
        last += 1
    return last


def _surname_pair(rules: Rules, words: list[Word], index: int) -> bool:
    """ "Rizal Pratama": an unlisted capitalised word followed by a listed family name."""
    if index + 1 >= len(words) or words[index + 1][2] not in rules.surnames:
        return False
    word = words[index][2]
    return not (
        word in rules.function_words
        or word.lower() in rules.roles
        or word.lower() in rules.common
        or word in rules.name_prefix_stops
        or word.lower() in rules.cue_words
        or rules.is_safe_word(word)
    )


def _chinese_given(rules: Rules, words: list[Word], index: int) -> bool:
    """ "Liem Mei Lan", "Tan Kok Wei": two short given names after a Chinese family name. One of them may
    also be an ordinary word ("Kok", "Bun"), not both ("Tan Hari Raya")."""
    if index + 2 >= len(words):
        return False
    common = 0
    for _, _, word in words[index + 1 : index + 3]:
        low = word.lower()
        if not 2 <= len(word) <= 6 or not word.isalpha() or word in rules.function_words:
            return False
        if low in rules.roles or rules.is_safe_word(word) or low in rules.cue_words:
            return False
        common += low in rules.common
    return common <= 1


def _run_findings(doc: Doc, words: list[Word]) -> Iterator[Finding]:
    """Listed names, family names and city names in one run of capitalised words."""
    rules, index = doc.rules, 0
    while index < len(words):
        start, end, word = words[index]
        if index + 1 < len(words) and f"{word} {words[index + 1][2]}" in rules.cities:
            yield doc.finding("village", start, words[index + 1][1])
            index += 2
        elif word in rules.cities:
            yield doc.finding("village", start, end)
            index += 1
        elif word in rules.chinese_surnames and _chinese_given(rules, words, index):
            yield doc.finding("name", start, words[index + 2][1])
            index += 3
        elif _is_listed_name(doc, words, index) or _surname_pair(rules, words, index):
            last = max(_name_end(rules, words, index), index + (words[index][2] not in rules.given_names))
            yield doc.finding("name", start, words[last][1])
            index = last + 1
        else:
            index += 1


def _listed_words(doc: Doc) -> Iterator[Finding]:
    for words in doc.listed_runs:
        yield from _run_findings(doc, words)


def _lower_cities(doc: Doc) -> Iterator[Finding]:
    """A listed city in lower case after a preposition: "tinggal di bandung", "from surabaya"."""
    text, rules = doc.text, doc.rules
    for city in doc.words & rules.lower_cities:
        pos = text.find(city)
        while pos >= 0:
            end = pos + len(city)
            if word_start(text, pos) and word_end(text, end) and doc.prev_word(pos) in rules.place_preps:
                yield doc.finding("village", pos, end)
            pos = text.find(city, end)


def _lower_name_pairs(doc: Doc) -> Iterator[Finding]:
    """A full name in lower case, no cue needed: two listed names ("dewi lestari"), unless both are
    common words, or a listed given name that is no ordinary word and a family name that is not
    listed but no ordinary word either ("lalu rizky maulidan yg screenshot")."""
    text, rules = doc.text, doc.rules
    for first in doc.words & rules.name_words_lower:
        pos = text.find(first)
        plain_given = first in rules.lower_given_names
        while pos >= 0:
            end = pos + len(first)
            after = r.LOWER_WORD.match(text, end)
            if after and word_start(text, pos) and word_end(text, after.end()):
                second = after.group(1)
                if second in rules.name_words_lower:
                    if not (first in rules.common and second in rules.common):
                        yield doc.finding("name", pos, after.end())
                elif plain_given and rules.is_family_name_like(second):
                    yield doc.finding("name", pos, after.end())
            pos = text.find(first, end)


def _name_like(rules: Rules, word: str) -> bool:
    """True if a capitalised word can be part of a personal name that is not listed."""
    low = word.lower()
    return not (
        low in rules.ordinary
        or word in rules.function_words
        or word in rules.acronyms
        or low in rules.cue_words
        or rules.is_safe_word(word)
        or word in rules.region_names
        or word in rules.not_place
        or r.AFFIXED.fullmatch(low)
    )


def _boru_names(doc: Doc) -> Iterator[Finding]:
    """Batak women's names with "br." or "boru" before the marga: "Lasma br. Sitorus", "Rotua Boru Manurung"."""
    text, rules = doc.text, doc.rules
    if "br" not in doc.words and "boru" not in doc.words:
        return
    for match in doc.finditer(r.BORU):
        if not _name_like(rules, match.group("marga")) or not word_end(text, match.end()):
            continue
        start = match.start()
        for pos, word in _words_before(text, match.start())[:2]:
            if not text[pos].isupper() or not _name_like(rules, text[pos : pos + len(word)]):
                break
            start = pos
        yield doc.finding("name", start, match.end())


def _abbreviated_names(doc: Doc) -> Iterator[Finding]:
    """A name after an abbreviation of Muhammad, in any case: "moh. holil", "Muh. Rizki", "m. arif".
    The word after it must be a listed name or no ordinary word ("m. dari" is no name)."""
    rules = doc.rules
    for match in doc.finditer(r.ABBREVIATED_NAME):
        first = match.group("hit")
        if not (first in rules.name_words_lower or rules.is_name_like(first)):
            continue
        end = match.end("hit")
        more = match.group("more")
        if more and (more in rules.name_words_lower or rules.is_name_like(more)):
            end = match.end("more")
        yield doc.finding("name", match.start(), end)


def _sentence_subjects(doc: Doc) -> Iterator[Finding]:
    """An unknown capitalised word that opens a sentence and is its subject, described as a child or
    doing what a child's profile says: "Apui, anak Dayak Kenyah berusia 12 tahun, ...", "Lenjau tinggal
    di rumah betang ...", "Lenjau lives with her grandmother". An ordinary word, a place, an acronym
    or an affixed word ("Sayangnya, anak itu ...") is no name."""
    text, rules = doc.text, doc.rules
    if doc.words.isdisjoint(r.SUBJECT_CUES):
        return
    # Found from the verb or the description (rare), then the capitalised words before it.
    ends = [
        site - 1
        for site in doc.anchor_sites(r.SUBJECT_VERB.triggers)
        if r.SUBJECT_VERB.regex.match(doc.lower, site)
    ]
    if "," in text:
        ends += [match.start() for match in r.CHILD_APPOSITION_AFTER.finditer(doc.lower)]
    for end in sorted(ends):
        run = r.SUBJECT_RUN.search(text, max(0, end - 60), end)
        if not run or not _at_sentence_start(text, run.start()):
            continue
        if not all(
            word not in rules.cities and all(_name_like(rules, part) for part in word.split("-"))
            for word in run.group().split()
        ):
            continue  # "Anak-anak, siswa kelas 7, ...": a word, not a name
        yield doc.finding("name", run.start(), end)


def _apposition_name(rules: Rules, words: list[Word], last: bool) -> tuple[int, int] | None:
    """The name in a run of capitalised words beside an apposition: its last name-like words, up to
    three ("Kemudian Fransina Wakerkwa, ..."), or (``last`` false) the whole run if it is a name."""
    if last:
        count = 0
        for _, _, word in reversed(words[-3:]):
            if not _name_like(rules, word):
                break
            count += 1
        picked = words[len(words) - count :] if count else []
    else:
        # "The girl, Mei Ling Tjandra, ...": a given name may also be a month, beside another name.
        picked = (
            words
            if len(words) <= 3
            and all(_name_like(rules, word) or word.lower() in rules.months_weekdays for _, _, word in words)
            and any(_name_like(rules, word) for _, _, word in words)
            else []
        )
    return (picked[0][0], picked[-1][1]) if picked else None


def _kin_at(rules: Rules, lower: str, pos: int, end: int | None = None) -> re.Match[str] | None:
    """A kinship phrase about the child at ``pos`` ("ibu korban", "the victim's aunt"), ending at ``end``."""
    match = rules.kin_phrase.match(lower, pos) if end is None else rules.kin_phrase.fullmatch(lower, pos, end)
    return match if match and (match.group("role") or match.group("pre") or match.group("post")) else None


def _appositions(doc: Doc) -> Iterator[Finding]:
    """A name beside a kinship phrase about the child: "Fransina Wakerkwa, mama dari korban, ...",
    "Nenek korban, Welmina Fanggidae, ...", "The mother, Hermina Karubaba, asked for help."."""
    text, lower, rules = doc.text, doc.lower, doc.rules
    if rules.kin_words.isdisjoint(doc.words) or "," not in text:
        return
    for words in doc.runs:
        start, end = words[0][0], words[-1][1]
        if text.startswith(",", end):
            after = r.SPACES.match(text, end + 1).end()
            kin = _kin_at(rules, lower, after)
            if (
                kin
                and r.APPOSITION_END.match(text, kin.end())
                and (span := _apposition_name(rules, words, True))
            ):
                yield doc.finding("name", *span)
                continue
        comma = text.rfind(",", max(0, start - 3), start)
        if comma < 0 or text[comma + 1 : start].strip() or not r.APPOSITION_END.match(text, end):
            continue
        for head in r.WORD_HEAD.finditer(lower, max(0, comma - 60), comma):
            if _kin_at(
                rules, lower, head.start(), r.SPACES_BEFORE.search(lower, head.start(), comma).start()
            ):
                if span := _apposition_name(rules, words, last=False):
                    yield doc.finding("name", *span)
                break


def _titled_names(doc: Doc) -> Iterator[Finding]:
    """A name after a role used as a title ("Tersangka Wenas", "Coach Boni") or in a quoted self-introduction
    ("ini sy, Marselinus, guru olahraga"): a name-like word, not a role, place or ordinary word."""
    rules = doc.rules
    for pattern in (r.ROLE_TITLE, r.SELF_INTRODUCTION):
        for match in doc.finditer(pattern):
            words = match.group("hit").split()
            if not _name_like(rules, words[0]) or words[0].lower() in rules.roles or words[0] in rules.cities:
                continue
            end = match.start("hit") + len(words[0])
            if len(words) > 1 and _name_like(rules, words[1]) and words[1] not in rules.cities:
                end = match.end("hit")
            yield doc.finding("name", match.start("hit"), end)


def _file_names(doc: Doc) -> Iterator[Finding]:
    """A listed given or family name inside a file name joined by underscores ("putri_handayani_BAP.pdf")."""
    if "_" not in doc.text:
        return
    rules = doc.rules
    for match in r.FILE_NAME.finditer(doc.text):
        stem = match.group().rsplit(".", 1)[0]
        pos, names = match.start(), []
        for part in stem.split("_"):
            if part.lower() in rules.name_words_lower:
                names.append((pos, pos + len(part)))
            pos += len(part) + 1
        if names:
            yield doc.finding("name", names[0][0], names[-1][1])


def _homes_in_places(doc: Doc) -> Iterator[Finding]:
    """The place of someone's home: "at his house in Oepura", "rumahnya di Oepura" (an unknown place; a
    province, island or major city is fine)."""
    rules = doc.rules
    for match in doc.finditer(r.HOME_IN_PLACE):
        word = match.group("hit")
        if _name_like(rules, word) and not rules.is_coarse(word) and word not in rules.major_cities:
            yield doc.finding("village", *match.span("hit"))


# --- schools, villages, addresses ----------------------------------------------------------


def _names_something(rules: Rules, words: list[str]) -> bool:
    """True if a school name has a number or a word beyond generic ones ("SD Negeri" alone)."""
    return any(word.isdigit() or word.capitalize() not in rules.school_generic for word in words)


def _madrasah_end(rules: Rules, lower: str, pos: int) -> int:
    """End of "<number> <place>" after a lower-case level that is also a word ("man", "min"), or 0."""
    match = r.NUMBER_PLACE.match(lower, pos)
    if not match or r.UNIT_AFTER.match(lower, match.end("num")):
        return 0  # "min 1 kali", "man 2 tahun"
    place = match.group("place")
    if place in rules.village_cues and match.group("next"):
        return match.end("next")  # "man 1 kota baru", "min 2 kab. garut"
    if place in rules.lower_place_names or (rules.is_name_like(place) and r.TOPONYM.fullmatch(place)):
        return match.end("place")  # "man 2 garut", "min 3 sukamaju"
    if rules.is_name_like(place) and not r.CHAT_VERB.fullmatch(place) and not place.endswith("s"):
        return match.end("place")  # "man 1 sindangraya": any word that is no ordinary word or plural
    return 0


def _schools(doc: Doc) -> Iterator[Finding]:
    text, rules = doc.text, doc.rules
    for head in doc.finditer(rules.school_level):
        level = text[head.start() : head.end()]
        if level.islower() and level in rules.common:
            # "man 1 kota baru", "min 3 tulungagung": a madrasah only with a number and a place.
            if end := _madrasah_end(rules, doc.lower, head.end()):
                yield doc.finding("school", head.start(), end)
            continue  # "a man 2 metres away"
        match = rules.school_name.match(text, head.end())
        if not match:
            continue
        if match.group().strip().isdigit() and r.UNIT_AFTER.match(doc.lower, match.end()):
            continue  # "umur 3 sd 5 tahun"
        words = re.findall(r"[\w'’-]+", match.group())
        if any(word.islower() and rules.is_word(word) and word not in ("negeri", "swasta") for word in words):
            continue  # "sd kelas 3", "smp di 2 kota"
        if _names_something(rules, words):
            yield doc.finding("school", head.start(), match.end())
    for match in doc.finditer(rules.school_word):
        if _names_something(rules, match.group("name").split()):
            yield doc.finding("school", *match.span())
    for match in doc.finditer(rules.university_of):
        if _names_something(rules, match.group("name").split()):
            yield doc.finding("school", *match.span())
    for match in doc.finditer(rules.school_number):
        if not r.UNIT_AFTER.match(doc.lower, match.end()):
            yield doc.finding("school", *match.span())
    yield from _school_nicknames(doc)


def _school_nicknames(doc: Doc) -> Iterator[Finding]:
    """ "SMANSA Cibinong", "Smanda Pati", "SPENSA": the nickname of a numbered state school, and its town."""
    text, rules = doc.text, doc.rules
    for match in doc.finditer(r.SCHOOL_NICKNAME):
        end = match.end()
        place = r.PLACE_AFTER.match(text, end)
        if place and all(_name_like(rules, word) or word in rules.cities for word in place.group(1).split()):
            end = place.end()
        yield doc.finding("school", match.start(), end)


def _class_initials(doc: Doc, phrase: re.Match[str]) -> Finding | None:
    """Initials before a class: "MFA kls 9C", "R.A. kelas 8B", "AS (kelas VII)", "MR, class 9B"."""
    text, rules, site = doc.written, doc.rules, phrase.start()  # "AS", "MR" as written, not as read
    letters = r.INITIALS_BEFORE_CLASS.search(text, max(0, site - 14), site)
    if not letters:
        return None
    initials = letters.group("ini").replace(".", "")
    if initials in rules.school_levels_upper or initials in r.SUBJECTS:
        return None  # "SMP (kelas VII-IX)", "materi IPA kelas 7"
    shouted = text[site : site + 2].isupper()
    word = (shouted and initials.lower() in rules.ordinary) or initials in rules.acronyms
    if word and not ("(" in letters.group("gap") and len(initials) <= 3):
        return None  # "OSIS kelas 8", "DIA KELAS 8"; but "AS (kelas VII)"
    end = phrase.end()
    if "(" in letters.group("gap") and text[end : end + 1] == ")":
        end += 1
    return doc.finding("initials", letters.start(), end)


def _class_name_end(doc: Doc, pos: int) -> int:
    """End of the name of a class after its grade, or 0: "kelas 5 Abu Bakar", "kelas 2 Melati", "grade 4 Umar"
    (schools that name their classes after companions of the Prophet, flowers or heroes). Not a subject, a
    level, a school word, a place or a date: "kelas 7 Matematika", "kelas 5 SD", "kelas 8 Semester 2"."""
    rules = doc.rules
    match = r.CLASS_NAME_AFTER.match(doc.text, pos)
    if not match or not r.DIGIT.search(doc.text, max(0, pos - 4), pos):
        return 0
    words = match.group("hit").split()
    first = words[0]
    if (
        first.lower() in rules.class_name_stops
        or first in rules.acronyms
        or first in rules.function_words
        or first.lower() in rules.roles
        or first.lower() in rules.cue_words
        or first in rules.cities
        or rules.is_coarse(" ".join(words))
        or first.lower() in rules.months_weekdays
    ):
        return 0
    return match.end()


def _classes(doc: Doc) -> Iterator[Finding]:
    """A class, which narrows a school down to some thirty children: "kelas 7C", "XI IPS 2", a group
    name holding one ('grup WhatsApp "IX-C Bersatu"'); and initials before a class ("MFA kls 9C")."""
    lower, rules = doc.lower, doc.rules
    for phrase in doc.finditer(r.CLASS_PHRASE):
        if not word_end(lower, phrase.end()):
            continue
        if found := _class_initials(doc, phrase):
            yield found
        elif phrase.group("section") or phrase.group("number") or phrase.group("code"):
            yield doc.finding("school", *phrase.span())
        elif end := _class_name_end(doc, phrase.end()):
            yield doc.finding("school", phrase.start(), end)
    if not rules.stream_words.isdisjoint(doc.words):
        for site in doc.anchor_sites(rules.stream_words):
            grade = r.STREAM_GRADE_BEFORE.search(lower, max(0, site - 12), site)
            number = r.STREAM_NUMBER_AFTER.match(lower, site + len(r.WORD.match(lower, site).group()))
            if grade and number:
                yield doc.finding("school", grade.start(), number.end())
    if '"' in lower or "“" in lower or "'" in lower or "‘" in lower:
        for match in doc.finditer(r.GROUP_NAME):
            if r.GROUP_CODE.search(match.group("name")):
                yield doc.finding("school", *match.span("name"))


def _programme_word(rules: Rules, word: str) -> bool:
    """A word of a programme or common phrase after a place word: "Layak", "Siaga", "KB"."""
    return word in rules.village_generic or (word.isupper() and len(word) <= 5) or word in rules.acronyms


def _villages(doc: Doc) -> Iterator[Finding]:
    text, rules = doc.text, doc.rules
    for match in doc.finditer(rules.village_id):
        if text[max(0, match.start() - 4) : match.start()].lower() == "ibu ":
            continue  # "Ibu Kota Nusantara" is the capital, not a "Kota X"
        name = match.group("name")
        if all(_programme_word(rules, word) for word in name.split()):
            continue  # "Kampung KB", "Desa Layak Anak", "Desa Wisata": a programme, not a place
        if rules.is_coarse(name, text[match.start() : match.start("name")]):
            continue  # "Kota Makassar" is the city, as coarse as its province
        yield doc.finding("village", *match.span())
    for match in doc.finditer(rules.village_en_of):
        if not rules.is_coarse(match.group("name"), match.group().split()[0]):
            yield doc.finding("village", *match.span())


def _site_within(sites: list[int], start: int, end: int) -> bool:
    """True if one of the sorted ``sites`` lies in [start, end)."""
    index = bisect.bisect_left(sites, start)
    return index < len(sites) and sites[index] < end


def _business_name(doc: Doc, words: list[Word]) -> Iterator[Finding]:
    """The name before an English business noun: "the Berkah Mandiri tailoring shop"."""
    rules = doc.rules
    first = 0
    while first < len(words) and (
        words[first][2] in rules.place_name_stops or words[first][2] in rules.function_words
    ):
        first += 1
    words = words[first:]
    if not words or (len(words) == 1 and first == 0 and _at_sentence_start(doc.text, words[0][0])):
        return  # "Coffee shops open late"
    names = [word for _, _, word in words]
    if rules.is_coarse(" ".join(names)) or all(
        rules.is_word(word)
        or word in rules.acronyms
        or word in rules.not_place
        or word.lower() in rules.cue_words
        or rules.is_safe_word(word)
        for word in names
    ):
        return  # "a Makassar café", "the Sunday market stall", "the Indomaret store"
    yield doc.finding("address", words[0][0], words[-1][1])


def _english_suffixed(doc: Doc) -> Iterator[Finding]:
    """ "Sukamulya village", "Harapan Bangsa School", "Melati Street": the name comes first."""
    rules = doc.rules
    business = rules.en_business_after
    nouns = [] if business.triggers.isdisjoint(doc.words) else doc.anchor_sites(business.triggers)
    for words in doc.runs:
        kind, end, suffix = rules.en_last_words.get(words[-1][2]), words[-1][1], words[-1][2]
        if kind and len(words) > 1:
            words = words[:-1]
        elif after := rules.en_place_after.match(doc.text, end):
            kind, end, suffix = "village", after.end(), after.group(1)
        elif (
            nouns
            and _site_within(nouns, end, end + 48)
            and (after := business.regex.match(doc.text, end))
            and all(word not in rules.common for word in after.group("mods").split())
        ):
            kind = "business"
        else:
            continue
        names = [word for _, _, word in words]
        if kind == "business":
            yield from _business_name(doc, words)
            continue
        if kind == "school":
            if _names_something(rules, names):
                yield doc.finding("school", words[0][0], end)
            continue
        first = max(0, len(words) - 2)
        while first < len(words) and names[first] in rules.place_name_stops:
            first += 1
        if first < len(words) and not rules.is_coarse(" ".join(names[first:]), suffix):
            yield doc.finding(kind, words[first][0], end)


def _birth_places(doc: Doc) -> Iterator[Finding]:
    """The place of birth: "Tempat/Tgl Lahir: Sindangraya, 12 Maret 2012", "ttl : cikarang, ...", "born in
    Oelamasi on 2 March 2012", "lahir di Sungai Raya" (a major city is as coarse as a province)."""
    text, lower, rules = doc.text, doc.lower, doc.rules
    if r.BIRTH_WORDS.isdisjoint(doc.words):
        return
    for match in doc.finditer(r.BIRTH_FIELD):
        end = match.end()
        run = r.CAP_RUN.match(text, end)
        if run:
            names = run.group().split()[:3]
            place = " ".join(names)
            if rules.is_coarse(place) or not _name_like(rules, names[0]):
                continue  # "born in Jakarta", "lahir di Jawa Tengah", "born in Indonesia"
            yield doc.finding("village", end, end + len(place))
        elif match.group("sep") and not match.group("prose"):
            field = r.FIELD_WORDS.match(lower, end)  # "ttl : cikarang, 2 mei 2011"
            if field and not any(rules.is_word(word) for word in field.group().split()):
                yield doc.finding("village", *field.span())


def _streets(doc: Doc) -> Iterator[Finding]:
    """ "Jl. Melati", "Gang Kenanga", "jalan merdeka no 10", "Blok C", "RT 03/RW 05"."""
    rules = doc.rules
    for match in doc.finditer(rules.street):
        names = match.group("name").split()
        if names[0] in rules.highway_words:
            continue  # "Jalan Tol Cipularang": a highway, not where someone lives
        if not all(word in rules.street_generic for word in names):
            yield doc.finding("address", *match.span())
    for match in doc.finditer(rules.street_lower):
        names = match.group("name").split()
        if r.UNIT_AFTER.match(doc.lower, match.end()) or not all(rules.is_name_like(word) for word in names):
            continue
        if names[0].capitalize() in rules.highway_words:
            continue
        yield doc.finding("address", *match.span())
    for pattern in (r.ADDRESS_NUMBERS, r.BLOCK):
        for match in doc.finditer(pattern):
            if not r.UNIT_AFTER.match(doc.lower, match.end()):
                yield doc.finding("address", *match.span())


def _area_units(doc: Doc) -> Iterator[Finding]:
    """ "Polsek Cicendo", "Kades Sukaharja Kulon": a local unit or official names its district."""
    rules = doc.rules
    for match in doc.finditer(rules.area_unit):
        name = match.group("name")
        if name not in rules.region_names and name.split()[0] not in rules.function_words:
            yield doc.finding("village", *match.span())


def _landmarks(doc: Doc) -> Iterator[Finding]:
    """A named landmark near home or school ("Pasar Kramat Jati", "Taman Bungkul") locates a child."""
    rules = doc.rules
    for match in doc.finditer(rules.landmark):
        names = match.group("name").split()
        if not all(word in rules.landmark_generic or rules.is_safe_word(word) for word in names):
            yield doc.finding("address", *match.span())  # "Bengkel Motor Jaya Abadi", not "Bengkel Motor"


def _quoted_venues(doc: Doc) -> Iterator[Finding]:
    """A quoted shop or venue name after its kind and what it sells: 'konter pulsa "Rojali Cell"'."""
    rules, text = doc.rules, doc.text
    for match in r.QUOTED_AFTER_WORD.finditer(text) if r.HAS_QUOTE.search(text) else ():
        before = _words_before(text, match.start())
        if not any(word in rules.venue_heads for _, word in before[1:3]):
            continue
        names = match.group("name").split()
        if any(_name_like(rules, word) and word not in rules.landmark_generic for word in names):
            yield doc.finding("address", *match.span("name"))  # not 'toko kelontong "Serba Ada"'


def _rooms_in_lodgings(doc: Doc, found: list[Finding]) -> list[Finding]:
    """A room number in a hotel, inn, boarding house or villa named in the same sentence: "Hotel Sahabat
    Indah kamar 208", "Hotel Melati Indah, room 112". Alone "kamar 2" is any room of any house."""
    out: list[Finding] = []
    if not doc.has_digit:
        return out
    for finding in found:
        if finding.kind != "address" or not r.LODGING_FINDING.match(finding.text):
            continue
        sent_start, sent_end = _sentence_around(doc.text, finding.start, finding.end)
        # "Kos Bu Hj. Romlah, Gang Kenanga, kamar nomor 5", "Penginapan Sri Rejeki, Jl. Pemuda, kamar no. 9":
        # the dot of an abbreviation (a title, "Jl.", "Gg.") is no sentence end
        for _ in range(3):
            abbreviation = r.ABBREVIATION_END.search(doc.text, max(sent_start, sent_end - 6), sent_end)
            if not abbreviation or sent_end >= len(doc.text):
                break
            sent_end = max(sent_end, _sentence_around(doc.text, sent_end + 1, sent_end + 1)[1])
        for match in r.ROOM_NUMBER.finditer(doc.lower, sent_start, sent_end):
            out.append(doc.finding("address", *match.span()))
    return out


def _repeated_names(doc: Doc, found: list[Finding]) -> list[Finding]:
    """A name found once, written again in another case or run together in the same text: "namanya NUR
    AINI bukan nuraini". A one-word name that is also an ordinary word ("Indah") is not looked for."""
    out: list[Finding] = []
    names = {f.text.lower() for f in found if f.kind == "name"}
    if not names:
        return out
    taken = sorted((f.start, f.end) for f in found)
    for name in names:
        words = r.WORD.findall(name)
        if not words or (len(words) == 1 and (len(words[0]) < 4 or words[0] in doc.rules.common)):
            continue
        if not all(word in doc.words for word in words) and "".join(words) not in doc.words:
            continue
        joined = r"(?<![\w@./-])" + r"[ \t]?".join(map(re.escape, words)) + r"(?![\w@/-])"
        for match in re.finditer(joined, doc.lower):
            if not any(start < match.end() and match.start() < end for start, end in taken):
                out.append(doc.finding("name", *match.span()))
    return out


def _house_numbers(doc: Doc) -> Iterator[Finding]:
    """ "No. 12" / "nomor 12", unless it numbers a law, a worksheet or a hotline."""
    text, rules = doc.text, doc.rules
    if not doc.has_digit:
        return
    for match in r.NUMBER_ADDRESS.finditer(text):
        if match.group("num") in rules.hotlines or doc.prev_word(match.start()) in rules.not_address_nouns:
            continue
        # "UU No. 44 Tahun 2008", "General Comment No. 25 (2021)": a law or document, not a house.
        if r.LAW_AFTER.match(text, match.end()):
            continue
        yield doc.finding("address", *match.span())


# --- dates ---------------------------------------------------------------------------------


def _public_date(doc: Doc, start: int, end: int) -> bool:
    """A public date: "setiap 23 Juli", "Hari Anak Nasional (23 Juli)", "UU TPKS disahkan 12 April 2022"."""
    text = doc.lower
    if r.DOCUMENT_DATE_BEFORE.search(text, max(0, start - 20), start):
        return False  # "surat tertanggal 21 Januari 2024 ditandatangani ...": the letter's own date
    if r.RECURRING_BEFORE.search(text, max(0, start - 20), start) or r.RECURRING_AFTER.match(text, end):
        return True
    if r.INDEPENDENCE_DATE.match(text[start:end]) and (
        r.INDEPENDENCE_BEFORE.search(text, max(0, start - 40), start) or r.INDEPENDENCE_AFTER.match(text, end)
    ):
        return True  # "upacara 17 Agustus", "lomba 17 Agustusan": Independence Day, not an incident's date
    sent_start, sent_end = _sentence_around(text, start, end)
    window_start = start
    if r.RANGE_END_BEFORE.search(text, max(0, start - 20), start):
        # "dari 25 November sampai 10 Desember": the end of a range is read with its start
        head = r.RANGE_START_BEFORE.search(text, max(sent_start, start - 50), start)
        window_start = head.start() if head else start
    window = text[max(sent_start, window_start - 80) : min(sent_end, end + 60)]
    return bool(doc.rules.commemorations.search(window) or r.PUBLIC_DATE_CONTEXT.search(window))


def _month_ok(doc: Doc, match: re.Match[str], group: str) -> bool:
    """In lower case, "may" and short abbreviations ("des", "mar") are a month only with a year."""
    if group not in match.re.groupindex or match.group(group) is None:
        return False
    month = doc.text[match.start(group) : match.end(group)]
    low = month.lower()
    if month[:1].isupper() or match.group("year"):
        return True
    return low != "may" and (len(low) > 4 or low in {"mei", "juni", "juli", "june", "july"})


def _valid_numeric(match: re.Match[str]) -> bool:
    found = match.groupdict()
    day, month = found.get("d") or found.get("d2"), found.get("m") or found.get("m2")
    if day is None:
        return True  # ISO "2024-03-12"
    day, month = int(day), int(month)
    return 1 <= month <= 12 and 1 <= day <= 31 or 1 <= day <= 12 and 1 <= month <= 31


def _date_matches(doc: Doc) -> Iterator[re.Match[str]]:
    rules = doc.rules
    spelled = () if doc.words.isdisjoint(r.DAY_WORD_KEYS) else (rules.spelled_date,)
    for pattern in (rules.day_month, rules.month_day, *spelled):
        for match in doc.finditer(pattern):
            if _month_ok(doc, match, "month") or _month_ok(doc, match, "month2"):
                yield match
    for pattern in (r.NUMERIC_DATE, r.SHORT_DATE):
        for match in doc.finditer(pattern):
            if _valid_numeric(match):
                yield match
    for pattern in (rules.weekday_date, rules.day_cue, r.ON_THE_DAY, rules.birth_year):
        yield from doc.finditer(pattern)


def _dates(doc: Doc) -> Iterator[Finding]:
    for match in _date_matches(doc):
        if not _public_date(doc, *match.span()):
            yield doc.finding("date", *match.span())


# --- exact age with a place ----------------------------------------------------------------


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) holding text[start:end], looking at most 400 characters away."""
    low, high = max(0, start - 400), min(len(text), end + 400)
    starts = [found + len(mark) for mark in r.SENTENCE_MARKS if (found := text.rfind(mark, low, start)) >= 0]
    sent_start = max([low, *starts])
    ends = [found for found in (text.find(mark, end, high) for mark in r.SENTENCE_MARKS) if found >= 0]
    return sent_start, min(ends) + 1 if ends else high


def _place_spans(doc: Doc, findings: list[Finding], safe: Spans) -> list[tuple[int, int]]:
    """Everything that says where: villages and cities found, "di/in + Name". A province, an island or a major
    city is no anchor: "a 12-year-old boy from a fishing village in Maluku" is one child among millions."""
    rules = doc.rules
    places = [(f.start, f.end) for f in findings if f.kind in AGE_ANCHOR_KINDS]
    for match in doc.finditer(rules.prep_place):
        word = match.group("word")
        if (
            word not in rules.not_place
            and word.lower() not in rules.roles
            and not safe.covers(*match.span("word"))
        ):
            places.append(match.span("word"))
    return sorted(places)


def _age_spans(doc: Doc) -> Iterator[tuple[int, int]]:
    """Exact ages in all their forms (limits and ranges are filtered later)."""
    text = doc.text
    for pattern in (*r.AGES, r.AGE_ABBREVIATED):
        yield from (match.span() for match in doc.finditer(pattern))
    words = doc.words
    for literal, before, window, needed in (
        (r.YEAR_OLD, r.NUMBER_BEFORE, 12, "year" in words or "years" in words),
        (r.TAHUN, r.AGE_BEFORE_TAHUN, 50, not r.TAHUN_WORDS.isdisjoint(words)),
        (r.BRACKET_AGE, r.ROLE_BEFORE_BRACKET, 20, doc.has_digit),
    ):
        for match in literal.finditer(text) if needed else ():
            cue = before.search(text, max(0, match.start() - window), match.start())
            if cue and word_start(text, cue.start()):
                yield cue.start(), match.end()
            elif literal is r.BRACKET_AGE:
                name = r.NAME_BEFORE_BRACKET.search(text, max(0, match.start() - 30), match.start())
                if name and _name_like(doc.rules, name.group(1)):
                    yield match.span()  # "Dimas (12)": an age in brackets after a name


def _exact_ages(doc: Doc) -> list[tuple[int, int]]:
    text = doc.text
    return [
        (start, end)
        for start, end in _age_spans(doc)
        if not r.AGE_LIMIT_BEFORE.search(text, max(0, start - 20), start)
    ]


def _ages_with_place(doc: Doc, findings: list[Finding], safe: Spans) -> Iterator[Finding]:
    ages = _exact_ages(doc)
    if not ages:
        return
    places = _place_spans(doc, findings, safe)
    place_starts = [start for start, _ in places]
    for start, end in ages:
        sent_start, sent_end = _sentence_around(doc.text, start, end)
        first = bisect.bisect_left(place_starts, sent_start)
        # Some place starts inside this sentence (and ends inside it too).
        if first < len(places) and places[first][1] <= sent_end:
            yield doc.finding("age-place", start, end)


# --- putting it together -------------------------------------------------------------------


def _without_public_places(doc: Doc, found: list[Finding], regions: list[tuple[int, int]]) -> list[Finding]:
    """Drop cities named in a list of three or more places ("Surabaya, Medan dan Makassar"): statistics;
    and the city of a public event ("pelatihan diadakan di Makassar")."""
    cities = [f for f in found if f.kind == "village" and f.text in doc.rules.cities]
    if not cities:
        return found
    places = sorted([(f.start, f.end) for f in cities] + regions)
    chains, chain = [], [places[0]]
    for place in places[1:]:
        if r.LIST_GAP.fullmatch(doc.text, chain[-1][1], place[0]):
            chain.append(place)
        else:
            chains.append(chain)
            chain = [place]
    chains.append(chain)
    listed = {span for chain in chains if len(chain) >= 3 for span in chain}
    events = {
        (f.start, f.end) for f in cities if r.EVENT_BEFORE.search(doc.lower, max(0, f.start - 30), f.start)
    }
    drop = {(f.start, f.end) for f in cities} & (listed | events)
    return [f for f in found if f.kind != "village" or (f.start, f.end) not in drop]


def _role_brackets(doc: Doc) -> Iterator[Finding]:
    """A name in brackets after a role or kin word: "korban (aldi)", "the victim (Dimas)", "adiknya (Salsa)".
    In lower case only a listed name counts ("korban (perempuan)" is no name)."""
    rules = doc.rules
    if "(" not in doc.text:
        return
    for match in r.BRACKETED_WORDS.finditer(doc.lower):
        if not rules.role_before_bracket.search(doc.lower, max(0, match.start() - 40), match.start()):
            continue
        start, end = match.span("hit")
        first = doc.text[start:end].split()[0]
        listed = first.lower() in rules.name_words_lower and first.lower() not in rules.roles
        if doc.written[start : start + len(first)].isupper() and 1 < len(first) <= 5 and not listed:
            continue  # "Kota Layak Anak (KLA)", "Peradilan Pidana Anak (SPPA)": an abbreviation spelled out
        if listed or (first[0].isupper() and _name_like(rules, first)):
            yield doc.finding("name", start, end)


def _bracketed_names(doc: Doc, found: list[Finding]) -> list[Finding]:
    """A name in brackets right after a name: "Tante Meylani (Liem Mei Lan)", "Hendra (Oei Tjoen Hok)"."""
    rules, out = doc.rules, []
    for finding in found:
        if finding.kind != "name":
            continue
        match = r.BRACKET_NAME.match(doc.text, finding.end)
        if match and _name_like(rules, match.group("hit").split()[0]):
            out.append(doc.finding("name", *match.span("hit")))
    return out


def _towns_after_addresses(doc: Doc, found: list[Finding], safe: Spans) -> list[Finding]:
    """The town that closes an address: "Jl. Cendrawasih 2 no.41, Sorong", "RT 03/RW 05, Sukamaju". With the
    street a city completes the address, so even a major city counts; a province or an island does not."""
    rules, text, out = doc.rules, doc.text, []
    for finding in found:
        if finding.kind != "address":
            continue
        tail = r.ADDRESS_TAIL.match(text, finding.end)  # "Gg. Mawar| 3 no 21|, Caturtunggal"
        if not (town := r.TOWN_AFTER.match(text, tail.end() if tail else finding.end)):
            continue
        words = town.group("town").split()
        place = " ".join(words)
        if words[0] in rules.major_cities:
            end = town.start("town") + len(words[0])  # "Sorong": coarse alone, not after a street
        elif not _name_like(rules, words[0]) or rules.is_coarse(place) or safe.covers(*town.span("town")):
            continue
        else:
            end = town.end("town")
        out.append(doc.finding("village", town.start("town"), end))
    return out


def _postcodes_after_addresses(doc: Doc, found: list[Finding]) -> list[Finding]:
    """A postcode after the town that closes an address: "Jl. Cemara IV/22, Kota Serang 42117". Alone, five
    digits after a town may be anything; after a street, a village or a postcode in the same sentence they are
    the postcode."""
    if not doc.has_digit or not r.FIVE_DIGITS.search(doc.text):
        return []
    ends = sorted(f.end for f in found if f.kind in ("address", "village"))
    out: list[Finding] = []
    for match in r.POSTCODE_AFTER_TOWN.finditer(doc.text) if ends else ():
        # The finding may be the town itself: "Kec. Kromengan 65165" (the "." of "Kec." ends no sentence).
        index = bisect.bisect_right(ends, match.start("hit")) - 1
        if index < 0:
            continue
        sent_start, _ = _sentence_around(doc.text, match.start(), match.end())
        gap = doc.text[ends[index] : match.start("hit")]
        if (ends[index] >= sent_start or not r.SENTENCE_IN_GAP.search(gap)) and len(gap) <= 80:
            out.append(doc.finding("address", *match.span("hit")))
    return out


def _joined_names(doc: Doc, found: list[Finding]) -> list[Finding]:
    """A second person joined to a name by "dan", "&", "and": "Ortu korban: Suparno (buruh ...) & Sumiyati",
    "Budi dan Siti" (a name-like word that is no place, role or ordinary word)."""
    rules, out = doc.rules, []
    for finding in found:
        if finding.kind != "name":
            continue
        before = r.JOINED_NAME_BEFORE.search(doc.text, max(0, finding.start - 100), finding.start)
        if before and (hit := before.group("hit")) not in rules.cities and _name_like(rules, hit):
            out.append(doc.finding("name", *before.span("hit")))  # "Johannes (a fisherman) & Yuliana"
        if not (match := r.JOINED_NAME.match(doc.text, finding.end)):
            continue
        words = match.group("hit").split()
        first = words[0]
        if first in rules.cities or rules.is_coarse(" ".join(words)):
            continue
        if first in rules.given_names or _name_like(rules, first):
            end = match.start("hit") + len(first)
            for word in words[1:]:
                if not (word in rules.given_names or word in rules.surnames or _name_like(rules, word)):
                    break
                end = doc.text.index(word, end) + len(word)
            out.append(doc.finding("name", match.start("hit"), end))
    return out


def _places_after_findings(doc: Doc, found: list[Finding], safe: Spans) -> list[Finding]:
    """A capitalised place after "di", "in", "dari", "from" or "near" that follows another finding (not a
    date) in the same sentence: "trained at PB Garuda Muda in Karangpandan", "berinisial NA tinggal di
    Oebobo". Alone such a word may be anything, so it is not flagged."""
    anchors = sorted(f.end for f in found if f.kind not in ("age-place", "date"))
    if not anchors:
        return []
    text, rules, out = doc.text, doc.rules, []
    taken = None
    for match in doc.finditer(rules.prep_place):
        start = match.start("word")
        first = bisect.bisect_right(anchors, match.start()) - 1
        if first < 0:
            continue
        taken = taken or Spans([(f.start, f.end) for f in found])  # a bisection, not a loop over findings
        if taken.covers(start, start + 1):
            continue
        sent_start, _ = _sentence_around(text, match.start(), match.end())
        if anchors[first] < sent_start:
            continue
        run = r.CAP_RUN.match(text, start)
        names = run.group().split()[:3] if run else [match.group("word")]
        place = " ".join(names)
        if (
            not _name_like(rules, names[0])
            or rules.is_coarse(place)
            or safe.covers(start, start + len(place))
        ):
            continue
        out.append(doc.finding("village", start, start + len(place)))
    return out


# --- classes found by the fifth blind batch ------------------------------------------------


def _registrations(doc: Doc) -> Iterator[Finding]:
    """The number of a police report, court case, complaint, ticket or medical record: "LP/B/417/VI/2024/SPKT",
    "112/Pid.Sus/2024/PN Mks", "nomor tiket PPA-JKT-2024-000731", "no. RM 00-45-12". The police, a court or a
    service files it under the child's name, so it identifies the child as a NIK does."""
    if not doc.has_digit:
        return
    text, lower = doc.text, doc.lower
    if "/" in text:
        for match in r.REGISTRATION_TOKEN.finditer(text):
            token = lower[match.start() : match.end()]
            if not word_start(text, match.start(), "@./-") or not r.DIGIT.search(token):
                continue
            parts = set(r.REGISTRATION_PART.findall(token))
            if parts & r.PUBLIC_REGISTRATION:
                continue  # "22/PUU-XV/2017": a decision of the Constitutional Court is public
            if parts & r.REGISTRATION_MARKERS or (
                parts & r.SERVICE_MARKERS
                and r.RECORD_BEFORE.search(lower, max(0, match.start() - 60), match.start())
            ):
                yield doc.finding("nik", match.start(), match.start() + len(match.group().rstrip(".-")))
    for match in doc.finditer(r.REGISTRATION_CUE):
        hit = match.group("hit").rstrip(".-/")
        digits = r.DIGIT.findall(hit)
        if len(digits) < 4 or not word_end(lower, match.start("hit") + len(hit)):
            continue
        if all(r.YEAR_GROUP.fullmatch(group) for group in re.findall(r"\d+", hit)):
            continue  # "laporan 2023", "laporan 2022-2023": years, not a number
        cue = match.group().split()[0].rstrip(".:#")
        named = (
            cue in ("nomor", "nomer", "no", "nmr")
            or len(match.group()[: match.start("hit") - match.start()].split()) > 1
        )
        structured = bool(re.search(r"[a-z]", hit)) and bool(re.search(r"[\-/.]", hit))
        if cue in r.WEAK_REGISTRATION_CUES and not named and not structured:
            continue  # "RM 50.000" is ringgit, "ID laporan 2024001" a record of a system (not a PPA-JKT-... ticket)
        if r.MONEY_BEFORE.search(
            lower, max(0, match.start("hit") - 5), match.start("hit")
        ) or r.UNIT_AFTER.match(lower, match.start("hit") + len(hit)):
            continue
        yield doc.finding("nik", match.start("hit"), match.start("hit") + len(hit))


def _styled_names(doc: Doc) -> Iterator[Finding]:
    """A user name styled with symbols, as games allow: "RZK•GAMING", "乂Zaki乂" (two letters at least)."""
    text = doc.text
    if not r.STYLED_MARKS.search(text):
        return
    for match in r.STYLED_NAME.finditer(text):
        token = match.group().rstrip(".")
        if sum(char.isalpha() for char in token) >= 2 and not r.TIMES_ONLY.fullmatch(token):
            yield doc.finding("handle", match.start(), match.start() + len(token))


def _glued_schools(doc: Doc) -> Iterator[Finding]:
    """A school written without spaces, in chat: "smpn1kalasan", "sdn02karangrejo", "sman3"."""
    for match in doc.finditer(r.GLUED_SCHOOL):
        yield doc.finding("school", *match.span())


def _small_islands(doc: Doc) -> Iterator[Finding]:
    """A small island named as a place: "nelayan di Pulau Barrang Caddi" (a listed island is fine)."""
    rules = doc.rules
    for match in doc.finditer(r.SMALL_ISLAND):
        words = match.group("name").split()
        if words[0] in rules.function_words or not _name_like(rules, words[0]):
            continue
        if any(rules.is_coarse(" ".join(words[:count])) for count in range(1, len(words) + 1)):
            continue  # "Pulau Jawa", "Pulau Nusa Tenggara"
        yield doc.finding("village", *match.span())


def _named_as(doc: Doc) -> Iterator[Finding]:
    """Someone named in a record: "names the victim as Aurelia Benedicta Lumi"."""
    rules = doc.rules
    for match in doc.finditer(r.NAMED_AS):
        start = match.start("hit")
        words = _cap_words(doc.text, start, match.end("hit"))
        if end := _person_end(rules, words):  # "names the victim as ADIL PRATAMA": "Adil" is also a word
            yield doc.finding("name", start, end)


def _real_names(doc: Doc) -> Iterator[Finding]:
    """A name the text says is real, even an ordinary word: "Bunga, siswi kelas 8, adalah nama aslinya—bukan
    samaran", "Rara is her real name". The name opens the sentence or stands right before the phrase."""
    text, rules = doc.text, doc.rules
    if r.REAL_NAME_WORDS.isdisjoint(doc.words):
        return
    for match in r.REAL_NAME.finditer(doc.lower):
        sent_start, _ = _sentence_around(text, match.start(), match.end())
        lead = r.SPACES.match(text, sent_start).end()
        lead = lead + 1 if text[lead : lead + 1] in QUOTE_CHARS else lead
        # The word right before the phrase ("..., karena Melati adalah nama asli"), else the sentence's first word
        # ("Bunga, siswi kelas 8 di MTsN 1 Pidie, adalah nama aslinya").
        before = r.PREV_CAP.search(text, max(sent_start, match.start() - 40), match.start())
        for pos in ([before.start()] if before and "," not in before.group() else []) + [lead]:
            run = r.CAP_RUN.match(text, pos)
            if not run or run.start() >= match.start():
                continue
            first = run.group().split()[0]
            if first in rules.function_words or first.lower() in rules.roles or rules.is_safe_word(first):
                continue
            if first in rules.acronyms or first.lower() in rules.cue_words or rules.is_coarse(first):
                continue
            if first in rules.given_names or first in rules.word_names or _name_like(rules, first):
                yield doc.finding("name", run.start(), run.end())
                break


QUOTE_CHARS = "\"“‘'"


def _lower_chat_subjects(doc: Doc) -> Iterator[Finding]:
    """A listed given name in lower case opening a chat line before a person's verb: "ayu bilang dia ...",
    "trus dinda nangis" (not "indah sekali", "bunga sudah layu")."""
    text, rules = doc.text, doc.rules
    for name in doc.words & rules.name_words_lower:
        if name in rules.roles or name in r.ID_STOP:
            continue
        pos = text.find(name)
        while pos >= 0:
            end = pos + len(name)
            if word_start(text, pos) and word_end(text, end) and r.PERSON_AFTER_NAME.match(doc.lower, end):
                before = _words_before(text, pos)
                lead = before[0] if before and before[0][1] in r.CHAT_LEAD else None
                if _at_sentence_start(text, lead[0] if lead else pos) or (pos == 0):
                    yield doc.finding("name", pos, end)
            pos = text.find(name, end)


# --- classes found by the sixth blind batch ------------------------------------------------


def _person_end(rules: Rules, words: list[Word], ordinary_first: bool = True) -> int:
    """The end of the personal name that opens ``words`` (0 if none): words that can be part of a name, up
    to four. An ordinary word may open it when a word that is no ordinary word follows ("Adil Pratama",
    "Cahaya Ramadhani"); alone it is a name only if it is a listed given name ("Mawar", not "Kekerasan")."""
    end, unknown, listed = 0, False, False
    for index, (_, word_end_, word) in enumerate(words[:4]):
        low = word.lower()
        if (
            word in rules.function_words
            or low in rules.roles
            or word in rules.acronyms
            or rules.is_coarse(word)
        ):
            break
        if word in rules.cities or word in rules.region_names or rules.is_safe_word(word):
            break
        if _name_like(rules, word) and all(_name_like(rules, part) for part in word.split("-")):
            unknown = True
        elif word in rules.given_names or word in rules.word_names or word in rules.surnames:
            listed = True
        elif not (ordinary_first and index == 0 and low in rules.common and len(words) > 1):
            break
        end = word_end_
    return end if (unknown or listed) else 0


def _role_names(doc: Doc) -> Iterator[Finding]:
    """A name after a role word of police, court, hospital and NGO paperwork, or after "a.n."/"an.": "pelapor
    Suparmi", "terdakwa Baharuddin", "Saksi: Rahmat", "the defendant, Budi Santoso", "a.n. Larasati"."""
    rules = doc.rules
    for match in doc.finditer(r.ROLE_NAME):
        start = match.start("hit")
        words = _cap_words(doc.text, start, match.end("hit"))
        end = _strict_person_end(rules, words, ordinary_first=True)  # not "Victim Protection Agency"
        if end and not (
            words[0][2] in rules.common
            and end == words[0][1]
            and words[0][2] not in rules.given_names
            and words[0][2] not in rules.word_names
        ):
            yield doc.finding("name", start, end)


def _strict_person_end(rules: Rules, words: list[Word], ordinary_first: bool = False) -> int:
    """``_person_end`` without words that look English ("However", "Social Services") unless listed."""
    for index, (_, _, word) in enumerate(words[:4]):
        listed = word in rules.given_names or word in rules.surnames or word in rules.word_names
        if not listed and (r.ENGLISH_SHAPE.search(word.lower()) or word.lower() in r.OPENING_ADVERBS):
            words = words[:index]
            break
    return _person_end(rules, words, ordinary_first) if words else 0


def _opening_names(doc: Doc) -> Iterator[Finding]:
    """A name that opens a sentence before a role in apposition ("Mulyadi, the school caretaker at ...") or,
    two or three name words, before an English verb ("Melati Suryaningrum was reported missing")."""
    text, lower, rules = doc.text, doc.lower, doc.rules
    for words in doc.runs:
        start, run_end = words[0][0], words[-1][1]
        if not _at_sentence_start(text, start):
            continue
        end = _strict_person_end(rules, words)
        if not end or end != run_end:
            continue
        count = sum(1 for word in words if word[1] <= end)
        if text.startswith(",", end):
            match = r.ROLE_APPOSITION.match(lower, end)
            role_words = match.group("words").split() if match else []
            if match and not match.group("det"):
                role_words = role_words[:1]  # "Mulyadi, penjaga sekolah", not "Listen, make sure the child"
            if match and any(word in rules.roles for word in role_words[:4]):
                if count > 1 or words[0][2] not in rules.common or words[0][2] in rules.given_names:
                    yield doc.finding("name", start, end)
                continue
        if (
            count >= 2
            and (after := r.LOWER_WORD.match(text, end))
            and after.group(1).lower() in r.EN_SUBJECT_VERBS
        ):
            yield doc.finding("name", start, end)


def _person_appositions(doc: Doc) -> Iterator[Finding]:
    """A name in apposition after a word for a person: "The girl, Cahaya Ramadhani, was 14", "Korban, Dewi
    Lestari, ...", "The boy, known by his nickname Ucup, ..." is found by the nickname cue."""
    text, lower, rules = doc.text, doc.lower, doc.rules
    if "," not in text:
        return
    for words in doc.runs:
        start, run_end = words[0][0], words[-1][1]
        if start < 2 or text[start - 2] != "," or not r.APPOSITION_END.match(text, run_end):
            continue
        match = r.PERSON_NOUN_BEFORE.search(lower, max(0, start - 50), start)
        noun = match and (match.group("en") or match.group("id"))
        if not noun or noun not in rules.roles:
            continue
        end = _strict_person_end(rules, words)
        if end == run_end and (len(words) > 1 or words[0][2] not in rules.common):
            yield doc.finding("name", start, end)


def _id_digits(doc: Doc, start: int, token: str, least: int) -> bool:
    """True if ``token`` at ``start`` is a number of ``least`` digits or more that can identify: not an amount
    of money, a count with thousands separators, years ("2020-2024") or a number before a unit."""
    digits = re.sub(r"\D", "", token)
    if len(digits) < least or r.THOUSANDS.fullmatch(token):
        return False
    if all(r.YEAR_GROUP.fullmatch(group) for group in re.findall(r"\d+", token)):
        return False
    lower = doc.lower
    if r.MONEY_BEFORE.search(lower, max(0, start - 5), start) or r.UNIT_AFTER.match(
        lower, start + len(token)
    ):
        return False
    return not r.MONEY_TOKEN.fullmatch(lower, max(0, start - 3), start + len(token))


def _long_digit_ids(doc: Doc) -> Iterator[Finding]:
    """Ten digits or more in one number identify something (an IMEI, a bank account, a ticket, a card): a public
    number in a case study is a hotline or a law, found as safe spans. "356938035643809", "2411-8835-07"."""
    if not doc.has_digit:
        return
    for match in r.DIGIT_RUN.finditer(doc.text):
        token = match.group().rstrip(" \t.-")
        if " " in token and not re.fullmatch(r"\d{2,6}(?: \d{2,6})+", token):
            continue
        if r.DATE_LIKE.fullmatch(token) or token.startswith(("0", "62")):
            continue  # a phone number is found as one (and a hotline left alone) by ``_phones``
        if re.sub(r"\D", "", token) in doc.rules.hotline_digits:
            continue
        if _id_digits(doc, match.start(), token, 10):
            yield doc.finding("nik", match.start(), match.start() + len(token))


def _labelled_numbers(doc: Doc) -> Iterator[Finding]:
    """Six digits or more after a label for a record, an account or a device ("IMEI ponsel yang disita ...:
    356938035643809", "medical record number at the hospital is 22-018774"), and codes of letters and digits
    that a service files ("#ADU-2024-118732")."""
    if not doc.has_digit:
        return
    for match in doc.finditer(r.NUMBER_LABEL):
        token = match.group("hit")
        if r.DATE_LIKE.fullmatch(token) or r.TIMES_ONLY.fullmatch(token):
            continue
        label = match.group().split()[0].rstrip(".:#")
        plain = token.isdigit() and len(token) < 8
        if plain and label in r.WEAK_NUMBER_LABELS:
            continue  # "ID laporan 2024001": the running number of a system, as a law has its number
        if _id_digits(doc, match.start("hit"), token, 6):
            yield doc.finding("nik", *match.span("hit"))
    if "-" in doc.text:
        for match in r.SERVICE_CODE.finditer(doc.text):
            token = match.group()
            groups = re.findall(r"\d+", token)
            long_groups = [group for group in groups if len(group) >= 4 and not r.YEAR_GROUP.fullmatch(group)]
            if long_groups and sum(len(group) for group in groups) >= 6:
                yield doc.finding("nik", *match.span())


def _media_files(doc: Doc) -> Iterator[Finding]:
    """A WhatsApp media file (its name carries the day it was sent), and a file name with a name or a school
    among its parts: "VID-20240311-WA0017_Rahma_SMPN2.mp4", "bukti-chat-dinda.png"."""
    text, rules = doc.written, doc.rules
    if "-" not in text and "_" not in text:
        return
    for match in r.WHATSAPP_MEDIA.finditer(text):
        yield doc.finding("date", *match.span())
    for match in r.ANY_FILE_NAME.finditer(text):
        parts = re.split(r"[_.-]", match.group().rsplit(".", 1)[0])
        if any(
            part.lower() in rules.name_words_lower
            or (part[:1].isupper() and part[1:].islower() and len(part) > 2 and _name_like(rules, part))
            or r.GLUED_SCHOOL.regex.fullmatch(part.lower())
            for part in parts
        ):
            yield doc.finding("name", *match.span())


# --- classes found by the seventh blind batch ----------------------------------------------


def _cap_words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, word) of each capitalised word in ``text[start:end]``."""
    return [(m.start(), m.end(), m.group()) for m in r.CAP_WORD.finditer(text, start, end)]


def _self_introductions(doc: Doc) -> Iterator[Finding]:
    """A child or a parent introducing themselves in a chat: "Kak, aku Bunga, yg kemarin chat", "saya Dinda dari
    kelas 8", "Hi, I'm Rara." (a listed name, a word given as a name, or a word that is no ordinary word)."""
    rules = doc.rules
    if r.SELF_INTRO_WORDS.isdisjoint(doc.words):
        return
    for match in r.SELF_INTRO.finditer(doc.text):
        start = match.start("hit")
        words = _cap_words(doc.text, start, match.end("hit"))
        if words and words[0][2].lower() in rules.roles:
            continue  # "saya Fasilitator", "aku Korban"
        end = _person_end(rules, words, ordinary_first=False)
        if end == match.end("hit"):
            yield doc.finding("name", start, end)


def _met_names(doc: Doc) -> Iterator[Finding]:
    """A person met, interviewed or accompanied, with a full name: "Wawancara dengan Kornelia Tefa", "bersama
    Yohana Lake". Two words or more that can be part of a name and are no ordinary, English-looking or place
    words ("dengan Dinas Sosial", "with Save the Children" are not)."""
    rules = doc.rules
    if r.MET_WORDS.isdisjoint(doc.words):
        return
    for match in r.MET_CUE.finditer(doc.text):
        run = r.CAP_RUN.match(doc.text, match.end())
        if not run:
            continue
        words = _cap_words(doc.text, run.start(), run.end())
        end = _strict_person_end(rules, words)
        two_words = sum(1 for word in words if word[1] <= end) >= 2
        if end and end == run.end() and two_words and all(_name_like(rules, word) for _, _, word in words):
            yield doc.finding("name", run.start(), end)


def _described_names(doc: Doc) -> Iterator[Finding]:
    """A name described in brackets right after it: "Joshua (the boy from the Ambon case)", "Rani (korban)",
    "Dodi (ayah tiri korban)". The bracket opens with a word for a person (role_words.txt)."""
    rules, text = doc.rules, doc.text
    if "(" not in text:
        return
    for words in doc.runs:
        end = words[-1][1]
        if not text.startswith("(", end) and not text.startswith(" (", end):
            continue
        bracket = r.DESCRIBED_BRACKET.match(doc.lower, end)
        if not bracket or bracket.group("noun") not in rules.roles:
            continue
        if len(words) == 1 and _at_sentence_start(text, words[0][0]) and words[0][2] in rules.common:
            continue  # "Bunga (the flower) ..."
        person = _strict_person_end(rules, words, ordinary_first=True)
        if person == end and (
            len(words) > 1 or words[0][2] not in rules.common or words[0][2] in rules.given_names
        ):
            yield doc.finding("name", words[0][0], end)


def _quoted_nicknames(doc: Doc) -> Iterator[Finding]:
    """A nickname or user name in quotes after its cue, in lower case: "her server nickname was 'aureliaa'",
    "dipanggil 'ipeh'" (a word that is no ordinary word: 'called "flirty"' is a label)."""
    rules = doc.rules
    if not r.HAS_QUOTE.search(doc.text):
        return
    for match in r.QUOTED_NICKNAME.finditer(doc.lower):
        start, end = match.span("hit")
        written = doc.written[start:end]
        if not written.islower() and not written.isdigit():
            continue  # capitalised names in quotes are found by ``_quoted_names``
        if written in rules.ordinary or written in rules.function_words or written.isdigit():
            continue
        yield doc.finding("name", start, end)


def _roman_registrations(doc: Doc) -> Iterator[Finding]:
    """A register number with a Roman month and a year: "045/REG/P2TP2A-KB/IV/2024", "1127/PGD/KPAI/III/2024".
    Services, police units and courts number their registers so; a letter, a decree or a template of a number
    ("nomor surat 001/PPA/I/2025", "SK Nomor 188/45/KPTS/III/2024") is not a child's record."""
    text, lower = doc.text, doc.lower
    if "/" not in text or not doc.has_digit or r.ROMAN_MONTHS.isdisjoint(doc.words):
        return
    for match in r.REGISTRATION_TOKEN.finditer(text):
        token = lower[match.start() : match.end()].rstrip(".-")
        parts = token.split("/")
        if len(parts) < 4 or not word_start(text, match.start(), "@./-") or not parts[0][:1].isdigit():
            continue
        if not any(part in r.ROMAN_MONTHS for part in parts) or not any(
            r.YEAR_GROUP.fullmatch(p) for p in parts
        ):
            continue
        if set(r.REGISTRATION_PART.findall(token)) & r.PUBLIC_REGISTRATION:
            continue
        before = lower[max(0, match.start() - 40) : match.start()]
        if r.LETTER_BEFORE.search(before) and not r.RECORD_BEFORE.search(before):
            continue
        yield doc.finding("nik", match.start(), match.start() + len(token))


def _named_venues(doc: Doc) -> Iterator[Finding]:
    """A venue after its kind and what it sells or plays: "toko emas Cahaya Murni", "klub futsal Garuda Muda",
    "Garuda Muda FC"; and a pesantren abbreviated "PP" before an Arabic name: "PP Darul Falah Jombor"."""
    rules, text = doc.rules, doc.text
    for match in doc.finditer(rules.venue_goods):
        goods = match.group("goods").split()
        if not all(word.capitalize() in rules.landmark_generic for word in goods):
            continue  # "toko dekat Pasar", "warung sebelah Masjid": no goods between
        names = match.group("name").split()
        if rules.is_coarse(" ".join(names)) or all(
            word in rules.landmark_generic or rules.is_safe_word(word) or word in rules.acronyms
            for word in names
        ):
            continue  # "warung kopi Aceh", "warung makan Padang": a kind of food, not a shop's name
        yield doc.finding("address", match.start("name"), match.end("name"))
    if "FC" in text:
        for match in r.FOOTBALL_CLUB.finditer(text):
            name = match.group("name") or match.group("after")
            if name and not rules.is_coarse(name) and not all(rules.is_safe_word(w) for w in name.split()):
                yield doc.finding("address", *match.span())
    if "P" in text:
        for match in r.PESANTREN_ABBREVIATION.finditer(text):
            first = match.group("name").split()[0]
            if first in rules.pesantren_words or first.startswith(("Al-", "Ad-", "An-", "Ar-", "As-", "At-")):
                yield doc.finding("school", *match.span())


def _class_codes(doc: Doc) -> Iterator[Finding]:
    """A class code after "is in", "kelas" or "kls" with a school named in the same sentence: "the girl is in 5B at
    SD Muhammadiyah ...". Alone "in 5B" may be anything; next to the school it is the child's class."""
    if not doc.has_digit:
        return
    for match in r.CLASS_CODE_AFTER.finditer(doc.lower):
        sent_start, sent_end = _sentence_around(doc.text, match.start(), match.end())
        if r.SCHOOL_IN_SENTENCE.search(doc.text, sent_start, sent_end):
            yield doc.finding("school", *match.span("hit"))


def _declared_pseudonym(doc: Doc, finding: Finding, names: list[Finding]) -> bool:
    """True if the sentence declares the name a pseudonym: "Surya, dalam materi ini, adalah nama samaran untuk
    ...", "The boy was called Bunga by the researchers (not his real name)", "Nama samaran untuk anak ini adalah
    Surya". Not if another name stands between, or if the phrase is negated ("nama aslinya, bukan samaran")."""
    if r.PSEUDONYM_TRIGGERS.isdisjoint(doc.words):
        return False  # most texts declare no pseudonym at all
    lower = doc.lower
    sent_start, sent_end = _sentence_around(doc.text, finding.start, finding.end)
    clause_end = lower.find(";", finding.end, sent_end)  # "...; Rina adalah nama samaran" is about Rina only
    clause_start = lower.rfind(";", sent_start, finding.start) + 1 or sent_start
    sent_start, sent_end = max(sent_start, clause_start), clause_end if clause_end >= 0 else sent_end
    others = [f.start for f in names if f.start != finding.start]
    for match in r.PSEUDONYM_WORDS_RE.finditer(lower, finding.end, sent_end):
        if any(finding.end < start < match.start() for start in others):
            break
        if r.PSEUDONYM_NEGATED.search(lower, max(0, match.start() - 16), match.start()):
            continue
        # not if someone used it: "pelaku memakai nama samaran ..." (a module or case may: "Modul ini memakai nama
        # samaran seperti Putri, Dimas, dan Ayu, dan semuanya bukan nama sebenarnya")
        if not _alias_in_use(doc, match.start()):
            return True
        break
    for match in r.PSEUDONYM_WORDS_RE.finditer(lower, sent_start, finding.start):
        if r.PSEUDONYM_NEGATED.search(lower, max(0, match.start() - 16), match.start()):
            continue
        # "Modul ini memakai nama samaran seperti Putri, Dimas, dan Ayu": every name of the list is declared
        # (not one someone used: "pelaku memakai nama samaran seperti Om Jek")
        if r.PSEUDONYM_LIST.fullmatch(lower, match.end(), finding.start) and not _pseudonym_used(doc, match):
            return True
        if any(match.end() <= start < finding.start for start in others):
            continue
        if r.PSEUDONYM_DECLARES.fullmatch(lower, match.end(), finding.start) and not _alias_in_use(
            doc, match.end()
        ):
            return True
    return False


def _pseudonym_used(doc: Doc, phrase: re.Match[str]) -> bool:
    """True if the pseudonym phrase is one someone (not the author, a module or a case) used."""
    if not _alias_in_use(doc, phrase.end()):
        return False
    return not r.AUTHORED_BEFORE.search(doc.lower, max(0, phrase.start() - 60), phrase.start())


def _is_regency(doc: Doc, finding: Finding) -> bool:
    """A regency or a city named on its own: "Kabupaten Bogor", "Kab. Garut", "Kota Cimahi", "Sidoarjo regency",
    "Lombok Timur" (places.txt)."""
    if finding.kind != "village":
        return False
    if r.BIRTH_BEFORE.search(doc.lower, max(0, finding.start - 30), finding.start):
        return False  # "Tempat lahir: Kepanjen": a field of the child's own record
    words = finding.text.lower().split()
    if len(words) > 1 and (words[0].rstrip(".") in r.REGENCY_FIRST or words[-1] in r.REGENCY_LAST):
        return True
    return finding.text in doc.rules.cities or finding.text.lower() in doc.rules.lower_cities


def _without_lone_regencies(doc: Doc, found: list[Finding]) -> list[Finding]:
    """Drop a regency or city named with nothing else identifying in its sentence: "di salah satu kecamatan di
    Kabupaten Bogor, Jawa Barat" is as coarse as the case needs. With an exact age, a name, a school, a village,
    an address or a number in the same sentence it narrows them down, and it is reported with them."""
    regencies = [f for f in found if _is_regency(doc, f)]
    if not regencies:
        return found
    others = [f for f in found if not _is_regency(doc, f)]
    drop = set()
    for finding in regencies:
        sent_start, sent_end = _sentence_around(doc.text, finding.start, finding.end)
        # A finding that reaches into the sentence counts: "Jl. Kenari 5, Bitung" (the "." of "Jl." ends no
        # sentence, but the rules read it so).
        if not any(f.end > sent_start and f.start < sent_end for f in others):
            drop.add(id(finding))
    return [f for f in found if id(f) not in drop]


# --- classes found by the eighth blind batch -----------------------------------------------


def _loose_name_end(rules: Rules, words: list[Word]) -> int:
    """The end of two name words or more that open ``words`` after a strong cue, even if shaped like an affixed
    or English word ("Bernadeta", "Ranying"): no ordinary, function, place or institution word (0 if fewer)."""
    end, count, last = 0, 0, ""
    for _, word_end_, word in words[:4]:
        low = word.lower()
        listed = word in rules.given_names or word in rules.surnames
        if not listed and (
            low in rules.ordinary
            or word in rules.function_words
            or word in rules.acronyms
            or low in rules.cue_words
            or low in rules.roles
            or rules.is_safe_word(word)
            or word in rules.region_names
            or word in rules.cities
            or word in rules.not_place
        ):
            break
        end, count, last = word_end_, count + 1, word
    # the last word a name's own ("Bernadeta Lein", "Ranying Usop"; not "Tim Penyusun")
    if count < 2 or not (_name_like(rules, last) or last in rules.given_names or last in rules.surnames):
        return 0
    return 0 if r.ENGLISH_SHAPE.search(last.lower()) else end


def _kin_introductions(doc: Doc) -> Iterator[Finding]:
    """A parent or relative introducing themselves in a chat, with the child's name in lower case: "sy ibunya
    dinda", "aku kakaknya budi", "I'm dinda's mom" (a listed name, or a word that is no ordinary word: not "saya
    ibu rumah tangga", "saya ibunya korban")."""
    rules = doc.rules
    if r.KIN_INTRO_WORDS.isdisjoint(doc.words):
        return
    for match in r.KIN_INTRO.finditer(doc.lower):
        group = "hit" if match.group("hit") else "hit2"
        start, end = match.span(group)
        word = match.group(group)
        if word in rules.roles or word in r.ID_STOP or word in r.EN_STOP or word in rules.function_words:
            continue
        listed = word in rules.name_words_lower or word in rules.word_names_lower
        english = group == "hit2" or doc.lower.startswith(("i", "this"), match.start())
        if listed or (not english and rules.is_name_like(word)):  # not "I'm the mother of two"
            yield doc.finding("name", start, end)


def _chat_speakers(doc: Doc) -> Iterator[Finding]:
    """The speaker of a chat log line after its time stamp: "[21:03] dito: kak aku udh di depan", "21.04 - Rara:
    iya" (not a role: "[21:03] Pelaku:", "21.05 - me:")."""
    rules, text = doc.rules, doc.written
    if ":" not in text or not doc.has_digit:
        return
    for match in r.CHAT_SPEAKER.finditer(text):
        start, end = match.span("hit")
        words = doc.lower[start:end].split()
        if words[0] in r.CHAT_ROLE_SPEAKERS or words[0] in rules.roles or words[0] in rules.function_words:
            continue
        listed = all(word in rules.name_words_lower for word in words)
        if not listed and match.group("bracket") is None:
            continue  # "13.00 - Ishoma: ...", "09.00 - Pembukaan: ...": an agenda, unless a listed name speaks
        if not listed and not all(_name_like(rules, word.capitalize()) for word in words):
            continue  # "[21:03] catatan: ...": a word, not a name
        yield doc.finding("name", start, end)


def _senders(doc: Doc) -> Iterator[Finding]:
    """Who sent, filed, wrote or posted something: "The report was filed by Bernadeta Lein", "Kiriman dari Cut
    Rahmah di grup", "dilaporkan oleh Yohana". Words that can be part of a name and are no ordinary, English-looking
    or place words ("filed by Save the Children", "dilaporkan oleh Dinas Sosial" are not)."""
    rules = doc.rules
    if r.SENT_BY_WORDS.isdisjoint(doc.words):
        return
    for match in r.SENT_BY.finditer(doc.text):
        start = match.start("hit")
        words = _cap_words(doc.text, start, match.end("hit"))
        if not words or words[0][0] != start or words[0][2].lower() in r.SENDER_GROUP_WORDS:
            continue  # "ditulis oleh Tim Penyusun", "posted by Admin Sekolah": a team, not a person
        end = _strict_person_end(rules, words, ordinary_first=True) or _loose_name_end(rules, words)
        if not end:
            continue
        count = sum(1 for word in words if word[1] <= end)
        first = words[0][2]
        if count > 1 or first in rules.given_names or first in rules.word_names:  # one word: a listed name
            yield doc.finding("name", start, end)


def _subjects_after_clauses(doc: Doc) -> Iterator[Finding]:
    """A name that opens a clause after a comma, before what its subject did: "By Saturday, 14 October, Ranying
    Usop had already transferred ..." (two name words before an English verb), "Menurut wali kelasnya, Bu
    Fransiska Nogo, Yoseph sudah ..." (after an apposition with a title, one name word is enough)."""
    text, lower, rules = doc.text, doc.lower, doc.rules
    if "," not in text:
        return
    for words in doc.runs:
        start = words[0][0]
        if start < 2 or text[start - 2 : start] != ", ":
            continue
        end = _strict_person_end(rules, words) or _loose_name_end(rules, words)
        if not end or end != words[-1][1]:
            continue
        after = r.LOWER_WORD.match(lower, end)
        verb = after.group(1) if after else ""
        count = len(words)
        if count >= 2 and verb in r.EN_SUBJECT_VERBS:
            yield doc.finding("name", start, end)
            continue
        person = count > 1 or words[0][2] not in rules.common or words[0][2] in rules.given_names
        if (
            person
            and (verb in r.EN_SUBJECT_VERBS or verb in r.ID_SUBJECT_WORDS)
            and r.TITLED_APPOSITION_BEFORE.search(text, max(0, start - 80), start)
        ):
            yield doc.finding("name", start, end)


def _split_phones(doc: Doc) -> Iterator[Finding]:
    """A phone number written in two parts so that neither looks like one: "0821-4455 dan lanjutannya 6677"."""
    if not doc.has_digit:
        return
    for match in r.SPLIT_PHONE.finditer(doc.lower):
        yield doc.finding("phone", *match.span("head"))
        yield doc.finding("phone", *match.span("tail"))


def _hijri_dates(doc: Doc) -> Iterator[Finding]:
    """A date of the Islamic calendar with its year: "17 Rajab 1445 H" (not a public one: "Idul Fitri, 1 Syawal
    1445 H" is found public as other national days are)."""
    if not doc.has_digit or r.HIJRI_WORDS.isdisjoint(doc.words):
        return
    for match in r.HIJRI_DATE.finditer(doc.lower):
        sent_start, sent_end = _sentence_around(doc.text, *match.span())
        if r.HIJRI_PUBLIC.search(doc.lower, sent_start, sent_end):
            continue  # "Puasa dimulai 1 Ramadan 1446 H menurut pengumuman pemerintah"
        if not _public_date(doc, *match.span()):
            yield doc.finding("date", *match.span())


def _eateries_and_boats(doc: Doc) -> Iterator[Finding]:
    """A named eatery or boat: "RM Salero Bundo" (rumah makan), "KM Harapan Jaya 07" (kapal motor); not a kind of
    food ("Rumah Makan Padang") or a number ("KM 12", "RM 00-45-71")."""
    rules, text = doc.rules, doc.text
    if "M" not in text:
        return
    for match in r.EATERY_OR_BOAT.finditer(text):
        names = match.group("name").split()
        if match.group().startswith(("RM", "R.M.")) and len(names) < 2:
            continue  # "nomor RM Pasien": a medical record (rekam medis); an eatery has a longer name
        if rules.is_coarse(" ".join(n for n in names if not n.isdigit())) or all(
            word in rules.landmark_generic
            or rules.is_safe_word(word)
            or rules.is_word(word)
            or word in rules.acronyms
            or word.isdigit()
            for word in names
        ):
            continue  # "Rumah Makan Padang", "nomor RM Pasien" (a medical record), "KM 12"
        yield doc.finding("address", match.start(), match.end())


def _dorm_rooms(doc: Doc) -> Iterator[Finding]:
    """A room right after a dormitory: "tinggal di asrama kamar 14B" (a child's bed is in it)."""
    if not doc.has_digit or r.DORM_WORDS.isdisjoint(doc.words):
        return
    for match in r.DORM_ROOM.finditer(doc.lower):
        yield doc.finding("address", *match.span("hit"))


DETECTORS: list[Callable[[Doc], Iterator[Finding]]] = [
    _plain_rules,
    _phones,
    _long_numbers,
    _student_numbers,
    _group_names,
    _postcodes,
    _nicknamed_names,
    _unit_numbers,
    _spelled_numbers,
    _at_signs,
    _obfuscated_emails,
    _cued_handles,
    _discord_tags,
    _game_names,
    _numeric_ids,
    _word_split_phones,
    _platform_handles,
    _bare_handles,
    _bare_urls,
    _plates,
    _initials,
    _cued_names,
    _owner_names,
    _quoted_names,
    _quoted_accounts,
    _aliases,
    _boru_names,
    _appositions,
    _titled_names,
    _file_names,
    _homes_in_places,
    _abbreviated_names,
    _sentence_subjects,
    _role_brackets,
    _listed_words,
    _lower_name_pairs,
    _lower_cities,
    _schools,
    _classes,
    _villages,
    _english_suffixed,
    _streets,
    _landmarks,
    _quoted_venues,
    _birth_places,
    _area_units,
    _house_numbers,
    _dates,
    _registrations,
    _styled_names,
    _glued_schools,
    _small_islands,
    _named_as,
    _real_names,
    _lower_chat_subjects,
    _role_names,
    _long_digit_ids,
    _labelled_numbers,
    _media_files,
    _opening_names,
    _person_appositions,
    _self_introductions,
    _met_names,
    _described_names,
    _quoted_nicknames,
    _roman_registrations,
    _named_venues,
    _class_codes,
    _kin_introductions,
    _chat_speakers,
    _senders,
    _subjects_after_clauses,
    _split_phones,
    _hijri_dates,
    _eateries_and_boats,
    _dorm_rooms,
]


def _merge(doc: Doc, findings: list[Finding]) -> list[Finding]:
    """Sort; drop findings inside a longer one; join overlapping findings of the same kind."""
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -f.end, RANK[f.kind])):
        if kept and finding.end <= kept[-1].end:
            continue  # nested in (or equal to) the previous finding
        if kept and finding.start < kept[-1].end and finding.kind == kept[-1].kind:
            kept[-1] = doc.finding(finding.kind, kept[-1].start, finding.end)
            continue  # "On the 3rd" + "3rd of June" -> "On the 3rd of June"
        kept.append(finding)
    return kept


class Scanner:
    """Scans texts with the rules of one set of word lists."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.rules = Rules(lexicon)
        self._memo: dict[tuple[str, bool], tuple[Finding, ...]] = {}

    def findings(self, doc: Doc) -> list[Finding]:
        """Findings in a text already normalised and in its case view, with offsets into it."""
        phrases, regions = _phrase_spans(doc)
        safe = Spans(phrases + [match.span() for law in self.rules.law_refs for match in doc.finditer(law)])
        found = [f for detect in DETECTORS for f in detect(doc)]
        found += _bracketed_names(doc, found)
        names = [f for f in found if f.kind == "name"]  # before the invented ones are dropped
        found = [f for f in found if not safe.covers(f.start, f.end) and not self._fictional(doc, f)]
        found += [  # "Sebut saja Rina dan Budi": the second one is as invented as the first
            f
            for f in _joined_names(doc, found)
            if not safe.covers(f.start, f.end) and not self._fictional(doc, f)
        ]
        found = [f for f in found if f.kind != "name" or not _declared_pseudonym(doc, f, names)]
        found += _places_after_findings(doc, found, safe)
        found += _towns_after_addresses(doc, found, safe)
        found += _postcodes_after_addresses(doc, found)
        found += _rooms_in_lodgings(doc, found)
        found += _repeated_names(doc, found)
        found = _without_public_places(doc, found, regions)
        found += _ages_with_place(doc, found, safe)
        found = _without_lone_regencies(doc, found)
        return _merge(doc, found)

    @staticmethod
    def _fictional(doc: Doc, finding: Finding) -> bool:
        """A place or name followed by "(fiktif)" / "(nama samaran)" is declared invented, and so is a
        name in quotes after "nama samaran" or "sebut saja"."""
        if finding.kind not in FICTIONAL_KINDS:
            return False
        if r.FICTIONAL_MARK.match(doc.text, finding.end):
            return True
        if finding.kind == "name" and r.FICTIONAL_AFTER_APPOSITION.match(doc.text, finding.end):
            return True  # "Ayu, teman sebaya korban (nama disamarkan), ..."
        start = finding.start
        if finding.kind in ("name", "initials"):
            if finding.kind == "initials" and finding.text.split()[-1].strip(".") in r.PLACEHOLDER_LETTERS:
                return True  # "Child X", "Anak X": a placeholder, not a child's initial
            if r.PSEUDONYM_BEFORE.search(doc.lower, max(0, start - 60), start):
                return True  # "Sebut saja namanya Anak A", "let's call her Rina": the author's own pseudonym
            if r.PSEUDONYM_AFTER.match(doc.text, finding.end):
                return True  # "Dinda dan Raka adalah nama samaran", "Rose and Lily are pseudonyms"
        if start == 0 or doc.text[start - 1] not in "\"“‘'":
            return False
        return bool(r.FICTIONAL_BEFORE.search(doc.lower, max(0, start - 60), start)) and not _alias_in_use(
            doc, start - 1
        )

    def scan(self, text: str, slug: bool = False) -> list[Finding]:
        """All identifying details in ``text``, with the author's offsets and text.

        Results are remembered per text (findings are immutable), so a rebuild of
        ``mkdocs serve`` scans only the texts that changed.
        """
        if not text:
            return []
        key = (text, slug)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = tuple(self._scan(text, slug))
            if len(self._memo) > MEMO_SIZE:
                del self._memo[next(iter(self._memo))]
        return list(found)

    def _scan(self, text: str, slug: bool) -> list[Finding]:
        norm = normalise(text)
        lowered = Lowered(norm.text, self.rules)
        found = self.findings(Doc(case_view(norm.text, self.rules, lowered, slug), self.rules, lowered))
        out = []
        for finding in found:
            start, end = norm.span(finding.start, finding.end)
            out.append(Finding(finding.kind, start, end, text[start:end], finding.reason))
        return out


@functools.cache
def _scanner(lexicon: Lexicon) -> Scanner:
    return Scanner(lexicon)


def scanner_for(root: Path | str | None = None) -> Scanner:
    """The scanner for a project root (package lists plus the project's ``local/`` extras)."""
    return _scanner(lexicon_for(root))


def scan(text: str, root: Path | str | None = None) -> list[Finding]:
    """All identifying details in one text (Indonesian or English, may be Markdown), sorted by start."""
    return scanner_for(root).scan(text)


def scan_slug(slug: str, root: Path | str | None = None, scanner=None) -> list[Finding]:
    """Identifying details in a slug or file name ("budi-santoso-smpn2"), offsets into ``slug``.

    ``scanner`` is anything with the ``scan(text, slug)`` of a ``Scanner`` (default: the
    scanner of ``root``)."""
    spaced = slug.replace("-", " ").replace("_", " ")
    scanner = scanner or scanner_for(root)
    found = {
        (f.kind, f.start, f.end) for f in scanner.scan(spaced, slug=True) + scanner.scan(slug, slug=True)
    }
    findings = [Finding(kind, start, end, slug[start:end], REASONS[kind]) for kind, start, end in found]
    return sorted(findings, key=lambda f: (f.start, -f.end, RANK[f.kind]))
