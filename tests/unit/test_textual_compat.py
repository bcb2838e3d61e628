"""netcoach uses Textual's public API, except in netcoach/textual_compat.py.

The scan at the top keeps a new private use from creeping in anywhere else; the tests
after it each pin down one thing textual_compat relies on, so that a Textual upgrade
that changes it fails here, by name, rather than somewhere in the UI (or not at all).
"""

from __future__ import annotations

import ast
import importlib
import inspect
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import textual
from textual.app import App

import netcoach

PACKAGE = Path(netcoach.__file__).parent
TEXTUAL = Path(textual.__file__).parent
ALLOWED = PACKAGE / "textual_compat.py"


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__") and name != "_"


# ---- what Textual keeps private ---------------------------------------------------------


def private_names_of_class(node: ast.ClassDef) -> set[str]:
    """Private names a class defines: methods, class attributes, and ``self._x`` it sets."""
    names: set[str] = set()
    for item in node.body:
        if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
            names.add(item.name)
        elif isinstance(item, ast.Assign):
            names.update(t.id for t in item.targets if isinstance(t, ast.Name))
        elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            names.add(item.target.id)
    for sub in ast.walk(node):
        targets: list[ast.expr] = []
        if isinstance(sub, ast.Assign):
            targets = list(sub.targets)
        elif isinstance(sub, ast.AnnAssign | ast.AugAssign):
            targets = [sub.target]
        for target in targets:
            if (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "self"
            ):
                names.add(target.attr)
    return {name for name in names if is_private(name)}


@cache
def textual_classes_private_names() -> dict[tuple[str, str], frozenset[str]]:
    """(module file, class name) → the private names that class defines, over all of Textual."""
    found: dict[tuple[str, str], frozenset[str]] = {}
    for path in TEXTUAL.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                key = (str(path), node.name)
                found[key] = frozenset(found.get(key, frozenset()) | private_names_of_class(node))
    return found


@cache
def textual_private_names() -> frozenset[str]:
    """Every private name any Textual class defines."""
    return frozenset().union(*textual_classes_private_names().values())


@cache
def private_names_a_mixin_can_reach() -> frozenset[str]:
    """The private names of the classes netcoach mixes its plain classes into."""
    from textual.screen import ModalScreen
    from textual.scroll_view import ScrollView
    from textual.widget import Widget

    names: set[str] = set()
    for base in (App, ModalScreen, ScrollView, Widget):
        names |= private_names_in_mro(base)
    return frozenset(names)


def private_names_in_mro(cls: type) -> frozenset[str]:
    """The private names the Textual classes ``cls`` derives from define."""
    names: set[str] = set()
    table = textual_classes_private_names()
    for base in cls.__mro__:
        if not base.__module__.startswith("textual"):
            continue
        names.update(name for name in vars(base) if is_private(name))
        try:
            where = inspect.getsourcefile(base) or ""
        except TypeError:
            continue
        names.update(table.get((where, base.__name__), frozenset()))
    return frozenset(names)


# ---- the scan -----------------------------------------------------------------------------


