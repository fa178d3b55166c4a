"""Anonymity checker: find details in a text that could identify a real child.

A published case study that names a child, a school or a village is a real harm, so this
module errs on the side of flagging. It is pure standard library and rule-based: regular
expressions for structured identifiers (phone numbers, NIK, e-mail, plates, dates), curated
word lists for names and cities (``data/given_names.txt``, ``data/places.txt``), and cue
words for everything else ("bernama X", "Desa X", "SMPN 3"). Things that are fine in an
anonymised case (provinces, islands, institutions, law references, the hotline 129) are
collected as *safe spans*; a finding that lies wholly inside a safe span is dropped.

Usage::

    for finding in scan(text):
        print(finding.kind, finding.text, finding.reason)

Speed notes (scanning 500 KB must take well under a second):

* Most patterns deliberately do not start with ``\\b`` or a look-behind. A leading assertion
  stops the regex engine from skipping ahead to a possible first character, which made a
  scan three to four times slower; the word-boundary check runs in Python on the few
  matches instead (see ``_Pattern``).
* Keyword alternations are built as prefix trees (``_alt``).
* Patterns that need a cue word before a capitalised name ("Desa X", "bernama X") are not run
  over the whole text: they are tried only where such a word stands (see ``_Doc``).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Finding:
    """One identifying detail: its kind, where it is, and what to do about it."""

    kind: str
    start: int
    end: int
    text: str
    reason: str


REASONS = {
    "name": "a personal name; replace it with a role such as 'the girl', 'her uncle' or 'the offender'",
    "initials": "initials used as a name; replace them with a role such as 'the child' or 'the offender'",
    "phone": "a phone number; remove it or replace it with a role such as 'the hotline'",
    "nik": "a 16-digit NIK or family-card (KK) number; remove it entirely",
    "email": "an e-mail address; remove it or write 'an e-mail address'",
    "handle": "a social media handle; remove it or write 'an account on a social media app'",
    "url": "a URL or profile link; remove it or name the kind of platform instead",
    "plate": "a vehicle registration plate; remove it or write 'a car' or 'a motorbike'",
    "address": "a street address, house number or named landmark; replace it with 'a house in a "
    "residential area' or 'a market nearby'",
    "school": "a named school; keep only the level, e.g. 'a junior high school'",
    "village": "a village, district or city below province level; use the province or a fictional place",
    "date": "an exact date; use a vague period such as 'early last year' or 'one evening'",
    "age-place": "an exact age together with a place in the same sentence; use an age range such as "
    "'13-15' or drop the place",
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


# --- word lists ----------------------------------------------------------------------------


def _read_list(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file next to this module."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _load_names() -> tuple[frozenset[str], frozenset[str]]:
    """All given names, and the subset that are also common words (marked with '*')."""
    entries = _read_list("given_names.txt")
    names = frozenset(entry.rstrip("*") for entry in entries)
    ambiguous = frozenset(entry.rstrip("*") for entry in entries if entry.endswith("*"))
    return names, ambiguous


GIVEN_NAMES, AMBIGUOUS_NAMES = _load_names()
CITIES = frozenset(_read_list("places.txt"))


def _words(text: str) -> list[str]:
    """Split a word list written as one string; long lists stay readable that way."""
    return text.split()


MONTHS_ID = _words(
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November "
    "Desember Jan Feb Mar Apr Jun Jul Agu Agt Agst Sep Sept Okt Nov Des"
)
MONTHS_EN = _words(
    "January February March April May June July August September October November "
    "December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)

PROVINCES = [
    "Aceh",
    "Sumatera Utara",
    "Sumatera Barat",
    "Sumatera Selatan",
    "Riau",
    "Kepulauan Riau",
    "Jambi",
    "Bengkulu",
    "Lampung",
    "Bangka Belitung",
    "Kepulauan Bangka Belitung",
    "Banten",
    "DKI Jakarta",
    "Jakarta",
    "Jawa Barat",
    "Jawa Tengah",
    "Jawa Timur",
    "DI Yogyakarta",
    "Daerah Istimewa Yogyakarta",
    "Bali",
    "Nusa Tenggara Barat",
    "Nusa Tenggara Timur",
    "NTB",
    "NTT",
    "Kalimantan Barat",
    "Kalimantan Tengah",
    "Kalimantan Selatan",
    "Kalimantan Timur",
    "Kalimantan Utara",
    "Sulawesi Utara",
    "Sulawesi Tengah",
    "Sulawesi Selatan",
    "Sulawesi Tenggara",
    "Sulawesi Barat",
    "Gorontalo",
    "Maluku",
    "Maluku Utara",
    "Papua",
    "Papua Barat",
    "Papua Barat Daya",
    "Papua Selatan",
    "Papua Tengah",
    "Papua Pegunungan",
    "North Sumatra",
    "West Sumatra",
    "South Sumatra",
    "Riau Islands",
    "Bangka Belitung Islands",
    "West Java",
    "Central Java",
    "East Java",
    "Special Region of Yogyakarta",
    "West Nusa Tenggara",
    "East Nusa Tenggara",
    "West Kalimantan",
    "Central Kalimantan",
    "South Kalimantan",
    "East Kalimantan",
    "North Kalimantan",
    "North Sulawesi",
    "Central Sulawesi",
    "South Sulawesi",
    "Southeast Sulawesi",
    "West Sulawesi",
    "North Maluku",
    "West Papua",
    "South Papua",
]
ISLANDS = [
    "Jawa",
    "Java",
    "Sumatera",
    "Sumatra",
    "Kalimantan",
    "Borneo",
    "Sulawesi",
    "Celebes",
    "Lombok",
    "Flores",
    "Sumba",
    "Timor",
    "Madura",
    "Bangka",
    "Belitung",
    "Nias",
    "Halmahera",
    "Seram",
    "Buton",
    "Bintan",
    "Mentawai",
    "Nusa Tenggara",
]
REGION_NAMES = frozenset(PROVINCES + ISLANDS)

INSTITUTIONS = [
    "KemenPPPA",
    "KPPPA",
    "Kementerian PPPA",
    "KPAI",
    "KPAD",
    "Polri",
    "Polda",
    "Polres",
    "Polresta",
    "Polrestabes",
    "Polsek",
    "Bareskrim",
    "Ditressiber",
    "Dittipidsiber",
    "UPTD PPA",
    "P2TP2A",
    "SAPA 129",
    "TePSA",
    "LPSK",
    "Komdigi",
    "Kominfo",
    "Kemkomdigi",
    "Kemenkominfo",
    "Kemensos",
    "Kemendikbudristek",
    "Kemendikdasmen",
    "Kemendikbud",
    "Kemenag",
    "Komnas Perempuan",
    "Komnas HAM",
    "Komnas PA",
    "BSSN",
    "Interpol",
    "Kejaksaan Agung",
    "Mahkamah Agung",
    "Mahkamah Konstitusi",
    "ECPAT",
    "UNICEF",
    "NCMEC",
    "IWF",
    "INHOPE",
    "PATBM",
    "Pedoman Luxembourg",
    "Luxembourg Guidelines",
    "Google",
    "YouTube",
    "WhatsApp",
    "TikTok",
    "Instagram",
    "Facebook",
    "Messenger",
    "Family Link",
    "SafeSearch",
    "Telegram",
    "Discord",
    "Snapchat",
    "Twitter",
    "Roblox",
    "Free Fire",
    "Mobile Legends",
    "Minecraft",
    "PUBG",
    "MiChat",
    "Take It Down",
    "StopNCII",
    "Childline",
    "Dinas Sosial",
    "Dinas Pendidikan",
    "Dinas PPPA",
    "Puskesmas",
    "Bhabinkamtibmas",
    "Babinsa",
    "Pancasila",
    "Indonesia",
    # Programme names that contain place words ("Kota", "Desa") but name no place.
    "Kabupaten/Kota Layak Anak",
    "Kota Layak Anak",
    "Kabupaten Layak Anak",
    "Desa Layak Anak",
    "Desa Ramah Perempuan dan Peduli Anak",
    "Desa Ramah Anak",
    "Sekolah Ramah Anak",
    "Pesantren Ramah Anak",
]

ROLE_WORDS = frozenset(
    _words(
        "Guru Kepala Lurah Camat Bupati Wali Walikota Wakil Gubernur Presiden Menteri Polisi Ketua "
        "Dokter Bidan Hakim Jaksa Kades Kiai Kyai Ustaz Ustadz Ustazah Pendeta Pastor Romo Korban "
        "Pelaku Anak Ayah Ibu Bapak Kakak Adik Nenek Kakek Paman Bibi Tante Om Kota Pertiwi Negara "
        "Direktur Kapolres Kapolda Kapolsek Kanit Penyidik Pendamping Fasilitator Peserta Kepsek "
        "Sekdes Babinsa Dosen Sekretaris Komandan Swastiastu Tersangka Saksi Jenderal "
        "President Minister Chair Chairman Speaker Principal Justice Officer Ambassador Secretary "
        "Governor Mayor Regent Head Teacher Inspector Director Prime Chief Deputy"
    )
)
# Acronyms that follow role words ("anak SD", "korban KBGO") but are not initials.
ACRONYMS = frozenset(
    _words(
        "SD SMP SMA SMK TK MI MA MTS PAUD SLB BK RT RW PPA KPAI UU PP KUHP TPKS ITE KS KBGO KBG KDRT "
        "ESKA ESA OCSEA CSAM CSEM TPPO ABH ABK LGBT HIV AIDS PSK WNI WNA PNS ASN TNI OK ID KTP KK NIK "
        "HP WA DM VC PC IT AI SMS OTP PIN QR USB VPN TV CCTV UN UK US EU DKI DIY NTB NTT WIB WITA WIT "
        "OSIS UKS PKK LSM NGO CSO PBB KHA CRC UNCRC WHO ILO X I"
    )
)
DOTTED_NOT_INITIALS = frozenset(_words("A.S. U.S. U.K. U.N. E.U. S.H. M.H. S.E. S.T. P.O. A.M. P.M. D.C."))
PLATE_CODES = (
    "A B D E F G H K L M N P R S T W Z AA AB AD AE AG BA BB BD BE BG BH BK BL BM BN BP "
    "DA DB DC DD DE DG DH DK DL DM DN DP DR DT DW EA EB ED KB KH KT KU PA PB PG PS PT PY"
)
# "an app called Bigo", "sebuah gim bernama ..." name a thing, not a person.
THING_NOUNS = frozenset(
    _words(
        "app application game group platform site website account channel film show song programme "
        "program feature operation campaign village town city district school company organisation "
        "organization community book series video movie aplikasi gim grup akun kanal situs fitur "
        "operasi kampanye desa kota sekolah perusahaan lembaga komunitas buku lagu"
    )
)
NAME_PREFIX_STOP = frozenset(
    _words(
        "Nabi Prophet Rasul Sunan Sultan Hari Universitas University Masjid Gereja Stadion Bandara Airport"
    )
)
NAME_SUFFIX_STOP = frozenset({"Lanka"})
FUNCTION_CAPS = frozenset(
    _words("The And Dan Di Ke Dari Yang Dengan Untuk Pada Dalam Of In On At To For From With A An Is Was")
)
# "lembar kerja nomor 3", "pertanyaan nomor 1": numbered things that are not houses.
NOT_ADDRESS_NOUNS = frozenset(
    _words(
        "uu pp perpres permen perda perppu undang-undang law regulation keputusan peraturan pasal "
        "article lembar halaman page soal modul module sesi session kelompok group kasus case "
        "pertanyaan question worksheet telepon hp wa whatsapp handphone ponsel phone kontak tabel "
        "table gambar figure slide langkah step bab chapter latihan exercise lampiran annex appendix "
        "contoh example formulir form urut absen kerja kegiatan activity kartu card comment komentar "
        "umum resolution resolusi report laporan edition edisi volume vol issue pbb un kha crc "
        "konvensi convention komite committee protokol protocol"
    )
)
HOTLINES = frozenset({"110", "112", "113", "115", "118", "119", "129"})
GENERIC_SCHOOL_WORDS = frozenset(
    _words(
        "Negeri Swasta Islam Islamic Terpadu IT Kristen Katolik Inpres Luar Biasa Dasar Menengah "
        "Pertama Atas Kejuruan Tinggi Minggu Kelas Dan Di The A An Junior Senior High Primary "
        "Elementary Middle Secondary Public State Vocational Boarding Sunday Our Her His Their Each "
        "Every This That Local Private Ramah Anak Madrasah Pesantren Pondok Inggris Amerika Australia "
        "Belanda Jepang Malaysia Internasional International Nasional National Dunia"
    )
)
# Words after "Desa"/"Kota" that make a programme name, not a place ("Kota Layak Anak").
GENERIC_VILLAGE_WORDS = frozenset(_words("Layak Ramah Adat Wisata Siaga Sehat Digital Tangguh"))
EN_NOT_PLACE = frozenset(
    _words(
        "The A An This That These Those Each Every Our Her His Their Its Small Local Coastal Rural "
        "Fishing Capital Provincial Big Same One Another Any Which What Home Native Inner Old Remote "
        "Neighbouring Neighboring Nearby Whole Entire Smart Child Friendly Safe Digital Poor Mountain "
        "Your My In On At Of From"
    )
)
NOT_PLACE_WORDS = frozenset(
    MONTHS_ID
    + MONTHS_EN
    + _words(
        "Senin Selasa Rabu Kamis Jumat Sabtu Minggu Monday Tuesday Wednesday Thursday Friday "
        "Saturday Sunday Indonesia English Bahasa Grade Kelas Class Islam"
    )
)


# --- pattern helpers -----------------------------------------------------------------------


def _alt(words: list[str] | str, cases: bool = False) -> str:
    """Alternation of literal words as a prefix tree; with ``cases`` also each capitalised form.

    "Pak Pakde Bu" becomes "Pak(?:de)?|Bu". The regex engine tries alternatives one by one,
    so sharing prefixes lets it reject a position after one character instead of trying
    every word; the optional tails are greedy, so the longest word still wins.
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
    branches = [re.escape(char) + _render_trie(child) for char, child in node.items() if char]
    if not branches:
        return ""
    if "" in node:
        return "(?:" + "|".join(branches) + ")?"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _word_start(text: str, pos: int, extra: str = "") -> bool:
    """True if no letter, digit, "_" (or a character in ``extra``) comes right before ``pos``."""
    if pos == 0:
        return True
    before = text[pos - 1]
    return not (before.isalnum() or before == "_" or before in extra)


