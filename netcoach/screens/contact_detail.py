"""Everything about one person on one screen, and the next step towards the next level."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static
from textual.worker import get_current_worker

from netcoach.core.cadence import TouchStatus, days_overdue, touch_status
from netcoach.core.important_dates import describe_brief
from netcoach.core.ledger import Balance, kinds_text, money_text
from netcoach.core.levels import MAX_LEVEL, level_info, level_name
from netcoach.core.models import Contact, Interaction, LevelChange
from netcoach.core.network import GAINS, REASON_LABELS, REASONS
from netcoach.core.text import plural, visible
from netcoach.core.validation import format_tags
from netcoach.data.repo import Store
from netcoach.screens.contact_actions import ContactActions, Target
from netcoach.widgets.footer import Footer
from netcoach.widgets.status import STATUS_STYLE, clip, when_text

FIELD_WIDTH = 90
VALUE_WIDTH = 34
NOTES_LIMIT = 2_000


@dataclass(frozen=True, slots=True)
class ContactDetail:
    contact: Contact
    history: tuple[LevelChange, ...]
    interactions: tuple[Interaction, ...]
    balance: Balance | None = None


class ContactDetailScreen(ContactActions, Screen[None]):
    """One contact: fields, level history, touches, reasons, wants and haves, GAINS."""

    TITLE = "netcoach — Contact"

    CSS_PATH = "../styles/contact.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="contact.back"),
        Binding("e", "edit", "Edit", id="contact.edit", tooltip="Edit every field"),
        Binding("G", "give_get", "Give/get", id="contact.give-get", tooltip="Record a give or get"),
        *ContactActions.ACTION_BINDINGS,
    ]

    class Loaded(Message):
        def __init__(self, detail: ContactDetail) -> None:
            super().__init__()
            self.detail = detail

    class Missing(Message):
        pass

    def __init__(self, store: Store, contact_id: int) -> None:
        super().__init__()
        self.store = store
        self.contact_id = contact_id
        self.contact: Contact | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="detail-body"):
            yield Static("", id="detail-name")
            yield Static("", id="detail-sub")
            with Horizontal(id="detail-top"):
                yield Static("", id="detail-level", classes="detail-card")
                yield Static("", id="detail-touch", classes="detail-card")
            yield Static("", id="detail-next-step")
            yield Static("", id="detail-give-get")
            with Horizontal(id="detail-columns"):
                with Vertical(classes="detail-column"):
                    yield Static("About", classes="section-title")
                    yield Static("", id="detail-fields")
                    yield Static("Reasons to network", classes="section-title")
                    yield Static("", id="detail-reasons")
                    yield Static("Wants and haves", classes="section-title")
                    yield Static("", id="detail-wants")
                with Vertical(classes="detail-column"):
                    yield Static("GAINS", classes="section-title")
                    yield Static("", id="detail-gains")
                    yield Static("Notes", classes="section-title")
                    yield Static("", id="detail-notes")
            yield Static("Level history", classes="section-title")
            yield DataTable(id="detail-history", cursor_type="row", show_cursor=False)
            yield Static("Touches", classes="section-title")
            yield DataTable(id="detail-interactions", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#detail-history", DataTable).add_columns("When", "Change", "Reason")
        self.query_one("#detail-interactions", DataTable).add_columns("When", "Kind", "Note")
        self.query_one("#detail-body").loading = True

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.load(self.contact_id)

    @work(thread=True, exclusive=True, group="contact-detail-load", exit_on_error=False)
    def load(self, contact_id: int) -> None:
        from netcoach.data.errors import NotFoundError

        try:
            contact = self.store.get_contact(contact_id)
        except NotFoundError:
            self.post_message(self.Missing())
            return
        detail = ContactDetail(
            contact,
            tuple(self.store.level_history(contact_id)),
            tuple(self.store.interactions(contact_id, limit=200)),
            next(iter(self.store.ledger.balances(limit=1, contact_id=contact_id)), None),
        )
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(detail))

    @on(Missing)
    def missing(self) -> None:
        self.notify("That contact no longer exists.", severity="warning")
        self.dismiss()

    @on(Loaded)
    def show(self, message: Loaded) -> None:
        contact = self.contact = message.detail.contact
        self.refresh_bindings()  # the contact's keys act once it is shown
        today = self.store.today()
        self.query_one("#detail-body").loading = False
        advisor = "  ★ advisor" if contact.is_advisor else ""
        archived = "  (archived)" if contact.archived else ""
        self.query_one("#detail-name", Static).update(
            Content.from_markup(
                "[b]$name[/b]$extra", name=clip(contact.name, FIELD_WIDTH), extra=advisor + archived
            )
        )
        sub = " · ".join(clip(part, 50) for part in (contact.title, contact.company) if part)
        self.query_one("#detail-sub", Static).update(Content(sub))
        level = level_info(contact.level)
        self.query_one("#detail-level", Static).update(
            Content.from_markup(
                "Level [b]$number $name[/b]\n$meaning",
                number=str(level.number),
                name=level.name,
                meaning=level.meaning,
            )
        )
        self.query_one("#detail-touch", Static).update(self._touch_text(contact, today))
        if contact.level < MAX_LEVEL:
            step = Content.from_markup(
                "[b]Next step to $next:[/b] $text",
                next=level_name(contact.level + 1),
                text=level.next_step,
            )
        else:
            step = Content.from_markup("[b]Keep it up:[/b] $text", text=level.next_step)
        self.query_one("#detail-next-step", Static).update(step)
        self.query_one("#detail-give-get", Static).update(self._give_get_text(message.detail))
        fields = [
            ("Emails", ", ".join(contact.emails)),
            ("Phones", ", ".join(contact.phones)),
            ("Web", contact.url),
            ("How met", contact.how_met),
            ("Where met", contact.where_met),
            *(
                (label, describe_brief(value, today, kind))
                for kind, label, value in (
                    ("birthday", "Birthday", contact.birthday),
                    ("anniversary", "Anniversary", contact.anniversary),
                )
                if value is not None
            ),
            ("Tags", format_tags(contact.tags)),
            ("Added", contact.created_at.strftime("%d %b %Y")),
        ]
        self.query_one("#detail-fields", Static).update(self._pairs(fields))
        reasons = [REASON_LABELS[key] for key, _label in REASONS if key in contact.reasons]
        self.query_one("#detail-reasons", Static).update(
            Content(", ".join(reasons) if reasons else "None chosen yet (press e to choose).")
        )
        self.query_one("#detail-wants", Static).update(
            Content("\n").join(
                [
                    *self._bullets("Wants", contact.wants),
                    *self._bullets("Has to offer", contact.haves),
                ]
            )
        )
        gains = [(label, getattr(contact, field) or "—") for field, label, _p in GAINS]
        self.query_one("#detail-gains", Static).update(self._pairs(gains))
        notes = contact.notes
        if len(notes) > NOTES_LIMIT:
            notes = notes[: NOTES_LIMIT - 1] + "…"
        self.query_one("#detail-notes", Static).update(
            Content(visible(notes, multiline=True) or "—")
        )
        history = self.query_one("#detail-history", DataTable)
        history.clear()
        for change in message.detail.history:
            moved = (
                f"added at {change.to_level} {level_name(change.to_level)}"
                if change.from_level is None
                else f"{level_name(change.from_level)} → {level_name(change.to_level)}"
            )
            history.add_row(
                Text(change.changed_at.strftime("%d %b %Y")),
                Text(moved),
                Text(clip(change.reason, 70)),
            )
        touches = self.query_one("#detail-interactions", DataTable)
        touches.clear()
        for touch in message.detail.interactions:
            touches.add_row(
                Text(touch.happened_at.strftime("%d %b %Y")),
                Text(touch.kind),
                Text(clip(touch.note, 70)),
            )
        if not message.detail.interactions:
            touches.add_row(Text("—"), Text("no touches yet"), Text("press i to log one"))
        self.sub_title = clip(contact.name, 40)

    def _give_get_text(self, detail: ContactDetail) -> Content:
        balance = detail.balance
        if balance is None or not (balance.given_total or balance.received_total):
            return Content.from_markup("[b]Give & get:[/b] nothing recorded yet (press G to add).")
        lines = [
            Content.from_markup(
                "[b]Give & get:[/b] gave $given · received $received · $sign",
                given=kinds_text(balance.given),
                received=kinds_text(balance.received),
                sign=f"balance {balance.balance:+d}" if balance.balance else "even",
            )
        ]
        if balance.given_money or balance.received_money:
            lines.append(
                Content.from_markup(
                    "Business: gave $gave · received $got",
                    gave=money_text(balance.given_money),
                    got=money_text(balance.received_money),
                )
            )
        return Content("\n").join(lines)

    def _pairs(self, pairs: list[tuple[str, str]]) -> Content:
        lines = [
            Content.from_markup(
                "[b]$label[/b] $value", label=f"{label:<16}", value=clip(v, VALUE_WIDTH)
            )
            for label, v in pairs
        ]
        return Content("\n").join(lines)

    def _bullets(self, title: str, phrases: tuple[str, ...]) -> list[Content]:
        lines = [Content.from_markup("[b]$title[/b]", title=title)]
        lines += [Content(f"  • {clip(phrase, VALUE_WIDTH + 12)}") for phrase in phrases]
        return lines if phrases else [*lines, Content("  —")]

    def _touch_text(self, contact: Contact, today: object) -> Content:
        from datetime import date

        assert isinstance(today, date)
        status = touch_status(contact.next_due_on, today)
        last = when_text(contact.last_interaction_at, today)
        if status is TouchStatus.NONE:
            due = "no keep-in-touch interval at this level"
        elif status is TouchStatus.OVERDUE:
            due = f"{plural(days_overdue(contact.next_due_on, today), 'day')} overdue"
        else:
            due = f"next touch due {when_text(contact.next_due_on, today)}"
        if contact.cadence_days:
            every = f"every {plural(contact.cadence_days, 'day')} (this contact's own setting)"
        elif status is TouchStatus.NONE:
            every = "set days in the form (e) or per level in Settings to get reminders"
        else:
            every = f"the {level_name(contact.level)} interval from Settings"
        return Content.assemble(
            "Keep in touch: ",
            (status.value.upper(), STATUS_STYLE[status]),
            f"\nLast touch {last}; {due}\n{every}",
        )

    def selected_target(self) -> Target | None:
        contact = self.contact
        if contact is None:
            return None
        return Target(contact.id, contact.name, contact.level, contact.archived)

    def action_back(self) -> None:
        self.dismiss()

    def action_edit(self) -> None:
        from netcoach.screens.contact_form import ContactFormScreen

        if self.contact is not None:
            self.app.push_screen(ContactFormScreen(self.store, self.contact.id))

    def action_give_get(self) -> None:
        """Record a give or get with this contact; the detail reloads when Give & get closes."""
        from netcoach.screens.ledger_entry import LedgerEntryModal

        if self.contact is not None:
            self.app.push_screen(LedgerEntryModal(self.store, self.contact.id))
