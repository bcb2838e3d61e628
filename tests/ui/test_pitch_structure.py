"""The Structure tab as a coach: each part's finding, its sentence shown in the editor,
why a part is missing and what to try, the ask's kind, and the person's ticks kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox, Static, TabbedContent, TextArea

from netcoach.core.pitch import AskFinding, PartFinding, Span, Structure, judge_structure
from netcoach.core.pitch import analysis as analysis_module
from netcoach.widgets.pitch_tabs import PartBox
from tests.conftest import screen_text, settle
from tests.ui.test_pitch import make_app, open_studio

INTRO = "I'm Rosa Quinn of Willow & Bloom."
HELP = "We help busy offices look their best with fresh flowers."
ASK = "Does anyone know a company that needs flowers?"
SCRIPT = f"{INTRO} {HELP} {ASK}"

EXAMPLE_REASON = "No story of one client shows what you do."
EXAMPLE_ADVICE = "Tell what you did for one client last month, and what changed."
ASK_ADVICE = "name one kind of business, or one person, you want to meet."


def judged(text: str, profile: object = None) -> Structure:
    """The check's own findings, with a known reason and advice for a missing example and,
    when the script asks everyone, a generic ask (whatever the check's wording is today)."""
    structure = judge_structure(text, profile)  # type: ignore[arg-type]
    parts = dict(structure.parts)
    parts["example"] = PartFinding("example", False, (), False, EXAMPLE_REASON, EXAMPLE_ADVICE)
    ask = structure.ask
    start = text.find(ASK)
    if start >= 0:
        span = Span(start, start + len(ASK))
        parts["ask"] = PartFinding("ask", True, (span,), True)
        ask = AskFinding("generic", span, ASK, ASK_ADVICE)
    return Structure(structure.sentences, parts, ask)


@pytest.fixture
def known_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analysis_module, "judge_structure", judged)


