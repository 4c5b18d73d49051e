"""The training room's door on the room's network (services/room.py, guard.room_scope, serve --lan)."""

from __future__ import annotations

import pytest

from facilitation import cli, guard, samples, serve
from facilitation.domain import ops
from facilitation.domain.errors import FacilitationError
from facilitation.services import room as rooms
from facilitation.services import training as service
from facilitation.store import Store


def test_only_private_and_link_local_addresses_are_the_rooms_network():
    for ip in ("192.168.1.20", "10.0.0.7", "172.20.1.1", "169.254.3.4", "fe80::1", "fd00::2", "127.0.0.1"):
        assert rooms.on_room_network(ip), ip
    for ip in ("8.8.8.8", "2a00:1450::1", "100.64.0.1", "", "not-an-ip"):
        assert not rooms.on_room_network(ip), ip
    assert rooms.on_room_network("::ffff:192.168.1.5")


def test_the_servers_key_counts_only_from_the_serving_laptop_itself():
    assert rooms.is_this_machine("127.0.0.1") and rooms.is_this_machine("::1")
    assert rooms.is_this_machine("192.168.1.20", own="192.168.1.20")
    assert not rooms.is_this_machine("192.168.1.21", own="192.168.1.20")
    assert not rooms.is_this_machine("192.168.1.21")


@pytest.mark.parametrize(
    ("path", "scope"),
    [
        ("/", ("page", "")),
        ("/voila/static/plotly.min.js", ("static", "")),
        ("/voila/templates/facilitation/static/x.css", ("static", "")),
        ("/api/kernels/1f2e-3d", ("kernel", "1f2e-3d")),
        ("/api/kernels/1f2e-3d/channels", ("kernel", "1f2e-3d")),
        ("/voila/api/shutdown/1f2e", ("kernel", "1f2e")),
        ("/facilitation/alive/1f2e", ("kernel", "1f2e")),
        ("/api/kernels", ("other", "")),
        ("/api/sessions", ("other", "")),
        ("/voila/files/store.sqlite3", ("other", "")),
        ("/other.ipynb", ("other", "")),
        ("/voila/static/../../etc/passwd", ("other", "")),
    ],
)
def test_what_a_groups_laptop_may_reach(path, scope):
    assert guard.room_scope(path) == scope


def test_a_join_code_opens_its_own_groups_copy_and_no_other(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    sample = samples.load_sample("mila-en-finn")
    ids = service.start(store, sample, "mila-en-finn", ["Rood", "Blauw"], "2026-11-30", lambda k, **kw: k)
    clock = [0.0]
    room = rooms.Room("secret", lambda: store, clock=lambda: clock[0])
    codes = [room.code(i) for i in ids]
    assert room.group_for(codes[1].lower()) == ids[1]
    assert room.group_for(" ".join(codes[0])) == ids[0]
    assert room.group_for("AAAAAA") is None and room.group_for("") is None
    assert rooms.Room("another start", lambda: store).group_for(codes[0]) is None
    # An exercise removed: its codes and cookies stop working (once the copies are read again).
    service.remove(store, ids)
    clock[0] += rooms.REFRESH_S
    assert room.group_for(codes[0]) is None and not room.still_open(ids[0])


def test_lan_serves_only_the_training_room_on_a_fictional_case(tmp_path, capsys):
    store = Store(tmp_path / "s.sqlite3")
    real = ops.new_case("Familie Peeters", "2026-11-02", [("Jonas Peeters", 15)], fictional=False)
    real_id = store.add_case(real, "test")
    store.close()
    base = ["--store", str(tmp_path / "s.sqlite3"), "serve", "--lan", "--ip", "127.0.0.1", "--port", "1"]
    assert cli.main([*base, "--dashboard", "meeting"]) == 2
    assert "enkel met de oefenruimte" in capsys.readouterr().err
    assert cli.main([*base, real_id, "--dashboard", "training"]) == 2
    err = capsys.readouterr().err
    assert "'Familie Peeters' is geen fictieve casus" in err and "verlaat deze computer nooit" in err


def test_lan_never_listens_on_an_internet_address():
    with pytest.raises(FacilitationError) as e:
        serve.lan_addresses("8.8.8.8", 8866)
    assert e.value.code == "lan_not_private"
    assert serve.lan_addresses("192.168.1.20", 8866) == ("192.168.1.20", "http://192.168.1.20:8866/")
    assert serve.lan_addresses("127.0.0.1", 8866) == ("127.0.0.1", "http://127.0.0.1:8866/")


def test_the_room_secret_is_new_at_every_start_and_only_with_lan(tmp_path, monkeypatch):
    monkeypatch.setattr(serve, "prepare_template", lambda runtime: tmp_path)
    plain = serve.voila_env(tmp_path, tmp_path / "s.sqlite3", None, "nl", "tok")
    assert rooms.ENV_SECRET not in plain and rooms.ENV_JOIN_URL not in plain
    a = serve.voila_env(tmp_path, tmp_path / "s.sqlite3", None, "nl", "tok", join="http://192.168.1.20:8866/")
    b = serve.voila_env(tmp_path, tmp_path / "s.sqlite3", None, "nl", "tok", join="http://192.168.1.20:8866/")
    assert a[rooms.ENV_SECRET] and a[rooms.ENV_SECRET] != b[rooms.ENV_SECRET]
    assert rooms.join_host(a) == "192.168.1.20"
