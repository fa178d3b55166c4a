"""Reach on the built site: help one tap away (tel: and wa.me links, the help strip), run-sheets
as cards on a phone, the facilitators' "today" page with a mocked clock, no console error from
file://, and no maintainer instructions on facilitator or participant pages."""

from __future__ import annotations

import datetime
import json
import re
from html import unescape

import pytest
from browser import chromium_page
from kurikulum import reach
from reachkit import pages

UTC = datetime.UTC


# -- links derived from the contact data ---------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "value", "level", "href"),
    [
        ("phone", "129", "national", "tel:129"),
        ("phone", "119 ekstensi 8 (SEJIWA)", "emergency", "tel:119"),
        ("phone", "(021) 3190-1556", "national", "tel:+622131901556"),
        ("phone", "1-800-843-5678", "international", "tel:+18008435678"),
        ("phone", "+62 21 123 4567", "national", "tel:+62211234567"),
        ("whatsapp", "08111-129-129", "national", "https://wa.me/628111129129"),
        ("whatsapp", "0811-1772-273", "national", "https://wa.me/628111772273"),
        ("whatsapp", "+62 811 9224 545", "national", "https://wa.me/628119224545"),
        ("phone", "SPKT Polres", "national", None),
        ("web", "healing119.id", "emergency", None),
        ("whatsapp", "129", "national", None),
    ],
)
def test_channel_links_are_derived_from_the_written_number(kind, value, level, href):
    assert reach.channel_href(kind, value, level) == href


def test_referral_page_puts_national_numbers_first_as_tap_to_call_links(shipped_built):
    for lang in ("", "en/"):
        html = (shipped_built / lang / "rujukan.html").read_text(encoding="utf-8")
        body = html.split('<article class="md-content__inner md-typeset">', 1)[1]
        first_tel = [body.index(f'href="tel:{n}"') for n in ("129", "112", "110")]
        local = body.index('id="contact-uptd-ppa-local"')
        assert max(first_tel) < local, "SAPA 129, 112 and 110 come before the blank local entries"
        assert max(first_tel) < body.index("</h2>"), "the quick-dial list is above the first section"
        assert body.index('id="contact-sapa-129"') < local
        assert 'href="https://wa.me/628111129129"' in body
        assert 'href="tel:+622131901556"' in body  # KPAI, written (021) 3190-1556
        # Every phone and WhatsApp value shown in the directory is a link.
        cells = re.findall(r"<td>(?:Telepon|Phone|WhatsApp)</td>\s*<td>(.*?)</td>", body, re.S)
        filled = [c for c in cells if "fill-in" not in c]
        assert filled and all(c.lstrip().startswith("<a href=") for c in filled), filled


def test_every_page_has_the_help_strip_in_its_language(shipped_built):
    for path in pages(shipped_built):
        html = (shipped_built / path).read_text(encoding="utf-8")
        strips = re.findall(r'<aside class="help-strip" lang="(\w+)".*?</aside>', html, re.S)
        texts = re.findall(r'<aside class="help-strip".*?</aside>', html, re.S)
        expected = ["id", "en"] if path == "404.html" else ["en" if path.startswith("en/") else "id"]
        assert strips == expected, path
        for lang, text in zip(strips, texts, strict=True):
            assert 'href="tel:129"' in text and 'href="tel:112"' in text and 'href="tel:110"' in text, path
            assert ("Need help now?" if lang == "en" else "Butuh bantuan sekarang?") in text, path
            referral = re.search(r'href="([^"]*rujukan\.html)"', text).group(1)
            home = "en/" if lang == "en" else ""
            if path == "404.html":  # served for any address: its links start from the site's root
                assert referral == f"/{home}rujukan.html"
            else:
                target = ((shipped_built / path).parent / referral).resolve()
                assert target == (shipped_built / home / "rujukan.html").resolve(), path


# -- the phone layout --------------------------------------------------------------------------


def test_run_sheets_and_agendas_are_cards_on_a_phone(shipped_built):
    with chromium_page(viewport={"width": 390, "height": 844}) as page:
        for path, wrapper in (("hari/1.html", ".run-sheet"), ("en/sesi/concepts.html", ".agenda")):
            page.goto((shipped_built / path).as_uri())
            rows = page.locator(f"{wrapper} tbody tr")
            assert rows.count() > 3
            first = rows.nth(1)
            assert page.evaluate("e => getComputedStyle(e).display", first.element_handle()) == "block"
            head = page.locator(f"{wrapper} thead").bounding_box()
            assert head["width"] <= 1 and head["height"] <= 1  # left for screen readers only
            labels = page.eval_on_selector_all(
                f"{wrapper} tbody td[data-label]",
                "els => els.map(e => getComputedStyle(e, '::before').content)",
            )
            assert any("Bahan" in c or "Materials" in c for c in labels), labels
            # The session's lead is not repeated in every block: "—" cells are not shown.
            dash_cells = page.locator(f"{wrapper} tbody td:not([data-label])")
            assert all(not dash_cells.nth(i).is_visible() for i in range(dash_cells.count()))
        page.set_viewport_size({"width": 1366, "height": 900})
        page.goto((shipped_built / "hari/1.html").as_uri())
        assert page.is_visible(".run-sheet thead th")


