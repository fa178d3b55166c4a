"""The patterns of the anonymity checker, compiled once per set of word lists.

``Rules(lexicon)`` turns the word lists (see ``anonymity_lists``) into sets and compiled regular
expressions; ``anonymity`` runs them. Patterns that need no list are module constants.

Speed notes (the shipped curriculum holds about 500 KB of text, scanned in well under a second):

* Most patterns deliberately do not start with ``\\b`` or a look-behind. A leading assertion
  stops the regex engine from skipping ahead to a possible first character; the word-boundary
  check runs in Python on the few matches instead (see ``Pattern``).
* Keyword alternations are built as prefix trees (``alt``).
* A case-insensitive group is several times slower than a plain one, so patterns that run over
  the whole text and match words in any case run on the lower-cased text (``lower=True``) with
  lower-case alternations (``lalt``); they are skipped when none of their ``triggers`` words
  occurs in the text at all.
* Patterns that always start with one of their trigger words (``anchored``) are not run over
  the text at all: one pass finds every trigger word (``Rules.anchor_words``), and each such
  pattern is matched only where one of its words stands.
* Patterns that need a cue word before a capitalised name ("Desa X", "bernama X") carry their
  cue words; ``anonymity.Doc`` tries them only where such a word stands.
* Patterns that cannot match without a digit (phones, dates, house and ID numbers) are marked
  ``needs_digit`` and skipped in a text without one: three texts in four of a curriculum.
* Rules for rare shapes start from the rare part: an account name near a platform word is looked
  for only in the clause around the platform word, a class code only where "kelas" stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .anonymity_lists import Lexicon

# --- pattern helpers -----------------------------------------------------------------------


def alt(words: Iterable[str] | str, cases: bool = False) -> str:
    """Alternation of literal words as a prefix tree; with ``cases`` also each capitalised form.

    "Pak Pakde Bu" becomes "Pak(?:de)?|Bu". The regex engine tries alternatives one by one,
    so sharing prefixes lets it reject a position after one character instead of trying
    every word; the optional tails are greedy, so the longest word still wins. A space in a
    phrase matches any run of spaces and tabs.
    """
    items = words.split() if isinstance(words, str) else list(words)
    if cases:
        items += [word[:1].upper() + word[1:] for word in items]
    trie: dict[str, dict] = {}
    for word in items:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render_trie(trie)


def _render_trie(node: dict[str, dict]) -> str:
    branches = [
        ("[ \\t]+" if char == " " else re.escape(char)) + _render_trie(child)
        for char, child in node.items()
        if char
    ]
    if not branches:
        return ""
    if "" in node:
        return "(?:" + "|".join(branches) + ")?"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def lalt(words: Iterable[str]) -> str:
    """An alternation of ``words`` in lower case, for patterns run on the lower-cased text."""
    return "(?:" + alt(sorted({" ".join(word.lower().split()) for word in words})) + ")"


def ialt(words: Iterable[str]) -> str:
    """A case-insensitive alternation, for patterns tried only at a few cue sites."""
    return "(?i:" + lalt(words) + ")"


def cue_alt(words: Iterable[str], insensitive: bool = True) -> str:
    """Cue words as an alternation; an entry written with a final "." ("Jl.") may drop it."""
    words = list(words)
    plain = [word for word in words if not word.endswith(".")]
    short = [word[:-1] for word in words if word.endswith(".")]
    make = ialt if insensitive else lalt
    return (
        "(?:" + "|".join(([make(plain)] if plain else []) + ([make(short) + r"\.?"] if short else [])) + ")"
    )


def word_start(text: str, pos: int, extra: str = "") -> bool:
    """True if no letter, digit, "_" (or a character in ``extra``) comes right before ``pos``."""
    if pos == 0:
        return True
    before = text[pos - 1]
    return not (before.isalnum() or before == "_" or before in extra)


def word_end(text: str, pos: int) -> bool:
    """True if no letter, digit or "_" comes at ``pos``."""
    return pos >= len(text) or not (text[pos].isalnum() or text[pos] == "_")


@dataclass(frozen=True)
class Pattern:
    """A regex whose matches must start a word; the check runs in Python (see module doc).

    ``cues`` (lower-case) are the words a match can start with when the match always runs
    up to a capitalised word; such patterns are only tried at those words (see ``Doc``).
    ``lower`` patterns run on the lower-cased text; ``triggers`` are lower-case words of
    which one must occur in the text for the pattern to be tried at all.
    """

    regex: re.Pattern[str]
    not_after: str = ""
    cues: frozenset[str] = frozenset()
    lower: bool = False
    triggers: frozenset[str] = frozenset()
    anchored: bool = False  # every match starts at one of the triggers words (see ``Doc.finditer``)
    needs_digit: bool = False  # no match without a digit: skipped in a text without one

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        for match in self.regex.finditer(text):
            if word_start(text, match.start(), self.not_after):
                yield match


def keys(phrases: Iterable[str] | str) -> frozenset[str]:
    """Every word of every phrase, lower-cased, whole and up to its first non-letter."""
    words = [
        word for phrase in ([phrases] if isinstance(phrases, str) else phrases) for word in phrase.split()
    ]
    found = {re.match(r"[^\W\d_]*", word).group().lower() for word in words} | {w.lower() for w in words}
    return frozenset(found - {""})


def pattern(
    regex: str,
    not_after: str = "",
    cues: Iterable[str] | str = "",
    lower: bool = False,
    triggers: Iterable[str] | str = "",
    anchored: bool = False,
    needs_digit: bool = False,
) -> Pattern:
    return Pattern(re.compile(regex), not_after, keys(cues), lower, keys(triggers), anchored, needs_digit)


WORD = re.compile(r"[a-z]+")
DAY_WORD_KEYS = keys(
    "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas belas puluh "
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth twenty thirty"
)
CAPWORD = r"[A-Z][\w'’-]*"
HAS_QUOTE = re.compile("[\"“‘']")
OPEN_QUOTE = "[\"“‘']?"  # a name in quotes after its cue word: 'warnet "Raja Game"', 'desa "Sukamaju"'
QUOTES = "\"“‘'"
NAME_WORDS = r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}"
NUM_ID = (
    r"(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)[ \t]+belas|sepuluh|sebelas|"
    r"satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan"
)
NUM_EN = alt(
    "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen ten "
    "nine eight seven six five four three two one",
    cases=True,
)
# A day of the month in words (lower case): "dua belas", "dua puluh tiga", "twelfth", "twenty-first".
_ID_UNITS = "satu dua tiga empat lima enam tujuh delapan sembilan"
DAY_WORDS_ID = rf"(?:(?:dua|tiga)[ \t]+puluh(?:[ \t]+{alt(_ID_UNITS)})?|{alt(_ID_UNITS)}[ \t]+belas|sepuluh|sebelas|{alt(_ID_UNITS)})"
_EN_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth"
)
DAY_WORDS_EN = rf"(?:(?:twenty|thirty)[- \t](?:{alt(_EN_ORDINALS.split()[:9])})|{alt(_EN_ORDINALS)})"
EN_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)

# Digits spelled out one by one ("nol delapan satu dua ...", "zero eight one two ...").
DIGIT_WORDS = {
    **dict.fromkeys(["nol", "kosong", "zero", "oh"], "0"),
    **dict.fromkeys(["satu", "one"], "1"),
    **dict.fromkeys(["dua", "two"], "2"),
    **dict.fromkeys(["tiga", "three"], "3"),
    **dict.fromkeys(["empat", "four"], "4"),
    **dict.fromkeys(["lima", "five"], "5"),
    **dict.fromkeys(["enam", "six"], "6"),
    **dict.fromkeys(["tujuh", "seven"], "7"),
    **dict.fromkeys(["delapan", "eight"], "8"),
    **dict.fromkeys(["sembilan", "nine"], "9"),
}
_DIGIT_TOKEN = rf"(?:{alt(list(DIGIT_WORDS) + ['plus', 'double', 'triple', 'dobel'])}|\d+)"
SPELLED_DIGITS = pattern(
    rf"{_DIGIT_TOKEN}(?:[ \t]*[,.\-–—/]?[ \t]*{_DIGIT_TOKEN}){{6,}}", lower=True, triggers=list(DIGIT_WORDS)
)
# A phone number written with the letters O and I (or l) for 0 and 1: "O8I3-5566-77O1", "08l2 3456 789O".
# At least one such letter; ``anonymity`` maps them to digits and checks the number.
LETTER_PHONE = pattern(
    r"(?:\+62|62|[0Oo])[ \t]?8[\dOoIl]{1,3}(?:[ \t.\-]?[\dOoIl]{2,5}){1,4}(?![\w])", needs_digit=True
)

# --- patterns that need no list ------------------------------------------------------------

# A bullet or middle dot may stand for the dot ("0878•1133•6290", "0812·3456·7890").
_DOTS = ".\\-•·∙‧⋅・"
_PHONE_SEP = rf"(?:[ \t]?[{_DOTS}][ \t]?|[ \t]{{1,2}})"
PHONE = pattern(
    rf"(?:\+[ \t]?62|\(\+?62\)|62|\(0\d{{2,4}}\)|0)(?:{_PHONE_SEP})?(?:\(\d{{2,4}}\)[ \t]?)?\d+(?:{_PHONE_SEP}\d+){{0,14}}",
    "+",
    needs_digit=True,
)
DIGIT = re.compile(r"\d")
TIMES_ONLY = re.compile(r"(?:\d{1,2}[.:]\d{2}[ \t\-]*)+")
# A long number in groups ("3273 0125 0510 0003", "3201.0203.0405.0006"): 16 digits is a NIK/KK.
DIGIT_RUN = pattern(rf"\d{{2,}}(?:(?:[ \t]?[{_DOTS}][ \t]?|[ \t])\d+)*", ".", needs_digit=True)
# Identity and account numbers after their name: NIK/KK, NISN, student ID, bank account.
NIK_CUE = re.compile(  # on the lower-cased text
    r"\b(?:nik|kk|ktp|nisn|nis|nip|nrp|nomor[ \t]+induk|no\.?[ \t]*induk|kartu[ \t]+(?:keluarga|pelajar)|"
    r"family[ \t]+card|id[ \t]+(?:card[ \t]+)?number|national[ \t]+id|student[ \t]+(?:id|number)|id[ \t]+siswa|"
    r"rekening|no\.?[ \t]*rek|account[ \t]+number|bpjs|paspor|passport|"
    # health, school-aid and welfare cards, birth certificates, and accounts after the bank's name
    r"kis|kip|kks|jkn|kartu[ \t]+(?:indonesia[ \t]+)?(?:sehat|pintar|sejahtera)|akta(?:[ \t]+kelahiran)?|"
    r"birth[ \t]+certificate|card[ \t]+number|virtual[ \t]+account|bank|bri|bni|bca|bsi|btn|mandiri|cimb|"
    r"danamon|permata|dana|ovo|gopay|"
    # a phone's IMEI or SIM card, a driving licence (SIM A/B/C), a student's NIM/NPM, a tax number
    r"imei|iccid|sim(?:[ \t]+(?:[a-d][12]?(?:[ \t]+umum)?|card))?|surat[ \t]+izin[ \t]+mengemudi|driv(?:ing|er'?s)[ \t]+licen[cs]e|"
    r"nim|npm|npwp)\b[^\n\d]{0,25}\Z"
)
# A student number after its name, however short: "NIS 2223.1045", "nomor induk siswa: 10452",
# "student ID 20231045" (on the lower-cased text; at least four digits, checked in Python).
STUDENT_NUMBER = pattern(
    r"(?:nisn|nis|nipd|nim|npm|no(?:mor|mer|\.)?[ \t]*induk(?:[ \t]+(?:siswa|murid|pelajar|santri|mahasiswa))?"
    r"|student[ \t]+(?:id|number|no\.?)(?:[ \t]+(?:number|no\.?))?|(?:nomor|no\.?|id)[ \t]+(?:siswa|pelajar|murid))"
    r"(?:[ \t]*\((?:nisn|nis|nipd|nim|npm)\))?(?:-?nya)?"  # "nomor induk siswa (NIS): ..."
    r"(?:[ \t]+(?:korban|anak|siswa|siswi|pelaku|dia|ia|her|his|the|child's|girl's|boy's|was|is|"
    r"adalah|yaitu|itu|tersebut|ini)){0,3}"
    r"[ \t]*[:=,]?[ \t]*\(?(?P<hit>\d+(?:[ \t]?[.\-/][ \t]?\d+|[ \t]\d+){0,3})(?![\d])",
    lower=True,
    triggers="nisn nis nipd nim npm nomor nomer no student id",
    anchored=True,
    needs_digit=True,
)
STUDENT_WORDS = keys("nisn nis nipd nim npm induk student siswa pelajar murid")  # one must be in the text
NOT_AN_ID_AFTER = re.compile(r"[ \t]*(?:digit|angka|karakter|character|huruf|letter|siswa|students?)")
YEAR_GROUP = re.compile(r"(?:19|20)\d\d")
MONEY_BEFORE = re.compile(r"(?:rp\.?|idr|usd|\$|€)[ \t]*\Z")  # on the lower-cased text
# An amount of money written as one token: "Rp75,000", "Rp1.500.000", "US$20", "IDR50000", "RM30".
# Also with a short word for thousands or millions: "Rp100rb", "50rb", "Rp1,5jt", "300k".
MONEY_TOKEN = re.compile(
    r"(?i)(?:rp|idr|usd?|us\$|sgd|rm|myr|eur|\$|€)\.?\d[\d.,]*(?:rb|ribu|k|jt|juta|m|mio)?"
    r"|\d[\d.,]*(?:rb|ribu|k|jt|juta|mio)"
)

URL = pattern(
    r"(?:https?://|www\.)[^\s<>\"'`()\[\]{}]+(?<![.,;:!?])",
    lower=True,
    triggers="http https www",
    anchored=True,
)
# A username in quotes without "@" ('kakak_peduli', "gadis99"): underscores or trailing digits.
# Also a name joined by a dot to a capitalised word ("Tiarrr.Soe", 'Rafa.Gantenk').
QUOTED_HANDLE = pattern(
    r"['\"“‘](?P<hit>[A-Za-z0-9]+(?:_[A-Za-z0-9_.]*[A-Za-z0-9]|[A-Za-z]\d{2,})|[A-Za-z][a-z0-9]+\.[A-Z][a-z][A-Za-z0-9]*)['\"”’]"
)
AT_SIGN = re.compile(r"@")
LOCAL_PART = re.compile(r"[\w.%+-]+[ \t]?\Z")
DOMAIN = re.compile(r"[ \t]?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
HANDLE = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
# "nama[at]gmail[dot]com", "nama (at) gmail.com", "nama at gmail dot com", "nama @ gmail titik com".
# These run on the lower-cased text.
_TLD = r"(?:com|net|org|id|co|info|biz|me|io|edu|ac|sch|go|mil|my|sg)\b"
_DOT_WORD = r"(?:[ \t]*[\[({<][ \t]*(?:dot|titik|\.)[ \t]*[\])}>][ \t]*|[ \t]+(?:dot|titik)[ \t]+)"
OBFUSCATED_AT = re.compile(
    r"[ \t]*[\[({<][ \t]*(?:at|et|@)[ \t]*[\])}>][ \t]*|[ \t]+(?:at|et|di)[ \t]+|[ \t]*@[ \t]*"
)
BRACKETED = re.compile(r"[\[({<][ \t]*(?:at|et|@|dot|titik)[ \t]*[\])}>]")
OBFUSCATED_DOMAIN = re.compile(rf"[a-z0-9-]+(?:(?:{_DOT_WORD}|\.)[a-z0-9-]+)*(?:{_DOT_WORD}|\.){_TLD}")
HAS_DOT_WORD = re.compile(_DOT_WORD)
# "andriyani . putri @ gmail . com": spaces around the dots too (on the lower-cased text).
SPACED_LOCAL = re.compile(r"[a-z0-9_%+-]+(?:[ \t]*\.[ \t]*[a-z0-9_%+-]+)*[ \t]*\Z")
SPACED_DOMAIN = re.compile(
    rf"[ \t]*[a-z][a-z0-9-]*(?:[ \t]*\.[ \t]*[a-z0-9-]+)*?[ \t]*\.[ \t]*{_TLD}(?![ \t]+\.[ \t]*[a-z]|\.[a-z])"
)
BARE_URL_TAIL = re.compile(  # on the lower-cased text
    r"\.(?:com|net|org|id|me|co|io|ly|gg|gl|google|tv|app|link|site|xyz|info|biz|live|ee|be|to|cc|page|dev|my)"
    r"(?:\.[a-z]{2})?/[^\s<>\"'`()\[\]{}]*(?<![.,;:!?])"
)
DOMAIN_HEAD = re.compile(r"(?:[a-z0-9-]+\.)*[a-z0-9-]+\Z")
# An account name without "@" or cue: "kakak.baik.hati", "gadis_desa", "lia.dance2010" (lower case).
BARE_HANDLE = re.compile(r"[a-z0-9]+(?:[._][a-z0-9]+)+_?(?![\w@/-]|\.\w)")
HANDLE_JOINT = re.compile(r"[._](?=[a-z0-9])")  # found first: joints are rarer than words
TOKEN_HEAD = re.compile(r"[a-z0-9._]+\Z")
NOT_HANDLE_ENDS = frozenset(
    [
        "com",
        "net",
        "org",
        "id",
        "co",
        "me",
        "io",
        "info",
        "biz",
        "edu",
        "ac",
        "sch",
        "go",
        "gov",
        "mil",
        "my",
        "sg",
        "ly",
        "gg",
        "tv",
        "app",
        "html",
        "htm",
        "php",
        "pdf",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "ppt",
        "pptx",
        "jpg",
        "jpeg",
        "png",
        "gif",
        "mp3",
        "mp4",
        "txt",
        "csv",
        "yml",
        "yaml",
        "md",
        "zip",
    ]
)
# The shape of an account name: an underscore, an inner dot, letters with digits, inner capitals.
HANDLE_SHAPE = re.compile(r".*(?:_|[a-z]\.[a-z]|[A-Za-z]\d|\d[A-Za-z]|[a-z][A-Z])", re.S)

# A name in quotes: capitalised words, or one lower-case word ("Jovan", ‘Kenzo Ganteng’, "jovan"),
# or a lower-case form of address and a name ('om dedi'; ``anonymity`` checks the first word); a
# number may end the capitalised words, as in a driver's or player's name ('Ambon Manise 88').
QUOTED_NAME = re.compile(
    r"[\"“‘'](?P<hit>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3}(?:[ \t]+\d{1,4})?|[a-z][a-z'’-]{2,}(?<!['’])"
    r"|[a-z]{2,6}[ \t]+[a-z][a-z'’-]{2,}(?<!['’]))[\"”’']"  # "om dedi", "dek tiara": a form of address, a name
)
# Words before a name in quotes that declare it invented: 'nama samaran "Dinda"'.
PSEUDONYM_WORDS = frozenset(
    [
        "samaran",
        "samarannya",
        "disamarkan",
        "fiktif",
        "rekaan",
        "pseudonym",
        "fictional",
        "fake",
        "palsu",
        "bukan",
    ]
)
# A pseudonym someone used, not one the author gave: 'pelaku memakai nama samaran "Om Jek"', 'he used
# the fake name "Rafa"' (on the lower-cased text); unless the author is the one using it ("kami ...").
ALIAS_IN_USE = re.compile(
    r"(?<![a-z])(?:memakai|menggunakan|pakai|pake|make|memakainya|menyamar|mengaku|used|uses|using|use|adopted)"
    r"(?:[ \t]+(?:the|a|an|his|her|nama|name|names|akun|account|sebuah|identitas|dengan))*"
    r"[ \t]+(?:samaran|palsu|fake|pseudonym|pseudonim|alias)(?![a-z])"
)
# Words that may stand between an account word and an account name in quotes: 'akun palsu pelaku "X"'.
ACCOUNT_GAP_WORDS = keys(
    "pelaku korban anak tersangka palsu kedua baru lain lainnya itu ini tersebut milik miliknya bernama nama "
    "adalah yaitu dengan atas di pada on in at the a an his her their its fake new second other named called was is "
    "offender's perpetrator's suspect's victim's child's girl's boy's"
)
AUTHOR_WORDS = re.compile(r"(?<![a-z])(?:kami|kita|penulis|we|our|the[ \t]+author)(?![a-z])")
# "in the village", "di kampung": a place phrase between a cue and a quoted name (lower-cased text).
LOCATIVE = re.compile(
    r"(?<![a-z])(?:in|at|on|around|across|among|throughout|within|di|dalam|sekitar|se)"
    r"(?:[ \t]+(?:the|this|that|his|her|their|its|our|a|an|itu|ini|tersebut))?[ \t]+[a-z][a-z'’-]*"
    r"(?:[ \t]+(?:itu|ini|tersebut))?"
)
# A Discord tag ("ShadowFox#4821", "kucingoren#0937"): found from "#1234", then the name before it.
DISCORD_NUMBER = re.compile(r"#\d{4}(?![\w#])")
DISCORD_NAME = re.compile(r"[A-Za-z0-9_.]*[A-Za-z][A-Za-z0-9_.]*\Z")
# A game or chat user name standing a few words after "IGN", "nick", "username", "ID game": a
# token shaped like an account name (an underscore, letters with digits, an inner capital).
NAME_TOKEN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.]*[A-Za-z0-9_]")
STRONG_HANDLE = re.compile(r".*(?:_|[A-Za-z]{2}\d|\d[A-Za-z]{2}|[A-Za-z]\d.*[A-Za-z]|[a-z][A-Z])", re.S)
ACCOUNT_SHAPE = re.compile(r"[_\d]|[a-z][A-Z]")  # a quick test of a window before its tokens
WINDOW_END = re.compile(r"[.!?;][ \t\n]|\n|[.!?;]\Z")
# "AB (14)", "R, 14,": found from the bracketed or comma-framed age, then the letters before it.
AGE_AFTER_INITIALS = re.compile(
    r"\([ \t]*\d{1,2}(?:[ \t]*(?:tahun|thn|th|years?(?:[ \t]+old)?|y\.?o\.?))?"
    r"[ \t]*\)|,[ \t]*\d{1,2}[ \t]*,"
)
INITIALS_BEFORE = re.compile(r"(?:(?:[A-Z]\.){1,4}|[A-Z]{1,3})[ \t]*\Z")
# "R.S.", "M.A.": found from the first ".X." (periods are rarer than capitals), then one letter back.
DOTTED_TAIL = re.compile(r"\.(?:[A-Z]\.){1,3}(?!\w)")

# Numbers that name one unit, boat or document (on the case view): a scout troop ("Gugus Depan
# 11.071", "Gudep 05.123"), a boat by its name and number ("KM Sinar Bahari 05"), a passport
# ("paspor C 4471920") or a birth certificate with letters in it ("akta 3578-LT-12062010-0045").
UNIT_NUMBER = pattern(
    r"(?:[Gg]ugus[ \t]+[Dd]epan|[Gg]udep|GUDEP)[ \t]*(?:[Nn]o\.?[ \t]*)?\d{1,3}(?:[.\-/]\d{2,4})?\b"
    r"|(?:KM|KMP|KLM)\.?[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,3}(?:[ \t]+\d{1,3}\b)?",
)
DOCUMENT_NUMBER = pattern(
    r"(?:paspor|passport|akta(?:[ \t]+kelahiran)?|birth[ \t]+certificate)(?:[ \t]+[a-z'’]+\.?){0,4}?"
    r"[ \t]*(?:[:#][ \t]*)?(?P<hit>[a-z]{1,2}[ \t]?\d{6,8}|\d{2,6}(?:[ \t]?[\-/.][ \t]?[a-z0-9]{1,10}){2,5})(?![\w\-])",
    lower=True,
    triggers="paspor passport akta birth",
    anchored=True,
    needs_digit=True,
)

# GPS coordinates: two decimal degrees with at least four decimals ("-6.9147, 107.6098",
# "3.5952° N, 98.6722° E", "LS"/"BT" in Indonesian); a map pin locates a home to a few metres.
# Separated by a space only with the hemisphere ("6.9147 S 107.6098 E") or a southern latitude
# ("-6.9147 107.6098", as pasted from a map app).
COORDINATES = pattern(
    r"[-−]?\d{1,3}[.,]\d{4,}(?:[ \t]*°?[ \t]*(?:[NSnsU]|LU|LS)?[ \t]*[,;/][ \t]*"
    r"[-−]?\d{1,3}[.,]\d{4,}(?:[ \t]*°?[ \t]*(?:[EWew]|BT|BB)\b|°)?"
    r"|[ \t]*°?[ \t]*(?:[NSnsU]|LU|LS)[ \t]+\d{1,3}\.\d{4,}[ \t]*°?[ \t]*(?:[EWew]|BT|BB)\b"
    r"|(?P<bare>[ \t]+\d{2,3}\.\d{4,}(?![\d.])))",  # the latitude must be signed (checked in anonymity)
    "-.,",
    needs_digit=True,
)
# The same in degrees, minutes and seconds, as a map app shares them: "3°35'42.1"N 98°40'21.7"E",
# "7° 48' 4\" LS, 110° 21' 53\" BT"; one position with its hemisphere is enough ("6°54'53"S").
# Found from the degree sign (rare), then read from the digits before it.
_DMS = r"\d{1,3}[ \t]*°[ \t]*\d{1,2}[ \t]*['’′][ \t]*(?:\d{1,2}(?:[.,]\d+)?[ \t]*(?:\"|''|′′|″|”|’’)[ \t]*)?"
_HEMISPHERE = r"(?:[NSEWnsewUTBT]|LU|LS|BT|BB)\b"
COORDINATES_DMS = re.compile(
    rf"{_DMS}(?:{_HEMISPHERE}(?:[ \t]*[,;/]?[ \t]*{_DMS}(?:{_HEMISPHERE})?)?|[ \t]*[,;/]?[ \t]*{_DMS}{_HEMISPHERE})"
)
DEGREE_HEAD = re.compile(r"\d{1,3}[ \t]*\Z")

# A chat group, server or page named in quotes ("grup 'Info Warga Tegalsari'", "server 'Mabar
# Pontianak Barat'"): a place in its name tells where its members live. The quote is found from
# the cue (on the lower-cased text), the place in the name by ``anonymity``.
COMPASS_WORDS = frozenset(["Barat", "Timur", "Utara", "Selatan", "Tengah", "West", "East", "North", "South"])
GROUP_NAME_CUE = pattern(
    r"(?:grup|group|server|channel|kanal|komunitas|forum|page|halaman|fanpage)(?:[ \t]+[a-z]+){0,2}?"
    r"[ \t]*:?[ \t]*[\"“‘'](?P<hit>[^\"”’'\n]{3,60})[\"”’']",
    lower=True,
    triggers="grup group server channel kanal komunitas forum page halaman fanpage",
    anchored=True,
)

NUMBER_ADDRESS = pattern(
    r"(?:No\.|no\.|Nomor|nomor|Nomer|nomer|No)[ \t]?(?P<num>\d{1,4}[A-Za-z]?)\b(?![/.,\- ]?\d)",
    needs_digit=True,
)
ADDRESS_NUMBERS = pattern(
    r"rt(?:\s*/\s*rw)?\.?\s*\d{1,3}(?:\s*/\s*(?:rw\.?\s*)?\d{1,3}|[\s,]+rw\.?\s*\d{1,3})?\b"
    r"|rw\.?\s*\d{1,3}\b",
    lower=True,
    triggers="rt rw",
    anchored=True,
    needs_digit=True,
)
# "Blok C", "blok F-7", "Blok C2", "blok A3/17", "blok 45", "Blok AA-12" (on the lower-cased text).
BLOCK = pattern(
    # Two letters alone are a block code, not a word after it ("Setiap Blok di asrama").
    r"blok\s+(?:(?!(?:di|ke|ya|yg|dan|itu|ini|in|at|is|of|on|to|or|an|as|by|no)\b(?![\s-]?\d))"
    r"[a-z]{1,2}(?:[\s-]?\d{1,3}(?:[/.\-]\d{1,3})?[a-z]?)?\b|\d{1,3}[a-z]?(?:/\d{1,3})?\b)",
    lower=True,
    triggers="blok",
    anchored=True,
)
UNIT_AFTER = re.compile(  # on the lower-cased text
    r"[ \t]*(?:tahun|thn|th|bulan|minggu|hari|jam|menit|detik|kali|orang|anak|km|m|meter|cm|kg|persen|"
    r"years?|months?|weeks?|days?|hours?|minutes?|times|people|kids|%)\b"
)
LAW_AFTER = re.compile(r"\s*(?:Tahun|tahun|of\b|/|\((?:19|20)\d\d\))")
PREV_WORD = re.compile(r"([\w-]+)\W*\Z")
NUMERIC_DATE = pattern(
    r"(?=\d{1,4}[/.\-]\d)(?:(?P<d>\d{1,2})(?P<sep>[/\-])(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2}|\d{2})"
    r"|(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?:19|20)\d{2}"
    r"|(?:19|20)\d{2}(?P<sep2>[-/.])(?:0?[1-9]|1[0-2])(?P=sep2)\d{1,2})(?![\d/\-]|\.\d)",
    "/.-",
    needs_digit=True,
)
# "pada 12/3", "since 3/4": a day and month without a year, after a word that dates it.
SHORT_DATE = pattern(
    r"(?:pada|sejak|tanggal|tgl|malam|pagi|siang|sore|hari|on|since|night|morning)\.?[ \t]+"
    r"(?P<d>\d{1,2})/(?P<m>\d{1,2})\b(?![/.\-]?\d)",
    lower=True,
    triggers="pada sejak tanggal tgl malam pagi siang sore hari on since night morning",
    anchored=True,
    needs_digit=True,
)
# The date a law was passed or a public day falls on is public (on the lower-cased text).
# A document's own date ("surat tertanggal 21 Januari 2024", "a letter dated 3 May 2023") is never public,
# even when the sentence says the letter was signed.
DOCUMENT_DATE_BEFORE = re.compile(r"\b(?:tertanggal|bertanggal|dated)[ \t]+\Z")
PUBLIC_DATE_CONTEXT = re.compile(
    r"\b(?:uu|undang-undang|perpres|perppu|pp|permen\w*|perda|peraturan|law|act|regulation|konvensi|convention|"
    r"disahkan|diundangkan|ditetapkan|diratifikasi|berlaku|diperingati|dirayakan|"
    r"pelatihan|training|workshop|lokakarya|webinar|seminar|sosialisasi|pendaftaran|registration|deadline|"
    r"enacted|ratified|came[ \t]+into[ \t]+force|took[ \t]+effect|celebrated|observed)\b"
)
# Independence Day by its date: "upacara 17 Agustus", "lomba 17 Agustusan", "the 17 August ceremony" (on the
# lower-cased text: an event word before the date, or "an"/an event word after it). "Pada malam 17 Agustus"
# stays the date of an incident.
INDEPENDENCE_DATE = re.compile(r"17[ \t]+(?:agustus|august|agt|agu)\Z")
INDEPENDENCE_BEFORE = re.compile(
    r"(?<![a-z])(?:upacara|lomba|peringatan|perayaan|memperingati|merayakan|hut(?:[ \t]+ri)?|libur|pawai|karnaval|"
    r"gerak[ \t]+jalan|tirakatan|ceremony|celebrations?|festivities|parade|competitions?|holiday)"
    r"(?:[ \t]+(?:hari|kemerdekaan|ri|tanggal|on|of|the|day))*[ \t]+\Z"
)
INDEPENDENCE_AFTER = re.compile(
    r"an\b|[ \t]+(?:ceremony|celebrations?|festivities|parade|competitions?|holiday)\b"
)
AGENCY_WORDS = "Kementerian|Kementrian|Badan|Dinas|Direktorat|Ministry|Agency"
_NOT_AGENCY = r"(?:Kabupaten|Kota|Kecamatan|Kelurahan|Desa|Kampung|Provinsi|Kab|Kec)\b"
ON_THE_DAY = pattern(
    r"(?:on|On)[ \t]+the[ \t]+\d{1,2}(?:st|nd|rd|th)\b(?![ \t]+(?:century|grade|floor|time))",
    triggers="on",
    needs_digit=True,
)
# "setiap 23 Juli", "17 Agustus every year": a recurring public date (on the lower-cased text).
RECURRING_BEFORE = re.compile(r"(?:setiap|tiap|every|each|saban)[ \t]+(?:tanggal[ \t]+)?\Z")
RECURRING_AFTER = re.compile(r"[ \t,]*(?:(?:setiap|tiap|every|each)[ \t]+(?:tahun|year)|annually|tahunan)")

# Exact ages that need no look-back: "aged 13", "at the age of 12" (each tried only if its word is in the text).
AGES = [
    pattern(
        rf"(?:aged|Aged)[ \t]+(?:\d{{1,2}}|{NUM_EN})\b(?![ \t]*(?:-|–|to|and|or)[ \t]*\d)", triggers="aged"
    ),
    pattern(
        r"(?:at|At)[ \t]+(?:the[ \t]+)?age[ \t]+(?:of[ \t]+)?\d{1,2}\b", triggers="age", needs_digit=True
    ),
]
# Short forms of an age, tried only if one of their words is in the text: "10 yrs", "14 yo", "11 y/o",
# "12 y.o."; an age with its unit in brackets, "(15 thn)", or between commas, "Dinda, 12 thn, ..."; and
# "Rara, age 11," / "(age 11)" / "Usia: 11".
_AGE_UNIT = r"(?:tahun|thn|th|yrs?|years?(?:[ \t]+old)?)"
AGE_ABBREVIATED = pattern(
    r"\d{1,2}[ \t]?(?:yrs?|YRS?|yo|YO|y/o|Y/O|y\.o\.?|Y\.O\.?)(?![\w/])(?:[ \t]+old\b)?"
    rf"|\([ \t]*\d{{1,2}}[ \t]*{_AGE_UNIT}\.?[ \t]*\)"
    rf"|(?<=,[ \t])\d{{1,2}}[ \t]*{_AGE_UNIT}\.?(?=[ \t]*[,)])"
    r"|(?<=[,(][ \t])(?:age|Age)[ \t]+\d{1,2}\b|(?<=\()(?:age|Age)[ \t]+\d{1,2}\b"
    r"|(?:age|Age|AGE|usia|Usia|USIA|umur|Umur|UMUR)[ \t]*:[ \t]*\d{1,2}\b",
    triggers="yrs yr yo y thn th tahun year years age usia umur",
    needs_digit=True,
)
# The other age forms are found from a literal part, then the words before it are checked:
# "berusia 14 tahun", "anak perempuan 14 tahun" (from "tahun"); "Korban (15)" (from the bracket).
TAHUN = re.compile(r"(?:tahun|thn|th)\b")
TAHUN_WORDS = frozenset(["tahun", "thn", "th"])
_AGE_WORDS = "berusia berumur usianya umurnya usia umur anak siswi siswa remaja bocah pelajar gadis korban"
AGE_BEFORE_TAHUN = re.compile(
    rf"(?:{alt(_AGE_WORDS, cases=True)})"
    rf"(?:[ \t]+(?:perempuan|laki-laki))?[ \t]+(?:\d{{1,2}}|{NUM_ID})[ \t]+\Z"
)
BRACKET_AGE = re.compile(r"\([ \t]*\d{1,2}[ \t]*\)")
ROLE_BEFORE_BRACKET = re.compile(
    rf"(?:{alt('anak korban siswi siswa remaja bocah gadis pelajar girl boy victim child student', cases=True)})"
    r"[ \t]*\Z"
)
NAME_BEFORE_BRACKET = re.compile(r"(?<![\w-])([A-Z][a-z]+)[ \t]*\Z")  # "Dimas (12)"
# "belum berusia 18 tahun", "14- to 16-year-olds": limits and ranges are not one exact age.
AGE_LIMIT_BEFORE = re.compile(
    r"(?:belum|bawah|kurang dari|lebih dari|minimal|maksimal|sampai|hingga|"
    r"antara|sekitar|rata-rata|under|over|below|above|least|most|than|to|"
    r"and|\d[ \t]*[-–])[ \t]*\Z",
    re.I,
)
# "13-year-old", "fourteen years old": found from "year", then the number before it.
YEAR_OLD = re.compile(r"years?[- \t]old\b(?!s)")
NUMBER_BEFORE = re.compile(rf"(?:\d{{1,2}}|{NUM_EN})[- \t]\Z")
SENTENCE_MARKS = (". ", "! ", "? ", "\n", '." ', ".\u201d ", ".) ")  # ends of sentences and lines
SENTENCE_LEAD = re.compile(r"(?:[.!?:][ \t]+|\n)[ \t]*(?:(?:#{1,6}|[>*+\-]|\d+[.)])[ \t]+)*[\"“‘'(*_]*\Z")
# A run of capitalised words ("Siti Aminah", "Pondok Pesantren Al-Hikmah"), and one word of it.
CAP_RUN = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z]+)*(?:['’]s)?(?:[ \t]+[A-Z][a-z]+(?:-[A-Za-z]+)*(?:['’]s)?)*")
ACRONYM_BEFORE = re.compile(r"(?<![\w-])[A-Z]{2,}[ \t]*[,(]?[ \t]*\Z")  # "TPKS alias ...", "KBGO, alias ..."
ALIAS_WORD = re.compile(r"[A-Z][\w'’-]*|[a-z][a-z'’-]*")
NEXT_CAP_WORD = re.compile(r"[ \t]+([A-Z][\w'’-]*)")
CAP_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z]+)*")
SHOUTED = re.compile(r"[A-Z]{2,}(?:['’-][A-Z]+)*")
SHOUT_GAP = re.compile(r"[ \t,.;:!?'\"()“”‘’-]*")
LOWER_WORD = re.compile(r"[ \t]+([a-z][a-z'’]*(?:-[a-z]+)*)")
PHRASE_TOKEN = re.compile(r"[A-Z][A-Za-z0-9]*")
# A place or name followed by "(fiktif)" / "(nama samaran)" is declared invented, in brackets or
# between commas or dashes, after a closing quote too: '"Budi" (a pseudonym)', '"Adit", not his real name,'.
_PSEUDONYM = (
    r"(?:fiktif|fiksi|fictional|fictitious|(?:nama[ \t]+)?samaran|(?:an?[ \t]+)?pseudonym|pseudonim|"
    r"bukan[ \t]+nama[ \t]+(?:sebenarnya|asli)|nama[ \t]+(?:telah[ \t]+)?(?:disamarkan|diubah|diganti)|"
    r"nama[ \t]+(?:rekaan|fiktif)|not[ \t]+(?:his|her|their|the)[ \t]+real[ \t]+name|(?:a[ \t]+)?made-up[ \t]+name|"
    r"names?[ \t]+(?:(?:has|have)[ \t]+been[ \t]+)?changed)"
)
FICTIONAL_MARK = re.compile(
    rf"[\"”’']?[ \t]*(?:\(|,|[-–—]+)[ \t]*{_PSEUDONYM}(?:[ \t]*[,.;:)]|\Z|\b)",
    re.I,
)
# A name in quotes after a pseudonym word: 'nama samaran "Dinda"', 'sebut saja anak itu "Dinda"'
# (on the lower-cased text, before the opening quote).
FICTIONAL_BEFORE = re.compile(
    r"(?<![a-z])(?:samaran(?:nya)?|disamarkan|pseudonym|pseudonim|sebut[ \t]+saja|nama[ \t]+(?:rekaan|fiktif)|"
    r"fictional[ \t]+name|made-up[ \t]+name)(?:[ \t]+[a-z]+){0,3}?[ \t]*[:,]?[ \t]*[\"“‘']\Z"
)
# A role-play label, not a child: "kartu bertuliskan Anak A, Anak B", "cards labelled Child A, Child B",
# "peran Anak A", "the role of Child B", "disebut Anak A", "referred to as Child A" (on the lower-cased
# text, before the label; earlier labels of the same list may stand between).
LABEL_BEFORE = re.compile(
    r"(?<![a-z])(?:kartu|cards?|label(?:led|ed|s)?|peran|berperan|memerankan|roles?|disebut|"
    r"referred[ \t]+to[ \t]+as|tokoh|characters?)(?:[ \t]+[a-z]+){0,3}?[ \t]*[:(,]?[ \t]*"
    r"(?:[a-z-]+(?:[ \t]+[a-z-]+)?[ \t]+[a-z][\"”’']?(?:[ \t]*,[ \t]*(?:(?:dan|and|atau|or)[ \t]+)?"
    r"|[ \t]+(?:dan|and|atau|or|&)[ \t]+))*\Z"
)
UNIVERSITY_WORDS = "University Universitas Institute Institut Polytechnic College Academy"
EN_STREET_WORDS = {
    "Street": "address",
    "Road": "address",
    "Avenue": "address",
    "Lane": "address",
    "School": "school",
    "University": "school",
    "Polytechnic": "school",
    "Institute": "school",
    "College": "school",
}
_LAW_NUMBER = r"\s*(?:No\.?|Nomor|Number|Nr\.?)?\s*\d+[A-Z]?\s*(?:(?:Tahun|tahun|of|/)\s*\d{4})?"
# Verb and noun forms ("menerapkan", "berada", "kegiatan", "tempatnya") are not names.
AFFIXED = re.compile(
    r"(?:mem|men|meng|meny|memper|diper|ber|ter)[a-z]{3,}|(?:me|di)[a-z]{3,}(?:kan|i|nya)|di[a-z]{4,}"
    r"|(?:pe|pem|pen|peng|peny|per|ke)[a-z]{3,}an|[a-z]{3,}(?:kan|nya|lah|kah)"
)
# Chat verbs ("ngechat", "nyebarin", "ngancem") and English verb forms ("posted", "sharing").
CHAT_VERB = re.compile(r"(?:nge|ng|ny)[a-z]{3,}|[a-z]{3,}(?:ed|ing)")
_VEHICLE = (
    "plat pelat nopol bernopol berpelat polisi pol plate registration mobil motor kendaraan car van motorbike "
    "truck truk angkot taksi taxi naik mengendarai dibonceng numpang drove driving rode "
    # with "-nya", written as one word: "platnya h1123bv", "nomor polisinya f1234gh"
    "platnya pelatnya nopolnya polisinya platnomornya mobilnya motornya kendaraannya"
)
PLATE_CUE = re.compile(rf"\b{lalt(_VEHICLE.split())}\b[^.\n]{{0,30}}\Z")  # on the lower-cased text
# Account words after which a plain word or number is a handle only with "username: x".
OUTRIGHT_HANDLE_CUES = frozenset(
    [
        "username",
        "usernamenya",
        "uname",
        "id",
        "idnya",
        "uid",
        "ign",
        "gamertag",
        "nick",
        "nickname",
        "handle",
    ]
)
# A numeric game or user ID after "ID", "UID", "user ID", "ID game", "ID ML" (up to three words between),
# with a server number in brackets: "ID ML-nya 482917365 (2231)", "her Roblox user ID 3456721" (on the
# lower-cased text; five digits at least).
NUMERIC_ID = pattern(
    r"(?:uid|idnya|id)(?:-?nya)?(?:[ \t]+(?!(?:dan|and|atau|or|tidak|bukan|not|no|tahun|year|rp)\b)[a-z][a-z-]*){0,3}?"
    r"[ \t]*[:=,]?[ \t]*\(?[ \t]*(?P<hit>\d{5,12}(?:[ \t]*\([ \t]*\d{1,5}[ \t]*\))?)(?![\d]|[.,/-]\d)",
    ".@/",
    lower=True,
    triggers="uid idnya id",
    anchored=True,
    needs_digit=True,
)
# A phone number split by a word: "0815 sambung 4433 2211", "0812 then 3456 7890" (lower-cased text).
WORD_SPLIT_PHONE = pattern(
    r"(?:\+?62|0)\d{2,4}(?:[ \t]*[-.]?[ \t]*\d{2,5})*(?:"
    r"[ \t]+(?:sambung|lanjut|dilanjut|terus|lalu|kemudian|then|followed[ \t]+by|strip|dash)[ \t]+"
    r"\d{2,5}(?:[ \t]*[-.]?[ \t]*\d{2,5}){0,3}){1,3}(?![\d])",
    ".@/",
    lower=True,
    triggers="sambung lanjut dilanjut terus lalu kemudian then followed strip dash",
    needs_digit=True,
)
SPLIT_WORD = re.compile(
    r"\d[ \t]+(?:sambung|lanjut|dilanjut|terus|lalu|kemudian|then|followed|strip|dash)[ \t]+\d"
)
# A room in a named hotel, inn, boarding house or villa of the same sentence: "kamar 208", "room 112".
# Abbreviated ("kmr 12", "kmr. 3"), with "nomor" ("kamar nomor 5") or several ("rooms 3 and 4").
ROOM_NUMBER = re.compile(
    r"(?<![\w-])(?:nomor[ \t]+kamar|no\.?[ \t]+kamar|kamar|kmr\.?|rooms?|units?)"
    r"(?:[ \t]+(?:no\.?|nomor|nmr\.?|number))?[ \t]*\d{1,4}[a-z]?"
    r"(?:(?:[ \t]*[,&/][ \t]*|[ \t]+(?:and|dan|&)[ \t]+)\d{1,4}[a-z]?)*\b(?![.,:]\d)"
)
LODGING_FINDING = re.compile(
    r"(?i)(?:hotel|losmen|penginapan|wisma|kos|kost|indekos|homestay|guest[ \t]*house|motel|villa|vila|"
    r"apartemen|apartment|rusun|rusunawa|hostel|resort|asrama|dorm|dormitory|boarding[ \t]+house)\b"
)
# What a child's profile says of its subject, right after the name that opens a sentence (lower-cased
# text): "Lenjau tinggal di ...", "Apui kini bersekolah di ...", "Lenjau lives with ...".
SUBJECT_VERB = pattern(
    r"(?:(?:kini|sekarang|masih|dulu|sempat|juga|now|still|also)[ \t]+)?"
    r"(?:tinggal[ \t]+(?:bersama|dengan|sama|di[ \t]+(?:rumah|desa|dusun|kampung|kos|panti|asrama|pondok|sebuah"
    r"|pinggir|tepi|lereng|kawasan|perumahan|gang|jalan|jl))|bersekolah|(?:lahir|dilahirkan)[ \t]+(?:di|pada|tahun)"
    r"|(?:berusia|berumur)[ \t]+\d|duduk[ \t]+di[ \t]+(?:kelas|bangku)"
    r"|(?:lives|lived)[ \t]+(?:with|in|at|near)|was[ \t]+born|attends|goes[ \t]+to[ \t]+school"
    r"|is[ \t]+in[ \t]+(?:grade|year|class))\b",
    lower=True,
    triggers="kini sekarang masih dulu sempat juga now still also tinggal bersekolah lahir dilahirkan berusia "
    "berumur duduk lives lived was attends goes is",
    anchored=True,
)
# The name before such a verb or description: one to three capitalised words right before it.
SUBJECT_RUN = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’-]*[ \t]+){0,2}[A-Z][\w'’-]*[ \t]*\Z")
# One of these words must be in a text for the two patterns above and below to be tried.
SUBJECT_CUES = keys(
    "tinggal bersekolah lahir dilahirkan berusia berumur duduk lives lived was attends goes is "
    "kini sekarang masih dulu sempat juga now still also "
    "anak bocah gadis remaja siswa siswi santri santriwati pelajar murid girl boy student pupil teenager child"
)
# A child described after a name and a comma: "Apui, anak Dayak Kenyah berusia 12 tahun, ...",
# "Lenjau, a 13-year-old girl from ...", "Apui, siswi kelas 8, ..." (lower-cased text).
CHILD_APPOSITION = re.compile(
    r"[ \t]*(?:seorang[ \t]+|a[ \t]+|an[ \t]+)?(?:\d{1,2}[ \t-]*(?:year|yr)s?[ \t-]*old[ \t]+)?"
    r"(?:anak|bocah|gadis|remaja|siswa|siswi|santri|santriwati|pelajar|murid|girl|boy|student|pupil|teenager"
    r"|child)(?![\w'’-])"
)
CHILD_APPOSITION_AFTER = re.compile("," + CHILD_APPOSITION.pattern)
# A quoted name after a lower-case word: 'konter pulsa "Rojali Cell"'.
QUOTED_AFTER_WORD = re.compile(
    r"[\"“‘'](?P<name>[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|\d{1,4})){0,3})[\"”’']"
)

# Abbreviations of Muhammad before a name, in any case: "moh. holil", "Muh. Rizki", "m. arif".
ABBREVIATED_NAME = pattern(
    r"(?:moh|muh|moch|much|mochd|mohd|muhd|mhd|mch|moeh|m)\.[ \t]*(?P<hit>[a-z][a-z'’-]{2,})"
    r"(?:[ \t]+(?P<more>[a-z][a-z'’-]{2,}))?",
    ".0123456789",
    lower=True,
    triggers="moh muh moch much mochd mohd muhd mhd mch moeh m",
    anchored=True,
)
# Words between "ID" and a number that make it the number of a record, not of an account.
RECORD_WORDS = keys(
    "laporan report kasus case tiket ticket transaksi transaction pesanan order invoice pengaduan complaint "
    "aduan registrasi registration pendaftaran dokumen document surat berkas file"
)
# An account name near a platform word, before or after it ("He goes by xXBlazeXx on Snapchat"): letters
# with digits and capitals ("SkyBlaze09"), xX...Xx decoration, or dotted lower case ("lil.mochi").
MIXED_HANDLE = re.compile(r"(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[A-Za-z][A-Za-z0-9_]{3,29}")
DECORATED_HANDLE = re.compile(r"[xX]{2}[A-Za-z0-9_]*[A-Z0-9][A-Za-z0-9_]*[xX]{2}")
DOTTED_HANDLE = re.compile(r"[a-z][a-z0-9_]+(?:\.[a-z0-9_]{2,})+")
LETTERS_DIGITS_HANDLE = re.compile(r"[a-z]{3,}\d{2,}")
HANDLE_HINT = re.compile(r"[a-z][A-Z]|[A-Za-z]\d|[a-z]\.[a-z]|[xX]{2}[A-Za-z]")  # a quick test of a window
TOKEN_START = re.compile(r"[A-Za-z0-9_.]*\Z")
PLATFORM_TOKEN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.]*[A-Za-z0-9_]")
CLAUSE_STOPS = (". ", "! ", "? ", "; ", "\n")
# Batak women's names: "Lasma br. Sitorus", "Rosdiana boru Simanjuntak" (br./boru before the marga).
BORU = pattern(r"(?:br|Br|BR|boru|Boru|BORU)\.?[ \t]+(?P<marga>[A-Z][a-z]{2,})", cues="br boru")
# Roles of a child or an offender before a name in brackets: "korban (aldi)", "the victim (Dimas)".
ROLE_BEFORE_NAME = (
    "korban pelaku anak siswa siswi murid santri santriwati remaja gadis bocah pelapor saksi terlapor tersangka "
    "victim offender perpetrator suspect child girl boy student pupil teen teenager witness survivor"
)
BRACKETED_WORDS = re.compile(r"\([ \t]*(?P<hit>[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){0,2})[ \t]*[),;]")
# A name in brackets right after a name: "Tante Meylani (Liem Mei Lan)".
BRACKET_NAME = re.compile(r"[ \t]*\([ \t]*(?P<hit>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,3})[ \t]*\)")
# Roles that stand alone before or after a name between commas: "Korban, Rante Tandi Lolo, dibawa ...".
APPOSITION_ROLES = (
    "korban pelaku tersangka terlapor pelapor saksi terdakwa victim offender perpetrator suspect witness "
    "survivor defendant"
)
# "Anak laki-laki itu, Kogoya, baru ...", "The boy, Kogoya, had ...": the child of the case, pointed at.
APPOSITION_CHILD = (
    r"(?:anak|bocah|remaja|siswa|siswi|murid)(?:[ \t]+(?:laki-laki|perempuan|lelaki|cowok|cewek))?"
    r"[ \t]+(?:itu|tersebut|ini)|the[ \t]+(?:boy|girl|child|teenager|teen)"
)
SPACES = re.compile(r"[ \t]*")
SPACES_BEFORE = re.compile(r"[ \t]*\Z")
WORD_HEAD = re.compile(r"(?<![\w'’-])[a-z]")  # where a word starts (on the lower-cased text)
# The closing of an apposition: "Marthen Wenda, ayah korban, ..." / "... oleh Yosina Kogoya, ibu korban."
APPOSITION_END = re.compile(r"[ \t]*(?:[,.;:)!?]|\Z|[-–—])")
# Class codes: "kelas 7C", "kls 9C", "class 9D", "kelas VIII-B", "grade 8-E", "kelas XI IPS 2", "X MIPA 3",
# "XII TKJ 1" (on the lower-cased text); "kelas 7", "kelas 7-9" and "kelas VII-IX" are grades, not a class.
_ROMAN = r"(?:xi{0,2}|i{1,3}|iv|vi{0,3}|ix)"
_GRADE = rf"(?:1[0-2]|[1-9]|{_ROMAN})"
# A section after a grade: "7c", "7-c", "viii-b", "x-2", "vii.3" (a roman grade needs the hyphen or dot:
# "xi" is no "x" + "i"; a number after a number is a range, "kelas 7-9", unless after a dot, "kelas 8.3").
_SECTION = (
    rf"(?:(?:1[0-2]|[1-9])(?:[ \t]*-[ \t]*|\.)?[a-k]|(?:1[0-2]|[1-9])\.[1-9]|{_ROMAN}(?:[ \t]*-[ \t]*|\.)(?:[a-k]|1[0-2]|[1-9]))"
    r"(?![\w-]|\.\d)(?![ \t]*(?:-|–|sampai|hingga|s\.?d\.?|to|until)[ \t]*(?:kelas[ \t]*)?\d)"  # "kelas 1a sampai 6b"
)
CLASS_STREAMS = (
    "ipa ips mipa iis ibb bhs tkj rpl tkr tsm tbsm akl otkp bdp dkv titl tav tei tkro kuliner perhotelan"
)
_STREAM = alt(CLASS_STREAMS)
CLASS_WORDS = "kelas kls class grade rombel"
# Words that may stand between a grade and a number without being a major's code ("kelas 7 dan 8").
_NOT_CODE = (
    r"(?:dan|and|or|atau|sd|smp|sma|smk|mts|ke|di|yg|to|no|dari|dgn|per|pada|ada|isi|tiap|umur|usia|jam|pkl|"
    r"thn|th|tgl|bln|hari|rp|of|with|has|had|was|is|are|the|for|age|aged|at|in|on|from|kali|orang|anak|sejak|"
    r"tahun|sampai|also|juga|dari|kira|lalu|baru|saat|yang|punya)(?![a-z])"
)
# A class after "kelas" or "rombel" (study group), with its section or stream number (a class code) or
# without (a grade, which is identifying only after initials: "FH, grade 7,"). After the cue any
# vocational major of two to four letters counts when a number follows: "kelas XII TB 1".
CLASS_PHRASE = pattern(
    rf"(?:kelas|kls|class|grade|rombel)\.?[ \t]*(?:(?P<section>{_SECTION})"
    rf"|{_GRADE}(?:[ \t]*-?[ \t]*{_STREAM}(?:[ \t]*-?[ \t]*(?P<number>\d{{1,2}})\b(?![.,:]\d))?"
    rf"|[ \t]*-?[ \t]*(?!{_NOT_CODE})[a-z]{{2,4}}[ \t]*-?[ \t]*(?P<code>\d{{1,2}})\b(?![.,:]\d))?)",
    lower=True,
    triggers=CLASS_WORDS,
)
# A stream code without "kelas": found from the stream ("ips"), then the grade before it, the number after.
STREAM_GRADE_BEFORE = re.compile(r"(?<![\w-])(?:x{1,3}|xi{1,2}|1[0-2])[ \t]*-?[ \t]*\Z")
STREAM_NUMBER_AFTER = re.compile(r"[ \t]*-?[ \t]*\d{1,2}\b(?![.,:]\d)")
# Initials before a class: "MFA kls 9C", "AS (kelas VII)", "MR, class 9B", "S.N. kls 7".
INITIALS_BEFORE_CLASS = re.compile(
    r"(?<![\w.])(?P<ini>(?:[A-Z]\.){1,4}|[A-Z]{2,4})(?P<gap>[ \t]*[,(]?[ \t]*)\Z"
)
# School subjects, which stand before "kelas 7" as initials would ("materi IPA kelas 7").
SUBJECTS = frozenset(
    ["IPA", "IPS", "IPAS", "PKN", "PPKN", "TIK", "BK", "PJOK", "PAI", "MTK", "SBK", "SBDP", "BI", "KKPI"]
)
# Nicknames of numbered state schools: "SMANSA" (SMA Negeri 1), "Smanda", "SPENSA", "SMPSA", "SMAGA".
_NICKNAME = (
    r"(?:sma|smp|smk)n?(?:sa|da|ga|ti|pat|ma|nam|tu|lan|sem)|spen(?:sa|da|ga|ti|pat|ma|nam|tu|lan|sem)"
)
SCHOOL_NICKNAMES = frozenset(
    stem + number
    for stem in ("sma", "sman", "smp", "smpn", "smk", "smkn", "spen")
    for number in ("sa", "da", "ga", "ti", "pat", "ma", "nam", "tu", "lan", "sem")
)
SCHOOL_NICKNAME = pattern(rf"(?:{_NICKNAME})(?![\w-])", lower=True, triggers=SCHOOL_NICKNAMES)
# A class code inside a group name in quotes: 'grup WhatsApp "IX-C Bersatu"', 'group chat "7C Squad"'.
GROUP_NAME = pattern(
    r"(?:grup|group|gc|groupchat)(?:[ \t]+(?:wa|whatsapp|line|telegram|chat|kelas|class|facebook|fb|discord))?"
    r"[ \t]*:?[ \t]*[\"“'‘](?P<name>[^\"”'’\n]{2,40})[\"”'’]",
    lower=True,
    triggers="grup group gc groupchat",
)
GROUP_CODE = re.compile(
    rf"(?<![\w-])(?:(?:1[0-2]|[1-9])-?[a-k]|(?:x{{1,3}}|xi{{1,2}}|vi{{1,3}}|ix)-[a-k]|(?:x{{1,3}}|xi{{1,2}}|1[0-2])[ \t]*{_STREAM}"
    rf"|kelas[ \t]*\d|{_NICKNAME})(?![\w-])"
)
TOWN_AFTER = re.compile(r"[ \t]*,[ \t]*(?P<town>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})(?![\w'’-])")
PLACE_AFTER = re.compile(rf"[ \t]+({CAPWORD}(?:[ \t]+{CAPWORD})?)")
# Place of birth: "Tempat/Tgl Lahir: Sindangraya, 12 Maret 2012", "TTL: Waghete, ...", "born in Oelamasi on ...",
# "lahir di Sungai Raya pada ..." (on the lower-cased text; the place is read in the case view).
BIRTH_FIELD = pattern(
    r"(?:(?:tempat|tmp|tmpt)\.?[ \t]*(?:/|,|dan|&)?[ \t]*(?:tgl\.?|tanggal)[ \t]*lahir|(?:tempat|tmp|tmpt)\.?[ \t]+lahir|ttl"
    r"|place[ \t]+(?:and[ \t]+date[ \t]+)?of[ \t]+birth|birthplace|birth[ \t]+place"
    r"|(?P<prose>born[ \t]+in|lahir[ \t]+di))"
    r"(?:[ \t]+(?:korban|anak|pelaku|siswa|siswi|the[ \t]+(?:child|girl|boy|victim))|-?nya)?"
    r"[ \t]*(?P<sep>[:=]?)[ \t]*(?:(?:di|in)[ \t]+)?",
    lower=True,
    triggers="ttl birthplace birth born lahir",
)
BIRTH_WORDS = keys("lahir ttl birth birthplace born")  # one of them must be in the text
FIELD_WORDS = re.compile(
    r"([a-z][a-z'’-]*)(?:[ \t]+([a-z][a-z'’-]*)){0,2}(?=[ \t]*(?:[,/;\n(]|\Z|\.(?:[ \t]|\Z)))"
)
# "<number> <place>" after a lower-case school level that is also a word: "man 1 kota baru".
NUMBER_PLACE = re.compile(
    r"[ \t]+(?:negeri[ \t]+)?(?P<num>\d{1,2})\b(?![.:,/]\d)[ \t]+(?P<place>[a-z][a-z'’-]*)\.?(?:[ \t]+(?P<next>[a-z][a-z'’-]*))?"
)
# Place words that name a city: a major city named with one of these is still coarse.
CITY_WORDS = frozenset(["kota", "kotamadya", "kodya", "city", "town", "municipality"])
# "Pelatihan diadakan di Makassar": the place of a public event, not of a child (lower-cased text).
EVENT_BEFORE = re.compile(
    r"(?:diadakan|diselenggarakan|digelar|dilaksanakan|berlangsung|held|hosted|organised|organized)[ \t]+(?:di|in|at)[ \t]+\Z"
)
LIST_GAP = re.compile(r",[ \t]*(?:(?:dan|and|atau|or|serta)[ \t]+)?|[ \t]+(?:dan|and|atau|or|serta)[ \t]+")
# Shapes of Indonesian place names, for a lower-case name after "desa" in English text.
TOPONYM = re.compile(
    r"(?:ci|suka|karang|wono|tanjung|mekar|sumber|sido|tegal|kali|bojong|ranca|pasir|rawa|jati|kebon|lebak|"
    r"muara|ng|banyu|gunung|watu|tirta|marga|pondok|cempaka|kedung|sungai|air|batu|teluk|dolo|lubuk|"
    r"[a-z]*(?:sari|rejo|jaya|mulya|mulyo|harjo|asri|maju|makmur|agung|wetan|kulon|kidul|lor|ilir|hulu|hilir|"
    r"girang|baru|anyar|kerto|karta|manik|sono|wangi|rahayu|jati|asih|ombo|redjo|gede))[a-z]*"
)
_STREET_WORD = r"(?!(?:no|nomor|nomer|rt|rw|blok|km)\b)[a-z][a-z'’-]*"
STREET_STOP = frozenset(
    [
        "no",
        "nomor",
        "nomer",
        "km",
        "rt",
        "rw",
        "blok",
        "dekat",
        "deket",
        "depan",
        "samping",
        "belakang",
        "sebelah",
        "arah",
    ]
)
# English verbs after a subject: "Citra has been absent", "Made was scared". After one, a given name that is
# also an Indonesian word is a name even at the start of a sentence (the word would not stand in English).
# English words that are also given names ("Sandy beaches", "Grace period", "May we", "Will you", "Hope is
# what keeps them going"): at the start of an English sentence such a word is a name only before a verb
# that fits a person ("Sandy said", "Grace lives"), not before a lower-case noun, a pronoun or an adjective.
EN_WORD_NAMES = keys(
    """sandy grace hope faith joy may will mark bill frank grant rose lily dawn summer april june august
    iris ruby amber crystal daisy holly ivy pearl violet jade autumn honey sunny rich pat sue rob drew
    chase hunter skye sky star angel bunny destiny charity mercy patience prudence trinity melody harmony
    rocky rusty dusty windy stormy misty brook brooke hazel ginger olive penny jewel carol dean rod"""
)
# After "Hope is", "Grace was": what makes the word an idea, not a girl ("Hope is what keeps them going").
EN_IDEA_AFTER_IS = keys(
    """what the a an not never always often all everything important key essential vital needed possible
    lost gone free fragile powerful strong""",
)
EN_PRONOUNS = keys("i we you they he she it i'd we'd you'd")
EN_SUBJECT_VERBS = keys(
    """has had is was said says told tells went goes sent sends received receives met meets started stopped
    stayed stays lives lived did does didn't doesn't wasn't isn't hasn't hadn't will would could can can't
    couldn't should must might became becomes began begins cried cries felt feels asked asks wrote writes
    posted posts shared shares uploaded replied replies came comes joined agreed refused left attends
    attended studies studied plays played loves loved likes liked wants wanted needs needed knew knows thought
    thinks got gets gave gives took takes kept keeps tried tries showed shows admitted admits reported reports
    explained explains decided decides ran runs lost saw sees"""
)
# Function words that tell English text from Indonesian (see ``anonymity._looks_english``).
EN_STOP = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "is",
        "was",
        "for",
        "with",
        "a",
        "an",
        "in",
        "on",
        "at",
        "by",
        "from",
        "that",
        "this",
        "her",
        "his",
        "their",
        "who",
        "which",
    ]
)
ID_STOP = frozenset(
    [
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "ini",
        "itu",
        "dengan",
        "untuk",
        "pada",
        "dalam",
        "tidak",
        "akan",
        "sudah",
        "ada",
        "oleh",
        "atau",
        "juga",
        "saat",
    ]
)


# --- patterns built from the word lists ----------------------------------------------------


class Rules:
    """Every list-based set and pattern of the checker, built from one ``Lexicon``."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._sets(lex)
        self._safe_phrases(lex)
        self._names(lex)
        self._appositions(lex)
        self._accounts(lex)
        self._places(lex)
        self._addresses(lex)
        self._dates(lex)
        self._contacts(lex)
        self._lower_places(lex)
        self.cue_words = frozenset().union(*(p.cues for p in self.cue_patterns()))
        self._lower_cues(lex)
        self._anchors()

    def _sets(self, lex: Lexicon) -> None:
        self.given_names = lex.set("given_names")
        self.pesantren_words = lex.set("pesantren_name_words")  # "PP Darul Falah": a school, not a regulation
        self.word_names = lex.set("word_names")  # "Dek Mawar": a name after a form of address only
        self.word_names_lower = frozenset(word.lower() for word in self.word_names)
        self.ambiguous_names = lex.starred("given_names")
        self.name_phrases = frozenset(" ".join(phrase.lower().split()) for phrase in lex["name_phrases"])
        self.phrase_heads = frozenset(phrase.split()[0].capitalize() for phrase in self.name_phrases)
        self.surnames = frozenset(word.capitalize() for word in lex["surnames"])
        self.name_words_lower = frozenset(w.lower() for w in self.given_names | self.surnames)
        # Given names that are no ordinary word in lower case: "rizky", not "budi" or "made".
        self.lower_given_names = frozenset(
            low
            for name in self.given_names - self.ambiguous_names
            if (low := name.lower()) not in lex.set("common_words", "role_words", lower=True)
        )
        # Provincial capitals and the largest cities are as coarse as a province (see major_cities.txt).
        self.major_cities = lex.set("major_cities")
        self.cities = lex.set("places") - self.major_cities
        self.listed_cities = self.cities | {city.split()[0] for city in self.cities}
        self.chinese_surnames = lex.set("chinese_surnames")
        self.listed_words = self.given_names | self.surnames | self.listed_cities | self.chinese_surnames
        self.region_names = lex.set("provinces", "islands") | self.major_cities
        self.common = lex.set("common_words", lower=True)
        self.roles = lex.set("role_words", lower=True)
        self.acronyms = lex.set("acronyms")
        self.dotted = lex.set("dotted_abbreviations")
        self.thing_nouns = lex.set("thing_nouns", lower=True)
        # Places a name after "bernama" / "called" locates a child in: 'warung bernama "Sido Mampir"',
        # 'an internet café called "Raja Game"' (a venue, where an app or a film is a mere thing).
        self.venue_nouns = frozenset(  # "warung", "café", and "hall" of "billiard hall"
            entry.lower().split()[-1]
            for entry in lex["landmarks"] + lex["english_business_words"] + lex["english_landmark_words"]
        )
        self.name_prefix_stops = lex.set("name_prefix_stops")
        self.name_suffix_stops = lex.set("name_suffix_stops")
        self.function_words = lex.set("function_words")
        self.not_address_nouns = lex.set("not_address_nouns", lower=True)
        self.hotlines = lex.set("hotlines")
        self.hotline_digits = frozenset(re.sub(r"\D", "", number) for number in self.hotlines)
        self.school_generic = lex.set("school_generic_words")
        self.village_generic = lex.set("village_generic_words")
        self.street_generic = lex.set("street_generic_words")
        self.highway_words = lex.starred("street_generic_words")
        self.landmark_generic = lex.set("landmark_generic_words")
        self.place_name_stops = lex.set("place_name_stops")
        calendar = lex.set("months", "weekdays", lower=True)
        self.not_place = lex.set("not_place_words") | {word.capitalize() for word in calendar}
        self.ordinary = self.common | self.roles | {w.lower() for w in self.function_words} | calendar
        self.months_weekdays = calendar
        self.class_name_stops = lex.set("class_name_stops", lower=True)
        self.handle_cue_words = lex.set("handle_cues", lower=True)

    def _safe_phrases(self, lex: Lexicon) -> None:
        """Institutions, regions and landmarks that are fine, indexed by their first token."""
        phrases = (
            lex["provinces"]
            + lex["islands"]
            + lex["major_cities"]
            + lex["institutions"]
            + lex["famous_places"]
            + lex["commemorations"]  # "Idul Fitri" is a holiday, not a girl called Fitri
        )
        index: dict[str, list[str]] = {}
        for phrase in sorted(set(phrases), key=len, reverse=True):
            first = PHRASE_TOKEN.match(phrase)
            if first:
                index.setdefault(first.group(), []).append(phrase)
        self.safe_phrases = index
        self.safe_lower = frozenset(phrase.lower() for phrase in phrases if " " not in phrase)
        shouted = {word for phrase in phrases for word in re.findall(r"\b[A-Z]{2,}\b", phrase)}
        self.keep_upper = self.acronyms | shouted | {level.upper() for level in lex["school_levels"]}
        self.commemorations = re.compile(lalt(lex["commemorations"]))
        self.law_refs = [
            pattern(rf"(?:UU|PP){_LAW_NUMBER}", needs_digit=True),
            pattern(
                rf"(?:{alt(lex['law_words'])}|Peraturan(?:\s+[A-Z]\w+){{0,3}}|Keputusan(?:\s+[A-Z]\w+){{0,3}})"
                rf"{_LAW_NUMBER}|(?:Pasal|Article)\s+\d+[A-Z]?(?:\s+ayat\s+\(\d+\))?"
                rf"|(?:{alt('provinsi', cases=True)}|Province)\s+[A-Z]\w+(?:\s+[A-Z]\w+)?"
                # "Pulau Jawa", "Kepulauan Riau": a listed island or province; a small island is a place.
                rf"|(?:{alt('pulau kepulauan', cases=True)})\s+(?:{alt(lex['islands'] + lex['provinces'])})(?![\w-])",
                cues=list(lex["law_words"])
                + ["Peraturan", "Keputusan", "Pasal", "Article", "pulau", "kepulauan", "provinsi"],
            ),
            # The full name of a ministry, agency, office or directorate: "Kementerian Pemberdayaan Perempuan
            # dan Perlindungan Anak", "Badan Siber dan Sandi Negara". It stops before a place word, so the
            # place in "Dinas Sosial Kabupaten Garut" is still found.
            pattern(
                rf"(?:{AGENCY_WORDS})(?:[ \t]+(?:(?:dan|&)[ \t]+)?(?!{_NOT_AGENCY})[A-Z][a-z]+)+",
                cues=AGENCY_WORDS.split("|"),
            ),
        ]

    def _names(self, lex: Lexicon) -> None:
        honorifics = lex["honorifics"]
        self.honorific = pattern(
            # "Ibu Hj. Rosmiati", "Pak Dr. Sinaga": a second, abbreviated title may stand before the name.
            rf"{ialt(honorifics)}\.?(?:[ \t]+(?:{ialt(honorifics)}|H|Dr|Ir|Drs|Dra|Prof)\.)?"
            r"[ \t]+(?P<first>[A-Z][a-z]+)(?:[ \t]+[A-Z][a-z]+){0,2}"
            # "Ahmad Fauzi bin Sulaiman": the father's name identifies the child as much as hers.
            r"|(?:bin|binti)[ \t]+(?P<parent>[A-Z][a-z]+)(?:[ \t]+[A-Z][a-z]+){0,2}",
            cues=list(honorifics) + ["bin", "binti"],
        )
        cues = lex["name_cues"] + lex["nickname_cues"]
        self.name_cue = pattern(
            rf"(?P<cue>{ialt(cues)})[ \t]+(?P<hit>(?:A[ \t]+(?=[A-Z][a-z]))?{NAME_WORDS})", cues=cues
        )
        owners = lex["possessor_nouns"]
        self.possessor = pattern(rf"(?P<cue>{ialt(owners)})[ \t]+(?P<hit>{NAME_WORDS})", cues=owners)
        aliases = lex["alias_cues"]
        self.alias_after_name_only = frozenset(cue.lower().rstrip(".") for cue in lex.starred("alias_cues"))
        self.alias_words = frozenset(word for word in keys(aliases) if word.isalpha() and len(word) > 1)
        self.alias = pattern(
            rf"(?P<cue>{cue_alt(aliases, insensitive=False)})(?![a-z/])(?:-?nya)?[ \t]*[:,]?[ \t]*[\"“‘'(]?[ \t]*",
            lower=True,
            triggers=aliases,
        )
        # 'disimpan dengan nama "Jovan"', 'she saved him as "Rafa"': found from the quote, then the cue.
        # One of these must be in the text: the longest word of each cue that is no function word.
        self.quoted_cue_words = frozenset(
            max(
                (word for word in cue.lower().split() if word not in EN_STOP | ID_STOP),
                key=len,
                default=cue.lower(),
            )
            for cue in lex["quoted_name_cues"]
        )
        self.quoted_name_cue = re.compile(
            rf"(?<![a-z]){lalt(lex['quoted_name_cues'])}(?P<gap>(?:[ \t]+[a-z][a-z'’-]*){{0,4}}?)[ \t]*[:,]?[ \t]*\Z"
        )
        # Words before a name inside quotes: '"Kak Dion"', '"Si Bongsor"'.
        self.name_prefixes = lex.set("honorifics", lower=True) | {
            cue for cue in lex.set("nickname_cues", lower=True) if " " not in cue
        }
        initial_cues = sorted({cue.lower() for cue in lex["initial_cues"]} | {"berinisial", "inisial"})
        self.initial_cue = pattern(
            rf"(?P<cue>{alt(initial_cues, cases=True)})(?P<sep>[ \t]*[,:][ \t]*|[ \t]+)"
            r"(?P<hit>(?:[A-Z]\.){1,4}(?!\w)|[A-Z]{1,3}(?![\w'’-]|\.\w))",
            triggers=initial_cues,
            anchored=True,
        )

    def _accounts(self, lex: Lexicon) -> None:
        """'nama akun "Bunda Peduli"', 'akun FB "Rendy Ganteng Pol"', 'profile name "Kakak Baik"' (lower-cased text;
        up to three words, such as "pelaku di Facebook", between the account word and the quote)."""
        cues = lex["account_name_cues"]
        self.account_words = keys(cues)
        self.account_cue = pattern(
            rf"{lalt(cues)}(?:-?nya)?(?P<gap>(?:[ \t]+[a-z0-9][a-z0-9'’-]*){{0,3}}?)[ \t]*[:=]?[ \t]*[\"“‘']"
            r"(?P<hit>[^\"”’'\n]{2,40}?)[\"”’']",
            lower=True,
            triggers=cues,
            anchored=True,
        )

    def _appositions(self, lex: Lexicon) -> None:
        """ "Fransina Wakerkwa, mama dari korban, ...", "The mother, Hermina Karubaba, ..." (lower-cased text).

        One pattern: a kinship word with the child before it ("the victim's", "her", "the") or after it
        ("korban", "dari korban", "-nya"); ``anonymity`` wants one of the two (group ``pre`` or ``post``).
        """
        child = (
            r"(?:korban|pelaku|pelapor|tersangka|anak[ \t]+(?:itu|tersebut|ini|korban)|anak(?:nya)?|siswi|siswa"
            r"|gadis|bocah|remaja|murid)(?:[ \t]+(?:itu|tersebut))?"
        )
        # "Sepupunya, Afdal Piliang, ...": a kinship word with "-nya" is one word of the text.
        self.kin_words = keys(lex["kinship_words"]) | {word + "nya" for word in keys(lex["kinship_words"])}
        self.kin_words |= keys(APPOSITION_ROLES) | keys(
            "anak bocah remaja siswa siswi murid boy girl child teenager teen"
        )
        # "korban (aldi)", "the victim (Dimas)", "adiknya (Salsa)": a name in brackets after a role or kin word.
        roles = list(lex["kinship_words"]) + ROLE_BEFORE_NAME.split()
        # Found from the bracket (rarer than the words), then the role before it (lower-cased text).
        self.role_before_bracket = re.compile(
            rf"(?<![a-z]){lalt(roles)}(?:-?nya)?(?:[ \t]+(?:korban|itu|tersebut|perempuan|laki-laki))?[ \t]*\Z"
        )
        # "Korban, Rante Tandi Lolo, dibawa ...", "The suspect, Ardi Wijaya, ...": a role of the case alone
        # (group ``role``); "Ms. Hutagalung's daughter, Grace, ...": anyone's kin (group ``pre``).
        self.kin_phrase = re.compile(
            rf"(?P<role>(?:the[ \t]+)?{lalt(APPOSITION_ROLES.split())}|{APPOSITION_CHILD})(?![\w'’-])|"
            r"(?P<pre>(?:(?:the[ \t]+)?(?:victim|child|girl|boy|offender|suspect|student|pupil|teenager|teen"
            r"|survivor)['’]s|[a-z][a-z-]+['’]s|her|his|their|the)[ \t]+(?:step-?|grand)?)?"
            rf"{lalt(lex['kinship_words'])}(?:[ \t]+(?:tiri|kandung|angkat|sambung))?"
            rf"(?P<post>nya|[ \t]+(?:(?:dari|dr\.?)[ \t]+)?{child}"
            r"|[ \t]+of[ \t]+(?:the[ \t]+)?(?:victim|child|girl|boy|survivor))?(?![\w'’-])"
        )

    def _places(self, lex: Lexicon) -> None:
        levels = lex["school_levels"]
        # Found in two steps: the level in the lower-cased text, then the name in the case view. A
        # number of one to three digits, or the five or six of a North Sumatran school ("SDN 060842");
        # four digits would be a year.
        self.school_level = pattern(rf"{lalt(levels)}(?![a-z])", lower=True, triggers=levels, anchored=True)
        self.school_name = re.compile(
            rf"[ \t]*(?:(?:[Nn]egeri|[Ss]wasta|[Nn])[ \t]*)?(?:\d{{1,3}}|\d{{5,6}})\b(?![.:,]\d)(?:[ \t]+(?:(?:\d{{1,3}}|\d{{5,6}})\b|{CAPWORD})){{0,3}}"
            rf"|[ \t]+{CAPWORD}(?:[ \t]+(?:(?:\d{{1,3}}|\d{{5,6}})\b|{CAPWORD})){{0,3}}"
            r"|[ \t]+[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+)?[ \t]+\d{1,3}\b(?![.:,]\d)"  # "smk muhammadiyah 2"
        )
        words = lex["school_words"]
        self.school_word = pattern(
            rf"{ialt(words)}[ \t]+{OPEN_QUOTE}(?P<name>{CAPWORD}(?:[ \t]+(?:\d{{1,3}}\b|{CAPWORD})){{0,3}})",
            cues=words,
        )
        # "madrasah aliyah negeri 2", "Junior High School 3 Bekasi": a school numbered after its kind.
        self.school_number = pattern(
            rf"(?:{lalt(words)}|school)[ \t]+(?:(?:negeri|swasta|no\.?)[ \t]+)?\d{{1,3}}\b(?![.:,/]\d)",
            lower=True,
            triggers=list(words) + ["school"],
            anchored=True,
            needs_digit=True,
        )
        # "University of Cenderawasih", "Institute of Technology Bandung" (the name after "of").
        self.university_of = pattern(
            rf"(?:{alt(UNIVERSITY_WORDS)})[ \t]+of[ \t]+(?P<name>{CAPWORD}(?:[ \t]+{CAPWORD}){{0,2}})",
            cues=UNIVERSITY_WORDS,
        )
        village = lex["village_words"]
        self.village_id = pattern(
            rf"{cue_alt(village)}[ \t]+{OPEN_QUOTE}(?P<name>{CAPWORD}(?:[ \t]+{CAPWORD}){{0,2}})",
            cues=village,
        )
        en_words = lex["english_place_words"]
        self.village_en_of = pattern(
            rf"{ialt(en_words)}[ \t]+of[ \t]+(?P<name>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+)?)", cues=en_words
        )
        self.en_place_after = re.compile(rf"[ \t]+({alt(en_words)})\b")
        business = lex["english_business_words"] + lex["english_landmark_words"]
        # "the Berkah Mandiri tailoring shop": up to two lower-case words, then the business noun.
        self.en_business_after = pattern(
            rf"(?P<mods>(?:[ \t]+[a-z][a-z'’-]*){{0,2}}?)[ \t]+(?P<noun>{lalt(business)})(?![\w'’-])",
            triggers=business,
            anchored=True,  # its words are found in the anchor pass; a run is tried only if one follows
        )
        self.en_last_words = {
            **{word.capitalize(): "business" for word in business if word.isalpha()},
            **EN_STREET_WORDS,
            **{word.capitalize(): "village" for word in en_words},
        }
        self.stream_words = keys(CLASS_STREAMS)
        self.school_levels_upper = frozenset(level.upper() for level in levels)
        self.school_level_keys = frozenset(" ".join(level.lower().split()) for level in levels)
        self.prep_place = pattern(
            r"(?:di|dari|asal|in|at|from|near)[ \t]+(?:the[ \t]+)?(?P<word>[A-Z][a-z]+)",
            cues="di dari asal in at from near",
        )

    def _addresses(self, lex: Lexicon) -> None:
        """Streets, housing estates, local units and landmarks."""
        street = lex["street_words"]
        self.street = pattern(
            rf"{cue_alt(street)}[ \t]+(?!No\b|Nomor\b)(?P<name>{CAPWORD}"
            r"(?:[ \t]+(?!No\b|Nomor\b|RT\b|RW\b)[A-Z][\w'’-]*){0,3})"
            r"(?:[ \t]+(?:km|Km|KM)\.?[ \t]?\d{1,3}(?:[.,]\d+)?)?",  # "Jl. Kaliurang km 7"
            cues=street,
        )
        # "jalan merdeka no 10 rt 3": a lower-case street name is an address only with a number.
        self.street_lower = pattern(
            rf"{cue_alt(street, insensitive=False)}[ \t]+(?P<name>{_STREET_WORD}(?:[ \t]+{_STREET_WORD}){{0,2}})[ \t,]*"
            r"(?:(?:no\.?|nomor|nomer|rt\.?|rw\.?|blok|km\.?)[ \t]*)?\d{1,4}\b",
            lower=True,
            triggers=street,
            anchored=True,
            needs_digit=True,
        )
        housing, units, landmarks = lex["housing_words"], lex["area_units"], lex["landmarks"]
        self.housing = pattern(
            # "Perumnas 3 Waena": an estate's phase number may come before its name.
            rf"{cue_alt(housing)}[ \t]+(?:\d{{1,2}}[ \t]+)?{OPEN_QUOTE}{CAPWORD}(?:[ \t]+{CAPWORD}){{0,3}}",
            cues=housing,
        )
        self.area_unit = pattern(
            rf"{ialt(units)}[ \t]+(?:Metro[ \t]+)?(?P<name>{CAPWORD}(?:[ \t]+{CAPWORD}){{0,2}})", cues=units
        )
        self.landmark = pattern(
            rf"{ialt(landmarks)}[ \t]+{OPEN_QUOTE}(?P<name>{CAPWORD}(?:[ \t]+{CAPWORD}){{0,2}})",
            cues=landmarks,
        )
        # 'konter pulsa "Rojali Cell"', 'toko kue "Bu Lina"': a quoted name after the kind of place and
        # one or two lower-case words saying what it sells (found from the quote, then the words before).
        self.venue_heads = frozenset(entry.lower().rstrip("*") for entry in landmarks if " " not in entry)
        # "toko emas Cahaya Murni", "klub futsal Garuda Muda": the kind of place, one or two lower-case words
        # for what it sells or plays (checked against landmark_generic_words.txt), then the name.
        heads = [entry.rstrip("*") for entry in landmarks if " " not in entry]
        self.venue_goods = pattern(
            rf"{ialt(heads)}(?P<goods>(?:[ \t]+[a-z]+){{1,2}})[ \t]+(?P<name>{CAPWORD}(?:[ \t]+{CAPWORD}){{0,3}})",
            cues=heads,
        )

    def _dates(self, lex: Lexicon) -> None:
        """Date patterns; they run on the lower-cased text, and only if a month or cue word is in it."""
        names, months = lex["months"], lalt(lex["months"])
        en_months = [month for month in names if month.lower() in EN_MONTHS]
        year = r"(?P<year>,?[ \t]+(?:19|20)\d{2}\b|[ \t]+['’]\d\d\b)?"
        self.day_month = pattern(
            rf"\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?P<month>{months})\b\.?{year}",
            lower=True,
            triggers=names,
            needs_digit=True,
        )
        self.month_day = pattern(
            rf"(?P<month>{lalt(en_months)})\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?\b{year}",
            lower=True,
            triggers=en_months,
            anchored=True,
            needs_digit=True,
        )
        self.spelled_date = pattern(
            rf"(?:{DAY_WORDS_EN}[ \t]+of[ \t]+(?P<month>{months})|{DAY_WORDS_ID}[ \t]+(?P<month2>{months}))"
            rf"\b{year}",
            lower=True,
            triggers=DAY_WORD_KEYS,
            anchored=True,
        )
        weekdays = lex["weekdays"]
        self.weekday_date = pattern(
            rf"{lalt(weekdays)},?[ \t]*\(?\d{{1,2}}/\d{{1,2}}\b(?!/)\)?",
            lower=True,
            triggers=weekdays,
            anchored=True,
            needs_digit=True,
        )
        self.day_cue = pattern(
            r"(?:tanggal|tgl)\.?[ \t]+\d{1,2}\b(?![.:]\d)",
            lower=True,
            triggers="tanggal tgl",
            anchored=True,
            needs_digit=True,
        )
        # A birth year, with or without its month, narrows a child down to a school cohort.
        self.birth_year = pattern(
            rf"(?:lahir|kelahiran|born)[ \t]+(?:(?:pada|in|on)[ \t]+)?(?:bulan[ \t]+)?(?:{months}[ \t]+)?"
            rf"(?:tahun[ \t]+|thn\.?[ \t]+)?(?:19|20)\d{{2}}\b",
            lower=True,
            triggers="lahir kelahiran born",
            anchored=True,
            needs_digit=True,
        )

    def _lower_places(self, lex: Lexicon) -> None:
        """Lower-case cities after a preposition ("tinggal di bandung"), unless the city is a word."""
        self.lower_cities = frozenset(
            city.lower() for city in self.cities if " " not in city and city.lower() not in self.common
        )
        self.lower_place_names = frozenset(
            first
            for city in self.cities | self.major_cities
            if (first := city.split()[0].lower()) not in self.common
        )
        self.village_cues = frozenset(word.lower().rstrip(".") for word in lex["village_words"])
        self.place_preps = frozenset(
            [
                "di",
                "ke",
                "dari",
                "asal",
                "in",
                "from",
                "near",
                "at",
                "to",
                "sekitar",
                "wilayah",
                "daerah",
                "warga",
            ]
        )

    def _contacts(self, lex: Lexicon) -> None:
        codes = lex["plate_codes"]
        self.plate = pattern(
            rf"(?:{alt(codes)})(?:[ \-]\d{{1,4}}[ \-]?|\d{{3,4}})[A-Z]{{1,3}}(?![\w-])", "-", needs_digit=True
        )
        self.plate_lower = pattern(
            rf"{lalt(codes)}[ \-]?\d{{1,4}}[ \-]?[a-z]{{1,3}}(?![\w-])", "-", lower=True, triggers=_VEHICLE
        )
        cues = lex["handle_cues"]
        # Platforms and games ("Free Fire" by its last word), found in the one pass for anchored patterns.
        self.platform_words = frozenset(entry.lower().split()[-1] for entry in lex.starred("handle_cues"))
        connector = r"(?:bernama|named|called|dengan[ \t]+nama|atas[ \t]+nama|adalah|is|was|yaitu)"
        self.handle_cue = pattern(
            # "username roblox pelaku: ..." (words up to a colon) first, then "akun IG ...".
            r"(?P<cue>" + lalt(cues) + r")(?:[ \t]?-?nya(?![a-z]))?"
            r"(?:(?P<words>(?:[ \t]+[a-z]+(?:-?nya)?){1,2})(?=[ \t]*:)"
            rf"|[ \t]+(?P<cue2>{lalt(cues)})(?:[ \t]?-?nya(?![a-z]))?)?"
            rf"(?P<sep>[ \t]*[:=][ \t]*|[ \t]*,[ \t]*|[ \t]+(?:{connector}[ \t]*:?[ \t]+)?)(?P<quote>['\"“‘]?)"
            r"(?P<hit>[a-z0-9_](?:[a-z0-9_.]{1,28}[a-z0-9_])?)(?![\w@/]|\.\w)",
            lower=True,
            triggers=cues,
            anchored=True,
        )

    def _lower_cues(self, lex: Lexicon) -> None:
        """Cue words after which a lower-case name is read capitalised (see ``anonymity.case_view``).

        After a person cue (honorifics, "dipanggil") only a listed name counts; after a naming
        cue ("bernama") or a place cue ("desa", "smk", "jl.") any word that is not ordinary. A
        starred entry is an ordinary word in lower case and is no cue at all (a starred naming
        cue, such as "named", is a person cue).
        """
        kinds: dict[str, str] = {}
        for name, kind in (
            ("honorifics", "person"),
            ("nickname_cues", "person"),
            ("name_cues", "strong"),
            ("village_words", "place"),
            ("school_words", "place"),
            ("school_levels", "place"),
            ("housing_words", "place"),
            ("landmarks", "place"),
            ("area_units", "place"),
            ("street_words", "street"),
        ):
            starred = {word.lower() for word in lex.starred(name)}
            for word in lex[name]:
                key = " ".join(word.lower().split())
                if key in starred:
                    kinds.setdefault(key, "person" if name == "name_cues" else "none")
                elif not (name == "school_levels" and key in self.common):
                    kinds.setdefault(key, kind)
        kinds = {key: kind for key, kind in kinds.items() if kind != "none"}
        self.lower_cue_kinds = {key.rstrip("."): kind for key, kind in kinds.items()}
        self.lower_cue = pattern(
            rf"(?P<cue>{cue_alt(kinds, insensitive=False)})(?=[ \t])",
            lower=True,
            triggers=self.lower_cue_kinds,
            anchored=True,
        )

    def _anchors(self) -> None:
        """One pass over the lower-cased text finds where every anchored pattern may start."""
        anchored = [value for value in vars(self).values() if isinstance(value, Pattern) and value.anchored]
        anchored += [
            URL,
            DOCUMENT_NUMBER,
            GROUP_NAME_CUE,
            ADDRESS_NUMBERS,
            BLOCK,
            SHORT_DATE,
            STUDENT_NUMBER,
            NUMERIC_ID,
            ABBREVIATED_NAME,
            SUBJECT_VERB,
            POSTCODE_CUE,
            REGISTRATION_CUE,
            GLUED_SCHOOL,
            NAMED_AS,
            NUMBER_LABEL,
        ]
        extra = self.plate_lower.triggers | self.platform_words | keys(CLASS_STREAMS)
        words = frozenset().union(*(p.triggers for p in anchored), extra)
        # Plain words only: "jl." is found as "jl", "alun-alun" as "alun" (``keys`` gives both forms).
        # A leading \b here, unlike in most patterns: a trie of hundreds of words has no literal prefix to
        # skip to, so the engine would try it at every letter; at word starts only, the pass is twice as fast.
        self.anchor_words = re.compile(rf"\b{lalt(w for w in words if w.isalpha())}(?![a-z])")

    def is_name_like(self, word: str) -> bool:
        """True if a lower-case word could be a name: not an ordinary word, not a verb or noun form."""
        low = word.lower()
        if len(low) < 3 or low in self.ordinary:
            return False
        return not AFFIXED.fullmatch(low)

    def is_family_name_like(self, word: str) -> bool:
        """True if a lower-case word after a given name could be a family name ("maulidan"), not a
        chat word or verb form ("ngechat", "kirimin", "posted", "sharing")."""
        if len(word) < 4 or not word.isalpha() or not self.is_name_like(word):
            return False
        if CHAT_VERB.fullmatch(word):
            return False
        return not (word.endswith("in") and word[:-2] in self.ordinary)  # "kirimin", "bilangin"

    def accepts_after_cue(self, kind: str, word: str, index: int) -> bool:
        """Whether a lower-case ``word`` after a cue of ``kind`` is read as part of a name."""
        if kind == "person":  # "her name is rose", "kak bunga": a listed name, or a word given as a name
            return word.lower() in self.name_words_lower or word.lower() in self.word_names_lower
        if kind == "street":  # after "jl." or "gg." comes a street name, whatever its words
            return len(word) > 2 and word not in STREET_STOP and word not in ID_STOP and word not in EN_STOP
        if kind == "strong":
            return word.lower() in self.name_words_lower or self.is_name_like(word)
        if kind == "toponym":
            return self.is_name_like(word) and bool(TOPONYM.fullmatch(word))
        return self.is_name_like(word)

    def is_coarse(self, name: str, place_word: str = "") -> bool:
        """True if a place named ``name`` is as coarse as a province: a province or island, or a
        major city named as a city ("Makassar", "Kota Makassar", "Makassar City"), but not a
        district or regency of the same name ("Kecamatan Makassar", "Bogor regency")."""
        if name not in self.region_names:
            return False
        word = place_word.strip().lower().rstrip(".")
        return name not in self.major_cities or not word or word in CITY_WORDS

    def is_safe_word(self, word: str) -> bool:
        """True if ``word`` is a one-word institution, platform, region or landmark."""
        return word.lower() in self.safe_lower

    def is_word(self, word: str) -> bool:
        return word.lower() in self.ordinary

    def cue_patterns(self) -> list[Pattern]:
        """The patterns that ``Doc.finditer`` tries only at their cue words."""
        return [
            self.honorific,
            self.name_cue,
            self.possessor,
            self.school_word,
            self.university_of,
            self.village_id,
            self.village_en_of,
            self.prep_place,
            self.street,
            self.housing,
            self.area_unit,
            self.landmark,
            self.venue_goods,
            BORU,
            *self.law_refs,
        ]


