"""``netcoach pitch check``: through the real entry point, as a person would run it."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tests.unit.test_pitch_report import assert_report_shape

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = (
    "Hi, I'm Jo Marsh of Marsh Heating, a plumber. Um, I just fix boilers for landlords. "
    "Last winter a landlord had six flats without heat; we fixed them all in a day. "
    "If you know a landlord with old boilers, I'd love an introduction."
)


def run(*args: str, home: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "netcoach", "--home", str(home), *args],
        capture_output=True,
        input=stdin,
        cwd=ROOT,
        timeout=60,
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8"),
        result.stderr.decode("utf-8"),
    )


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "pitch.txt"
    path.write_text(SCRIPT, encoding="utf-8")
    return path


def test_json_has_exactly_the_documented_shape(tmp_path: Path, script: Path) -> None:
    result = run("pitch", "check", str(script), "--format", "json", home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert_report_shape(report)
    assert report["limit"] == 60
    assert report["words"] == 44
    assert report["seconds"] == round(44 * 60 / 130, 1)
    assert {"phrase": "um", "count": 1} in report["fillers"]
    assert result.stderr == ""


def test_text_is_for_people(tmp_path: Path, script: Path) -> None:
    result = run("pitch", "check", str(script), home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "44 words, about 0:20 at 130 words a minute; limit 1:00"
    assert "Parts" in lines and "Measures" in lines and "Notes" in lines
    assert any(line.startswith("Ask: ") for line in lines)
    assert any(line.startswith("Fillers: ") for line in lines)


def test_standard_input_with_a_limit(tmp_path: Path) -> None:
    result = run(
        "pitch",
        "check",
        "-",
        "--limit",
        "15",
        "--format",
        "json",
        home=tmp_path / "home",
        stdin=SCRIPT.encode("utf-8"),
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["limit"] == 15
    assert report["notes"][0].startswith("Too long by 6 seconds for the 15-second limit")


def test_a_byte_order_mark_and_windows_line_ends_are_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "pitch.txt"
    path.write_bytes(b"\xef\xbb\xbfI'm Jo.\r\nI fix boilers.\r\n")
    result = run("pitch", "check", str(path), "--format", "json", home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["words"] == 5
    assert report["parts"]["intro"]["evidence"] in ([], ["I'm Jo."], ["I'm Jo.", "I fix boilers."])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_utf16_script_with_its_byte_order_mark_is_read_as_text(
    tmp_path: Path, codec: str
) -> None:
    path = tmp_path / "pitch.txt"
    mark = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    path.write_bytes(mark + SCRIPT.replace(". ", ".\r\n").encode(codec))
    result = run("pitch", "check", str(path), "--format", "json", home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    expected = run(
        "pitch",
        "check",
        "-",
        "--format",
        "json",
        home=tmp_path / "home",
        stdin=SCRIPT.encode("utf-8"),
    )
    assert json.loads(result.stdout)["words"] == json.loads(expected.stdout)["words"] == 44


@pytest.mark.parametrize(
    ("limit", "reason"),
    [
        ("5", "the time limit must be from 15 to 180 seconds"),
        ("999", "the time limit must be from 15 to 180 seconds"),
        ("abc", "the time limit is a whole number of seconds"),
        ("", "give a time limit from 15 to 180 seconds"),
    ],
)
def test_a_bad_limit_is_one_line_and_exit_2(
    tmp_path: Path, script: Path, limit: str, reason: str
) -> None:
    result = run("pitch", "check", str(script), "--limit", limit, home=tmp_path / "home")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"netcoach: bad --limit {limit!r}: {reason}")
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_limit_in_seconds_may_say_s(tmp_path: Path, script: Path) -> None:
    result = run("pitch", "check", str(script), "--limit", "90s", "--format", "json", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["limit"] == 90


def test_a_bad_format_is_bad_usage(tmp_path: Path, script: Path) -> None:
    result = run("pitch", "check", str(script), "--format", "xml", home=tmp_path / "home")
    assert result.returncode == 2
    assert "usage" in result.stderr


def unreadable(tmp_path: Path) -> list[tuple[Path, str]]:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"Caf\xe9 owner?\nline two\n")
    late = tmp_path / "late.txt"
    late.write_bytes(b"one\ntwo\nthree \xff\n")
    odd = tmp_path / "odd.txt"
    odd.write_bytes(b"\xff\xfe" + "one\ntwo\n".encode("utf-16-le") + b"\x00\xd8")
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"\xfe\xff" + "one\n\x00".encode("utf-16-be"))
    return [
        (odd, "line 3: not UTF-16 text"),
        (nul, "line 2: binary data, not text"),
        (tmp_path / "missing.txt", "no such file"),
        (tmp_path, "it is a directory, not a text file"),
        (binary, "line 1: binary data, not text"),
        (latin, "line 1: not UTF-8 text"),
        (late, "line 3: not UTF-8 text"),
    ]


def test_an_unreadable_file_is_one_line_naming_it_and_exit_2(tmp_path: Path) -> None:
    for path, reason in unreadable(tmp_path):
        result = run("pitch", "check", str(path), home=tmp_path / "home")
        assert result.returncode == 2, path
        assert result.stdout == ""
        assert str(path) in result.stderr
        assert reason in result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_binary_standard_input_is_named_as_such(tmp_path: Path) -> None:
    result = run("pitch", "check", "-", home=tmp_path / "home", stdin=b"\x00\x01\x02")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "netcoach: cannot check standard input: line 1: binary data, not text"
    )


def test_an_empty_file_is_checked_and_exit_0(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("pitch", "check", str(empty), "--format", "json", home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert_report_shape(report)
    assert report["words"] == 0
    text = run("pitch", "check", str(empty), home=tmp_path / "home")
    assert text.returncode == 0 and text.stdout.startswith("0 words")


def test_no_database_is_created(tmp_path: Path, script: Path) -> None:
    home = tmp_path / "home"
    result = run("pitch", "check", str(script), home=home)
    assert result.returncode == 0, result.stderr
    assert not (home / "netcoach.db").exists()
    assert not list(home.glob("netcoach.db*"))


def test_the_saved_speaking_rate_and_profile_are_used_and_nothing_is_written(
    tmp_path: Path, script: Path
) -> None:
    home = tmp_path / "home"
    database = home / "netcoach.db"
    home.mkdir()
    make_database_with_a_profile(database)
    before = database.read_bytes()
    result = run("pitch", "check", str(script), home=home)
    assert result.returncode == 0, result.stderr
    assert "at 100 words a minute" in result.stdout.splitlines()[0]
    assert database.read_bytes() == before
    assert not list(home.glob("netcoach.db-*"))  # no -wal or -shm left behind

    from netcoach.data.pitch_settings import read_pitch_settings

    settings = read_pitch_settings(database)
    assert settings.profile is not None
    assert settings.profile.name == "Jo Marsh"
    assert settings.profile.business == "Marsh Heating"
    assert settings.profile.trade == ""  # not saved: blank
    assert settings.wpm == 100
    assert settings.problem is None


def test_a_database_that_cannot_be_read_leaves_the_defaults_with_a_note(
    tmp_path: Path, script: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "netcoach.db").write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    result = run("pitch", "check", str(script), home=home)
    assert result.returncode == 0
    assert "at 130 words a minute" in result.stdout
    assert result.stderr.startswith("netcoach: note: cannot read ")
    assert "checked without your profile" in result.stderr


def test_an_older_database_without_a_profile_gives_the_defaults(tmp_path: Path) -> None:
    import sqlite3

    from netcoach.data.pitch_settings import read_pitch_settings

    database = tmp_path / "old.db"
    sqlite3.connect(database).execute("CREATE TABLE contact (id INTEGER PRIMARY KEY)").close()
    settings = read_pitch_settings(database)
    assert settings.profile is None and settings.wpm == 130 and settings.problem is None


@pytest.mark.parametrize("with_database", [False, True])
def test_the_command_imports_no_ui_and_no_database_layer(
    tmp_path: Path, script: Path, with_database: bool
) -> None:
    home = tmp_path / "home"
    if with_database:
        home.mkdir()
        make_database_with_a_profile(home / "netcoach.db")
    code = (
        "import sys; from netcoach import cli;"
        f"cli.main(['--home', {str(home)!r}, 'pitch', 'check', {str(script)!r}]);"
        "bad = [m for m in ('textual', 'rich', 'peewee') if m in sys.modules];"
        "print(bad)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip().endswith("[]"), result.stderr
    assert ("at 100 words a minute" in result.stdout) == with_database


def make_database_with_a_profile(database: Path) -> None:
    """A real database: a pitch of 100 words rehearsed in a minute, three times, and a
    profile with a name and a business."""
    from netcoach.data.db import database as bound
    from netcoach.data.db import open_database
    from netcoach.data.repo import Store
    from netcoach.data.tables import ProfileRecord

    db = open_database(database, database.parent / "backups")
    try:
        store = Store(db, clock=lambda: datetime(2026, 3, 2, 9, 0))
        pitches = store.pitches
        pitch = pitches.create_pitch("Breakfast", script=" ".join(["word"] * 100))
        version = pitches.get_pitch(pitch.id).versions[0]
        for _ in range(3):
            pitches.add_rehearsal(pitch.id, version.id, 60.0, 4)
        with db.connection_context(), db.atomic():
            for key, value in (("name", "Jo Marsh"), ("business", "Marsh Heating")):
                saved = datetime(2026, 3, 2)
                ProfileRecord.replace(key=key, value=value, updated_at=saved).execute()  # type: ignore[no-untyped-call]
    finally:
        bound.close()
