"""The keyboard contract: typing never fires a command.

A *browsing key* is a bare printable key (a letter, digit, symbol or space) or one
of the row keys ``delete`` and ``backspace``. A browsing key bound to a command
acts only while the person is browsing:

- the screen is a place where people browse (it inherits ``Browsing``: the lists,
  boards, the report, the rehearsal timer), and
- nothing is focused, or the focused widget is a list, table, board column or
  card (a ``Browsing`` widget, a ``DataTable`` or ``OptionList``, or a plain
  scrolling container).

Anywhere else (in a form, dialog or guide, and on a field, button, select,
checkbox, switch, radio set or tab bar) those keys are text or do nothing, and
the commands are ctrl/alt/function keys, ``escape`` and ``enter``. The focused
widget's own keys always work (space on a checkbox, a select's type-to-search,
arrows on a tab bar), because the rule only turns off the bindings of the
widget's ancestors, the screen and the app.

``escape`` in a field of a browsing screen moves focus back to the screen's main
list or content (``leave_field``); a dialog or form closes on its own ``escape``.

How it is kept: every screen or widget whose bindings use browsing keys inherits
``KeyContract`` (directly or through ``Browsing``); its ``check_action`` turns
those bindings off while the person is not browsing, which also takes them out
of the footer. A subclass that overrides ``check_action`` calls ``super()``
first. A new screen is a form until it declares itself ``Browsing``; a new
widget is not a list until it does.

Keys that act on what was typed (``ctrl+s`` on every form) are not priority
bindings: a priority binding runs the moment its key arrives, before the keys
typed just ahead of it have reached the field, so a fast typist's last letters
would be left out of the save. A plain binding travels through the focused field
after those keys. ``ctrl+q`` is priority (it must work everywhere), so it first
waits for them (``keys_handed_out``).
"""

from __future__ import annotations

from functools import cache
from typing import ClassVar

from textual.actions import parse
from textual.app import App
from textual.binding import Binding
from textual.containers import HorizontalScroll, ScrollableContainer, VerticalScroll
from textual.dom import DOMNode
from textual.keys import REPLACED_KEYS, Keys, key_to_character
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, OptionList

# Keys that are not characters but act on the highlighted row of a list.
ROW_KEYS = frozenset({"delete", "backspace"})
# Containers that only scroll what they hold: focused, the person is reading a page.
PLAIN_SCROLLS: tuple[type[Widget], ...] = (VerticalScroll, HorizontalScroll, ScrollableContainer)
# Textual widgets that are lists.
LIST_WIDGETS: tuple[type[Widget], ...] = (DataTable, OptionList)


async def keys_handed_out(screen: Screen[object]) -> None:
    """Wait until the focused widget has handled the keys already handed to it.

    A priority binding's action runs while keys typed just before it may still wait in
    the focused field's queue; a callback queued behind them runs once they are in.
    """
    import asyncio

    focused = screen.focused
    if focused is None:
        return
    handled = asyncio.Event()
    if focused.call_later(handled.set):
        await handled.wait()


def is_browsing_key(key: str) -> bool:
    """True for a key that is text in a field: a bare printable key, or delete/backspace."""
    if key in ROW_KEYS:
        return True
    if len(key) == 1:
        return key.isprintable()
    # Textual names some symbols ("plus", "slash") in a way its own lookup does not undo.
    character = key_to_character(REPLACED_KEYS.get(key, key))
    return character is not None and character.isprintable()


def _in_select(widget: Widget) -> bool:
    """True for the drop-down list of a select (an option list inside it)."""
    if not isinstance(widget, OptionList):
        return False
    from textual.widgets import Select  # imported once an option list has focus, not at start

    return any(isinstance(node, Select) for node in widget.ancestors)


def is_browsing_widget(widget: Widget) -> bool:
    """True if ``widget`` is a list, table, board column, card or page: no text entry."""
    if getattr(widget, "BROWSING", False) or type(widget) in PLAIN_SCROLLS:
        return True
    if not isinstance(widget, LIST_WIDGETS):
        return False
    from textual.widgets import SelectionList

    # A select's drop-down is part of the select; a selection list is a list of checkboxes.
    return not isinstance(widget, SelectionList) and not _in_select(widget)


def is_browsing(screen: Screen[object]) -> bool:
    """True if the person is browsing ``screen``: browsing keys act there."""
    if not getattr(screen, "BROWSING", False):
        return False
    focused = screen.focused
    return focused is None or is_browsing_widget(focused)


def can_leave_field(screen: Screen[object]) -> bool:
    """True if focus is in a field of a browsing screen, so ``escape`` should leave it."""
    focused = screen.focused
    if not getattr(screen, "BROWSING", False) or focused is None:
        return False
    if _in_select(focused):
        return False  # an open select's list closes on its own escape
    return not is_browsing_widget(focused)