def test_session_agendas_name_the_lead_once(shipped_built):
    html = (shipped_built / "sesi" / "concepts.html").read_text(encoding="utf-8")
    agenda = re.search(r'<div class="agenda">.*?</table>', html, re.S).group(0)
    rows = re.findall(r"<tr>(.*?)</tr>", agenda, re.S)[1:]
    leads = [re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)[-1].strip() for r in rows]
    assert leads and set(leads) == {"—"}, leads


def test_wide_tables_scroll_in_their_own_box_with_a_cue(shipped_built):
    with chromium_page(viewport={"width": 390, "height": 844}) as page:
        page.goto((shipped_built / "kasus" / "index.html").as_uri())
        box = page.locator(".md-typeset__scrollwrap").first
        page.wait_for_function("document.querySelector('.md-typeset__scrollwrap.scrolls') !== null")
        assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
        assert box.get_attribute("aria-labelledby")
        assert "gradient" in page.evaluate("e => getComputedStyle(e).backgroundImage", box.element_handle())


def test_print_buttons_sit_below_the_title(shipped_built):
    with chromium_page(viewport={"width": 390, "height": 844}) as page:
        page.goto((shipped_built / "hari" / "1.html").as_uri())
        title = page.locator("article h1").bounding_box()
        buttons = page.locator(".print-actions").bounding_box()
        assert buttons["y"] >= title["y"] + title["height"] - 1
        # the title breaks between words only
        words = page.evaluate(
            """() => { const h = document.querySelector('article h1'); const r = document.createRange();
               const out = []; const walk = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
               while (walk.nextNode()) { const t = walk.currentNode;
                 for (const m of t.data.matchAll(/\\S+/g)) { r.setStart(t, m.index); r.setEnd(t, m.index + m[0].length);
                   out.push(r.getClientRects().length); } }
               return out; }"""
        )
        assert words and max(words) == 1


# -- the "today" page ------------------------------------------------------------------------


def _today(page, site, path, when: datetime.datetime, stored: str | None = None):
    page.clock.install(time=when)
    if stored is not None:
        page.add_init_script(f"window.localStorage.setItem('today-day', {json.dumps(stored)})")
    page.goto((site / path).as_uri())
    page.wait_for_selector(".today-status")
    return page.inner_text(".today-status")


