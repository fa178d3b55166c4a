"""Tests for the anonymity checker (hooks/kurikulum/anonymity.py).

The corpora under tests/anonymity/ are realistic case-study and curriculum sentences. Lines
starting with "%%" are comments. identifying.txt holds one sentence per line, a tab, then the
planted identifiers separated by " | "; an identifier counts as caught if a Finding overlaps it.
"""

from __future__ import annotations

import sys
from pathlib import Path

# tests/conftest.py belongs to the wider suite; make hooks/ importable here instead.
HOOKS = Path(__file__).resolve().parent.parent / "hooks"
if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))

import pytest  # noqa: E402
from kurikulum.anonymity import REASONS, Finding, scan  # noqa: E402

CORPUS = Path(__file__).parent / "anonymity"
KINDS = set(REASONS)


def _lines(name: str) -> list[str]:
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("%%")]


def _planted() -> list[tuple[str, str]]:
    """(sentence, identifier) pairs from identifying.txt."""
    pairs = []
    for line in _lines("identifying.txt"):
        sentence, planted = line.split("\t")
        for item in planted.split(" | "):
            assert item in sentence, f"planted {item!r} is not in {sentence!r}"
            pairs.append((sentence, item))
    return pairs


def _caught(sentence: str, item: str, findings: list[Finding]) -> bool:
    start = sentence.index(item)
    end = start + len(item)
    return any(f.start < end and start < f.end for f in findings)


# --- corpora -------------------------------------------------------------------------------


def test_corpora_are_big_enough():
    assert len(_lines("identifying.txt")) >= 60
    assert len(_lines("clean.txt")) >= 60


def test_recall_on_planted_identifiers():
    pairs = _planted()
    cache = {sentence: scan(sentence) for sentence, _ in pairs}
    missed = [(item, sentence) for sentence, item in pairs if not _caught(sentence, item, cache[sentence])]
    recall = 1 - len(missed) / len(pairs)
    print(f"recall {recall:.3f} ({len(pairs) - len(missed)}/{len(pairs)})")
    assert recall >= 0.95, f"recall {recall:.3f}; missed:\n" + "\n".join(
        f"  {i!r} in {s!r}" for i, s in missed
    )


def test_few_false_positives_on_clean_text():
    flagged = {line: scan(line) for line in _lines("clean.txt")}
    flagged = {line: found for line, found in flagged.items() if found}
    print(f"clean sentences with a finding: {len(flagged)}")
    report = "\n".join(f"  {line!r}: {[(f.kind, f.text) for f in found]}" for line, found in flagged.items())
    assert len(flagged) <= 2, f"{len(flagged)} clean sentences flagged:\n{report}"


def test_whole_corpus_as_one_document():
    """Scanning sentences joined into one Markdown text must not lose or invent findings."""
    sentences = [line.split("\t")[0] for line in _lines("identifying.txt")]
    text = "\n".join(sentences)
    per_line = sum(len(scan(s)) for s in sentences)
    assert abs(len(scan(text)) - per_line) <= len(sentences) // 10


# --- per kind ------------------------------------------------------------------------------

