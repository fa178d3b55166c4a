"""``curriculum new``: start a content file from a valid template, never over an existing one."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .fields import SLUG_PATTERN
from .overlay import LOCAL
from .translock import is_edition

SCAFFOLDS = Path(__file__).parent / "scaffolds"
KINDS = {"case": "case_studies", "module": "modules"}


class ScaffoldError(Exception):
    pass


def create(root: Path, kind: str, slug: str) -> Path:
    if not re.match(SLUG_PATTERN, slug):
        raise ScaffoldError(f"`{slug}` is not a valid slug; use lower-case letters, digits and hyphens")
    base = Path(root) / LOCAL if is_edition(root) else Path(root)  # an edition writes only local/
    target = base / KINDS[kind] / f"{slug}.yml"
    if target.exists():
        raise ScaffoldError(f"{target.relative_to(root)} already exists; choose another slug")
    text = (SCAFFOLDS / f"{kind}.yml").read_text(encoding="utf-8")
    text = text.replace("__SLUG__", slug).replace("__TODAY__", dt.date.today().isoformat())
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