class PrivateUses(ast.NodeVisitor):
    """Finds uses of Textual's private names in one module's source."""

    def __init__(self, namespace: dict[str, Any]) -> None:
        self.namespace = namespace
        self.found: list[str] = []
        self.classes: list[frozenset[str]] = []  # private Textual names of each enclosing class
        self.textual_modules: set[str] = set()  # local names bound to Textual modules
        self.uses_textual = False
        """Whether the module imports Textual: only then can an object it handles be one of
        Textual's (``core`` and ``data`` never import it, and peewee's ``_meta`` is no
        Textual attribute)."""

    def visit_Module(self, node: ast.Module) -> None:
        self.uses_textual = any(
            isinstance(sub, ast.Import | ast.ImportFrom)
            and any(
                (name or "").split(".")[0] == "textual"
                for name in (
                    [alias.name for alias in sub.names]
                    if isinstance(sub, ast.Import)
                    else [sub.module]
                )
            )
            for sub in ast.walk(node)
        )
        self.generic_visit(node)

    def say(self, node: ast.AST, what: str) -> None:
        self.found.append(f"line {getattr(node, 'lineno', '?')}: {what}")

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            parts = alias.name.split(".")
            if parts[0] != "textual":
                continue
            if any(is_private(part) for part in parts):
                self.say(node, f"imports {alias.name}")
            self.textual_modules.add(alias.asname or parts[0])

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        parts = module.split(".")
        if parts[0] != "textual":
            return
        if any(is_private(part) for part in parts):
            self.say(node, f"imports from {module}")
        for alias in node.names:
            if is_private(alias.name):
                self.say(node, f"imports {alias.name} from {module}")
            elif isinstance(self.namespace.get(alias.asname or alias.name), ModuleType):
                self.textual_modules.add(alias.asname or alias.name)

    def resolve_class(self, node: ast.ClassDef) -> type | None:
        found = self.namespace.get(node.name)
        if isinstance(found, type):
            return found
        try:
            bases = [eval(ast.unparse(base), self.namespace) for base in node.bases]
        except Exception:
            return None
        try:
            return type(node.name, tuple(b for b in bases if isinstance(b, type)), {})
        except TypeError:
            return None

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        cls = self.resolve_class(node)
        private = private_names_in_mro(cls) if cls is not None else frozenset()
        if not private and self.uses_textual:
            # No Textual class among its bases: a mixin, which may go into an App, a Screen
            # or a Widget and reach their private names through ``self``.
            private = private_names_a_mixin_can_reach()
        for item in node.body:
            if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and item.name in private:
                self.say(item, f"{node.name} overrides Textual's private {item.name}")
            targets: list[ast.expr] = []
            if isinstance(item, ast.Assign):
                targets = list(item.targets)
            elif isinstance(item, ast.AnnAssign):
                targets = [item.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id in private:
                    self.say(item, f"{node.name} sets Textual's private {target.id}")
        self.classes.append(private)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Attribute(self, node: ast.Attribute) -> None:
        name = node.attr
        if is_private(name):
            value = node.value
            mine = self.classes[-1] if self.classes else frozenset()
            if isinstance(value, ast.Call) and getattr(value.func, "id", None) == "super":
                if name in mine or name in textual_private_names():
                    self.say(node, f"calls Textual's private {name} through super()")
            elif isinstance(value, ast.Name) and value.id in self.textual_modules:
                self.say(node, f"uses {value.id}.{name}")
            elif isinstance(value, ast.Name) and value.id in {"self", "cls"}:
                if name in mine:
                    self.say(node, f"uses Textual's private attribute self.{name}")
            elif self.uses_textual and name in textual_private_names():
                # Whatever the object is: a netcoach attribute named like one of Textual's
                # private ones is renamed rather than let through.
                self.say(node, f"uses Textual's private attribute .{name}")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if (
            isinstance(func, ast.Name)
            and func.id in {"getattr", "setattr", "hasattr", "delattr"}
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            name = node.args[1].value
            if self.uses_textual and is_private(name) and name in textual_private_names():
                self.say(node, f"{func.id}(…, {name!r}) reaches Textual's private {name}")
        self.generic_visit(node)


def private_uses(source: str, namespace: dict[str, Any]) -> list[str]:
    scan = PrivateUses(namespace)
    scan.visit(ast.parse(source))
    return scan.found


def package_modules() -> Iterator[tuple[Path, str]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(relative.parts)
        if parts[-1] == "__init__":
            parts.pop()
        yield path, ".".join(parts)


def test_no_module_but_textual_compat_uses_textual_privately() -> None:
    modules = [(path, name) for path, name in package_modules() if path != ALLOWED]
    sources = {path: path.read_text(encoding="utf-8") for path, _name in modules}
    found: list[str] = []
    for path, name in modules:
        # __main__ runs the command line when imported; it holds no class.
        namespace = {} if name.endswith("__main__") else vars(importlib.import_module(name))
        for use in private_uses(sources[path], namespace):
            found.append(f"{path.relative_to(PACKAGE.parent)} {use}")
    assert not found, (
        "Textual's private API is used outside netcoach/textual_compat.py; move the use "
        "there with its reason, its measured gain and a test, or use the public API:\n"
        + "\n".join(found)
    )


SAMPLE = """
import textual._context
from textual._context import active_app
from textual.widgets import _footer
from textual.app import App
from textual.widget import Widget
from textual import app as textual_app


class Sample(App):
    _css_update_count = 3

    def _load_screen_css(self, screen):
        super()._load_screen_css(screen)
        self._refresh_truecolor_filter(self.ansi_theme)

    def compose(self):
        self._own_thing = 1
        return iter(())


class Mixin:
    def _watch_theme(self, theme):
        self._invalidate_css()


class Part(Widget):
    def on_mount(self):
        self.app._refresh_truecolor_filter(None)
        self.screen._refresh_layout()
        getattr(self, "_size_updated")
        self._own_thing = self._pending_children
        textual_app._get_key_display
"""

EXPECTED = [
    "imports textual._context",
    "imports from textual._context",
    "imports _footer from textual.widgets",
    "Sample sets Textual's private _css_update_count",
    "Sample overrides Textual's private _load_screen_css",
    "calls Textual's private _load_screen_css through super()",
    "uses Textual's private attribute self._refresh_truecolor_filter",
    "Mixin overrides Textual's private _watch_theme",
    "uses Textual's private attribute self._invalidate_css",
    "uses Textual's private attribute ._refresh_truecolor_filter",
    "uses Textual's private attribute ._refresh_layout",
    "getattr(…, '_size_updated') reaches Textual's private _size_updated",
    "uses Textual's private attribute self._pending_children",
    "uses textual_app._get_key_display",
]


def test_the_scan_finds_each_kind_of_private_use() -> None:
    """The scan can fail: a sample with one private use of each kind is caught on each."""
    namespace: dict[str, Any] = {}
    exec(compile(SAMPLE, "<sample>", "exec"), namespace)
    found = private_uses(SAMPLE, namespace)
    said = [use.split(": ", 1)[1] for use in found]
    assert said == EXPECTED


def test_the_scan_would_have_caught_the_app_before_textual_compat() -> None:
    """The app's old overrides, as they were in netcoach/app.py, are each reported."""
    old = """
from textual.app import App


class OldApp(App):
    def _load_screen_css(self, screen):
        super()._load_screen_css(screen)

    def _use_theme_from_start(self):
        self._refresh_truecolor_filter(self.ansi_theme)
"""
    namespace: dict[str, Any] = {}
    exec(compile(old, "<old app>", "exec"), namespace)
    assert len(private_uses(old, namespace)) == 3


# ---- AreaStylesheets: a screen's stylesheet read on its first visit ------------------------


def shell_apps(tmp_path: Path, **app_options: Any) -> tuple[type[App[None]], type[App[None]]]:
    """A bare app with an area screen naming its own stylesheet, without and with the mixin."""
    from textual.app import ComposeResult
    from textual.screen import Screen
    from textual.widgets import Label

    from netcoach.textual_compat import AreaStylesheets, NoSwitchDelay

    stylesheet = tmp_path / "area.tcss"
    stylesheet.write_text("AreaScreen Label { width: 17; }\n", encoding="utf-8")

    class AreaScreen(Screen[None]):
        CSS_PATH = str(stylesheet)

        def compose(self) -> ComposeResult:
            yield Label("area", id="area-label")

    class HomeScreen(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Label("home")

    class Plain(App[None]):
        def __init__(self) -> None:
            super().__init__(**app_options)
            self.add_mode("area", AreaScreen)

        def get_default_screen(self) -> Screen[None]:
            return HomeScreen()

    class Quick(AreaStylesheets, NoSwitchDelay, Plain):
        def on_mount(self) -> None:
            self.styles_settled()

    return Plain, Quick


def count_reparses(app: App[None]) -> list[int]:
    reparses = [0]
    reparse = app.stylesheet.reparse

    def counted() -> None:
        reparses[0] += 1
        reparse()

    app.stylesheet.reparse = counted  # type: ignore[method-assign]
    return reparses


async def test_textual_reparses_every_stylesheet_on_a_new_screens_first_visit(
    tmp_path: Path,
) -> None:
    """What AreaStylesheets saves: without it a first visit re-parses all the CSS, twice.

    If this fails, Textual styles a screen's first visit more cheaply by itself: measure
    again, and drop AreaStylesheets if it no longer pays.
    """
    plain, _quick = shell_apps(tmp_path)
    app = plain()
    async with app.run_test() as pilot:
        reparses = count_reparses(app)
        await app.switch_mode("area")
        await pilot.pause()
        assert reparses[0] >= 2


async def test_area_stylesheets_style_a_first_visit_as_textual_does_without_a_reparse(
    tmp_path: Path,
) -> None:
    from textual.widgets import Label

    plain, quick = shell_apps(tmp_path)
    looks = []
    for app_class in (plain, quick):
        app = app_class()
        async with app.run_test() as pilot:
            reparses = count_reparses(app)
            await app.switch_mode("area")
            await pilot.pause()
            label = app.screen.query_one("#area-label", Label)
            looks.append((label.outer_size, label.styles.color, app.screen.styles.background))
            if app_class is quick:
                assert reparses[0] == 0
                # A theme change still restyles every screen.
                before = app.screen.styles.background
                app.theme = "textual-light"
                await pilot.pause()
                assert app.screen.styles.background != before
    assert looks[0] == looks[1]
    assert looks[1][0].width == 17


async def test_area_stylesheets_are_reloaded_under_textual_run_dev(tmp_path: Path) -> None:
    """With ``watch_css`` (which ``textual run --dev`` turns on) an edited area stylesheet
    restyles the running app, as with Textual's own loading."""
    from textual.widgets import Label

    _plain, quick = shell_apps(tmp_path, watch_css=True)
    app = quick()
    async with app.run_test() as pilot:
        await app.switch_mode("area")
        await pilot.pause()
        assert app.css_monitor is not None
        assert tmp_path / "area.tcss" in app.css_monitor._paths
        (tmp_path / "area.tcss").write_text("AreaScreen Label { width: 23; }\n")
        await app._on_css_change()  # what the monitor calls when a watched file changes
        await pilot.pause()
        assert app.screen.query_one("#area-label", Label).outer_size.width == 23


def test_textual_still_has_what_area_stylesheets_overrides() -> None:
    from textual.css.stylesheet import CssSource, Stylesheet

    assert list(inspect.signature(App._load_screen_css).parameters) == ["self", "screen"]
    assert list(inspect.signature(App.refresh_css).parameters) == ["self", "animate"]
    assert "is_defaults" in CssSource._fields
    assert {"has_source", "add_source", "update"} <= set(vars(Stylesheet))


# ---- NoSwitchDelay ------------------------------------------------------------------------


async def test_textual_holds_paints_for_50_ms_on_a_switch_and_no_switch_delay_shortens_it(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """If Textual stops calling ``delay_update`` on a screen switch (or changes its
    default), NoSwitchDelay has nothing left to do or needs a new look."""
    assert inspect.signature(App.delay_update).parameters["delay"].default == 0.05
    delays: list[float] = []
    delay_update = App.delay_update

    def recorded(self: App[None], delay: float = 0.05) -> None:
        delays.append(delay)
        delay_update(self, delay)

    monkeypatch.setattr(App, "delay_update", recorded)
    plain, quick = shell_apps(tmp_path)
    for app_class in (plain, quick):
        app = app_class()
        async with app.run_test() as pilot:
            await app.switch_mode("area")
            await pilot.pause(0.1)
    assert delays == [0.05, 0.001]


# ---- StyledWhenBuilt ----------------------------------------------------------------------


def resume_apps() -> tuple[type[App[None]], type[App[None]]]:
    """A bare app with a mode whose screen is a plain Screen, and one with the mixin."""
    from textual.app import ComposeResult
    from textual.screen import Screen
    from textual.widgets import Label

    from netcoach.textual_compat import StyledWhenBuilt

    class AreaScreen(Screen[None]):
        DEFAULT_CSS = "AreaScreen Label { width: 17; } AreaScreen.-marked Label { width: 9; }"

        def compose(self) -> ComposeResult:
            yield Label("area", id="area-label")

    class StyledArea(StyledWhenBuilt, AreaScreen):
        pass

    def shell(area: type[Screen[None]]) -> type[App[None]]:
        class Shell(App[None]):
            def __init__(self) -> None:
                super().__init__()
                self.add_mode("home", lambda: Screen())
                self.add_mode("area", area)
                self.restyled: list[Screen[object]] = []

            def on_mount(self) -> None:
                self.switch_mode("home")

            def update_styles(self, node: Any, animate: bool = True) -> None:
                if isinstance(node, Screen):
                    self.restyled.append(node)
                super().update_styles(node, animate=animate)

        return Shell

    return shell(AreaScreen), shell(StyledArea)


async def test_textual_restyles_a_new_screen_on_each_resume_and_styled_when_built_does_not() -> (
    None
):
    """What StyledWhenBuilt saves: Textual restyles every widget of a mode's new screen
    twice on its first visit. If the plain count drops, Textual no longer does: drop
    the mixin. Either way the screen looks the same, and a screen that was left is
    restyled when it comes back."""
    from textual.widgets import Label

    plain, styled = resume_apps()
    looks = []
    for app_class in (plain, styled):
        app = app_class()
        async with app.run_test() as pilot:
            await pilot.pause()
            app.restyled.clear()  # type: ignore[attr-defined]
            await app.switch_mode("area")
            await pilot.pause()
            area = app.screen
            first_visit = app.restyled.count(area)  # type: ignore[attr-defined]
            label = area.query_one("#area-label", Label)
            looks.append((label.outer_size, label.styles.color))
            await app.switch_mode("home")
            await pilot.pause()
            area.set_class(True, "-marked", update=False)  # changed while away, unstyled
            app.restyled.clear()  # type: ignore[attr-defined]
            await app.switch_mode("area")
            await pilot.pause()
            assert app.restyled.count(area) >= 1  # type: ignore[attr-defined]
            assert area.query_one("#area-label", Label).outer_size.width == 9
            if app_class is plain:
                assert first_visit >= 2
            else:
                assert first_visit == 0
    assert looks[0] == looks[1]
    assert looks[1][0].width == 17


def test_textual_still_restyles_a_resumed_screen_only_when_asked() -> None:
    from textual import events
    from textual.screen import Screen

    assert events.ScreenResume().refresh_styles is True
    assert "event.refresh_styles" in inspect.getsource(Screen._on_screen_resume)


# ---- use_theme_from_start -----------------------------------------------------------------


@pytest.mark.parametrize("theme", ["netcoach", "nord", "textual-light", "ansi-dark"])
async def test_theme_from_start_sets_what_textuals_theme_watcher_sets(theme: str) -> None:
    """Starting in a theme gives the same classes, variables and ANSI colour filter as
    Textual's own switch to it."""
    from textual.filter import ANSIToTruecolor

    from netcoach.app import NETCOACH_THEME
    from netcoach.textual_compat import use_theme_from_start

    class Started(App[None]):
        def __init__(self) -> None:
            super().__init__()
            self.register_theme(NETCOACH_THEME)
            use_theme_from_start(self, theme)

    def state(app: App[None]) -> tuple[object, ...]:
        filters = [
            (f._terminal_theme, f.enabled) for f in app._filters if isinstance(f, ANSIToTruecolor)
        ]
        themed = {name for name in app.classes if name.startswith("-")}
        return themed, filters, app.stylesheet._variables

    watched: App[None] = App()
    watched.register_theme(NETCOACH_THEME)
    async with watched.run_test() as pilot:
        watched.theme = theme
        await pilot.pause()
        expected = state(watched)
    started = Started()
    assert started.theme == theme
    if theme in {"netcoach", "nord"}:
        # Dark and not ANSI: styled in the theme from the first parse on, without the watcher.
        assert state(started) == expected
    async with started.run_test() as pilot:
        await pilot.pause()
        assert state(started) == expected


# ---- set_virtual_size and virtual_size_without_layout ---------------------------------------


def test_textual_still_lays_out_the_screen_when_a_virtual_size_changes() -> None:
    """If ``Widget.virtual_size`` stops asking for a layout, neither helper saves anything."""
    from textual.scrollbar import ScrollBar
    from textual.widget import Widget

    assert Widget.virtual_size._layout is True
    assert {"window_virtual_size", "window_size"} <= set(ScrollBar._reactives)
    assert "_arrange_scrollbars" in vars(Widget)


def lines_app(use_helper: bool) -> App[None]:
    from textual.app import ComposeResult
    from textual.geometry import Size
    from textual.scroll_view import ScrollView
    from textual.strip import Strip

    from netcoach.textual_compat import set_virtual_size

    class Lines(ScrollView):
        def render_line(self, y: int) -> Strip:
            return Strip.blank(self.size.width)

    class Shell(App[None]):
        def compose(self) -> ComposeResult:
            yield Lines()

        def resize_lines(self, size: Size) -> None:
            view = self.query_one(Lines)
            if use_helper:
                set_virtual_size(view, size)
            else:
                view.virtual_size = size

    return Shell()


@pytest.mark.parametrize(
    "sizes",
    [
        [(40, 100), (40, 60), (40, 300)],  # the bars stay: no layout
        [(40, 100), (40, 5), (40, 100)],  # the vertical bar goes and comes back: a layout
        [(200, 100), (150, 80)],  # both bars stay
    ],
)
async def test_set_virtual_size_leaves_the_scrollbars_as_textuals_layout_does(
    sizes: list[tuple[int, int]],
) -> None:
    from textual.geometry import Size
    from textual.scroll_view import ScrollView

    seen = []
    for use_helper in (False, True):
        app = lines_app(use_helper)
        states = []
        async with app.run_test(size=(60, 20)) as pilot:
            view = app.query_one(ScrollView)
            for width, height in sizes:
                app.resize_lines(Size(width, height))  # type: ignore[attr-defined]
                await pilot.pause()
                view.scroll_end(animate=False, immediate=True)
                await pilot.pause()
                bars = []
                for shown, bar in (
                    (view.show_vertical_scrollbar, view.vertical_scrollbar),
                    (view.show_horizontal_scrollbar, view.horizontal_scrollbar),
                ):
                    bars.append((shown, bar.window_virtual_size, bar.window_size, bar.position))
                states.append((view.virtual_size, view.max_scroll_y, view.scroll_offset, bars))
        seen.append(states)
    assert seen[0] == seen[1]


async def test_the_search_box_repaints_its_text_without_a_layout_and_still_scrolls_it() -> None:
    """Input still records its text's width as its virtual size (so the search box's own
    ``virtual_size`` is what saves the layout), and a long search scrolls as in Input."""
    from textual.app import ComposeResult
    from textual.widgets import Input

    from netcoach.widgets.search_box import SearchBox

    class Shell(App[None]):
        CSS = "Input { width: 20; }"

        def compose(self) -> ComposeResult:
            yield Input(id="plain")
            yield SearchBox(id="search")

    app = Shell()
    async with app.run_test() as pilot:
        shown = []
        layouts = []
        refresh_layout = app.screen._refresh_layout

        def counted(*args: Any, **kwargs: Any) -> Any:
            layouts.append(1)
            return refresh_layout(*args, **kwargs)

        app.screen._refresh_layout = counted  # type: ignore[method-assign]
        for box_id in ("#plain", "#search"):
            box = app.query_one(box_id, Input)
            box.focus()
            await pilot.pause()
            layouts.clear()
            await pilot.press(*"a long search for somebody")
            await pilot.pause()
            cursor = box.cursor_screen_offset.x - box.region.x
            shown.append((box.virtual_size, box.scroll_x, cursor, len(layouts)))
        plain, search = shown
        assert plain[:3] == search[:3]
        assert search[0].width > 20 and search[1] > 0
        assert plain[3] > 0 and search[3] == 0


async def test_a_relabelled_tab_slides_the_underline_and_placing_it_stops_the_slide() -> None:
    from textual.app import ComposeResult
    from textual.widgets import Tab, Tabs

    from netcoach.textual_compat import place_tab_underline

    class Two(App[None]):
        def compose(self) -> ComposeResult:
            yield Tabs(Tab("Structure", id="one"), Tab("Fillers", id="two"))

    def state(app: App[None]) -> tuple[bool, tuple[int, int], tuple[int, int]]:
        tabs = app.query_one(Tabs)
        underline = tabs.query_one("Underline")
        active = tabs.query_one("Tab.-active")
        sliding = any(
            app.animator.is_being_animated(underline, name)
            for name in ("highlight_start", "highlight_end")
        )
        where = (underline.highlight_start, underline.highlight_end)  # type: ignore[attr-defined]
        return sliding, where, active.virtual_region.shrink(active.styles.gutter).column_span

    app = Two()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause(0.5)
        tabs = app.query_one(Tabs)
        tabs.query_one("#one", Tab).label = "Structure and more"
        await pilot.pause(0.1)
        sliding, where, target = state(app)
        # Textual's own: a relabelled tab slides the underline (else drop the helper).
        assert sliding and where != target
        place_tab_underline(tabs)
        assert state(app) == (False, target, target)
        await pilot.pause(0.4)
        assert state(app) == (False, target, target)
