"""Backups netcoach names itself never collide, even several within one second."""

from __future__ import annotations

from pathlib import Path

from netcoach.cli import main


def test_backups_made_within_one_second_are_all_kept(tmp_path: Path, capsys, monkeypatch) -> None:
    from netcoach.io.backup import backup

    monkeypatch.setattr(backup, "_stamp", lambda: "20261204-080000")
    home = tmp_path / "home"
    assert main(["--home", str(home), "doctor"]) == 0
    capsys.readouterr()
    for _ in range(3):
        assert main(["--home", str(home), "backup"]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = sorted(p.name for p in (home / "backups").glob("netcoach-20261204-080000*.db"))
    assert names == [
        "netcoach-20261204-080000-2.db",
        "netcoach-20261204-080000-3.db",
        "netcoach-20261204-080000.db",
    ]
    assert len(set(lines)) == 3
