"""The profile: the user's own answers from the pitch guide, which other screens reuse."""

from __future__ import annotations

from netcoach.core.pitch import PART_KEYS, AboutMe
from netcoach.data.pitches.base import PitchBase
from netcoach.data.tables import ProfileRecord

PROFILE_KEYS = ("intro", "who_help", "good_at")


class ProfileRepo(PitchBase):
    """Reading and keeping the guide's answers about the user and their business."""

    def profile(self) -> dict[str, str]:
        """The user's own answers from the pitch guide, by part key."""
        with self.db.connection_context():
            return {r.key: r.value for r in ProfileRecord.select()}

    def about_me(self) -> AboutMe:
        """Who you are and your business, who you help, what you are good at (may be blank)."""
        answers = self.profile()
        return AboutMe(
            business=answers.get("intro", ""),
            who_i_help=answers.get("who_help", ""),
            good_at=answers.get("good_at", ""),
        )

    def save_profile(self, answers: dict[str, str]) -> None:
        """Keep the guide's answers (about you and your business) for other screens to use."""
        now = self.now()
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            for key, value in answers.items():
                if key in PART_KEYS:
                    ProfileRecord.replace(key=key, value=value.strip(), updated_at=now).execute()
