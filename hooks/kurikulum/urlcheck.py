"""Web addresses in content are parsed as URLs, never trusted as text.

One set of rules serves the source check (a URL field or a Markdown link in a content file,
reported with ``file:line``) and the output sanitiser (an ``href`` in a built page):

- the scheme is one we allow (https for sources, plus mailto/tel and in-page anchors for links);
- there is a host, written with letters, digits, hyphens and dots only, ending in a real-looking
  top-level domain, with no user name, password or port tricks;
- no white space, quotes, angle brackets, braces, backslashes or control characters, which is
  where Markdown or HTML could break out of the link (``https://x.org/){onclick=...}``);
- no look-alike host: a label that mixes scripts (``gооgle`` with Cyrillic ``о``) is refused,
  also when it arrives as punycode (``xn--...``).
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

FORBIDDEN = re.compile(r"[\s\"'<>{}\\^`|\x00-\x1f\x7f\u0080-\u009f]")
LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
TLD = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$")
HOST_CHANNEL = re.compile(r"^[A-Za-z0-9.-]+(?:/\S*)?$")


def source_problem(url: str) -> str | None:
    """Why ``url`` cannot be the address of a source or a web service (None when it can)."""
    return _problem(url, schemes=("https",))


def link_problem(url: str, site_host: str | None = None) -> str | None:
    """Why ``url`` cannot be a link target in published text (None when it can).

    Allowed: https, mailto and tel links, in-page anchors, and http only to the site itself.
    """
    clean = url.strip()
    if not clean:
        return "is empty"
    if FORBIDDEN.search(clean):
        return "contains white space, quotes, brackets or braces; a link is a plain address"
    if clean.startswith("#"):
        return None
    scheme = urlsplit(clean).scheme.lower()
    if scheme in ("mailto", "tel"):
        return None
    if scheme == "http" and site_host and _host(clean) == site_host:
        return None
    return _problem(clean, schemes=("https",))


def _problem(url: str, schemes: tuple[str, ...]) -> str | None:
    if FORBIDDEN.search(url):
        return "contains white space, quotes, brackets or braces; write the plain address only"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "is not a valid web address"
    if not parts.scheme:
        return "has no scheme; write the full address starting with https://"
    if parts.scheme.lower() not in schemes:
        return f"uses `{parts.scheme}:`; only {' or '.join(s + '://' for s in schemes)} addresses are allowed"
    if parts.username is not None or parts.password is not None or port is not None:
        return "has a user name, password or port; write the plain address of the page"
    return host_problem(parts.hostname or "")


def host_problem(host: str) -> str | None:
    """Why ``host`` is not a plain public host name (None when it is)."""
    if not host:
        return "has no host name"
    if any(ord(ch) > 127 for ch in host):
        script = mixed_script(host)
        return (
            f"has a look-alike host `{host}` ({script})"
            if script
            else f"host `{host}` has non-Latin letters; write it in its xn-- form after checking it"
        )
    labels = host.lower().rstrip(".").split(".")
    if len(labels) < 2 or not all(LABEL.match(label) for label in labels) or not TLD.match(labels[-1]):
        return f"host `{host}` is not a valid host name"
    for label in labels:
        if label.startswith("xn--"):
            script = mixed_script(_decode_punycode(label))
            if script or _decode_punycode(label) is None:
                return f"has a look-alike host `{host}` ({script or 'undecodable punycode'})"
    return None


def channel_problem(value: str) -> str | None:
    """A web channel is a host (``aduankonten.id``), optionally with a path, or an https URL."""
    if "://" in value:
        return source_problem(value)
    if not HOST_CHANNEL.match(value):
        return host_problem(value.split("/", 1)[0]) or "is not a host name such as `aduankonten.id`"
    return host_problem(value.split("/", 1)[0])


def mixed_script(text: str | None) -> str | None:
    """A description such as ``Latin and Cyrillic`` when a word mixes letters of several scripts."""
    if not text:
        return None
    for word in re.split(r"[.\-]", text):
        scripts = {_script(ch) for ch in word if ch.isalpha()}
        if len(scripts) > 1:
            return " and ".join(sorted(scripts)) + " letters mixed"
    return None


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "UNKNOWN")
    return name.split(" ", 1)[0].title()


def _decode_punycode(label: str) -> str | None:
    try:
        return label[4:].encode("ascii").decode("punycode")
    except (UnicodeError, ValueError):
        return None


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def site_host(site_url: str | None) -> str | None:
    """The host of the configured ``site_url`` (for http links to the site itself)."""
    return _host(site_url) or None if site_url else None
