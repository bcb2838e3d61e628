"""Storage for netcoach: the SQLite database, its migrations and the repositories."""
