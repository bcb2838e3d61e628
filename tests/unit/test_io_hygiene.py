"""The command line and the readers stay light: no Textual, and no peewee before a command runs."""

from __future__ import annotations

import subprocess
import sys


def loaded_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in out.stdout.split()}


def test_cli_imports_only_the_standard_library() -> None:
    assert not loaded_after("import netcoach.cli") & {"textual", "peewee", "vobject", "rich"}


def test_importers_and_exporters_do_not_need_textual() -> None:
    loaded = loaded_after("import netcoach.io.imports, netcoach.io.exporters, netcoach.io.backup")
    assert "textual" not in loaded and "rich" not in loaded
