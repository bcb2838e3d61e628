"""The settings file is checked on load: unknown binding ids, key names no keyboard sends
and unknown themes are left out with one warning line, the rest applies, ctrl+q quits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netcoach.app import create_app
from netcoach.cli import main
from netcoach.config import DEFAULT_THEME, Config, check_config, load_config
from netcoach.data.db import database
from netcoach.widgets.keys import binding_ids, is_key_name
from tests.conftest import fixed_clock, settle

THEMES = {"netcoach", "textual-dark"}
IDS = {"app.quit", "app.help", "go.contacts", "contacts.refresh"}


def settings(tmp_path: Path, **values: object) -> Path:
    path = tmp_path / "config.json"
    path.write_text(json.dumps(values), encoding="utf-8")
    return path


def checked(tmp_path: Path, **values: object) -> Config:
    return check_config(load_config(settings(tmp_path, **values)), IDS, THEMES, is_key_name)


def test_good_settings_apply_without_a_warning(tmp_path: Path) -> None:
    config = checked(
        tmp_path, theme="textual-dark", keymap={"go.contacts": "f2", "app.help": "f1,?"}
    )
    assert (config.theme, config.keymap, config.warnings) == (
        "textual-dark",
        {"go.contacts": "f2", "app.help": "f1,?"},
        [],
    )
    assert config.warning_line() == ""


@pytest.mark.parametrize(
    ("values", "keymap", "warning"),
    [
        ({"keymap": {"app.nonsense": "f2"}}, {}, "'app.nonsense' is not a key binding id"),
        ({"keymap": {"go.contacts": "bogus-key"}}, {}, "'bogus-key' is not a key"),
        ({"keymap": {"go.contacts": "F5,f6"}}, {"go.contacts": "f6"}, "'F5' is not a key"),
        ({"keymap": {"go.contacts": "ctrl+ctrl+c"}}, {}, "'ctrl+ctrl+c' is not a key"),
        ({"keymap": {"go.contacts": 5}}, {}, "'5' is not keys"),
        ({"keymap": {"app.quit": "nonsense-key"}}, {}, "'nonsense-key' is not a key"),
        ({"keymap": {"app.quit": "f10"}}, {"app.quit": "ctrl+q,f10"}, "ctrl+q still quits too"),
        ({"keymap": {"go.contacts": "ctrl+q"}}, {}, "ctrl+q is kept for quit"),
        ({"theme": "no-such-theme"}, {}, "theme 'no-such-theme' is unknown, using netcoach"),
        ({"theme": 7}, {}, "theme '7' is not a theme name"),
    ],
)
def test_what_cannot_apply_is_left_out_with_a_warning_and_the_rest_applies(
    tmp_path: Path, values: dict[str, object], keymap: dict[str, str], warning: str
) -> None:
    mapped = {**values.pop("keymap", {}), "contacts.refresh": "f5"}  # type: ignore[dict-item]
    config = checked(tmp_path, keymap=mapped, **values)
    assert config.theme == DEFAULT_THEME
    assert config.keymap == {**keymap, "contacts.refresh": "f5"}
    assert len(config.warnings) == 1 and warning in config.warnings[0]
    line = config.warning_line()
    assert line.startswith(f"{tmp_path / 'config.json'}: ") and "\n" not in line


def test_a_keymap_that_is_not_an_object_is_left_out(tmp_path: Path) -> None:
    config = checked(tmp_path, theme="textual-dark", keymap=["app.quit", "f10"])
    assert (config.theme, config.keymap) == ("textual-dark", {})
    assert config.warnings == ["keymap is not a JSON object of binding ids and keys"]


def test_a_damaged_settings_file_gives_the_defaults_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_text('{"theme": "textual-dark", ', encoding="utf-8")
    config = check_config(load_config(path), IDS, THEMES, is_key_name)
    assert (config.theme, config.keymap) == (DEFAULT_THEME, {})
    assert config.warning_line() == f"{path}: it is not valid JSON, so the defaults apply"


def test_every_binding_id_of_the_app_is_known() -> None:
    known = binding_ids()
    assert {"app.quit", "go.contacts", "contacts.refresh", "rehearsal.toggle"} <= known
    assert "app.nonsense" not in known


async def test_quit_bound_to_a_nonsense_key_still_quits_with_ctrl_q(tmp_path: Path) -> None:
    path = settings(
        tmp_path, theme="no-such-theme", keymap={"app.quit": "nonsense", "go.contacts": "f2"}
    )
    app = create_app(tmp_path / "netcoach.db", config_path=path, clock=fixed_clock)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        (note,) = app._notifications
        assert note.title == "Settings left out" and note.severity == "warning"
        assert "'nonsense' is not a key" in note.message and "no-such-theme" in note.message
        assert app.theme == DEFAULT_THEME
        await pilot.press("f2")  # the rest of the keymap applies
        await settle(pilot)
        assert app.current_mode == "contacts"
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert app.return_code == 0
    database.close()


async def test_quit_given_another_key_keeps_ctrl_q_and_takes_the_new_one(tmp_path: Path) -> None:
    path = settings(tmp_path, keymap={"app.quit": "f10"})
    for key in ("ctrl+q", "f10"):
        app = create_app(tmp_path / "netcoach.db", config_path=path, clock=fixed_clock)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press(key)
            await settle(pilot)
            assert app.return_code == 0, key
        database.close()


def test_the_command_line_says_what_was_left_out_on_one_stderr_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from netcoach.app import NetcoachApp

    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    settings(home / "config", keymap={"app.quit": "nonsense"})
    ran: list[NetcoachApp] = []
    monkeypatch.setattr(NetcoachApp, "run", lambda self: ran.append(self))
    assert main(["--home", str(home)]) == 0
    database.close()
    err = capsys.readouterr().err
    assert err == (
        f"netcoach: note: settings left out: {home / 'config' / 'config.json'}: "
        "keymap 'app.quit': 'nonsense' is not a key\n"
    )
    assert ran and ran[0].config.keymap == {}


async def test_an_unknown_binding_id_is_said_once_the_first_screen_is_up(tmp_path: Path) -> None:
    """The ids are checked after the first frame; the warning still comes, in one line."""
    path = settings(tmp_path, keymap={"app.nonsense": "f3", "go.contacts": "f2"})
    app = create_app(tmp_path / "netcoach.db", config_path=path, clock=fixed_clock)
    assert app.config.warnings == []  # not known before the screens are imported
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        (note,) = app._notifications
        assert note.title == "Settings left out"
        assert note.message == f"{path}: keymap 'app.nonsense' is not a key binding id"
        assert app.config.keymap == {"go.contacts": "f2"}
        await pilot.press("f2")
        await settle(pilot)
        assert app.current_mode == "contacts"
    database.close()