@dataclass(frozen=True)
class _Pattern:
    """A regex whose matches must start a word; the check runs in Python (see module doc).

    ``cues`` (lower-case) are the words a match can start with when the match always runs
    up to a capitalised word; such patterns are only tried at those words (see ``_Doc``).
    """

    regex: re.Pattern[str]
    not_after: str = ""
    cues: frozenset[str] = frozenset()

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        for match in self.regex.finditer(text):
            if _word_start(text, match.start(), self.not_after):
                yield match


def _p(pattern: str, not_after: str = "", cues: str = "") -> _Pattern:
    keys = {word.lower() for word in cues.split()}
    keys |= {re.match(r"[A-Za-z]*", word).group().lower() for word in cues.split()}
    return _Pattern(re.compile(pattern), not_after, frozenset(keys - {""}))


_CAPWORD = r"[A-Z][\w'’-]*"
_NAME_WORDS = r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}"
_MONTH_ANY = _alt(MONTHS_ID + MONTHS_EN)
_NUM_ID = (
    r"(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)[ \t]+belas|sepuluh|sebelas|"
    r"satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan"
)
_NUM_EN = _alt(
    "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen ten "
    "nine eight seven six five four three two one",
    cases=True,
)

# --- safe spans ----------------------------------------------------------------------------

