"""vCard 2.1, 3.0 and 4.0 files and folders of them (a vdir), read leniently through ``vobject``.

Each card becomes one ImportedContact; a card that cannot be read names the card at fault.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TextIO

from netcoach.core.exports import UID_MAX
from netcoach.core.imports import ImportedContact, normalise_linkedin
from netcoach.core.network import GAINS
from netcoach.io.readers.csv_rows import clean
from netcoach.io.readers.linkedin import parse_connected_on
from netcoach.io.text import ImportFileError, open_text

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
        self.escaped = False  # the last line read ended in an escaping backslash

    def readline(self) -> str:
        line = self.handle.readline()
        if not line:
            return line
        text = line.rstrip("\r\n")
        if text[:1] in (" ", "\t"):
            if not self.escape_commas:
                return line
            # A fold may fall between a backslash and the comma it escapes.
            value, self.escaped = _escape_commas(text[1:], self.escaped)
            return f"{text[0]}{value}\n"
        head, colon, value = _split_property(text)
        name = head.split(";", 1)[0].split(".")[-1].upper()
        self.escape_commas = bool(colon) and name not in LIST_PROPERTIES
        if value.endswith("=") and "quoted-printable" in head.lower():
            while value.endswith("="):
                following = self.handle.readline()
                if not following:
                    break
                value = value[:-1] + following.rstrip("\r\n")
        self.escaped = False
        if self.escape_commas:
            value, self.escaped = _escape_commas(value)
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


def _escape_commas(value: str, escaped: bool = False) -> tuple[str, bool]:
    """``value`` with each bare comma escaped, and whether it ends in an escaping backslash;
    ``escaped`` says the text before it (on the line this one continues) did."""
    out = []
    for char in value:
        if char == "," and not escaped:
            out.append("\\,")
        else:
            out.append(char)
        escaped = char == "\\" and not escaped
    return "".join(out), escaped


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
    tidy = (lambda text: text.strip()) if ours else clean
    name = clean(first("fn"))
    if not name and contents.get("n"):
        n = contents["n"][0].value  # type: ignore[attr-defined]
        parts = [getattr(n, p, "") for p in ("prefix", "given", "additional", "family", "suffix")]
        name = clean(" ".join(_text(p) for p in parts))
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
    name = name or clean(company) or (emails[0] if emails else "")
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
        birthday=first("bday"),
        anniversary=_anniversary(contents, labels, first),
        **{field: _gains(raw(f"x-netcoach-{name.lower()}")) for field, name in GAINS_CARD},
    )


# Where address books other than vCard 4.0 keep an anniversary.
ANNIVERSARY_PROPERTIES = (
    "anniversary",
    "x-anniversary",
    "x-ms-anniversary",
    "x-evolution-anniversary",
)


def _anniversary(
    contents: dict[str, list[object]], labels: dict[str, str], first: Callable[[str], str]
) -> str:
    """The card's anniversary: vCard 4.0 ANNIVERSARY, the X- forms others write, or an
    Apple ``X-ABDATE`` labelled "anniversary"."""
    for name in ANNIVERSARY_PROPERTIES:
        if found := first(name):
            return found
    for line in contents.get("x-abdate", []):
        group = (getattr(line, "group", None) or "").casefold()
        if group and labels.get(group) == "anniversary":
            return _text(getattr(line, "value", "")).strip()
    return ""


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
