"""The demo's pitches, their versions and the rehearsals logged against them."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from peewee import SqliteDatabase

from netcoach.data.demo.samples import BREAKFAST_VERSIONS, CHAMBER_VERSIONS, REHEARSAL_NOTES

# Who the demo's networker is: the printer whose pitches these are.
DEMO_PROFILE = {
    "name": "Sam Rivers",
    "business": "Rivers Print",
    "trade": "Printer",
    "ideal_referral": "the owner of a restaurant or café about to open in town",
}


def generate_pitch_demo(db: SqliteDatabase, now: datetime, rng_seed: int = 7) -> None:
    """Two pitches with a few versions each and a history of rehearsals (once per database)."""
    from netcoach.core.pitch import count_words
    from netcoach.data.tables import PitchRecord, PitchVersionRecord, ProfileRecord, RehearsalRecord

    rng = random.Random(rng_seed)
    with db.connection_context(), db.atomic():
        if PitchRecord.select().exists():
            return
        for key, value in DEMO_PROFILE.items():
            ProfileRecord.replace(key=key, value=value, updated_at=now).execute()
        for name, limit, versions, is_next, rehearsals in (
            ("Breakfast club", 60, BREAKFAST_VERSIONS, True, 8),
            ("Chamber lunch", 30, CHAMBER_VERSIONS, False, 3),
        ):
            start = now - timedelta(days=40)
            pitch = PitchRecord.create(
                name=name,
                limit_seconds=limit,
                is_next=is_next,
                # The pitch to use follows the next planned event (tomorrow's breakfast).
                next_event_on=None,
                created_at=start,
                updated_at=now - timedelta(days=3),
            )
            version_ids = []
            for number, script in enumerate(versions, start=1):
                version = PitchVersionRecord.create(
                    pitch=pitch.id,
                    number=number,
                    script=script,
                    parts="{}",
                    word_count=count_words(script),
                    created_at=start + timedelta(days=12 * (number - 1)),
                )
                version_ids.append((version.id, count_words(script), version.created_at))
            for index in range(rehearsals):
                version_id, words, since = version_ids[min(len(version_ids) - 1, index // 3)]
                speed = rng.uniform(135, 155)
                RehearsalRecord.create(
                    pitch=pitch.id,
                    version=version_id,
                    duration_seconds=round(words * 60 / speed, 2),
                    limit_seconds=limit,
                    word_count=words,
                    rating=rng.randint(2, 5),
                    note=rng.choice(REHEARSAL_NOTES),
                    rehearsed_at=min(now, since + timedelta(days=1 + index % 3, hours=7)),
                )
