"""Case studies: the review record (internal review per case, outside reviews pending until
recorded), family backdrops that blame no family type, and the case library listing every case."""

from __future__ import annotations

import re

import pytest
from kurikulum import model as m
from kurikulum.render import Renderer, make_environment
from kurikulum.site import SiteBuild, languages_from_config
from sitekit import ROOT

NEW_CASES = ("open-bo-app", "tourism-job-offer", "care-home-donor-calls")


@pytest.fixture(scope="module")
def cur():
    build = SiteBuild(ROOT, languages_from_config(ROOT / "mkdocs.yml"), strict=True)
    build.check()
    return build.curriculum


def test_every_shipped_case_records_what_its_review_checked(cur):
    for case in cur.cases.values():
        review = case.review
        assert review is not None and review.checked, case.slug
        assert review.notes is not None and {"id", "en"} <= set(review.notes.root), case.slug
        assert "dua peninjau" not in case.anonymity.reviewed_by, case.slug


@pytest.mark.parametrize(
    ("lang", "pending", "not_checked"),
    [("id", "menunggu", "belum diperiksa"), ("en", "pending", "not checked yet")],
)
def test_case_page_shows_outside_reviews_as_pending(cur, lang, pending, not_checked):
    renderer = Renderer(cur, lang, make_environment())
    page = renderer.case(cur.cases["game-chat-gifts"]).markdown
    assert page.count(f"**{pending}**") == 3  # one row per expected outside reviewer
    assert not_checked in page  # legal references: not yet checked against the law's text
    assert "ECPAT Indonesia" in page
    index = renderer.case_index().markdown
    assert index.count(f"| {pending} |") == len(cur.cases)


def test_a_recorded_outside_review_replaces_pending(cur):
    case = cur.cases["game-chat-gifts"]
    outside = m.OutsideReview.model_validate(
        dict(
            reviewer="lawyer",
            by="Lembaga bantuan hukum setempat",
            on="2027-01-15",
            scope={"id": "Membaca catatan hukum.", "en": "Read the legal notes."},
        )
    )
    reviewed = case.model_copy(update={"review": case.review.model_copy(update={"outside": [outside]})})
    page = Renderer(cur, "en", make_environment()).case(reviewed).markdown
    assert page.count("**pending**") == 2
    assert "Lembaga bantuan hukum setempat, 15 January 2027: Read the legal notes." in page.replace("\\", "")


def test_new_cases_are_in_the_case_library_under_their_forms(cur):
    index = Renderer(cur, "en", make_environment()).case_index().markdown
    for slug in NEW_CASES:
        assert slug in cur.cases
        assert index.count(f"]({slug}.md)") >= 2, slug  # the table and the section of each form
    for form in ("commercial-exploitation", "trafficking"):
        assert any(form in case.forms for case in cur.cases.values()), form


def test_working_or_absent_parents_are_rarely_the_backdrop(cur):
    backdrop = re.compile(
        r"bekerja di luar (?:negeri|daerah)|sibuk bekerja|bekerja sampai malam|pekerja migran|merantau", re.I
    )
    cases = [slug for slug, case in cur.cases.items() if backdrop.search(case.narrative.get("id"))]
    assert len(cases) <= 2, cases
