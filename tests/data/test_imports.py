"""Importing exports into the network: merge rules, all-or-nothing, search kept in step."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from netcoach.core.models import ContactDraft
from netcoach.io.imports import import_file
from netcoach.io.text import ImportFileError

FIXTURES = Path(__file__).parent.parent / "fixtures"


def table_counts(store) -> dict[str, int]:
    with store.db.connection_context():
        return {
            table: store.db.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in (
                "contact",
                "contact_email",
                "contact_phone",
                "contact_tag",
                "tag",
                "level_change",
                "contact_source",
                "contact_imported_field",
                "contact_search",
            )
        }


def by_name(store, name: str):
    page = store.list_contacts(search=name)
    matches = [row for row in page.rows if row.name == name]
    assert len(matches) == 1, (name, page.rows)
    return store.get_contact(matches[0].id)


def test_linkedin_export_with_notes_before_the_header(store) -> None:
    summary = import_file(store, "linkedin", FIXTURES / "linkedin-connections.csv")
    assert summary.line == "imported 4, updated 0, skipped 2"
    amelie = by_name(store, "Amélie Durand")
    assert amelie.company == "Durand, Fils & Associés"
    assert amelie.how_met == "LinkedIn"
    assert amelie.level == 1
    assert amelie.url == "https://www.linkedin.com/in/amelie-durand-1a2b3c"
    zoe = by_name(store, "Zoë 🌱 Nakamura")
    assert zoe.title == "Founder 🌿"
    with store.db.connection_context():
        connected = store.db.execute_sql(
            "SELECT connected_on FROM contact_source WHERE contact_id = ?", (zoe.id,)
        ).fetchone()[0]
    assert connected == "2024-02-29"
    assert store.level_history(zoe.id)[0].reason == "Imported from LinkedIn"


def test_reimporting_the_same_file_changes_nothing(store) -> None:
    import_file(store, "linkedin", FIXTURES / "linkedin-connections.csv")
    before = table_counts(store)
    again = import_file(store, "linkedin", FIXTURES / "linkedin-connections.csv")
    assert again.line == "imported 0, updated 0, skipped 6"
    assert table_counts(store) == before


def test_same_email_is_the_same_person_and_user_edits_win(store) -> None:
    mine = store.add_contact(
        ContactDraft(
            name="Ben O.",
            company="",
            title="My own words for his job",
            emails=("Ben.Okafor@Brightside.example",),
            level=3,
        )
    )
    summary = import_file(store, "linkedin", FIXTURES / "linkedin-connections.csv")
    assert summary.line == "imported 3, updated 1, skipped 2"
    ben = store.get_contact(mine.id)
    assert ben.name == "Ben O."
    assert ben.title == "My own words for his job"
    assert ben.company == "Brightside Print"
    assert ben.level == 3
    assert ben.url == "https://www.linkedin.com/in/ben-okafor"
    assert store.count_contacts() == 4


def test_a_field_the_user_cleared_is_not_filled_again(store) -> None:
    import_file(store, "linkedin", FIXTURES / "linkedin-connections.csv")
    amelie = by_name(store, "Amélie Durand")
    from dataclasses import replace

    store.update_contact(amelie.id, replace(amelie.to_draft(), company="", title="Owner"))
    summary = import_file(store, "linkedin", FIXTURES / "linkedin-connections.csv")
    assert summary.line == "imported 0, updated 0, skipped 6"
    again = store.get_contact(amelie.id)
    assert (again.company, again.title) == ("", "Owner")


def test_same_linkedin_profile_in_another_form_is_the_same_person(store) -> None:
    store.add_contact(
        ContactDraft(name="Seán", url="http://linkedin.com/in/Sean-O-Briain?trk=x", level=2)
    )
    summary = import_file(store, "linkedin", FIXTURES / "linkedin-connections.csv")
    assert summary.imported == 3 and summary.updated == 1
    sean = by_name(store, "Seán")
    assert sean.emails == ("sean@keystonelaw.example",)
    assert sean.level == 2


def test_google_current_and_older_headers(store) -> None:
    summary = import_file(store, "google", FIXTURES / "google-contacts.csv")
    assert summary.line == "imported 3, updated 0, skipped 0"
    priya = by_name(store, "Priya Patel")
    assert priya.emails == ("priya@northgate.example", "priya.patel@mail.example")
    assert priya.tags == ("Finance", "Referral partners")
    assert priya.notes == "Met at the chamber mixer.\nLikes cricket."
    hamish = by_name(store, "Hamish McKenzie")
    assert hamish.phones == ("0131 496 0000", "07700 900222")
    old = import_file(store, "google", FIXTURES / "google-contacts-old.csv")
    assert old.line == "imported 2, updated 0, skipped 0"
    grace = by_name(store, "Grace Hughes")
    assert grace.tags == ("Advisors",)
    assert grace.company == "Willow Physio"


def test_vcard_versions_and_lenient_reading(store) -> None:
    summary = import_file(store, "vcard", FIXTURES / "contacts.vcf")
    assert summary.line == "imported 3, updated 0, skipped 0"
    chloe = by_name(store, "Chloé Lefèvre")
    assert chloe.notes == "Organises the spring expo.\nPrefers calls before 9, please."
    dev = by_name(store, "Dev Fitzgerald")
    assert dev.company == "Smith, Jones & Co"
    assert dev.title == "Partner; head of property"
    assert dev.tags == ("Property", "Referral partners")
    assert dev.url == "https://www.linkedin.com/in/dev-fitzgerald"
    assert by_name(store, "Kavya Iqbal").phones == ("+44-7700-900555",)


def test_windows_1252_file_is_read_with_a_notice(store) -> None:
    summary = import_file(store, "linkedin", FIXTURES / "linkedin-cp1252.csv")
    assert summary.imported == 1
    assert any("Windows-1252" in n for n in summary.notices)
    assert by_name(store, "Renée Müller").company == "Café Größe"


def test_search_index_follows_the_import(store) -> None:
    import_file(store, "google", FIXTURES / "google-contacts.csv")
    assert [r.name for r in store.list_contacts(search="northgate").rows] == ["Priya Patel"]
    assert [r.name for r in store.list_contacts(search="referral").rows] == ["Priya Patel"]
    assert [r.name for r in store.list_contacts(search="oakivy").rows] == ["Hamish McKenzie"]
    import_file(store, "linkedin", FIXTURES / "linkedin-connections.csv")
    assert [r.name for r in store.list_contacts(search="amelie").rows] == ["Amélie Durand"]
    counts = table_counts(store)
    assert counts["contact_search"] == counts["contact"]
    with store.db.connection_context():
        triggers = {
            r[0]
            for r in store.db.execute_sql("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
    assert "contact_search_insert" in triggers
    store.add_contact(ContactDraft(name="Typed By Hand"))
    assert store.list_contacts(search="typed").total == 1


def test_dry_run_counts_the_same_and_writes_nothing(store) -> None:
    store.add_contact(ContactDraft(name="Ben", emails=("ben.okafor@brightside.example",)))
    before = table_counts(store)
    dry = import_file(store, "linkedin", FIXTURES / "linkedin-connections.csv", dry_run=True)
    assert table_counts(store) == before
    real = import_file(store, "linkedin", FIXTURES / "linkedin-connections.csv")
    assert dry.line == real.line == "imported 3, updated 1, skipped 2"


@pytest.mark.parametrize(
    ("kind", "content", "where"),
    [
        ("linkedin", "Name,Phone\r\nAnn,1\r\n", "line 1"),
        ("google", "First Name,Last Name\r\nAnn,Lee\r\n", "line 1"),
        ("vcard", "just some words\n", "card 1"),
        ("linkedin", 'First Name,Last Name,URL\r\nAnn,"Lee\r\n', "line 2"),
    ],
)
def test_unreadable_files_are_refused_with_their_place(store, tmp_path, kind, content, where):
    bad = tmp_path / "bad.txt"
    bad.write_text(content, newline="")
    with pytest.raises(ImportFileError) as caught:
        import_file(store, kind, bad)
    assert str(bad) in str(caught.value) and where in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_bad_record_late_in_the_file_leaves_nothing_written(store, tmp_path) -> None:
    good = (FIXTURES / "contacts.vcf").read_text(encoding="utf-8")
    path = tmp_path / "late.vcf"
    path.write_text(good * 400 + (FIXTURES / "truncated.vcf").read_text(), newline="")
    before = table_counts(store)
    with pytest.raises(ImportFileError, match="card 1202"):
        import_file(store, "vcard", path)
    assert table_counts(store) == before


def test_binary_and_oversized_fields_are_refused(store, tmp_path) -> None:
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"First Name,Last Name,URL\r\n\x89PNG\x00\x00\x1a")
    with pytest.raises(ImportFileError, match="binary"):
        import_file(store, "linkedin", binary)
    huge = tmp_path / "huge.csv"
    huge.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        f"Ann,Lee,,,{'x' * 70_000},,\r\n"
    )
    with pytest.raises(ImportFileError, match="line 2: a value is longer than 64 KB"):
        import_file(store, "linkedin", huge)
    assert store.count_contacts() == 0


def test_a_vcard_line_folded_between_a_backslash_and_its_comma_reads_whole(store, tmp_path) -> None:
    # A fold may fall anywhere in a line, even inside an escape (our own export folds by
    # width): "\\" then "," on the next line is an escaped comma, a bare one stays bare.
    card = tmp_path / "folded.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\n"
        "TITLE:Partner\\\r\n , property\\\\\r\n , lettings\r\n"
        "NOTE:Calls before 9\\\r\n ,\r\n  please\\\r\n \\, thanks\r\nEND:VCARD\r\n"
    )
    summary = import_file(store, "vcard", card)
    assert summary.line == "imported 1, updated 0, skipped 0"
    ann = store.get_contact(1)
    assert ann.title == "Partner, property\\, lettings"
    assert ann.notes == "Calls before 9, please\\, thanks"


def test_a_vcard_note_over_64_kb_is_cut_to_fit_with_a_notice(store, tmp_path) -> None:
    card = tmp_path / "huge.vcf"
    card.write_text(f"BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nNOTE:{'y' * 70_000}\nEND:VCARD\n")
    summary = import_file(store, "vcard", card)
    assert summary.line == "imported 1, updated 0, skipped 0"
    assert any("cut to fit" in notice for notice in summary.notices)
    assert store.get_contact(1).notes == "y" * 65_536


def test_connected_on_dates() -> None:
    from netcoach.io.readers import parse_connected_on

    assert parse_connected_on("01 Jan 2024") == date(2024, 1, 1)
    assert parse_connected_on("7 Nov 2019") == date(2019, 11, 7)
    assert parse_connected_on("2024-03-05") == date(2024, 3, 5)
    assert parse_connected_on("31 Feb 2024") is None
    assert parse_connected_on("soon") is None


def test_search_index_matches_a_full_rebuild_after_merges(store) -> None:
    from netcoach.data.migrations.m0002_search import EMAILS_OF, TAGS_OF

    store.add_contact(ContactDraft(name="Priya", emails=("priya@northgate.example",)))
    import_file(store, "google", FIXTURES / "google-contacts.csv")
    import_file(store, "vcard", FIXTURES / "contacts.vcf")
    import_file(store, "google", FIXTURES / "google-contacts-old.csv")
    assert [r.name for r in store.list_contacts(search="cricket").rows] == ["Priya"]
    assert [r.name for r in store.list_contacts(search="patel").rows] == ["Priya"]
    with store.db.connection_context():
        indexed = store.db.execute_sql(
            "SELECT rowid, name, company, title, emails, tags, notes FROM contact_search "
            "ORDER BY rowid"
        ).fetchall()
        rebuilt = store.db.execute_sql(
            f"SELECT c.id, c.name, c.company, c.title, {EMAILS_OF.format('c.id')}, "
            f"{TAGS_OF.format('c.id')}, c.notes FROM contact c ORDER BY c.id"
        ).fetchall()
    assert indexed == rebuilt
    assert any(row[4] and row[5] for row in indexed)


def test_search_triggers_of_another_shape_are_left_to_work_row_by_row(store) -> None:
    from netcoach.data.bulk_index import BulkSearchIndex

    with store.db.connection_context():
        store.db.execute_sql("DROP TRIGGER contact_search_tag_insert")
        store.db.execute_sql(
            "CREATE TRIGGER contact_search_tag_insert AFTER INSERT ON contact_tag BEGIN "
            "UPDATE contact_search SET tags = 'x' WHERE rowid = new.contact_id; "
            "UPDATE contact_search SET tags = (SELECT group_concat(t.name, ' ') FROM "
            "contact_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.contact_id = "
            "new.contact_id) WHERE rowid = new.contact_id; END"
        )
        with store.db.atomic() as transaction:
            bulk = BulkSearchIndex(store.db)
            assert bulk.insert_sql and not bulk.handles_children
            transaction.rollback()
    import_file(store, "google", FIXTURES / "google-contacts.csv")
    assert [r.name for r in store.list_contacts(search="finance").rows] == ["Priya Patel"]
    assert [r.name for r in store.list_contacts(search="oakivy").rows] == ["Hamish McKenzie"]


def test_bad_phones_and_web_addresses_are_left_out_with_a_notice(store, tmp_path) -> None:
    path = tmp_path / "google.csv"
    path.write_text(
        "First Name,Last Name,Website 1 - Value,Phone 1 - Value,Phone 2 - Value\n"
        "Ann,Lee,javascript:alert(1),+44 abc,0131 496 0000\n"
        "Bo,Chan,https://bo.example,call me,\n",
        encoding="utf-8",
    )
    summary = import_file(store, "google", path)
    assert summary.imported == 2
    assert "2 values that are not phone numbers were left out" in summary.notices
    assert any(
        n.startswith("1 value that is not a web address was left out") for n in summary.notices
    )
    ann = by_name(store, "Ann Lee")
    assert ann.phones == ("0131 496 0000",)
    assert ann.url == ""
    bo = by_name(store, "Bo Chan")
    assert bo.phones == ()
    assert bo.url == "https://bo.example"
    again = import_file(store, "google", path)
    assert again.imported == 0
