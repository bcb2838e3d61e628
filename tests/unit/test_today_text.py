"""The shell's Today text: lists of names cut to the line with how many were left out."""

from __future__ import annotations

from netcoach.core.text import cell_width
from netcoach.core.today_text import names_fitting

NAMES = ["Chloe Novak", "Chloe Underwood", "Hamish Vaughan", "Maya Zielinski", "Owen Iqbal"]


def test_every_name_when_they_fit() -> None:
    assert names_fitting(NAMES, 200) == ", ".join(NAMES)


def test_the_names_that_fit_then_how_many_more() -> None:
    line = names_fitting(NAMES, 50)
    assert line == "Chloe Novak, Chloe Underwood and 3 more"
    shown, _, more = line.partition(" and ")
    kept = shown.split(", ")
    assert kept == NAMES[: len(kept)]
    assert more == f"{len(NAMES) - len(kept)} more"
    assert cell_width(line) <= 50


def test_wide_characters_are_measured_in_cells() -> None:
    names = ["山田太郎", "佐藤花子", "鈴木一郎"]
    line = names_fitting(names, 20)
    assert cell_width(line) <= 20
    assert line.startswith("山田太郎")


def test_no_room_for_one_name_says_how_many() -> None:
    assert names_fitting(["A very long name indeed"], 5) == "1 person"
    assert names_fitting(["A very long name", "Another"], 5) == "2 people"
