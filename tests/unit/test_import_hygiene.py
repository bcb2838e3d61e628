"""netcoach.core stays pure; netcoach.data never imports the UI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE_DIR = ROOT / "netcoach" / "core"
# Every module, and every package with each of its modules: "when", "when.dates", ...
CORE = sorted(
    ".".join(p.relative_to(CORE_DIR).with_suffix("").parts).removesuffix(".__init__")
    for p in CORE_DIR.rglob("*.py")
    if p != CORE_DIR / "__init__.py"
)
DATA = ["db", "repo", "tables", "demo", "migrations", "ledger", "failures", "brief"]


def imported_after(module: str) -> set[str]:
    code = f"import sys, {module}; print(','.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return {name.split(".")[0] for name in result.stdout.strip().split(",")}


@pytest.mark.parametrize("name", CORE)
def test_core_imports_neither_textual_nor_peewee(name: str) -> None:
    loaded = imported_after(f"netcoach.core.{name}")
    assert not loaded & {"textual", "rich", "peewee", "playhouse"}


@pytest.mark.parametrize("name", DATA)
def test_data_does_not_import_textual(name: str) -> None:
    loaded = imported_after(f"netcoach.data.{name}")
    assert not loaded & {"textual", "rich"}
