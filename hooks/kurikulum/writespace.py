"""Writing space of the forms filled in by hand: column widths and row heights as CSS classes.

The sanitiser allows no ``style`` attribute, so a worksheet table states its layout through
classes that ``docs/assets/stylesheets/forms.css`` defines: ``w-1`` ... ``w-100`` (a column's
percentage of the table width) and ``lines-1`` ... ``lines-8`` (the handwritten
lines each row holds). The shares come from the worksheet's YAML (``Table.widths``,
``Table.label_width``, ``Table.lines``).
"""

from __future__ import annotations

STEP = 1
"""Column widths are whole multiples of this percentage (forms.css has a class for each)."""


def percentages(shares: list[int]) -> list[int]:
    """Shares turned into percentages that are multiples of ``STEP``, at least ``STEP`` each, and
    add up to 100 (largest remainder first, so that the rounding stays fair)."""
    if not shares:
        return []
    units = 100 // STEP
    total = sum(shares)
    exact = [share * units / total for share in shares]
    whole = [max(1, int(x)) for x in exact]
    while sum(whole) > units:  # the minimum of one step each overshot: take from the widest
        widest = max(range(len(whole)), key=lambda i: (whole[i], -i))
        whole[widest] -= 1
    by_remainder = sorted(range(len(shares)), key=lambda i: (-(exact[i] - int(exact[i])), i))
    for i in by_remainder[: units - sum(whole)]:
        whole[i] += 1
    return [w * STEP for w in whole]


def column_classes(table) -> list[str]:
    """One class per column of a worksheet table, the row-label column first (if any)."""
    shares = list(table.widths or [1] * len(table.columns))
    if table.row_labels:
        shares.insert(0, table.label_width)
    return [f"w-{pct}" for pct in percentages(shares)]


def scale_widths(answers: int) -> list[int]:
    """Percentages of a rating scale's columns: the statement gets three shares, each answer one."""
    return percentages([3] + [1] * answers)
