"""Readers for LinkedIn, Google Contacts and vCard exports; each yields ImportedContact.

Readers are generators over the open file, so a large export is never held in
memory; a problem raises ImportFileError naming the line or card at fault.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from netcoach.core.exports import UID_MAX
from netcoach.core.imports import ImportedContact, normalise_linkedin
from netcoach.core.network import GAINS
from netcoach.core.text import noun, plural
from netcoach.io.text import MAX_FIELD, ImportFileError, open_text

HEADER_SEARCH_ROWS = 30
MULTI = " ::: "
MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}

Reader = Callable[[Path, list[str]], Iterator[ImportedContact]]


def reader_for(kind: str) -> Reader:
    readers: dict[str, Reader] = {
        "linkedin": read_linkedin,
        "google": read_google,
        "vcard": read_vcard,
    }
    try:
        return readers[kind]
    except KeyError:
        raise ValueError(f"unknown kind of import: {kind}") from None


# ---- CSV ---------------------------------------------------------------------------------------


@contextmanager
def _field_limit() -> Iterator[None]:
    previous = csv.field_size_limit()
    csv.field_size_limit(MAX_FIELD)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _csv_rows(path: Path, notices: list[str]) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) for every row; a cell over 64 KB or broken quoting is refused."""
    with open_text(path, notices) as handle, _field_limit():
        rows = csv.reader(handle, strict=True)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as error:
                reason = str(error)
                if "field larger" in reason:
                    reason = "a value is longer than 64 KB"
                raise ImportFileError(path, f"line {rows.line_num}", reason) from error
            yield rows.line_num, row