_LAW_NUMBER = r"\s*(?:No\.?|Nomor|Number|Nr\.?)?\s*\d+[A-Z]?\s*(?:(?:Tahun|tahun|of|/)\s*\d{4})?"
_LAW_WORDS = (
    "Perpres Perda Perppu Perma Perkap Perpol Inpres Keppres Undang-Undang Law Regulation Permen "
    "Permendikbud Permendikbudristek Permensos Permenkominfo Permenpppa Permenkes"
)
LAW_REFS = [
    _p(rf"(?:UU|PP){_LAW_NUMBER}"),
    _p(
        rf"(?:{_alt(_LAW_WORDS)}|Peraturan(?:\s+[A-Z]\w+){{0,3}}|Keputusan(?:\s+[A-Z]\w+){{0,3}}){_LAW_NUMBER}"
        r"|(?:Pasal|Article)\s+\d+[A-Z]?(?:\s+ayat\s+\(\d+\))?"
        rf"|(?:{_alt('pulau kepulauan provinsi', cases=True)}|Province)\s+[A-Z]\w+(?:\s+[A-Z]\w+)?",
        cues=_LAW_WORDS + " Peraturan Keputusan Pasal Article pulau kepulauan provinsi province",
    ),
]
PHRASE_TOKEN = re.compile(r"[A-Z][A-Za-z0-9]*")


def _phrase_index(phrases: list[str]) -> dict[str, list[str]]:
    """Safe phrases keyed by their first token, longest phrase first."""
    index: dict[str, list[str]] = {}
    for phrase in sorted(set(phrases), key=len, reverse=True):
        first = PHRASE_TOKEN.match(phrase)
        assert first, phrase
        index.setdefault(first.group(), []).append(phrase)
    return index


SAFE_PHRASES = _phrase_index(PROVINCES + ISLANDS + INSTITUTIONS)

# A place that the author marks as invented, or a name marked as a pseudonym, is not a leak.
FICTIONAL_MARK = re.compile(
    r"\s*\((?:fiktif|fiksi|fictional|fictitious|nama samaran|samaran|bukan nama sebenarnya|"
    r"nama disamarkan|pseudonym|not (?:his|her|their|the) real name)\)",
    re.I,
)
FICTIONAL_KINDS = {"name", "village", "school", "address", "initials"}


class _Spans:
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


