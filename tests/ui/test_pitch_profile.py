"""Who you are, asked once (Settings, the guide's first step), and the guide and studio agreeing
on the parts: checked on screen and on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from netcoach.core.pitch import PART_KEYS, PARTS, Profile, split_parts
from netcoach.core.validation import NAME_MAX
from netcoach.screens.forms.errors import SaveFailure
from tests.conftest import settle
from tests.failing import disk_full_on_commit
from tests.ui.test_pitch import make_app, open_studio, text_of

ROSA = Profile("Rosa Quinn", "Willow & Bloom", "Florist", "office managers opening a new site")
SCRIPT = (
    "I'm Rosa Quinn from Willow & Bloom. We help office managers make a new site feel "
    "like home. Who do you know who is moving offices this spring?"
)


def screen_name(app) -> str:
    return type(app.screen).__name__


async def open_settings(pilot) -> None:
    from netcoach.screens.settings import SettingsScreen

    await settle(pilot)
    pilot.app.push_screen(SettingsScreen(pilot.app.store))
    await settle(pilot)


async def burst(pilot, *keys: str) -> None:
    """Keys as a fast typist sends them: all queued at once, before any is handled."""
    for key in keys:
        character = key if len(key) == 1 else None
        pilot.app.post_message(events.Key(key, character))
    await settle(pilot)


def structure_ticks(app) -> dict[str, bool]:
    return {part.key: app.screen.query_one(f"#part-{part.key}", Checkbox).value for part in PARTS}


async def test_a_profile_typed_in_settings_is_kept_and_used_by_the_guide_and_today(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, "I'm Rosa from Willow & Bloom.")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_settings(pilot)
        assert screen_name(app) == "SettingsScreen"
        assert app.screen.focused is app.screen.query_one("#profile-name", Input)
        await pilot.press(*"Rosa Quinn", "tab", *"Willow & Bloom", "tab", *"florist", "tab")
        await pilot.press(*"office managers opening a new site", "ctrl+s")
        await settle(pilot)
        assert screen_name(app) == "TodayScreen"
        assert app.store.pitches.person_profile() == Profile(
            "Rosa Quinn", "Willow & Bloom", "florist", "office managers opening a new site"
        )
        card = str(app.screen.query_one("#today-pitch-text", Static).content)
        assert card.startswith("Rosa Quinn · Willow & Bloom\nBreakfast · ")

        await open_studio(pilot)
        assert app.screen.form.profile.trade == "florist"  # the checks are given it
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert screen_name(app) == "PitchGuideScreen"
        # Known already: the guide starts on the first part, with the person's trade.
        assert "Step 1 of 7" in text_of(app, "#guide-progress")
        assert app.screen.query_one("#guide-trade", Select).value == "Florist"
        florist = next(e for e in PARTS[0].examples if e.trade == "Florist")
        assert florist.strong in text_of(app, "#guide-strong")
        await pilot.press("ctrl+b")
        assert "about you" in text_of(app, "#guide-progress")
        assert app.screen.query_one("#profile-business", Input).value == "Willow & Bloom"


async def test_the_guide_asks_the_profile_first_and_confirms_exactly_the_parts_answered(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)  # no pitch yet: the guide opens by itself
        assert screen_name(app) == "PitchGuideScreen"
        assert "about you" in text_of(app, "#guide-progress")
        await pilot.press(*"Rosa Quinn", "tab", "tab", *"Florist", "ctrl+n")
        # The examples follow the trade typed.
        assert app.screen.query_one("#guide-trade", Select).value == "Florist"
        await pilot.press(*"I'm Rosa Quinn of Willow & Bloom.", "ctrl+n")
        await pilot.press(*"We help office managers settle in.", "ctrl+n", "ctrl+n", "ctrl+n")
        await pilot.press("ctrl+n", *"Who do you know who is moving offices?", "ctrl+s")
        await settle(pilot)
        await settle(pilot)
        assert screen_name(app) == "PitchScreen"
        ticks = structure_ticks(app)
    pitches = app.store.pitches
    detail = pitches.get_pitch(pitches.next_pitch_id())
    assert detail.current.script == (
        "I'm Rosa Quinn of Willow & Bloom. We help office managers settle in. "
        "Who do you know who is moving offices?"
    )
    assert detail.current.parts == {"intro": True, "who_help": True, "ask": True}
    assert [key for key, ticked in ticks.items() if ticked] == ["intro", "who_help", "ask"]
    assert pitches.person_profile() == Profile("Rosa Quinn", "", "Florist")


async def test_a_profile_left_blank_is_asked_once_and_stays_one_step_back(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)  # no pitch yet: the guide opens on who you are
        assert "about you" in text_of(app, "#guide-progress")
        await pilot.press("ctrl+n", *"I'm Rosa Quinn of Willow & Bloom.", "ctrl+s")
        await settle(pilot)
        await settle(pilot)
        assert screen_name(app) == "PitchScreen"
        assert app.store.pitches.profile_was_asked()
        await pilot.press("ctrl+g")  # the profile is still blank: not asked a second time
        await settle(pilot)
        assert screen_name(app) == "PitchGuideScreen"
        assert "about you" not in text_of(app, "#guide-progress")
        await pilot.press("ctrl+b")  # still there, one step back
        assert "about you" in text_of(app, "#guide-progress")
    assert app.store.pitches.person_profile().is_blank


async def test_a_guide_cancelled_on_the_profile_step_asks_again_next_time(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, SCRIPT)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert "about you" in text_of(app, "#guide-progress")
        await pilot.press("escape")
        await settle(pilot)
        assert screen_name(app) == "PitchScreen"
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert "about you" in text_of(app, "#guide-progress")
    assert not app.store.pitches.profile_was_asked()


async def test_a_trade_the_guide_has_no_examples_for_gets_examples_of_its_own(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, SCRIPT)
    app.store.pitches.save_person_profile(Profile("Sam Rivers", "Rivers Print", "Printer"))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert app.screen.query_one("#guide-trade", Select).value == "Printer (yours)"
        strong = text_of(app, "#guide-strong")
        assert strong.startswith("Strong: I'm Sam Rivers from Rivers Print: we print")
        await pilot.press("ctrl+b", "tab", "tab", "ctrl+u", *"Florist", "ctrl+n")
        await settle(pilot)
        # A trade the guide knows: its own examples, and the printer's choice is gone.
        select = app.screen.query_one("#guide-trade", Select)
        assert select.value == "Florist"
        assert app.screen.trade_choices == ["Accountant", "Web developer", "Florist"]
        assert "Rosa Quinn" in text_of(app, "#guide-strong")


async def test_keys_typed_in_a_burst_stay_in_the_step_they_were_typed_in(tmp_path: Path) -> None:
    app = make_app(tmp_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        await burst(pilot, *"Rosa", "tab", *"Bloom", "ctrl+n", *"I'm Rosa.", "ctrl+n")
        await burst(pilot, *"I help offices.", "ctrl+n", *"Flowers.", "ctrl+b", "ctrl+b")
        guide = app.screen
        assert guide.profile_fields.read() == Profile("Rosa", "Bloom")
        assert guide.answers["intro"] == "I'm Rosa."
        assert guide.answers["who_help"] == "I help offices."
        assert guide.answers["good_at"] == "Flowers."
        assert guide.query_one("#guide-answer", TextArea).text == "I'm Rosa."


async def test_the_guide_opens_on_a_pitch_with_its_parts_and_rewrites_only_when_changed(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, SCRIPT)
    app.store.pitches.save_person_profile(ROSA)
    split = split_parts(SCRIPT, ROSA)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        answer = app.screen.query_one("#guide-answer", TextArea)
        assert answer.text == split["intro"] != ""
        assert text_of(app, "#guide-preview") == SCRIPT
        await pilot.press("ctrl+n")
        assert answer.text == split["who_help"]
        await pilot.press("ctrl+s")  # nothing changed: the script stays as it was
        await settle(pilot)
        assert screen_name(app) == "PitchScreen"
        assert any("No part was changed" in n.message for n in app._notifications)
        assert [v.number for v in app.store.pitches.get_pitch(1).versions] == [1]

        await pilot.press("ctrl+g")
        await settle(pilot)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n", *"Last month a bank moved.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await settle(pilot)
        assert screen_name(app) == "PitchScreen"
        ticks = structure_ticks(app)
    current = app.store.pitches.get_pitch(1).current
    assert current.number == 2
    # The part is put in; the rest of the script stays word for word.
    assert "Last month a bank moved." in current.script
    assert " ".join(current.script.replace("Last month a bank moved.", "").split()) == SCRIPT
    answered = {key for key, text in split.items() if text} | {"example"}
    assert current.parts == dict.fromkeys(sorted(answered), True)
    assert {key for key, ticked in ticks.items() if ticked} >= answered


async def test_reworking_a_part_the_script_lacks_puts_it_in_its_place(tmp_path: Path) -> None:
    app = make_app(tmp_path, SCRIPT)
    app.store.pitches.save_person_profile(ROSA)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        app.screen.action_guide("example")
        await settle(pilot)
        assert "Reworking one part" in text_of(app, "#guide-progress")
        await pilot.press(*"Last month a bank moved in.", "ctrl+s")
        await settle(pilot)
        await settle(pilot)
    split = split_parts(SCRIPT, ROSA)
    later = [split[k] for k in PART_KEYS[PART_KEYS.index("example") + 1 :] if split[k]]
    current = app.store.pitches.get_pitch(1).current
    assert current.script.startswith("I'm Rosa Quinn from Willow & Bloom.")
    if later:  # before the next part the check found in the script
        assert f"Last month a bank moved in. {later[0]}" in current.script
    else:
        assert current.script == f"{SCRIPT} Last month a bank moved in."
    assert current.parts == {"example": True}


def test_changed_parts_are_swapped_in_and_the_rest_kept_word_for_word() -> None:
    from netcoach.screens.pitch_guide import edit_parts

    script = "I'm Rosa. A side remark. We help offices. Call me."
    before = {"intro": "I'm Rosa.", "who_help": "We help offices.", "ask": "Call me."}
    after = {**before, "intro": "I'm Rosa Quinn.", "ask": "", "example": "A bank moved."}
    assert edit_parts(script, ["intro", "example", "ask"], before, after) == (
        "I'm Rosa Quinn. A side remark. We help offices. A bank moved."
    )
    # Old words the script no longer holds as one stretch: no edit can be made.
    assert edit_parts(script, ["who_help"], {"who_help": "We help. Offices."}, after) is None


def test_a_part_put_in_goes_before_the_next_part_found_or_last() -> None:
    from netcoach.screens.pitch_guide import insert_part

    script = "I'm Rosa. Call me."
    answers = {"intro": "I'm Rosa.", "ask": "Call me."}
    assert insert_part(script, "example", " A bank  moved. ", answers) == (
        "I'm Rosa. A bank moved. Call me."
    )
    assert insert_part(script, "close", "Bye.", answers) == "I'm Rosa. Call me. Bye."
    assert insert_part(script, "close", "  ", answers) == script


async def test_a_name_too_long_is_cut_with_a_note_in_settings(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_settings(pilot)
        field = app.screen.query_one("#profile-name", Input)
        field.focus()
        await pilot.pause()
        field.insert_text_at_cursor("R" * (NAME_MAX + 50))
        await pilot.pause()
        assert field.value == "R" * NAME_MAX
        assert field.limit_note.has_class("-full")
        assert "Names are at most 200 characters." in str(field.limit_note.content)
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert app.store.pitches.person_profile().name == "R" * NAME_MAX


async def test_a_field_refused_by_the_store_is_said_beside_it_and_kept(tmp_path: Path) -> None:
    from netcoach.data.errors import PitchError

    app = make_app(tmp_path)

    def refuse(profile: Profile, opened: Profile | None = None) -> Profile:
        raise PitchError("Answers here are at most 200 characters.", "ideal_referral")

    app.store.pitches.save_person_profile = refuse
    async with app.run_test(size=(120, 40)) as pilot:
        await open_settings(pilot)
        app.screen.query_one("#profile-ideal-referral", Input).focus()
        await pilot.press(*"bakers", "ctrl+s")
        await settle(pilot)
        assert screen_name(app) == "SettingsScreen"
        error = app.screen.query_one("#profile-ideal-referral-error", Static)
        assert error.has_class("-shown") and "at most 200" in str(error.content)
        assert app.screen.query_one("#profile-ideal-referral", Input).value == "bakers"


@pytest.mark.parametrize("where", ["settings", "guide"])
async def test_a_profile_saved_on_a_full_disk_says_so_and_keeps_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    app = make_app(tmp_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        if where == "settings":
            await open_settings(pilot)
        else:
            await open_studio(pilot)
        form = app.screen
        await pilot.press(*"Rosa Quinn")
        disk_full_on_commit(monkeypatch)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        failure = str(form.query_one(SaveFailure).content)
        assert failure.startswith("Not saved: ") and "What you typed is still here" in failure
        assert form.query_one("#profile-name", Input).value == "Rosa Quinn"
        assert app.store.pitches.person_profile() == Profile()
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is not form
    assert app.store.pitches.person_profile() == Profile("Rosa Quinn")


async def test_markup_in_the_profile_is_shown_as_typed(tmp_path: Path) -> None:
    hostile = Profile("[@click=app.quit]x[/] Rosa", "[/b] list[str]", "Florist")
    app = make_app(tmp_path)
    app.store.pitches.save_person_profile(hostile)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        card = str(app.screen.query_one("#today-pitch-text", Static).content)
        assert card.startswith("[@click=app.quit]x[/] Rosa · [/b] list[str]\n")
        await open_settings(pilot)
        assert app.screen.query_one("#profile-business", Input).value == "[/b] list[str]"
        await pilot.press("escape")
        await open_studio(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        await pilot.press("ctrl+b")
        assert app.screen.query_one("#profile-name", Input).value == hostile.name
        assert app.is_running


async def test_the_guide_keeps_its_draft_under_its_pitch(tmp_path: Path) -> None:
    from tests.ui.test_drafts import wait_for_draft

    app = make_app(tmp_path, SCRIPT)
    app.store.pitches.save_person_profile(ROSA)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        await pilot.press(*" Hello")
        await wait_for_draft(pilot, tmp_path / "drafts" / "pitch-guide-1.json", "Hello")
    assert not (tmp_path / "drafts" / "pitch-guide-new.json").exists()


async def test_a_profile_refused_in_the_guide_goes_back_to_it_and_says_why(
    tmp_path: Path,
) -> None:
    from netcoach.data.errors import PitchError

    app = make_app(tmp_path, None)

    def refuse(profile: Profile, opened: Profile | None = None) -> Profile:
        raise PitchError("Names are at most 200 characters.", "name")

    app.store.pitches.save_person_profile = refuse
    async with app.run_test(size=(120, 40)) as pilot:
        await open_studio(pilot)
        await pilot.press(*"Rosa", "ctrl+n", *"I'm Rosa.", "ctrl+s")
        await settle(pilot)
        guide = app.screen
        assert screen_name(app) == "PitchGuideScreen"
        assert guide.on_profile
        error = guide.query_one("#profile-name-error", Static)
        assert error.has_class("-shown") and "at most 200" in str(error.content)
        assert guide.answers["intro"] == "I'm Rosa."
    assert app.store.pitches.profile() == {}
