"""The server's connection between a page and its kernel, made for dashboards that build many widgets.

Jupyter server's own connection has three habits that hurt a dashboard:

- Tornado leaves Nagle's algorithm on for websockets. A reply the kernel sends a few milliseconds after
  its "busy" status (a new item's row, say) then waits for the browser to acknowledge the status, and
  browsers delay that acknowledgement by 40 ms: every click that does real work felt 40 ms slower than
  one that does none.
- Its socket for the kernel's messages holds at most 1,000 of them, and ZeroMQ silently drops what does
  not fit. Opening a part of the dashboard sends a few thousand at once (one per widget and per change);
  when the server fell behind, some were lost and the browser showed an empty safety plan ("widget model
  not found"). Ours holds as many as come: every one is needed.
- It drops widget messages above 1,000 a second ("IOPub message rate exceeded"), a guard against a
  notebook printing in a loop. Here every message is a widget the page needs.

Voilà takes this class through ``--Voila.kernel_websocket_connection_class`` (``serve.voila_command``).
"""

from __future__ import annotations

from typing import Any

import zmq
from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from traitlets import Bool


class DashboardConnection(ZMQChannelsWebsocketConnection):  # type: ignore[misc]
    """Jupyter server's websocket connection to a kernel: no Nagle delay, nothing dropped."""

    limit_rate = Bool(False, config=True, help="Drop widget messages above a rate (off: the page needs them all).")

    def create_stream(self) -> None:
        # The server's sockets to this kernel take their options from the shared context when created.
        ctx = self.kernel_manager.context
        had = zmq.RCVHWM in ctx.sockopts
        before = ctx.sockopts.get(zmq.RCVHWM)
        ctx.setsockopt(zmq.RCVHWM, 0)  # 0: no limit
        try:
            super().create_stream()
        finally:
            if had:
                ctx.setsockopt(zmq.RCVHWM, before)
            else:
                del ctx.sockopts[zmq.RCVHWM]

    def connect(self) -> Any:
        self.websocket_handler.set_nodelay(True)
        return super().connect()