def _phrase_spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of safe phrases (institutions, provinces, islands), and of the regions among them."""
    safe, regions = [], []
    for token in PHRASE_TOKEN.finditer(text):
        start = token.start()
        for phrase in SAFE_PHRASES.get(token.group(), ()):
            end = start + len(phrase)
            if (
                text.startswith(phrase, start)
                and _word_start(text, start, "-")
                and not (end < len(text) and (text[end].isalnum() or text[end] in "_-"))
            ):
                safe.append((start, end))
                if phrase in REGION_NAMES:
                    regions.append((start, end))
                break
    return safe, regions


# --- simple regex rules --------------------------------------------------------------------

HOUSING = "perumahan perum komplek kompleks apartemen rusun rusunawa"
LANDMARKS = (
    "Pasar Taman Alun-alun Alun-Alun Masjid Musala Musholla Gereja Pura Vihara Klenteng Stasiun "
    "Terminal Pelabuhan Bandara Mal Mall Plaza Pantai Lapangan Hotel Losmen Wisma Puskesmas RSUD RSIA RS "
    "Klinik"
)
# Local units named after their area ("Polsek Cicendo", "Koramil Ciawi") name a district; Polda
# (province level) is fine and is not listed.
AREA_UNITS = "Polsek Polres Polresta Polrestabes Koramil Kodim KUA"

RULES: list[tuple[str, _Pattern]] = [
    ("nik", _p(r"\d{4}(?:\d{12}|([ .\-])\d{4}\1\d{4}\1\d{4}|\d\d([ .\-])\d{6}\2\d{4})(?!\w|[.\-]\d)", ".")),
    ("url", _p(r"(?:https?://|www\.)[^\s<>\"'()\[\]{}]+(?<![.,;:!?])")),
    # A username in quotes without "@" ('kakak_peduli', "gadis99"): underscores or trailing digits.
    ("handle", _p(r"['\"“‘](?P<hit>[A-Za-z0-9]+(?:_[A-Za-z0-9_.]*[A-Za-z0-9]|[A-Za-z]\d{2,}))['\"”’]")),
    ("plate", _p(rf"(?:{_alt(PLATE_CODES)})[ \-]\d{{1,4}}[ \-][A-Z]{{1,3}}(?![\w-])", "-")),
    (
        "address",
        _p(
            rf"(?:{_alt('Jl Jln Jalan Gg Gang')})\.?[ \t]+(?!No\b|Nomor\b){_CAPWORD}"
            r"(?:[ \t]+(?!No\b|Nomor\b|RT\b|RW\b)[A-Z][\w'’-]*){0,3}"
            r"(?:[ \t]+(?:km|Km|KM)\.?[ \t]?\d{1,3}(?:[.,]\d+)?)?",  # "Jl. Kaliurang km 7"
            cues="Jl Jln Jalan Gg Gang",
        ),
    ),
    (
        "address",
        _p(
            r"RT(?:\s*/\s*RW)?\.?\s*\d{1,3}(?:\s*/\s*(?:RW\.?\s*)?\d{1,3}|[\s,]+RW\.?\s*\d{1,3})?\b"
            r"|RW\.?\s*\d{1,3}\b"
        ),
    ),
    ("address", _p(r"(?:Blok|blok)\s+(?:[A-Z]\b(?:[\s-]?\d{1,3}\b)?|\d{1,3}\b)")),
    (
        "address",
        _p(rf"(?:{_alt(HOUSING, cases=True)})\.?[ \t]+{_CAPWORD}(?:[ \t]+{_CAPWORD}){{0,3}}", cues=HOUSING),
    ),
    (
        "village",
        _p(
            rf"(?:{_alt(AREA_UNITS)})[ \t]+(?:Metro[ \t]+)?{_CAPWORD}(?:[ \t]+{_CAPWORD}){{0,2}}",
            cues=AREA_UNITS,
        ),
    ),
    # A named landmark near home or school ("Pasar Kramat Jati", "Taman Bungkul") locates a child.
    (
        "address",
        _p(
            rf"(?:{_alt(LANDMARKS)})[ \t]+(?!Kanak|Bacaan|Pendidikan|Baca){_CAPWORD}"
            rf"(?:[ \t]+{_CAPWORD}){{0,2}}",
            cues=LANDMARKS,
        ),
    ),
    (
        "date",
        _p(
            rf"\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?:{_MONTH_ANY})\b\.?(?:,?[ \t]+(?:19|20)\d{{2}}\b)?"
        ),
    ),
    (
        "date",
        _p(
            rf"(?:{_alt(MONTHS_EN)})\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?[ \t]+(?:19|20)\d{{2}}\b)?",
            cues=" ".join(MONTHS_EN),
        ),
    ),
    (
        "date",
        _p(
            r"(?:\d{1,2}(?:[/.\-]\d{1,2}[/.\-](?:19|20)\d{2}|/\d{1,2}/\d{2})"
            r"|(?:19|20)\d{2}-(?:0?[1-9]|1[0-2])-\d{1,2})(?![\d/\-]|\.\d)",
            "/.-",
        ),
    ),
    ("date", _p(rf"(?:{_alt('tanggal tgl', cases=True)})\.?[ \t]+\d{{1,2}}\b")),
    ("date", _p(r"(?:on|On)[ \t]+the[ \t]+\d{1,2}(?:st|nd|rd|th)\b(?![ \t]+(?:century|grade|floor|time))")),
    # A birth year, with or without its month, narrows a child down to a school cohort.
    (
        "date",
        _p(
            rf"(?:{_alt('lahir kelahiran born', cases=True)})[ \t]+(?:(?:pada|in|on)[ \t]+)?"
            rf"(?:bulan[ \t]+)?(?:(?:{_MONTH_ANY})[ \t]+)?(?:tahun[ \t]+|thn\.?[ \t]+)?(?:19|20)\d{{2}}\b"
        ),
    ),
]

# --- patterns that need a second look ------------------------------------------------------

PHONE = _p(r"(?:\+[ \t]?62|62|\(0\d{2,4}\)|0)[ \t.\-]?\d+(?:[ \t.\-]\d+){0,5}", "+")
TIMES_ONLY = re.compile(r"(?:\d{1,2}[.:]\d{2}[ \t\-]*)+")
AT_SIGN = re.compile(r"@")
LOCAL_PART = re.compile(r"[\w.%+-]+\Z")
DOMAIN = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
HANDLE = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
BARE_URL_TAIL = re.compile(
    r"\.(?:com|net|org|id|me|co|io|ly|gg|tv|app|link|site|xyz|info|biz|live)"
    r"(?:\.[a-z]{2})?/[^\s<>\"'()\[\]{}]*(?<![.,;:!?])"
)
DOMAIN_HEAD = re.compile(r"(?:[a-z0-9-]+\.)*[a-z0-9-]+\Z")

HONORIFICS = (
    "Pak Bu Bapak Ibu Mas Mbak Kak Kakak Dik Adik Bang Abang Uda Teh Kang Akang Neng Om Tante "
    "Mr Mrs Ms Miss Mister Dr Ny Nn Tn Sdr Sdri Ustaz Ustadz Ustazah Ustadzah Kiai Kyai KH Gus "
    "Ning Romo Pastor Pendeta Pdt Suster Bruder Haji Hj Mbah Eyang Bude Pakde Bulik Paklik Opung Ompung "
    "Engkong Abah Ambu Mak Wak Nenek Kakek Paman Bibi"
)
HONORIFIC = _p(
    rf"(?:{_alt(HONORIFICS)})\.?[ \t]+(?P<first>[A-Z][a-z]+)"
    r"(?:[ \t]+[A-Z][a-z]+){0,2}"
    # "Ahmad Fauzi bin Sulaiman": the father's name identifies the child as much as hers.
    r"|(?:bin|binti)[ \t]+(?P<parent>[A-Z][a-z]+)(?:[ \t]+[A-Z][a-z]+){0,2}",
    cues=HONORIFICS + " bin binti",
)
NAME_CUE = _p(
    rf"(?P<cue>{_alt('bernama namanya dipanggil panggilannya disapa alias named called nicknamed si Si')}"
    rf"|nama(?:nya)?[ \t]+adalah|known[ \t]+as|dikenal[ \t]+sebagai)[ \t]+(?P<hit>{_NAME_WORDS})",
    cues="bernama namanya dipanggil panggilannya disapa alias named called nicknamed si nama known dikenal",
)
_INITIAL_CUES = (
    "berinisial inisialnya inisial initials initial anak korban pelaku tersangka siswi "
    "siswa remaja bocah child victim student offender suspect girl boy teenager pupil"
)
INITIAL_CUE = _p(
    rf"(?P<cue>{_alt(_INITIAL_CUES, cases=True)})(?P<sep>[ \t]*[,:][ \t]*|[ \t]+)"
    r"(?P<hit>(?:[A-Z]\.){1,4}(?!\w)|[A-Z]{1,3}(?![\w'’-]|\.\w))"
)
# "AB (14)", "R, 14,": found from the bracketed or comma-framed age, then the letters before it.
AGE_AFTER_INITIALS = re.compile(
    r"\([ \t]*\d{1,2}(?:[ \t]*(?:tahun|thn|th|years?(?:[ \t]+old)?|y\.?o\.?))?"
    r"[ \t]*\)|,[ \t]*\d{1,2}[ \t]*,"
)
INITIALS_BEFORE = re.compile(r"(?:(?:[A-Z]\.){1,4}|[A-Z]{1,3})[ \t]*\Z")
# "R.S.", "M.A.": found from the first ".X." (periods are rarer than capitals), then one letter back.
DOTTED_TAIL = re.compile(r"\.(?:[A-Z]\.){1,3}(?!\w)")

NUMBER_ADDRESS = _p(
    r"(?:No\.|no\.|Nomor|nomor|Nomer|nomer|No)[ \t]?(?P<num>\d{1,4}[A-Za-z]?)\b"
    r"(?![/.,\- ]?\d)"
)
PREV_WORD = re.compile(r"([\w-]+)\W*\Z")

SCHOOL_LEVEL = _p(
    r"(?:SDN?|SDIT|SMPN?|SMPIT|SMAN?|SMAIT|SMKN?|MIN?|MTsN?|MAN?|SLBN?|TKIT)[ \t]+"
    rf"(?P<name>(?:\d{{1,3}}\b|{_CAPWORD})(?:[ \t]+(?:\d{{1,3}}\b|{_CAPWORD})){{0,3}})"
)
_SCHOOL_WORDS = "ponpes pesantren pontren madrasah dayah sekolah"
SCHOOL_WORD = _p(
    rf"(?:Pondok Pesantren|pondok pesantren|Pondok pesantren|{_alt(_SCHOOL_WORDS, cases=True)})"
    rf"[ \t]+(?P<name>{_CAPWORD}(?:[ \t]+(?:\d{{1,3}}\b|{_CAPWORD})){{0,3}})",
    cues=_SCHOOL_WORDS + " pondok",
)
_VILLAGE_WORDS = "desa kelurahan kampung dusun kecamatan kabupaten kota nagari gampong distrik banjar"
VILLAGE_ID = _p(
    rf"(?:{_alt(_VILLAGE_WORDS, cases=True)}|Kel\.|Kec\.|Kab\.|Ds\.|Dsn\.|Kp\.)[ \t]+"
    rf"(?P<name>{_CAPWORD}(?:[ \t]+{_CAPWORD}){{0,2}})",
    cues=_VILLAGE_WORDS + " kel kec kab ds dsn kp",
)
_EN_PLACE_WORDS = "village hamlet sub-district subdistrict district regency city town"
VILLAGE_EN_OF = _p(
    rf"(?:{_alt(_EN_PLACE_WORDS)})[ \t]+of[ \t]+(?P<name>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+)?)",
    cues=_EN_PLACE_WORDS,
)
# English puts the name first ("Sukamulya village", "Harapan School", "Melati Street").
EN_PLACE_AFTER = re.compile(rf"[ \t]+({_alt(_EN_PLACE_WORDS)})\b")
EN_LAST_WORDS = {
    "Street": "address",
    "Road": "address",
    "Avenue": "address",
    "Lane": "address",
    "School": "school",
    **{word.capitalize(): "village" for word in _EN_PLACE_WORDS.split()},
}

AGES = [
    _p(rf"(?:aged|Aged)[ \t]+(?:\d{{1,2}}|{_NUM_EN})\b(?![ \t]*(?:-|–|to|and|or)[ \t]*\d)"),
    _p(r"(?:at|At)[ \t]+(?:the[ \t]+)?age[ \t]+(?:of[ \t]+)?\d{1,2}\b"),
]
# The other age forms are found from a literal part, then the words before it are checked:
# "berusia 14 tahun", "anak perempuan 14 tahun" (from "tahun"); "Korban (15)" (from the bracket).
TAHUN = re.compile(r"(?:tahun|thn|th)\b")
AGE_BEFORE_TAHUN = re.compile(
    rf"(?:{_alt('berusia berumur usianya umurnya usia umur anak siswi siswa remaja bocah pelajar gadis korban', cases=True)})"
    rf"(?:[ \t]+(?:perempuan|laki-laki))?[ \t]+(?:\d{{1,2}}|{_NUM_ID})[ \t]+\Z"
)
BRACKET_AGE = re.compile(r"\([ \t]*\d{1,2}[ \t]*\)")
ROLE_BEFORE_BRACKET = re.compile(
    rf"(?:{_alt('anak korban siswi siswa remaja bocah gadis pelajar girl boy victim child student', cases=True)})"
    r"[ \t]*\Z"
)
# "belum berusia 18 tahun", "14- to 16-year-olds": limits and ranges are not one exact age.
AGE_LIMIT_BEFORE = re.compile(
    r"(?:belum|bawah|kurang dari|lebih dari|minimal|maksimal|sampai|hingga|"
    r"antara|sekitar|rata-rata|under|over|below|above|least|most|than|to|"
    r"and|\d[ \t]*[-–])[ \t]*\Z",
    re.I,
)
# "13-year-old", "fourteen years old": found from "year", then the number before it.
YEAR_OLD = re.compile(r"years?[- \t]old\b(?!s)")
NUMBER_BEFORE = re.compile(rf"(?:\d{{1,2}}|{_NUM_EN})[- \t]\Z")
PREP_PLACE = _p(
    r"(?:di|dari|asal|in|from|near)[ \t]+(?:the[ \t]+)?(?P<word>[A-Z][a-z]+)",
    cues="di dari asal in from near",
)
SENTENCE_MARKS = (". ", "! ", "? ", "\n", '." ', ".\u201d ", ".) ")  # ends of sentences and lines
SENTENCE_LEAD = re.compile(r"(?:[.!?:][ \t]+|\n)[ \t]*(?:(?:#{1,6}|[>*+\-]|\d+[.)])[ \t]+)*[\"“‘'(*_]*\Z")
# A run of capitalised words ("Siti Aminah", "Pondok Pesantren Al-Hikmah"), and one word of it.
CAP_RUN = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z]+)*(?:['’]s)?(?:[ \t]+[A-Z][a-z]+(?:-[A-Za-z]+)*(?:['’]s)?)*")
CAP_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z]+)*")


def _words_before(text: str, pos: int) -> list[tuple[int, str]]:
    """Up to two words (offset, lower-case) separated by single spaces from ``pos``: "known as |X".

    Plain string operations: a look-back regex over a window was the slowest part of a scan.
    """
    found: list[tuple[int, str]] = []
    stop = pos - 1
    while len(found) < 2 and stop > 0 and text[stop] == " ":
        low = max(0, stop - 24)
        cut = max(text.rfind(" ", low, stop), text.rfind("\n", low, stop))
        if cut < 0 < low:
            break  # a "word" longer than the window: not a cue
        start = cut + 1
        word = text[start:stop]
        if not found and word.endswith("."):
            word = word[:-1]  # "Jl. Melati"
        if not word.isalpha():
            break
        found.append((start, word.lower()))
        stop = start - 1
    return found


class _Doc:
    """The text being scanned, with its runs of capitalised words found once.

    Cue patterns ("Desa X", "bernama X", "Pak X") can only match where their cue word opens a
    run of capitalised words or stands one or two words before one. ``finditer`` tries such
    patterns only at those words instead of at every letter of the text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        # Each run as its words: (start, end, word) with offsets into the text.
        self.runs: list[list[tuple[int, int, str]]] = []
        self.listed_runs: list[list[tuple[int, int, str]]] = []  # runs with a listed name or city
        self.cue_sites: dict[str, list[int]] = defaultdict(list)
        sites = self.cue_sites
        for run in CAP_RUN.finditer(text):
            if not _word_start(text, run.start(), "@./-"):
                continue
            if run.group().isalpha():  # one plain word, by far the most common run
                words = [(run.start(), run.end(), run.group())]
            else:
                words = [
                    (w.start(), w.end(), w.group()) for w in CAP_WORD.finditer(text, run.start(), run.end())
                ]
            self.runs.append(words)
            listed = False
            for start, _, word in words:  # "Kepala Desa X": the cue can be inside the run
                if (key := word.lower()) in CUE_WORDS:
                    sites[key].append(start)
                listed = listed or word in LISTED_WORDS
            if listed:
                self.listed_runs.append(words)
            for start, word in _words_before(text, run.start()):
                if word in CUE_WORDS:
                    sites[word].append(start)

    def finditer(self, pattern: _Pattern) -> Iterator[re.Match[str]]:
        if not pattern.cues:
            yield from pattern.finditer(self.text)
            return
        sites = sorted({pos for cue in pattern.cues for pos in self.cue_sites.get(cue, ())})
        reach = -1
        for pos in sites:
            match = pattern.regex.match(self.text, pos) if pos >= reach else None
            if match and _word_start(self.text, pos, pattern.not_after):
                reach = match.end()
                yield match


