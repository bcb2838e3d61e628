"""Today's cards as a few lines of text or Markdown, for ``netcoach today``.

Each card of the Today screen has an entry in ``TODAY_TEXT``: the card's id (as in the
screen's ``SECTIONS``), its title, where its data is read (``fetch``, "module:function",
the very function the card on the screen calls; it takes the Store) and a renderer,
which turns that data into a ``CardText``: a few sentences and rows of cells. The
layout of rows into aligned columns (text) or list items (Markdown) is done here once,
for every card. To show a new card in the shell too, write its renderer and add one
``TextCard`` line.

Everything here is pure: no terminal, no database. User text is made safe here: control
characters become visible stand-ins, and Markdown's own characters are escaped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from netcoach.core.text import cell_width, fit_width, plural

Format = Literal["text", "markdown"]
FORMATS: tuple[Format, ...] = ("text", "markdown")
# On a database with no contacts: "hide" the card, show it "only" then, or always "show" it
# (the same rule as the card on the Today screen, ``TodaySection.ON_EMPTY_DATABASE``).
EmptyRule = Literal["hide", "only", "show"]

# The widest a cell may be before it is cut, so that a row stays on one line.
CELL_MOST = 40
LINE_MOST = 100
INDENT = "  "


@dataclass(frozen=True, slots=True)
class TodayContext:
    """What every renderer may need besides its card's data."""

    now: datetime
    empty: bool = False  # the database has no contacts

    @property
    def today(self) -> date:
        return self.now.date()


@dataclass(frozen=True, slots=True)
class CardText:
    """What one card says: sentences first, then rows laid out as aligned columns."""

    lines: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


Render = Callable[[object, TodayContext], CardText | None]


@dataclass(frozen=True, slots=True)
class TextCard:
    """One card of Today in the shell: where its data is read and how it is written."""

    section: str  # the card's id on the Today screen
    title: str
    fetch: str  # "module:function(store)", the card's own read
    render: Render  # None hides the card (as the screen hides it)
    on_empty: EmptyRule = "hide"

    def shown_on(self, empty: bool) -> bool:
        return self.on_empty == "show" or (self.on_empty == "only") == empty


# ---- the renderers, one per card ---------------------------------------------------------


def first_steps(_data: object, context: TodayContext) -> CardText:
    return CardText(
        lines=(
            "Welcome to netcoach. Three things to do first (run netcoach):",
            "1. Press c, then n, to add the people you already network with.",
            "2. Give each one a level, from Identify to Inner circle.",
            "3. Press o, then n, to plan a one-to-one with an objective.",
        )
    )


def names_fitting(names: list[str], room: int) -> str:
    """As many of ``names`` as fit in ``room`` cells, then "and N more" for the rest."""
    shown: list[str] = []
    for name in names:
        rest = len(names) - len(shown) - 1
        line = ", ".join([*shown, name]) + (f" and {rest} more" if rest else "")
        if cell_width(line) > room:
            break
        shown.append(name)
    left = len(names) - len(shown)
    if not shown:
        return plural(len(names), "person", "people")
    return ", ".join(shown) + (f" and {left} more" if left else "")


def next_event(data: object, context: TodayContext) -> CardText:
    from netcoach.core.meetings import Event
    from netcoach.core.when import describe_length, describe_when

    if not isinstance(data, Event):
        return CardText(lines=("No event planned. In netcoach: o, then 2 and n, to add one.",))
    now = context.now
    happening = data.starts_at <= now
    when = (
        "now, since " + data.starts_at.strftime("%H:%M")
        if happening
        else describe_when(data.starts_at, now)
    )
    length = describe_length(timedelta(minutes=data.duration_minutes))
    who = "Met so far" if happening else "Expected"
    people = names_fitting([person.name for person in data.people], LINE_MOST - len(who) - 2)
    lines = [
        f"{data.name} · {data.kind}",
        f"{when} · {length} · {data.place or 'no place given'}",
        f"{who}: {people}" if people else f"{who}: nobody noted yet",
    ]
    if data.pitch:
        lines.append(f"Pitch used: {data.pitch}")
    return CardText(lines=tuple(lines))


def pitch_to_use(data: object, context: TodayContext) -> CardText | None:
    from netcoach.core.pitch import PitchCard, format_duration, is_last_minute

    card, has_contacts = data if isinstance(data, tuple) else (None, False)
    if not isinstance(card, PitchCard):
        if not has_contacts:
            return None
        return CardText(lines=("No pitch yet. In netcoach, p to write your one-minute pitch.",))
    over = card.seconds > card.limit_seconds
    lines = []
    if card.profile.signature:
        lines.append(card.profile.signature)
    lines.append(
        f"{card.name} · {plural(card.words, 'word')} · about {format_duration(round(card.seconds))}"
        f" of {format_duration(card.limit_seconds)} ({'TOO LONG' if over else 'fits'})"
        f" · {plural(card.rehearsals, 'rehearsal')}"
    )
    if card.next_event_on is not None:
        lines.append(
            "Event TODAY: rehearse it, don't rewrite it."
            if is_last_minute(card.next_event_on, context.today)
            else f"Next event {card.next_event_on:%a %d %b}."
        )
    return CardText(lines=tuple(lines))


