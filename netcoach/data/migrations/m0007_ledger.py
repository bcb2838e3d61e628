"""Give and get: ledger entries, wants and haves, introductions, goals and saved reviews."""

from peewee import SqliteDatabase

from netcoach.data.migrations.script import run_script

VERSION = 7
DESCRIPTION = "give-and-get ledger, wants and haves, introductions, goals, reviews"

# want_have is shared with the contacts area, which may create it first (same statement).
WANT_HAVE = (
    "CREATE TABLE IF NOT EXISTS want_have (id INTEGER PRIMARY KEY, contact_id INTEGER REFERENCES "
    "contact (id) ON DELETE CASCADE, kind TEXT NOT NULL CHECK (kind IN ('want','have')), phrase "
    "TEXT NOT NULL, tag TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL);"
)
SCHEMA = (
    WANT_HAVE
    + """
CREATE INDEX IF NOT EXISTS want_have_contact ON want_have (contact_id);

CREATE TABLE introduction (
    id INTEGER PRIMARY KEY,
    first_contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    second_contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    want_id INTEGER REFERENCES want_have (id) ON DELETE SET NULL,
    have_id INTEGER REFERENCES want_have (id) ON DELETE SET NULL,
    reason TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'suggested' CHECK (
        state IN ('suggested', 'asked_first', 'asked_second', 'introduced', 'dismissed')
    ),
    outcome TEXT CHECK (outcome IS NULL OR outcome IN ('business', 'friendship', 'nothing')),
    introduced_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (first_contact_id <> second_contact_id)
);
CREATE INDEX introduction_state ON introduction (state, updated_at);

CREATE TABLE ledger_entry (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    direction TEXT NOT NULL CHECK (direction IN ('given', 'received')),
    kind TEXT NOT NULL CHECK (
        kind IN ('referral', 'introduction', 'advice', 'testimonial', 'business', 'support')
    ),
    happened_on TEXT NOT NULL,
    status TEXT CHECK (status IS NULL OR status IN ('open', 'won', 'lost')),
    amount_minor INTEGER CHECK (
        amount_minor IS NULL OR amount_minor BETWEEN 0 AND 1000000000000000
    ),
    currency TEXT CHECK (currency IS NULL OR length(currency) = 3),
    note TEXT NOT NULL DEFAULT '',
    introduction_id INTEGER REFERENCES introduction (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    CHECK ((amount_minor IS NULL) = (currency IS NULL))
);
CREATE INDEX ledger_entry_contact ON ledger_entry (contact_id, happened_on);
CREATE INDEX ledger_entry_day ON ledger_entry (
    happened_on, direction, kind, status, currency, amount_minor, contact_id
);

CREATE TABLE goal (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    metric TEXT NOT NULL CHECK (
        metric IN ('manual', 'given', 'received', 'one_to_ones', 'level4_contacts', 'introductions')
    ),
    kind TEXT,
    target INTEGER NOT NULL CHECK (target BETWEEN 1 AND 1000000),
    starts_on TEXT NOT NULL,
    deadline TEXT NOT NULL,
    manual_progress INTEGER NOT NULL DEFAULT 0 CHECK (manual_progress >= 0),
    created_at TEXT NOT NULL,
    archived_at TEXT,
    CHECK (deadline >= starts_on)
);
CREATE INDEX goal_deadline ON goal (deadline);

CREATE TABLE review (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    figures TEXT NOT NULL,
    decisions TEXT NOT NULL DEFAULT '[]',
    saved_at TEXT NOT NULL
);
CREATE INDEX review_saved ON review (saved_at);
"""
)


def up(db: SqliteDatabase) -> None:
    run_script(db, SCHEMA)
