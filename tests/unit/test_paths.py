"""Where data lives, and how --home and NETCOACH_HOME move it."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from netcoach.paths import DataDirError, Paths, resolve_paths


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_home_argument_puts_everything_in_one_folder(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "h")
    assert paths.database == tmp_path / "h" / "netcoach.db"
    assert paths.config_file.is_relative_to(tmp_path / "h")
    assert paths.log_file.is_relative_to(tmp_path / "h")
    assert paths.backups_dir == tmp_path / "h" / "backups"


def test_environment_variable_is_used_when_no_argument(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETCOACH_HOME", str(tmp_path / "env-home"))
    assert resolve_paths().data_dir == tmp_path / "env-home"
    assert resolve_paths(tmp_path / "arg").data_dir == tmp_path / "arg"


def test_platform_directories_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NETCOACH_HOME", raising=False)
    paths = resolve_paths()
    assert "netcoach" in str(paths.data_dir)
    assert "netcoach" in str(paths.config_dir)
    assert "netcoach" in str(paths.log_dir)


def test_resolving_creates_nothing(tmp_path: Path) -> None:
    resolve_paths(tmp_path / "not-yet")
    assert not (tmp_path / "not-yet").exists()


def test_ensure_makes_private_directories_even_with_a_loose_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        paths = resolve_paths(tmp_path / "home")
        paths.ensure()
    finally:
        os.umask(old)
    for directory in (paths.data_dir, paths.config_dir, paths.log_dir, paths.backups_dir):
        assert mode(directory) == 0o700


def test_ensure_tightens_an_existing_open_directory(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    home.chmod(0o755)
    resolve_paths(home).ensure()
    assert mode(home) == 0o700


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_parent_gives_a_clear_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(DataDirError, match="cannot"):
            resolve_paths(locked / "home").ensure()
    finally:
        locked.chmod(0o700)


def test_a_file_in_the_way_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    paths = Paths(data_dir=blocker / "data", config_dir=tmp_path / "c", log_dir=tmp_path / "l")
    with pytest.raises(DataDirError, match=re.escape(str(blocker))):
        paths.ensure()