def one_to_ones_today(data: object, context: TodayContext) -> CardText:
    from netcoach.core.meetings import OneToOne

    ones = [one for one in data if isinstance(one, OneToOne)] if isinstance(data, list) else []
    if not ones:
        return CardText(lines=("None today.",))
    rows = []
    for one in ones:
        if one.outcome is not None:
            outcome = f"objective {one.outcome.value}"
        elif one.needs_outcome(context.now):
            outcome = "no outcome yet"
        else:
            outcome = ""
        rows.append((f"{one.starts_at:%H:%M}", one.contact_name, one.objective, one.place, outcome))
    return CardText(rows=tuple(rows))


def follow_ups_due(data: object, context: TodayContext) -> CardText:
    rows, total = data if isinstance(data, tuple) else ([], 0)
    if not rows:
        return CardText(lines=("Nothing due.",))
    lines = (f"The {len(rows)} most overdue of {total:,}.",) if total > len(rows) else ()
    return CardText(
        lines=lines,
        rows=tuple(
            (
                f"{row.due_on:%a} {row.due_on.day} {row.due_on:%b}" if row.due_on else "—",
                row.status(context.today).value,
                row.what,
                "you owe" if row.owner.value == "me" else "they owe",
                row.contact_name,
            )
            for row in rows
        ),
    )


def goals_near(data: object, context: TodayContext) -> CardText | None:
    from netcoach.core.goals import Goal, progress_bar
    from netcoach.core.when import day_in_words

    goals = [goal for goal in data if isinstance(goal, Goal)] if isinstance(data, list) else []
    if not goals:
        return None
    today = context.today
    return CardText(
        rows=tuple(
            (
                progress_bar(goal.fraction, 10),
                goal.title,
                goal.progress_text(),
                f"due {day_in_words(goal.deadline, today)}"
                if goal.days_left(today) >= 0
                else f"deadline passed {day_in_words(goal.deadline, today)}",
            )
            for goal in goals
        )
    )


def coming_dates(data: object, context: TodayContext) -> CardText | None:
    from netcoach.core.important_dates import ComingDate

    coming = [c for c in data if isinstance(c, ComingDate)] if isinstance(data, list) else []
    if not coming:
        return None
    return CardText(rows=tuple((c.name, *c.line(context.today).split(" · ", 1)) for c in coming))


def review_due(data: object, context: TodayContext) -> CardText | None:
    from netcoach.core.review import ReviewDue, due_line

    if not isinstance(data, ReviewDue) or not data.shows_on_today(context.today):
        return None
    return CardText(
        lines=(
            due_line(data, context.today),
            f"In netcoach: r opens the review of {data.period.label}.",
        )
    )


def still_at_identify(data: object, context: TodayContext) -> CardText | None:
    from netcoach.core.meetings import met_text

    rows, total = data if isinstance(data, tuple) else ([], 0)
    if not rows:
        return None
    lines = ["Move them to Connect, or let them go (in netcoach, on Today: + or x)."]
    if total > len(rows):
        lines.append(f"The {len(rows)} met longest ago of {total:,}.")
    return CardText(
        lines=tuple(lines),
        rows=tuple(
            (row.name, f"met {met_text(row.first_met.date(), context.today)}", row.company)
            for row in rows
        ),
    )


def overdue_contacts(data: object, context: TodayContext) -> CardText:
    from netcoach.core.when import day_in_words

    rows, total = data if isinstance(data, tuple) else ([], 0)
    if not rows:
        return CardText(lines=("Nobody is overdue. Well kept.",))
    lines = (f"The {len(rows)} most pressing of {total:,}.",) if total > len(rows) else ()
    return CardText(
        lines=lines,
        rows=tuple(
            (
                str(row.level),
                row.name,
                row.company,
                f"last touch {day_in_words(row.last_interaction_at, context.today)}",
                row.status.value,
            )
            for row in rows
        ),
    )


def not_helped_back(data: object, context: TodayContext) -> CardText | None:
    from netcoach.core.when import day_in_words

    people, total = data if isinstance(data, tuple) else ([], 0)
    if not people:
        return None
    lines = (f"The {len(people)} most valuable of {total:,}.",) if total > len(people) else ()
    return CardText(
        lines=lines,
        rows=tuple(
            (
                person.contact_name,
                f"{person.received} ({', '.join(person.kinds)})",
                day_in_words(person.last_received, context.today),
                ", ".join(str(money) for money in person.money),
            )
            for person in people
        ),
    )


