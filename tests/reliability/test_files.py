"""Files and permissions: private under any umask; clear errors for links and read-only disks."""

from __future__ import annotations

import errno
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from netcoach.core.models import ContactDraft
from netcoach.data.db import (
    DatabaseFileError,
    ReadOnlyDatabaseError,
    backup_database,
    database,
    open_database,
)
from netcoach.data.health import check_health
from netcoach.data.repo import Store
from netcoach.paths import resolve_paths

ROOT = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def close_database():
    yield
    database.close()


def test_everything_is_private_even_with_a_permissive_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        paths = resolve_paths(tmp_path / "home")
        paths.ensure()
        store = Store(open_database(paths.database, paths.backups_dir))
        store.add_contact(ContactDraft(name="Written under umask 000"))
        copy = backup_database(paths.database, paths.backups_dir / "copy.db")
    finally:
        os.umask(old)
    assert mode(paths.data_dir) == 0o700
    assert mode(paths.backups_dir) == 0o700
    assert mode(paths.database) == 0o600
    # The database is still open, so SQLite's side files are there (WAL mode).
    for suffix in ("-wal", "-shm"):
        side = Path(f"{paths.database}{suffix}")
        assert side.exists(), side
        assert mode(side) & 0o077 == 0, side
    assert mode(copy) == 0o600


def test_a_symlinked_database_path_is_refused_clearly(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere.db"
    open_database(real, tmp_path / "backups")
    database.close()
    link = tmp_path / "home" / "netcoach.db"
    link.parent.mkdir()
    link.symlink_to(real)
    with pytest.raises(DatabaseFileError, match="symbolic link"):
        open_database(link, tmp_path / "backups")
    result = subprocess.run(
        [sys.executable, "-m", "netcoach", "--home", str(link.parent)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 2
    assert "symbolic link" in result.stderr


def test_a_read_only_disk_gives_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(*args: object, **kwargs: object) -> int:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "open", read_only)
    path = tmp_path / "netcoach.db"
    with pytest.raises(
        DatabaseFileError, match=re.escape(f"cannot create {path}: the disk is read-only")
    ):
        open_database(path, tmp_path / "backups")
    assert not path.exists()


def test_a_read_only_database_file_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "netcoach.db"
    store = Store(open_database(path, tmp_path / "backups"))
    store.add_contact(ContactDraft(name="Kept"))
    database.close()
    # Simulate a read-only medium: SQLite opened read-only refuses every write.
    uri = f"file:{path}?mode=ro"
    database.init(uri, pragmas={"foreign_keys": 1}, uri=True)
    with pytest.raises(ReadOnlyDatabaseError, match="the database is read-only"):
        Store(database).add_contact(ContactDraft(name="Refused"))
    database.close()
    assert [c.name for c in Store(open_database(path, tmp_path / "b")).list_contacts().rows] == [
        "Kept"
    ]


def test_doctor_finds_and_repairs_a_drifted_search_index(tmp_path: Path) -> None:
    path = tmp_path / "netcoach.db"
    store = Store(open_database(path, tmp_path / "backups"))
    for name in ("Ann Acre", "Bea Birch", "Cal Cedar"):
        store.add_contact(ContactDraft(name=name))
    with database.connection_context():
        database.execute_sql("DELETE FROM contact_search WHERE rowid = 2")
        database.execute_sql("UPDATE contact_search SET name = 'stale' WHERE rowid = 3")
    assert store.list_contacts("birch").total == 0

    report = check_health(database, path, tmp_path / "backups", repair=True)
    finding = next(f for f in report.findings if f.check == "search index")
    assert not finding.ok and finding.repaired
    assert "1 contact missing, 1 entry stale" in finding.detail
    assert report.healthy
    assert store.list_contacts("birch").total == 1
    assert store.list_contacts("cedar").total == 1
    assert store.list_contacts("stale").total == 0


def test_doctor_reports_loose_permissions(tmp_path: Path) -> None:
    path = tmp_path / "home" / "netcoach.db"
    path.parent.mkdir(mode=0o700)
    open_database(path, path.parent / "backups")
    path.chmod(0o644)
    report = check_health(database, path, path.parent / "backups")
    finding = next(f for f in report.findings if f.check == "permissions")
    assert not finding.ok
    assert "should be 0600" in finding.detail
    assert not report.healthy


def test_doctor_command_on_a_healthy_home(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "netcoach", "--home", str(tmp_path / "h"), "doctor"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("healthy")
    assert "integrity       ok" in result.stdout
