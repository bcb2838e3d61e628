"""The app draws up to 120 frames a second unless TEXTUAL_FPS says otherwise."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = "import netcoach.app, textual.constants as c; print(c.MAX_FPS)"


def frame_rate(environment: dict[str, str]) -> int:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=environment, capture_output=True, text=True, check=True
    )
    return int(done.stdout.strip())


def test_frames_come_twice_as_often_as_textuals_default() -> None:
    environment = {k: v for k, v in os.environ.items() if k != "TEXTUAL_FPS"}
    assert frame_rate(environment) == 120


def test_a_frame_rate_set_in_the_environment_wins() -> None:
    assert frame_rate({**os.environ, "TEXTUAL_FPS": "30"}) == 30
