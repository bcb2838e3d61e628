"""Pitches, their versions and rehearsals, and the profile: one module each, and ``PitchRepo``.

- ``pitches``: pitches themselves, one with its versions and rehearsals, the one to use next.
- ``versions``: each saved edit of a pitch, kept beside the earlier ones.
- ``rehearsals``: timed runs of a version, and the speaking rate they give.
- ``profile``: the user's own answers from the pitch guide.

Call the repositories from thread workers only; each method opens its own connection
context, and each write is one transaction.
"""

from __future__ import annotations

from netcoach.data.pitches.base import Clock
from netcoach.data.pitches.pitches import VERSIONS_SHOWN, PitchesRepo
from netcoach.data.pitches.profile import PROFILE_KEYS, ProfileRepo
from netcoach.data.pitches.rehearsals import CALIBRATION_REHEARSALS
from netcoach.data.pitches.versions import VersionsRepo

__all__ = ["CALIBRATION_REHEARSALS", "PROFILE_KEYS", "VERSIONS_SHOWN", "Clock", "PitchRepo"]


class PitchRepo(PitchesRepo, VersionsRepo, ProfileRepo):
    """Every read and write of pitches, returning ``netcoach.core.pitch`` dataclasses."""