def test_today_marks_the_running_block_and_the_next_one(shipped_built):
    # 10:12 WIB = 03:12 UTC. The shipped programme has no dates: Day 1 is shown, with a picker.
    with chromium_page(viewport={"width": 390, "height": 844}) as page:
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        status = _today(
            page, shipped_built, "en/hari-ini.html", datetime.datetime(2027, 3, 3, 3, 12, tzinfo=UTC)
        )
        assert "10:12 WIB" in status and "pick the day" in status
        now = page.locator("#today-day-1 tr.today-now")
        assert now.count() == 1 and now.get_attribute("aria-current") == "time"
        assert "10:00–10:30" in now.inner_text()
        assert "Next 10:30–10:45" in status
        nxt = page.locator("#today-day-1 tr.today-next")
        assert nxt.count() == 1 and "10:30–10:45" in nxt.inner_text()
        assert not page.is_visible("#today-day-2")
        link = now.locator("a").get_attribute("href")
        assert link.startswith("hari/1-catatan.html#blok-")
        anchor = link.split("#")[1]
        notes = (shipped_built / "en" / "hari" / "1-catatan.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in notes
        # The facilitator picks Day 2: the marker moves there (same clock).
        page.click(".today-picker button[data-day='2']")
        assert page.is_visible("#today-day-2") and not page.is_visible("#today-day-1")
        assert page.locator("#today-day-2 tr.today-now").count() == 1
        assert errors == []


def test_today_before_the_start_and_after_the_end(shipped_built):
    with chromium_page() as page:
        status = _today(
            page, shipped_built, "hari-ini.html", datetime.datetime(2027, 3, 3, 0, 30, tzinfo=UTC)
        )
        assert "07:30 WIB" in status and "Belum mulai" in status and "08:00" in status
        assert page.locator("tr.today-now").count() == 0
        assert page.locator("#today-day-1 tr.today-next").count() == 1
    with chromium_page() as page:
        status = _today(
            page, shipped_built, "hari-ini.html", datetime.datetime(2027, 3, 3, 12, 0, tzinfo=UTC)
        )
        assert "19:00 WIB" in status and "sudah selesai" in status
        assert page.locator("tr.today-now, tr.today-next").count() == 0


def test_today_on_a_dated_programme_says_not_today(shipped_built, tmp_path):
    # The same page with dates in its data, as an edition with dates would have it.
    html = (shipped_built / "en" / "hari-ini.html").read_text(encoding="utf-8")
    raw = re.search(r'data-today="([^"]*)"', html).group(1)
    data = json.loads(unescape(raw))
    data["days"][0]["date"], data["days"][1]["date"] = "2027-03-03", "2027-03-04"
    dated = html.replace(raw, json.dumps(data).replace("&", "&amp;").replace('"', "&quot;"))
    page_path = shipped_built / "en" / "hari-ini-dated-test.html"
    page_path.write_text(dated, encoding="utf-8")
    try:
        with chromium_page() as page:  # on the second training day, 14:05 WIB (07:05 UTC)
            status = _today(
                page,
                shipped_built,
                "en/hari-ini-dated-test.html",
                datetime.datetime(2027, 3, 4, 7, 5, tzinfo=UTC),
            )
            assert (
                "14:05 WIB" in status
                and page.is_visible("#today-day-2")
                and not page.is_visible("#today-day-1")
            )
            assert page.locator("#today-day-2 tr.today-now").count() == 1
        with chromium_page() as page:  # a day with no training, Day 1 chosen before
            status = _today(
                page,
                shipped_built,
                "en/hari-ini-dated-test.html",
                datetime.datetime(2027, 3, 10, 3, 0, tzinfo=UTC),
                "1",
            )
            assert "Today is not this training day (it is on 2027-03-03)" in status
            assert page.locator("tr.today-now, tr.today-next").count() == 0
    finally:
        page_path.unlink()


def test_today_prints_nothing_extra(shipped_built):
    with chromium_page() as page:
        _today(page, shipped_built, "hari-ini.html", datetime.datetime(2027, 3, 3, 3, 12, tzinfo=UTC))
        page.emulate_media(media="print")
        assert not page.is_visible(".today-live")
        assert page.evaluate(
            "getComputedStyle(document.querySelector('tr.today-now td')).backgroundColor"
        ) in ("rgba(0, 0, 0, 0)", "transparent")


def test_today_is_linked_from_the_day_pages_and_the_navigation(shipped_built):
    for lang in ("", "en/"):
        day = (shipped_built / lang / "hari" / "1.html").read_text(encoding="utf-8")
        assert 'href="../hari-ini.html"' in day
        home = (shipped_built / lang / "index.html").read_text(encoding="utf-8")
        assert 'href="hari-ini.html"' in home  # in the navigation
        today = (shipped_built / lang / "hari-ini.html").read_text(encoding="utf-8")
        assert (
            "<script"
            not in today.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>")[0]
        )


# -- file:// ---------------------------------------------------------------------------------

SAMPLE = [
    "index.html",
    "hari-ini.html",
    "hari/1.html",
    "sesi/concepts.html",
    "kasus/index.html",
    "rujukan.html",
    "peserta/sesi-concepts.html",
    "hasil-survei.html",
    "en/index.html",
    "en/hari/2-catatan.html",
    "en/fasilitator/buku-panduan.html",
]
"""One page of each kind. Not 404.html: a web server shows it for a missing address, with links
from the site's root; from file:// nothing ever opens it (it is checked over HTTP)."""


def test_no_console_error_from_file_urls(shipped_built):
    errors = {}
    with chromium_page(viewport={"width": 390, "height": 844}) as page:
        current = []
        page.on("console", lambda m: current.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: current.append(str(e)))
        for path in SAMPLE:
            current.clear()
            page.goto((shipped_built / path).as_uri(), wait_until="load")
            page.wait_for_timeout(200)
            if current:
                errors[path] = list(current)
    assert errors == {}


# -- the right audience ------------------------------------------------------------------------

MAINTAINER_TEXT = re.compile(
    r"\bdata/[\w/-]+\.ya?ml\b|\bmake (?:site|serve|check|test)\b|\blocal/data\b|mkdocs\.yml"
)
MAINTAINER_PAGES = {"replication.html", "daftar-isian.html", "terjemahan.html"}
"""Pages written for the people who maintain an edition's site (the replication guide, the
edition checklist and the translation status); every other page is for facilitators or
participants."""


def _visible_text(html: str) -> str:
    body = html.split('<article class="md-content__inner md-typeset">', 1)[-1].split("</article>", 1)[0]
    return unescape(re.sub(r"<[^>]+>", " ", body))


def test_facilitator_and_participant_pages_show_no_maintainer_instructions(shipped_built):
    found = {}
    for path in pages(shipped_built):
        if path.removeprefix("en/") in MAINTAINER_PAGES:
            continue
        hits = MAINTAINER_TEXT.findall(_visible_text((shipped_built / path).read_text(encoding="utf-8")))
        if hits:
            found[path] = sorted(set(hits))
    assert found == {}


def test_the_maintainer_check_sees_maintainer_text():
    assert MAINTAINER_TEXT.search("salin ke data/results.yml lalu jalankan make site")
    assert not MAINTAINER_TEXT.search("kirimkan teks hasil kepada pengelola situs")
