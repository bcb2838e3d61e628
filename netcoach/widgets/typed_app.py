"""``self.app`` typed as the NetcoachApp in netcoach's screens and widgets.

Textual types ``app`` as ``App[object]``, so reading what netcoach's app adds
(``store``, ``push_undo``, ``action_import_contacts`` …) needed its type check silenced.
A class that mixes ``UsesNetcoachApp`` in before its Textual base gets ``app`` declared
with Textual's typed getter, ``getters.app(NetcoachApp)``, for type checkers only.

At run time the mixin is an empty class: ``app`` stays Textual's own property, this
module imports nothing (``netcoach.app`` imports these widgets, and start-up stays
as it is), and a widget still works inside a plain ``App`` in a test or benchmark.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual import getters
    from textual.message_pump import MessagePump

    from netcoach.app import NetcoachApp

    # A MessagePump for the type checker, so the getter's ``app`` agrees with Textual's.
    class UsesNetcoachApp(MessagePump):
        app = getters.app(NetcoachApp)

else:

    class UsesNetcoachApp:
        """Mixed in before a Screen or Widget: type checkers see ``self.app`` as NetcoachApp."""
