"""Where the browser gets our widgets' JavaScript modules (``ui/js/*.js``).

anywidget imports a widget's ``_esm``. Given as source text, every new widget model makes the browser
wrap the text in a fresh blob URL and parse and run the module again: each new item row in the three
columns paid for that. Given as an http(s) URL, the browser imports the module once per page and every
later widget reuses it.

``facilitation serve`` copies the modules beside its Voilà template (``voila/static/fac/``, named by
their content, so a changed module is never taken from a cache) and marks the kernels' environment.
Voilà tells each kernel the address its page was requested at; the module URL uses that same origin
(a page on ``localhost`` must not import from ``127.0.0.1``: another origin). Anywhere else (widget
tests, JupyterLab, a page not on this machine) the source text is used, which works everywhere.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import anywidget
import traitlets

from ..loopback import is_loopback

JS_DIR = Path(__file__).parent / "js"
STATIC_SUBDIR = "fac"
ENV_SERVED = "FACILITATION_SERVED_MODULES"
"""Set to "1" by ``serve.voila_env``: the template's static folder holds our modules."""


SIBLING = re.compile(r"^import\s*\{\s*([\w\s,]+?)\s*\}\s*from\s*'\./([\w-]+)\.js';?[ \t]*$", re.M)
"""``import { a, b } from './other.js';``: a module's use of a sibling module (``source`` puts it in)."""


@functools.cache
def source(name: str) -> str:
    """The module's text (``ui/js/<name>.js``), each sibling it imports put in place of its import line.

    anywidget gets a module as source text (a blob URL, which cannot import by a relative address) or by
    its served, content-named URL (``other.<digest>.js``, not ``other.js``): neither resolves
    ``'./other.js'``. So code shared by two modules (the plotly.js loader) is written once, in its own
    file, and each module that imports it carries it (its ``export`` words dropped). The served name's
    digest covers it too: a changed loader is a changed module."""
    text = (JS_DIR / f"{name}.js").read_text(encoding="utf-8")

    def put_in(m: re.Match[str]) -> str:
        wanted, sibling = [n.strip() for n in m.group(1).split(",") if n.strip()], m.group(2)
        if sibling == name:
            raise ValueError(f"{name}.js imports itself")
        shared = source(sibling)
        missing = [
            n for n in wanted if not re.search(rf"^export\s+(?:async\s+)?(?:function|const|let)\s+{n}\b", shared, re.M)
        ]
        if missing:
            raise ValueError(f"{name}.js imports {missing} from {sibling}.js, which does not export them")
        return re.sub(r"^export\s+", "", shared, flags=re.M).rstrip("\n")

    return SIBLING.sub(put_in, text)


def file_name(name: str) -> str:
    """The served file's name: the module's name and a digest of its text."""
    digest = hashlib.sha256(source(name).encode("utf-8")).hexdigest()[:12]
    return f"{name}.{digest}.js"


def names() -> list[str]:
    return sorted(p.stem for p in JS_DIR.glob("*.js"))


def module(name: str, env: Mapping[str, str] | None = None) -> str:
    """What to give anywidget as ``_esm``: the served module's URL when this kernel's page can import it,
    else the module's text."""
    env = os.environ if env is None else env
    text = source(name)
    if env.get(ENV_SERVED) != "1":
        return text
    page = urlsplit(env.get("VOILA_REQUEST_URL", ""))
    if page.scheme not in ("http", "https") or not page.hostname or not is_loopback(page.hostname):
        return text
    base = env.get("VOILA_BASE_URL", "/") or "/"
    if not base.startswith("/"):
        base = "/" + base
    if not base.endswith("/"):
        base += "/"
    return f"{page.scheme}://{page.netloc}{base}voila/static/{STATIC_SUBDIR}/{file_name(name)}"


def write_served(static_dir: Path) -> Path:
    """Put every module in ``static_dir/fac`` under its served name; drop files of older versions."""
    target = static_dir / STATIC_SUBDIR
    target.mkdir(parents=True, exist_ok=True)
    wanted = {file_name(n): n for n in names()}
    for old in target.glob("*.js"):
        if old.name not in wanted:
            old.unlink()
    for fname, n in wanted.items():
        path = target / fname
        if not path.exists():  # the name holds the content's digest: an existing file is this module
            tmp = path.with_suffix(".tmp")
            tmp.write_text(source(n), encoding="utf-8")
            tmp.replace(path)
    return target


class Widget(anywidget.AnyWidget):  # type: ignore[misc]
    """The base of our widgets drawn by a module of ``ui/js`` (each sets ``_esm = module(name)``).

    anywidget gives every new widget its ``_anywidget_id`` with ``add_traits``, which makes a new Python
    class for each widget: opening the three columns with 400 item rows made 400 classes, a good part of
    the kernel's time. Here the trait is declared once, with the value anywidget gives it (the class's
    full name), and ``add_traits`` adds only traits the class does not have yet.
    """

    _anywidget_id = traitlets.Unicode().tag(sync=True)

    @traitlets.default("_anywidget_id")
    def _default_anywidget_id(self) -> str:
        return f"{type(self).__module__}.{type(self).__name__}"

    def add_traits(self, **traits: Any) -> None:
        new = {k: v for k, v in traits.items() if not self.has_trait(k)}
        if new:
            super().add_traits(**new)
