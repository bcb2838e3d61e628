"""The user's settings file: theme and key remapping. Small, JSON, forgiving when damaged.

What cannot be used (a damaged file, a key binding id netcoach does not have, a
key name no keyboard sends, an unknown theme) is left out with a warning, and
the rest still applies; ``ctrl+q`` always quits.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

from netcoach.paths import make_dirs, written_whole

DEFAULT_THEME = "netcoach"
QUIT_ID = "app.quit"
QUIT_KEY = "ctrl+q"


@dataclass(slots=True)
class Config:
    theme: str = DEFAULT_THEME
    keymap: dict[str, str] = field(default_factory=dict)
    path: Path | None = None
    warnings: list[str] = field(default_factory=list)
    """What in the file was left out, and why; each a short phrase."""

    def to_json(self) -> str:
        return json.dumps({"theme": self.theme, "keymap": self.keymap}, indent=2) + "\n"

    def warning_line(self) -> str:
        """One line for everything left out ("" when all was used)."""
        if not self.warnings:
            return ""
        return f"{self.path or 'the settings'}: " + "; ".join(self.warnings)


def load_config(path: Path | None) -> Config:
    """Read the settings file; a missing file gives the defaults, a damaged one too, noted."""
    config = Config(path=path)
    if path is None or not path.is_file():
        return config
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        reason = "it cannot be read" if isinstance(error, OSError) else "it is not valid JSON"
        config.warnings.append(f"{reason}, so the defaults apply")
        return config
    if not isinstance(raw, dict):
        config.warnings.append("it is not a JSON object, so the defaults apply")
        return config
    theme = raw.get("theme")
    if isinstance(theme, str) and theme.strip():
        config.theme = theme.strip()
    elif theme is not None:
        config.warnings.append(f"theme {_shown(theme)} is not a theme name")
    keymap = raw.get("keymap")
    if isinstance(keymap, dict):
        for binding_id, keys in keymap.items():
            if isinstance(keys, str):
                config.keymap[str(binding_id)] = keys
            else:
                config.warnings.append(f"keymap {_shown(binding_id)}: {_shown(keys)} is not keys")
    elif keymap is not None:
        config.warnings.append("keymap is not a JSON object of binding ids and keys")
    return config


def check_config(
    config: Config,
    binding_ids: Collection[str] | None,
    themes: Collection[str],
    is_key: Callable[[str], bool],
) -> Config:
    """Keep what netcoach can use; note the rest in ``config.warnings``.

    A keymap entry needs a known binding id and real key names (the bad keys of an
    entry are dropped, the entry too when none is left); ``ctrl+q`` stays on quit,
    whatever else quit is given, and no other binding can take it. With ``binding_ids``
    None the ids are not checked yet (see ``drop_unknown_ids``).
    """
    if config.theme not in themes:
        config.warnings.append(f"theme {_shown(config.theme)} is unknown, using {DEFAULT_THEME}")
        config.theme = DEFAULT_THEME
    kept: dict[str, str] = {}
    for binding_id, text in config.keymap.items():
        if binding_ids is not None and binding_id not in binding_ids:
            config.warnings.append(f"keymap {_shown(binding_id)} is not a key binding id")
            continue
        keys = [key.strip() for key in text.split(",") if key.strip()]
        for key in keys:
            if not is_key(key):
                config.warnings.append(f"keymap {_shown(binding_id)}: {_shown(key)} is not a key")
        keys = list(dict.fromkeys(key for key in keys if is_key(key)))
        if binding_id == QUIT_ID and keys and QUIT_KEY not in keys:
            config.warnings.append(f"keymap {_shown(binding_id)}: {QUIT_KEY} still quits too")
            keys.insert(0, QUIT_KEY)
        elif binding_id != QUIT_ID and QUIT_KEY in keys:
            config.warnings.append(f"keymap {_shown(binding_id)}: {QUIT_KEY} is kept for quit")
            keys.remove(QUIT_KEY)
        if keys:
            kept[binding_id] = ",".join(keys)
    config.keymap = kept
    return config


def drop_unknown_ids(config: Config, binding_ids: Collection[str]) -> bool:
    """Leave out keymap entries whose id netcoach does not have; True if any was left out."""
    unknown = [binding_id for binding_id in config.keymap if binding_id not in binding_ids]
    for binding_id in unknown:
        config.warnings.append(f"keymap {_shown(binding_id)} is not a key binding id")
        del config.keymap[binding_id]
    return bool(unknown)


def _shown(value: object, limit: int = 40) -> str:
    text = value if isinstance(value, str) else json.dumps(value)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def save_config(config: Config) -> None:
    """Write the settings file atomically (a temporary file renamed over the old one)."""
    if config.path is None:
        return
    make_dirs(config.path.parent)
    with written_whole(config.path) as stream:
        stream.write(config.to_json())