# --- classes found by the third blind batch of November 2026 -------------------------------

# A name right after a role used as a title: "Tersangka Wenas", "Coach Boni", "Terdakwa Yosef" (the role
# capitalised; "tersangka utama", "Pelaku Usaha" are no names: the word after must be name-like).
ROLE_TITLE = pattern(
    r"(?:Tersangka|Terdakwa|Terlapor|Terpidana|Coach|Pelatih|Suspect|Kapten|Captain|Officer|Detective|Inspektur)"
    r"[ \t]+(?P<hit>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)\b",
    ".@/-",
    triggers="tersangka terdakwa terlapor terpidana coach pelatih suspect kapten captain officer detective inspektur",
)
# A self-introduction in a quoted chat: "ini sy, Marselinus, guru olahraga", "ini aku Dina", "it's me, Rico".
SELF_INTRODUCTION = pattern(
    r"(?:[Ii]ni|[Ii]t's|[Ii]t’s|[Tt]his[ \t]+is)[ \t]+(?:sy|saya|aku|aq|gw|gue|gua|me)[ \t]*,?[ \t]*"
    r"(?P<hit>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)\b",
    ".@/-",
    triggers="ini it's it this",
)
# A file name made of words joined by underscores: "putri_handayani_BAP.pdf", "foto_dinda_1.jpg".
FILE_NAME = re.compile(
    r"(?<![\w@./-])[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+\.(?:pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|heic|mp4|mov|txt|zip)\b",
    re.IGNORECASE,
)
# Someone's home in a place: "at his house in Oepura", "rumahnya di Oepura", "her home in Kolhua".
HOME_IN_PLACE = pattern(
    r"(?:(?:his|her|their|the[ \t]+offender's|the[ \t]+child's)[ \t]+(?:house|home)[ \t]+in"
    r"|rumahnya[ \t]+di)[ \t]+(?P<hit>[A-Z][a-z]+)\b",
    ".@/-",
    triggers="house home rumahnya",
)


