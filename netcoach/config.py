"""The user's settings file: theme and key remapping. Small, JSON, forgiving when damaged."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from netcoach.paths import make_dirs

DEFAULT_THEME = "netcoach"


@dataclass(slots=True)
class Config:
    theme: str = DEFAULT_THEME
    keymap: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    def to_json(self) -> str:
        return json.dumps({"theme": self.theme, "keymap": self.keymap}, indent=2) + "\n"


def load_config(path: Path | None) -> Config:
    """Read the settings file; a missing or damaged file gives the defaults."""
    config = Config(path=path)
    if path is None or not path.is_file():
        return config
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return config
    if isinstance(raw, dict):
        if isinstance(raw.get("theme"), str) and raw["theme"].strip():
            config.theme = raw["theme"].strip()
        keymap = raw.get("keymap")
        if isinstance(keymap, dict):
            config.keymap = {str(k): str(v) for k, v in keymap.items() if isinstance(v, str)}
    return config


def save_config(config: Config) -> None:
    """Write the settings file atomically (a temporary file renamed over the old one)."""
    if config.path is None:
        return
    make_dirs(config.path.parent)
    handle, temporary = tempfile.mkstemp(dir=config.path.parent, prefix=".config-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(config.to_json())
        os.replace(temporary, config.path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        raise
