"""One answer to "is this address this machine only?" for the CLI, the server and the served modules."""

from __future__ import annotations

import pytest

from facilitation import cli, guard, loopback, serve, voila_app
from facilitation.loopback import is_loopback
from facilitation.ui import esm


def test_the_server_and_the_cli_ask_the_same_function():
    assert cli.is_loopback is voila_app.is_loopback is esm.is_loopback is loopback.is_loopback
    assert not hasattr(voila_app, "_is_loopback")
    assert not hasattr(guard, "is_loopback") and not hasattr(serve, "is_loopback")  # no second home


@pytest.mark.parametrize("ip", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_this_machine(ip):
    assert is_loopback(ip)


@pytest.mark.parametrize("ip", ["0.0.0.0", "192.168.1.20", "[fe80::1]", "::", "example.org", ""])
def test_not_this_machine_only(ip):
    assert not is_loopback(ip)
