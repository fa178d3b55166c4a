"""Run-sheets and agendas as stacked cards on a phone.

On a narrow screen (see site.css) the tables inside ``<div class="run-sheet">`` and
``<div class="agenda">`` show each row as a card. A card cell has no column header above it, so
each cell gets the header text as ``data-label`` here, and the stylesheet writes it before the
value. Cells that hold nothing to say ("—" for "the session's own lead", or empty) get no label,
and the cards leave them out. This runs on the page's HTML before the sanitiser, which allows
``data-label`` on table cells and nothing else new.
"""

from __future__ import annotations

import html
import re

STACKED = ("run-sheet", "agenda")
_WRAPPED_TABLE = re.compile(
    r'(<div class="(?:[^"]*\s)?(?:' + "|".join(STACKED) + r')(?:\s[^"]*)?"[^>]*>\s*)(<table>.*?</table>)',
    re.DOTALL,
)
_HEAD = re.compile(r"<thead>(.*?)</thead>", re.DOTALL)
_TH = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
_TD = re.compile(r"<td\b([^>]*)>(.*?)</td>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
EMPTY = {"", "—", "-", "–"}


def label_cells(page_html: str) -> str:
    """``page_html`` with a ``data-label`` (its column header) on each cell of stacked tables."""
    if not any(name in page_html for name in STACKED):
        return page_html
    return _WRAPPED_TABLE.sub(lambda m: m.group(1) + _label_table(m.group(2)), page_html)


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())


def _label_table(table: str) -> str:
    head = _HEAD.search(table)
    if head is None:
        return table
    labels = [_text(cell) for cell in _TH.findall(head.group(1))]

    def row(match: re.Match) -> str:
        cells = iter(range(len(labels) + 1000))

        def cell(m: re.Match) -> str:
            index = next(cells)
            attrs, body = m.group(1), m.group(2)
            if index >= len(labels) or _text(body) in EMPTY or "data-label" in attrs:
                return m.group(0)
            label = html.escape(labels[index], quote=True)
            return f'<td{attrs} data-label="{label}">{body}</td>'

        return "<tr>" + _TD.sub(cell, match.group(1)) + "</tr>"

    return table[: head.end()] + _ROW.sub(row, table[head.end() :])
