"""The command line: exit codes, messages, and that --help stays light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from netcoach import cli

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env_args = ["--home", str(home)] if home else []
    return subprocess.run(
        [sys.executable, "-m", "netcoach", *env_args, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("netcoach ")


def test_help_names_the_options() -> None:
    result = run("--help")
    assert result.returncode == 0
    for option in ("--home", "--demo", "--version"):
        assert option in result.stdout


def test_bad_usage_exits_2() -> None:
    result = run("--no-such-option")
    assert result.returncode == 2
    assert "usage" in result.stderr


def test_help_and_version_do_not_import_the_ui() -> None:
    code = (
        "import sys; from netcoach import cli; cli.main(['--version']);"
        "bad = [m for m in ('textual', 'peewee', 'rich') if m in sys.modules];"
        "print(bad)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip().endswith("[]")


def test_corrupt_database_exits_2_naming_the_file_and_leaves_it(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    database = home / "netcoach.db"
    database.write_bytes(b"\x00garbage that is not sqlite" * 50)
    before = database.read_bytes()
    result = run(home=home)
    assert result.returncode == 2
    assert str(database) in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert database.read_bytes() == before


def test_unusable_data_directory_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    result = run(home=blocker / "home")
    assert result.returncode == 2
    assert "cannot use the directory" in result.stderr


def test_unexpected_error_exits_1_with_the_log_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def explode(args, paths):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "run", explode)
    code = cli.main(["--home", str(tmp_path / "home")])
    captured = capsys.readouterr()
    assert code == 1
    log_file = tmp_path / "home" / "logs" / "netcoach.log"
    assert str(log_file) in captured.err
    assert "Traceback" not in captured.err
    assert "RuntimeError: boom" in log_file.read_text()
