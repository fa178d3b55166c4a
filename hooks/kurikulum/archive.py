"""Deterministic ZIP files: the print packs and the offline copy of the site.

Entries are sorted and carry the build date (SOURCE_DATE_EPOCH) and fixed permissions, so the
same commit gives byte-identical archives.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

from .pdf import build_date


def write_zip(target: Path, files: Iterable[tuple[Path, str]]) -> int:
    """Write (path on disk, name in archive) pairs; returns the number of entries."""
    stamp = max(build_date(), build_date().replace(year=1980, month=1, day=1)).timetuple()[:6]
    entries = sorted(files, key=lambda pair: pair[1])
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path, name in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return len(entries)


def site_files(site: Path, exclude: set[Path]) -> list[tuple[Path, str]]:
    return [
        (p, "situs/" + p.relative_to(site).as_posix())
        for p in sorted(site.rglob("*"))
        if p.is_file() and p not in exclude
    ]
