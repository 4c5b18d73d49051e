"""Widgets: the shell and one module per screen part. Built on the session (``session.py``)."""
