"""The Brief screen on the demo data with the fixed clock: each block against the database."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from netcoach.app import create_app
from netcoach.core.levels import level_info
from netcoach.data.demo import generate_demo
from netcoach.screens.brief import BriefScreen
from tests.conftest import FIXED_NOW, fixed_clock, settle


def make_app(tmp_path: Path, demo: bool = True):  # type: ignore[no-untyped-def]
    app = create_app(tmp_path / "netcoach.db", config_path=tmp_path / "c.json", clock=fixed_clock)
    if demo:
        generate_demo(app.store.db, now=FIXED_NOW)
    return app


def rows(tmp_path: Path, sql: str, *params: object) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(tmp_path / "netcoach.db") as connection:
        return connection.execute(sql, params).fetchall()


def expected_people(tmp_path: Path) -> dict[int, dict[str, object]]:
    """Who the next event expects and what the database says about each, read apart."""
    stamp = FIXED_NOW.isoformat(sep=" ")
    (event_id,) = rows(
        tmp_path,
        "SELECT id FROM event WHERE datetime(starts_at, '+' || duration_minutes || ' minutes')"
        " > ? ORDER BY starts_at, id LIMIT 1",
        stamp,
    )[0]
    people: dict[int, dict[str, object]] = {}
    for cid, name, level, last in rows(
        tmp_path,
        "SELECT c.id, c.name, c.level, c.last_interaction_at FROM event_person p "
        "JOIN contact c ON c.id = p.contact_id WHERE p.event_id = ?",
        event_id,
    ):
        touches = rows(tmp_path, "SELECT count(*) FROM interaction WHERE contact_id = ?", cid)
        begun = rows(
            tmp_path,
            "SELECT count(*) FROM one_to_one WHERE contact_id = ? AND starts_at <= ?",
            cid,
            stamp,
        )
        given = rows(
            tmp_path,
            "SELECT direction, count(*) FROM ledger_entry WHERE contact_id = ? GROUP BY direction",
            cid,
        )
        owed = rows(
            tmp_path,
            "SELECT owner, what FROM follow_up WHERE contact_id = ? AND done_at IS NULL "
            "ORDER BY due_on IS NULL, due_on, id",
            cid,
        )
        planned = rows(
            tmp_path,
            "SELECT objective FROM one_to_one WHERE contact_id = ? AND completed_at IS NULL "
            "AND outcome IS NULL AND is_record = 0 "
            "AND datetime(starts_at, '+' || duration_minutes || ' minutes') > ? "
            "ORDER BY starts_at",
            cid,
            stamp,
        )
        tally = dict(given)
        people[cid] = {
            "name": name,
            "level": level,
            "last": datetime.fromisoformat(last) if last else None,
            "met": touches[0][0] + begun[0][0] + sum(tally.values()) > 0,
            "given": tally.get("given", 0),
            "received": tally.get("received", 0),
            "me": [what for owner, what in owed if owner == "me"],
            "them": [what for owner, what in owed if owner == "them"],
            "planned": [objective for (objective,) in planned],
        }
    return people


def blocks(screen: BriefScreen) -> dict[int, str]:
    people = screen.query_one("#brief-people", OptionList)
    found = {}
    for index in range(people.option_count):
        option = people.get_option_at_index(index)
        if option.id and option.id.isdigit():
            found[int(option.id)] = prompt_text(option.prompt)
    return found


def prompt_text(prompt: object) -> str:
    """A block as the terminal shows it, wide enough that no line wraps."""
    import io

    from rich.console import Console

    console = Console(width=400, file=io.StringIO(), record=True, color_system=None)
    console.print(prompt)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


async def open_from_today(pilot) -> BriefScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    pilot.app.screen.query_one("#today-next-event").focus()
    await pilot.press("b")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, BriefScreen)
    return screen


async def test_b_on_todays_event_shows_each_expected_person_as_the_database_has_them(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    expected = expected_people(tmp_path)
    assert len(expected) == 8  # the demo's breakfast expects eight people
    assert any(not p["met"] for p in expected.values())
    assert any(p["planned"] for p in expected.values())
    assert any(p["me"] and p["them"] for p in expected.values())
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_today(pilot)
        assert "Brief" in screen.title
        shown = blocks(screen)
        assert set(shown) == set(expected)
        today = FIXED_NOW.date()
        for cid, facts in expected.items():
            block = shown[cid]
            head = block.splitlines()[0]
            assert str(facts["name"]) in head
            assert f"{facts['level']} {level_info(int(facts['level'])).name}" in head
            last = facts["last"]
            if last is None:
                assert "no touch logged" in head
            else:
                assert isinstance(last, datetime)
                days = (today - last.date()).days
                words = {0: "in touch today", 1: "last touch yesterday"}.get(
                    days, f"last touch {days} days ago" if days < 60 else f"{days // 30} months"
                )
                assert words in head, (head, words)
            assert f"Next: {level_info(int(facts['level'])).next_step.split(':')[0]}" in block
            if facts["given"] or facts["received"]:
                assert f"gave {facts['given']} · got {facts['received']}" in block
            else:
                assert "gave " not in block
            for side, label in (("me", "you owe"), ("them", "they owe")):
                owed = facts[side]
                assert isinstance(owed, list)
                if owed:
                    assert f"{label} “{owed[0]}”" in block
                    if len(owed) > 1:
                        assert f"+{len(owed) - 1} more" in block
                else:
                    assert label not in block
            planned = facts["planned"]
            assert isinstance(planned, list)
            assert (planned[0] in block) if planned else ("one-to-one" not in block)
        order = list(shown)
        newcomers = [cid for cid, p in expected.items() if not p["met"]]
        assert order[-len(newcomers) :] == sorted(newcomers, key=lambda c: str(expected[c]["name"]))
        for cid in newcomers:
            assert "Might want to meet:" in shown[cid] or "Nothing noted" in shown[cid]
        top = str(screen.query_one("#brief-event", Static).content)
        assert "Weekly breakfast club" in top and "8 people expected" in top
        pitch = str(screen.query_one("#brief-pitch", Static).content)
        assert "Pitch: Breakfast club" in pitch
        assert "This week's ask" in pitch
        assert "rehearse it, don't rewrite it" in pitch


async def test_one_thing_to_give_names_a_have_that_is_in_the_database(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_today(pilot)
        assert screen.brief is not None
        gifts = [p for p in screen.brief.attendees if p.gift is not None]
        assert gifts, "the demo has someone whose want meets a have"
        for person in gifts:
            gift = person.gift
            assert gift is not None
            wants = rows(
                tmp_path,
                "SELECT phrase FROM want_have WHERE contact_id = ? AND kind = 'want'",
                person.contact_id,
            )
            assert (gift.want,) in wants
            holder = rows(
                tmp_path,
                "SELECT count(*) FROM want_have WHERE kind = 'have' AND phrase = ? AND "
                + ("contact_id IS NULL" if gift.giver_id is None else "contact_id = ?"),
                *([gift.have] if gift.giver_id is None else [gift.have, gift.giver_id]),
            )
            assert holder[0][0] == 1
            assert "Give today:" in blocks(screen)[person.contact_id]
        assert any(p.gift and p.gift.giver_id is None for p in gifts)  # one of your own haves


async def test_enter_opens_the_highlighted_person_and_escape_leaves(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_from_today(pilot)
        await pilot.press("down")
        contact_id = screen.highlighted_contact()
        assert contact_id is not None
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactDetailScreen"
        (name,) = rows(tmp_path, "SELECT name FROM contact WHERE id = ?", contact_id)[0]
        assert app.screen.contact_id == contact_id
        assert name in app.screen.sub_title
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "TodayScreen"


async def test_b_on_an_event_in_one_to_ones_briefs_that_event(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o", "2")
        await settle(pilot)
        await pilot.press("down")  # the events are latest first: the second is a past one
        await settle(pilot)
        event_id = app.screen.pane("events").key()
        await pilot.press("b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen) and screen.brief is not None
        assert screen.brief.event.id == event_id
        people = rows(tmp_path, "SELECT contact_id FROM event_person WHERE event_id = ?", event_id)
        assert set(blocks(screen)) == {cid for (cid,) in people}
        assert screen.brief.guard is None  # over: nothing to rehearse for


async def test_b_is_not_offered_on_the_other_tabs(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert not isinstance(app.screen, BriefScreen)


async def test_the_palette_opens_the_brief_of_the_next_event(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"go: Brief")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        assert app.screen.brief is not None
        assert app.screen.brief.event.starts_at.date() == date(2026, 11, 24)


async def test_with_no_event_the_brief_says_so(tmp_path: Path) -> None:
    app = make_app(tmp_path, demo=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(BriefScreen(app.store))
        await settle(pilot)
        top = str(app.screen.query_one("#brief-event", Static).content)
        assert "No event ahead." in top
        app.push_screen(BriefScreen(app.store, 12345))
        await settle(pilot)
        top = str(app.screen.query_one("#brief-event", Static).content)
        assert "no event with id 12345" in top


async def test_names_and_phrases_are_shown_as_typed_never_as_markup(tmp_path: Path) -> None:
    from datetime import timedelta

    from netcoach.core.meetings import EventDraft
    from netcoach.core.models import ContactDraft

    app = make_app(tmp_path, demo=False)
    store = app.store
    nasty = store.add_contact(ContactDraft(name="[/b] [@click=app.quit]x[/]", company="list[str]"))
    store.ledger.add_want_have(nasty.id, "want", "[b]a web developer[/b]")
    store.ledger.add_want_have(None, "have", "web developers [/i]")
    store.meetings.add_event(
        EventDraft(
            "[red]Breakfast", "breakfast", FIXED_NOW + timedelta(days=1), 60, people=(nasty.id,)
        )
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(BriefScreen(store))
        await settle(pilot)
        block = blocks(app.screen)[nasty.id]
        assert block.startswith("[/b] [@click=app.quit]x[/] · list[str] · 1 Identify")
        assert "you have “web developers [/i]” for their “[b]a web developer[/b]”" in block
        top = str(app.screen.query_one("#brief-event", Static).content)
        assert top.startswith("[red]Breakfast")
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running


@pytest.mark.parametrize(("size", "scrolls"), [((120, 40), False), ((80, 24), True)])
async def test_eight_people_fit_at_120x40_and_scroll_at_80x24(
    tmp_path: Path, size: tuple[int, int], scrolls: bool
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        screen = await open_from_today(pilot)
        people = screen.query_one("#brief-people", OptionList)
        assert len(blocks(screen)) == 8
        assert (people.max_scroll_y > 0) is scrolls
        for _ in range(7):  # the heading of the people not met yet is stepped over
            await pilot.press("down")
            await pilot.pause()
        assert people.highlighted == 8
        assert (people.scroll_y > 0) is scrolls  # the last people came into view
