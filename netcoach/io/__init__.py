"""Importers and exporters: streaming, and all-or-nothing when they write."""
