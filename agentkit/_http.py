"""The one place agentkit imports its HTTP library.

Everything else imports ``httpx`` from here, so moving to a fork with the same API (``httpx2``)
is a one-line change.

httpx's ``__init__`` imports its command-line tool (``httpx._main``, which loads click, rich and
pygments) whenever those happen to be installed, only to bind ``httpx.main``; that is most of the
cost of ``import httpx``. When agentkit is the first to import httpx, it imports it with the tool
held back and binds ``httpx.main`` on first access instead, to the same object it would have been.
"""

import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

__all__ = ["httpx"]

_CLI = "httpx._main"


def _import_without_cli() -> None:
    # A None entry in sys.modules makes ``from ._main import main`` raise ImportError, which
    # httpx catches (it defines a stand-in ``main``); the entry is removed right after, so a
    # later ``import httpx._main`` loads the real module.
    sys.modules[_CLI] = None  # type: ignore[assignment]
    try:
        import httpx
    finally:
        if _CLI in sys.modules and sys.modules[_CLI] is None:
            del sys.modules[_CLI]
    _defer_cli(httpx)


def _defer_cli(module: ModuleType) -> None:
    namespace = module.__dict__
    stand_in = namespace.get("main")
    if stand_in is None or "__getattr__" in namespace:
        return
    del namespace["main"]

    def __getattr__(name: str) -> Any:
        if name != "main":
            raise AttributeError(f"module {module.__name__!r} has no attribute {name!r}")
        main: Callable[..., Any]
        try:
            from httpx._main import main
        except ImportError:  # the CLI's dependencies are not installed
            main = stand_in
        namespace["main"] = main
        return main

    namespace["__getattr__"] = __getattr__


if "httpx" not in sys.modules and _CLI not in sys.modules:
    _import_without_cli()

import httpx  # noqa: E402 - imported above (without its CLI) unless something imported it first