def level_counts(data: object, context: TodayContext) -> CardText:
    from netcoach.core.levels import KEY_CONTACT_TARGET, LEVELS

    counts = data if isinstance(data, dict) else {}
    total = sum(counts.values())
    key = sum(n for level, n in counts.items() if level >= KEY_CONTACT_TARGET)
    return CardText(
        lines=(
            " · ".join(f"{level.name} {counts.get(level.number, 0):,}" for level in LEVELS),
            f"{plural(total, 'contact')} · {key:,} at Engage or above",
        )
    )


READS = "netcoach.data.today"

# Top to bottom, as on the Today screen.
TODAY_TEXT: tuple[TextCard, ...] = (
    TextCard("today-first-steps", "First steps", f"{READS}:nothing", first_steps, "only"),
    TextCard("today-next-event", "Next event", f"{READS}:next_event", next_event),
    TextCard("today-pitch", "Your pitch", f"{READS}:pitch_to_use", pitch_to_use, "show"),
    TextCard(
        "today-one-to-ones", "Today's one-to-ones", f"{READS}:one_to_ones_today", one_to_ones_today
    ),
    TextCard("today-follow-ups", "Follow-ups due", f"{READS}:follow_ups_due", follow_ups_due),
    TextCard("today-dates", "Birthdays and anniversaries", f"{READS}:coming_dates", coming_dates),
    TextCard("today-review", "Review", f"{READS}:review_due", review_due),
    TextCard("today-goals", "Goals with a deadline near", f"{READS}:goals_near", goals_near),
    TextCard(
        "today-identify-box",
        "Met a month ago, still at Identify",
        f"{READS}:still_at_identify",
        still_at_identify,
    ),
    TextCard("today-overdue-box", "Due for a touch", f"{READS}:overdue_contacts", overdue_contacts),
    TextCard(
        "today-help-back-box",
        "Helped you; not helped back yet",
        f"{READS}:not_helped_back",
        not_helped_back,
    ),
    TextCard("today-levels-section", "Your network", f"{READS}:level_counts", level_counts, "show"),
)


# ---- laying the cards out ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rendered:
    title: str
    text: CardText = field(default_factory=CardText)


def render_cards(
    cards: Sequence[TextCard], data: dict[str, object], context: TodayContext
) -> list[Rendered]:
    """The cards shown, with their text; ``data`` maps each card's section to its read."""
    shown = []
    for card in cards:
        if not card.shown_on(context.empty) or card.section not in data:
            continue
        text = card.render(data[card.section], context)
        if text is not None:
            shown.append(Rendered(card.title, text))
    return shown


def write_today(rendered: Sequence[Rendered], context: TodayContext, form: Format) -> str:
    """The whole page: the date, then each card's title and lines."""
    day = context.now.strftime("%A %d %B %Y")
    if form == "markdown":
        parts = [f"# Today, {day}\n"]
        parts += [_markdown(card) for card in rendered]
    else:
        parts = [f"Today, {day}\n"]
        parts += [_text(card) for card in rendered]
    return "\n".join(parts)


def _text(card: Rendered) -> str:
    lines = [card.title]
    lines += [INDENT + fit_width(line, LINE_MOST) for line in card.text.lines]
    lines += [INDENT + row for row in _aligned(card.text.rows)]
    return "\n".join(lines) + "\n"


def _aligned(rows: Sequence[tuple[str, ...]]) -> list[str]:
    """Rows as columns padded to their widest cell (in terminal cells); empty columns drop."""
    cells = [[fit_width(cell, CELL_MOST) for cell in row] for row in rows]
    columns = max((len(row) for row in cells), default=0)
    widths = [
        max((cell_width(row[i]) for row in cells if i < len(row)), default=0)
        for i in range(columns)
    ]
    out = []
    for row in cells:
        kept = [(cell, widths[i]) for i, cell in enumerate(row) if widths[i]]
        padded = [cell + " " * (width - cell_width(cell)) for cell, width in kept[:-1]]
        out.append("  ".join([*padded, kept[-1][0]] if kept else padded).rstrip())
    return out


_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~])")
# What would start a heading, a list or a quote at the start of a line.
_MARKDOWN_START = re.compile(r"^(\d+)([.)])|^([#>+\-=])")


def markdown_escape(text: str) -> str:
    """``text`` on one line with Markdown's own characters escaped, so it reads as typed."""
    escaped = _MARKDOWN.sub(r"\\\1", fit_width(text, 10 * LINE_MOST))
    return _MARKDOWN_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def _markdown(card: Rendered) -> str:
    lines = [f"## {markdown_escape(card.title)}", ""]
    lines += [f"- {markdown_escape(line)}" for line in card.text.lines]
    lines += [
        "- " + " · ".join(markdown_escape(cell) for cell in row if cell.strip())
        for row in card.text.rows
    ]
    return "\n".join(lines) + "\n"
