"""The keys line at the bottom of every screen: one widget, measured in cells.

The screen's own keys come first, then the global ones; ``? Help`` and the
command palette's key keep their place at the right end. A key that does not fit
is left out whole, never cut in half (``?`` help lists every key). The line is
worked out again only when the screen's bindings change (a focus change, a
screen switch) or the footer's width changes, and it is one widget, so showing
new keys mounts nothing.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import App
from textual.screen import Screen
from textual.widget import Widget

GAP = 2
HELP_ACTION = "help"


class FooterItem(NamedTuple):
    """One key the footer may show."""

    key: str
    """The key as Textual names it (what a click presses)."""
    display: str
    """The key as shown, e.g. ``^s``."""
    description: str
    action: str
    enabled: bool
    global_key: bool
    """An app-wide key rather than one of the screen's (or focused widget's)."""

    @property
    def text(self) -> str:
        return f"{self.display} {self.description}" if self.description else self.display

    @property
    def cells(self) -> int:
        return cell_len(self.text)


def footer_items(screen: Screen[object]) -> list[FooterItem]:
    """Every key ``screen`` shows in its footer, in order: its own keys, then the global ones.

    One key per action (the first bound), as in Textual's own footer.
    """
    app = screen.app
    own: list[FooterItem] = []
    shared: list[FooterItem] = []
    actions: set[str] = set()
    for key, (node, binding, enabled, _tooltip) in screen.active_bindings.items():
        if not (binding.show or key == app.COMMAND_PALETTE_BINDING):
            continue
        if binding.action in actions:
            continue
        actions.add(binding.action)
        is_global = isinstance(node, App)
        item = FooterItem(
            key,
            app.get_key_display(binding),
            binding.description,
            binding.action,
            enabled,
            is_global,
        )
        (shared if is_global else own).append(item)
    # Quitting is the last thing a person looks for.
    shared.sort(key=lambda item: item.action == "quit")
    return own + shared


def _pinned(item: FooterItem, app: App[object]) -> bool:
    """Help and the command palette stay at the right end whatever else is left out."""
    return item.key == app.COMMAND_PALETTE_BINDING or (
        item.global_key and item.action == HELP_ACTION
    )


def fit_items(
    items: list[FooterItem], width: int, pinned: list[FooterItem]
) -> tuple[list[FooterItem], list[FooterItem]]:
    """The items shown in ``width`` cells: (left, right). Whole items only, in order.

    The pinned items (right) are kept first; then each other item in order while it
    fits. A key that does not fit is left out, and so is every key after it, so
    the order on screen stays the order of importance.
    """
    right, used = _first_that_fit(pinned, width)
    left, _taken = _first_that_fit(items, width - used - (GAP if right else 0))
    return left, right


def _first_that_fit(items: list[FooterItem], width: int) -> tuple[list[FooterItem], int]:
    """The leading ``items`` that fit in ``width`` cells, ``GAP`` apart, and the cells they take."""
    fitted: list[FooterItem] = []
    used = 0
    for item in items:
        need = item.cells + (GAP if fitted else 0)
        if used + need > width:
            break
        fitted.append(item)
        used += need
    return fitted, used


class Footer(Widget, can_focus=False):
    """The keys of the current screen, screen keys first, each shown whole or not at all."""

    ALLOW_SELECT = False

    COMPONENT_CLASSES: ClassVar[set[str]] = {"footer--key", "footer--description"}

    DEFAULT_CSS = """
    Footer {
        dock: bottom;
        height: 1;
        padding: 0 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._items: list[FooterItem] = []
        self._places: list[tuple[int, int, FooterItem]] = []
        self.shown: list[FooterItem] = []
        """The keys on screen now, left to right."""

    @property
    def items(self) -> list[FooterItem]:
        """Every key the footer would show with room enough, in order."""
        return list(self._items)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self._items = footer_items(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen is not self.screen or not screen.app.app_focus:
            return
        items = footer_items(screen)
        if items != self._items:
            self._items = items
            self.refresh()

    def render(self) -> Text:
        width = self.content_region.width or self.size.width
        app = self.app
        pinned = [item for item in self._items if _pinned(item, app)]
        rest = [item for item in self._items if not _pinned(item, app)]
        left, right = fit_items(rest, width, pinned)
        key_style = self.get_component_rich_style("footer--key")
        text_style = self.get_component_rich_style("footer--description")
        line = Text(no_wrap=True, overflow="crop", end="")
        places: list[tuple[int, int, FooterItem]] = []

        def add(items: list[FooterItem]) -> None:
            for index, item in enumerate(items):
                if index:
                    line.append(" " * GAP)
                start = line.cell_len
                dim = Style(dim=True) if not item.enabled else Style()
                line.append(item.display, key_style + dim)
                if item.description:
                    line.append(" " + item.description, text_style + dim)
                places.append((start, line.cell_len, item))

        add(left)
        if right:
            used = cell_len(line.plain)
            right_cells = sum(item.cells for item in right) + GAP * (len(right) - 1)
            line.append(" " * max(0, width - used - right_cells))
            add(right)
        self._places = places
        self.shown = [item for _start, _end, item in places]
        return line

    def on_click(self, event: events.Click) -> None:
        x = event.x - self.styles.padding.left
        for start, end, item in self._places:
            if start <= x < end:
                if item.enabled:
                    self.app.simulate_key(item.key)
                else:
                    self.app.bell()
                return