def _finding(kind: str, text: str, start: int, end: int) -> Finding:
    return Finding(kind, start, end, text[start:end], REASONS[kind])


def _prev_word(text: str, pos: int) -> str:
    """The word just before ``pos`` (lower-cased), skipping punctuation."""
    match = PREV_WORD.search(text, max(0, pos - 40), pos)
    return match.group(1).lower() if match else ""


def _simple_rules(doc: _Doc) -> Iterator[Finding]:
    for kind, pattern in RULES:
        for match in doc.finditer(pattern):
            span = match.span("hit") if "hit" in match.re.groupindex else match.span()
            yield _finding(kind, doc.text, *span)


# --- phone numbers, e-mail, handles, bare URLs ---------------------------------------------


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
        if TIMES_ONLY.fullmatch(head):  # "08.00-12.00-13.00" is a timetable, not a number
            return 0
        if _is_phone_digits(re.sub(r"\D", "", head)):
            return end
    return 0


def _phones(doc: _Doc) -> Iterator[Finding]:
    for match in PHONE.finditer(doc.text):
        length = _phone_end(match.group())
        if length:
            yield _finding("phone", doc.text, match.start(), match.start() + length)


def _at_signs(doc: _Doc) -> Iterator[Finding]:
    """E-mail addresses and @handles, found from the "@" outwards (cheaper than a full scan)."""
    text = doc.text
    for at in AT_SIGN.finditer(text):
        pos = at.start()
        local = LOCAL_PART.search(text, max(0, pos - 64), pos)
        if local:
            domain = DOMAIN.match(text, pos + 1)
            if domain:
                yield _finding("email", text, local.start(), domain.end())
            continue
        handle = HANDLE.match(text, pos + 1)
        if handle and _word_start(text, pos, "@./"):
            yield _finding("handle", text, pos, handle.end())