# --- classes found by the fourth blind batch of November 2026 ------------------------------

# A postcode after its name: "Kode pos 55281", "kodepos: 42117", "postcode 80361", "ZIP 12345" (lower-cased text).
POSTCODE_CUE = pattern(
    r"(?:kode[ \t]*pos|post(?:al)?[ \t]*code|zip(?:[ \t]+code)?)[ \t]*[:.]?[ \t]*(?P<hit>[1-9]\d{4})(?![\w.,/-]\d|\w)",
    lower=True,
    triggers="kode kodepos pos postcode postal post zip",
    anchored=True,
    needs_digit=True,
)
FIVE_DIGITS = re.compile(r"(?<!\d)[1-9]\d{4}(?!\d)")
# A postcode closing an address: ", Kota Serang 42117", "Sleman 55281" (a town, then five digits).
# "Kec. Wonoasri, 65132": after a comma, only five digits that close the clause are a postcode.
POSTCODE_AFTER_TOWN = re.compile(
    r"(?<![\w.])(?:[A-Z][a-z]+[ \t]+){0,2}[A-Z][a-z]+(?:[ \t]+|,[ \t]*(?=\d{5}[ \t]*(?:[.;)\n]|\Z)))"
    r"(?P<hit>[1-9]\d{4})(?![\w.,/-]?\d|\w)"
)
# The house number, block or unit after a street, before the town: "Gg. Mawar| 3 no 21|, Caturtunggal",
# "Jl. Cemara IV|/22|, Kota Serang".
ADDRESS_TAIL = re.compile(
    r"(?:[ \t]*(?:/|[ \t])[ \t]*(?:(?:[Nn]o|[Nn]omor|[Nn]mr)\.?[ \t]*)?\d{1,4}[A-Za-z]?\b(?![.,:]\d))+"
)
# A second person joined to a name: "Suparno (buruh ...) & Sumiyati", "Budi dan Siti" (the bracket may hold
# what the first one does).
JOINED_NAME = re.compile(
    r"(?:[ \t]*\([^()\n]{1,80}\))?[ \t]*,?[ \t]*(?:&|dan|and|serta)[ \t]+(?P<hit>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})\b"
)
# A name with a nickname in brackets or quotes between the given and family names: "Josephine (Jo) Pattiasina".
NICKNAMED_NAME = pattern(
    r"(?P<first>[A-Z][a-z]+)[ \t]+(?:\([ \t]*(?P<nick>[A-Z][a-z]{1,11})[ \t]*\)|[\"“‘'](?P<nick2>[A-Z][a-z]{1,11})[\"”’'])"
    r"[ \t]+(?P<last>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)\b",
    ".@/-",
)
# A nickname said to be used by the people around the child: "called Acil by her friends", "dipanggil Ucok
# oleh teman-temannya" (then even a word that is also a form of address is a name).
NICKNAME_USERS_AFTER = re.compile(
    r"[ \t]+(?:by[ \t]+(?:his|her|their|the|all|everyone|friends|classmates|family)|oleh[ \t]+(?:teman|kawan|keluarga|"
    r"orang|warga|tetangga|semua)|sama[ \t]+(?:teman|temen|kawan))"
)
# The name of a class in a school that names its classes after people or flowers: "kelas 5 Abu Bakar",
# "grade 4 Umar", "kelas 2 Melati" (after the grade number, capitalised words; checked in Python).
CLASS_NAME_AFTER = re.compile(r"[ \t]+(?P<hit>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})\b")
# The author's own pseudonym or label before a name: "Sebut saja namanya Anak A", "let's call her Rina",
# "kita sebut saja Dinda", "we will call him Child X" (on the lower-cased text, before the name).
PSEUDONYM_BEFORE = re.compile(
    r"(?<![a-z])(?:sebut(?:[ \t]+saja)|kita[ \t]+sebut|disebut[ \t]+saja|kami[ \t]+sebut|let'?s[ \t]+call|"
    r"we[ \t]+(?:will|'ll|shall)?[ \t]*call|we[ \t]+refer[ \t]+to[ \t]+(?:her|him|them|the[ \t]+\w+)[ \t]+as)"
    r"(?:[ \t]+(?:saja|namanya|nama|ia|dia|anak|anak[ \t]+itu|anak[ \t]+ini|korban|her|him|them|the[ \t]+(?:child|girl|boy)))*"
    # "sebut saja Rina dan |Budi", "let's call them Child A and |Child B": the names before, joined
    r"(?:[ \t]*[:,]?[ \t]*[a-z]+(?:[ \t]+[a-z]\.?)?[ \t]*,?[ \t]+(?:dan|and|&|atau|or)[ \t]+)?"
    r"[ \t]*[:,]?[ \t]*\Z"
)
# Names said to be pseudonyms after them: "Dinda dan Raka adalah nama samaran", "Rose and Lily are pseudonyms".
PSEUDONYM_AFTER = re.compile(
    r"(?:[ \t]*(?:,|dan|and|&)[ \t]*[A-Z][a-z]+)*[ \t]+(?i:(?:adalah|merupakan|ialah|are|is|were|was)[ \t]+"
    r"(?:(?:a|an|both|keduanya|semuanya|hanya|only|just)[ \t]+)?"
    rf"(?:{_PSEUDONYM}|tokoh[ \t]+rekaan|fictional[ \t]+characters?|invented[ \t]+names?))"
)
# A placeholder letter, not a child's initial: "Child X", "Anak X", "korban X".
PLACEHOLDER_LETTERS = frozenset("X")
# The dot of a short abbreviation that ends a "sentence" too early: "Jl.", "Gg.", "Hj.", "no.", "kmr." (a
# word of up to three letters).
ABBREVIATION_END = re.compile(r"(?<![\w.])[A-Za-z][a-z]{0,2}\.\Z")
JOINING_WORDS = frozenset(["dan", "atau", "and", "or", "&", "serta", "maupun"])
# The same, found from the second name: "Johannes (a fisherman) & Yuliana" (the text before the second name).
JOINED_NAME_BEFORE = re.compile(
    r"(?<![\w'’-])(?P<hit>[A-Z][a-z]+)(?:[ \t]*\([^()\n]{1,80}\))?[ \t]*,?[ \t]*(?:&|dan|and|serta)[ \t]+\Z"
)
# Words talked about as words, after "X dan Y": "adalah kata", "adalah tokoh", "are words" (lower-cased text).
# A name that is also a word, talked about as the word: "Ayu dalam bahasa Jawa berarti cantik", "Surya means
# sun"; or the thing the word names doing what only that thing does: "Surya terbenam", "Bunga layu" (lower-cased).
WORD_MEANING = re.compile(
    r"[ \t]+(?:(?:dalam|in)[ \t]+(?:bahasa[ \t]+)?[a-z]+[ \t]+|(?:itu|ini)[ \t]+)?(?:berarti|artinya|bermakna|maknanya"
    r"|means|meant|meaning)\b"
)
NATURE_VERB = re.compile(
    r"[ \t]+(?:(?:mulai|sudah|telah|baru|akan|hampir|sedang|perlahan)[ \t]+)?(?:terbenam|terbit|bersinar|menyinari"
    r"|bermekaran|mekar|layu|berguguran|bertiup|berhembus|berkelip|berkelap-kelip|berkilau|redup|shines|shone"
    r"|blooms|bloomed|wilted)\b"
)
WORDS_AS_WORDS = re.compile(
    r"[ \t]+(?:adalah|merupakan|ialah|are|were|is)[ \t]+(?:(?:dua|two|the|a)[ \t]+)?"
    r"(?:kata|istilah|tokoh|sebutan|contoh|julukan|words?|terms?|characters?|examples?|names?[ \t]+of)\b"
)
PSEUDONYM_WORDS_RE = re.compile(_PSEUDONYM)  # anywhere in the rest of a sentence (lower-cased text)
# Cues after which a person owns or holds something; a company or an institution may too ("milik Yayasan").
OWNER_CUES = frozenset(
    [
        "owner",
        "owned by",
        "pemilik",
        "milik",
        "dimiliki oleh",
        "registered to",
        "in the name of",
        "under the name",
        "under the name of",
    ]
)


