"""Homes and files: modes only on what netcoach creates, read-only databases left alone,
backups that never overwrite unasked or leave half files, and first starts that take turns.

The command line runs as a real process (``python -m netcoach``) under umask 000, the
loosest there is. These tests run as root here, whom the system lets write anything:
read-only is made with modes netcoach itself keeps to (a file or folder with no write
bit), and, where the machine allows it, with a real read-only mount.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import pytest

from netcoach.core.models import ContactDraft
from netcoach.data.db import ReadOnlyDatabaseError, database, open_database
from netcoach.data.migrations import MIGRATIONS
from netcoach.data.repo import Store
from netcoach.drafts import write_draft
from netcoach.paths import partial_name
from tests.conftest import FIXED_NOW
from tests.reliability.test_old_databases import fixture

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
LINKEDIN = FIXTURES / "linkedin-connections.csv"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def netcoach(
    home: Path, *argv: str, umask: int = 0, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netcoach", "--home", str(home), *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
        umask=umask,
    )


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), mode(path)


def make_home_with_contacts(home: Path) -> Path:
    result = netcoach(home, "import", "linkedin", str(LINKEDIN), umask=0o022)
    assert result.returncode == 0, result.stderr
    return home / "netcoach.db"


@pytest.fixture(autouse=True)
def close_database() -> Iterator[None]:
    yield
    if not database.deferred:
        database.close()


# ---- modes: only on what netcoach creates -------------------------------------------------


def test_everything_netcoach_creates_is_private_under_umask_000(tmp_path: Path) -> None:
    home = tmp_path / "deep" / "home"
    assert netcoach(home, "import", "linkedin", str(LINKEDIN)).returncode == 0
    backup = netcoach(home, "backup", "-o", str(tmp_path / "a" / "b" / "c.db"))
    assert backup.returncode == 0, backup.stderr
    default_backup = netcoach(home, "backup")
    assert default_backup.returncode == 0, default_backup.stderr
    export = netcoach(home, "export", "csv", "-o", str(tmp_path / "contacts.csv"))
    assert export.returncode == 0, export.stderr

    folders = [
        tmp_path / "deep",
        home,
        home / "config",
        home / "logs",
        home / "backups",
        tmp_path / "a",
        tmp_path / "a" / "b",
    ]
    assert {folder.name: mode(folder) for folder in folders} == {
        folder.name: 0o700 for folder in folders
    }
    files = [
        home / "netcoach.db",
        home / "logs" / "netcoach.log",
        tmp_path / "a" / "b" / "c.db",
        tmp_path / "contacts.csv",
        *(home / "backups").glob("*.db"),
    ]
    assert len(files) == 5
    assert {str(f): mode(f) for f in files} == {str(f): 0o600 for f in files}


def test_drafts_and_settings_are_private_under_umask_000(tmp_path: Path) -> None:
    from netcoach.config import Config, save_config

    old = os.umask(0)
    try:
        draft = tmp_path / "home" / "drafts" / "contact-new.json"
        write_draft(draft, {"name": "Ann"}, FIXED_NOW)
        settings = tmp_path / "home" / "config" / "config.json"
        save_config(Config(theme="nord", path=settings))
    finally:
        os.umask(old)
    assert mode(tmp_path / "home") == 0o700
    assert mode(draft.parent) == 0o700
    assert mode(draft) == 0o600
    assert mode(settings.parent) == 0o700
    assert mode(settings) == 0o600


def test_an_existing_sticky_home_keeps_its_mode(tmp_path: Path) -> None:
    home = tmp_path / "shared"
    home.mkdir()
    home.chmod(0o1777)
    assert netcoach(home, "import", "linkedin", str(LINKEDIN)).returncode == 0
    assert netcoach(home, "backup").returncode == 0
    assert mode(home) == 0o1777
    assert mode(home / "netcoach.db") == 0o600
    assert mode(home / "backups") == 0o700


def test_an_existing_database_and_log_keep_their_modes(tmp_path: Path) -> None:
    database_file = make_home_with_contacts(tmp_path / "home")
    log = tmp_path / "home" / "logs" / "netcoach.log"
    database_file.chmod(0o640)
    log.chmod(0o644)
    result = netcoach(tmp_path / "home", "import", "linkedin", str(LINKEDIN))
    assert result.returncode == 0, result.stderr
    assert mode(database_file) == 0o640
    assert mode(log) == 0o644


def test_export_over_an_existing_file_replaces_it_with_a_private_one(tmp_path: Path) -> None:
    make_home_with_contacts(tmp_path / "home")
    target = tmp_path / "contacts.vcf"
    target.write_text("an older export\n")
    target.chmod(0o666)
    result = netcoach(tmp_path / "home", "export", "vcard", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_text().startswith("BEGIN:VCARD")
    assert mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.vcf", "home"]


def test_a_failed_export_leaves_the_file_that_was_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netcoach.io import exporters

    store = Store(open_database(tmp_path / "netcoach.db", tmp_path / "backups"))
    store.add_contact(ContactDraft(name="Ann Acre"))
    target = tmp_path / "out" / "contacts.csv"
    target.parent.mkdir()
    target.write_text("the export of last week\n")

    def fail_halfway(rows: object, out: TextIO) -> int:
        out.write("name,company\r\nAnn Acre,")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(exporters, "write_csv", fail_halfway)
    with pytest.raises(OSError, match="No space"):
        exporters.export_to(store, "csv", target)
    assert target.read_text() == "the export of last week\n"
    assert [p.name for p in target.parent.iterdir()] == ["contacts.csv"]


# ---- backup -o: never overwrite unasked, never a half file named like a real one ----------


def test_backup_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    make_home_with_contacts(tmp_path / "home")
    other = tmp_path / "other-program.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE ledger (amount)")
    connection.commit()
    connection.close()
    before = fingerprint(other)

    refused = netcoach(tmp_path / "home", "backup", "-o", str(other))
    assert refused.returncode == 2
    assert refused.stderr.strip().splitlines() == [
        f"netcoach: {other} already exists; netcoach does not overwrite it "
        "(add --force to replace it)"
    ]
    assert fingerprint(other) == before

    forced = netcoach(tmp_path / "home", "backup", "-o", str(other), "--force")
    assert forced.returncode == 0, forced.stderr
    assert mode(other) == 0o600
    copy = sqlite3.connect(other)
    try:
        assert copy.execute("SELECT count(*) FROM contact").fetchone()[0] == 4
    finally:
        copy.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "other-program.db"]


def test_backup_never_replaces_the_database_itself(tmp_path: Path) -> None:
    database_file = make_home_with_contacts(tmp_path / "home")
    before = fingerprint(database_file)
    result = netcoach(tmp_path / "home", "backup", "-o", str(database_file), "--force")
    assert result.returncode == 2
    assert "is the database itself" in result.stderr
    assert fingerprint(database_file) == before


KILLED_BACKUP = textwrap.dedent(
    """
    import os, signal, sqlite3, sys
    from pathlib import Path

    from netcoach.data import db
    from netcoach.io.backup import make_backup
    from netcoach.paths import resolve_paths

    class KilledMidway(sqlite3.Connection):
        def backup(self, target, **options):
            def kill(status, remaining, total):
                os.kill(os.getpid(), signal.SIGKILL)
            super().backup(target, pages=1, progress=kill)

    real_connect = sqlite3.connect

    class Module:
        Error = sqlite3.Error
        def connect(*args, **kwargs):
            return real_connect(*args, factory=KilledMidway, **kwargs)

    db.sqlite3 = Module
    make_backup(resolve_paths(sys.argv[1]), Path(sys.argv[2]), force=sys.argv[3] == "force")
    print("the backup was not killed")
    """
)


@pytest.mark.parametrize("existing", [False, True], ids=["new-file", "forced-over-a-file"])
def test_a_killed_backup_leaves_no_file_named_like_the_target(
    tmp_path: Path, existing: bool
) -> None:
    make_home_with_contacts(tmp_path / "home")
    target = tmp_path / "out" / "netcoach-copy.db"
    target.parent.mkdir()
    if existing:
        target.write_bytes(b"the copy of last week")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLED_BACKUP,
            str(tmp_path / "home"),
            str(target),
            "force" if existing else "no",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == -9, result.stdout + result.stderr
    left = sorted(p.name for p in target.parent.iterdir())
    if existing:
        assert target.read_bytes() == b"the copy of last week"
        left.remove(target.name)
    else:
        assert not target.exists()
    assert left, "the killed backup should have left its hidden partial file"
    assert all(name.startswith(partial_name(target)) for name in left), left


# ---- read-only databases: opened read-only, never changed ---------------------------------

WRITES = {
    "import": ("import", "linkedin", str(LINKEDIN)),
    "import --dry-run": ("import", "linkedin", str(LINKEDIN), "--dry-run"),
    "doctor": ("doctor",),
}
READS = {
    "export": ("export", "json"),
    "review": ("review", "--period", "2026H2"),
    "doctor --no-repair": ("doctor", "--no-repair"),
}


def check_read_only_home(home: Path, database_file: Path, why: str, copy: Path) -> None:
    """Every write command exits 2 saying why; every read works; the file is unchanged."""
    before = fingerprint(database_file)
    for name, argv in WRITES.items():
        result = netcoach(home, *argv)
        assert result.returncode == 2, (name, result.stdout, result.stderr)
        line = result.stderr.strip()
        assert line.startswith("netcoach: cannot "), (name, line)
        assert f"the database {database_file} is read-only ({why})" in line, (name, line)
        assert len(line.splitlines()) == 1, (name, line)
    for name, argv in READS.items():
        result = netcoach(home, *argv)
        assert result.returncode == 0, (name, result.stderr)
    assert '"Amélie Durand"' in netcoach(home, "export", "json").stdout
    backup = netcoach(home, "backup", "-o", str(copy))
    assert backup.returncode == 0, backup.stderr
    assert fingerprint(database_file) == before
    assert not Path(f"{database_file}-wal").exists()
    assert not Path(f"{database_file}-shm").exists()


def test_a_read_only_database_file_is_read_but_never_written(tmp_path: Path) -> None:
    home = tmp_path / "home"
    database_file = make_home_with_contacts(home)
    database_file.chmod(0o400)
    check_read_only_home(home, database_file, "netcoach.db is not writable", tmp_path / "copy.db")
    restore = netcoach(home, "restore", str(tmp_path / "copy.db"))
    assert restore.returncode == 2
    assert restore.stderr.strip() == (
        f"netcoach: cannot restore: the database {database_file} is read-only "
        "(netcoach.db is not writable)"
    )
    assert mode(database_file) == 0o400


def test_a_read_only_home_folder_is_read_but_never_written(tmp_path: Path) -> None:
    home = tmp_path / "home"
    database_file = make_home_with_contacts(home)
    home.chmod(0o500)
    try:
        why = "its folder is not writable"
        check_read_only_home(home, database_file, why, tmp_path / "copy.db")
        assert mode(home) == 0o500
        assert mode(database_file) == 0o600
    finally:
        home.chmod(0o700)


def test_a_read_only_home_without_a_database_says_it_cannot_create_one(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "logs").mkdir(parents=True)  # the log has a place: an unwritable log is not the point
    home.chmod(0o500)
    try:
        result = netcoach(home, "export", "csv")
    finally:
        home.chmod(0o700)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"netcoach: cannot create {home / 'netcoach.db'}: its folder is not writable"
    )
    assert [p.name for p in home.iterdir()] == ["logs"]


def test_a_read_only_database_that_needs_upgrading_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    database_file = home / "netcoach.db"
    shutil.copyfile(fixture(5), database_file)
    database_file.chmod(0o444)
    before = fingerprint(database_file)
    result = netcoach(home, "export", "json")
    assert result.returncode == 2
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1
    assert "is read-only (netcoach.db is not writable) and needs upgrading" in line
    assert fingerprint(database_file) == before


def test_a_write_on_a_read_only_store_raises_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "netcoach.db"
    Store(open_database(path, tmp_path / "backups")).add_contact(ContactDraft(name="Kept"))
    database.close()
    path.chmod(0o400)
    before = fingerprint(path)
    store = Store(open_database(path, tmp_path / "backups"))
    assert store.db.read_only_reason == "netcoach.db is not writable"  # type: ignore[attr-defined]
    assert [c.name for c in store.list_contacts().rows] == ["Kept"]
    with pytest.raises(ReadOnlyDatabaseError) as refused:
        store.add_contact(ContactDraft(name="Refused"))
    assert str(refused.value) == "the database is read-only (netcoach.db is not writable)"
    database.close()
    assert fingerprint(path) == before


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(the writable folder, the same folder mounted read-only), or a skip without mounts."""
    source, view = tmp_path / "source", tmp_path / "view"
    source.mkdir()
    view.mkdir()
    bound = subprocess.run(["mount", "--bind", str(source), str(view)], capture_output=True)
    if bound.returncode != 0:
        pytest.skip("this machine does not allow a read-only bind mount")
    try:
        remounted = subprocess.run(
            ["mount", "-o", "remount,bind,ro", str(view)], capture_output=True
        )
        if remounted.returncode != 0:
            pytest.skip("this machine does not allow a read-only bind mount")
        yield source, view
    finally:
        if subprocess.run(["umount", str(view)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(view)], capture_output=True)


