"""A seeded generator of realistic demo data, for ``netcoach --demo`` and the benchmarks.

``samples`` holds the tables of names and phrases; ``contacts`` builds the network and
calls ``meetings``, ``pitches``, ``levels`` and ``ledger`` for the rest.
"""

from __future__ import annotations

from netcoach.data.demo.contacts import generate_demo

__all__ = ["generate_demo"]
