"""The hub's side of a team server: each consultant's own database role, and their dashboard server."""

from __future__ import annotations

import psycopg
import pytest

from facilitation import hub
from facilitation.domain.errors import FacilitationError
from facilitation.store import team
from facilitation.store.postgres import PostgresStore
from tests.pgserver import ADMIN


def test_a_consultant_gets_a_role_and_a_fresh_password_each_start(pg_cluster, monkeypatch):
    db = pg_cluster.database()
    admin = pg_cluster.url(ADMIN, db)
    base = f"postgresql://127.0.0.1:{pg_cluster.port}/{db}"
    first = team.spawn_environment(admin, base, "lies")
    assert first["FACILITATION_STORE"] == f"postgresql://lies@127.0.0.1:{pg_cluster.port}/{db}"
    monkeypatch.setenv("PGPASSWORD", first["PGPASSWORD"])
    monkeypatch.setenv("JUPYTERHUB_USER", "lies")
    assert PostgresStore(first["FACILITATION_STORE"]).user == "lies"
    second = team.spawn_environment(admin, base, "lies")
    assert second["PGPASSWORD"] != first["PGPASSWORD"]
    with pytest.raises(FacilitationError):  # the old password no longer opens the store
        PostgresStore(first["FACILITATION_STORE"])


@pytest.mark.parametrize("name", ["postgres", ADMIN, "Robert'); DROP TABLE cases;--", ""])
def test_a_hub_user_named_like_an_admin_role_or_badly_is_refused(pg_cluster, name):
    db = pg_cluster.database()
    with pytest.raises(FacilitationError):
        team.role_password(pg_cluster.url(ADMIN, db), name)
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:  # the superuser's password still works
        assert conn.execute("SELECT 1").fetchone() == (1,)


def test_user_url_keeps_host_port_database_and_options():
    url = team.user_url("postgresql://db.example:5432/facilitation?sslmode=verify-full", "els")
    assert url == "postgresql://els@db.example:5432/facilitation?sslmode=verify-full"


def test_hub_server_is_jupyters_single_user_server_with_voila_and_our_template(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setenv("JUPYTERHUB_USER", "els")
    cmd, env = hub.command("meeting", ["--ServerApp.allow_root=True"])
    assert cmd[1:3] == ["-m", "jupyterhub.singleuser"]
    assert "--ServerApp.default_url=/voila/render/meeting.ipynb" in cmd
    assert "--VoilaConfiguration.template=facilitation" in cmd and "--KernelManager.transport=ipc" in cmd
    assert cmd[-1] == "--ServerApp.allow_root=True"
    assert len(env["JUPYTER_RUNTIME_DIR"]) < 40
    assert hub.main(["--dashboard=nonsense"]) == 2
