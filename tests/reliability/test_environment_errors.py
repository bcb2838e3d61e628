"""Problems of the machine on the command line: one clear line and exit 2, never "unexpected".

A held lock, a full disk, a permission, a read-only database and a log that cannot be
written are the machine's problems, not netcoach's: each is said in one line on
standard error, with exit status 2 and nothing written. Exit 1 stays for bugs.
"""

from __future__ import annotations

import csv
import errno
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from peewee import OperationalError

from netcoach import cli
from netcoach.data.db import database
from tests.failing import (
    disk_full_on_commit,
    fill_disk,
    hold_write_lock,
    short_retry_window,
    small_disk,
)

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
LINKEDIN = FIXTURES / "linkedin-connections.csv"


@pytest.fixture(autouse=True)
def _close_database():
    yield
    close()


def close() -> None:
    if not database.is_closed():
        database.close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    close()
    out, err = capsys.readouterr()
    return code, out, err


def contacts_in(home: Path) -> int:
    connection = sqlite3.connect(home / "netcoach.db")
    try:
        return int(connection.execute("SELECT count(*) FROM contact").fetchone()[0])
    finally:
        connection.close()


def a_home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A home whose database exists and holds the LinkedIn fixture's contacts."""
    home = tmp_path / "home"
    code, _out, err = run(capsys, "--home", str(home), "import", "linkedin", str(LINKEDIN))
    assert code == 0, err
    return home


