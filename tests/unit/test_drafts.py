"""Draft files: written whole and private, read back, damaged ones reported, order kept."""

from __future__ import annotations

import json
import stat
from datetime import datetime
from pathlib import Path

import pytest

from netcoach.drafts import (
    DraftFile,
    DraftUnreadable,
    draft_path,
    read_draft,
    remove_draft,
    write_draft,
)

WHEN = datetime(2026, 11, 23, 7, 30)


def test_path_names_the_form_and_the_record(tmp_path: Path) -> None:
    assert draft_path(tmp_path, "contact", "new") == tmp_path / "drafts" / "contact-new.json"
    assert draft_path(tmp_path, "contact", "12").name == "contact-12.json"
    # Nothing in a key can leave the drafts folder.
    assert draft_path(tmp_path, "contact", "../../etc").parent == tmp_path / "drafts"


def test_write_then_read_round_trips_text_as_typed(tmp_path: Path) -> None:
    path = draft_path(tmp_path, "contact", "new")
    values = {"fields": {"name": "Zoë 李 🎉 [b]x[/b]", "notes": "two\nlines"}, "extra": {"id": 3}}
    write_draft(path, values, WHEN)
    kept = read_draft(path)
    assert kept is not None
    assert kept.values == values
    assert kept.saved_at == WHEN


def test_files_are_private_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    path = draft_path(tmp_path, "outcome", "4")
    write_draft(path, {"a": 1}, WHEN)
    write_draft(path, {"a": 2}, WHEN)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["outcome-4.json"]


def test_an_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir(mode=0o750)
    folder.chmod(0o750)
    write_draft(folder / "event-new.json", {}, WHEN)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o750


def test_missing_draft_is_none_and_removing_it_is_harmless(tmp_path: Path) -> None:
    path = draft_path(tmp_path, "contact", "new")
    assert read_draft(path) is None
    remove_draft(path)
    write_draft(path, {"a": 1}, WHEN)
    remove_draft(path)
    assert not path.exists()


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[]",
        json.dumps({"format": 1, "saved_at": "yesterday", "values": {}}).encode(),
        json.dumps({"format": 99, "saved_at": WHEN.isoformat(), "values": {}}).encode(),
        json.dumps({"format": 1, "saved_at": WHEN.isoformat(), "values": []}).encode(),
        b"",
    ],
)
def test_a_damaged_draft_is_reported_not_crashed_on(tmp_path: Path, content: bytes) -> None:
    path = draft_path(tmp_path, "contact", "new")
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(DraftUnreadable):
        read_draft(path)


def test_an_older_change_never_replaces_a_newer_one(tmp_path: Path) -> None:
    file = DraftFile(draft_path(tmp_path, "contact", "new"))
    assert file.write(2, {"name": "Priya Patel"}, WHEN)
    assert not file.write(1, {"name": "Pri"}, WHEN)
    kept = file.read()
    assert kept is not None and kept.values == {"name": "Priya Patel"}
    assert file.remove(3)
    assert not file.write(2, {"name": "Priya Patel"}, WHEN)
    assert file.read() is None
