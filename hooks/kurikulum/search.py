"""The site's own search: one small index per language, loaded by the browser only when the
reader first opens search.

Why not the theme's search: it loads one index of every language (1.6 MB) on every page, mixes
languages in the results and knows no Indonesian. Here:

- Each language gets ``search/<lang>.js``, a script that hands its data to
  ``docs/assets/javascripts/search.js`` (``kurikulumSearch.load({...})``). A script, not JSON,
  so that it loads from ``file://`` (the offline copy) as well as over HTTP.
- Documents are pages and their h2/h3 sections: title, address and a short plain-text snippet.
- Words are folded (lower case, accents removed), split, reduplications joined (``anak-anak``
  is ``anak``) and stemmed with Snowball's stemmer of the language (Indonesian, English;
  other languages are not stemmed). The browser does exactly the same with the same
  algorithm (``docs/assets/javascripts/stemmer-*.js``); ``tests/test_search.py`` runs both over
  every word of the built site and asserts identical results.
- The index maps each stem to its documents with a BM25 score computed here (titles count
  ``TITLE_WEIGHT`` times), so the browser only adds numbers.
- A page's front matter ``search: {exclude: true}`` keeps it out, ``search: {boost: 0.5}``
  ranks it lower (the same keys as the theme's search).

This module never imports MkDocs. The audit worker (kurikulum/auditpool.py) reads each written
page with ``page_documents`` while the build goes on. In a build it keeps them in its own
``SearchIndex`` and writes each language's file itself; while serving, the hooks get them back,
hand them to a ``SearchIndex`` and ask it to write.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import astuple, dataclass, field
from pathlib import Path

import lxml.etree
import lxml.html
import snowballstemmer

INDEX_DIR = "search"
PREFIX = "kurikulumSearch.load("
SUFFIX = ");\n"

SNOWBALL = {"id": "indonesian", "en": "english"}
"""Languages whose words are stemmed, and Snowball's name of their algorithm. The browser has a
file of the same algorithm for each (``VENDOR``); any other language is searched unstemmed."""

STOP = {
    "id": set(  # noqa: SIM905
        [
            "yang",
            "dan",
            "di",
            "ke",
            "dari",
            "atau",
            "dengan",
            "untuk",
            "ini",
            "itu",
            "dalam",
            "pada",
            "oleh",
            "juga",
            "akan",
            "sebagai",
            "bahwa",
            "serta",
            "agar",
            "karena",
            "jika",
            "kalau",
            "maka",
            "lalu",
            "adalah",
            "ialah",
            "yaitu",
            "yakni",
            "para",
            "pun",
            "saja",
            "hanya",
            "sudah",
            "telah",
            "masih",
            "sedang",
            "tidak",
            "bukan",
            "tersebut",
            "kepada",
            "bagi",
            "tentang",
            "secara",
            "seperti",
            "antara",
            "saat",
            "ketika",
        ]
    ),
    "en": set(  # noqa: SIM905
        [
            "a",
            "an",
            "and",
            "or",
            "of",
            "to",
            "in",
            "on",
            "at",
            "by",
            "for",
            "with",
            "from",
            "as",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "being",
            "it",
            "its",
            "this",
            "that",
            "these",
            "those",
            "not",
            "do",
            "does",
            "did",
            "will",
            "would",
            "should",
            "than",
            "then",
            "there",
            "their",
            "they",
            "them",
            "we",
            "you",
            "your",
            "our",
            "us",
            "he",
            "she",
            "his",
            "her",
            "if",
            "but",
            "so",
            "such",
            "into",
            "about",
            "also",
            "which",
            "who",
            "what",
            "when",
            "where",
            "how",
        ]
    ),
}
"""Words too common to find anything with: left out of the index and of a query (unless the
query has nothing else). Compared before stemming, so ``mendapatkan`` still counts."""

VENDOR = {
    "indonesian": "assets/javascripts/stemmer-indonesian.js",
    "english": "assets/javascripts/stemmer-english.js",
}

TITLE_WEIGHT = 4
"""A word of a page's or section's title counts as this many words of its text."""
K1, B = 1.2, 0.75
SNIPPET = 140
SCORE_SCALE = 10
"""Scores are stored as whole numbers: BM25 x 10."""
SKIP_CLASSES = {"headerlink", "print-actions", "md-source-file", "md-content__button"}
SKIP_TAGS = {"script", "style", "template", "button", "svg", "thead"}
SECTION_TAGS = {"h2", "h3"}
BLOCK_TAGS = {
    "p", "li", "dd", "dt", "td", "th", "tr", "div", "section", "details", "summary", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "pre", "figure", "figcaption", "br",
}  # fmt: skip

_DIGIT = re.compile(r"[0-9]")
_K_DROPPED = re.compile(r"^[mp]eng[aiueo]")
TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
"""A word: letters and digits, hyphenated parts kept together (for reduplication)."""


def fold(text: str) -> str:
    """Lower case without accents (the browser: ``normalize("NFKD")``, marks removed)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    marks = {ord(c): None for c in set(decomposed) if unicodedata.category(c).startswith("M")}
    return (decomposed.translate(marks) if marks else decomposed).lower()


