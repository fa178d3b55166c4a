"""After a build: every internal link and anchor must resolve, in every language and PDF.

External links are collected for review, never fetched (the build machine may be offline,
and the site must not depend on them).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel"}


@dataclass(frozen=True)
class Broken:
    source: str
    target: str
    reason: str

    def text(self) -> str:
        return f"{self.source}: broken link `{self.target}`: {self.reason}"


@dataclass
class LinkReport:
    broken: list[Broken] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=dict)
    checked: int = 0
    absent_ok: str | None = None


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for key in ("id", "name"):
            if values.get(key) and (key == "id" or tag == "a"):
                self.ids.add(values[key])
        for key in ("href", "src"):
            if values.get(key) is not None and tag in {"a", "link", "script", "img", "iframe", "source"}:
                self.links.append(values[key])


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    return collector


def check_site(site: Path, absent_ok: str | None = None) -> LinkReport:
    """Check every link of every HTML page and PDF under ``site``.

    ``absent_ok`` names a folder whose files may be missing (the downloads of a build
    without PDFs); links into it are still checked for their form.
    """
    report, parsed = LinkReport(absent_ok=absent_ok), {}
    # 404.html is served by the web server at any path, so MkDocs gives it root-absolute links.
    pages = sorted(p for p in site.rglob("*.html") if p.relative_to(site).as_posix() != "404.html")
    for page in pages:
        parsed[page] = _parse(page)
    for page in pages:
        for link in parsed[page].links:
            _check(site, page, link, parsed, report)
    for pdf in sorted(site.rglob("*.pdf")):
        for link in pdf_links(pdf):
            _check(site, pdf, link, parsed, report)
    return report


def _check(site: Path, source: Path, link: str, parsed: dict, report: LinkReport) -> None:
    report.checked += 1
    parts = urlsplit(link)
    name = source.relative_to(site).as_posix()
    if parts.scheme or parts.netloc:
        if parts.scheme in EXTERNAL_SCHEMES:
            report.external.setdefault(link, set()).add(name)
        elif parts.scheme not in {"data", "about"}:
            report.broken.append(Broken(name, link, f"scheme `{parts.scheme}:` is not allowed"))
        return
    target = source if not parts.path else _resolve(site, source, unquote(parts.path))
    if target is None:
        report.broken.append(Broken(name, link, "points outside the site"))
    elif not target.exists() and not _may_be_absent(site, target, report):
        report.broken.append(Broken(name, link, "no such file"))
    elif parts.fragment and target.suffix == ".html" and target.exists():
        ids = parsed[target].ids if target in parsed else _parse(target).ids
        if unquote(parts.fragment) not in ids:
            report.broken.append(Broken(name, link, f"no anchor #{parts.fragment} in {target.name}"))


def _may_be_absent(site: Path, target: Path, report: LinkReport) -> bool:
    folder = report.absent_ok
    return bool(folder) and target.relative_to(site).as_posix().startswith(folder + "/")


def _resolve(site: Path, source: Path, path: str) -> Path | None:
    base = source.parent.relative_to(site).as_posix()
    joined = posixpath.normpath(posixpath.join(base, path))
    if joined.startswith("..") or joined.startswith("/"):
        return None
    target = site / joined
    return target / "index.html" if target.is_dir() else target


def pdf_links(pdf_path: Path) -> list[str]:
    import pikepdf

    links = []
    with pikepdf.open(pdf_path) as pdf:
        for page in pdf.pages:
            for annot in page.get("/Annots") or []:
                action = annot.get("/A")
                if action is not None and "/URI" in action:
                    links.append(str(action["/URI"]))
    return links
