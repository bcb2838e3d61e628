"""`netcoach brief`: the next event or --event ID, as text or Markdown; no event exits 2."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from netcoach.core.meetings import EventDraft, FollowUpDraft, Owner
from netcoach.core.models import ContactDraft
from tests.unit.test_cli import ROOT, run


def fill(home: Path) -> tuple[int, int]:
    """A past event and one tomorrow; returns their ids."""
    from netcoach.data.db import database, open_database
    from netcoach.data.repo import Store

    home.mkdir(parents=True, exist_ok=True)
    store = Store(open_database(home / "netcoach.db", home / "backups"), clock=datetime.now)
    now = datetime.now().replace(second=0, microsecond=0)
    ann = store.add_contact(ContactDraft(name="Ann *Star*", company="Ann & Co", level=3)).id
    bob = store.add_contact(ContactDraft(name="Bob New")).id
    past = store.meetings.add_event(
        EventDraft("Last chamber", "chamber", now - timedelta(days=7), 60, people=(ann,))
    ).id
    soon = store.meetings.add_event(
        EventDraft(
            "Friday breakfast",
            "breakfast",
            now + timedelta(days=1),
            90,
            place="The Grand",
            people=(ann, bob),
            follow_ups=(FollowUpDraft("Send the deck", Owner.ME, None, ann),),
        )
    ).id
    database.close()
    return past, soon


def test_brief_prints_the_next_event_as_text(tmp_path: Path) -> None:
    home = tmp_path / "home"
    fill(home)
    result = run("brief", home=home)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Brief: Friday breakfast\n")
    assert "2 people expected, 1 not met yet" in out
    assert "Ann *Star* · Ann & Co · 3 Engage" in out
    assert "you owe “Send the deck” (no date)" in out
    assert out.index("Not met yet") < out.index("Bob New")
    assert "No pitch yet" in out and "rehearse it, don't rewrite it" in out


def test_brief_as_markdown_and_for_a_chosen_event(tmp_path: Path) -> None:
    home = tmp_path / "home"
    past, _soon = fill(home)
    page = run("brief", "--format", "markdown", home=home)
    assert page.returncode == 0, page.stderr
    assert page.stdout.startswith("# Brief: Friday breakfast\n")
    assert "### Ann \\*Star\\* — Ann & Co" in page.stdout
    assert "## Not met yet (1)" in page.stdout
    assert "- **You owe:** Send the deck, no date" in page.stdout
    chosen = run("brief", "--event", str(past), home=home)
    assert chosen.returncode == 0, chosen.stderr
    assert chosen.stdout.startswith("Brief: Last chamber\n")
    assert "rehearse it" not in chosen.stdout  # over: no guard


def test_an_unknown_event_or_none_ahead_is_one_line_and_exit_2(tmp_path: Path) -> None:
    home = tmp_path / "home"
    fill(home)
    bad = run("brief", "--event", "999", home=home)
    assert bad.returncode == 2
    assert bad.stderr.strip().count("\n") == 0
    assert "no event with id 999" in bad.stderr and not bad.stdout
    empty = run("brief", home=tmp_path / "empty")
    assert empty.returncode == 2
    assert empty.stderr.strip().count("\n") == 0 and "no event ahead" in empty.stderr
    word = run("brief", "--event", "soon", home=home)
    assert word.returncode == 2 and "invalid int value" in word.stderr


def test_demo_brief_shows_the_demo_breakfast(tmp_path: Path) -> None:
    result = run("--demo", "brief", home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Brief: Weekly breakfast club\n")
    assert "8 people expected, 1 not met yet" in result.stdout
    assert "Give today:" in result.stdout
    assert not (tmp_path / "home" / "netcoach.db").exists()


def test_brief_does_not_load_the_full_screen_app(tmp_path: Path) -> None:
    home = tmp_path / "home"
    fill(home)
    code = (
        "import sys; from netcoach import cli; code = cli.main(['--home', sys.argv[1], 'brief']);"
        "print('loaded', [m for m in ('textual', 'rich') if m in sys.modules], code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(home)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.stdout.strip().endswith("loaded [] 0"), result.stdout + result.stderr
