"""The pitch check's report: the JSON shape exactly, and the plain text for people."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from netcoach.core.pitch.report import check_pitch, pitch_report, report_text

PART_KEYS = ("intro", "who_help", "good_at", "different", "example", "ask", "close")

SCRIPT = (
    "Hi, um, I'm Sam Rivers and I basically run Rivers Print. We help cafés and restaurants "
    "with their menus. What makes us different is we deliver in 24 hours. Last month a café "
    "on King Street needed 500 menus overnight and we did it. If you know a café owner who "
    "is opening soon, I'd love an introduction."
)


def assert_report_shape(report: Any) -> None:
    """``report`` has exactly the documented keys, each of the documented type."""
    assert isinstance(report, dict)
    assert set(report) == {"words", "seconds", "limit", "parts", "ask", "fillers", "notes"}
    assert type(report["words"]) is int
    assert type(report["seconds"]) is float
    assert type(report["limit"]) is int
    assert list(report["parts"]) == list(PART_KEYS)
    for part in report["parts"].values():
        assert set(part) == {"present", "evidence", "advice"}
        assert type(part["present"]) is bool
        assert isinstance(part["evidence"], list)
        assert all(isinstance(piece, str) for piece in part["evidence"])
        assert part["advice"] is None or isinstance(part["advice"], str)
    assert set(report["ask"]) == {"kind", "text"}
    assert report["ask"]["kind"] in ("specific", "generic", "none")
    assert report["ask"]["text"] is None or isinstance(report["ask"]["text"], str)
    assert report["parts"]["ask"]["present"] == (report["ask"]["kind"] == "specific")
    assert isinstance(report["fillers"], list)
    for filler in report["fillers"]:
        assert set(filler) == {"phrase", "count"}
        assert isinstance(filler["phrase"], str)
        assert type(filler["count"]) is int and filler["count"] >= 1
    assert isinstance(report["notes"], list)
    assert all(isinstance(note, str) for note in report["notes"])


def test_the_report_has_the_documented_shape_and_survives_json() -> None:
    report = pitch_report(SCRIPT, 60, 130)
    assert_report_shape(report)
    assert json.loads(json.dumps(report)) == report


def test_the_report_counts_times_and_quotes_the_evidence() -> None:
    report = pitch_report(SCRIPT, 45, 130)
    assert report["words"] == 58
    assert report["seconds"] == 26.8
    assert report["limit"] == 45
    for key, part in report["parts"].items():
        assert all(piece in SCRIPT for piece in part["evidence"]), key
        if part["present"]:
            assert part["evidence"], key
    assert report["fillers"] == [{"phrase": "basically", "count": 1}, {"phrase": "um", "count": 1}]


def test_the_notes_are_the_timing_then_the_measures() -> None:
    report = pitch_report(SCRIPT, 60, 130)
    assert report["notes"][0].startswith("33 seconds of the 60 are unused")
    assert any(note.startswith("Longest sentence: number") for note in report["notes"])
    assert any(note.startswith('"You" and "your"') for note in report["notes"])


def test_an_empty_script_has_the_same_shape() -> None:
    report = pitch_report("", 60, 130)
    assert_report_shape(report)
    assert report["words"] == 0 and report["seconds"] == 0.0
    assert not any(part["present"] for part in report["parts"].values())
    assert report["ask"] == {"kind": "none", "text": None}
    assert report["fillers"] == []
    assert report["notes"] == [report["notes"][0]]  # the unused minute, no measures


def test_the_text_report_ticks_quotes_and_notes() -> None:
    text = report_text(SCRIPT, 60, 130)
    lines = text.splitlines()
    assert lines[0] == "58 words, about 0:27 at 130 words a minute; limit 1:00"
    assert "  \u2713 Who you are and your business" in lines
    assert '      "Hi, um, I\'m Sam Rivers and I basically run Rivers Print."' in lines
    assert "Ask: specific" in lines
    assert "Fillers: 2 fillers and hedges: basically, um" in lines
    assert "Measures" in lines and "Notes" in lines
    assert text.endswith("\n")


def test_the_text_report_can_use_plain_marks_and_hides_control_characters() -> None:
    check = check_pitch("I'm Jo\x1b[31m. Um, call me.", 60)
    text = check.as_text(tick="+", cross="-")
    assert "\x1b" not in text
    assert "\u241b" in text  # the escape shown as a picture of itself
    assert "\u2713" not in text and "\u2717" not in text
    assert "  - A memorable close" in text.splitlines()


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=300), st.integers(min_value=15, max_value=180))
def test_any_text_gives_a_report_of_the_documented_shape(text: str, limit: int) -> None:
    check = check_pitch(text, limit)
    assert_report_shape(check.as_json())
    assert check.as_text().endswith("\n")


def test_the_text_report_says_why_a_part_is_missing_when_the_check_says() -> None:
    from dataclasses import replace

    check = check_pitch(SCRIPT, 60)
    structure = check.analysis.structure
    parts = dict(structure.parts)
    parts["close"] = replace(parts["close"], reason="Nothing to remember you by.")
    analysis = replace(check.analysis, structure=replace(structure, parts=parts))
    text = type(check)(SCRIPT, analysis).as_text()
    assert "      Nothing to remember you by." in text.splitlines()


def test_the_documented_example_has_the_documented_shape() -> None:
    import re
    from pathlib import Path

    page = Path(__file__).resolve().parents[2] / "docs" / "pitch-check.md"
    example = re.search(r"```json\n(.*?)```", page.read_text(encoding="utf-8"), re.S)
    assert example is not None
    assert_report_shape(json.loads(example.group(1)))


def test_the_documented_example_is_what_the_check_says_of_its_script() -> None:
    """docs/pitch-check.md quotes a script and its reports: they must be today's."""
    import re
    from pathlib import Path

    page = (Path(__file__).resolve().parents[2] / "docs" / "pitch-check.md").read_text("utf-8")
    quoted = re.search(r"\n((?:> .*\n)+)", page)
    assert quoted is not None
    script = " ".join(line[2:] for line in quoted.group(1).splitlines())
    example = re.search(r"```json\n(.*?)```", page, re.S)
    assert example is not None
    assert json.loads(example.group(1)) == pitch_report(script, 60, 130)
    shown = re.search(r"```\n(\d+ words.*?)```", page, re.S)
    assert shown is not None
    assert shown.group(1).rstrip("\n") == report_text(script, 60, 130).rstrip("\n")