class Analyzer:
    """Text to index terms, the same way as ``terms()`` in ``search.js``."""

    def __init__(self, lang: str) -> None:
        name = SNOWBALL.get(lang)
        self.algorithm = name
        self.stop = STOP.get(lang, set())
        self.expand = name == "indonesian"
        self._stemmer = snowballstemmer.stemmer(name) if name else None
        self._cache: dict[str, str] = {}
        self._token_terms: dict[str, list[str]] = {}
        self._token_groups: dict[str, list[str]] = {}
        self._known: object = None

    def learn(self, stems: dict[str, str]) -> None:
        """Stems found elsewhere (by the audit worker), so they need not be found again."""
        self._cache.update(stems)

    def stem(self, word: str) -> str:
        """One word's stem; words with digits are kept as they are."""
        if self._stemmer is None or _DIGIT.search(word):
            return word
        found = self._cache.get(word)
        if found is None:
            found = self._cache[word] = self._stemmer.stemWord(word)
        return found

    def units(self, token: str) -> list[tuple[str, str]]:
        """The (word, stem) pairs of one token. ``anak-anak``, ``bermain-main``,
        ``surat-menyurat`` and ``sehari-hari`` are reduplications: one pair (stems ``anak``,
        ``main``, ``surat``, ``hari``); any other hyphenated word (``e-mail``) is its parts."""
        if token in self.stop:
            return []
        parts = [p for p in token.split("-") if p]
        if len(parts) == 2:
            first, second = parts
            one, two = self.stem(first), self.stem(second)
            if one == two:
                return [(first, one)]
            if one.endswith(two):
                return [(second, two)]
            if first.endswith(second) or first.endswith(two):
                return [(first, one)]
        return [(p, self.stem(p)) for p in parts if len(p) > 1 or _DIGIT.match(p)]

    def alternatives(self, word: str, stem: str, known) -> list[str]:
        """Other stems the word may have, where Snowball's Indonesian stemmer cuts too much
        (it has no dictionary): ``mengirim`` -> ``irim`` may be ``kirim`` (meng-/peng- before
        a vowel drop a k), ``rujukan`` -> ``ruju`` may be ``rujuk`` (-an after a k, not -kan),
        ``periksa`` -> ``iksa`` may be ``periksa`` itself. Only those that are the stem of some
        word of the site (``known``) count. The same in ``search.js``."""
        if not self.expand:
            return []
        found = []
        if _K_DROPPED.match(word) and stem[:1] in "aiueo":
            found.append("k" + stem)
        if stem + "kan" in word:
            found.append(stem + "k")
        found.append(word)
        out = []
        for alternative in found:
            if alternative != stem and alternative in known and alternative not in out:
                out.append(alternative)
        return out

    def word_terms(self, token: str) -> list[str]:
        """The stems of one token (without alternatives)."""
        return [stem for _, stem in self.units(token)]

    def groups(self, token: str, known) -> list[list[str]]:
        """Per word of the token: its stem, then its alternatives among ``known``."""
        return [[stem, *self.alternatives(word, stem, known)] for word, stem in self.units(token)]

    def terms(self, text: str, known=None) -> list[str]:
        """Every term of a text: the stems, and with ``known`` their alternatives too."""
        out: list[str] = []
        if known is None:
            cache = self._token_terms
        else:
            if self._known is not known:  # the terms of a token depend on the known stems
                self._token_groups, self._known = {}, known
            cache = self._token_groups
        for token in TOKEN.findall(fold(text)):
            found = cache.get(token)
            if found is None:
                if known is None:
                    found = self.word_terms(token)
                else:
                    found = [term for group in self.groups(token, known) for term in group]
                cache[token] = found
            out.extend(found)
        return out