def _bare_urls(doc: _Doc) -> Iterator[Finding]:
    """Links without a scheme, such as instagram.com/xyz: found from the ".com/" outwards."""
    for tail in BARE_URL_TAIL.finditer(doc.text):
        head = DOMAIN_HEAD.search(doc.text, max(0, tail.start() - 64), tail.start())
        if head and _word_start(doc.text, head.start(), "@./-"):
            yield _finding("url", doc.text, head.start(), tail.end())


# --- initials ------------------------------------------------------------------------------


def _is_acronym(letters: str) -> bool:
    return letters.replace(".", "") in ACRONYMS


def _inside_title(text: str, pos: int) -> bool:
    """True if a capitalised word at ``pos`` follows another one: "Komite Hak Anak PBB"."""
    before = _words_before(text, pos)
    ends_sentence = pos >= 2 and text[pos - 2] in ".!?:"
    return text[pos].isupper() and bool(before) and text[before[0][0]].isupper() and not ends_sentence


def _initials(doc: _Doc) -> Iterator[Finding]:
    text = doc.text
    for match in INITIAL_CUE.finditer(text):
        hit = match.group("hit")
        explicit = match.group("cue").lower().startswith(("berinisial", "inisial", "initial"))
        if (_is_acronym(hit) or _inside_title(text, match.start())) and not explicit:
            continue
        # "a girl, R, was ..." is an apposition; "the girl, A friend ..." is not.
        if "," in match.group("sep") and not re.match(r"[ \t]*[,(]", text[match.end() : match.end() + 4]):
            continue
        start = match.start("hit") if explicit else match.start()
        yield _finding("initials", text, start, match.end())
    for age in AGE_AFTER_INITIALS.finditer(text):
        letters = INITIALS_BEFORE.search(text, max(0, age.start() - 12), age.start())
        if letters and _word_start(text, letters.start(), ".") and not _is_acronym(letters.group().strip()):
            yield _finding("initials", text, letters.start(), age.end())
    for tail in DOTTED_TAIL.finditer(text):
        start = tail.start() - 1
        if (
            start >= 0
            and "A" <= text[start] <= "Z"
            and _word_start(text, start, ".")
            and text[start : tail.end()] not in DOTTED_NOT_INITIALS
        ):
            yield _finding("initials", text, start, tail.end())


