"""netcoach: a terminal coach for business networking."""

__version__ = "0.1.0"
