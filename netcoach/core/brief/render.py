"""The brief in words: the lines of each block (the screen uses them too), as plain text
for a terminal and as Markdown for a printed page."""

from __future__ import annotations

import re
from datetime import date, timedelta

from netcoach.core.brief.model import AttendeeBrief, Brief, BriefPitch, OwedLine
from netcoach.core.ledger import kinds_text
from netcoach.core.meetings import FollowUpStatus
from netcoach.core.pitch import format_duration
from netcoach.core.text import one_line, plural, visible
from netcoach.core.when import describe_length, describe_when

# How wide a phrase or name may be inside a line, so a block keeps to its lines.
PHRASE_WIDTH = 44
NAME_WIDTH = 40
# How many people a newcomer's line names (the printed page names them all).
MEET_SHOWN = 2


def _owed(lines: tuple[OwedLine, ...], today: date) -> str:
    first = lines[0]
    if first.status in (FollowUpStatus.OVERDUE, FollowUpStatus.DUE):
        when = first.status.value
    elif first.due_on is not None:
        when = f"due {first.due_on:%a} {first.due_on.day} {first.due_on:%b}"
    else:
        when = "no date"
    more = f" +{len(lines) - 1} more" if len(lines) > 1 else ""
    return f"“{one_line(first.what, PHRASE_WIDTH)}” ({when}){more}"


def headline(person: AttendeeBrief) -> str:
    """Name · company · level · last touch."""
    parts = [one_line(person.name, NAME_WIDTH)]
    if person.company:
        parts.append(one_line(person.company, 30))
    parts.append(f"{person.level} {person.level_name}")
    parts.append(person.last_touch_text)
    return " · ".join(parts)


def detail_lines(person: AttendeeBrief, today: date) -> list[str]:
    """The lines under the headline: next step and one-to-one, what is owed, what to give."""
    lines = [f"Next: {person.step}"]
    if person.one_to_one is not None:
        one = person.one_to_one
        lines[0] += (
            f" · one-to-one {one.starts_at:%a} {one.starts_at.day} {one.starts_at:%b} "
            f"{one.starts_at:%H:%M}: {one_line(one.objective, PHRASE_WIDTH + 10)}"
        )
    exchange = []
    if person.balance is not None:
        exchange.append(f"gave {person.given} · got {person.received}")
    if person.unreturned is not None:
        exchange.append("⚑ helped you, not helped back")
    if person.you_owe:
        exchange.append(f"you owe {_owed(person.you_owe, today)}")
    if person.they_owe:
        exchange.append(f"they owe {_owed(person.they_owe, today)}")
    if exchange:
        lines.append(" · ".join(exchange))
    if person.gift is not None and (person.met_before or not person.might_meet):
        lines.append(f"Give today: {person.gift.sentence(width=PHRASE_WIDTH)}")
    elif person.might_meet:
        shown = person.might_meet[:MEET_SHOWN]
        names = ", ".join(
            f"{one_line(o.giver_name, 30)} (“{one_line(o.their_phrase, 28)}”)" for o in shown
        )
        more = len(person.might_meet) - len(shown)
        lines.append(f"Might want to meet: {names}" + (f" +{more} more" if more else ""))
    elif not person.met_before:
        lines.append("Nothing noted about what they want: ask, and note it afterwards.")
    return lines


def event_line(brief: Brief) -> str:
    event = brief.event
    when = describe_when(event.starts_at, brief.now)
    length = describe_length(timedelta(minutes=event.duration_minutes))
    place = one_line(event.place, 80) if event.place.strip() else "no place given"
    return f"{event.kind} · {when} · {length} · {place}"


def expected_line(brief: Brief) -> str:
    total = len(brief.everyone)
    if not total:
        return "Nobody noted as expected yet: add who is coming in the event (o, 2, enter)."
    new = f", {len(brief.newcomers)} not met yet" if brief.newcomers else ""
    return f"{plural(total, 'person', 'people')} expected{new}"