# --- personal names ------------------------------------------------------------------------


def _cued_names(doc: _Doc) -> Iterator[Finding]:
    """Names after an honorific ("Bu Ratna") or a naming cue ("bernama Joko", "called Dimas")."""
    for match in doc.finditer(HONORIFIC):
        if match.group("parent") or match.group("first") not in ROLE_WORDS:
            yield _finding("name", doc.text, *match.span())
    for match in doc.finditer(NAME_CUE):
        first = match.group("hit").split()[0]
        if first in ROLE_WORDS or _prev_word(doc.text, match.start()) in THING_NOUNS:
            continue
        start = match.start() if match.group("cue").lower() == "si" else match.start("hit")
        yield _finding("name", doc.text, start, match.end("hit"))


def _at_sentence_start(text: str, pos: int) -> bool:
    """True at the start of a sentence, heading or list item (after Markdown markers)."""
    window = text[max(0, pos - 40) : pos]
    return bool(SENTENCE_LEAD.search("\n" + window if pos <= 40 else window))


Word = tuple[int, int, str]  # (start, end, word) of one word in a run of capitalised words


def _is_listed_name(text: str, words: list[Word], index: int) -> bool:
    word = words[index][2]
    if word not in GIVEN_NAMES:
        return False
    if index > 0 and words[index - 1][2] in NAME_PREFIX_STOP:
        return False
    following = words[index + 1][2] if index + 1 < len(words) else ""
    if following in NAME_SUFFIX_STOP:
        return False
    # "Made", "Indah", "Bintang" are also ordinary words: at a sentence start they are only a
    # name when another listed name follows ("Made Suarta").
    if word in AMBIGUOUS_NAMES and following not in GIVEN_NAMES:
        return not _at_sentence_start(text, words[index][0])
    return True


def _name_end(words: list[Word], index: int) -> int:
    """Index of the last word of a full name starting at ``index`` (up to two more words)."""
    last = index
    while last + 1 < len(words) and last - index < 2:
        word = words[last + 1][2]
        if word in FUNCTION_CAPS or word in ROLE_WORDS or word in CITIES or word in REGION_NAMES:
            break
        last += 1
    return last


def _run_findings(text: str, words: list[Word]) -> Iterator[Finding]:
    """Listed names and city names in one run of capitalised words."""
    index = 0
    while index < len(words):
        start, end, word = words[index]
        if index + 1 < len(words) and f"{word} {words[index + 1][2]}" in CITIES:
            yield _finding("village", text, start, words[index + 1][1])
            index += 2
        elif word in CITIES:
            yield _finding("village", text, start, end)
            index += 1
        elif _is_listed_name(text, words, index):
            last = _name_end(words, index)
            yield _finding("name", text, start, words[last][1])
            index = last + 1
        else:
            index += 1


# Any word that can start a listed name or city; most runs of capitals contain none.
LISTED_WORDS = GIVEN_NAMES | {city.split()[0] for city in CITIES}


def _listed_words(doc: _Doc) -> Iterator[Finding]:
    for words in doc.listed_runs:
        yield from _run_findings(doc.text, words)


# --- schools, villages, house numbers ------------------------------------------------------


def _names_something(words: list[str]) -> bool:
    """True if a school name has a number or a word beyond generic ones ("SD Negeri" alone)."""
    return any(word.isdigit() or word not in GENERIC_SCHOOL_WORDS for word in words)


def _schools(doc: _Doc) -> Iterator[Finding]:
    for pattern in (SCHOOL_LEVEL, SCHOOL_WORD):
        for match in doc.finditer(pattern):
            if _names_something(match.group("name").split()):
                yield _finding("school", doc.text, *match.span())


def _villages(doc: _Doc) -> Iterator[Finding]:
    text = doc.text
    for match in doc.finditer(VILLAGE_ID):
        if text[max(0, match.start() - 4) : match.start()].lower() == "ibu ":
            continue  # "Ibu Kota Nusantara" is the capital, not a "Kota X"
        if match.group("name").split()[0] not in GENERIC_VILLAGE_WORDS:
            yield _finding("village", text, *match.span())
    for match in doc.finditer(VILLAGE_EN_OF):
        if match.group("name") not in REGION_NAMES:
            yield _finding("village", text, *match.span())


