"""The command line, exporters, backup, the structure check: packages of short modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

NETCOACH = Path(__file__).resolve().parents[2] / "netcoach"


@pytest.mark.parametrize("package", ["cli", "io/backup", "io/exporters", "core/pitch/structure"])
def test_each_module_says_what_it_holds_and_stays_short(package: str) -> None:
    modules = sorted((NETCOACH / package).glob("*.py"))
    assert len(modules) > 1
    for module in modules:
        text = module.read_text(encoding="utf-8")
        assert ast.get_docstring(ast.parse(text)), f"{module.name} has no docstring"
        assert len(text.splitlines()) <= 400, f"{module.name} is over 400 lines"