def test_a_database_on_a_read_only_disk_is_read_but_never_written(
    read_only_mount: tuple[Path, Path],
) -> None:
    source, view = read_only_mount
    make_home_with_contacts(source / "home")
    # The log goes to a writable place: what an unwritable log does is tested on its own.
    logs = source / "home" / "logs"
    (source.parent / "writable-logs").mkdir()
    for old in logs.iterdir():
        old.unlink()
    logs.rmdir()
    logs.symlink_to(source.parent / "writable-logs")
    home = view / "home"
    copy = source.parent / "copy.db"
    check_read_only_home(home, home / "netcoach.db", "the disk is read-only", copy)


# ---- two first starts at once --------------------------------------------------------------


def start_together(home: Path, copies: int = 2) -> list[subprocess.CompletedProcess[str]]:
    argv = [sys.executable, "-m", "netcoach", "--home", str(home), "doctor", "--no-repair"]
    running = [
        subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
        for _ in range(copies)
    ]
    results = []
    for process in running:
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(argv, process.returncode, out, err))
    return results


def test_two_first_starts_at_once_both_succeed(tmp_path: Path) -> None:
    # Before the first start was serialised, 3 starts in 5 failed ("table schema_version
    # already exists", or "database is locked" while the new file switched to WAL).
    for attempt in range(8):
        home = tmp_path / f"home-{attempt}"
        for result in start_together(home):
            assert result.returncode == 0, (attempt, result.stderr)
            assert result.stdout.strip().endswith("healthy")
        connection = sqlite3.connect(home / "netcoach.db")
        try:
            versions = [row[0] for row in connection.execute("SELECT version FROM schema_version")]
        finally:
            connection.close()
        assert versions == [m.VERSION for m in MIGRATIONS]