# --- classes found by the fifth blind batch of November 2026 -------------------------------

# The number of a police report, a court case or a complaint, which the police, a court or a service
# files under the child's name: "LP/B/417/VI/2024/SPKT/Polres ...", "STPL/812/XI/2023/Reskrim",
# "045/PPA/III/2024", "112/Pid.Sus/2024/PN Mks". Found as a token of three or more parts joined by "/",
# with a digit and one part that names the police, a court or a child-protection service (checked in Python).
REGISTRATION_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]*(?:/[A-Za-z0-9][A-Za-z0-9.\-]*){2,}")
REGISTRATION_PART = re.compile(r"[a-z]+")
REGISTRATION_MARKERS = keys(
    "lp stpl sttlp stplp stbl spkt reskrim satreskrim polres polresta polrestabes polsek polsekta polda "
    "bareskrim ditreskrimum ditreskrimsus ditreskrimsiber sidik lidik sprin sp2hp pid pn pdt"
)
# Parts that a service's letters carry too ("001/PPA/I/2025" may number an invitation): these make a report's
# number only after a word for a report, complaint or case before it (lower-cased text, 60 characters back).
SERVICE_MARKERS = keys("ppa uppa uptd p2tp2a dp3a pa pt pengaduan aduan reg register rm tiket")
RECORD_BEFORE = re.compile(
    r"(?<![a-z])(?:registrasi|register|pengaduan|aduan|laporan|lapor|dilaporkan|tiket|ticket|complaint|report|case"
    r"|kasus|korban|pelapor|rekam|perkara|reference|ref)(?![a-z])"
)
# Decisions of the Constitutional Court ("22/PUU-XV/2017") are public, like laws.
PUBLIC_REGISTRATION = keys("puu uu perpres perda perkap perma kma sema")
# The same numbers, and medical-record, insurance and ticket numbers, after the word for them: "nomor
# perkara ...", "nomor tiket PPA-JKT-2024-000731", "no. RM 00-45-12", "case ref. ...", "BPJS ..."
# (lower-cased text; the number needs four digits and is no year, checked in Python).
REGISTRATION_CUE = pattern(
    r"(?:(?:nomor|nomer|no\.?|nmr\.?)[ \t]*)?"
    r"(?:perkara|registrasi|register|reg\.?|laporan[ \t]+polisi|laporan|lp|stpl|pengaduan|aduan|tiket|ticket"
    r"|rekam[ \t]+medis|rm|medical[ \t]+record|mrn|bpjs(?:[ \t]+kesehatan)?|jkn|kis"
    r"|(?:case|report|complaint|police[ \t]+report|file|ticket|reference)[ \t]+(?:ref\.?|reference|number|no\.?|id|#)"
    r"|case|ref\.?)"
    r"(?:[ \t]+(?:korban|anak|pasien|pelapor|pengaduan|laporan|aduan|kesehatan|itu|ini|tersebut|nomor|no\.?|number"
    r"|id|nya|bernomor|nomornya|adalah|yaitu|as|is|was|of|the|her|his|child|girl|boy|victim|patient))*(?:-?nya)?"
    r"[ \t]*[:#.=]?[ \t]*(?P<hit>[a-z0-9]+(?:[ \t]?[\-/.][ \t]?[a-z0-9]+)*)",
    lower=True,
    triggers="nomor nomer no nmr perkara registrasi register reg laporan lp stpl pengaduan aduan tiket ticket "
    "rekam rm medical mrn bpjs jkn kis case report complaint police file reference ref",
    anchored=True,
    needs_digit=True,
)
# Cue words that name a number only with "nomor"/"no." or a longer phrase before them ("rm" alone may be
# ringgit, "case 3" a case of a training).
WEAK_REGISTRATION_CUES = frozenset(
    [
        "rm",
        "case",
        "ref",
        "reg",
        "lp",
        "kis",
        "jkn",
        "laporan",
        "pengaduan",
        "aduan",
        "tiket",
        "ticket",
        "register",
    ]
)
# A user name styled with symbols, as games allow: "RZK•GAMING", "乂Zaki乂", "xX★Rara★Xx".
STYLED_NAME = re.compile(
    r"(?<!\S)[^\s,;:!?()\[\]\"“”]*[A-Za-z0-9][•·★☆♡♥❤✿❀乂ツ꧁꧂〆彡々†ϟ×~|ᴳ][^\s,;:!?()\[\]\"“”]*"
)
STYLED_MARKS = re.compile(r"[•·★☆♡♥❤✿❀乂ツ꧁꧂〆彡々†ϟ×~|ᴳ]")
# A school written without spaces, in chat: "smpn1kalasan", "sdn02karangrejo", "sman3" (lower case; "sd2" alone is
# a grade, with "n" for negeri or a place it is a school).
GLUED_SCHOOL = pattern(
    r"(?:sd|smp|sma|smk|mts|slb)(?:n\d{1,3}(?:[a-z]{3,}\d{0,2})?|\d{1,3}[a-z]{3,}\d{0,2})(?![\w@.-])",
    "@./-_",
    lower=True,
    triggers="sd sdn smp smpn sma sman smk smkn mts mtsn slb slbn",
    anchored=True,
    needs_digit=True,
)
# A small island named as a place: "Pulau Barrang Caddi", "P. Kodingareng" (a listed island or
# province is fine: "Pulau Jawa").
SMALL_ISLAND = pattern(
    r"(?:Pulau|Pulo|PULAU)[ \t]+(?P<name>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})",
    cues="pulau pulo",
)
# Someone named in a record or report: "names the victim as Aurelia ...", "identified the child as ...",
# "lists the girl's name as ...".
NAMED_AS = pattern(
    r"(?i:names|named|naming|identifies|identified|identifying|lists|listed|records|recorded|registers|registered"
    r"|gives|gave)[ \t]+(?i:(?:the|her|his)[ \t]+)?"
    r"(?i:victim|child|girl|boy|survivor|complainant|reporter|offender|suspect|perpetrator|student|pupil|mother"
    r"|father|daughter|son)(?i:['’]s[ \t]+(?:full[ \t]+|real[ \t]+)?name)?[ \t]+as[ \t]+(?P<hit>[A-Z][a-z]+"
    r"(?:[ \t]+[A-Z][a-z]+){0,3})",
    triggers="names named naming identifies identified identifying lists listed records recorded registers "
    "registered gives gave",
    anchored=True,
)
# A name said to be real: "Bunga ... adalah nama aslinya—bukan samaran", "Rara is her real name" (lower-cased).
REAL_NAME = re.compile(
    r"(?<![a-z])(?:(?:adalah|merupakan|ialah|memang|is|was)[ \t]+(?:(?:memang|benar|juga|actually|indeed)[ \t]+)?"
    r"(?:nama[ \t]+(?:asli|sebenarnya|lengkap[ \t]+asli)(?:nya)?|(?:her|his|their|the[ \t]+(?:child|girl|boy)['’]s)"
    r"[ \t]+real[ \t]+name|a[ \t]+real[ \t]+name)|bukan[ \t]+(?:nama[ \t]+)?samaran|not[ \t]+a[ \t]+pseudonym)(?![a-z])"
)
REAL_NAME_WORDS = keys("asli aslinya sebenarnya real samaran pseudonym")
# A person's verb after a name that opens a sentence or a chat line: "Indah baru berusia 11 tahun",
# "ayu bilang dia ...", "Bintang diajak ..." (lower-cased text, right after the name). With one of these a
# given name that is also an ordinary word ("Indah", "Bintang") is a name; "Indah sekali" is not.
PERSON_AFTER_NAME = re.compile(
    r"[ \t]+(?:(?:baru|sudah|udah|udh|sdh|pernah|juga|jg|masih|sempat|tadi|kemarin|kmrn|lalu|akhirnya|kemudian|kini"
    r"|sekarang|dulu"
    r"|sering|tiba-tiba|langsung|ga|gak|nggak|tidak|tak)[ \t]+)?"
    r"(?:berusia|berumur|umurnya|usianya|bilang|blg|bilangnya|ngomong|cerita|crita|bercerita|menceritakan|curhat"
    r"|nangis|menangis|ngaku|mengaku|ketakutan|takut|diajak|dijemput|dipaksa|diancam|disuruh|dirayu|dibujuk"
    r"|dichat|diculik|dipeluk|dipukul|dilecehkan|melapor|lapor|kabur|pulang|bersekolah|sekolah[ \t]+di|tinggal"
    r"[ \t]+(?:di|bersama|dengan|sama)|duduk[ \t]+di[ \t]+kelas|lahir[ \t]+di|mengirim|ngirim|kirim|ketemu|bertemu"
    r"|berkenalan|kenalan|chat|ngechat|nelpon|menelepon|dihubungi|mengenal|kenal"
    # "surya itu yg nyebarin videonya": the one who did it, in chat
    r"|(?:itu[ \t]+|tuh[ \t]+)?(?:yg|yang)[ \t]+(?:(?:ny|ng)[a-z]{3,}|me[a-z]+(?:kan|i)))(?![a-z])"
)
# Lower-case words before a name at the start of a chat line: "trus ayu bilang".
CHAT_LEAD = keys("trus terus lalu terus kemudian tapi tp trs abis habis pas")
# "tiap orang", "setiap manusia" after a word that is also a name: a possessed noun phrase, "Rizki tiap orang
# sudah diatur" (rezeki); "Rizki tiap hari main gim" is a person doing something every day.
DETERMINERS = frozenset(["tiap", "setiap", "seluruh", "semua", "segala", "para", "masing-masing"])
TIME_NOUNS = keys(
    "hari malam pagi siang sore minggu pekan bulan tahun kali jam saat waktu libur istirahat pulang"
)
NEGATIONS = frozenset(
    ["tidak", "tidaknya", "tak", "bukan", "bukannya", "belum", "belumnya", "enggak", "nggak"]
)
# A name followed, in its apposition, by a bracketed mark that it is disguised: "Ayu, teman sebaya korban
# (nama disamarkan), ..." (only lower-case words between).
FICTIONAL_AFTER_APPOSITION = re.compile(
    rf"[\"”’']?[ \t]*,[ \t]*[a-z][a-z0-9 \t'’-]{{0,60}}\([ \t]*(?i:{_PSEUDONYM})[ \t]*\)"
)
# English labels for a child that, with one capital letter, make a placeholder: "Child B, 11, was referred".
EN_PLACEHOLDER_CUES = frozenset(["Child", "Student", "Pupil", "Victim", "Girl", "Boy", "Offender"])
# Since the seventh blind batch "Anak B" and "korban C" too: in this project's texts they label a child (two
# letters or more stay initials: "Anak AB", "korban RN").
ID_PLACEHOLDER_CUES = frozenset(["Anak", "Korban"])
# The last capitalised word before a phrase: "... karena Bunga adalah nama aslinya".
PREV_CAP = re.compile(r"(?<![\w'’-])[A-Z][a-z]+[ \t]*,?[ \t]*\Z")
# Placeholder words of an example address: "nama @ domain titik com" (lower case).
EXAMPLE_EMAIL_WORDS = frozenset(
    ["nama", "name", "email", "domain", "contoh", "example", "user", "alamat", "akun"]
)


