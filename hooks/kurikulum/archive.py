"""Deterministic ZIP files: the print packs and the offline copy of the site.

Entries are sorted and carry the build date (SOURCE_DATE_EPOCH) and fixed permissions, so the
same commit gives byte-identical archives. Deflate level 6 (level 9 took twice as long for 0.2%
smaller archives); files that are compressed already (the print packs inside the offline copy,
images, fonts) are stored as they are.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

from .pdf import build_date

LEVEL = 6
COMPRESSED = (".zip", ".gz", ".png", ".jpg", ".jpeg", ".webp", ".woff", ".woff2")
"""Stored, not deflated again: deflate gains nothing on them and costs the most time."""


def write_zip(target: Path, files: Iterable[tuple[Path | bytes, str]]) -> int:
    """Write (path on disk or the bytes themselves, name in archive) pairs; returns the number
    of entries."""
    stamp = max(build_date(), build_date().replace(year=1980, month=1, day=1)).timetuple()[:6]
    entries = sorted(files, key=lambda pair: pair[1])
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=LEVEL) as archive:
        for source, name in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            stored = name.lower().endswith(COMPRESSED)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            data = source if isinstance(source, bytes) else source.read_bytes()
            archive.writestr(info, data, compresslevel=None if stored else LEVEL)
    return len(entries)


def site_files(site: Path, exclude: set[Path]) -> list[tuple[Path, str]]:
    return [
        (p, "situs/" + p.relative_to(site).as_posix())
        for p in sorted(site.rglob("*"))
        if p.is_file() and p not in exclude
    ]
