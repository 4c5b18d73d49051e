"""Texts of the safety plan part (plan.*); the documents' texts are in ``export.py``.

Keep this a plain ``MESSAGES`` dict: the plan screen adds its own ``plan.*`` keys here.
"""

MESSAGES: dict[str, tuple[str, str]] = {}