POSITIVE = [
    ("name", "Korban bernama Sari sering bermain gim.", "Sari"),
    ("name", "Her neighbour, Pak Wayan, gave her a phone.", "Pak Wayan"),
    ("name", "Budi tidak masuk sekolah selama seminggu.", "Budi"),
    ("initials", "Korban berinisial RA (13) dibujuk pelaku.", "RA"),
    ("initials", "Police said that D.S. had been blackmailed.", "D.S."),
    ("initials", "Anak B menerima pesan dari akun palsu.", "B"),
    ("phone", "Hubungi pelaku di 0812 3456 7890.", "0812 3456 7890"),
    ("phone", "The number +62 21 555 1234 belongs to the family.", "+62 21 555 1234"),
    ("phone", "Nomor rumahnya (0274) 512 345.", "(0274) 512 345"),
    ("nik", "NIK: 3273012505100003.", "3273012505100003"),
    ("nik", "Nomor KK 3201.0203.0405.0006 ikut difoto.", "3201.0203.0405.0006"),
    ("email", "Surel pelaku adalah om.baik@gmail.com.", "om.baik@gmail.com"),
    ("email", "Write to rina_77@yahoo.co.id for details.", "rina_77@yahoo.co.id"),
    ("handle", "Akun @si_manis_99 mengirim pesan.", "@si_manis_99"),
    ("handle", "She was tagged by @gamer.boy.", "@gamer.boy"),
    ("url", "Lihat https://example.com/profil/123 untuk bukti.", "https://example.com/profil/123"),
    ("url", "The video was at tiktok.com/@anak.baik before removal.", "tiktok.com/@anak.baik"),
    ("url", "Profilnya www.facebook.com/rina.2010 masih aktif.", "www.facebook.com/rina.2010"),
    ("plate", "Mobil B 1234 XYZ terlihat di sana.", "B 1234 XYZ"),
    ("plate", "The plate was D-1234-ABC.", "D-1234-ABC"),
    ("address", "Rumahnya di Jl. Melati No. 5.", "Jl. Melati"),
    ("address", "Ia tinggal di RT 03/RW 05.", "RT 03/RW 05"),
    ("address", "The house is in Gang Mawar, Blok C.", "Gang Mawar"),
    ("school", "Ia bersekolah di SMPN 3.", "SMPN 3"),
    ("school", "She attends SD Harapan Bangsa.", "SD Harapan Bangsa"),
    ("school", "Pelaku mengajar di Pesantren Al-Ikhlas.", "Pesantren Al-Ikhlas"),
    ("village", "Kejadian di Desa Sukamaju.", "Desa Sukamaju"),
    ("village", "She lives in the village of Karangrejo.", "Karangrejo"),
    ("village", "Kasus terjadi di Bandung.", "Bandung"),
    ("date", "Pesan dikirim pada 12 Maret 2024.", "12 Maret 2024"),
    ("date", "It started on March 12, 2024.", "March 12, 2024"),
    ("date", "Korban lahir tahun 2010.", "lahir tahun 2010"),
    ("date", "Laporan masuk 2024-03-12.", "2024-03-12"),
    ("age-place", "Anak berusia 14 tahun dari Jawa Barat itu dibujuk.", "berusia 14 tahun"),
    ("age-place", "A 13-year-old in Sumatra was coerced.", "13-year-old"),
    ("age-place", "Umur 15 tahun, ia tinggal di Kota Bekasi.", "Umur 15 tahun"),
]

NEGATIVE = [
    ("name", "Ibu guru dan Bapak kepala desa hadir dalam pertemuan."),
    ("name", "Pelaku menggunakan WhatsApp dan TikTok untuk menghubungi Bapak/Ibu peserta."),
    ("initials", "Anak SD dan anak SMP sama-sama rentan."),
    ("initials", "Korban KBGO berhak atas pendampingan dari UPTD PPA."),
    ("phone", "Hubungi SAPA 129 atau pukul 08.00-17.00 ke kantor."),
    ("nik", "Pada tahun 2024 tercatat 1.245 laporan."),
    ("email", "Kirim laporan melalui formulir daring platform."),
    ("handle", "Gunakan fitur blokir dan laporkan akun tersebut."),
    ("url", "Laporkan ke Google, YouTube dan Instagram."),
    ("plate", "Menurut PP 17/2025 dan UU 12/2022, platform wajib bertindak."),
    ("address", "UU No. 44 Tahun 2008 mengatur pornografi; lihat lembar kerja nomor 3."),
    ("school", "Anak usia SMP dan a junior high school student."),
    ("village", "Korban tinggal di Jawa Barat, sebuah provinsi di Pulau Jawa."),
    ("village", "Desa Sukamulya (fiktif) menjadi latar kasus ini."),
    ("date", "Pada bulan Maret tahun 2024, selama dua minggu, pukul 20.00."),
    ("age-place", "Korban berusia 13-15 tahun dan tinggal di Jawa Barat."),
    ("age-place", "The girl was a 14-year-old who loved drawing."),
]


@pytest.mark.parametrize(("kind", "text", "expected"), POSITIVE)
def test_kind_positive(kind: str, text: str, expected: str):
    found = [f for f in scan(text) if f.kind == kind]
    assert any(expected in f.text or f.text in expected for f in found), scan(text)


@pytest.mark.parametrize(("kind", "text"), NEGATIVE)
def test_kind_negative(kind: str, text: str):
    assert [f for f in scan(text) if f.kind == kind] == []


def test_every_kind_has_examples():
    assert {kind for kind, *_ in POSITIVE} == KINDS
    assert {kind for kind, _ in NEGATIVE} == KINDS
    counts = {kind: sum(k == kind for k, *_ in POSITIVE) for kind in KINDS}
    assert min(counts.values()) >= 2, counts


# --- shape of the result -------------------------------------------------------------------


def test_empty_text():
    assert scan("") == []


def test_offsets_kinds_and_order():
    text = "\n".join(line.split("\t")[0] for line in _lines("identifying.txt"))
    found = scan(text)
    assert found
    for f in found:
        assert text[f.start : f.end] == f.text
        assert f.kind in KINDS
        assert f.reason == REASONS[f.kind] and f.reason.strip()
    assert [f.start for f in found] == sorted(f.start for f in found)


def test_markdown_heading_and_list_start_words():
    text = "## Studi Kasus\n\n- Indah sekali pemandangannya.\n1. Bagus, lanjutkan diskusi."
    assert scan(text) == []
