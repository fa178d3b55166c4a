"""The engine: import rule, text escaping, editions, schedule, case assignment, print plan."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from kurikulum import model as m
from kurikulum.fields import Markdown, Text
from kurikulum.i18n import Localizer, escape_plain
from kurikulum.render import assign_cases, copies_for, group_sizes
from kurikulum.schedule import block_times, overlap, schedule_day
from kurikulum.textutil import css_string
from kurikulum.walk import participant_copy
from pydantic import ValidationError

ENGINE = Path(__file__).resolve().parents[1] / "hooks" / "kurikulum"


def test_engine_never_imports_mkdocs_in_source():
    for path in ENGINE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n == "mkdocs" or n.startswith("mkdocs.") for n in names), path


def test_engine_never_imports_mkdocs_at_run_time():
    code = (
        "import sys, kurikulum.cli, kurikulum.pipeline, kurikulum.site, kurikulum.render; "
        "sys.exit(1 if any(k == 'mkdocs' or k.startswith('mkdocs.') for k in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_plain_text_is_inert_in_html_and_markdown():
    out = str(escape_plain("<script>alert(1)</script> [x](javascript:y) **b** | a\nb"))
    assert "<" not in out and ">" not in out
    assert "\\[x\\]\\(javascript:y\\)" in out and "\\*\\*b\\*\\*" in out and "\\|" in out
    assert "\n" not in out


def test_character_references_stay_text_even_in_page_titles():
    # MkDocs themes print titles through `striptags`, which decodes references once.
    out = str(escape_plain("Trust & Safety &lt;/title&gt;&#60;script&#x3e;"))
    assert "Trust & Safety" in out
    assert "&lt;" not in out.replace("&amp;lt;", "") and "&#60;" not in out.replace("&amp;#60;", "")


def test_css_string_cannot_escape_its_quotes():
    out = css_string('a"b</style><script>\\')
    assert out.startswith('"') and out.endswith('"')
    assert '"' not in out[1:-1].replace("\\22 ", "") and "<" not in out and ">" not in out


def _ui() -> m.Ui:
    return m.Ui(labels={}, methods={})


def test_fallback_to_source_language_is_counted():
    loc = Localizer("en", "id", _ui())
    assert str(loc.t(Text({"id": "Judul", "en": "Title"}))) == "Title"
    assert loc.take_fallbacks() == 0
    assert str(loc.t(Markdown({"id": "Hanya *ID*"}))) == "Hanya *ID*"
    assert loc.take_fallbacks() == 1


def _module(**extra) -> m.Module:
    data = dict(
        slug="s",
        title={"id": "T"},
        summary={"id": "S"},
        duration=30,
        lead={"id": "L"},
        objectives=[{"id": "o"}],
        key_messages=[{"id": "k"}],
        facilitator_notes={"id": "SECRET"},
        safeguarding={"id": "SAFE"},
        preparation=[{"id": "PREP"}],
        agenda=[
            {"title": {"id": "a"}, "method": "talk", "minutes": 10, "instructions": {"id": "I1"}},
            {"title": {"id": "b"}, "method": "talk", "minutes": 20, "instructions": {"id": "I2"}},
        ],
    )
    data.update(extra)
    return m.Module.model_validate(data)


def test_participant_copy_drops_every_facilitator_field():
    copy = participant_copy(_module())
    assert copy.facilitator_notes is None and copy.safeguarding is None and copy.preparation == []
    assert all(block.instructions is None for block in copy.agenda)
    assert "SECRET" not in repr(copy) and "I1" not in repr(copy) and "PREP" not in repr(copy)
    item = m.Item.model_validate(
        dict(
            key="q1",
            question={"id": "q"},
            options=[{"id": "a"}, {"id": "b"}],
            answer="b",
            explanation={"id": "WHY"},
        )
    )
    assert participant_copy(item).answer is None and participant_copy(item).explanation is None


def test_schedule_gives_clock_times_with_breaks():
    day = m.Day.model_validate(
        dict(
            title={"id": "H"},
            start="07:45",
            end="09:00",
            items=[{"session": "s"}, {"break": {"id": "Rehat"}, "minutes": 15}, {"session": "s2"}],
        )
    )
    mods = {"s": _module(), "s2": _module(slug="s2")}
    rows = schedule_day(day, mods)
    assert [(r.start, r.end) for r in rows] == [("07:45", "08:15"), ("08:15", "08:30"), ("08:30", "09:00")]
    assert [r.number for r in rows] == [1, None, 2]
    assert [(b.start, b.end) for b in block_times(rows[2])] == [("08:30", "08:40"), ("08:40", "09:00")]


def test_cases_are_assigned_round_robin_and_shared_when_few():
    assert assign_cases(["a", "b", "c", "d", "e"], 2) == {1: ["a", "c", "e"], 2: ["b", "d"]}
    assert assign_cases(["a", "b"], 3) == {1: ["a"], 2: ["b"], 3: ["a"]}


def test_a_variant_runs_only_the_chosen_agenda_blocks():
    day = m.Day.model_validate(
        dict(title={"id": "H"}, start="08:00", end="09:00", items=[{"session": "s", "blocks": [2]}])
    )
    rows = schedule_day(day, {"s": _module()})
    assert (rows[0].start, rows[0].end, rows[0].minutes) == ("08:00", "08:20", 20)
    assert [(b.start, b.end, b.block.title.get("id")) for b in block_times(rows[0])] == [
        ("08:00", "08:20", "b")
    ]


def test_blocks_are_listed_once_in_order_and_only_for_sessions():
    for bad in (
        {"session": "s", "blocks": [2, 1]},
        {"session": "s", "blocks": []},
        {"session": "s", "blocks": [1, 1]},
    ):
        with pytest.raises(ValidationError):
            m.Slot.model_validate(bad)
    with pytest.raises(ValidationError):
        m.Slot.model_validate({"break": {"id": "Rehat"}, "minutes": 15, "blocks": [1]})


def test_groups_are_split_evenly_and_copies_follow_the_data():
    assert group_sizes(40, 6) == {1: 7, 2: 7, 3: 7, 4: 7, 5: 6, 6: 6}
    assert sum(group_sizes(37, 5).values()) == 37
    prog = m.Programme.model_validate(
        dict(
            title={"id": "T"},
            organiser={"id": "O"},
            venue={"id": "V"},
            audience={"id": "A"},
            timezone="WIB",
            participants=41,
            groups=6,
            facilitators=3,
            spare_copies=2,
            days=[dict(title={"id": "H"}, start="08:00", end="09:00", items=[{"session": "s"}])],
        )
    )
    assert [copies_for(per, prog) for per in ("participant", "pair", "group", "room", "facilitator")] == [
        43,
        23,
        8,
        3,
        3,
    ]
    assert (prog.friday_prayer.start, prog.friday_prayer.end) == ("11:30", "13:00")


def test_overlap_of_a_session_with_the_friday_prayer_time():
    assert overlap(11 * 60, 11 * 60 + 45, 11 * 60 + 30, 13 * 60) == 15
    assert overlap(10 * 60, 11 * 60 + 30, 11 * 60 + 30, 13 * 60) == 0


def test_a_case_marks_extra_questions_optional_and_a_part_has_one_kind():
    with pytest.raises(ValidationError):
        m.Part.model_validate({"cards": [{"title": {"id": "a"}}], "term_cards": ["grooming"]})
    part = m.Part.model_validate({"flow": [{"title": {"id": "Dengarkan"}, "contacts": ["sapa-129"]}]})
    assert part.flow[0].contacts == ["sapa-129"]
    sheet = m.Worksheet.model_validate(
        dict(slug="w", kind="material", per="room", title={"id": "P"}, intro={"id": "I"}, parts=[part])
    )
    assert (
        sheet.kind == "material" and participant_copy(sheet).parts[0].flow[0].title.get("id") == "Dengarkan"
    )
