"""Measure the anonymity checker on a folder of sentences: recall and false positives.

Usage: .venv/bin/python scripts/anonymity_eval.py FOLDER [--root PROJECT] [--quiet]

FOLDER holds the corpus format of tests/anonymity/:

* identifying.txt: one sentence per line, a tab, then the planted identifiers joined by " | ";
  an identifier counts as caught if a finding overlaps it.
* clean.txt: one sentence per line; a sentence with any finding is a false positive.

Lines starting with "%%" and blank lines are skipped. Prints recall, false positives per 100
clean sentences, and the misses and false positives grouped by kind (the kind of a miss is
guessed from the identifier's shape, the kind of a false positive is the finding's kind).
With --root, the project's local word lists (local/data/anonymity/) are used too.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from kurikulum.anonymity import Finding, scan  # noqa: E402

GUESSES = [
    ("email", r"@.*\.|\[at\]|\(at\)| at .* dot |titik|\[dot\]"),
    ("url", r"\.(com|me|id|ly|net|org)/|https?://|www\."),
    ("handle", r"^@|_|\w\.\w"),
    ("nik", r"^(\d[ .\-]?){16}$"),
    ("postcode", r"^[1-9]\d{4}$"),
    ("id-number", r"^[A-Za-z]{0,2}[ ]?(\d[ .\-]?){6,20}$"),
    ("phone", r"^\+?\(?\d[\d ().\-]{7,}$|nol|kosong|zero"),
    ("plate", r"^[A-Za-z]{1,2}[ \-]?\d{1,4}[ \-]?[A-Za-z]{1,3}$"),
    (
        "date",
        r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d\d-\d\d"
        r"|\d[ \t]*\b(?i:jan|feb|peb|mar|mrt|apr|mei|may|jun|jul|agu|aug|sep|okt|oct|nov|nop|des|dec)",
    ),
    (
        "school",
        r"(?i)\b(sd|smp|sma|smk|mts|man|min|ma|mi|tk|slb)n?\b|\b(sd|smp|sma|smk|mts)n?\d|pesantren|ponpes|madrasah|school|sekolah",
    ),
    (
        "address",
        r"(?i)\b(jl|jln|jalan|gg|gang|rt|rw|blok|no|nomor|perum|perumahan|komplek|street|road|kamar|kmr|room)\b",
    ),
    ("village", r"(?i)\b(desa|kelurahan|kecamatan|kabupaten|kota|dusun|kampung|village|district|regency)\b"),
    ("age", r"(?i)tahun|year|umur|usia|\(\d{1,2}\)"),
    ("initials", r"^([A-Z]\.?){1,3}$"),
]


def guess_kind(item: str) -> str:
    for kind, regex in GUESSES:
        if re.search(regex, item):
            return kind
    return "name/place"


def lines(path: Path) -> list[str]:
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8").splitlines()
    return [line for line in text if line.strip() and not line.startswith("%%")]


def caught(sentence: str, item: str, findings: list[Finding]) -> bool:
    start = sentence.find(item)
    if start < 0:
        return False
    end = start + len(item)
    return any(f.start < end and start < f.end for f in findings)


def recall(folder: Path, root: Path | None) -> tuple[int, int, dict[str, list[str]]]:
    total, hits, misses = 0, 0, defaultdict(list)
    for line in lines(folder / "identifying.txt"):
        sentence, _, planted = line.partition("\t")
        findings = scan(sentence, root)
        for item in filter(None, (part.strip() for part in planted.split(" | "))):
            total += 1
            if caught(sentence, item, findings):
                hits += 1
            else:
                misses[guess_kind(item)].append(f"{item!r} in {sentence!r}")
    return hits, total, misses


def false_positives(folder: Path, root: Path | None) -> tuple[int, int, dict[str, list[str]]]:
    clean, flagged, by_kind = 0, 0, defaultdict(list)
    for sentence in lines(folder / "clean.txt"):
        clean += 1
        findings = scan(sentence, root)
        if findings:
            flagged += 1
            for finding in findings:
                by_kind[finding.kind].append(f"{finding.text!r} in {sentence!r}")
    return flagged, clean, by_kind


def report(title: str, groups: dict[str, list[str]], quiet: bool) -> None:
    if not groups:
        return
    print(f"\n{title}:")
    for kind in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        print(f"  {kind}: {len(groups[kind])}")
        if not quiet:
            for entry in groups[kind]:
                print(f"    {entry}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--root", type=Path, default=None, help="project root for local word lists")
    parser.add_argument("--quiet", action="store_true", help="counts only, no sentences")
    args = parser.parse_args(argv)
    hits, total, misses = recall(args.folder, args.root)
    flagged, clean, wrong = false_positives(args.folder, args.root)
    print(f"folder: {args.folder}")
    if total:
        print(f"recall: {hits}/{total} = {hits / total:.1%}")
    if clean:
        print(f"false positives: {flagged}/{clean} clean sentences = {100 * flagged / clean:.1f} per 100")
    report("misses by kind (guessed from the identifier)", misses, args.quiet)
    report("false positives by finding kind", wrong, args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
