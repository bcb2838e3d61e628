"""The profile: who the person is, and their own answers from the pitch guide.

Both are key/value rows of one table: the guide's answers under the part keys
(``intro``, ``who_help`` …) and who the person is under ``PROFILE_FIELDS``.
"""

from __future__ import annotations

from netcoach.core.pitch import (
    PART_KEYS,
    PROFILE_FIELDS,
    PROFILE_LIMIT_KINDS,
    AboutMe,
    Profile,
    profile_changes,
    tidy_profile,
)
from netcoach.core.validation import LIMIT_WORDS, limit_message
from netcoach.data.errors import PitchError
from netcoach.data.pitches.base import PitchBase
from netcoach.data.tables import ProfileRecord

PROFILE_KEYS = ("intro", "who_help", "good_at")
# Kept (with when) once the guide has shown its profile step and been finished, so a
# person who leaves the profile blank is not asked again each time the guide opens.
ASKED_KEY = "profile_asked"


class ProfileRepo(PitchBase):
    """Reading and keeping who the person is and the guide's answers about their business."""

    def profile(self) -> dict[str, str]:
        """The user's own answers from the pitch guide, by part key."""
        with self.db.connection_context():
            records = ProfileRecord.select().where(ProfileRecord.key.in_(PART_KEYS))
            return {r.key: r.value for r in records}

    def about_me(self) -> AboutMe:
        """Who you are and your business, who you help, what you are good at (may be blank)."""
        answers = self.profile()
        return AboutMe(
            business=answers.get("intro", ""),
            who_i_help=answers.get("who_help", ""),
            good_at=answers.get("good_at", ""),
        )

    def save_profile(self, answers: dict[str, str], asked: bool = False) -> None:
        """Keep the guide's answers (about you and your business) for other screens to use;
        ``asked``: the guide showed its profile step, so it need not open on it again."""
        now = self.now()
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            for key, value in answers.items():
                if key in PART_KEYS:
                    ProfileRecord.replace(key=key, value=value.strip(), updated_at=now).execute()
            if asked:
                stamp = now.isoformat()
                ProfileRecord.replace(key=ASKED_KEY, value=stamp, updated_at=now).execute()

    def profile_was_asked(self) -> bool:
        """Whether the guide has asked who the person is before (and was finished)."""
        with self.db.connection_context():
            return ProfileRecord.select().where(ProfileRecord.key == ASKED_KEY).exists()

    def person_profile(self) -> Profile:
        """Who the person is: name, business, trade and ideal referral (any may be blank)."""
        with self.db.connection_context():
            records = ProfileRecord.select().where(ProfileRecord.key.in_(PROFILE_FIELDS))
            return tidy_profile({r.key: r.value for r in records})

    def save_person_profile(self, profile: Profile, opened: Profile | None = None) -> Profile:
        """Keep who the person is, in one transaction, and return it as now kept.

        Given ``opened`` (what the form showed), only the fields changed since are
        written, so another copy's change to a field left alone here stays. A field too
        long is refused with ``PitchError`` naming it, and nothing is written.
        """
        typed = tidy_profile(profile.as_dict())
        changes = profile_changes(typed, None if opened is None else tidy_profile(opened.as_dict()))
        for key, value in changes.items():
            kind = PROFILE_LIMIT_KINDS[key]
            if len(value) > LIMIT_WORDS[kind][1]:
                raise PitchError(limit_message(kind), key)
        now = self.now()
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            for key, value in changes.items():
                if value:
                    ProfileRecord.replace(key=key, value=value, updated_at=now).execute()
                else:
                    ProfileRecord.delete().where(ProfileRecord.key == key).execute()
            records = ProfileRecord.select().where(ProfileRecord.key.in_(PROFILE_FIELDS))
            return tidy_profile({r.key: r.value for r in records})
