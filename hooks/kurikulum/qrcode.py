"""QR codes for the emergency card, made at build time (segno), never fetched from a service.

The code is drawn as one inline SVG ``<path>`` (a unit square per dark module) with a
``viewBox`` and nothing else: the elements and attributes the sanitiser allows for it are
``svg`` (``viewBox``, ``role``, ``aria-label``, ``class``) and ``path`` (``d``), so it passes
``sanitize.py`` unchanged and loads nothing.
"""

from __future__ import annotations

import functools

from markupsafe import Markup, escape

BORDER = 2
"""Quiet zone in modules; the card's panel adds white space around it too."""


def web_url(value: str) -> str:
    """The address a web channel's value stands for (``aduankonten.id`` -> ``https://aduankonten.id``)."""
    return value if "://" in value else f"https://{value}"


def matrix(url: str) -> list[list[bool]]:
    """The QR code's modules (True = dark), error correction M, without the quiet zone."""
    import segno

    code = segno.make(url, error="m", micro=False, boost_error=False)
    return [[bool(cell) for cell in row] for row in code.matrix]


@functools.lru_cache(maxsize=256)
def svg(url: str, label: str) -> Markup:
    """An inline SVG of the QR code for ``url``, with ``label`` as its accessible name (made
    once per process: ``mkdocs serve`` rebuilds and both languages reuse it)."""
    return _svg(url, label)


def _svg(url: str, label: str) -> Markup:
    rows = matrix(url)
    size = len(rows) + 2 * BORDER
    path = []
    for y, row in enumerate(rows):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                path.append(f"M{start + BORDER} {y + BORDER}h{x - start}v1h{start - x}z")
            else:
                x += 1
    return Markup(
        f'<svg class="qr" viewBox="0 0 {size} {size}" role="img" aria-label="{escape(label)}">'
        f'<path d="{"".join(path)}"></path></svg>'
    )