def detail(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#pitch-part-detail", Static).content)


async def test_moving_through_the_parts_shows_each_ones_sentence_in_the_editor(
    tmp_path: Path, known_findings: None
) -> None:
    app = make_app(tmp_path, SCRIPT)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        editor = app.screen.query_one("#pitch-editor", TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)
        own_place = editor.selection
        app.screen.query_one("#part-intro", PartBox).focus()
        await settle(pilot)
        assert editor.selected_text == INTRO
        assert f"“{INTRO}”" in detail(app)
        await pilot.press("down")
        await settle(pilot)
        assert app.screen.focused is app.screen.query_one("#part-who_help")
        analysis = app.screen.query_one("#pitch-main").analysis
        span = analysis.structure.parts["who_help"].evidence[0]
        assert editor.selected_text == SCRIPT[span.start : span.end]
        assert "Who you help and how" in detail(app)
        # The example is missing: nothing selected, and why and what to try are on screen.
        await pilot.press("down", "down", "down")
        await settle(pilot)
        assert app.screen.focused is app.screen.query_one("#part-example")
        assert editor.selected_text == ""
        assert str(app.screen.query_one("#part-example", Checkbox).label).startswith("missing")
        assert EXAMPLE_REASON in detail(app) and f"Try: {EXAMPLE_ADVICE}" in detail(app)
        assert EXAMPLE_REASON.split(" one ")[0] in screen_text(app)
        # Up goes back; at the first part it stays.
        await pilot.press("up", "up", "up", "up", "up", "up")
        await settle(pilot)
        assert app.screen.focused is app.screen.query_one("#part-intro")
        assert editor.selected_text == INTRO
        # Back in the editor, the person's own place is where they left it.
        editor.focus()
        await settle(pilot)
        assert editor.selection == own_place


async def test_a_generic_ask_says_so_with_its_sentence_and_how_to_narrow_it(
    tmp_path: Path, known_findings: None
) -> None:
    app = make_app(tmp_path, SCRIPT)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        ask = app.screen.query_one("#part-ask", PartBox)
        assert str(ask.label).startswith("generic")
        ask.focus()
        await settle(pilot)
        text = detail(app)
        assert "The ask — generic ask" in text
        assert f"Narrow it: {ASK_ADVICE}" in text and f"“{ASK}”" in text
        assert app.screen.query_one("#pitch-editor", TextArea).selected_text == ASK


async def test_ticking_with_the_keys_is_the_persons_choice_and_is_saved(
    tmp_path: Path, known_findings: None
) -> None:
    app = make_app(tmp_path, SCRIPT)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        example = app.screen.query_one("#part-example", PartBox)
        intro = app.screen.query_one("#part-intro", PartBox)
        assert not example.value and intro.value
        intro.focus()
        await pilot.press("space")  # the check found it; the person says it is not there
        await pilot.press("down", "down", "down", "down", "space")  # and that this is
        await settle(pilot)
        assert example.value and not intro.value
        assert str(example.coloured).endswith("(yours)") and str(intro.coloured).endswith("(yours)")
        assert "You ticked it" in detail(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
    current = app.store.pitches.get_pitch(1).current
    assert current.parts["example"] is True and current.parts["intro"] is False


async def test_letters_typed_in_the_editor_are_only_text(tmp_path: Path) -> None:
    app = make_app(tmp_path, SCRIPT)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        tabs = app.screen.query_one("#pitch-tabs", TabbedContent)
        form = app.screen.query_one("#pitch-main")
        boxes = {box.id: box.value for box in app.screen.query(PartBox)}
        editor = app.screen.query_one("#pitch-editor", TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)
        await pilot.press("space", *"tcplogr", "space", "up", "down", *"?+-n/")
        await settle(pilot)
        assert type(app.screen).__name__ == "PitchScreen"
        assert app.screen.focused is editor and tabs.active == "tab-structure"
        assert editor.text == f"{SCRIPT} tcplogr ?+-n/"
        assert form.confirmed_parts == {}
        assert {box.id: box.value for box in app.screen.query(PartBox)} == boxes


async def test_a_script_with_markup_in_it_is_shown_as_typed(tmp_path: Path) -> None:
    hostile = "I'm Rosa Quinn of [b]Willow[/b] & Bloom, [@click=app.quit]x[/] list[str]."
    app = make_app(tmp_path, hostile)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        app.screen.query_one("#part-intro", PartBox).focus()
        await settle(pilot)
        assert f"“{hostile}”" in detail(app)
        assert app.is_running


async def test_the_narrow_studio_keeps_every_part_and_the_one_in_view_on_screen(
    tmp_path: Path, known_findings: None
) -> None:
    app = make_app(tmp_path, SCRIPT)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_studio(pilot)
        labels = [str(box.label) for box in app.screen.query(PartBox)]
        assert labels[0].endswith("Who you are") and labels[4].endswith("An example")
        app.screen.query_one("#part-intro", PartBox).focus()
        await pilot.press("down", "down", "down", "down")
        await settle(pilot)
        shown = screen_text(app)
        for label in labels:
            assert label in shown
        assert "A short example — missing" in " ".join(shown.split())
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert [str(box.label) for box in app.screen.query(PartBox)] == labels
        assert "A short example — missing" in detail(app)


# ---- what is said, without a terminal ---------------------------------------------------------


def analysis_of(text: str, **parts: PartFinding):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from netcoach.core.pitch import analyse_script

    analysis = analyse_script(text, 60, 130)
    structure = analysis.structure
    return replace(analysis, structure=replace(structure, parts={**structure.parts, **parts}))


def test_a_weak_part_says_why_what_to_try_and_where_it_is() -> None:
    from netcoach.widgets.pitch_tabs import part_detail, part_label

    text = "I'm Rosa. We do flowers."
    weak = PartFinding("different", True, (Span(10, 24),), True, "Anyone could say it.", "Name it.")
    analysis = analysis_of(text, different=weak)
    said = str(part_detail("different", analysis, text, True, False))
    assert said.splitlines() == [
        "How you are different — there, but weak",
        "Anyone could say it.",
        "Try: Name it.",
        "“We do flowers.”",
    ]
    assert str(part_label("How you differ", "weak", True)) == "weak     How you differ (yours)"


def test_a_missing_part_with_nothing_more_to_say_asks_the_guides_question() -> None:
    from dataclasses import replace

    from netcoach.core.pitch import PARTS_BY_KEY, PartFinding
    from netcoach.widgets.pitch_tabs import part_detail

    analysis = analysis_of("Hello.")
    # A check with nothing to say of the close: no reason, no advice.
    parts = {**analysis.structure.parts, "close": PartFinding("close", False)}
    analysis = replace(analysis, structure=replace(analysis.structure, parts=parts))
    said = str(part_detail("close", analysis, "Hello.", False, True))
    assert f"Try answering: {PARTS_BY_KEY['close'].question}" in said
    assert "You left it unticked" in said
    assert str(part_detail("ask", analysis, "Hello.", False, False)).startswith("The ask — no ask")


def test_the_measures_line_names_the_longest_sentence_you_against_i_and_repeats() -> None:
    from dataclasses import replace

    from netcoach.core.pitch import PeerMeasures
    from netcoach.widgets.pitch_form import measures_line

    analysis = analysis_of("I print. You sell.")
    measures = PeerMeasures(0, 2, 1, 3, (("paper", 4), ("print", 3), ("shop", 3), ("ink", 3)))
    assert measures_line(replace(analysis, measures=measures)) == (
        "Longest sentence 2 words · you 1 vs I 3 · said often: paper x4, print x3, shop x3"
    )
    assert measures_line(analysis_of("")) == ""


async def test_the_timing_notes_show_under_the_measures_only_when_there_are_some(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, SCRIPT)  # about 12 s of a 60 s limit
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        form = app.screen.query_one("#pitch-main")
        notes = app.screen.query_one("#pitch-notes", Static)
        assert form.analysis.notes and notes.display
        assert str(notes.content) == str(notes.tooltip) == "\n".join(form.analysis.notes)
        assert str(app.screen.query_one("#pitch-measures", Static).content).startswith(
            "Longest sentence"
        )
        editor = app.screen.query_one("#pitch-editor", TextArea)
        editor.move_cursor(editor.document.end)
        editor.insert(" We deliver every Monday." * 20)  # about 50 s: nothing to say
        await settle(pilot)
        assert form.analysis.notes == () and not notes.display


async def test_arrow_keys_arriving_together_each_move_one_part(tmp_path: Path) -> None:
    """A held arrow key: the presses reach the studio in one burst, before any refresh."""
    from textual import events

    app = make_app(tmp_path, SCRIPT)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        app.screen.query_one("#part-intro", PartBox).focus()
        await settle(pilot)
        for _ in range(4):
            app.post_message(events.Key("down", None))
        await settle(pilot)
        assert app.screen.focused is app.screen.query_one("#part-example")


async def test_ctrl_g_on_a_part_reworks_that_part_in_the_guide(
    tmp_path: Path, known_findings: None
) -> None:
    app = make_app(tmp_path, SCRIPT)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        app.screen.query_one("#part-example", PartBox).focus()
        await settle(pilot)
        assert "^g Rework part" in screen_text(app)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert type(app.screen).__name__ == "PitchGuideScreen"
        progress = str(app.screen.query_one("#guide-progress", Static).content)
        assert progress == "Reworking one part: A short example"
