"""The Jupyter kernel's event loop, for work a part does a moment later (``loop.call_later``)."""

from __future__ import annotations

import asyncio


def kernel_loop() -> asyncio.AbstractEventLoop | None:
    """The event loop of the Jupyter kernel this runs in, if any (another library's loop does not count);
    None in widget tests and scripts: there, do the work at once."""
    try:
        from ipykernel.kernelbase import Kernel
    except ImportError:
        return None
    if not Kernel.initialized():
        return None
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
