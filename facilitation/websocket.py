"""The kernel's websocket to the browser, sent without Nagle's delay.

Tornado leaves Nagle's algorithm on for websockets. A reply that the kernel sends a few milliseconds
after its "busy" status (a new item's row, say) then waits for the browser to acknowledge the status,
and browsers delay that acknowledgement by 40 ms: every click that does real work felt 40 ms slower
than one that does none. Voilà takes this connection class through
``--Voila.kernel_websocket_connection_class`` (see ``serve.voila_command``).
"""

from __future__ import annotations

from typing import Any

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection


class NoDelayConnection(ZMQChannelsWebsocketConnection):  # type: ignore[misc]
    """Jupyter server's websocket connection to a kernel, with TCP_NODELAY set when it opens."""

    def connect(self) -> Any:
        self.websocket_handler.set_nodelay(True)
        return super().connect()