def tokens(text: str) -> list[str]:
    """The raw tokens of a text (before stemming), for the tests."""
    return TOKEN.findall(fold(text))


@dataclass
class _Doc:
    anchor: str
    title: str
    text: list[str] = field(default_factory=list)

    def body(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text)).strip()


@dataclass(frozen=True)
class SearchPage:
    """A written page that goes into its language's index."""

    lang: str
    url: str
    title: str
    boost: float


def search_page(lang: str, url: str, title: str, meta: dict | None) -> SearchPage | None:
    """The page as the index sees it: ``url`` from the site's root (``en/sesi/concepts.html``);
    None when its front matter says ``search: {exclude: true}`` (and for the 404 page)."""
    search = (meta or {}).get("search") or {}
    if not isinstance(search, dict) or search.get("exclude") or url.endswith("404.html"):
        return None
    try:
        boost = float(search.get("boost", 1.0))
    except (TypeError, ValueError):
        boost = 1.0
    return SearchPage(lang, url, title or "", boost)


_ANALYZERS: dict[str, Analyzer] = {}


def analyzer(lang: str) -> Analyzer:
    """The language's analyzer, kept for the life of the process (its stems are cached)."""
    found = _ANALYZERS.get(lang)
    if found is None:
        found = _ANALYZERS[lang] = Analyzer(lang)
    return found


def page_documents(html: str, title: str, lang: str, root=None) -> dict:
    """What the index needs of one written page (its full HTML), as plain data, so that the
    audit worker can make it while the build goes on (kurikulum/auditpool.py) and send it back:

    - ``docs``: per document (the page, then each h2/h3 section) ``[anchor, title, tokens,
      snippet]``, where ``tokens`` counts each folded word of the document's text;
    - ``stems``: the stem of each of those words (stemming is most of the work).

    ``root`` is the page parsed with ``lxml.html.document_fromstring``, if the caller has it."""
    docs = []
    words = analyzer(lang)
    stems: dict[str, str] = {}
    if root is None:
        root = lxml.html.document_fromstring(html) if html.strip() else None
    for doc in _sections(root, title):
        body = doc.body()
        if body or doc.anchor == "":
            tokens = dict(Counter(TOKEN.findall(fold(body))))
            docs.append([doc.anchor, doc.title, tokens, snippet(_without_title(body, doc.title))])
            for token in tokens:
                for part in token.split("-"):
                    if part and part not in stems:
                        stems[part] = words.stem(part)
    return {"lang": lang, "docs": docs, "stems": stems}


