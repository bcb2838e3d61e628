"""Pitches on a real SQLite file: versions, the pitch to use next, rehearsals, the profile."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from netcoach.data.errors import LastMinuteError, PitchError
from netcoach.data.migrations import MIGRATIONS
from netcoach.data.migrations.script import split_statements
from tests.conftest import FIXED_NOW


def test_migrations_are_ordered_and_may_skip_numbers() -> None:
    versions = [m.VERSION for m in MIGRATIONS]
    assert versions == sorted(versions)
    assert len(set(versions)) == len(versions)
    assert 4 in versions


def test_create_and_version_a_pitch(store) -> None:
    repo = store.pitches
    first = repo.create_pitch("Breakfast", 60, "I'm Rosa.")
    second = repo.create_pitch("Chamber", 30)
    assert first.is_next and not second.is_next
    assert [p.name for p in repo.list_pitches()] == ["Breakfast", "Chamber"]
    v2 = repo.save_pitch(first.id, script="I'm Rosa, the florist.", limit_seconds=45)
    assert v2.number == 2
    same = repo.save_pitch(first.id, script="I'm Rosa, the florist.")
    assert same.number == 2  # nothing changed, no new version
    detail = repo.get_pitch(first.id)
    assert [v.number for v in detail.versions] == [2, 1]
    assert detail.versions[1].script == "I'm Rosa."  # previous version kept
    assert detail.pitch.limit_seconds == 45
    assert detail.pitch.word_count == 4


def test_bad_limit_and_name_are_refused(store) -> None:
    repo = store.pitches
    with pytest.raises(PitchError) as error:
        repo.create_pitch("Too long", 181)
    assert error.value.field == "limit"
    pitch = repo.create_pitch("Ok", 60)
    with pytest.raises(PitchError):
        repo.save_pitch(pitch.id, script="x", limit_seconds=14)
    with pytest.raises(PitchError):
        repo.create_pitch("   ", 60)
    assert len(repo.get_pitch(pitch.id).versions) == 1  # nothing half-written


def test_one_pitch_to_use_next(store) -> None:
    repo = store.pitches
    a = repo.create_pitch("A", 60)
    b = repo.create_pitch("B", 60)
    repo.set_next(b.id)
    marked = [p.name for p in repo.list_pitches() if p.is_next]
    assert marked == ["B"]
    assert repo.next_pitch_id() == b.id
    repo.set_next(a.id)
    assert [p.name for p in repo.list_pitches() if p.is_next] == ["A"]


def test_editing_on_the_event_day_needs_confirmation(store) -> None:
    repo = store.pitches
    pitch = repo.create_pitch("Breakfast", 60, "Old words.")
    repo.save_pitch(pitch.id, script="Old words.", next_event_on=FIXED_NOW.date())
    with pytest.raises(LastMinuteError):
        repo.save_pitch(pitch.id, script="New words.", next_event_on=FIXED_NOW.date())
    assert repo.get_pitch(pitch.id).current.script == "Old words."
    saved = repo.save_pitch(
        pitch.id, script="New words.", next_event_on=FIXED_NOW.date(), confirmed=True
    )
    assert saved.number == 2
    assert [v.script for v in repo.get_pitch(pitch.id).versions] == ["New words.", "Old words."]
    repo.save_pitch(pitch.id, script="New words.", next_event_on=date(2026, 11, 30))
    assert repo.save_pitch(pitch.id, script="Other day.", next_event_on=None).number == 3


def test_rehearsals_calibrate_the_speaking_rate(store) -> None:
    repo = store.pitches
    pitch = repo.create_pitch("Breakfast", 60, "word " * 150)
    version = repo.get_pitch(pitch.id).current
    assert repo.speaking_rate() == 130
    repo.add_rehearsal(pitch.id, version.id, 60.0, 4, "good")
    repo.add_rehearsal(pitch.id, version.id, 60.0, 3)
    assert repo.speaking_rate() == pytest.approx(150)
    detail = repo.get_pitch(pitch.id)
    assert len(detail.rehearsals) == 2
    assert detail.rehearsals[0].version_number == 1
    assert detail.wpm == pytest.approx(150)
    card = repo.pitch_card()
    assert card is not None and card.words == 150 and card.seconds == pytest.approx(60)
    with pytest.raises(PitchError):
        repo.add_rehearsal(pitch.id, version.id, 60.0, 6)


def test_a_script_at_the_limit_is_stored_intact_and_a_longer_one_refused(store) -> None:
    from netcoach.core.validation import NOTE_MAX
    from netcoach.data.errors import PitchError

    repo = store.pitches
    text = ("A long pitch with ünïcode — and [/b] markup. " * 2_000)[:NOTE_MAX]
    pitch = repo.create_pitch("Huge", 60)
    repo.save_pitch(pitch.id, script=text)
    assert repo.get_pitch(pitch.id).current.script == text
    with pytest.raises(PitchError, match="at most 65,536"):
        repo.save_pitch(pitch.id, script=text + "!")
    assert repo.get_pitch(pitch.id).current.script == text


def test_profile_keeps_answers_about_me(store) -> None:
    repo = store.pitches
    repo.save_profile({"intro": " I'm Rosa ", "who_help": "Offices", "bogus": "x"})
    assert repo.profile() == {"intro": "I'm Rosa", "who_help": "Offices"}
    me = repo.about_me()
    assert (me.business, me.who_i_help, me.good_at) == ("I'm Rosa", "Offices", "")


def test_only_one_pitch_can_be_next_in_the_schema(store, db_path) -> None:
    store.pitches.create_pitch("A", 60)
    store.pitches.create_pitch("B", 60)
    connection = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError):
        connection.execute("UPDATE pitch SET is_next = 1")
    connection.close()


def test_a_version_2_database_is_upgraded_past_the_gap(tmp_path) -> None:
    from netcoach.data import migrations
    from netcoach.data.db import database, open_database, read_schema_version
    from netcoach.data.migrations import m0001_initial, m0002_search

    path = tmp_path / "old.db"
    connection = sqlite3.connect(path)
    for module in (m0001_initial, m0002_search):
        for statement in split_statements(module.SCHEMA):
            connection.execute(statement)
    connection.execute("INSERT INTO schema_version (version) VALUES (2)")
    connection.commit()
    connection.close()
    assert read_schema_version(path) == 2
    open_database(path, tmp_path / "backups")
    database.close()
    assert read_schema_version(path) == migrations.LATEST_VERSION >= 4
    assert list((tmp_path / "backups").glob("netcoach-v2-*.db"))
    connection = sqlite3.connect(path)
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert {"pitch", "pitch_version", "rehearsal", "profile"} <= tables


def test_an_event_today_makes_editing_the_pitch_to_use_a_last_minute_change(store) -> None:
    from datetime import timedelta

    from netcoach.core.meetings import EventDraft

    repo = store.pitches
    used = repo.create_pitch("Breakfast", 60, "I'm Rosa.")
    other = repo.create_pitch("Chamber", 30, "Rosa again.")
    assert repo.get_pitch(used.id).pitch.event_day is None
    store.meetings.add_event(
        EventDraft("Thursday breakfast", "breakfast", FIXED_NOW + timedelta(hours=1), 90)
    )
    detail = repo.get_pitch(used.id)
    assert detail.pitch.event_day == FIXED_NOW.date()
    assert detail.pitch.next_event_on is None  # nothing stored on the pitch itself
    assert repo.pitch_card().next_event_on == FIXED_NOW.date()
    with pytest.raises(LastMinuteError):
        repo.save_pitch(used.id, script="I'm Rosa, rewritten at the last minute.")
    assert repo.get_pitch(used.id).versions[0].script == "I'm Rosa."
    repo.save_pitch(used.id, script="I'm Rosa, rewritten at the last minute.", confirmed=True)
    # A pitch not marked to use next is not tied to today's event.
    repo.save_pitch(other.id, script="Rosa, calmly edited.")
