"""The SQL helpers migrations are written with: run a script, find one statement, compare SQL.

Nothing here imports the rest of netcoach, so any migration, the runner in
``netcoach.data.migrations`` and the schema checks in ``netcoach.data.schema``
can all use it.
"""

from __future__ import annotations

import re
import sqlite3

from peewee import SqliteDatabase

# Strings, quoted names, words and numbers, and single punctuation characters.
TOKEN = re.compile(
    r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]|[A-Za-z_0-9.$]+|--[^\n]*|\S"""
)


def run_script(db: SqliteDatabase, script: str) -> None:
    """Run ``;``-separated statements one by one inside the current transaction."""
    for statement in split_statements(script):
        db.execute_sql(statement)


def split_statements(script: str) -> list[str]:
    """Split SQL on semicolons that end a statement, keeping trigger bodies whole."""
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


def statement(script: str, name: str) -> str:
    """The CREATE statement for the table, index or trigger ``name`` in a script, without ``;``.

    Comment lines are left out and ``IF NOT EXISTS`` dropped, so the statement can
    be compared with what ``sqlite_master`` holds, or run again after a DROP.
    """
    for text in split_statements(script):
        body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
        if re.match(rf"\s*CREATE\s+(TABLE|INDEX|TRIGGER)\s+(IF NOT EXISTS\s+)?{name}\b", body):
            return re.sub(r"\s+IF NOT EXISTS", "", body.strip().rstrip(";"), count=1)
    raise LookupError(name)


def normalise_sql(sql: str) -> str:
    """SQL with comments and spacing dropped, names unquoted and in lower case."""
    tokens = []
    for token in TOKEN.findall(sql):
        if token.startswith("--"):
            continue
        if token[0] == "'":
            tokens.append(token)
        elif token[0] in '"`':
            tokens.append(token[1:-1].replace(token[0] * 2, token[0]).lower())
        elif token[0] == "[":
            tokens.append(token[1:-1].lower())
        else:
            tokens.append(token.lower())
    return " ".join(tokens)
