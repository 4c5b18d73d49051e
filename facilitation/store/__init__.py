"""Persistence: the SQLite store, its location, and the case file format."""

from .location import default_store_path
from .sqlite import CaseSummary, LoggedChange, Store

__all__ = ["CaseSummary", "LoggedChange", "Store", "default_store_path"]
