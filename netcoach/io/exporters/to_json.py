"""JSON of everything: every table as columns and rows (see docs/json-export.md)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TextIO

from netcoach.data.repo import Store

JSON_FORMAT = "netcoach-export"
JSON_VERSION = 1


def write_json(store: Store, out: TextIO, now: datetime | None = None) -> int:
    """Every table as columns and rows (see docs/json-export.md); returns the number of rows."""
    from netcoach import __version__

    header = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "schema_version": store.exports.schema_version(),
        "app_version": __version__,
        "exported_at": (now or store.clock()).replace(microsecond=0).isoformat(),
    }
    out.write("{\n")
    for key, value in header.items():
        out.write(f"  {json.dumps(key)}: {json.dumps(value)},\n")
    out.write('  "tables": {')
    count = 0
    for index, (table, columns, rows) in enumerate(store.exports.iter_tables()):
        out.write("," if index else "")
        out.write(f'\n    {json.dumps(table)}: {{\n      "columns": {json.dumps(columns)},\n')
        out.write('      "rows": [')
        for row_index, row in enumerate(rows):
            out.write(",\n        " if row_index else "\n        ")
            out.write(json.dumps(list(row), ensure_ascii=False))
            count += 1
        out.write("\n      ]\n    }")
    out.write("\n  }\n}\n")
    return count