def _key(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").split()).casefold()


def _clean(value: str) -> str:
    return " ".join(value.split())


def parse_connected_on(text: str) -> date | None:
    """LinkedIn's ``01 Jan 2024`` (and ISO or US dates from older exports); None if unreadable."""
    value = text.strip()
    if not value:
        return None
    parts = value.replace("-", " ").split()
    if len(parts) == 3 and parts[1][:3].casefold() in MONTHS and parts[0].isdigit():
        try:
            return date(int(parts[2]), MONTHS[parts[1][:3].casefold()], int(parts[0]))
        except ValueError:
            return None
    for pattern in ("%Y-%m-%d", "%m/%d/%y", "%m/%d/%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def read_linkedin(path: Path, notices: list[str]) -> Iterator[ImportedContact]:
    """LinkedIn's Connections.csv: notes first, then the header, then one row per connection."""
    rows = _csv_rows(path, notices)
    columns: dict[str, int] | None = None
    for number, row in rows:
        keys = [_key(cell) for cell in row]
        if (
            "first name" in keys
            and "last name" in keys
            and ("url" in keys or "connected on" in keys or "email address" in keys)
        ):
            columns = {key: index for index, key in reversed(list(enumerate(keys)))}
            break
        if number > HEADER_SEARCH_ROWS:
            break
    if columns is None:
        raise ImportFileError(
            path,
            "line 1",
            "no LinkedIn header (First Name, Last Name, URL, …) in the first "
            f"{HEADER_SEARCH_ROWS} lines; is this Connections.csv?",
        )

    def cell(row: list[str], name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    unreadable_dates = 0
    for number, row in rows:
        if not any(c.strip() for c in row):
            continue
        name = _clean(f"{cell(row, 'first name')} {cell(row, 'last name')}")
        url = cell(row, "url")
        connected_text = cell(row, "connected on")
        connected = parse_connected_on(connected_text)
        if connected_text and connected is None:
            unreadable_dates += 1
        email = cell(row, "email address")
        yield ImportedContact(
            name=name,
            company=_clean(cell(row, "company")),
            title=_clean(cell(row, "position")),
            emails=(email,) if email else (),
            url=url,
            linkedin_url=normalise_linkedin(url),
            connected_on=connected,
            how_met="LinkedIn",
            where=f"line {number}",
        )
    if unreadable_dates:
        notices.append(
            f"{plural(unreadable_dates, 'connection date')} could not be read"
            f" and {noun(unreadable_dates, 'was', 'were')} left blank"
        )


GOOGLE_NAME_PARTS = ("name prefix", "first name", "middle name", "last name", "name suffix")
GOOGLE_OLD_NAME_PARTS = ("given name", "additional name", "family name")
NUMBERED = re.compile(r"^(e-mail|phone|website) \d+ - value$")


def read_google(path: Path, notices: list[str]) -> Iterator[ImportedContact]:
    """Google Contacts CSV, the current header (First Name, Labels…) or the older one (Name…)."""
    rows = _csv_rows(path, notices)
    first = next(rows, None)
    keys = [_key(cell) for cell in first[1]] if first else []
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
            name = _clean(" ".join(cell(row, part) for part in GOOGLE_NAME_PARTS))
            company, title = cell(row, "organization name"), cell(row, "organization title")
            labels = cell(row, "labels")
        else:
            name = _clean(cell(row, "name")) or _clean(
                " ".join(cell(row, part) for part in GOOGLE_OLD_NAME_PARTS)
            )
            company, title = cell(row, "organization 1 - name"), cell(row, "organization 1 - title")
            labels = cell(row, "group membership")
        emails = tuple(dict.fromkeys(many(row, "e-mail")))
        sites = many(row, "website")
        linkedin = next((normalise_linkedin(s) for s in sites if normalise_linkedin(s)), "")
        other_site = next((s for s in sites if not normalise_linkedin(s)), "")
        name = name or _clean(cell(row, "nickname")) or _clean(cell(row, "file as"))
        name = name or _clean(company) or (emails[0] if emails else "")
        yield ImportedContact(
            name=name,
            company=_clean(company),
            title=_clean(title),
            emails=emails,
            phones=tuple(dict.fromkeys(many(row, "phone"))),
            url=other_site or linkedin,
            linkedin_url=linkedin,
            notes=cell(row, "notes"),
            tags=_labels(labels),
            where=f"line {number}",
        )


def _labels(text: str) -> tuple[str, ...]:
    """Google labels, without its own system groups (``* myContacts``, ``* starred``)."""
    tags: dict[str, None] = {}
    for label in text.split(MULTI):
        label = _clean(label)
        if label and not label.startswith("*") and label.casefold() not in map(str.casefold, tags):
            tags[label] = None
    return tuple(tags)


# ---- vCard -------------------------------------------------------------------------------------

BINARY_PROPERTIES = {"photo", "logo", "sound", "key"}


def read_vcard(path: Path, notices: list[str]) -> Iterator[ImportedContact]:
    """vCard 2.1, 3.0 and 4.0, read leniently through ``vobject``; several cards per file."""
    import vobject

    count = 0
    with open_text(path, notices) as handle:
        cards = vobject.readComponents(_VCardLines(handle), allowQP=True)
        while True:
            place = f"card {count + 1}"
            try:
                card = next(cards)
            except StopIteration:
                break
            except vobject.base.ParseError as error:
                line = getattr(error, "lineNumber", None)
                where = f"{place} (line {line})" if line else place
                raise ImportFileError(path, where, _vobject_reason(error)) from error
            except Exception as error:
                raise ImportFileError(path, place, f"not a readable vCard ({error})") from error
            count += 1
            if (card.name or "").upper() != "VCARD":
                raise ImportFileError(path, place, f"a {card.name} component, not a vCard")
            try:
                yield _contact_from_card(card, place)
            except ImportFileError as error:
                raise ImportFileError(path, error.where, error.reason) from error
            except Exception as error:
                raise ImportFileError(path, place, f"not a readable vCard ({error})") from error
    if count == 0:
        raise ImportFileError(path, "line 1", "no vCard (BEGIN:VCARD … END:VCARD) in the file")


def read_vcard_folder(folder: Path, notices: list[str]) -> Iterator[ImportedContact]:
    """Every ``.vcf`` file in ``folder`` (a vdir: one card per file, as khard and vdirsyncer
    keep them), by name; other files and hidden ones are skipped. A folder without any
    ``.vcf`` file is refused, as an empty file is."""
    try:
        names = sorted(
            entry.name
            for entry in os.scandir(folder)
            if entry.name.lower().endswith(".vcf") and not entry.name.startswith(".")
        )
    except OSError as error:
        raise ImportFileError(folder, "", error.strerror or str(error)) from error
    if not names:
        raise ImportFileError(folder, "", "no .vcf file in the folder")
    for name in names:
        yield from read_vcard(folder / name, notices)


class _VCardLines:
    """Physical lines for vobject, made safe for its strict reading of two things.

    Quoted-printable soft line breaks (``=`` at a line's end) are joined, and a
    bare comma in a single-valued text property (NOTE, FN, TITLE…) is escaped:
    vobject reads such a comma as a list separator and keeps only the first item.
    """

    def __init__(self, handle: TextIO) -> None:
        self.handle = handle
        self.escape_commas = False

    def readline(self) -> str:
        line = self.handle.readline()
        if not line:
            return line
        text = line.rstrip("\r\n")
        if text[:1] in (" ", "\t"):
            return _escape_commas(text) + "\n" if self.escape_commas else line
        head, colon, value = _split_property(text)
        name = head.split(";", 1)[0].split(".")[-1].upper()
        self.escape_commas = bool(colon) and name not in LIST_PROPERTIES
        if value.endswith("=") and "quoted-printable" in head.lower():
            while value.endswith("="):
                following = self.handle.readline()
                if not following:
                    break
                value = value[:-1] + following.rstrip("\r\n")
        if self.escape_commas:
            value = _escape_commas(value)
        return f"{head}{colon}{value}\n"


LIST_PROPERTIES = {
    "BEGIN", "END", "VERSION", "N", "ADR", "ORG", "CATEGORIES", "NICKNAME", "GEO",
    "PHOTO", "LOGO", "SOUND", "KEY", "TEL", "CLIENTPIDMAP", "PID", "TYPE",
}  # fmt: skip


def _split_property(text: str) -> tuple[str, str, str]:
    """(name and parameters, ":", value), the colon found outside quoted parameter values."""
    quoted = False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return text[:index], ":", text[index + 1 :]
    return text, "", ""


def _escape_commas(value: str) -> str:
    out = []
    escaped = False
    for char in value:
        if char == "," and not escaped:
            out.append("\\,")
        else:
            out.append(char)
        escaped = char == "\\" and not escaped
    return "".join(out)


def _vobject_reason(error: Exception) -> str:
    text = str(error)
    text = re.sub(r"^At line \d+: ", "", text)
    return text or "not a readable vCard"


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_text(v) for v in value if _text(v))
    return str(value)


def _contact_from_card(card: object, place: str) -> ImportedContact:
    """The contact a card describes. Text longer than the contact form takes is cut to fit
    later, by the import, with a note; a card netcoach wrote is read back exactly."""
    contents: dict[str, list[object]] = getattr(card, "contents", {})
    labels: dict[str, str] = {}
    for line in contents.get("x-ablabel", []):
        group = getattr(line, "group", None)
        if group:
            labels[group.casefold()] = _text(getattr(line, "value", "")).strip("_$!<>").casefold()

    def raw(name: str) -> list[str]:
        return [_text(getattr(line, "value", "")) for line in contents.get(name, [])]

    def values(name: str) -> list[str]:
        return [value.strip() for value in raw(name)]

    def first(name: str) -> str:
        found = [v for v in values(name) if v]
        return found[0] if found else ""

    # A card netcoach wrote keeps its text exactly (as the form left it); others are tidied.
    ours = bool(contents.get("x-netcoach-level"))
    tidy = (lambda text: text.strip()) if ours else _clean
    name = _clean(first("fn"))
    if not name and contents.get("n"):
        n = contents["n"][0].value  # type: ignore[attr-defined]
        parts = [getattr(n, p, "") for p in ("prefix", "given", "additional", "family", "suffix")]
        name = _clean(" ".join(_text(p) for p in parts))
    org_lines = contents.get("org", [])
    org = getattr(org_lines[0], "value", "") if org_lines else ""
    company = _text(org[0] if isinstance(org, list) and org else org)
    if ours and isinstance(org, list) and len(org) > 1:
        company = ";".join(_text(part) for part in org)  # an escaped ; read as a unit separator
    emails = tuple(dict.fromkeys(v for v in values("email") if v))
    phones = tuple(dict.fromkeys(v.removeprefix("tel:") for v in values("tel") if v))
    linkedin, url = "", ""
    # This netcoach names the LinkedIn profile it knows in X-SOCIALPROFILE, even when it is
    # also the web address; older ones, and other programs, may leave it in URL alone.
    exact = ours and "//netcoach//" in first("prodid")
    profiles = contents.get("x-socialprofile", [])
    for line in [*([] if exact else contents.get("url", [])), *profiles]:
        value = _text(getattr(line, "value", "")).strip()
        group = (getattr(line, "group", None) or "").casefold()
        profile = normalise_linkedin(value)
        if profile or labels.get(group) == "linkedin":
            linkedin = linkedin or profile or value
        elif line.name.lower() == "url" and not url:  # type: ignore[attr-defined]
            url = value
    tags: list[str] = []
    for tag in [*values("x-netcoach-tag"), *_categories(contents.get("categories", []), tidy)]:
        if tag and tag.casefold() not in map(str.casefold, tags):
            tags.append(tag)
    level_text = first("x-netcoach-level")
    cadence_text = first("x-netcoach-cadence")
    # A card netcoach wrote keeps the web address exactly, blank or not.
    own_url = first("x-netcoach-url") if ours else url or linkedin
    name = name or _clean(company) or (emails[0] if emails else "")
    notes = next((v for v in raw("note") if v.strip()), "")
    uid = first("uid")
    return ImportedContact(
        name=name,
        company=tidy(company),
        title=tidy(first("title")),
        emails=emails,
        phones=phones,
        url=own_url,
        linkedin_url=linkedin,
        connected_on=parse_connected_on(first("x-netcoach-connected-on")),
        how_met=first("x-netcoach-how-met"),
        where_met=first("x-netcoach-where-met"),
        notes=(notes if ours else notes.strip()).replace("\r\n", "\n").replace("\r", "\n"),
        tags=tuple(tags),
        level=int(level_text) if level_text in {"1", "2", "3", "4", "5"} else None,
        cadence_days=int(cadence_text) if cadence_text.isdigit() else None,
        is_advisor=first("x-netcoach-advisor").casefold() in {"1", "true", "yes"},
        where=place,
        uid=uid if len(uid) <= UID_MAX else "",
        reasons=tuple(dict.fromkeys(v for v in values("x-netcoach-reason") if v)),
        wants=_phrases(contents, "want"),
        haves=_phrases(contents, "have"),
        created_at=_timestamp(first("x-netcoach-created")),
        last_interaction_at=_timestamp(first("x-netcoach-last-touch")),
        archived_at=_timestamp(first("x-netcoach-archived")),
        **{field: _gains(raw(f"x-netcoach-{name.lower()}")) for field, name in GAINS_CARD},
    )


# The X-NETCOACH-* property of each GAINS note, as the exporter writes it.
GAINS_CARD = tuple(
    (field, "GAINS-" + field.removeprefix("gains_").upper()) for field, _l, _p in GAINS
)


def _gains(found: list[str]) -> str:
    text = found[0] if found else ""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _phrases(contents: dict[str, list[object]], kind: str) -> tuple[tuple[str, str], ...]:
    """(phrase, tag) for each X-NETCOACH-WANT or -HAVE; a tag shares the phrase's group."""
    tags = {
        getattr(line, "group", None): _text(getattr(line, "value", "")).strip()
        for line in contents.get(f"x-netcoach-{kind}-tag", [])
        if getattr(line, "group", None)
    }
    found: dict[str, tuple[str, str]] = {}
    for line in contents.get(f"x-netcoach-{kind}", []):
        phrase = _text(getattr(line, "value", ""))
        group = getattr(line, "group", None)
        if phrase.strip() and phrase.casefold() not in found:
            found[phrase.casefold()] = (phrase, tags.get(group, "") if group else "")
    return tuple(found.values())


def _timestamp(text: str) -> datetime | None:
    """A date and time as netcoach writes it (ISO 8601); None when it is not one."""
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None) if text else None
    except ValueError:
        return None


def _categories(lines: Iterable[object], tidy: Callable[[str], str]) -> list[str]:
    found = []
    for line in lines:
        value = getattr(line, "value", "")
        items = value if isinstance(value, list) else str(value).split(",")
        found.extend(tidy(str(item)) for item in items)
    return found
