"""The post-build audit: a built page may not carry live code or load anything from elsewhere.

Run on every page while MkDocs writes it (the hooks), and on the whole ``site/`` after
``curriculum build`` and in the tests. A finding fails the build: it means a template, the theme
or the sanitiser let something through, which is a bug to fix, not content to accept.

A finding is any of:

- an event-handler attribute (``on*``) on any element;
- a script that is not the theme's or the site's own (inline scripts must be one of the
  theme's known snippets, outside the page content; ``src`` must be a file of the site);
- inside the page content: scripts, styles, frames, objects, embeds, forms and inputs;
- an ``iframe``, ``object``, ``embed`` or ``base`` element anywhere;
- a resource from another host (``src``, ``srcset``, ``poster``, ``data``, stylesheet or
  preload links with a scheme or ``//``);
- a ``javascript:``, ``data:`` or ``vbscript:`` (or any other non-web) link;
- bidirectional-control or zero-width characters in the text or attributes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape as html_escape
from pathlib import Path
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from .sanitize import INVISIBLE_RE
from .search import INDEX_DIR, read_index

THEME_INLINE = (
    re.compile(r"^__md_scope=new URL\(\"[./]*\",location\),__md_hash=", re.ASCII),
    re.compile(r"^var target=document\.getElementById\(location\.hash\.slice\(1\)\);", re.ASCII),
)
"""Material's own inline scripts (base.html); anything else inline is a finding."""

CONTENT_FORBIDDEN = {"script", "style", "iframe", "object", "embed", "form", "input", "link", "meta", "base"}
NOWHERE = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
RESOURCE_RELS = {"stylesheet", "preload", "prefetch", "preconnect", "modulepreload", "icon", "manifest"}
RESOURCE_ATTRS = {"src", "srcset", "poster", "data", "background", "formaction", "action"}


@dataclass(frozen=True)
class Finding:
    page: str
    line: int
    what: str

    def text(self) -> str:
        return f"{self.page}:{self.line}: unsafe output: {self.what}"


_NOWHERE_XPATH = lxml.etree.XPath("|".join(f"//{tag}" for tag in sorted(NOWHERE)))
_CONTENT_XPATH = lxml.etree.XPath("|".join(f"//article//{tag}" for tag in sorted(CONTENT_FORBIDDEN)))
_URL_NAMES = " or ".join(f"name() = '{name}'" for name in sorted(RESOURCE_ATTRS))
_ATTRS_XPATH = lxml.etree.XPath(
    # One walk over every attribute: event handlers (HTML attribute names are lower case once
    # parsed), and URLs with a scheme or a host.
    f"//@*[starts-with(name(), 'on') or ((contains(name(), 'href') or {_URL_NAMES}) "
    "and (contains(., ':') or contains(., '//')))]"
)


def _elements(root, page: str, exists) -> Iterator[tuple[int, str]]:
    for element in _NOWHERE_XPATH(root):
        yield element.sourceline, f"<{element.tag}> element"
    for element in _CONTENT_XPATH(root):
        yield element.sourceline, f"<{element.tag}> element in the page content"
    for element in root.iter("script"):
        what = _script_finding(element, exists, page)
        if what:
            yield element.sourceline, what


def _attributes(root) -> Iterator[tuple[int, str]]:
    for value in _ATTRS_XPATH(root):
        element, name = value.getparent(), value.attrname
        tag = element.tag
        if name.lower().startswith("on"):
            yield element.sourceline, f"event handler `{name}` on <{tag}>"
        elif "href" in name:
            scheme = _scheme(value)
            if scheme and scheme not in LINK_SCHEMES:
                yield element.sourceline, f"`{scheme}:` link on <{tag}>"
            elif _loads(tag, element.attrib) and _off_site(value):
                yield (
                    element.sourceline,
                    f"<link rel={element.get('rel')}> loads {value[:80]} from another host",
                )
        elif tag != "script":
            for url in _urls(name, value):
                if _off_site(url):
                    yield element.sourceline, f"<{tag} {name}> loads {url[:80]} from outside the site"