def leave_field(screen: Screen[object]) -> None:
    """Move focus from a field to the screen's main list or content (the first in focus order)."""
    for widget in screen.focus_chain:
        if is_browsing_widget(widget):
            widget.focus()
            return
    screen.set_focus(None)


def can_drop(screen: Screen[object]) -> bool:
    """True if a global key may close ``screen`` to show the screen it names.

    A screen that can hold typing not yet saved says so with ``has_changes()``;
    without one, browsing screens may close and forms and dialogs stay.
    """
    unsaved = getattr(screen, "has_changes", None)
    if callable(unsaved):
        return not unsaved()
    return bool(getattr(screen, "BROWSING", False))


@cache
def _bound_keys(node_class: type[DOMNode]) -> dict[tuple[str, tuple[object, ...]], list[Binding]]:
    """Every binding of ``node_class`` (and its bases) by the action it runs on the node."""
    found: dict[tuple[str, tuple[object, ...]], list[Binding]] = {}
    for cls in reversed(node_class.__mro__):
        for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", ())):
            namespace, name, parameters = parse(binding.action)
            if not namespace:
                found.setdefault((name, parameters), []).append(binding)
    return found


def _keymap(app: App[object]) -> dict[str, str]:
    config = getattr(app, "config", None)
    return getattr(config, "keymap", None) or {}


def browsing_only(node: DOMNode, action: str, parameters: tuple[object, ...]) -> bool:
    """True if every key that runs ``action`` on ``node`` is a browsing key."""
    bindings = _bound_keys(type(node)).get((action, parameters))
    if not bindings:
        return False
    keymap = _keymap(node.app)
    keys = [
        key.strip()
        for binding in bindings
        for key in (keymap.get(binding.id, binding.key) if binding.id else binding.key).split(",")
    ]
    return all(is_browsing_key(key) for key in keys if key)


def _screen_of(node: DOMNode) -> Screen[object] | None:
    if isinstance(node, Screen):
        return node
    if isinstance(node, App):
        return node.screen
    return node.screen if isinstance(node, Widget) and node.is_attached else None


class KeyContract:
    """For a screen, widget or app with bindings: its browsing keys act only while browsing."""

    BROWSING: ClassVar[bool] = False
    """A screen: people browse here; a widget: it is a list, board column or card."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        assert isinstance(self, DOMNode)
        if browsing_only(self, action, parameters):
            screen = _screen_of(self)
            if screen is None or not is_browsing(screen):
                return False
        return super().check_action(action, parameters)  # type: ignore[misc]


class Browsing(KeyContract):
    """A screen where people browse, or a widget that is a list, board column or card."""

    BROWSING: ClassVar[bool] = True
    # A browsing screen opens with its first list (or its page) focused, not a tab bar.
    AUTO_FOCUS: ClassVar[str | None] = (
        "DataTable, OptionList, ContactTable, CardList, VerticalScroll"
    )


# ---- keys named in the settings --------------------------------------------------------------

MODIFIERS = frozenset({"ctrl", "alt", "shift", "meta", "super", "hyper"})
# Keys with a name of their own (escape, f5, pageup…), as Textual reports them.
NAMED_KEYS = frozenset(
    key.value
    for key in Keys
    if "+" not in key.value and "-" not in key.value and not key.value.startswith("<")
)


def is_key_name(key: str) -> bool:
    """True for one key as a binding names it: ``ctrl+q``, ``f5``, ``question_mark``, ``a``."""
    *modifiers, name = key.split("+")
    if len(set(modifiers)) != len(modifiers) or not MODIFIERS.issuperset(modifiers):
        return False
    if len(name) == 1:
        return name.isprintable() and not name.isspace()
    if name in NAMED_KEYS:
        return True
    character = key_to_character(REPLACED_KEYS.get(name, name))
    return character is not None and character.isprintable() and name == name.lower()


def binding_ids() -> frozenset[str]:
    """The id of every binding netcoach (and the Textual widgets it uses) declares.

    Every screen and widget module is imported, so this is for a settings file that
    remaps keys, not for every start.
    """
    import importlib
    import pkgutil

    import netcoach.app
    import netcoach.screens
    import netcoach.widgets

    for package in (netcoach.screens, netcoach.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{info.name}")
    found: set[str] = set()
    waiting: list[type[DOMNode]] = [DOMNode]
    while waiting:
        cls = waiting.pop()
        waiting.extend(cls.__subclasses__())
        for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", ())):
            if binding.id:
                found.add(binding.id)
    return frozenset(found)
