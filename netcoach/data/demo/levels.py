"""The demo's reasons to network, wants and haves, and what each contact gains, for the
levels board and the matcher.
"""

from __future__ import annotations

import random
from datetime import datetime

from peewee import SqliteDatabase, chunked

from netcoach.data.demo.samples import GAINS_SAMPLES, HAVES, REASON_KEYS, WANTS

LEVELS_DEMO_LIMIT = 2_000


def generate_levels_demo(db: SqliteDatabase, now: datetime, rng_seed: int = 7) -> None:
    """Reasons, wants and haves, GAINS notes and a board of advisors for recent contacts.

    Only the newest ``LEVELS_DEMO_LIMIT`` contacts get them, so large benchmark
    databases stay quick to build.
    """
    rng = random.Random(rng_seed)
    with db.connection_context(), db.atomic():
        people = db.execute_sql(
            "SELECT id, level FROM contact WHERE id NOT IN (SELECT contact_id FROM contact_reason) "
            "ORDER BY id DESC LIMIT ?",
            [LEVELS_DEMO_LIMIT],
        ).fetchall()
        reasons, phrases = [], []
        for contact_id, level in people:
            for key in rng.sample(REASON_KEYS, k=rng.randint(0, min(3, level))):
                reasons.append((contact_id, key))
            for kind, pool in (("want", WANTS), ("have", HAVES)):
                for phrase in rng.sample(pool, k=rng.randint(0, 2)):
                    phrases.append((contact_id, kind, phrase, "", now))
            if level >= 3 and rng.random() < 0.7:
                db.execute_sql(
                    "UPDATE contact SET gains_goals = ?, gains_accomplishments = ?, "
                    "gains_interests = ?, gains_networks = ?, gains_skills = ? WHERE id = ?",
                    [rng.choice(GAINS_SAMPLES[f]) for f in GAINS_SAMPLES] + [contact_id],
                )
        for batch in chunked([cid for cid, _level in people], 500):
            marks = ", ".join("?" for _ in batch)
            db.execute_sql(f"UPDATE contact SET is_advisor = 0 WHERE id IN ({marks})", batch)
        board = [cid for cid, level in people if level >= 4][:5]
        board += [cid for cid, level in people if level == 3][:1]
        for batch in chunked(reasons, 500):
            marks = ", ".join("(?, ?)" for _ in batch)
            db.execute_sql(
                f"INSERT OR IGNORE INTO contact_reason (contact_id, reason) VALUES {marks}",
                [value for pair in batch for value in pair],
            )
        for batch in chunked(phrases, 200):
            marks = ", ".join("(?, ?, ?, ?, ?)" for _ in batch)
            db.execute_sql(
                f"INSERT INTO want_have (contact_id, kind, phrase, tag, created_at) VALUES {marks}",
                [value for row in batch for value in row],
            )
        for contact_id in board:
            db.execute_sql("UPDATE contact SET is_advisor = 1 WHERE id = ?", [contact_id])
        for phrase, kind in (("introductions to architects", "want"), ("a CRM expert", "want")):
            db.execute_sql(
                "INSERT INTO want_have (contact_id, kind, phrase, tag, created_at) "
                "VALUES (NULL, ?, ?, '', ?)",
                [kind, phrase, now],
            )
