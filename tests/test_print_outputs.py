"""Print outputs of the shipped build: links in the PDFs, the handbook's contents, the print
plan and packs, file names per language, and the emergency card."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pikepdf
import pypdf
import pytest
from kurikulum import printplan, qrcode, urls
from kurikulum.pdf import PdfJob, _link_policy, destination_pages
from kurikulum.render import Renderer, make_environment, pdf_file
from kurikulum.site import SiteBuild
from sitekit import ROOT

LANGS = ("id", "en")


@pytest.fixture(scope="module")
def shipped():
    build = SiteBuild(ROOT, list(LANGS))
    build.check()
    assert build.ok
    return build


def _pdfs(site: Path, lang: str) -> list[Path]:
    return sorted((site / "unduhan" / lang).glob("*.pdf"))


def _page_base(site: Path, lang: str) -> Path:
    return site if lang == "id" else site / "en"


def _text(page) -> str:
    return re.sub(r"\s+", " ", page.extract_text() or "")


# --- links ------------------------------------------------------------------------------------


def test_no_pdf_has_a_relative_link(shipped_built):
    """Every link of every PDF is absolute (https, mailto, tel) or goes inside the document."""
    checked = 0
    for lang in LANGS:
        for path in _pdfs(shipped_built, lang):
            with pikepdf.open(path) as pdf:
                for page in pdf.pages:
                    for annot in page.get("/Annots") or []:
                        if annot.get("/Subtype") != "/Link":
                            continue
                        checked += 1
                        action = annot.get("/A")
                        if action is not None and "/URI" in action:
                            uri = str(action.URI)
                            assert uri.split(":", 1)[0] in ("https", "mailto", "tel"), (path.name, uri)
                        else:
                            assert "/Dest" in annot or (action is not None and action.get("/S") == "/GoTo")
    assert checked > 500


def test_the_link_policy_without_and_with_site_url(tmp_path):
    site = tmp_path / "site"
    (site / "sesi").mkdir(parents=True)
    page, other = site / "sesi" / "a.html", site / "sesi" / "b.html"
    for path in (page, other):
        path.write_text("x", encoding="utf-8")

    def made(site_url: str) -> pikepdf.Pdf:
        pdf = pikepdf.new()
        pdf.add_blank_page()
        pdf.Root.Dests = pikepdf.Dictionary({"/here": pikepdf.Array([pdf.pages[0].obj, pikepdf.Name.Fit])})
        links = [
            other.as_uri() + "#part",
            page.as_uri() + "#here",
            "https://example.org/x",
            "relative/page.html",
        ]
        pdf.pages[0].Annots = pikepdf.Array(
            [
                pdf.make_indirect(
                    pikepdf.Dictionary(
                        Type=pikepdf.Name.Annot,
                        Subtype=pikepdf.Name.Link,
                        Rect=[0, 0, 10, 10],
                        A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(uri)),
                    )
                )
                for uri in links
            ]
        )
        _link_policy(pdf, PdfJob(page, tmp_path / "a.pdf", "A", "id", site_url), site)
        return pdf

    def targets(pdf) -> list[str]:
        out = []
        for annot in pdf.pages[0].Annots:
            out.append(str(annot.A.URI) if "/A" in annot else "dest:" + str(annot.Dest))
        return out

    assert targets(made("")) == ["dest:/here", "https://example.org/x"]
    assert targets(made("https://training.example.org/kurikulum/")) == [
        "https://training.example.org/kurikulum/sesi/b.html#part",
        "dest:/here",
        "https://example.org/x",
    ]


# --- the handbook ----------------------------------------------------------------------------


def _toc(path: Path) -> tuple[list[tuple[str, int]], dict[str, int], list[tuple[str, int]]]:
    """The contents' entries (title, page number printed), the named destinations' pages, and
    the contents' links (target, its page) in order."""
    pages = destination_pages(path.read_bytes())
    reader = pypdf.PdfReader(path)
    toc_page = next(i for i, p in enumerate(reader.pages[:4]) if re.search(r"Daftar isi|Contents", _text(p)))
    entries = []
    for line in (reader.pages[toc_page].extract_text() or "").splitlines():
        found = re.match(r"^(.*\S)\s+(\d+)$", line.strip())
        if found and " / " not in line:
            entries.append((found.group(1), int(found.group(2))))
    links = []
    with pikepdf.open(path) as pdf:
        annots = [a for a in pdf.pages[toc_page].get("/Annots") or [] if "/Dest" in a]
        for annot in sorted(annots, key=lambda a: -float(a.Rect[3])):
            name = str(annot.Dest).lstrip("/")
            links.append((name, pages.get(name, 0)))
    return entries, pages, links


