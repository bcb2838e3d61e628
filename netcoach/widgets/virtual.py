"""Change a line-API list's virtual size without laying out the whole screen.

Setting ``virtual_size`` asks the screen for a layout, and a layout reflows
every widget on it (header, filters, footer keys…), which costs several
milliseconds on each keystroke of a search. When the list keeps its place and
its scrollbars stay as they are, only the scrollbar's thumb and the list's own
lines change, so that is all this refreshes.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.widget import Widget


def set_virtual_size(view: ScrollView, size: Size) -> None:
    """Give ``view`` a new virtual size, with a layout only when its scrollbars would change."""
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
