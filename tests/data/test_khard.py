"""khard, a real vCard client, lists every contact netcoach exports.

khard reads an address book folder holding one card per file (a vdir, as CardDAV
sync tools keep it) and skips any card without a UID: ``export vcard -o DIR`` writes
such a folder, and khard is pointed straight at it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from netcoach.cli import main
from netcoach.data.db import database, open_database
from netcoach.data.demo import generate_demo
from netcoach.data.repo import Store
from tests.data.vcard_people import RICH, store_people

pytest.importorskip("khard")

CONFIG = """\
[addressbooks]
[[netcoach]]
path = {book}

[general]
debug = no
default_action = list
editor = /bin/true
merge_editor = /bin/true

[contact table]
display = formatted_name
sort = formatted_name
"""


def cards_in(folder: Path) -> dict[str, str]:
    """{UID: FN} of the cards in ``folder``, one card per file."""
    import vobject

    found: dict[str, str] = {}
    for path in folder.iterdir():
        parsed = vobject.readOne(path.read_text(encoding="utf-8"))
        found[parsed.uid.value] = parsed.fn.value
    return found


def khard(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    config_home = tmp_path / "config"
    (config_home / "khard").mkdir(parents=True, exist_ok=True)
    config = config_home / "khard" / "khard.conf"
    config.write_text(CONFIG.format(book=tmp_path / "book"), encoding="utf-8")
    env = {**os.environ, "XDG_CONFIG_HOME": str(config_home), "HOME": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "khard", "-c", str(config), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def test_khard_lists_every_exported_contact_by_uid_and_name(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    db = open_database(home / "netcoach.db", home / "backups")
    generate_demo(db)
    store = Store(db)
    store_people(store, RICH)
    database.close()
    book = tmp_path / "book"
    assert main(["--home", str(home), "export", "vcard", "-o", f"{book}/"]) == 0
    database.close()
    count = len(list(book.iterdir()))
    cards = cards_in(tmp_path / "book")
    assert len(cards) == count > 150  # every card has its own UID (two Maya Frasers, too)

    listed = khard(tmp_path, "list", "--parsable")
    assert listed.returncode == 0, listed.stderr
    assert "has no UID" not in listed.stderr
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert {(uid, name) for uid, name, _book in rows} == set(cards.items())
    assert len(rows) == count