class SearchIndex:
    """Pages written in one build, per language; ``write`` turns one language into its file."""

    def __init__(self) -> None:
        self._pages: dict[str, list[tuple[SearchPage, dict]]] = {}
        self._written: dict[str, tuple[bytes, str]] = {}
        """Per language, the digest of the last pages written and the file's text (a rebuild
        of ``mkdocs serve`` that changed nothing in a language's pages writes it again as is)."""
        self.remember = False
        """Keep ``_written`` (set while serving; a single build has nothing to reuse)."""
        self._stems: dict[str, dict[str, str]] = {}
        self._strings: dict[str, str] = {}

    def compact(self, documents: dict) -> dict:
        """A page's ``page_documents`` as they are kept until the index is written: the stems
        go into one table per language, each word is kept once (as the key of ``_strings``)
        and each document's words and counts are two tuples. A large curriculum's pages would
        otherwise hold hundreds of megabytes of small dictionaries until the end of the build.
        Called from the audit pool's reader thread as each page's answer comes in."""
        if "stems" not in documents:  # compacted already
            return documents
        self._stems.setdefault(documents["lang"], {}).update(documents["stems"])
        keep = self._strings.setdefault
        docs = [
            (anchor, title, tuple(keep(t, t) for t in tokens), tuple(tokens.values()), text)
            for anchor, title, tokens, text in documents["docs"]
        ]
        return {"lang": documents["lang"], "docs": docs}

    def add(self, page: SearchPage, documents: dict) -> None:
        """One written page and its ``page_documents`` (compacted or not)."""
        self._pages.setdefault(page.lang, []).append((page, self.compact(documents)))

    def languages(self) -> list[str]:
        return list(self._pages)

    def discard(self, lang: str) -> None:
        """Forget one language's pages without writing its file."""
        self._pages.pop(lang, None)

    def clear(self) -> None:
        self._pages.clear()
        self._strings.clear()

    def write(self, site_dir: Path, lang: str) -> Path:
        """Write ``search/<lang>.js`` and forget the language's pages."""
        pages = sorted(self._pages.pop(lang, []), key=lambda p: p[0].url)
        digest = None
        if self.remember:
            listed = json.dumps([[*astuple(page), documents] for page, documents in pages])
            digest = hashlib.blake2b(listed.encode(), digest_size=16).digest()
        written = self._written.get(lang)
        if digest is not None and written is not None and written[0] == digest:
            text = written[1]
        else:
            data = build_index(lang, pages, self._stems.get(lang, {}))
            text = PREFIX + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + SUFFIX
            if digest is not None:
                self._written[lang] = (digest, text)
        target = Path(site_dir) / INDEX_DIR / f"{lang}.js"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return target


def _sections(root, title: str) -> list[_Doc]:
    if root is None:
        return []
    articles = root.xpath("//article")
    if not articles:
        return []
    docs = [_Doc("", title)]
    skip = 0
    heading: list[str] | None = None  # the text of the h2/h3 being read (without its link)
    opened = None
    for event, element in lxml.etree.iterwalk(articles[0], events=("start", "end")):
        if not isinstance(element.tag, str):
            if event == "end" and not skip and element.tail:
                (heading if heading is not None else docs[-1].text).append(element.tail)
            continue
        tag = element.tag
        if event == "start":
            if skip:
                skip += 1
                continue
            classes = set((element.get("class") or "").split())
            if tag in SKIP_TAGS or classes & SKIP_CLASSES or tag == "h1":
                skip = 1
                continue
            if heading is None and tag in SECTION_TAGS and element.get("id"):
                heading, opened = [], element
            if heading is not None:
                if element.text:
                    heading.append(element.text)
                continue
            if tag in BLOCK_TAGS:
                docs[-1].text.append(" ")
            if element.text:
                docs[-1].text.append(element.text)
        else:
            if skip:
                skip -= 1
                if skip == 0 and element.tail:  # the end of a skipped element: its tail is text
                    (heading if heading is not None else docs[-1].text).append(element.tail)
                continue
            if heading is not None:
                if element is opened:
                    docs.append(_Doc(element.get("id"), re.sub(r"\s+", " ", "".join(heading)).strip()))
                    heading = opened = None
                    if element.tail:
                        docs[-1].text.append(element.tail)
                elif element.tail:
                    heading.append(element.tail)
                continue
            if tag in BLOCK_TAGS:
                docs[-1].text.append(" ")
            if element.tail:
                docs[-1].text.append(element.tail)
    return docs


def snippet(text: str, limit: int = SNIPPET) -> str:
    """The beginning of a text, cut at a word, without leading symbols."""
    text = re.sub(r"^[\W_]+", "", text)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + " …"


def _without_title(text: str, title: str) -> str:
    """A box's title often repeats its section's heading: the snippet starts after it."""
    return text[len(title) :].lstrip() if title and text.startswith(title) else text


