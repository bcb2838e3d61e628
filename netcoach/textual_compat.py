"""Every place netcoach goes past Textual's public API, each with its reason and its gain.

The rest of netcoach uses Textual's public API only: ``tests/unit/test_textual_compat.py``
scans the package and fails when a module other than this one imports ``textual._*``,
defines or calls a private name of a Textual class, or reads or sets one of their private
attributes. That file also holds a test for each use below that fails loudly when a
Textual upgrade (8.2.8 is pinned) changes what the use relies on: then drop the use if
Textual no longer needs the help, or redo it against the new code.

The gains were measured on the two-core machine netcoach is built on, with a demo
database of 10,000 contacts, visiting Contacts, Pitch, Give & get, Levels, One-to-ones
and Review for the first time one after the other (CPU time spent in Textual's
stylesheet code, which is steady where wall time is noisy):

- ``AreaStylesheets`` (``_load_screen_css``, ``refresh_css``): 40-43 ms of styling for
  the six first visits, against 340-350 ms without the ``_load_screen_css`` override,
  510-520 ms without the ``refresh_css`` one and 590-650 ms without both: about 100 ms
  a first visit (the six visits took 3.5 s of wall time without both, 2.1-2.6 s with).
- ``NoSwitchDelay`` (``delay_update``): a screen switch's first paint 2.8 ms after the
  switch instead of 52.5 ms (median of ten, a bare two-screen app, headless).
- ``use_theme_from_start``: the first screen styled once, one full parse (6 ms of CPU)
  less at start. Start-up (``benchmarks/startup.py``) is otherwise unchanged by these.

Typing a search on Contacts (10,000 contacts, 44 keystrokes, three runs, key press to
the list repainted; median / 95th percentile):

- ``virtual_size_without_layout`` (the search box): 6-8 ms / 15-19 ms, against
  30-37 ms / 43-60 ms when each keystroke lays the whole screen out again.
- ``set_virtual_size`` (the contact and card lists): the same median, and a 95th
  percentile of 15-19 ms against 21-28 ms with a layout on each new row count.

- ``place_tab_underline`` (the Pitch studio's tabs, shown once a pitch is loaded): the
  studio's first visit on the demo data ends at its last frame about 156 ms after the
  key instead of 430 ms, when the underline slid in under the first tab (measured with
  benchmarks/first_visit.py; the CPU time is about the same).

- ``StyledWhenBuilt`` (Review, Give & get): a first visit without the two restyles of
  the whole screen that Textual's two resumes of a new screen make: 9-13 ms less on
  Give & get and 20-37 ms on Review (demo data, three visits each, timed around
  ``update_node_styles``).

A use may also be code that does, with public names, what a private Textual method
does (its layout bookkeeping, its theme watcher): it is kept here, with a test that
compares it with Textual's own result, because it silently goes wrong when that
private method changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.geometry import Size
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen

CssState = tuple[dict[str, str], dict[object, object]]


class AreaStylesheets:
    """Mixed into the App: a screen's own stylesheet (``CSS_PATH``) is read on its first
    visit and styles that screen only, and nothing is restyled when nothing changed.

    Start-up reads only ``app.tcss`` (the shell, Today and the main lists); each area's
    screens name their own file in ``CSS_PATH``, whose rules are all under those screens'
    type names. Textual, on a screen's first visit, re-parses every stylesheet from
    scratch and restyles every widget of every screen when it meets a new file
    (``_load_screen_css``), and then twice more calls ``refresh_css`` because a new
    screen starts out "behind" the app's CSS count, re-parsing and restyling all again
    though neither a stylesheet nor the theme changed. Each of those passes is 30-50 ms
    on a netcoach screen.

    Call ``styles_settled()`` once the first screen is styled (in ``on_mount``).
    Under ``textual run --dev`` (or ``watch_css``) each area's file is watched as soon
    as it is read, so editing it restyles the running app as Textual's own loading does.
    """

    _css_seen: CssState | None = None

    def styles_settled(self: Any) -> None:
        """The stylesheets are parsed and the theme applied: a refresh with nothing new
        in them has nothing to restyle."""
        self._css_seen = self._css_state()

    def refresh_css(self: Any, animate: bool = True) -> None:
        """Restyle every screen, unless neither the theme's variables nor any stylesheet changed."""
        if self._css_seen is not None and self._css_seen == self._css_state():
            return
        super().refresh_css(animate=animate)
        self._css_seen = self._css_state()

    def _load_screen_css(self: Any, screen: Screen[object]) -> None:
        """Read a screen's own stylesheet on its first visit and style only that screen."""
        if self.css_monitor is not None:
            self.css_monitor.add_paths(screen.css_path)
        fresh = [path for path in screen.css_path if not self.stylesheet.has_source(str(path), "")]
        if screen.CSS or not fresh:
            super()._load_screen_css(screen)
            return
        in_step = self._css_seen is not None and self._css_seen == self._css_state()
        for path in fresh:
            source = Path(path).read_text(encoding="utf-8")
            self.stylesheet.add_source(source, read_from=(str(path), ""), is_default_css=False)
        self.stylesheet.update(screen)
        if in_step:
            self._css_seen = self._css_state()

    def _css_state(self: Any) -> CssState:
        # A widget's default CSS is added, parsed and applied when the widget first
        # mounts, and only styles that widget; the theme and the app's own stylesheets
        # are what a refresh has to pass on to every screen.
        return self.get_css_variables(), {
            where: source
            for where, source in self.stylesheet.source.items()
            if not source.is_defaults
        }