def test_two_starts_on_an_old_database_upgrade_it_once(tmp_path: Path) -> None:
    for attempt in range(3):
        home = tmp_path / f"home-{attempt}"
        home.mkdir(mode=0o700)
        shutil.copyfile(fixture(5), home / "netcoach.db")
        (home / "netcoach.db").chmod(0o600)
        for result in start_together(home):
            assert result.returncode == 0, (attempt, result.stderr)
        kept = sorted((home / "backups").glob("netcoach-v5-*.db"))
        assert len(kept) == 1, kept


def test_demo_commands_work_from_a_read_only_home_and_never_touch_it(tmp_path: Path) -> None:
    home = tmp_path / "home"
    database_file = make_home_with_contacts(home)
    database_file.chmod(0o400)
    before = fingerprint(database_file)
    exported = netcoach(home, "--demo", "export", "csv")
    assert exported.returncode == 0, exported.stderr
    assert len(exported.stdout.splitlines()) > 20  # the demo network, not the home's 4 people
    assert "Amélie" not in exported.stdout
    imported = netcoach(home, "--demo", "import", "linkedin", str(LINKEDIN))
    assert imported.returncode == 0, imported.stderr
    assert fingerprint(database_file) == before


def test_export_through_a_link_or_to_a_pipe_writes_where_it_points(tmp_path: Path) -> None:
    make_home_with_contacts(tmp_path / "home")
    real = tmp_path / "synced" / "contacts.vcf"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "contacts.vcf"
    link.symlink_to(real)
    through_link = netcoach(tmp_path / "home", "export", "vcard", "-o", str(link))
    assert through_link.returncode == 0, through_link.stderr
    assert link.is_symlink()
    assert real.read_text().startswith("BEGIN:VCARD")
    to_pipe = netcoach(tmp_path / "home", "export", "csv", "-o", "/dev/stdout")
    assert to_pipe.returncode == 0, to_pipe.stderr
    assert to_pipe.stdout.startswith("name,")
