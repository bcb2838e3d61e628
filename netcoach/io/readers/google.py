"""Google Contacts CSV, with the current header (First Name, Labels…) or the older (Name…)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from netcoach.core.imports import ImportedContact, normalise_linkedin
from netcoach.io.readers.csv_rows import MULTI, clean, csv_rows, header_key
from netcoach.io.text import ImportFileError

GOOGLE_NAME_PARTS = ("name prefix", "first name", "middle name", "last name", "name suffix")
GOOGLE_OLD_NAME_PARTS = ("given name", "additional name", "family name")
NUMBERED = re.compile(r"^(e-mail|phone|website) \d+ - value$")
# "Event 1 - Label" (current) or "Event 1 - Type" (older), with its "Event 1 - Value".
EVENT_KIND = re.compile(r"^event (\d+) - (?:label|type)$")


def read_google(path: Path, notices: list[str]) -> Iterator[ImportedContact]:
    """Google Contacts CSV, the current header (First Name, Labels…) or the older one (Name…)."""
    rows = csv_rows(path, notices)
    first = next(rows, None)
    keys = [header_key(cell) for cell in first[1]] if first else []
    current = "first name" in keys and "last name" in keys
    older = "name" in keys and "given name" in keys and "family name" in keys
    if first is None or not (current or older) or not any(NUMBERED.match(k) for k in keys):
        raise ImportFileError(
            path,
            "line 1",
            "not a Google Contacts header (expected First Name, Last Name, E-mail 1 - Value, …)",
        )
    columns = {key: index for index, key in reversed(list(enumerate(keys)))}
    numbered = [(k, i) for i, k in enumerate(keys) if NUMBERED.match(k)]
    events = [
        (index, columns[f"event {found[1]} - value"])
        for index, key in enumerate(keys)
        if (found := EVENT_KIND.match(key)) and f"event {found[1]} - value" in columns
    ]

    def anniversary(row: list[str]) -> str:
        """The first event the person labelled an anniversary."""
        for kind, value in events:
            labelled = kind < len(row) and value < len(row)
            if labelled and row[kind].strip().strip("*").strip().casefold() == "anniversary":
                return row[value].strip()
        return ""

    def cell(row: list[str], name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    def many(row: list[str], prefix: str) -> list[str]:
        values = []
        for key, index in numbered:
            if key.startswith(prefix) and index < len(row):
                values.extend(v.strip() for v in row[index].split(MULTI) if v.strip())
        return values

    for number, row in rows:
        if not any(c.strip() for c in row):
            continue
        if current:
            name = clean(" ".join(cell(row, part) for part in GOOGLE_NAME_PARTS))
            company, title = cell(row, "organization name"), cell(row, "organization title")
            labels = cell(row, "labels")
        else:
            name = clean(cell(row, "name")) or clean(
                " ".join(cell(row, part) for part in GOOGLE_OLD_NAME_PARTS)
            )
            company, title = cell(row, "organization 1 - name"), cell(row, "organization 1 - title")
            labels = cell(row, "group membership")
        emails = tuple(dict.fromkeys(many(row, "e-mail")))
        sites = many(row, "website")
        linkedin = next((normalise_linkedin(s) for s in sites if normalise_linkedin(s)), "")
        other_site = next((s for s in sites if not normalise_linkedin(s)), "")
        name = name or clean(cell(row, "nickname")) or clean(cell(row, "file as"))
        name = name or clean(company) or (emails[0] if emails else "")
        yield ImportedContact(
            name=name,
            company=clean(company),
            title=clean(title),
            emails=emails,
            phones=tuple(dict.fromkeys(many(row, "phone"))),
            url=other_site or linkedin,
            linkedin_url=linkedin,
            notes=cell(row, "notes"),
            tags=_labels(labels),
            where=f"line {number}",
            birthday=cell(row, "birthday"),
            anniversary=anniversary(row) if events else "",
        )


def _labels(text: str) -> tuple[str, ...]:
    """Google labels, without its own system groups (``* myContacts``, ``* starred``)."""
    tags: dict[str, None] = {}
    for label in text.split(MULTI):
        label = clean(label)
        if label and not label.startswith("*") and label.casefold() not in map(str.casefold, tags):
            tags[label] = None
    return tuple(tags)