def build_index(lang: str, pages: list[tuple[SearchPage, dict]], stems: dict[str, str]) -> dict:
    """The data of ``search/<lang>.js``, from each page and its ``SearchIndex.compact``
    documents, and the stems of their words:

    - ``pages``: ``[url, title]`` per page;
    - ``docs``: ``[page number, anchor, title, snippet]`` per page and section;
    - ``terms``: stem -> ``[doc, score, doc, score, ...]``, each doc number counted from the
      previous one (scores: BM25 x ``SCORE_SCALE``, rounded);
    - ``stop``: the words left out (``STOP``);
    - ``stemmer``: Snowball's name of the algorithm and the browser file that runs it.
    """
    analyzer = Analyzer(lang)
    docs = [(number, *doc) for number, (_, documents) in enumerate(pages) for doc in documents["docs"]]
    analyzer.learn(stems)
    # First every word's stem, then the terms with their alternatives among those stems.
    words: dict[str, list[str]] = {}
    for _, _, _, tokens, _, _ in docs:
        for token in tokens:
            if token not in words:
                words[token] = analyzer.word_terms(token)
    known = {term for terms in words.values() for term in terms}
    for _, _, title, _, _, _ in docs:
        known.update(analyzer.terms(title))
    for page, _ in pages:
        known.update(analyzer.terms(page.title))
    expanded = {token: [t for group in analyzer.groups(token, known) for t in group] for token in words}
    counts: list[dict[str, int]] = []
    lengths: list[int] = []
    frequency: dict[str, int] = {}
    for number, anchor, title, tokens, times_of, _ in docs:
        count: dict[str, int] = {}
        get = count.get
        length = 0
        for token, times in zip(tokens, times_of, strict=True):
            terms = expanded[token]
            for term in terms:
                count[term] = get(term, 0) + times
            length += times * len(terms)
        # a section: the page's title says what it is about too, less strongly
        title_page = analyzer.terms(pages[number][0].title, known) if anchor else []
        title_terms = analyzer.terms(title, known)
        for term in title_terms:
            count[term] = get(term, 0) + TITLE_WEIGHT
        for term in title_page:
            count[term] = get(term, 0) + 1
        counts.append(count)
        lengths.append(length + TITLE_WEIGHT * len(title_terms) + len(title_page))
        for term in count:
            frequency[term] = frequency.get(term, 0) + 1
    total = len(docs)
    average = (sum(lengths) / total) if total else 1.0
    idf = {term: math.log(1 + (total - n + 0.5) / (n + 0.5)) for term, n in frequency.items()}
    k1_1 = K1 + 1
    # Postings as the browser reads them: doc number counted from the term's previous doc, score.
    postings: dict[str, list[int]] = {term: [] for term in frequency}
    previous: dict[str, int] = dict.fromkeys(frequency, 0)
    for number, ((page, *_), count, length) in enumerate(zip(docs, counts, lengths, strict=True)):
        boost = pages[page][0].boost
        norm = K1 * (1 - B + B * length / average)
        for term, tf in count.items():
            score = round(idf[term] * tf * k1_1 / (tf + norm) * boost * SCORE_SCALE)
            postings[term] += (number - previous[term], score if score > 1 else 1)
            previous[term] = number
    return {
        "lang": lang,
        "stemmer": analyzer.algorithm,
        "expand": analyzer.expand,
        "stemmer_file": VENDOR.get(analyzer.algorithm or ""),
        "pages": [[page.url, page.title] for page, _ in pages],
        "docs": [[page, anchor, title, text] for page, anchor, title, _, _, text in docs],
        "stop": sorted(analyzer.stop),
        "terms": {term: postings[term] for term in sorted(postings)},
    }


def postings_of(data: dict, term: str) -> dict[int, int]:
    """Doc number -> score of one term of an index's data (the deltas added up)."""
    found, doc = {}, 0
    values = data["terms"].get(term, [])
    for i in range(0, len(values), 2):
        doc += values[i]
        found[doc] = values[i + 1]
    return found


def read_index(path: Path) -> dict:
    """The data of a written ``search/<lang>.js`` (for the audit and the tests); ValueError when
    the file is anything but the data wrapped as ``write`` wraps it."""
    text = Path(path).read_text(encoding="utf-8")
    if not (text.startswith(PREFIX) and text.endswith(SUFFIX)):
        raise ValueError(f"{path}: not a search index written by kurikulum/search.py")
    data = json.loads(text[len(PREFIX) : -len(SUFFIX)])
    if not isinstance(data, dict):
        raise ValueError(f"{path}: the search index is not an object")
    return data
