"""Where data lives, and how --home and NETCOACH_HOME move it."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from netcoach.paths import DataDirError, Paths, resolve_paths, writable


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


def test_ensure_leaves_an_existing_folder_as_it_is(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o1777)
    old = os.umask(0)
    try:
        paths = resolve_paths(home)
        paths.ensure()
    finally:
        os.umask(old)
    assert mode(home) == 0o1777
    for made in (paths.config_dir, paths.log_dir, paths.backups_dir):
        assert mode(made) == 0o700


def test_ensure_makes_missing_parents_private_too(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        resolve_paths(tmp_path / "a" / "b" / "home").ensure()
    finally:
        os.umask(old)
    for made in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "home"):
        assert mode(made) == 0o700


def test_a_folder_with_no_write_bit_is_not_written_even_by_root(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(DataDirError, match=re.escape(f"cannot use the directory {locked}")):
            resolve_paths(locked / "home").ensure()
        assert not (locked / "home").exists()
        assert not writable(locked)
    finally:
        locked.chmod(0o700)


def test_an_existing_read_only_home_is_not_an_error(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o500)
    try:
        resolve_paths(home).ensure()
        assert sorted(p.name for p in home.iterdir()) == []
        assert mode(home) == 0o500
    finally:
        home.chmod(0o700)


def test_a_file_in_the_way_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    paths = Paths(data_dir=blocker / "data", config_dir=tmp_path / "c", log_dir=tmp_path / "l")
    with pytest.raises(DataDirError, match=re.escape(str(blocker))):
        paths.ensure()
