"""Nothing lost when netcoach is killed mid-write, or when two copies write at once."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from netcoach.data.db import database, open_database
from netcoach.data.repo import Store

ROOT = Path(__file__).resolve().parents[2]
WRITERS = Path(__file__).with_name("writers.py")
KILLS = int(os.environ.get("NETCOACH_KILLS", "50"))
SOAK_SECONDS = float(os.environ.get("NETCOACH_SOAK_SECONDS", "30"))


def spawn(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, str(WRITERS), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


@pytest.fixture(autouse=True)
def close_database():
    yield
    database.close()


def test_sigkill_mid_write_loses_nothing_that_was_committed(tmp_path: Path) -> None:
    path = tmp_path / "netcoach.db"
    rng = random.Random(20261123)
    committed: set[int] = set()
    kills = 0
    for round_number in range(KILLS):
        child = spawn("crash", str(path), f"Round{round_number}")
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", (
            child.stderr.read() if child.stderr else ""
        )
        # Let it write for a random while, then kill it without warning.
        os.set_blocking(child.stdout.fileno(), True)
        deadline_lines = rng.randint(0, 40)
        for _ in range(deadline_lines):
            line = child.stdout.readline()
            if line.strip().isdigit():
                committed.add(int(line))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
        committed.update(int(x) for x in rest.split() if x.isdigit())
        assert child.returncode == -signal.SIGKILL
        kills += 1

    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        present = {row[0] for row in connection.execute("SELECT id FROM contact")}
        touched = {row[0] for row in connection.execute("SELECT contact_id FROM interaction")}
        last_name = connection.execute(
            "SELECT name FROM contact WHERE id = ?", (max(committed),)
        ).fetchone()[0]
        first_round = connection.execute(
            "SELECT count(*) FROM contact WHERE name LIKE 'Round0 %'"
        ).fetchone()[0]
    connection.close()
    assert kills == KILLS
    assert committed, "the writers committed nothing before being killed"
    assert committed <= present
    assert committed <= touched
    # The app opens on the database afterwards, and search still finds the survivors.
    store = Store(open_database(path, tmp_path / "backups"))
    assert store.count_contacts() == len(present)
    assert store.list_contacts("Round0").total == first_round
    assert max(committed) in {row.id for row in store.list_contacts(last_name).rows}
    print(f"\nkills survived: {kills}; commits reported and found: {len(committed)}")


def test_two_copies_writing_at_once_lose_nothing_and_never_see_a_lock(tmp_path: Path) -> None:
    path = tmp_path / "netcoach.db"
    open_database(path, tmp_path / "backups")
    database.close()
    first = spawn("soak", str(path), "Alpha", "Beta", str(SOAK_SECONDS))
    second = spawn("soak", str(path), "Beta", "Alpha", str(SOAK_SECONDS))
    # An import holding the write lock longer than SQLite's own busy wait.
    importer = spawn("import", str(path), "5000", "6")
    outputs = []
    for child in (first, second, importer):
        out, err = child.communicate(timeout=SOAK_SECONDS + 120)
        assert child.returncode == 0, err
        outputs.append(json.loads(out.strip().splitlines()[-1]))
    alpha, beta, imported = outputs
    assert alpha["errors"] == [] and beta["errors"] == []
    assert alpha["saw_other"] and beta["saw_other"]
    with sqlite3.connect(path) as connection:
        count = dict(
            connection.execute(
                "SELECT substr(name, 1, instr(name, ' ') - 1), count(*) FROM contact GROUP BY 1"
            ).fetchall()
        )
        interactions = connection.execute("SELECT count(*) FROM interaction").fetchone()[0]
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()
    assert count.get("Alpha") == alpha["made"] > 0
    assert count.get("Beta") == beta["made"] > 0
    assert count.get("Imported") == imported["imported"]
    assert interactions == alpha["made"] + beta["made"]
    print(
        f"\nconcurrent writes made: {alpha['made'] + beta['made']} contacts with interactions "
        f"+ {imported['imported']} imported; lost: 0; lock errors: 0"
    )
