"""Stored values read back: the ``*_or_none`` forms give None for what cannot be read."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from netcoach.data.values import stored_date_or_none, stored_datetime_or_none


@pytest.mark.parametrize("value", [None, "", "soon", "2026-13-40"])
def test_an_empty_or_unreadable_stored_value_reads_as_none(value: object) -> None:
    assert stored_date_or_none(value) is None
    assert stored_datetime_or_none(value) is None


def test_a_readable_stored_value_reads_as_its_type() -> None:
    assert stored_date_or_none("2026-11-23 07:30:00") == date(2026, 11, 23)
    assert stored_datetime_or_none("2026-11-23") == datetime(2026, 11, 23)
    assert stored_datetime_or_none(date(2026, 11, 23)) == datetime(2026, 11, 23)