# --- the sixth blind batch ------------------------------------------------------------------

# Role words of police, court, hospital and NGO paperwork, after which a person's name follows: "pelapor Suparmi",
# "terdakwa Baharuddin", "Saksi: Rahmat Hidayat", "the defendant, Budi Santoso", "atas nama pasien An. Keysha".
PAPER_ROLES = (
    "pelapor|terlapor|pengadu|teradu|terdakwa|tersangka|terpidana|terperiksa|saksi[ \t]+korban|saksi[ \t]+pelapor"
    "|saksi|anak[ \t]+korban|anak[ \t]+saksi|korban|pasien|wali|pendamping|klien|penerima[ \t]+manfaat|pemohon"
    "|termohon|penggugat|tergugat|complainant|defendant|suspect|witness|patient|guardian|client|victim|accused"
    "|claimant|plaintiff|survivor|perpetrator|reporting[ \t]+person|informant|caller"
    # staff who take a report: "diterima oleh petugas piket Ririn", "konselor Wulan", "penyidik Agus"
    "|petugas(?:[ \t]+(?:piket|jaga|penerima|pengaduan|layanan|intake))?|konselor|penyidik|pemeriksa"
    "|duty[ \t]+officer|intake[ \t]+officer|caseworker|case[ \t]+worker"
)
# "a.n." and "an." (atas nama, anak) before a name in a form: "a.n. Larasati", "korban an. MAWAR SEPTIANI".
NAME_ABBREVIATIONS = r"a\.[ \t]?n\.|a/n|an\.|sdr\.|sdri\.|saudara|saudari"
ROLE_NAME = pattern(
    rf"(?:(?i:{PAPER_ROLES})(?:[ \t]*[:,][ \t]*|[ \t]+)(?:(?i:{NAME_ABBREVIATIONS})[ \t]*)?"
    rf"|(?i:{NAME_ABBREVIATIONS})[ \t]*)"
    r"(?P<hit>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,3})",
    ".@/-",
    triggers="pelapor terlapor pengadu teradu terdakwa tersangka terpidana terperiksa saksi korban pasien wali "
    "pendamping klien manfaat pemohon termohon penggugat tergugat complainant defendant suspect witness patient "
    "guardian client victim accused claimant plaintiff survivor perpetrator person informant caller a an sdr sdri "
    "saudara saudari petugas konselor penyidik pemeriksa officer caseworker case",
)
# An English-looking word is no unlisted name at a sentence start ("However, the teacher ...").
ENGLISH_SHAPE = re.compile(
    r"(?:ly|tion|sion|ment|ness|ing|ers|ies|ful|ous|ity|ive|ship|ance|ence|ics|ism|ists?|wards?|day|ever|ough|ight"
    r"|while|ed|less|able|ible)\Z"
)
OPENING_ADVERBS = keys(
    """instead then next now here there still yet also besides moreover furthermore thus hence therefore
    otherwise later soon once again often sometimes meanwhile overall nevertheless nonetheless indeed alas yes
    ok okay well so outside inside upstairs downstairs afterward afterwards tonight tomorrow last first second
    third finally again together alone online offline eventually since until before after during despite
    although though unless because whereas whether"""
)
# A role in an apposition after a name that opens a sentence: "Mulyadi, the school caretaker at ...",
# "Mulyadi, penjaga sekolah di ...", "Mulyadi, seorang sopir angkot, ..." (lower-cased text; the role is checked
# against role_words.txt in the code).
ROLE_APPOSITION = re.compile(
    r",[ \t]+(?:(?P<det>the|a|an|his|her|their|our|its|seorang|sang|si)[ \t]+)?(?P<words>(?:[a-z'’-]+[ \t]+){0,3}[a-z'’-]+)"
)
# A person noun before a comma and a name in apposition: "The girl, Cahaya Ramadhani, was 14", "Korban, Dewi
# Lestari, ...", "Anak itu, Rafi, ..." (lower-cased text, up to the comma).
PERSON_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|this|that|our|his|her|their|my)[ \t]+(?:[a-z'’-]+[ \t]+){0,2}(?P<en>[a-z'’-]+)"
    r"|\b(?P<id>[a-z-]+)(?:[ \t]+(?:itu|ini|tersebut|korban|kami|kita|saya))?)[ \t]*,[ \t]*\Z"
)
# A number after a label for a record, an account or a device, with up to five words between: "IMEI ponsel yang
# disita ...: 356938035643809", "medical record number at the hospital is 22-018774", "RM 00-45-71-29"
# (lower-cased text; six digits at least, see ``anonymity._labelled_numbers``).
NUMBER_LABEL = pattern(
    r"(?:imei|imsi|iccid|rekening|rek\.?|account|acct|rekam[ \t]+medis|medical[ \t]+record|rm|mrn|tiket|ticket"
    r"|reference|ref\.?|registrasi|registration|perkara|case|register|laporan|report|pengaduan|aduan|complaint"
    r"|serial|seri|resi|tracking|transaksi|transaction|invoice|faktur|kartu|card|polis|policy)"
    r"(?:[ \t]+(?!(?:rp|idr|usd|dan|and|atau|or|tahun|year|pukul|jam|at[ \t]+\d)\b)[a-z][a-z'’.-]*){0,6}?"
    r"[ \t]*(?:[:#=]|\bis\b|\badalah\b|\bialah\b|\byaitu\b)?[ \t]*(?:[a-z]{1,6}[ \t\-]?)?"
    r"(?P<hit>\d[\d]*(?:[ \t]?[\-/.][ \t]?\d+)*)(?![\d]|[.,/-]\d)",
    ".@/",
    lower=True,
    triggers="imei imsi iccid rekening rek account acct rekam medis medical record rm mrn tiket ticket reference "
    "ref registrasi registration perkara case register laporan report pengaduan aduan complaint serial seri resi "
    "tracking transaksi transaction invoice faktur kartu card polis policy",
    anchored=True,
    needs_digit=True,
)
# A code of letters and digits filed by a service: "#ADU-2024-118732", "LAPOR-2411-883507", "TKT-0045821".
SERVICE_CODE = re.compile(
    r"(?<![\w@./-])#?[A-Z][A-Z0-9]{1,9}(?:-[A-Z0-9]+)*-(?=[A-Z0-9-]*\d{4})[A-Z0-9]+(?:-[A-Z0-9]+)*"
)
THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
# A date or a period written in digits: "12-09-2009", "2024-03-11", "01/2024" (not an identifying number).
DATE_LIKE = re.compile(
    r"\d{1,2}[\-/.](?:0?[1-9]|1[0-2])[\-/.](?:19|20)?\d\d|(?:19|20)\d\d[\-/.](?:0?[1-9]|1[0-2])(?:[\-/.]\d{1,2})?"
    r"|(?:0?[1-9]|1[0-2])[\-/.](?:19|20)\d\d"
)
WEAK_NUMBER_LABELS = keys(
    "laporan report pengaduan aduan complaint case register kartu card seri serial policy polis"
)
# A WhatsApp media file ("VID-20240311-WA0017", "IMG-20231102-WA0005.jpg": the date it was sent) and any file
# name joined by "_" or "-" with an extension, whose parts are read for a name or a school.
WHATSAPP_MEDIA = re.compile(
    r"(?<![\w@./-])(?:IMG|VID|PTT|AUD|DOC|STK)-\d{8}-WA\d{3,5}(?:[\w.-]*\.[A-Za-z0-9]{2,4})?"
)
ANY_FILE_NAME = re.compile(
    r"(?<![\w@./-])[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)+\.(?:pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|heic|webp|mp4|mov|3gp"
    r"|mp3|m4a|ogg|opus|wav|txt|zip|rar)\b",
    re.IGNORECASE,
)