@pytest.mark.parametrize("lang", LANGS)
def test_handbook_has_a_cover_contents_with_right_page_numbers_and_internal_links(
    shipped, shipped_built, lang
):
    cur = shipped.curriculum
    path = shipped_built / "unduhan" / lang / f"{pdf_file(cur, lang, urls.HANDBOOK)}.pdf"
    reader = pypdf.PdfReader(path)
    cover = _text(reader.pages[0])
    label = Renderer.label_text(cur, lang)
    for expected in (label("handbook"), label("edition"), label("organiser"), label("language-name")):
        assert expected in cover, expected
    # The programme's title is printed once, on the cover, not again on the next pages.
    title = " ".join(cur.programme.title.root[lang].split())
    assert title in cover
    assert " ".join(_text(p) for p in reader.pages[:4]).count(title) == 1

    entries, pages, links = _toc(path)
    assert len(links) >= 30 and all(name.startswith("hb-") for name, _ in links)
    assert [number for _, number in links] == [number for _, number in entries]
    assert [number for _, number in entries] == sorted(number for _, number in entries)
    # Each entry's number is the page where its heading is.
    for (title, number), (name, _) in list(zip(entries, links, strict=True))[1:]:
        words = " ".join(title.split()[:4])
        assert words in _text(reader.pages[number - 1]), (name, number, words)

    # Links to places inside the handbook are internal (GoTo/Dest), to named destinations it has.
    internal = 0
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for annot in page.get("/Annots") or []:
                if "/Dest" in annot:
                    assert str(annot.Dest).lstrip("/") in pages
                    internal += 1
        assert "/Outlines" in pdf.Root
        with pdf.open_outline() as outline:
            # One h1 (the cover's title) holds every part as an h2: the outline lists the parts.
            items = [item for top in outline.root for item in [top, *top.children]]
            titles = [item.title for item in items]
            assert len(items) >= 10
            assert all(" ".join(title.split()[:2]) in " ".join(titles) for title, _ in entries[1:5]), titles
    assert internal > 100


# --- names, plan and packs -------------------------------------------------------------------


def test_pdfs_are_named_in_their_language(shipped_built):
    english = {p.name for p in _pdfs(shipped_built, "en")}
    for name in (
        "day-1.pdf",
        "day-1-notes.pdf",
        "handbook.pdf",
        "test-pre-post.pdf",
        "worksheet-action-plan.pdf",
        "session-opening.pdf",
        "discussion-case-analysis.pdf",
        "answer-key-pre-post-test.pdf",
        "emergency-card.pdf",
        "referral-directory.pdf",
        "programme-1-day.pdf",
    ):
        assert name in english, name
    assert not [n for n in english if n.startswith(("hari-", "buku-", "lembar-", "sesi-", "kunci-", "tes-"))]
    indonesian_words = {"hari", "catatan", "lembar", "sesi", "kunci", "tes", "buku", "panduan", "rujukan"}
    assert not [n for n in english if indonesian_words & set(n.removesuffix(".pdf").split("-"))], english
    indonesian = {p.name for p in _pdfs(shipped_built, "id")}
    for name in (
        "hari-1.pdf",
        "hari-1-catatan.pdf",
        "buku-panduan.pdf",
        "tes-pre-post-test.pdf",
        "rujukan.pdf",
    ):
        assert name in indonesian, name
    # The site's links follow: the PDF button of a page and the plan's links.
    runsheet = (shipped_built / "en" / "hari" / "1.html").read_text(encoding="utf-8")
    assert 'href="../../unduhan/en/day-1.pdf"' in runsheet
    plan = (shipped_built / "en" / "cetak.html").read_text(encoding="utf-8")
    assert 'href="../unduhan/en/handbook.pdf"' in plan and "buku-panduan.pdf" not in plan


