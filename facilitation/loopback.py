"""Whether an address is this machine only: one answer for the command line (``serve --ip``), the Voilà server
(Jupyter's own Host check) and the widget modules served by URL (``ui/esm.py``).

A leaf of its own, below ``ui``, ``guard`` and ``serve``, so that each can ask it without importing another.
"""

from __future__ import annotations

import ipaddress


def is_loopback(ip: str) -> bool:
    """An address of this machine only (127.0.0.1, ::1 or [::1], localhost): what ``facilitation serve``
    listens on without ``--lan``, and the pages that may import our modules by URL (``ui/esm.py``)."""
    try:
        return ipaddress.ip_address(ip.strip("[]")).is_loopback
    except ValueError:
        return ip.lower() == "localhost"