# --- classes found by the seventh blind batch ----------------------------------------------

# A pseudonym phrase that is negated: "nama asli, bukan samaran", "not a pseudonym" (lower-cased text, before it).
PSEUDONYM_NEGATED = re.compile(r"(?<![a-z])(?:bukan|not|no|tidak|never)(?:[ \t]+(?:a|an|nama|name))?[ \t]+\Z")
# What stands between a pseudonym phrase and the name it declares: "Nama samaran untuk anak ini adalah |Surya",
# "The pseudonym used here is |Rina" (lower-cased text, before the name).
PSEUDONYM_DECLARES = re.compile(
    r"(?:[ \t]+[a-z'’-]+){0,6}?[ \t]*(?:(?:adalah|ialah|yaitu|yakni|is|was)[ \t]*|:[ \t]*)[\"“‘']?\Z"
)
# A word for a kind of place that is as coarse as the case needs when named alone: a regency or a city
# ("Kabupaten Bogor", "Kab. Garut", "Kota Cimahi", "Sidoarjo regency"). Named with an exact age, a person, a
# school, a village or an address in the same sentence it narrows them down, and it is reported with them.
REGENCY_FIRST = frozenset(["kabupaten", "kab", "kota"])
REGENCY_LAST = frozenset(["regency", "city", "kabupaten", "kota"])
# A self-introduction in a chat: "aku Bunga, yg kemarin chat", "Kak, saya Dinda dari kelas 8", "I'm Rara."
SELF_INTRO = re.compile(
    r"(?<![\w'’-])(?i:aku|saya|sy|gue|gua|gw|ane|i'm|i’m|i[ \t]+am)[ \t]+"
    r"(?P<hit>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})"
    r"(?=[ \t]*(?:[,.!?;:)]|\Z|\n)|[ \t]+(?i:yg|yang|dari|kelas|kls|anak|adiknya|kakaknya|from|in|who)\b)"
)
# A person met, interviewed or accompanied: "Wawancara dengan Kornelia Tefa", "bersama Yohana Lake" (two name
# words at least; see ``anonymity._met_names``).
MET_CUE = re.compile(r"(?<![\w-])(?:dengan|bersama|with)[ \t]+(?=[A-Z])")
# A name described in brackets right after it: "Joshua (the boy from the Ambon case)", "Rani (korban, 14)".
DESCRIBED_BRACKET = re.compile(
    r"[ \t]*\([ \t]*(?:(?:the|a|an|si|sang|seorang)[ \t]+)?(?:[a-z'’-]+[ \t]+){0,2}?(?P<noun>[a-z'’-]+)(?![\w'’-])"
)
# A nickname or user name in quotes after its cue, in lower case: "her server nickname was 'aureliaa'",
# "dipanggil 'ipeh'", "username: 'rara.cute'" (lower-cased text; see ``anonymity._quoted_nicknames``).
QUOTED_NICKNAME = re.compile(
    r"(?<![a-z])(?:nickname|nick|username|user[ \t]+name|display[ \t]+name|screen[ \t]+name|handle|gamertag"
    r"|in-game[ \t]+name|ign|dipanggil|disapa|panggilan|panggilannya|julukan|julukannya|known[ \t]+as"
    r"|dikenal[ \t]+(?:dengan[ \t]+)?(?:sebagai|panggilan|nama))"
    r"(?:[ \t]+(?:is|was|adalah|ialah|nya))?[ \t]*[:=]?[ \t]*[\"“‘'](?P<hit>[a-z0-9._]{3,30})[\"”’']"
)
# A register number of a service, a police unit or a court with a Roman month and a year: "045/REG/P2TP2A-KB/IV/2024",
# "1127/PGD/KPAI/III/2024". Not the number of a letter, a decree or a template ("nomor surat 001/PPA/I/2025").
ROMAN_MONTHS = keys("i ii iii iv v vi vii viii ix x xi xii")
LETTER_BEFORE = re.compile(
    r"(?<![a-z])(?:surat|sk|keputusan|peraturan|perbup|perwali|pergub|edaran|undangan|format|contoh|template"
    r"|example|letter|decree|circular|memo|nota)(?![a-z])"
)
# A venue after its kind and what it sells: "toko emas Cahaya Murni", "klub futsal Garuda Muda", "bengkel
# motor Jaya Abadi" (the lower-case words are kinds of goods or trades of landmark_generic_words.txt).
VENUE_GOODS = re.compile(
    r"(?<![\w-])(?P<head>[A-Za-z]+)(?P<goods>(?:[ \t]+[a-z]+){1,2})[ \t]+(?P<name>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})"
)
# A club named with "FC" (football club): "Garuda Muda FC", "FC Putra Sleman".
FOOTBALL_CLUB = re.compile(
    r"(?P<name>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,3})[ \t]+FC\b|\bFC[ \t]+(?P<after>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,3})"
)
# A boarding school abbreviated "PP" (pondok pesantren) before an Arabic name: "PP Darul Falah Jombor", "PP Al-Hikmah"
# (not "PP Nomor 78", "PP Tunas": a government regulation). The Arabic openers are in pesantren_name_words.txt.
PESANTREN_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:PP|P\.P\.|PPM|Pontren|PonPes)[ \t]+(?P<name>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})"
)
# A five-digit postcode closing an address ("... Kec. Kromengan 65165"): checked after a district, village or
# address finding in the same line (see ``anonymity._postcodes_after_addresses``).
# A class code right after "is in", "kelas", "kls" with a school in the same sentence: "the girl is in 5B at SD ...".
CLASS_CODE_AFTER = re.compile(
    r"(?<![a-z])(?:is[ \t]+in|was[ \t]+in|in[ \t]+class|di[ \t]+kelas|kelas|kls|class)[ \t]+"
    r"(?P<hit>(?:[1-9]|1[0-2]|[ivx]{1,4})[ \t]?-?[a-h](?:[1-9])?)(?![\w-])"
)
SELF_INTRO_WORDS = keys("aku saya sy gue gua gw ane i'm i’m am")
MET_WORDS = keys("dengan bersama with")
SCHOOL_IN_SENTENCE = re.compile(
    r"\b(?:SD|SMP|SMA|SMK|MI|MTs|MA|SLB|TK|SDN|SMPN|SMAN|SMKN|MIN|MTsN|MAN|Sekolah|School|Madrasah|Pesantren)\b"
)
# A sentence that ends between an address and five digits (not the dot of "Kec.", "Ds.", "No.").
SENTENCE_IN_GAP = re.compile(r"(?:^|[^A-Za-z])[A-Za-z]{4,}\.[ \t]|[!?\n]")
# A field for the place of birth before a town (lower-cased text): "Tempat lahir: Kepanjen", "Place of birth: Waingapu".
BIRTH_BEFORE = re.compile(r"(?:lahir|birth|born)(?![a-z])[^.\n]{0,20}\Z")
# Every match of ``_PSEUDONYM`` holds one of these words: a text without them declares no pseudonym.
PSEUDONYM_TRIGGERS = keys(
    "fiktif fiksi fictional fictitious samaran pseudonym pseudonyms pseudonim sebenarnya asli disamarkan diubah diganti rekaan "
    "real made changed"
)


