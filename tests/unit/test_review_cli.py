"""`netcoach review`: the same report as the screen, as Markdown; a bad period exits 2."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from netcoach.core.ledger import EntryDraft
from netcoach.core.models import ContactDraft
from netcoach.core.review import parse_period
from tests.unit.test_cli import run


def fill(home: Path) -> None:
    from netcoach.data.db import database, open_database
    from netcoach.data.repo import Store

    home.mkdir(parents=True, exist_ok=True)
    store = Store(open_database(home / "netcoach.db", home / "backups"), clock=datetime.now)
    bob = store.add_contact(ContactDraft(name="Bob", level=3)).id
    store.ledger.add_entry(EntryDraft(bob, "received", "advice", date(2026, 8, 1)))
    store.ledger.add_entry(EntryDraft(bob, "given", "support", date(2026, 2, 1)))
    store.ledger.save_review(
        parse_period("2026H2"),
        {"given": 0},
        [{"what": "Help Bob back"}],
    )
    database.close()


def test_review_prints_markdown(tmp_path: Path) -> None:
    home = tmp_path / "home"
    fill(home)
    result = run("review", "--period", "2026H2", "--format", "markdown", home=home)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("# Review 2026H2 (2026-07-01 to 2026-12-31)\n")
    assert "| advice | 0 | 1 |" in out and "| support | 0 | 0 |" in out
    assert "- Bob: 1 thing, worth 2" in out  # the top giver: advice weighs 2
    assert "One-to-ones held: 0" in out
    assert "1. What to change: Help Bob back" in out
    first = run("review", "--period", "2026H1", home=home)
    assert "| support | 1 | 0 |" in first.stdout


def test_review_bad_period_exits_2_with_one_line(tmp_path: Path) -> None:
    result = run("review", "--period", "last-summer", home=tmp_path / "home")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "bad period 'last-summer'" in result.stderr


def test_review_prints_what_came_of_last_times_decisions(tmp_path: Path) -> None:
    from netcoach.core.review import look_back
    from netcoach.data.db import database, open_database
    from netcoach.data.repo import Store

    home = tmp_path / "home"
    home.mkdir(parents=True)
    store = Store(open_database(home / "netcoach.db", home / "backups"), clock=datetime.now)
    store.ledger.save_review(
        parse_period("2026H2"),
        {},
        [
            {"what": "Ask Bob for an introduction", "became": "follow-up 3"},
            look_back({"what": "Help Bob back"}, "2026H1", "done", "Sent him a *lead*"),
        ],
    )
    database.close()
    result = run("review", "--period", "2026H2", home=home)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "1. What to change: Ask Bob for an introduction (became follow-up 3)\n" in out
    assert "## What came of last time's decisions (2026H1)\n" in out
    assert "1. Help Bob back — done: Sent him a \\*lead\\*\n" in out