def test_file_names_come_from_a_table_per_language():
    table = {"day": "day-{n}", "test": "test-{slug}", "worksheet": "worksheet-{slug}", "handbook": "handbook"}
    assert urls.pdf_file("hari/2.md", table) == "day-2"
    assert urls.pdf_file("peserta/tes-pre-post-test.md", table) == "test-pre-post"
    assert urls.pdf_file("peserta/lembar-action-plan.md", table) == "worksheet-action-plan"
    assert urls.pdf_file("fasilitator/buku-panduan.md", table) == "handbook"
    assert urls.pdf_file("hari/2-catatan.md", table) == "hari-2-catatan"  # no name: Indonesian


def _cells(page: Path) -> dict[str, str]:
    html = page.read_text(encoding="utf-8")
    return dict(re.findall(r'<span class="po" id="(po-[a-z0-9-]+)">([^<]*)</span>', html))


@pytest.mark.parametrize("lang", LANGS)
def test_the_print_plan_totals_are_pages_times_copies_of_the_real_pdfs(shipped, shipped_built, lang):
    cur = shipped.curriculum
    cells = _cells(_page_base(shipped_built, lang) / "cetak.html")
    rows = printplan.plan(cur)
    assert len(rows) >= 20
    single = double = pages_sum = 0
    for row in rows:
        path = shipped_built / "unduhan" / lang / f"{pdf_file(cur, lang, row.uri)}.pdf"
        pages = len(pypdf.PdfReader(path).pages)
        assert cells[f"po-{row.key}-pages"] == str(pages), row.key
        if row.groups:
            printed = dbl = 0
            seen = 0
            for g, copies in row.groups.items():
                found = re.findall(r"\d+", cells[f"po-{row.key}-g{g}"])
                first, last = int(found[0]), int(found[-1])
                assert first == seen + 1 and last >= first
                seen = last
                printed += (last - first + 1) * copies
                dbl += -(-(last - first + 1) // 2) * copies
            assert seen == pages, row.key  # the groups' ranges cover the PDF
        else:
            printed = pages * row.copies
            dbl = printed if row.single_only else -(-pages // 2) * row.copies
        assert cells[f"po-{row.key}-single"] == str(printed), row.key
        assert cells[f"po-{row.key}-double"] == str(dbl), row.key
        single, double, pages_sum = single + printed, double + dbl, pages_sum + pages
    assert cells[f"po-sum-{lang}-single"] == str(single)
    assert cells[f"po-sum-{lang}-double"] == str(double)
    assert cells[f"po-sum-{lang}-pages"] == str(pages_sum)
    assert cells[f"po-sum-{lang}-copies"] == str(sum(r.copies for r in rows))
    assert cells[f"po-sum-{lang}-documents"] == str(len(rows))
    total = sum(int(cells[f"po-sum-{code}-single"]) for code in LANGS)
    assert cells["po-sum-all-single"] == str(total)
    assert all(value not in ("", "–") for value in cells.values())
    # The facilitator documents are listed; worksheets inside handouts are not counted again.
    kinds = {row.kind for row in rows}
    assert {"day-notes", "answer-key", "handbook", "referral", "card"} <= kinds
    assert not any(row.uri == urls.worksheet("action-plan") for row in rows)


def test_without_pdfs_the_plan_says_where_the_counts_come_from(shipped):
    page = Renderer(shipped.curriculum, "en", make_environment()).printing()
    cells = re.findall(r'<span class="po" id="(po-[a-z0-9-]+)">([^<]*)</span>', page.markdown)
    assert cells and all(value == "–" for key, value in cells if key != "po-note")
    note = dict(cells)["po-note"]
    assert "PDF" in note and "curriculum build" in note


def test_module_texts_and_the_plan_count_the_same_copies(shipped):
    cur = shipped.curriculum
    closing = (
        Renderer(cur, "en", make_environment()).module(cur.modules["closing"]).markdown.replace("\\", "")
    )
    card = next(row for row in printplan.plan(cur) if row.kind == "card")
    assert f"({card.copies} copies, as on the print-planning page)" in closing
    sheets = next(row for row in printplan.plan(cur) if row.kind == "sheets")
    page = Renderer(cur, "en", make_environment()).sheets(cur.modules["case-analysis"]).markdown
    assert all(f"Group {g}: {n}" in page for g, n in sheets.groups.items())


@pytest.mark.parametrize("lang", LANGS)
def test_print_packs_have_participant_and_facilitator_folders_and_a_readme(shipped, shipped_built, lang):
    cur = shipped.curriculum
    top = f"paket-cetak-{lang}"
    with zipfile.ZipFile(shipped_built / "unduhan" / f"{top}.zip") as pack:
        names = pack.namelist()
        readme = pack.read(f"{top}/README.txt").decode("utf-8")
    participant = [n for n in names if n.startswith(f"{top}/peserta/")]
    facilitator = [n for n in names if n.startswith(f"{top}/fasilitator/")]
    assert participant and facilitator
    assert set(names) == {*participant, *facilitator, f"{top}/README.txt"}
    for row in printplan.plan(cur):
        name = f"{pdf_file(cur, lang, row.uri)}.pdf"
        folder = "peserta" if row.audience == printplan.PARTICIPANT else "fasilitator"
        assert f"{top}/{folder}/{name}" in names, name
        line = next(line for line in readme.splitlines() if f"{folder}/{name}" in line)
        assert str(row.copies) in line or row.groups, line
    for facilitator_only in (urls.answer_key("pre-post-test"), urls.day_notes(1), urls.HANDBOOK):
        name = pdf_file(cur, lang, facilitator_only) + ".pdf"
        assert f"{top}/fasilitator/{name}" in names
        assert not any(n.endswith("/" + name) for n in participant)
    label = Renderer.label_text(cur, lang)
    assert readme.startswith(label("pack-readme-title"))


# --- the emergency card ----------------------------------------------------------------------


def _modules(path_d: str, size: int) -> list[list[bool]]:
    """The dark modules drawn by a QR path ("M x y h w v1 h-w z" runs)."""
    grid = [[False] * size for _ in range(size)]
    for x, y, w in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\d+z", path_d):
        for i in range(int(w)):
            grid[int(y)][int(x) + i] = True
    return grid


@pytest.mark.parametrize("lang", LANGS)
def test_the_emergency_card_is_one_a4_page_with_numbers_qr_codes_and_fill_in_lines(
    shipped, shipped_built, lang
):
    cur = shipped.curriculum
    path = shipped_built / "unduhan" / lang / f"{pdf_file(cur, lang, urls.CARD)}.pdf"
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = _text(reader.pages[0])
    for number in ("129", "08111-129-129", "112", "110"):
        assert number in text, number
    label = Renderer.label_text(cur, lang)
    assert label("card-rule").split()[0] in text

    html = (_page_base(shipped_built, lang) / "kartu-darurat.html").read_text(encoding="utf-8")
    codes = re.findall(r'<svg class="qr" viewBox="0 0 (\d+) \d+"[^>]*><path d="([^"]+)"></path></svg>', html)
    contacts = {c.slug: c for c in cur.contacts.contacts}
    expected = []
    for slug in cur.contacts.card:
        web = [ch.value for ch in contacts[slug].channels if ch.kind == "web" and ch.value]
        expected += web[:1]
    assert len(codes) == len(expected) >= 3
    for (size, path_d), value in zip(codes, expected, strict=True):
        matrix = qrcode.matrix(qrcode.web_url(value))
        border = qrcode.BORDER
        drawn = _modules(path_d, int(size))
        assert [row[border : border + len(matrix)] for row in drawn[border : border + len(matrix)]] == matrix
    # The local contacts are still blank in the shipped data: lines to fill in.
    local = [contacts[s] for s in cur.contacts.card if contacts[s].level == "local"]
    assert local and all(not ch.value for c in local for ch in c.channels)
    assert html.count('class="fill-in"') >= sum(len(c.channels) for c in local)
    # Linked from the referral directory and the print plan.
    for page in ("rujukan.html", "cetak.html"):
        assert 'href="kartu-darurat.html"' in (_page_base(shipped_built, lang) / page).read_text(
            encoding="utf-8"
        )


@pytest.mark.parametrize("lang", LANGS)
def test_the_referral_directory_prints_with_a_button_a_pdf_and_host_names(shipped, shipped_built, lang):
    cur = shipped.curriculum
    html = (_page_base(shipped_built, lang) / "rujukan.html").read_text(encoding="utf-8")
    name = pdf_file(cur, lang, urls.REFERRAL)
    assert "data-print" in html and f"unduhan/{lang}/{name}.pdf" in html
    text = " ".join(_text(p) for p in pypdf.PdfReader(shipped_built / "unduhan" / lang / f"{name}.pdf").pages)
    assert "(kepribetter.com)" in text and "https://kepribetter.com/2021" not in text