# --- classes found by the eighth blind batch -----------------------------------------------

_KIN_ID = (
    r"ibu|ibunya|mama|mamanya|mamah|mamahnya|mami|maminya|bunda|bundanya|umi|uminya|ayah|ayahnya|bapak|bapaknya"
    r"|bapaknye|papa|papanya|papi|papinya|abi|abinya|ortu|ortunya|orang[ \t]?tua(?:nya)?|kakak|kakaknya|kakanya"
    r"|abang|abangnya|adik|adiknya|tante|tantenya|om|omnya|nenek|neneknya|kakek|kakeknya|wali|walinya|paman"
    r"|pamannya|bibi|bibinya|budhe|budenya|pakde|pakdenya"
)
# A parent or relative introducing themselves in a chat, with the child's name (lower-cased text): "sy ibunya
# dinda", "saya mamanya Rara", "aku kakaknya budi", "I'm dinda's mom", "I am the mother of rara".
KIN_INTRO = re.compile(
    r"(?<![\w'’-])(?:(?:aku|saya|sy|gue|gua|gw|ane)[ \t]+(?:ini[ \t]+)?(?:"
    + _KIN_ID
    + r")(?:[ \t]+(?:dari|si))?"
    r"|(?:i['’]m|i[ \t]+am|this[ \t]+is)[ \t]+(?:the[ \t]+)?(?:mother|mom|mum|father|dad|parent|aunt|uncle"
    r"|sister|brother|grandmother|grandma|grandfather|grandpa|guardian)[ \t]+of)"
    r"[ \t]+(?P<hit>[a-z][a-z'’-]+)(?![\w'’-])"
    r"|(?<![\w'’-])(?:i['’]m|i[ \t]+am|this[ \t]+is)[ \t]+(?P<hit2>[a-z][a-z'’-]+)['’]s[ \t]+"
    r"(?:mother|mom|mum|father|dad|parent|aunt|uncle|sister|brother|grandmother|grandma|guardian)(?![a-z])"
)
KIN_INTRO_WORDS = keys("aku saya sy gue gua gw ane i'm i’m am this")
# The speaker of a chat log line after its time stamp: "[21:03] dito: kak aku udh di depan", "21.04 - Rara: ok"
# (written text; see ``anonymity._chat_speakers``).
CHAT_SPEAKER = re.compile(
    r"(?:(?P<bracket>\[)[ \t]*(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?,?[ \t]+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?[ \t]*(?:[AaPp][Mm])?"
    r"[ \t]*\]|(?<![\w:.,])\d{1,2}[:.]\d{2}(?:[ \t]*[AaPp][Mm])?[ \t]*[-–—])"
    r"[ \t]*(?P<hit>[A-Za-z][\w.]*(?:[ \t]+[A-Za-z][\w.]*)?)[ \t]*:(?![/\d])"
)
# Who speaks in a chat log without being a person's name: "[21:03] Pelaku:", "21.05 - me:".
CHAT_ROLE_SPEAKERS = keys(
    "me saya aku gue gw anda kamu you admin moderator mod bot system sistem unknown anonim anonymous pelaku korban "
    "anak guru ibu ayah mama papa bapak kakak adik tante om nenek kakek teman friend offender victim child parent "
    "mom dad mother father teacher user pengguna operator petugas konselor counsellor counselor agent cs"
)
# Who sent, filed, wrote or posted something (written text): "The report was filed by Bernadeta Lein", "Kiriman
# dari Cut Rahmah di grup", "dilaporkan oleh Yohana Lake".
SENT_BY = re.compile(
    r"(?<![\w-])(?:(?i:filed|reported|submitted|sent|posted|written|signed|lodged|raised|uploaded|shared"
    r"|forwarded|prepared|recorded|made|brought|told)[ \t]+by"
    r"|(?i:kiriman|unggahan|postingan|posting|tulisan|curhatan|titipan|terusan|pesan|laporan|aduan|pengaduan)"
    r"[ \t]+(?:dari|oleh)"
    r"|(?i:dikirim|dilaporkan|diadukan|ditulis|diunggah|diposting|dibuat|ditandatangani|diteruskan|dibagikan"
    r"|diceritakan|disampaikan|dikirimkan|dilaporkannya)[ \t]+(?:oleh|dari))"
    r"[ \t]+(?P<hit>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})"
)
SENT_BY_WORDS = keys("by dari oleh")
# A team or an office that sends or writes, not a person: "ditulis oleh Tim Penyusun", "posted by Admin Sekolah".
SENDER_GROUP_WORDS = keys(
    "tim team panitia pengurus komite redaksi admin divisi bagian unit seksi kelompok kantor lembaga pihak staf staff"
)
# A clause before a subject, closed by a comma (written text, before the name): "By Saturday, 14 October, |Ranying
# Usop had ..."; "Menurut wali kelasnya, Bu Fransiska Nogo, |Yoseph sudah ..." (an apposition with a title).
TITLED_APPOSITION_BEFORE = re.compile(
    r",[ \t]*(?:Bu|Ibu|Pak|Bapak|Kak|Mas|Mbak|Bang|Om|Tante|Mr|Mrs|Ms|Miss|Dr|Sr|Suster|Pastor|Romo|Pendeta|Ustaz"
    r"|Ustadz|Ustazah|Ustadzah|Sir|Madam)\.?[ \t]+(?:[A-Z][\w'’-]*[ \t]+){0,3}[A-Z][\w'’-]*,[ \t]*\Z"
)
# What a child's subject does next in Indonesian (lower-cased text, after the name): "Yoseph sudah tiga minggu ...".
ID_SUBJECT_WORDS = keys(
    "sudah telah tidak belum masih sempat pernah kini sekarang jarang sering hanya mengaku bilang menangis "
    "kabur pulang tinggal bersekolah dilaporkan diketahui terlihat mulai berhenti"
)
# A phone number written in two parts so that no part looks like one (lower-cased text): "0821-4455 dan
# lanjutannya 6677", "0813 2211, sisanya 9087".
SPLIT_PHONE = re.compile(
    r"(?<![\w+])(?P<head>(?:\+?62[ \t.-]?|0)8\d{1,2}[ \t.-]?\d{3,4})(?![\w-]|[.]\d)"
    r"(?P<gap>[^.\n\d]{0,30}?(?:lanjutan(?:nya)?|sambungan(?:nya)?|terusan(?:nya)?|sisa(?:nya)?|belakang(?:nya)?"
    r"|ujung(?:nya)?|akhir(?:nya)?|the[ \t]+rest|rest[ \t]+of[ \t]+it|followed[ \t]+by|continued|ending[ \t]+in"
    r"|ends[ \t]+(?:with|in)|last[ \t]+(?:four|digits))[^.\n\d]{0,20}?)"
    r"(?P<tail>\d{3,5})(?![\w-]|[.,]\d)"
)
# An Islamic calendar date with its year: "17 Rajab 1445 H", "3 Syawal 1444 Hijriah" (lower-cased text).
HIJRI_DATE = re.compile(
    r"(?<![\w-])\d{1,2}[ \t]+(?:muharram|muharam|safar|shafar|sapar|rabiul[ \t]+(?:awal|awwal|akhir|tsani|sani)"
    r"|rabi['’]ul[ \t]+(?:awal|awwal|akhir|tsani)|jumadil[ \t]+(?:awal|ula|akhir|tsani|sani)"
    r"|jumadal[ \t]+(?:ula|ukhra|akhirah)|rajab|sya['’]?ban|sha['’]?ban|ramadan|ramadhan|ramadlan|syawal|syawwal"
    r"|shawwal|zulkaidah|zulqaidah|dzulqa['’]?dah|dzulkaidah|dzulqaidah|zulhijah|zulhijjah|dzulhijjah|dzulhijah"
    r"|dhul[ \t-]hijjah|dhu[ \t-]al[ \t-]hijjah)[ \t]+1[34]\d\d(?:[ \t]*(?:h\b\.?|hijriah\b|hijriyah\b|ah\b))?"
)
# A sentence about the Islamic calendar itself (lower-cased text): "Puasa dimulai 1 Ramadan 1446 H menurut
# pengumuman pemerintah", "Idul Adha jatuh pada 10 Zulhijah 1445 H".
HIJRI_PUBLIC = re.compile(
    r"(?<![a-z])(?:puasa|lebaran|idul|idulfitri|iduladha|hari[ \t]+raya|isbat|hisab|rukyat|libur|kalender|calendar"
    r"|pemerintah|government|kemenag|muhammadiyah|fasting|eid|holiday|tahun[ \t]+baru|new[ \t]+year)(?![a-z])"
)
HIJRI_WORDS = keys(
    "muharram muharam safar shafar sapar rabiul rabi'ul jumadil jumadal rajab sya'ban syaban sha'ban shaban "
    "ramadan ramadhan ramadlan syawal syawwal shawwal zulkaidah zulqaidah dzulqa'dah dzulqadah dzulkaidah "
    "dzulqaidah zulhijah zulhijjah dzulhijjah dzulhijah dhul hijjah"
)
# A named eatery or boat: "RM Salero Bundo" (rumah makan), "KM Harapan Jaya 07" (kapal motor).
EATERY_OR_BOAT = re.compile(
    r"(?<![\w.])(?:RM|R\.M\.|Rumah[ \t]+Makan|Warung[ \t]+Makan|Warteg|KM|K\.M\.|KMP|KLM|Kapal[ \t]+Motor)[ \t]+"
    r"(?P<name>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3}(?:[ \t]+\d{1,3}\b)?)"
)
# A room right after a dormitory, without its name: "tinggal di asrama kamar 14B", "the dorm, room 12"
# (lower-cased text).
DORM_ROOM = re.compile(
    r"(?<![\w-])(?:asrama|dorm|dormitory|pondokan|kos|kost|indekos|boarding[ \t]+house)"
    r"(?:[ \t]+(?:putri|putra|santri|santriwati|santriwan|siswa|girls['’]?|boys['’]?))?[ \t]+"
    r"(?P<hit>(?:kamar|kmr\.?|room)(?:[ \t]+(?:no\.?|nomor|nmr\.?|number))?[ \t]*\d{1,4}[a-z]?)\b(?![.,:]\d)"
)
DORM_WORDS = keys("asrama dorm dormitory pondokan kos kost indekos boarding")
# A date at the end of a range (lower-cased text, before the date): "dari 25 November |sampai 10 Desember".
RANGE_END_BEFORE = re.compile(
    r"(?:sampai|hingga|s\.[ \t]?d\.?|sd|to|until|till|through|[-–—])[ \t]+(?:(?:dengan|tanggal|the)[ \t]+)?\Z"
)
# The start of a range before its end (lower-cased text): "|25 november sampai |10 desember".
RANGE_START_BEFORE = re.compile(
    r"\d{1,2}[ \t]+[a-z]+\.?(?:[ \t]+\d{4})?[ \t]+(?:sampai|hingga|s\.[ \t]?d\.?|sd|to|until|till|through|[-–—])"
    r"[ \t]+(?:(?:dengan|tanggal|the)[ \t]+)?\Z"
)
# The author, a module or a case using pseudonyms, before the phrase (lower-cased text): "Modul ini memakai nama
# samaran ...", "This case uses pseudonyms such as ...".
AUTHORED_BEFORE = re.compile(
    r"(?<![a-z])(?:modul|materi|kasus|studi[ \t]+kasus|cerita|contoh|skenario|kami|kita|penulis|module|case"
    r"|case[ \t]+study|story|scenario|example|we|this[ \t]+(?:text|page|guide|material))"
    r"(?:[ \t]+(?:ini|itu|tersebut|kami))?[ \t]+(?:(?:hanya|juga|only|also)[ \t]+)?"
    r"(?:memakai|menggunakan|pakai|uses|use|used)[ \t]+(?:(?:the|a|an)[ \t]+)?\Z"
)
# Words a chat adds at the end of a group's name, no place or person: 'grup "Belajar Bareng Yuk"'.
CHAT_PARTICLES = keys("yuk yok kuy dong deh sih gan sis bro gaes guys cuy coy kak")
# A list of names declared pseudonyms after the phrase (lower-cased text, between the phrase and the name): "nama
# samaran seperti |Putri, Dimas, dan |Ayu", "pseudonyms such as |Rina and |Budi".
PSEUDONYM_LIST = re.compile(
    r"s?(?:[ \t]+[a-z'’-]+){0,3}?[ \t]*,?[ \t]+(?:seperti|misalnya|contohnya|antara[ \t]+lain|yaitu|yakni"
    r"|such[ \t]+as|like|e\.g\.,?|for[ \t]+example|including)[ \t]*:?[ \t]*"
    r"(?:[\"“‘']?[a-z][a-z'’-]*[\"”’']?(?:[ \t]*,[ \t]*(?:(?:dan|and|atau|or|serta)[ \t]+)?"
    r"|[ \t]+(?:dan|and|atau|or|serta)[ \t]+))*[\"“‘']?\Z"
)
# A lower-case school name in English text, opened by a word that only an Indonesian school's name has:
# "a student of smp yayasan bina insani" (after a school level; lower-cased text).
SCHOOL_NAME_OPENERS = frozenset(
    [
        "yayasan",
        "islam",
        "kristen",
        "katolik",
        "muhammadiyah",
        "advent",
        "plus",
        "terpadu",
        "al",
        "nurul",
        "darul",
    ]
)