def _english_suffixed(doc: _Doc) -> Iterator[Finding]:
    """ "Sukamulya village", "Harapan Bangsa School", "Melati Street": the name comes first."""
    for words in doc.runs:
        kind, end = EN_LAST_WORDS.get(words[-1][2]), words[-1][1]
        if kind and len(words) > 1:
            words = words[:-1]
        elif after := EN_PLACE_AFTER.match(doc.text, end):
            kind, end = "village", after.end()
        else:
            continue
        names = [word for _, _, word in words]
        if kind == "school":
            if _names_something(names):
                yield _finding("school", doc.text, words[0][0], end)
            continue
        first = max(0, len(words) - 2)
        while first < len(words) and names[first] in EN_NOT_PLACE:
            first += 1
        if first < len(words) and " ".join(names[first:]) not in REGION_NAMES:
            yield _finding(kind, doc.text, words[first][0], end)


def _house_numbers(doc: _Doc) -> Iterator[Finding]:
    """ "No. 12" / "nomor 12", unless it numbers a law, a worksheet or a hotline."""
    text = doc.text
    for match in NUMBER_ADDRESS.finditer(text):
        if match.group("num") in HOTLINES or _prev_word(text, match.start()) in NOT_ADDRESS_NOUNS:
            continue
        # "UU No. 44 Tahun 2008", "General Comment No. 25 (2021)": a law or document, not a house.
        if re.match(r"\s*(?:Tahun|tahun|of\b|/|\((?:19|20)\d\d\))", text[match.end() : match.end() + 10]):
            continue
        yield _finding("address", text, *match.span())


# --- exact age with a place ----------------------------------------------------------------


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) holding text[start:end], looking at most 400 characters away."""
    low, high = max(0, start - 400), min(len(text), end + 400)
    sent_start = max(low, *(text.rfind(mark, low, start) + len(mark) for mark in SENTENCE_MARKS))
    ends = [found for found in (text.find(mark, end, high) for mark in SENTENCE_MARKS) if found >= 0]
    return sent_start, min(ends) + 1 if ends else high


def _place_spans(
    doc: _Doc, findings: list[Finding], regions: list[tuple[int, int]], safe: _Spans
) -> list[tuple[int, int]]:
    """Everything that says where: villages and cities found, provinces, "di/in + Name"."""
    places = [(f.start, f.end) for f in findings if f.kind == "village"] + regions
    for match in doc.finditer(PREP_PLACE):
        word = match.group("word")
        if word not in NOT_PLACE_WORDS and word not in ROLE_WORDS and not safe.covers(*match.span("word")):
            places.append(match.span("word"))
    return sorted(places)


def _age_spans(text: str) -> Iterator[tuple[int, int]]:
    """Exact ages in all their forms (limits and ranges are filtered later)."""
    for pattern in AGES:
        yield from (match.span() for match in pattern.finditer(text))
    for literal, before, window in (
        (YEAR_OLD, NUMBER_BEFORE, 12),
        (TAHUN, AGE_BEFORE_TAHUN, 50),
        (BRACKET_AGE, ROLE_BEFORE_BRACKET, 20),
    ):
        for match in literal.finditer(text):
            cue = before.search(text, max(0, match.start() - window), match.start())
            if cue and _word_start(text, cue.start()):
                yield cue.start(), match.end()


def _exact_ages(text: str) -> list[tuple[int, int]]:
    return [
        (start, end)
        for start, end in _age_spans(text)
        if not AGE_LIMIT_BEFORE.search(text, max(0, start - 20), start)
    ]


def _ages_with_place(
    doc: _Doc, findings: list[Finding], regions: list[tuple[int, int]], safe: _Spans
) -> Iterator[Finding]:
    ages = _exact_ages(doc.text)
    if not ages:
        return
    places = _place_spans(doc, findings, regions, safe)
    place_starts = [start for start, _ in places]
    for start, end in ages:
        sent_start, sent_end = _sentence_around(doc.text, start, end)
        first = bisect.bisect_left(place_starts, sent_start)
        # Some place starts inside this sentence (and ends inside it too).
        if first < len(places) and places[first][1] <= sent_end:
            yield _finding("age-place", doc.text, start, end)


# --- putting it together -------------------------------------------------------------------

CUE_WORDS = frozenset().union(
    *(
        pattern.cues
        for pattern in [pattern for _, pattern in RULES]
        + LAW_REFS
        + [HONORIFIC, NAME_CUE, SCHOOL_WORD, VILLAGE_ID, VILLAGE_EN_OF, PREP_PLACE]
    )
)

DETECTORS: list[Callable[[_Doc], Iterator[Finding]]] = [
    _simple_rules,
    _phones,
    _at_signs,
    _bare_urls,
    _initials,
    _cued_names,
    _listed_words,
    _schools,
    _villages,
    _english_suffixed,
    _house_numbers,
]


def _is_fictional(text: str, finding: Finding) -> bool:
    """A place or name followed by "(fiktif)" / "(nama samaran)" is declared invented."""
    return finding.kind in FICTIONAL_KINDS and bool(FICTIONAL_MARK.match(text, finding.end))


def _merge(text: str, findings: list[Finding]) -> list[Finding]:
    """Sort; drop findings inside a longer one; join overlapping findings of the same kind."""
    rank = {kind: index for index, kind in enumerate(KIND_ORDER)}
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -f.end, rank[f.kind])):
        if kept and finding.end <= kept[-1].end:
            continue  # nested in (or equal to) the previous finding
        if kept and finding.start < kept[-1].end and finding.kind == kept[-1].kind:
            kept[-1] = _finding(finding.kind, text, kept[-1].start, finding.end)
            continue  # "On the 3rd" + "3rd of June" -> "On the 3rd of June"
        kept.append(finding)
    return kept


def scan(text: str) -> list[Finding]:
    """All identifying details in one text (Indonesian or English, may be Markdown), sorted by start."""
    if not text:
        return []
    doc = _Doc(text)
    phrases, regions = _phrase_spans(text)
    safe = _Spans(phrases + [match.span() for law in LAW_REFS for match in doc.finditer(law)])
    found = [f for detect in DETECTORS for f in detect(doc)]
    found = [f for f in found if not safe.covers(f.start, f.end) and not _is_fictional(text, f)]
    found += _ages_with_place(doc, found, regions, safe)
    return _merge(text, found)
