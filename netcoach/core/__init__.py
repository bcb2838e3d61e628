"""Pure domain logic for netcoach: dataclasses and rules, with no UI or database code."""
