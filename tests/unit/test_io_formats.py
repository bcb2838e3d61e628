"""Pure pieces of import and export: merge rules, escaping, folding, neutralising, calendars."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime

from netcoach.core.exports import CalendarEntry, ExportedContact
from netcoach.core.imports import (
    ADDED_NAMES,
    ExistingContact,
    ImportedContact,
    MergeChanges,
    describe_changes,
    merge,
    normalise_linkedin,
)
from netcoach.core.models import Contact
from netcoach.io.exporters import calendar, csv_row, escape_text, fold, neutralise, vcard

NOW = datetime(2026, 11, 23, 7, 30)


def existing(**overrides: object) -> ExistingContact:
    values: dict[str, object] = {
        "id": 1,
        "name": "Ann Lee",
        "values": {"company": "Mine", "title": ""},
        "emails": frozenset({"ann@x.example"}),
        "phones": frozenset(),
        "tags": frozenset(),
        "linkedin_url": "",
        "connected_on": None,
        "imported": frozenset(),
    }
    values.update(overrides)
    return ExistingContact(**values)  # type: ignore[arg-type]


def test_merge_fills_blanks_and_never_overwrites() -> None:
    incoming = ImportedContact(
        name="Someone Else",
        company="Theirs",
        title="Director",
        emails=("ANN@x.example", "new@x.example"),
        tags=("vip",),
        linkedin_url="https://www.linkedin.com/in/ann",
        connected_on=date(2024, 1, 1),
    )
    changes = merge(existing(), incoming)
    assert changes.values == {"title": "Director"}
    assert changes.emails == ("new@x.example",)
    assert changes.tags == ("vip",)
    assert changes.linkedin_url == "https://www.linkedin.com/in/ann"
    assert changes.connected_on == date(2024, 1, 1)


def test_merge_leaves_alone_what_the_user_removed() -> None:
    state = existing(imported=frozenset({"title", "email:old@x.example", "tag:vip"}))
    incoming = ImportedContact(
        name="Ann", title="Director", emails=("old@x.example",), tags=("VIP",)
    )
    assert not merge(state, incoming)


def test_a_merge_is_described_field_by_field_in_order() -> None:
    changes = MergeChanges(
        values={"how_met": "a talk", "title": "Director"},
        emails=("new@x.example",),
        linkedin_url="https://www.linkedin.com/in/ann",
        connected_on=date(2024, 1, 1),
        haves=(("accounting", ""),),
    )
    assert describe_changes(changes) == (
        "adds how met, title, email, LinkedIn profile, connected on, haves"
    )
    assert not MergeChanges() and MergeChanges(tags=("vip",))


def test_every_kind_of_change_has_words() -> None:
    assert list(ADDED_NAMES) == [f.name for f in fields(MergeChanges) if f.name != "values"]


def test_linkedin_addresses_are_compared_in_one_form() -> None:
    assert (
        normalise_linkedin("http://uk.linkedin.com/in/Ann-Lee/?trk=x")
        == normalise_linkedin("www.linkedin.com/in/ann-lee")
        == "https://www.linkedin.com/in/ann-lee"
    )
    assert normalise_linkedin("https://example.com/in/ann") == ""


def test_neutralise_every_formula_start() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise(f"{start}1+1") == f"'{start}1+1"
    assert neutralise("Plain") == "Plain"
    assert neutralise("") == ""


def contact(**overrides: object) -> Contact:
    values: dict[str, object] = {
        "id": 1,
        "name": "Ann Lee",
        "company": "=cmd",
        "title": "",
        "emails": (),
        "phones": ("+44 1",),
        "url": "",
        "how_met": "",
        "where_met": "",
        "notes": "\tindented",
        "level": 2,
        "cadence_days": None,
        "is_advisor": False,
        "archived": False,
        "created_at": NOW,
        "updated_at": NOW,
        "last_interaction_at": None,
        "tags": ("-x",),
    }
    values.update(overrides)
    return Contact(**values)  # type: ignore[arg-type]


def test_csv_rows_are_neutralised() -> None:
    row = csv_row(ExportedContact(contact(name="@me")))
    assert row[0] == "'@me" and row[1] == "'=cmd" and row[4] == "'+44 1"
    assert "'\tindented" in row and "'-x" in row


def test_text_is_escaped_and_long_lines_fold_on_character_boundaries() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = fold("NOTE:" + "é" * 100)
    lines = folded.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "".join(line.removeprefix(" ") for line in lines) == "NOTE:" + "é" * 100


def test_vcard_carries_level_and_tags() -> None:
    text = vcard(ExportedContact(contact(tags=("a, b", "c")), "https://www.linkedin.com/in/a"))
    assert "X-NETCOACH-LEVEL:2\r\n" in text
    assert "CATEGORIES:a\\, b,c\r\n" in text
    assert "UID:urn:uuid:" in text
    assert "X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/a\r\n" in text
    assert text.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n") and text.endswith("END:VCARD\r\n")


def test_calendar_of_plain_entries() -> None:
    entries = [
        CalendarEntry(
            uid="one_to_one-3@netcoach",
            starts_at=datetime(2026, 12, 1, 8, 0),
            minutes=45,
            summary="One-to-one with Ann; coffee, then referrals",
            description="Objective: learn who her ideal client is",
            location="Riverside café",
        )
    ]
    text = "".join(calendar(entries, stamp=datetime(2026, 11, 23, 7, 30)))
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert "DTSTART:20261201T080000\r\nDTEND:20261201T084500\r\n" in text
    assert "SUMMARY:One-to-one with Ann\\; coffee\\, then referrals\r\n" in text
    assert "LOCATION:Riverside café\r\n" in text
    assert "DTSTAMP:20261123T073000Z" in text
    assert text.endswith("END:VEVENT\r\nEND:VCALENDAR\r\n")
    import vobject

    parsed = vobject.readOne(text)
    assert parsed.vevent.summary.value == "One-to-one with Ann; coffee, then referrals"
