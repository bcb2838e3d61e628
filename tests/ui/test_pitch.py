"""The Pitch studio, guide and rehearsal as a person uses them, checked on screen and on disk."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import (
    Checkbox,
    DataTable,
    Digits,
    Input,
    Sparkline,
    Static,
    TabbedContent,
    TextArea,
)

from netcoach.app import create_app
from netcoach.core.models import ContactDraft
from tests.conftest import FIXED_NOW, fixed_clock, screen_text, settle


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


def make_app(tmp_path: Path, script: str | None = "I'm Rosa from Willow & Bloom.", **pitch):
    app = create_app(tmp_path / "netcoach.db", clock=fixed_clock)
    app.rehearsal_clock = FakeMonotonic()
    if script is not None:
        created = app.store.pitches.create_pitch(pitch.pop("name", "Breakfast"), 60, script)
        if pitch:
            app.store.pitches.save_pitch(created.id, script=script, **pitch)
    return app


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


async def open_studio(pilot) -> None:
    await settle(pilot)
    await pilot.press("p")
    await settle(pilot)


async def test_editing_updates_counts_and_saves_a_version(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        assert type(app.screen).__name__ == "PitchScreen"
        assert text_of(app, "#pitch-stats").startswith("5 words")
        editor = app.screen.query_one("#pitch-editor", TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)
        await pilot.press("space", *"um", "space", *"just", "space", *"basically")
        await pilot.pause()
        assert text_of(app, "#pitch-stats").startswith("8 words")
        assert "3 filler/hedging words" in text_of(app, "#pitch-filler-count")
        app.screen.query_one("#pitch-tabs").active = "tab-fillers"
        await pilot.pause()
        preview = app.screen.query_one("#pitch-filler-preview", Static).content
        assert any("reverse" in str(span.style) for span in preview.spans)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape", "t")  # leave the editor, then the global keys work
        await settle(pilot)
        assert type(app.screen).__name__ == "TodayScreen"
    detail = app.store.pitches.get_pitch(app.store.pitches.next_pitch_id())
    assert [v.number for v in detail.versions] == [2, 1]
    assert detail.current.script.endswith("um just basically")
    assert detail.versions[1].script == "I'm Rosa from Willow & Bloom."


async def test_structure_is_suggested_and_the_user_corrects_it(tmp_path: Path) -> None:
    app = make_app(tmp_path, "I'm looking for an introduction to a baker.")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        ask = app.screen.query_one("#part-ask", Checkbox)
        example = app.screen.query_one("#part-example", Checkbox)
        # Ticked by the check, not yet by the person.
        assert ask.value and "(yours)" not in str(ask.label)
        assert not example.value
        ask.value = False
        example.value = True
        await pilot.pause()
        assert not ask.value and "(yours)" in str(ask.label)
        await pilot.press("ctrl+s")
        await settle(pilot)
    current = app.store.pitches.get_pitch(1).current
    assert current.parts["ask"] is False and current.parts["example"] is True


async def test_rehearsal_through_every_signal_then_saved_in_history(tmp_path: Path) -> None:
    app = make_app(tmp_path, "word " * 130)
    clock = app.rehearsal_clock
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "RehearsalScreen"
        await pilot.press("space")
        assert screen.timer.running and screen.ticker is not None
        seen = []
        for elapsed, label, state in (
            (10, "SPEAKING", "-speaking"),
            (30, "HALF TIME", "-half"),
            (45, "WRAP UP", "-wrap-up"),
            (60, "TIME", "-time"),
            (67, "OVER +0:07", "-over"),
        ):
            clock.now = 5000.0 + elapsed
            screen.redraw()
            await pilot.pause()
            signal = screen.query_one("#rehearsal-signal", Static)
            assert str(signal.content) == label
            assert signal.has_class(state)
            assert screen.query_one("#rehearsal-time", Digits).value == (
                f"{elapsed // 60}:{elapsed % 60:02d}"
            )
            seen.append(label)
            if elapsed == 30:  # the teleprompter has moved on 65 words at 130 wpm
                script = screen.query_one("#rehearsal-script", Static).content
                assert [(span.start, span.style) for span in script.spans] == [(0, "dim")]
                assert script.spans[0].end == len("word " * 65) - 1
        assert seen[-1] == "OVER +0:07"
        await pilot.press("enter")
        await settle(pilot)
        modal = app.screen
        assert type(modal).__name__ == "RehearsalSaveModal"
        await pilot.press("4")
        modal.query_one("#rehearsal-note", Input).value = "Ask came [/b] too late"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "RehearsalScreen"
        assert app.screen.timer.elapsed() == 0  # reset, ready for another go
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "PitchScreen"
        app.screen.query_one("#pitch-tabs").active = "tab-history"  # built when first shown
        await settle(pilot)
        table = app.screen.query_one("#pitch-rehearsals", DataTable)
        assert table.row_count == 1
        assert str(table.get_row_at(0)[2]) == "1:07"
        assert "+0:07 over" in str(table.get_row_at(0)[3])
        assert app.screen.query_one("#pitch-sparkline", Sparkline).data == [67.0]
        assert "1 rehearsal" in text_of(app, "#pitch-history-stats")
    rehearsal = app.store.pitches.rehearsals(1)[0]
    assert rehearsal.duration_seconds == 67.0
    assert rehearsal.rating == 4
    assert rehearsal.note == "Ask came [/b] too late"
    assert rehearsal.version_number == 1
    assert rehearsal.version_id == app.store.pitches.get_pitch(1).current.id


async def test_pause_and_reset_use_the_clock(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    clock = app.rehearsal_clock
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")  # from Today
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "RehearsalScreen"
        await pilot.press("space")
        clock.now += 12.5
        await pilot.press("space")  # pause
        clock.now += 100
        screen.redraw()
        assert screen.shown_elapsed == 12.5
        assert "PAUSED" in str(screen.query_one("#rehearsal-signal", Static).content)
        await pilot.press("r")
        assert screen.timer.elapsed() == 0
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "TodayScreen"
    assert app.store.pitches.rehearsals(1) == []


async def test_empty_script_cannot_be_rehearsed(tmp_path: Path) -> None:
    app = make_app(tmp_path, "")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        from netcoach.screens.rehearsal import open_rehearsal

        open_rehearsal(app, app.store)
        await settle(pilot)
        screen = app.screen
        reason = screen.query_one("#rehearsal-reason", Static)
        assert reason.display and "no script yet" in str(reason.content)
        await pilot.press("space")
        assert not screen.timer.running
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert type(app.screen).__name__ == "PitchScreen"


async def test_limit_outside_the_range_is_refused_beside_the_field(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        limit = app.screen.query_one("#pitch-limit", Input)
        limit.value = "200"
        await pilot.pause()
        error = app.screen.query_one("#pitch-error-limit", Static)
        assert error.has_class("-shown") and "15 to 180" in str(error.content)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.store.pitches.get_pitch(1).pitch.limit_seconds == 60
        limit.value = "30"
        await pilot.pause()
        assert not error.has_class("-shown")
        assert "limit 0:30" in text_of(app, "#pitch-stats")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert app.store.pitches.get_pitch(1).pitch.limit_seconds == 30


async def test_editing_on_the_event_day_asks_first_and_keeps_the_old_version(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, "Old pitch.", next_event_on=FIXED_NOW.date())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        assert app.screen.query_one("#pitch-banner").display
        editor = app.screen.query_one("#pitch-editor", TextArea)
        editor.load_text("Brand new pitch.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "PitchConfirmModal"
        assert "today's event" in str(app.screen.query_one("#confirm-reason", Static).content)
        await pilot.press("escape")
        await settle(pilot)
        assert app.store.pitches.get_pitch(1).current.script == "Old pitch."
        assert type(app.screen).__name__ == "PitchScreen"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#confirm-yes")
        await settle(pilot)
    versions = app.store.pitches.get_pitch(1).versions
    assert [v.script for v in versions] == ["Brand new pitch.", "Old pitch."]


async def test_no_question_on_another_day(tmp_path: Path) -> None:
    app = make_app(tmp_path, "Old pitch.", next_event_on=(FIXED_NOW + timedelta(days=1)).date())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        assert not app.screen.query_one("#pitch-banner").display
        app.screen.query_one("#pitch-editor", TextArea).load_text("New pitch.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "PitchScreen"
    assert app.store.pitches.get_pitch(1).current.script == "New pitch."


async def test_compare_two_versions_side_by_side(tmp_path: Path) -> None:
    app = make_app(tmp_path, "I help small firms.")
    app.store.pitches.save_pitch(1, script="I help busy small firms.")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        assert not app.screen.query("#pitch-versions")  # built when first shown
        await pilot.press("ctrl+b")  # the last two versions, before the tab is shown
        await settle(pilot)
        assert type(app.screen).__name__ == "VersionDiffScreen"
        await pilot.press("escape")
        app.screen.query_one("#pitch-tabs").active = "tab-versions"
        await settle(pilot)
        assert app.screen.query_one("#pitch-versions", DataTable).row_count == 2
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert type(app.screen).__name__ == "VersionDiffScreen"
        right = app.screen.query_one("#pitch-diff-right", Static).content
        added = [right.plain[s.start : s.end].strip() for s in right.spans if "$success" in s.style]
        assert added == ["busy"]
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "PitchScreen"


async def test_guide_builds_a_first_pitch_and_keeps_the_profile(tmp_path: Path) -> None:
    app = make_app(tmp_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)  # with no pitch yet, the guide opens by itself
        assert type(app.screen).__name__ == "PitchGuideScreen"
        assert "about you" in text_of(app, "#guide-progress")
        await pilot.press("ctrl+n")
        assert "Step 1 of 7" in text_of(app, "#guide-progress")
        assert "Strong:" in text_of(app, "#guide-strong")
        await pilot.press(*"I'm Rosa")
        assert "2 words" in text_of(app, "#guide-stats")
        await pilot.press("ctrl+n")
        assert "Step 2 of 7" in text_of(app, "#guide-progress")
        await pilot.press(*"I help offices")
        assert text_of(app, "#guide-preview") == "I'm Rosa I help offices"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "PitchScreen"
        await settle(pilot)
        assert app.screen.query_one("#pitch-editor", TextArea).text == "I'm Rosa I help offices"
    pitches = app.store.pitches
    assert pitches.get_pitch(pitches.next_pitch_id()).current.script == "I'm Rosa I help offices"
    assert pitches.profile() == {"intro": "I'm Rosa", "who_help": "I help offices"}


async def test_the_guide_opens_by_itself_only_once(tmp_path: Path) -> None:
    app = make_app(tmp_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        assert type(app.screen).__name__ == "PitchGuideScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "PitchScreen"
        assert "No pitch yet" in text_of(app, "#pitch-empty")
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert type(app.screen).__name__ == "PitchScreen"
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert type(app.screen).__name__ == "PitchGuideScreen"


async def test_guide_reworks_one_part_only(tmp_path: Path) -> None:
    app = make_app(tmp_path, "I'm Rosa. Hand-written middle. Who knows a baker?")
    app.store.pitches.save_profile({"intro": "I'm Rosa.", "ask": "Who knows a baker?"})
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        app.screen.action_guide("ask")
        await settle(pilot)
        assert "Reworking one part" in text_of(app, "#guide-progress")
        app.screen.query_one("#guide-answer", TextArea).load_text("I'd love to meet a baker.")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        await settle(pilot)
    assert app.store.pitches.get_pitch(1).current.script == (
        "I'm Rosa. Hand-written middle. I'd love to meet a baker."
    )


async def test_today_card_shows_the_pitch_to_use(tmp_path: Path) -> None:
    app = make_app(tmp_path, "word " * 140, name="[@click=app.quit]x[/] breakfast")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        card = str(app.screen.query_one("#today-pitch-text", Static).content)
        assert "[@click=app.quit]x[/] breakfast" in card
        assert "140 words" in card and "1:05 of 1:00" in card and "TOO LONG" in card


async def test_today_card_without_a_pitch(tmp_path: Path) -> None:
    app = make_app(tmp_path, None)
    app.store.add_contact(ContactDraft(name="Ann Acre"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#today-pitch").display
        assert "No pitch yet" in str(app.screen.query_one("#today-pitch-text", Static).content)


async def test_today_card_with_a_pitch_but_no_contacts_yet(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#today-first-steps").display
        assert app.screen.query_one("#today-pitch").display
        assert "Breakfast" in str(app.screen.query_one("#today-pitch-text", Static).content)


async def test_a_megabyte_script_is_debounced_and_refused_whole(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    big = ("Paste [/b] of a very long draft, maybe. " * 30_000)[:1_000_000]
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        screen = app.screen
        editor = screen.query_one("#pitch-editor", TextArea)
        editor.load_text(big)
        await pilot.pause()
        assert text_of(app, "#pitch-stats") == "Counting…"
        form = screen.query_one("#pitch-main")
        assert form.count_timer is not None
        form.update_counts()  # what the debounce timer runs; long scripts count in a thread
        await settle(pilot)
        assert "TOO LONG" in text_of(app, "#pitch-stats")
        assert not editor.soft_wrap  # one megabyte-long line is not wrapped
        assert "filler" in text_of(app, "#pitch-filler-count")
        await pilot.press("ctrl+s")
        await settle(pilot)
        # Over the 64 KB a script may hold: refused with the reason, the saved one untouched.
        assert any("at most 65,536" in n.message for n in app._notifications)
    detail = app.store.pitches.get_pitch(1)
    assert [v.number for v in detail.versions] == [1]
    assert detail.current.script == "I'm Rosa from Willow & Bloom."


async def test_markup_in_names_and_scripts_is_shown_as_typed(tmp_path: Path) -> None:
    hostile = "[@click=app.quit]x[/] [/b] list[str]"
    app = make_app(tmp_path, hostile, name="[/b] breakfast")
    app.store.pitches.save_pitch(1, script=hostile + " um")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        assert app.screen.query_one("#pitch-editor", TextArea).text == hostile + " um"
        assert app.screen.query_one("#pitch-name", Input).value == "[/b] breakfast"
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert "[/b]" in app.screen.query_one("#pitch-diff-right", Static).content.plain
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "[/b] breakfast" in str(app.screen.query_one("#rehearsal-title", Static).content)
        assert "list[str]" in str(app.screen.query_one("#rehearsal-script", Static).content)
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running


async def test_leaving_a_timed_rehearsal_offers_to_save_or_discard(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    clock = app.rehearsal_clock
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("space")
        clock.now += 20
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "RehearsalSaveModal"
        await pilot.press("escape")  # discard
        await settle(pilot)
        assert type(app.screen).__name__ == "TodayScreen"
    assert app.store.pitches.rehearsals(1) == []


async def test_guide_keeps_an_answer_typed_just_before_moving_on(tmp_path: Path) -> None:
    app = make_app(tmp_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        guide = app.screen
        await pilot.press("ctrl+n")  # past the profile, asked first while it is blank
        await pilot.press(*"Jo", "ctrl+n", *"Landlords", "ctrl+n", "ctrl+b", "ctrl+b")
        assert guide.answers["intro"] == "Jo"
        assert guide.answers["who_help"] == "Landlords"
        assert guide.query_one("#guide-answer", TextArea).text == "Jo"
        await pilot.press("ctrl+n", *" help", "ctrl+s")
        await settle(pilot)
    assert app.store.pitches.about_me().who_i_help == "Landlords help"


async def test_a_long_pitch_name_stops_at_the_limit_and_is_kept_whole(tmp_path: Path) -> None:
    from netcoach.core.validation import NAME_MAX
    from netcoach.data.errors import PitchError

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        name = app.screen.query_one("#pitch-name", Input)
        name.focus()
        name.value = ""
        name.insert_text_at_cursor("N" * 5_000)
        await settle(pilot)
        assert name.value == "N" * NAME_MAX
        assert "Names are at most 200 characters." in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert [p.name for p in app.store.pitches.list_pitches()] == ["N" * NAME_MAX]
    # Longer from elsewhere is refused with the same words, never cut without a word.
    try:
        app.store.pitches.create_pitch("M" * (NAME_MAX + 1), 60, "Hello.")
    except PitchError as error:
        assert "at most 200 characters" in str(error)
    else:
        raise AssertionError("a 201-character name was taken")


async def test_a_visit_starts_in_the_pitch_list_and_a_lost_focus_comes_back_to_it(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        pitch_list = app.screen.query_one("#pitch-list")
        assert app.screen.focused is pitch_list
        # As when laying the studio out hides the list for a frame: the focus goes to
        # nothing, and the studio gives it back to the list.
        app.screen.set_focus(None)
        await settle(pilot)
        assert app.screen.focused is pitch_list
        # Moving on from the list on purpose is left alone.
        await pilot.press("tab")
        await settle(pilot)
        assert app.screen.focused is not pitch_list and app.screen.focused is not None


async def test_a_first_visit_is_styled_without_restyling_and_a_return_restyles(
    tmp_path: Path,
) -> None:
    from textual import events

    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_studio(pilot)
        studio = app.screen
        # Built moments before, the studio's widgets have their styles from pitch.tcss,
        # the narrow layout's included, though its first resumes restyle nothing.
        assert studio.has_class("-narrow")
        assert studio.query_one("#pitch-body").styles.layout.name == "grid"
        assert not studio.left_once
        resumes: list[bool] = []
        handle = studio.on_event

        async def spy(event: events.Event) -> None:
            await handle(event)
            if isinstance(event, events.ScreenResume):
                resumes.append(event.refresh_styles)

        studio.on_event = spy  # type: ignore[method-assign]
        await pilot.press("escape", "t")
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert app.screen is studio and studio.left_once
        assert resumes and all(resumes)  # once left, a resume restyles as Textual's does


async def test_without_a_pitch_the_form_and_tabs_are_hidden_until_one_is_made(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        await pilot.press("escape")  # the guide offered on the first visit
        await settle(pilot)
        studio = app.screen
        form, tabs = studio.query_one("#pitch-main"), studio.query_one("#pitch-tabs")
        # The form laid out but not shown, the tabs left out: nothing of them is painted,
        # focused or clicked.
        assert not form.visible and not tabs.display
        assert not any(w in studio.focus_chain for w in (*form.query("*"), *tabs.query("*")))
        assert "Name, e.g." not in screen_text(app) and "Structure" not in screen_text(app)
        assert app.get_widget_at(*form.region.center)[0] is not studio.query_one("#pitch-editor")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert form.visible and tabs.display
        assert studio.query_one("#pitch-editor") in studio.focus_chain
        assert "Structure" in screen_text(app)


async def test_the_structure_tab_is_relabelled_only_when_the_width_calls_for_it(
    tmp_path: Path,
) -> None:
    from textual.widgets import Tab

    app = make_app(tmp_path)
    relabelled: list[str] = []

    def hook(message: object) -> None:
        if isinstance(message, Tab.Relabelled):
            relabelled.append(message.tab.label_text)

    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await open_studio(pilot)
        tab = app.screen.query_one("#pitch-tabs", TabbedContent).get_tab("tab-structure")
        assert tab.label_text == "Structure"
        # A relabelled tab slides its underline in again: none on a resize that keeps
        # the label.
        relabelled.clear()
        await pilot.resize_terminal(130, 40)
        await settle(pilot)
        assert tab.label_text == "Structure" and relabelled == []
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert tab.label_text == "Parts" and set(relabelled) == {"Parts"}
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert tab.label_text == "Structure" and set(relabelled) == {"Parts", "Structure"}


async def test_loading_a_pitch_never_covers_the_studio_with_a_loading_indicator(
    tmp_path: Path,
) -> None:
    from textual import events
    from textual.widgets import LoadingIndicator

    app = make_app(tmp_path)
    app.store.pitches.create_pitch("Chamber", 90, "I help florists.")
    indicators: list[object] = []

    def hook(message: object) -> None:
        if isinstance(message, events.Mount) and isinstance(message._sender, LoadingIndicator):
            indicators.append(message._sender)

    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await open_studio(pilot)
        await pilot.press("down")  # the other pitch, loaded in its turn
        await settle(pilot)
        assert "Chamber" in str(app.screen.query_one("#pitch-name", Input).value)
        assert indicators == [] and not app.screen.loading


async def test_only_the_tab_in_view_is_built_on_opening_and_the_others_when_shown(
    tmp_path: Path,
) -> None:
    from netcoach.widgets.pitch_tabs import FillersTab, PitchTabs, StructureTab, VersionsTab

    app = make_app(tmp_path, "I'm looking for an introduction to a baker. Um, just ask.")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        tabs = app.screen.query_one(PitchTabs)
        assert [type(tab) for tab in tabs.query(StructureTab)] == [StructureTab]
        assert tabs.tab(FillersTab) is None and tabs.tab(VersionsTab) is None
        # Built with the studio, the Structure tab shows the script's parts at once.
        ask = app.screen.query_one("#part-ask", Checkbox)
        assert ask.value and str(ask.label).endswith("The ask")
        tabs.active = "tab-fillers"
        await settle(pilot)
        assert "2 filler/hedging words" in str(app.screen.query_one("#pitch-filler-list").content)
        tabs.active = "tab-versions"
        await settle(pilot)
        versions = app.screen.query_one("#pitch-versions", DataTable)
        assert versions.row_count == 1


async def test_the_tabs_underline_is_under_the_first_tab_as_they_appear(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        tabs = app.screen.query_one("#pitch-tabs Tabs")
        underline = tabs.query_one("Underline")
        active = tabs.query_one("Tab.-active")
        target = active.virtual_region.shrink(active.styles.gutter).column_span
        # Put there at once, not slid in from the left edge as the tabs appear.
        assert (underline.highlight_start, underline.highlight_end) == target
        assert not app.animator.is_being_animated(underline, "highlight_end")