def _script_finding(element, exists, page: str) -> str | None:
    src = element.get("src")
    if src:
        if _off_site(src):
            return f"script from outside the site: {src[:80]}"
        if exists is not None and not exists(page, src):
            return f"script {src[:80]} is not a file of the site"
        return None
    if (element.get("type") or "").lower() in ("application/json", "application/ld+json"):
        return None
    text = (element.text or "").strip()
    in_content = next(element.iterancestors("article"), None) is not None
    if in_content or not any(p.match(text) for p in THEME_INLINE):
        return f"inline script `{text[:60]}`"
    return None


def _loads(tag: str, values: dict) -> bool:
    return tag == "link" and bool(RESOURCE_RELS & set(values.get("rel", "").lower().split()))


def _scheme(url: str) -> str:
    clean = re.sub(r"[\x00-\x20\x7f]", "", url)
    try:
        return urlsplit(clean).scheme.lower()
    except ValueError:
        return "invalid"


def _off_site(url: str) -> bool:
    clean = re.sub(r"[\x00-\x20\x7f]", "", url)
    return clean.startswith("//") or bool(_scheme(clean))


def _urls(name: str, value: str) -> list[str]:
    if name != "srcset":
        return [value]
    return [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root) and path.is_file()
    except OSError:
        return False


def parse_page(html: str):
    """A built page's tree for :func:`audit_html` (None for an empty page)."""
    return lxml.html.document_fromstring(html) if html.strip() else None


def audit_html(html: str, page: str, exists=None, root=None) -> list[Finding]:
    """Findings in one built HTML page (``page`` is its path in the site, for messages).
    ``root`` is the page's :func:`parse_page` when the caller has it already."""
    hidden = [*INVISIBLE_RE.finditer(html), *_HIDDEN_REFERENCE.finditer(html)]
    findings = [Finding(page, html.count("\n", 0, m.start()) + 1, _invisible(m.group())) for m in hidden]
    if root is None:
        root = parse_page(html)
    if root is not None:
        found = [*_elements(root, page, exists), *_attributes(root)]
        findings.extend(Finding(page, line or 0, what) for line, what in found)
    return findings


_HIDDEN_REFERENCE = re.compile(
    r"&#(?:[xX]0*(?:200[b-fB-F]|202[a-eA-E]|206[0-9]|[fF][eE][fF][fF]|[aA][dD])|0*(?:820[3-7]|823[4-8]|829[4-9]|830[0-3]|65279|173));"
)


def _invisible(found: str) -> str:
    return f"invisible formatting character `{found.encode('unicode_escape').decode()}` in the page"


def audit_site(site: Path) -> list[Finding]:
    """Findings in every HTML page of a built site."""
    site = Path(site)

    root = site.resolve()

    def exists(page: str, src: str) -> bool:
        path = urlsplit(src).path
        if path.startswith("/"):  # 404.html: root-absolute, below site_url's path if it has one
            parts = path.strip("/").split("/")
            candidates = [root.joinpath(*parts[i:]) for i in range(len(parts))]
        else:
            candidates = [(site / page).parent / path]
        return any(_inside(c, root) for c in candidates)

    findings = []
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        findings.extend(audit_html(path.read_text(encoding="utf-8", errors="replace"), name, exists))
    return findings + audit_search_index(site)


def audit_search_index(site: Path, skip: set[str] | frozenset[str] = frozenset()) -> list[Finding]:
    """The site's search indexes (``search/<lang>.js``, kurikulum/search.py) are scripts: each
    must be nothing but the data that ``search.py`` writes, and its texts (shown as plain text
    in the results) free of invisible formatting characters. ``skip``: names of files audited
    already (by the audit worker that wrote them)."""
    findings = []
    for path in sorted((Path(site) / INDEX_DIR).glob("*.js")):
        if path.name not in skip:
            findings.extend(audit_index_file(path, path.relative_to(site).as_posix()))
    return findings


def audit_index_file(path: Path, name: str) -> list[Finding]:
    """Findings in one search index file (``name`` for messages)."""
    try:
        data = read_index(path)
    except ValueError as error:
        return [Finding(name, 0, f"not a search index: {str(error)[:120]}")]
    texts = [str(t) for p in data.get("pages", []) for t in p] + [
        str(t) for d in data.get("docs", []) for t in d[1:]
    ]
    fragments = "".join(f"<div>{html_escape(t)}</div>" for t in texts)
    found = audit_html(f"<html><body><article>{fragments}</article></body></html>", name)
    return [Finding(name, 0, f.what) for f in found]
