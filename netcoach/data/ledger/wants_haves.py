"""Wants and haves: short phrases per contact and for the user, and the matches between them.

The matcher (``netcoach.core.matching``) loads on first use, not at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peewee import SqliteDatabase

from netcoach.data.errors import NotFoundError, ValidationError
from netcoach.data.ledger.base import LedgerBase
from netcoach.data.ledger.trash import last_deletion, move_back, move_to_trash
from netcoach.data.tables import IntroductionRecord, WantHaveRecord

if TYPE_CHECKING:
    from netcoach.core.matching import Match, WantHave


MAX_PHRASE = 200
MAX_TAG = 40
WANT_COLUMNS = ("id", "contact_id", "kind", "phrase", "tag", "created_at")


def put_want_have_back(db: SqliteDatabase, deletion: int) -> None:
    """Move one deleted want or have back, linked again to the introductions that named it."""
    links = db.execute_sql(
        "SELECT want_of, have_of FROM deleted_want_have WHERE id = ?", [deletion]
    ).fetchone()
    new_id = move_back(db, "deleted_want_have", "want_have", WANT_COLUMNS, deletion)
    for side, ids in zip(("want", "have"), links or ("", ""), strict=True):
        for intro in filter(None, ids.split(",")):
            db.execute_sql(
                f"UPDATE introduction SET {side}_id = ? WHERE id = ? AND {side}_id IS NULL",
                [new_id, int(intro)],
            )


class WantsHavesRepo(LedgerBase):
    """Wants and haves of the user and of contacts, and the introductions they suggest."""

    def wants_haves(self, contact_id: int | None = None) -> list[WantHave]:
        """The wants and haves of one contact, or of the user when ``contact_id`` is None."""
        from netcoach.core.matching import WantHave

        with self.db.connection_context():
            query = WantHaveRecord.select().where(
                WantHaveRecord.contact.is_null()
                if contact_id is None
                else WantHaveRecord.contact == contact_id
            )
            return [
                WantHave(r.id, contact_id, "Me", r.kind, r.phrase, r.tag)
                for r in query.order_by(WantHaveRecord.kind.desc(), WantHaveRecord.id)
            ]

    def add_want_have(
        self, contact_id: int | None, kind: str, phrase: str, tag: str = ""
    ) -> WantHave:
        from netcoach.core.matching import WantHave

        phrase = " ".join(phrase.split())
        tag = " ".join(tag.split())
        errors = {}
        if kind not in ("want", "have"):
            errors["kind"] = "Choose want or have."
        if not phrase:
            errors["phrase"] = "Write a short phrase, like “needs a commercial property lawyer”."
        elif len(phrase) > MAX_PHRASE:
            errors["phrase"] = f"Keep it under {MAX_PHRASE} characters."
        if len(tag) > MAX_TAG:
            errors["tag"] = f"A tag is at most {MAX_TAG} characters."
        if errors:
            raise ValidationError(errors)
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = WantHaveRecord.create(
                contact=contact_id,
                kind=kind,
                phrase=phrase,
                tag=tag,
                created_at=self.now(),
            )
        return WantHave(record.id, contact_id, "Me", kind, phrase, tag)

    def delete_want_have(self, item_id: int) -> WantHave:
        """Delete one want or have and return it. Deleting is soft: it moves to the
        deleted items with the introductions that named it, and
        ``restore_want_have`` puts it back and links them again."""
        from netcoach.core.matching import WantHave

        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            record = WantHaveRecord.get_or_none(WantHaveRecord.id == item_id)
            if record is None:
                raise NotFoundError(f"no want or have with id {item_id}")
            named_by = {
                f"{side}_of": ",".join(
                    str(row[0])
                    for row in self.db.execute_sql(
                        f"SELECT id FROM introduction WHERE {side}_id = ?", [item_id]
                    )
                )
                for side in ("want", "have")
            }
            move_to_trash(
                self.db,
                self._stamp(),
                "want_have",
                "deleted_want_have",
                WANT_COLUMNS,
                item_id,
                named_by,
            )
            WantHaveRecord.delete().where(WantHaveRecord.id == item_id).execute()
        return WantHave(record.id, record.contact_id, "", record.kind, record.phrase, record.tag)

    def restore_want_have(self, item_id: int) -> None:
        """Put back the want or have with this id deleted last, linked again to the
        introductions that named it."""
        with self.db.connection_context(), self.db.atomic("IMMEDIATE"):
            put_want_have_back(self.db, last_deletion(self.db, "deleted_want_have", item_id))

    def all_wants_haves(self) -> list[WantHave]:
        """Every want and have of the user and of contacts not archived."""
        from netcoach.core.matching import WantHave

        with self.db.connection_context():
            rows = self.db.execute_sql(
                "SELECT w.id, w.contact_id, coalesce(c.name, 'Me'), w.kind, w.phrase, w.tag "
                "FROM want_have w LEFT JOIN contact c ON c.id = w.contact_id "
                "WHERE w.contact_id IS NULL OR c.archived_at IS NULL"
            ).fetchall()
        return [WantHave(*row) for row in rows]

    def suggestions(self, limit: int = 300) -> list[Match]:
        """Wants meeting haves, leaving out pairs already tracked or dismissed."""
        from netcoach.core.matching import find_matches

        items = self.all_wants_haves()
        with self.db.connection_context():
            tracked = frozenset(
                (w, h)
                for w, h in IntroductionRecord.select(
                    IntroductionRecord.want, IntroductionRecord.have
                ).tuples()
                if w is not None and h is not None
            )
        return find_matches(items, exclude=tracked, limit=limit)
