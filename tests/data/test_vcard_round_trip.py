"""A vCard export reads back whole: every field, into an empty home and into the same one;
UIDs are stable and merge the same card; text at the importer's limits survives."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netcoach.core.cadence import MAX_INTERVAL_DAYS
from netcoach.core.important_dates import ImportantDate
from netcoach.core.models import ContactDraft
from netcoach.core.network import REASONS
from netcoach.data.db import database, open_database
from netcoach.data.repo import Store
from netcoach.io.exporters import export_to
from netcoach.io.imports import import_file
from tests.conftest import fixed_clock
from tests.data.vcard_people import RICH, Person, held, store_people

# Text as a person types it: anything printable, the vCard specials among it.
# (Control characters other than tab and newline are left out of a vCard: tested apart.)
LETTERS = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(
    ",;:\\\"'[]=+-@\x85\u2028\u2029\ufeff"
)
LINE = st.text(LETTERS, max_size=60)
NAME = st.text(LETTERS, min_size=1, max_size=60).filter(lambda t: t.strip())
SHORT_NOTE = st.text(LETTERS | st.just("\n") | st.just("\t"), max_size=300)
# One note in ten is exactly at the importer's limit (64 KB), which must come back whole.
NOTE = st.integers(0, 9).flatmap(lambda n: st.just("é" * 65_535 + "x") if n == 0 else SHORT_NOTE)
TAG = st.text(LETTERS, min_size=1, max_size=40).filter(lambda t: t.strip())
PHRASE = st.text(LETTERS, min_size=1, max_size=80).filter(lambda t: t.strip())
EMAIL = st.from_regex(
    r"[a-z0-9][a-z0-9._+-]{0,15}@[a-z0-9-]{1,12}\.(example|test|org)", fullmatch=True
)
PHONE = st.from_regex(r"\+?[0-9][0-9 ()\-.]{2,15}[0-9]", fullmatch=True)
URL = st.sampled_from(["", "https://x.example/a,b;c", "example.org", "http://a.example:8080/p?q=1"])
WHEN = st.datetimes(datetime(2020, 1, 1), datetime(2026, 11, 1)).map(
    lambda d: d.replace(microsecond=0)
)
DISTINCT = {"unique_by": str.casefold}
# A birthday or anniversary, with or without its year (29 February among them).
DAY_OF_YEAR = st.builds(
    lambda day, known: ImportantDate(day.month, day.day, day.year if known else None),
    st.dates(date(1900, 1, 1), date(2026, 12, 31)),
    st.booleans(),
)


@st.composite
def people(draw: st.DrawFn) -> Person:
    draft = ContactDraft(
        name=draw(NAME),
        company=draw(LINE),
        title=draw(LINE),
        emails=tuple(draw(st.lists(EMAIL, max_size=3, **DISTINCT))),
        phones=tuple(draw(st.lists(PHONE, max_size=2, unique=True))),
        url=draw(URL),
        how_met=draw(LINE),
        where_met=draw(LINE),
        notes=draw(NOTE),
        level=draw(st.integers(1, 5)),
        cadence_days=draw(st.none() | st.integers(1, MAX_INTERVAL_DAYS)),
        is_advisor=draw(st.booleans()),
        tags=tuple(draw(st.lists(TAG, max_size=4, **DISTINCT))),
        reasons=tuple(draw(st.lists(st.sampled_from([k for k, _ in REASONS]), unique=True))),
        wants=tuple(draw(st.lists(PHRASE, max_size=3, **DISTINCT))),
        haves=tuple(draw(st.lists(PHRASE, max_size=3, **DISTINCT))),
        gains_goals=draw(SHORT_NOTE),
        gains_accomplishments=draw(LINE),
        gains_interests=draw(LINE),
        gains_networks=draw(LINE),
        gains_skills=draw(LINE),
        birthday=draw(st.none() | DAY_OF_YEAR),
        anniversary=draw(st.none() | DAY_OF_YEAR),
    )
    tagged = draw(st.lists(st.tuples(PHRASE, TAG), max_size=2, unique_by=lambda p: p[0]))
    taken = {w.casefold() for w in draft.wants}
    profile = draw(st.sampled_from(["", "https://www.linkedin.com/in/someone-1"]))
    return Person(
        draft,
        tagged_wants=tuple((" ".join(p.split()), " ".join(t.split())) for p, t in tagged
                           if " ".join(p.split()).casefold() not in taken and t.split()),
        linkedin_url=profile,
        connected_on=draw(st.none() | st.dates(date(2010, 1, 1), date(2026, 1, 1))),
        touched_at=draw(st.none() | WHEN),
        archived=draw(st.booleans()),
    )  # fmt: skip


def open_store(home: Path) -> Store:
    if not database.deferred:
        database.close()
    home.mkdir(exist_ok=True)
    return Store(open_database(home / "netcoach.db", home / "backups"), clock=fixed_clock)


def round_trip(scratch: Path, group: list[Person]) -> None:
    source = open_store(scratch / "source")
    store_people(source, group)
    before = held(source)
    card = scratch / "out.vcf"
    assert export_to(source, "vcard", card) == len(group)
    target = open_store(scratch / "target")
    summary = import_file(target, "vcard", card)
    assert (summary.line, summary.notices) == (f"imported {len(group)}, updated 0, skipped 0", ())
    assert held(target) == before
    again = scratch / "again.vcf"
    export_to(target, "vcard", again)
    assert again.read_bytes() == card.read_bytes()
    # Back into the same home, and the copy back into the first: each card finds itself.
    assert import_file(target, "vcard", card).line == f"imported 0, updated 0, skipped {len(group)}"
    source = open_store(scratch / "source")
    assert import_file(source, "vcard", again).line == (
        f"imported 0, updated 0, skipped {len(group)}"
    )
    assert held(source) == before
    database.close()


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(people(), min_size=1, max_size=4))
def test_every_field_survives_export_and_import(group: list[Person]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        round_trip(Path(scratch), group)


def test_a_rich_set_survives_with_every_awkward_character(tmp_path: Path) -> None:
    round_trip(tmp_path, RICH)


def test_each_card_has_a_uid_that_stays_the_same_on_every_export(tmp_path: Path) -> None:
    store = open_store(tmp_path / "home")
    store_people(store, RICH)
    first, second = tmp_path / "1.vcf", tmp_path / "2.vcf"
    export_to(store, "vcard", first)
    store.update_contact(1, ContactDraft(name="Renamed", level=5))
    store.contacts.set_archived(2, True)
    export_to(store, "vcard", second)
    database.close()

    def uids(path: Path) -> list[str]:
        return [card.uid.value for card in vobject.readComponents(path.read_text())]

    assert len(set(uids(first))) == len(RICH)
    assert uids(first) == uids(second)
    assert all(uid.startswith("urn:uuid:") for uid in uids(first))


def test_a_card_merges_by_uid_even_after_its_email_and_name_changed(tmp_path: Path) -> None:
    store = open_store(tmp_path / "home")
    store_people(store, RICH[:2])
    card = tmp_path / "out.vcf"
    export_to(store, "vcard", card)
    text = card.read_text(encoding="utf-8")
    edited = text.replace("FN:Plato", "FN:Plato of Athens").replace(
        "X-NETCOACH-LEVEL:2", "X-NETCOACH-LEVEL:2\r\nEMAIL:plato@academy.example"
    )
    card.write_text(edited, encoding="utf-8", newline="")
    summary = import_file(store, "vcard", card)
    assert summary.line == "imported 0, updated 1, skipped 1"
    plato = store.get_contact(2)
    assert (plato.name, plato.emails) == ("Plato", ("plato@academy.example",))
    assert store.count_contacts(include_archived=True) == 2


def test_a_nul_or_a_control_character_is_left_out_and_the_rest_reads_back(
    tmp_path: Path,
) -> None:
    store = open_store(tmp_path / "home")
    store.add_contact(
        ContactDraft(name="Ann\x00 Lee", notes="bell\x07 null\x00 esc\x1b[31m tab\tend")
    )
    card = tmp_path / "out.vcf"
    export_to(store, "vcard", card)
    assert b"\x00" not in card.read_bytes() and b"\x1b" not in card.read_bytes()
    target = open_store(tmp_path / "target")
    assert import_file(target, "vcard", card).line == "imported 1, updated 0, skipped 0"
    ann = target.get_contact(1)
    assert (ann.name, ann.notes) == ("Ann Lee", "bell null esc[31m tab\tend")
    database.close()


def test_text_longer_than_the_form_takes_reimports_cut_to_the_limit(tmp_path: Path) -> None:
    """An older netcoach (or another program) may have stored more than the form takes."""
    store = open_store(tmp_path / "home")
    store.add_contact(ContactDraft(name="Ann"))
    with store.db.connection_context(), store.db.atomic():
        store.db.execute_sql(
            "UPDATE contact SET notes = ?, gains_skills = ?, company = ? WHERE id = 1",
            ["n" * 100_000, "s" * 70_000, "c" * 300],
        )
    card = tmp_path / "out.vcf"
    export_to(store, "vcard", card)
    target = open_store(tmp_path / "target")
    summary = import_file(target, "vcard", card)
    assert summary.line == "imported 1, updated 0, skipped 0"
    assert summary.notices == (
        "1 record had text longer than the form takes, cut to fit (names 200 characters, "
        "notes 64 KB)",
    )
    ann = target.get_contact(1)
    assert (len(ann.notes), len(ann.gains_skills), len(ann.company)) == (65_536, 65_536, 200)
    database.close()


def test_an_archived_contact_comes_back_archived_with_its_date(tmp_path: Path) -> None:
    store = open_store(tmp_path / "home")
    store_people(store, [Person(ContactDraft(name="Gone"), archived=True)])
    card = tmp_path / "out.vcf"
    export_to(store, "vcard", card)
    assert b"X-NETCOACH-ARCHIVED:2026-11-23 07:30:00\r\n" in card.read_bytes()
    target = open_store(tmp_path / "target")
    import_file(target, "vcard", card)
    assert target.count_contacts() == 0 and target.count_contacts(include_archived=True) == 1
    gone = target.get_contact(1)
    assert gone.archived and gone.created_at == datetime(2026, 11, 23, 7, 30)
    database.close()


def test_a_uid_is_a_uuid5_that_no_later_version_may_change() -> None:
    """Address books file cards by UID: a different UID for the same contact is a new card."""
    import uuid

    from netcoach.core.exports import UID_NAMESPACE, contact_uid

    created = datetime(2026, 1, 2, 3, 4, 5, 678)
    assert contact_uid(1, created) == "urn:uuid:bbf9bb9e-cf23-52b2-b631-8d122f86e039"
    name = "contact/1/2026-01-02 03:04:05"
    assert contact_uid(1, created) == f"urn:uuid:{uuid.uuid5(UID_NAMESPACE, name)}"
