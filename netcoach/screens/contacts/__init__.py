"""The Contacts screen (key ``c``): search-as-you-type and filters over the whole network.

- ``screen``: ``ContactsScreen``, its keys, its layout and the screens it opens.
- ``filters``: ``ContactFilters``, the search box and the filter boxes, and the tags.
- ``listing``: ``ContactListing``, the list read one page of rows at a time, and opening
  the highlighted contact.
- ``rows``: the columns and choices, a row's cells, and the list's status line.
"""

from netcoach.screens.contacts.listing import PAGE_SIZE, RELOAD_LIMIT
from netcoach.screens.contacts.screen import ContactsScreen

__all__ = ["PAGE_SIZE", "RELOAD_LIMIT", "ContactsScreen"]
