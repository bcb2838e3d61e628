"""Narrowing the contact list: search as you type, the level, tag, reason, show and sort boxes.

``ContactFilters`` turns each change in the search box or a filter box into the filter
the list reads, and fills the tag box with the tags in use.
"""

from __future__ import annotations

from textual import on, work
from textual.message import Message
from textual.widgets import Input, Select

from netcoach.core.models import Show, SortOrder
from netcoach.screens.contacts.listing import ContactListing
from netcoach.widgets.contact_table import ContactTable
from netcoach.widgets.search_box import SearchBox
from netcoach.widgets.status import clip


class ContactFilters(ContactListing):
    """The search box and filter boxes over the contact list, and the tags they offer."""

    class TagsLoaded(Message):
        def __init__(self, tags: list[str]) -> None:
            super().__init__()
            self.tags = tags

    @work(thread=True, exclusive=True, group="contacts-tags", exit_on_error=False)
    def load_tags(self) -> None:
        self.post_message(self.TagsLoaded(self.store.contacts.tags()))

    @on(TagsLoaded)
    def show_tags(self, message: TagsLoaded) -> None:
        select = self.query_one("#filter-tag", Select)
        current = select.value
        with self.prevent(Select.Changed):
            select.set_options([(clip(tag, 30), tag) for tag in message.tags])
            if current in message.tags:
                select.value = current

    @on(Input.Changed, "#contacts-search")
    def search_changed(self, event: Input.Changed) -> None:
        self.open_when_shown = False
        self.set_filter(search=event.value)

    @on(Input.Submitted, "#contacts-search")
    def search_submitted(self) -> None:
        """Enter in the search box opens the highlighted match, once the list shows the search."""
        if self.shown == self.wanted:
            self.action_open_contact()
        else:
            self.open_when_shown = True

    @on(SearchBox.ToResults, "#contacts-search")
    def search_to_results(self) -> None:
        self.action_focus_list()

    @on(Select.Changed)
    def filter_changed(self, event: Select.Changed) -> None:
        value = None if event.select.is_blank() else event.value
        field = (event.select.id or "").removeprefix("filter-")
        if field == "show":
            self.set_filter(show=Show(value or Show.ACTIVE))
        elif field == "sort":
            self.set_filter(sort=SortOrder(value or SortOrder.NAME))
        elif field in ("level", "tag", "reason"):
            self.set_filter(**{field: value})

    def action_focus_search(self) -> None:
        self.query_one("#contacts-search", Input).focus()

    def action_focus_list(self) -> None:
        self.query_one("#contacts-table", ContactTable).focus()
