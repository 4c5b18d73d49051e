"""The team server's JupyterHub configuration as the tests run it: deploy/jupyterhub/jupyterhub_config.py
with only what a test machine must change. Tests only: never use these overrides on a real server.

- SharedPasswordAuthenticator: the listed users log in with the test's shared password (production: LDAP
  or OAuth).
- SimpleLocalProcessSpawner: every consultant's server runs as the test's own account, with a home in
  the test's folder (production: each consultant's own account or container).
- Ports and the hub's own files in the test's folder; the idle culler left out.
"""

import os

c = get_config()  # type: ignore[name-defined]  # noqa: F821
load_subconfig(os.environ["FAC_HUB_DEPLOY_CONFIG"])  # type: ignore[name-defined]  # noqa: F821

folder = os.environ["FAC_HUB_FOLDER"]
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ["FAC_HUB_TEST_PASSWORD"]
c.Authenticator.allowed_users = set(os.environ["FAC_HUB_USERS"].split(","))
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = folder + "/home/{username}"
c.Spawner.args = ["--ServerApp.allow_root=True"] if os.geteuid() == 0 else []
c.JupyterHub.hub_bind_url = os.environ["FAC_HUB_INTERNAL_URL"]
c.ConfigurableHTTPProxy.api_url = os.environ["FAC_HUB_PROXY_API_URL"]
c.ConfigurableHTTPProxy.pid_file = folder + "/proxy.pid"
c.JupyterHub.db_url = "sqlite:///" + folder + "/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = folder + "/cookie_secret"
c.JupyterHub.services = []
c.JupyterHub.load_roles = []
c.JupyterHub.log_level = "INFO"
