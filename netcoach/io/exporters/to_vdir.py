"""A vCard folder (vdir): one ``<UID>.vcf`` per contact, as khard and vdirsyncer read it."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from netcoach.core.exports import ExportedContact, contact_uid
from netcoach.data.repo import Store
from netcoach.io.exporters.lines import CRLF, PRODID
from netcoach.io.exporters.to_vcard import vcard
from netcoach.paths import make_dirs, written_whole

# A UID that is a file name as it is (after ``urn:uuid:``); any other UID is named by its hash.
SAFE_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9_@+=-]{0,99}")
ESCAPED = re.compile(r"\\(.)")
OWN_CARD_LIMIT = 1 << 20  # a card netcoach wrote is far smaller; a bigger file is not read


@dataclass(frozen=True, slots=True)
class FolderExport:
    """What ``export_folder`` did: cards written, and cards of deleted contacts removed."""

    written: int
    removed: int


def card_stem(uid: str) -> str:
    """The file name (without ``.vcf``) of the card with ``uid`` in a vdir."""
    stem = uid.removeprefix("urn:uuid:")
    if SAFE_STEM.fullmatch(stem):
        return stem
    from hashlib import sha1

    return sha1(uid.encode("utf-8")).hexdigest()[:32]


def is_folder_target(output: str) -> bool:
    """Whether ``-o output`` names a folder: one that exists, or a name ending in a slash."""
    return output.endswith(("/", os.sep)) or Path(output).is_dir()


def export_folder(store: Store, folder: Path) -> FolderExport:
    """Write one ``<UID>.vcf`` per contact into ``folder`` (a vdir, as khard and vdirsyncer
    read it), each whole under a hidden name and renamed when complete, each 0600.

    A missing folder is made 0700. A card of a contact still there is replaced (left as
    it is when it holds the card already, so a sync tool sees no change); once
    every card is written, a card netcoach wrote for a contact deleted since is removed.
    Any other file is left as it is (see ``is_own_card``).
    """
    make_dirs(folder)
    taken: set[str] = set()
    for item in store.exports.iter_contacts(include_archived=True):
        text = vcard(item)
        stem = card_stem(_card_uid(item))
        name, number = f"{stem}.vcf", 1
        while name.casefold() in taken:  # the same UID twice, or two names one disk sees as one
            number += 1
            name = f"{stem}-{number}.vcf"
        taken.add(name.casefold())
        if not _holds(folder / name, text):
            with written_whole(folder / name) as handle:
                handle.write(text)
    removed = 0
    if not taken:  # an empty home (a wrong --home?) never empties a folder
        return FolderExport(written=0, removed=0)
    with os.scandir(folder) as entries:
        gone = [
            Path(entry.path)
            for entry in entries
            if entry.name.casefold() not in taken and is_own_card(Path(entry.path))
        ]
    for path in gone:
        path.unlink()
        removed += 1
    return FolderExport(written=len(taken), removed=removed)


def _holds(path: Path, text: str) -> bool:
    """Whether ``path`` is a plain file holding exactly ``text``: a card that has not changed
    is not written again, so a sync tool (vdirsyncer) sees no change in it."""
    data = text.encode("utf-8")
    try:
        status = path.lstat()
        if not stat.S_ISREG(status.st_mode) or status.st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _card_uid(item: ExportedContact) -> str:
    return item.uid or contact_uid(item.contact.id, item.contact.created_at)


def is_own_card(path: Path) -> bool:
    """Whether ``path`` is a card netcoach wrote into a vdir, as it wrote it: a plain
    ``.vcf`` file holding one vCard with netcoach's PRODID and X-NETCOACH-LEVEL, named
    from its own UID. A card another program changed or made is not netcoach's."""
    if path.suffix != ".vcf" or path.name.startswith("."):
        return False
    try:
        status = path.lstat()
        if not stat.S_ISREG(status.st_mode) or status.st_size > OWN_CARD_LIMIT:
            return False
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    lines = text.replace(CRLF + " ", "").split(CRLF)
    uids = [line.removeprefix("UID:") for line in lines if line.startswith("UID:")]
    if (
        lines[:3] != ["BEGIN:VCARD", "VERSION:3.0", PRODID]
        or text.count("BEGIN:VCARD") != 1
        or len(uids) != 1
        or not any(line.startswith("X-NETCOACH-LEVEL:") for line in lines)
    ):
        return False
    uid = ESCAPED.sub(lambda m: "\n" if m[1] in "nN" else m[1], uids[0])
    stem = re.escape(card_stem(uid))
    return re.fullmatch(rf"{stem}(-[0-9]+)?\.vcf", path.name) is not None
