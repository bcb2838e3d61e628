"""The lines a form shows when something went wrong outside its fields.

``SaveFailure`` stands above the save button when a save failed for a reason the
person cannot fix in a field (a full disk, a busy database, a deleted record);
``LoadFailure`` stands in place of the fields when the record could not be read.
"""

from __future__ import annotations

from textual.widgets import Static


class SaveFailure(Static):
    """The line a form shows when its save failed for a reason the person cannot fix there."""

    DEFAULT_CSS = """
    SaveFailure {
        height: auto;
        color: $error;
        text-style: bold;
        padding: 0 1;
        margin: 1 0 0 0;
    }
    """


class LoadFailure(Static):
    """The line a form shows in place of its fields when they could not be loaded."""

    DEFAULT_CSS = """
    LoadFailure {
        height: auto;
        color: $error;
        text-style: bold;
        padding: 0 1;
        margin: 1 0 0 0;
    }
    """