class StyledWhenBuilt:
    """Mixed into a Screen (before ``Screen``): resuming a screen just built restyles nothing.

    Textual resumes a mode's screen twice on its first visit (``_init_mode`` and
    ``switch_mode`` each post ``ScreenResume``), and on each resume restyles every
    widget on the screen, though each was styled as it was mounted a moment before
    and no stylesheet or theme can have changed since (a change restyles every screen
    anyway). ``Screen._on_screen_resume`` restyles only when the event's
    ``refresh_styles`` is set, and handlers run from the screen's own class towards
    ``Screen``, so this clears it until the screen is first suspended.
    """

    _suspended_since_built = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._suspended_since_built:
            event.refresh_styles = False

    def on_screen_suspend(self) -> None:
        self._suspended_since_built = True


class NoSwitchDelay:
    """Mixed into the App: paints are held only until the current messages are handled.

    Textual masks a screen switch (and the command palette closing) by holding every
    paint for a fixed 50 ms (``delay_update``). netcoach's screens paint what they have
    at once and fill in when their data arrives, so the fixed wait only delays them:
    with it each switch's first paint comes up to 49 ms later.
    """

    def delay_update(self: Any, delay: float = 0.05) -> None:
        super().delay_update(0.001)


def use_theme_from_start(app: App[Any], name: str) -> None:
    """Start in theme ``name`` with the stylesheet parsed once, where Textual's watcher allows.

    Copies part of Textual's private theme watcher (``App._watch_theme``); no private
    name is used. The stylesheet is created with the default theme's variables before
    the chosen theme is known, and assigning ``App.theme`` in ``__init__`` runs the
    watcher, which queues a full ``refresh_css``: one more parse of every stylesheet
    before the first paint (6 ms of CPU, measured at start with 10,000 contacts). For a
    theme whose ANSI colour filter is the default theme's (a dark, non-ANSI theme, such
    as netcoach's own) ``set_reactive`` skips the watcher and this sets what start-up
    needs of it: the variables and the theme classes. A light or ANSI theme also needs
    the ANSI-to-truecolor filter remade, which only Textual's private
    ``_refresh_truecolor_filter`` does, so it goes through the watcher.
    """
    default = app.theme
    filter_before = (app.current_theme.dark, app.native_ansi_color)
    app.set_reactive(App.theme, name)
    if (app.current_theme.dark, app.native_ansi_color) != filter_before:
        app.set_reactive(App.theme, default)
        app.theme = name
        return
    theme = app.current_theme
    app.stylesheet.set_variables(app.get_css_variables())
    classes = {name: False for name in app.classes if name.startswith("-theme-")}
    classes[f"-theme-{theme.name}"] = True
    classes["-dark-mode"] = theme.dark
    classes["-light-mode"] = not theme.dark
    app.update_classes(classes, update=False)


def set_virtual_size(view: ScrollView, size: Size) -> None:
    """Give a line-API list a new virtual size, with a layout only when its scrollbars change.

    Setting ``virtual_size`` asks the screen for a layout, and a layout reflows every
    widget on it (header, filters, footer keys…). When the list's scrollbars stay as
    they are, only their thumbs and the list's own lines change, so this sets what
    Textual's layout would set on them (``Widget._arrange_scrollbars`` gives each bar
    its ``window_virtual_size`` and ``window_size``), keeps the scroll position within
    the new size, and repaints the list.
    """
    if size == view.virtual_size:
        view.refresh()
        return
    region = view.scrollable_content_region
    settled = view.is_mounted and region.height > 0 and region.width > 0
    same_bars = (
        settled
        and view.show_vertical_scrollbar == (size.height > region.height)
        and view.show_horizontal_scrollbar == (size.width > region.width)
    )
    if not same_bars:
        view.virtual_size = size
        return
    view.set_reactive(Widget.virtual_size, size)
    if view.show_vertical_scrollbar:
        bar = view.vertical_scrollbar
        bar.window_virtual_size = size.height
        bar.window_size = region.height
        bar.refresh()
    if view.show_horizontal_scrollbar:
        bar = view.horizontal_scrollbar
        bar.window_virtual_size = size.width
        bar.window_size = region.width
        bar.refresh()
    # Fewer lines than before may leave the view scrolled past its end.
    view.scroll_x = view.validate_scroll_x(view.scroll_x)
    view.scroll_y = view.validate_scroll_y(view.scroll_y)
    view.refresh()


def virtual_size_without_layout() -> Reactive[Size]:
    """A ``virtual_size`` for an ``Input`` of fixed size: a change repaints it, no more.

    ``Input`` records the width of its text as its virtual size on every change
    (its private ``_watch_value``), and ``Widget.virtual_size`` is declared to need a
    layout, so each keystroke reflows the whole screen. A box whose size never
    follows its text (``width: 100%``, a fixed height) moves nothing else when its
    text changes; declared on its class, this keeps scrolling the text as before.
    """
    return Reactive(Size(0, 0), layout=False)


def place_tab_underline(tabs: Widget) -> None:
    """Put a ``Tabs``' underline under its active tab at once, ending any slide to it.

    ``Tabs`` slides its underline (``Underline``, not exported by Textual) to the active
    tab 0.3 s long whenever a tab is relabelled, and each ``Tab`` is relabelled as it
    is made: tabs that are first shown after being made (the Pitch studio's, shown once
    a pitch is loaded) slide in from the left edge as they appear, and a first visit
    ends only when the slide does (the visit's last frame came 200-250 ms later on the
    demo data). Set where the slide would end, a slide still to start has nowhere to
    go, and ``animate`` to the value an attribute already has drops the running one.
    """
    active = tabs.query_one("Tab.-active")
    start, end = active.virtual_region.shrink(active.styles.gutter).column_span
    underline = tabs.query_one("Underline")
    for attribute, value in (("highlight_start", start), ("highlight_end", end)):
        setattr(underline, attribute, value)
        underline.animate(attribute, value, duration=0.3)