def pitch_lines(pitch: BriefPitch | None, guard: str | None) -> list[str]:
    """The pitch to use, its timing, this week's ask and the guard."""
    if pitch is None:
        lines = ["No pitch yet: write your one-minute pitch in the Pitch studio (p)."]
    else:
        verdict = "fits" if pitch.fits else "TOO LONG"
        lines = [
            f"Pitch: {one_line(pitch.name, NAME_WIDTH)} · {plural(pitch.words, 'word')} · about "
            f"{format_duration(round(pitch.seconds))} of {format_duration(pitch.limit_seconds)}"
            f" ({verdict}) · {plural(pitch.rehearsals, 'rehearsal')}"
        ]
        if pitch.ask:
            source = "" if pitch.ask_from == "pitch" else " (your ideal referral)"
            lines.append(f"This week's ask{source}: {one_line(pitch.ask, 96)}")
        else:
            lines.append("This week's ask: none in the script; say who exactly you want to meet.")
    if guard:
        lines[0] += f" · {guard}" if pitch is not None else ""
        if pitch is None:
            lines.append(guard)
    return lines


def to_text(brief: Brief) -> str:
    """The brief for a terminal: the event, the pitch, then one block a person."""
    today = brief.now.date()
    out = [
        f"Brief: {one_line(brief.event.name, 120)}",
        event_line(brief),
        *pitch_lines(brief.pitch, brief.guard),
    ]
    out.append("")
    out.append(expected_line(brief))
    for title, people in (("", brief.attendees), ("Not met yet", brief.newcomers)):
        if not people:
            continue
        if title:
            out += ["", title]
        for person in people:
            out.append("")
            out.append(headline(person))
            out += [f"  {line}" for line in detail_lines(person, today)]
    return "\n".join(out) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md(text: str) -> str:
    """User text made safe inside Markdown: its special characters escaped, on one line."""
    return _MD_SPECIAL.sub(r"\\\1", visible(" ".join(text.split())))


def _md_person(person: AttendeeBrief, today: date) -> list[str]:
    company = f" — {md(person.company)}" if person.company else ""
    out = [f"### {md(person.name)}{company}", ""]
    out.append(f"- **Level:** {person.level} {person.level_name}. {md(person.next_step)}")
    touched = person.last_touch
    out.append(
        f"- **Last touch:** {touched:%a %d %b %Y}" if touched else "- **Last touch:** none logged"
    )
    if person.one_to_one is not None:
        one = person.one_to_one
        out.append(
            f"- **One-to-one planned:** {one.starts_at:%a %d %b %H:%M} — {md(one.objective)}"
        )
    for label, lines in (("You owe", person.you_owe), ("They owe", person.they_owe)):
        for line in lines:
            due = f" (due {line.due_on:%d %b})" if line.due_on else ""
            out.append(f"- **{label}:** {md(line.what)}{due}, {line.status.value}")
    if person.balance is not None:
        balance = person.balance
        out.append(
            f"- **Give & get:** gave {kinds_text(balance.given)}; "
            f"received {kinds_text(balance.received)}"
        )
    if person.unreturned is not None:
        got = person.unreturned
        out.append(
            f"- **Helped you, not helped back:** {', '.join(got.kinds)}, "
            f"last on {got.last_received:%d %b %Y}"
        )
    if person.gift is not None and (person.met_before or not person.might_meet):
        gift = person.gift.sentence(person.name)
        out.append(f"- **One thing you can give today:** {md(gift[:1].upper() + gift[1:])}")
    for offer in person.might_meet:
        meet = offer.sentence(person.name)
        out.append(f"- **Might want to meet:** {md(meet[:1].upper() + meet[1:])}")
    out.append("")
    return out


def to_markdown(brief: Brief) -> str:
    """The brief as a Markdown page for people who print it."""
    today = brief.now.date()
    out = [f"# Brief: {md(brief.event.name)}", "", md(event_line(brief)), ""]
    out += ["## Your pitch", ""]
    out += [f"- {md(line)}" for line in pitch_lines(brief.pitch, None)]
    if brief.guard:
        out.append(f"- **{brief.guard}**")
    out += ["", f"## Expected: {expected_line(brief)}", ""]
    for person in brief.attendees:
        out += _md_person(person, today)
    if brief.newcomers:
        out += [f"## Not met yet ({len(brief.newcomers)})", ""]
        for person in brief.newcomers:
            out += _md_person(person, today)
    return "\n".join(out).rstrip("\n") + "\n"
