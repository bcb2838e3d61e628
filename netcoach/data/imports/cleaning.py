"""Cleaning imported records: each text cut to the form's limits, bad values left out.

An email, phone number, web address or reason to network the contact form would refuse
is dropped and counted, so the summary can say how many were left out and why.
"""

from __future__ import annotations

from dataclasses import replace
from operator import attrgetter

from netcoach.core.cadence import MAX_INTERVAL_DAYS
from netcoach.core.important_dates import ImportantDateError, parse_important_date
from netcoach.core.imports import ImportedContact
from netcoach.core.network import GAINS, REASON_LABELS
from netcoach.core.text import noun, plural
from netcoach.core.validation import (
    LINE_MAX,
    NAME_MAX,
    NOTE_MAX,
    PHRASE_MAX,
    TAG_MAX,
    URL_MAX,
    looks_like_email,
    phone_problem,
    url_problem,
)

LEVEL_OR_NONE = (None, 1, 2, 3, 4, 5)
TEXT_LIMITS = {
    "name": NAME_MAX,
    "company": NAME_MAX,
    "title": NAME_MAX,
    "how_met": LINE_MAX,
    "where_met": NAME_MAX,
    "url": URL_MAX,
    "notes": NOTE_MAX,
    **{field: NOTE_MAX for field, _label, _prompt in GAINS},
}
# Every limited text of a record at once, and the shortest limit: a record whose longest
# text is within it (nearly every one) needs no field-by-field check.
LIMITED_TEXTS = attrgetter(*TEXT_LIMITS)
SHORTEST_LIMIT = min(TEXT_LIMITS.values())


class Cleaner:
    """Makes each record what the contact form would accept, and counts what it left out."""

    def __init__(self) -> None:
        self.dropped_emails = 0
        self.dropped_phones = 0
        self.dropped_urls = 0
        self.dropped_reasons = 0
        self.dropped_dates = 0
        self.shortened = 0

    def cleaned(self, record: ImportedContact) -> ImportedContact:
        """The record as the contact form would accept it: bad emails, URLs and numbers left out."""
        record = self.within_limits(record)
        if record.birthday or record.anniversary:
            record = self.with_dates(record)
        emails = tuple(e.strip() for e in record.emails if looks_like_email(e.strip()))
        self.dropped_emails += len([e for e in record.emails if e.strip()]) - len(emails)
        phones = tuple(p.strip() for p in record.phones if p.strip() and not phone_problem(p))
        self.dropped_phones += len([p for p in record.phones if p.strip()]) - len(phones)
        url = record.url.strip()
        if url_problem(url):
            self.dropped_urls += 1
            url = ""
        name = " ".join(record.name.split())
        cadence = record.cadence_days
        reasons = tuple(r for r in record.reasons if r in REASON_LABELS)
        self.dropped_reasons += len(record.reasons) - len(reasons)
        tidy = (
            reasons == record.reasons
            and emails == record.emails
            and name == record.name
            and record.level in LEVEL_OR_NONE
            and (cadence is None or 1 <= cadence <= MAX_INTERVAL_DAYS)
            and url == record.url
            and phones == record.phones
            and not any(not t or t != t.strip() for t in record.tags)
        )
        if tidy:
            return record
        return replace(
            record,
            name=name,
            emails=emails,
            phones=phones,
            url=url,
            notes=record.notes.rstrip(),
            tags=tuple(t.strip() for t in record.tags if t.strip()),
            reasons=reasons,
            level=record.level if record.level in LEVEL_OR_NONE else None,
            cadence_days=cadence if cadence and 1 <= cadence <= MAX_INTERVAL_DAYS else None,
        )

    def with_dates(self, record: ImportedContact) -> ImportedContact:
        """The birthday and anniversary as netcoach stores them; one that is not a day of
        the year (a vCard 4.0 ``VALUE=text`` "circa 1980", say) is left out and counted."""
        found = {}
        for field in ("birthday", "anniversary"):
            text = getattr(record, field)
            if not text.strip():
                found[field] = ""
                continue
            try:
                found[field] = parse_important_date(text).stored()
            except ImportantDateError:
                self.dropped_dates += 1
                found[field] = ""
        return replace(record, **found)

    def within_limits(self, record: ImportedContact) -> ImportedContact:
        """The record with each text cut to what the contact form takes (counted for the note)."""
        long_tags = any(len(t) > TAG_MAX for t in record.tags)
        phrases = (*record.wants, *record.haves)
        long_phrases = any(len(p) > PHRASE_MAX or len(t) > TAG_MAX for p, t in phrases)
        if max(map(len, LIMITED_TEXTS(record))) <= SHORTEST_LIMIT:
            if not long_tags and not long_phrases:
                return record
            long = {}
        else:
            long = {f: n for f, n in TEXT_LIMITS.items() if len(getattr(record, f)) > n}
            if not long and not long_tags and not long_phrases:
                return record
        self.shortened += 1
        cut = {f: getattr(record, f)[:n].rstrip() for f, n in long.items()}
        return replace(
            record,
            tags=tuple(t[:TAG_MAX] for t in record.tags),
            wants=tuple((p[:PHRASE_MAX].rstrip(), t[:TAG_MAX]) for p, t in record.wants),
            haves=tuple((p[:PHRASE_MAX].rstrip(), t[:TAG_MAX]) for p, t in record.haves),
            **cut,
        )

    def notices(self) -> list[str]:
        """A sentence for each kind of value left out or cut, for the summary."""
        extra = []
        if self.shortened:
            extra.append(
                f"{plural(self.shortened, 'record')} had text longer "
                "than the form takes, cut to fit (names 200 characters, notes 64 KB)"
            )
        if self.dropped_emails:
            extra.append(
                f"{plural(self.dropped_emails, 'value')} that "
                + noun(
                    self.dropped_emails,
                    "is not an email address was",
                    "are not email addresses were",
                )
                + " left out"
            )
        if self.dropped_phones:
            extra.append(
                f"{plural(self.dropped_phones, 'value')} that "
                + noun(
                    self.dropped_phones,
                    "is not a phone number was",
                    "are not phone numbers were",
                )
                + " left out"
            )
        if self.dropped_urls:
            extra.append(
                f"{plural(self.dropped_urls, 'value')} that "
                + noun(
                    self.dropped_urls,
                    "is not a web address was",
                    "are not web addresses were",
                )
                + " left out (only http://, https:// or a bare domain is kept)"
            )
        if self.dropped_reasons:
            extra.append(
                f"{plural(self.dropped_reasons, 'reason to network', 'reasons to network')} "
                f"netcoach does not know {noun(self.dropped_reasons, 'was', 'were')} left out"
            )
        if self.dropped_dates:
            extra.append(
                plural(self.dropped_dates, "birthday or anniversary", "birthdays or anniversaries")
                + f" that {noun(self.dropped_dates, 'is not a date was', 'are not dates were')} "
                "left out"
            )
        return extra
