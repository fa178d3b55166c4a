"""What the anonymity check reports, apart from the checker (which takes longer to import)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One identifying detail: its kind, where it is, and what to do about it."""

    kind: str
    start: int
    end: int
    text: str
    reason: str
