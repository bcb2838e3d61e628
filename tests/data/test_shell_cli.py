"""`netcoach today` and `netcoach touch NAME`: the coach in the shell, on a real database.

The commands run in-process through ``cli.main`` with the clock fixed (the module's
``clock``), and, for ``--demo``, as a separate process.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from netcoach import cli
from netcoach.cli import shell_commands
from netcoach.core.models import ContactDraft
from tests.conftest import FIXED_NOW, fixed_clock

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shell_commands, "clock", fixed_clock)


def open_home(home: Path):  # type: ignore[no-untyped-def]
    from netcoach.data.db import open_database
    from netcoach.data.repo import Store

    home.mkdir(parents=True, exist_ok=True)
    return Store(open_database(home / "netcoach.db", home / "backups"), clock=fixed_clock)


def close() -> None:
    from netcoach.data.db import database

    database.close()


def demo_home(tmp_path: Path) -> Path:
    from netcoach.data.demo import generate_demo

    home = tmp_path / "home"
    generate_demo(open_home(home).db, contacts=150, now=FIXED_NOW)
    close()
    return home


def main(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--home", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


# ---- today --------------------------------------------------------------------------------


def test_today_shows_the_cards_with_the_databases_facts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = demo_home(tmp_path)
    code, out, err = main(capsys, home, "today")
    assert code == 0, err
    assert out.startswith("Today, Monday 23 November 2026\n")
    titles = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert titles[1:] == [
        "Next event",
        "Your pitch",
        "Today's one-to-ones",
        "Follow-ups due",
        "Birthdays and anniversaries",
        "Review",
        "Goals with a deadline near",
        "Met a month ago, still at Identify",
        "Due for a touch",
        "Helped you; not helped back yet",
        "Your network",
    ]
    assert "\x1b" not in out
    store = open_home(home)
    try:
        event = store.meetings.next_event()
        counts = store.level_counts()
        overdue, overdue_total = store.overdue_contacts(8)
        follow_ups, _ = store.meetings.due_follow_ups(limit=8)
        pitch = store.pitches.pitch_card()
    finally:
        close()
    assert event is not None and f"  {event.name} · {event.kind}\n" in out
    expected = next(line for line in out.splitlines() if line.startswith("  Expected: "))
    shown, _, more = expected.removeprefix("  Expected: ").partition(" and ")
    names = [p.name for p in event.people]
    assert shown.split(", ") == names[: len(shown.split(", "))]
    assert more == (f"{len(names) - len(shown.split(', '))} more" if more else "")
    assert pitch is not None and f"  {pitch.name} · {pitch.words} words" in out
    assert f"The 8 most pressing of {overdue_total}." in out
    for row in overdue:
        assert f"  {row.level}  {row.name}" in out
    for follow_up in follow_ups:
        assert follow_up.contact_name in out
    assert f"Identify {counts[1]} · Connect {counts[2]} · Engage {counts[3]}" in out
    assert f"{sum(counts.values())} contacts · {counts[3] + counts[4] + counts[5]} at Engage" in out


def test_today_in_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = demo_home(tmp_path)
    code, out, _err = main(capsys, home, "today", "--format", "markdown")
    assert code == 0
    assert out.startswith("# Today, Monday 23 November 2026\n")
    assert "\n## Next event\n\n- " in out
    assert "\n## Your network\n\n- Identify " in out
    body = [line for line in out.splitlines() if line and not line.startswith("#")]
    assert all(line.startswith("- ") for line in body)


def test_today_on_an_empty_database_gives_the_first_steps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = main(capsys, tmp_path / "home", "today")
    assert code == 0
    assert "First steps\n  Welcome to netcoach." in out
    assert "0 contacts · 0 at Engage or above" in out
    for hidden in ("Next event", "Your pitch", "Due for a touch", "Follow-ups due"):
        assert hidden not in out


def test_user_text_is_shown_safely(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    store = open_home(home)
    name = "[b]Evil\x1b[31m *Co* | x"
    try:
        contact = store.add_contact(ContactDraft(name=name, level=5)).id
        store.log_interaction(contact, "call", when=FIXED_NOW - timedelta(days=40))
    finally:
        close()
    _code, out, _err = main(capsys, home, "today")
    assert "\x1b" not in out and "[b]Evil␛[31m *Co* | x" in out
    _code, out, _err = main(capsys, home, "today", "--format", "markdown")
    assert r"\[b\]Evil␛\[31m \*Co\* \| x" in out


def test_each_card_reads_what_the_screens_card_reads(tmp_path: Path) -> None:
    from netcoach.core.today_text import TODAY_TEXT
    from netcoach.data.today import read_cards
    from netcoach.screens.today import SECTIONS, section_class

    home = demo_home(tmp_path)
    store = open_home(home)
    try:
        _empty, data = read_cards(store, TODAY_TEXT)
        cards = {section: section_class(where) for where, section in SECTIONS}
        # Every card on the screen is in the shell too, in the same order.
        assert [card.section for card in TODAY_TEXT] == [section for _, section in SECTIONS]
        for card in TODAY_TEXT:
            widget = cards[card.section]
            assert card.on_empty == widget.ON_EMPTY_DATABASE, card.section
            if card.shown_on(False):
                assert widget.fetch(store) == data[card.section], card.section
    finally:
        close()


def test_today_imports_no_part_of_the_app(tmp_path: Path) -> None:
    code = (
        "import sys; from netcoach import cli;"
        f"cli.main(['--home', {str(tmp_path / 'home')!r}, 'today']);"
        "print([m for m in ('textual', 'rich') if m in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip().endswith("[]")


# ---- touch --------------------------------------------------------------------------------


def people(home: Path, *names: str, level: int = 5) -> list[int]:
    store = open_home(home)
    try:
        return [
            store.add_contact(ContactDraft(name=name, company=f"{name} Ltd", level=level)).id
            for name in names
        ]
    finally:
        close()


def touches(home: Path, contact_id: int):  # type: ignore[no-untyped-def]
    store = open_home(home)
    try:
        return store.interactions(contact_id), store.get_contact(contact_id)
    finally:
        close()


def test_touch_one_match_logs_it_and_says_when_next(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    (grace,) = people(home, "Grace Hopper")
    code, out, err = main(
        capsys, home, "touch", "grace", "--kind", "coffee", "--when", "yesterday 4pm",
        "--note", "at the station",
    )  # fmt: skip
    assert code == 0, err
    assert out == (
        "Logged a coffee with Grace Hopper, Sun 22 Nov 2026, 16:00 (yesterday); "
        "next touch due Sun 6 Dec 2026 (in 13 days).\n"
    )
    logged, contact = touches(home, grace)
    assert [(t.kind, t.happened_at, t.note) for t in logged] == [
        ("coffee", datetime(2026, 11, 22, 16, 0), "at the station")
    ]
    assert contact.last_interaction_at == datetime(2026, 11, 22, 16, 0)
    assert contact.next_due_on == date(2026, 12, 6)


def test_touch_defaults_to_a_call_now(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    (ada,) = people(home, "Ada Lovelace", level=1)
    code, out, _err = main(capsys, home, "touch", "Ada", "Lovelace")
    assert code == 0
    assert out.startswith("Logged a call with Ada Lovelace, Mon 23 Nov 2026, 07:30 (today); ")
    assert "no keep-in-touch date at this level" in out
    logged, _contact = touches(home, ada)
    assert [(t.kind, t.happened_at) for t in logged] == [("call", FIXED_NOW)]


def test_touch_several_matches_lists_them_and_logs_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    ids = people(home, "Ada Lovelace", "Ada Byron", "Bob Ada")
    code, out, err = main(capsys, home, "touch", "ada")
    assert code == 2 and out == ""
    assert "3 contacts match 'ada'; nothing logged" in err
    for name in ("Ada Byron", "Ada Lovelace", "Bob Ada"):
        assert f"  {name} · {name} Ltd · 5 Inner circle" in err
    assert all(touches(home, contact)[0] == [] for contact in ids)


def test_touch_a_whole_name_wins_over_those_containing_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    ada, lovelace = people(home, "Ada", "Ada Lovelace")
    code, out, _err = main(capsys, home, "touch", "ADA")
    assert code == 0 and out.startswith("Logged a call with Ada, ")
    assert len(touches(home, ada)[0]) == 1 and touches(home, lovelace)[0] == []
    # Namesakes are still several.
    (other,) = people(home, "Ada")
    code, _out, err = main(capsys, home, "touch", "Ada")
    assert code == 2 and "2 contacts match 'Ada'" in err
    assert touches(home, other)[0] == []


def test_touch_no_match_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    people(home, "Grace Hopper")
    code, out, err = main(capsys, home, "touch", "Nobody")
    assert code == 2 and out == ""
    assert err == "netcoach: no contact matches 'Nobody': nothing logged\n"


@pytest.mark.parametrize(
    ("when", "says"),
    [
        ("the day after never", "Could not read"),
        ("fri", "Fri 27 Nov 2026, 07:30 is still to come"),
        ("4pm", "Mon 23 Nov 2026, 16:00 is still to come"),
    ],
)
def test_touch_a_bad_or_future_when_is_refused_naming_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], when: str, says: str
) -> None:
    home = tmp_path / "home"
    (grace,) = people(home, "Grace Hopper")
    code, out, err = main(capsys, home, "touch", "Grace", "--when", when)
    assert code == 2 and out == ""
    assert err.startswith(f"netcoach: bad --when {when!r}: ") and says in err
    assert err.count("\n") == 1
    assert touches(home, grace)[0] == []


def test_touch_kinds_are_the_dialogs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from netcoach.core.validation import INTERACTION_KINDS

    with pytest.raises(SystemExit) as stopped:
        cli.main(["touch", "--help"])
    assert stopped.value.code == 0
    assert "{" + ",".join(INTERACTION_KINDS) + "}" in capsys.readouterr().out
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--home", str(tmp_path / "home"), "touch", "x", "--kind", "pigeon"])
    assert stopped.value.code == 2
    assert "invalid choice: 'pigeon'" in capsys.readouterr().err


# ---- --demo -------------------------------------------------------------------------------


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netcoach", "--home", str(home), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_demo_today_and_touch_never_touch_the_real_home(tmp_path: Path) -> None:
    from netcoach.data.db import open_database
    from netcoach.data.demo import generate_demo
    from netcoach.data.repo import Store

    # A name the demo data has (it is the same for the same seed), also in the real home.
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    demo = Store(open_database(scratch / "netcoach.db", scratch / "backups"))
    generate_demo(demo.db)
    names = [row.name for row in demo.list_contacts(limit=500).rows]
    close()
    name = next(
        n for n in names if names.count(n) == 1 and not any(n in o for o in names if o != n)
    )
    home = tmp_path / "home"
    (real,) = people(home, name)
    database = home / "netcoach.db"
    before = database.read_bytes()

    shown = run("--demo", "today", home=home)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("Today, ") and "Due for a touch" in shown.stdout
    assert "1 contact ·" not in shown.stdout  # the demo's network, not the real one
    logged = run("--demo", "touch", name, "--kind", "email", home=home)
    assert logged.returncode == 0, logged.stderr
    assert logged.stdout.startswith(f"Logged an email with {name}, ")
    assert database.read_bytes() == before
    assert touches(home, real)[0] == []