def assert_one_line(err: str, words: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("netcoach: ") and words in lines[0], err
    assert "Traceback" not in err and "unexpected" not in err


def many_contacts(path: Path, rows: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position"])
        for index in range(rows):
            writer.writerow(
                [
                    f"First{index}",
                    "Lastname" * 6,
                    f"https://www.linkedin.com/in/person-{index}",
                    f"person{index}@example.com",
                    "Company " * 8,
                    "Position " * 8,
                ]
            )
    return path


# ---- a busy database ----------------------------------------------------------------------


def test_an_import_under_a_long_lock_says_another_netcoach_is_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = a_home(tmp_path, capsys)
    before = contacts_in(home)
    short_retry_window(monkeypatch)
    extra = many_contacts(tmp_path / "more.csv", 20)
    with hold_write_lock(home / "netcoach.db"):
        code, out, err = run(capsys, "--home", str(home), "import", "linkedin", str(extra))
    assert code == 2
    assert out == ""
    assert_one_line(err, "another netcoach has been writing for 1 s: nothing was saved")
    assert contacts_in(home) == before
    # Once the other writer is done, the same command goes through.
    code, out, err = run(capsys, "--home", str(home), "import", "linkedin", str(extra))
    assert (code, err) == (0, "")
    assert out.startswith("imported 20,")
    assert contacts_in(home) == before + 20


def test_the_busy_error_says_how_long_it_waited(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netcoach.core.models import ContactDraft
    from netcoach.data.db import open_database
    from netcoach.data.failures import DatabaseBusyError, describe_failure
    from netcoach.data.repo import Store

    short_retry_window(monkeypatch, 1.6)
    db_path.parent.mkdir()
    store = Store(open_database(db_path, db_path.parent / "backups"))
    with hold_write_lock(db_path), pytest.raises(DatabaseBusyError) as raised:
        store.add_contact(ContactDraft(name="Ada"))
    assert 1.6 <= raised.value.waited < 2.5
    assert describe_failure(raised.value) == "another netcoach has been writing for 2 s"
    assert store.count_contacts() == 0


# ---- a full disk --------------------------------------------------------------------------


def test_a_full_disk_during_an_import_rolls_back_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = a_home(tmp_path, capsys)
    before = contacts_in(home)
    disk_full_on_commit(monkeypatch)
    extra = many_contacts(tmp_path / "more.csv", 50)
    code, out, err = run(capsys, "--home", str(home), "import", "linkedin", str(extra))
    assert code == 2
    assert out == ""
    assert_one_line(err, "the disk is full: nothing was saved")
    monkeypatch.undo()
    assert contacts_in(home) == before
    log = (home / "logs" / "netcoach.log").read_text(encoding="utf-8")
    assert "the disk is full" in log and "Traceback" not in log


def test_a_really_full_disk_says_so_and_never_calls_the_database_damaged(
    tmp_path: Path,
) -> None:
    """On a real small disk: an import that does not fit, then commands while it is full."""
    with small_disk(tmp_path / "disk", 4096) as disk:
        home = disk / "home"
        first = netcoach("--home", str(home), "import", "linkedin", str(LINKEDIN))
        assert first.returncode == 0, first.stderr
        before = contacts_in(home)
        extra = many_contacts(tmp_path / "more.csv", 20_000)
        filler = fill_disk(disk, leave_kilobytes=150)
        result = netcoach("--home", str(home), "import", "linkedin", str(extra))
        assert result.returncode == 2, result.stderr
        assert_one_line(result.stderr, "the disk is full: nothing was saved")
        fill_disk(disk)
        for command in (["export", "json"], ["doctor"], ["review"]):
            result = netcoach("--home", str(home), *command)
            assert result.returncode == 2, result.stderr
            assert_one_line(result.stderr, "the disk is full")
            assert "damaged" not in result.stderr
        filler.unlink()
        (disk / "filler").unlink(missing_ok=True)
        result = netcoach("--home", str(home), "doctor")
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.strip().endswith("healthy")
        assert contacts_in(home) == before


def netcoach(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netcoach", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


# ---- permissions and read-only disks --------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
        (PermissionError(errno.EACCES, "Permission denied", "/x/in.csv"), "permission denied"),
        (OSError(errno.EROFS, "Read-only file system"), "the disk is read-only"),
        (OperationalError("attempt to write a readonly database"), "the database is read-only"),
        (OperationalError("database is locked"), "another netcoach is writing"),
    ],
    ids=["enospc", "eacces", "erofs", "readonly-db", "locked"],
)
def test_each_environment_error_is_one_line_and_exit_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    error: Exception,
    words: str,
) -> None:
    home = a_home(tmp_path, capsys)
    before = contacts_in(home)
    from netcoach.data.imports import ImportRepo

    def fails(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(ImportRepo, "run", fails)
    code, out, err = run(capsys, "--home", str(home), "import", "linkedin", str(LINKEDIN))
    assert code == 2
    assert out == ""
    assert_one_line(err, f"{words}")
    assert err.rstrip().endswith("nothing was saved")
    assert contacts_in(home) == before


def test_a_bug_still_exits_1_with_the_log_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = a_home(tmp_path, capsys)
    from netcoach.data.imports import ImportRepo

    def fails(*args: object, **kwargs: object) -> None:
        raise OperationalError("no such column: nonsense")

    monkeypatch.setattr(ImportRepo, "run", fails)
    code, _out, err = run(capsys, "--home", str(home), "import", "linkedin", str(LINKEDIN))
    log_file = home / "logs" / "netcoach.log"
    assert code == 1
    assert err.strip() == (
        f"netcoach: an unexpected error stopped netcoach; the details are in {log_file}"
    )
    assert "no such column: nonsense" in log_file.read_text(encoding="utf-8")


# ---- a log that cannot be written -----------------------------------------------------------


def test_a_log_that_cannot_be_opened_falls_back_to_stderr_with_one_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = a_home(tmp_path, capsys)
    log_file = home / "logs" / "netcoach.log"
    log_file.unlink()
    log_file.mkdir()  # in the way: even root cannot open it as a file
    for command in (["doctor"], ["export", "json"], ["import", "linkedin", str(LINKEDIN)]):
        code, out, err = run(capsys, "--home", str(home), *command)
        assert code == 0, err
        assert out
        assert err.strip() == (
            f"netcoach: warning: cannot write the log {log_file} (Is a directory); "
            "warnings go to standard error instead"
        )


def test_the_app_starts_when_the_log_cannot_be_opened(tmp_path: Path) -> None:
    """The full-screen app goes through the same start: it is built, and only warned about."""
    home = tmp_path / "home"
    (home / "logs" / "netcoach.log").mkdir(parents=True)
    code = (
        "import sys; from netcoach import cli; from netcoach.app import NetcoachApp;"
        "NetcoachApp.run = lambda self: None;"
        f"sys.exit(cli.main(['--home', {str(home)!r}]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().startswith("netcoach: warning: cannot write the log")
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_log_on_a_full_disk_costs_the_command_nothing(tmp_path: Path) -> None:
    """Writing the log fails (ENOSPC, as /dev/full does): the command still works, quietly."""
    home = tmp_path / "home"
    (home / "logs").mkdir(parents=True)
    (home / "logs" / "netcoach.log").symlink_to("/dev/full")
    result = netcoach("--home", str(home), "import", "linkedin", str(LINKEDIN))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("imported 4,")
    assert "Traceback" not in result.stderr and "Logging error" not in result.stderr


def test_a_log_folder_that_cannot_be_made_falls_back_to_stderr_with_one_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "logs").write_text("a file where the log folder would go")
    code, out, err = run(capsys, "--home", str(home), "import", "linkedin", str(LINKEDIN))
    assert code == 0, err
    assert out.startswith("imported 4,")
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"netcoach: warning: cannot write the log {home / 'logs'}")
    assert lines[0].endswith("warnings go to standard error instead")
    assert (home / "logs").read_text() == "a file where the log folder would go"
    assert contacts_in(home) == 4


def test_a_log_that_stops_being_writable_warns_once_then_uses_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import logging

    class Failing:
        def write(self, text: str) -> int:
            raise OSError(errno.EIO, "Input/output error")

        def flush(self) -> None:
            raise OSError(errno.EIO, "Input/output error")

        def close(self) -> None:
            raise OSError(errno.EIO, "Input/output error")

    log_file = tmp_path / "logs" / "netcoach.log"
    handler = cli.setup_logging(log_file)
    assert handler is not None
    try:
        handler.stream.close()
        handler.stream = Failing()  # type: ignore[assignment]
        logging.getLogger("netcoach").warning("first")
        logging.getLogger("netcoach").info("only for the file")
        logging.getLogger("netcoach").warning("second")
    finally:
        cli.close_logging(handler)
    assert capsys.readouterr().err.splitlines() == [
        f"netcoach: warning: cannot write the log {log_file} (Input/output error); "
        "warnings go to standard error instead",
        "netcoach: WARNING: first",
        "netcoach: WARNING: second",
    ]


def test_a_bug_with_no_log_to_write_keeps_its_details_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def explode(args: object, paths: object) -> int:
        raise RuntimeError("boom")

    home = tmp_path / "home"
    (home / "logs" / "netcoach.log").mkdir(parents=True)
    monkeypatch.setattr(cli, "run", explode)
    code, _out, err = run(capsys, "--home", str(home))
    assert code == 1
    lines = err.strip().splitlines()
    assert lines[0].startswith("netcoach: warning: cannot write the log")
    assert "RuntimeError: boom" in err
    assert lines[-1] == (
        "netcoach: an unexpected error stopped netcoach; "
        "the details are above (the log could not be written)"
    )


def test_an_export_onto_a_full_disk_says_so_and_keeps_the_file_that_was_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = a_home(tmp_path, capsys)
    with small_disk(tmp_path / "disk", 256) as disk:
        target = disk / "network.json"
        target.write_text("last week's export\n", encoding="utf-8")
        fill_disk(disk)
        code, _out, err = run(capsys, "--home", str(home), "export", "json", "-o", str(target))
        assert code == 2
        assert_one_line(err, f"cannot write {target}: the disk is full; nothing was exported")
        assert target.read_text(encoding="utf-8") == "last week's export\n"
        assert [p.name for p in disk.iterdir() if "partial" in p.name] == []
