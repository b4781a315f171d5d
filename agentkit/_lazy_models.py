"""Load the generated models one module at a time, as they are used.

The generated ``agentkit_api.models`` package imports all of its ~100 model modules up front, and
building an attrs class costs about half a millisecond, so the first ``from agentkit_api.models
import Agent`` would cost far more than the models a program uses. ``install()`` (run by
``import agentkit``) lets the package load lazily instead: its ``__init__`` is read, not run, and
each name it would import is imported from its module on first access. Nothing else changes:
``__all__``, ``from agentkit_api.models import *``, the classes and their modules are the same.

The package's ``__init__`` is only replaced when it holds nothing but a docstring, imports of the
form ``from .module import Name`` and ``__all__``; anything else (or no source to read) runs it as
usual.
"""

from __future__ import annotations

import importlib
import re
import sys
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from importlib.abc import Loader

__all__ = ["install"]

PACKAGE = "agentkit_api.models"

_IMPORT = re.compile(r"^from \.(\w+) import (\w+)\n", re.MULTILINE)
_REST = re.compile(
    r'\A\s*(?:"""(?P<doc>[^"]*)"""\s*)?__all__ = \((?P<names>(?:\s*"\w+",?)*)\s*\)\s*\Z'
)


def install() -> None:
    """Make the generated models package load its models on first use, unless already loaded."""
    if PACKAGE in sys.modules or any(isinstance(f, _Finder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _Finder())


def plan(source: str) -> tuple[str | None, dict[str, str]] | None:
    """The docstring and the name -> module map of a package ``__init__`` made only of
    ``from .module import Name`` lines and ``__all__``; ``None`` for any other source."""
    where = {name: module for module, name in _IMPORT.findall(source)}
    rest = _REST.match(_IMPORT.sub("", source))
    if not where or rest is None:
        return None
    names = re.findall(r'"(\w+)"', rest["names"])
    if sorted(names) != sorted(where):
        return None
    return rest["doc"], {name: where[name] for name in names}


class _Finder:
    """Finds the models package as usual, then hands it to ``_Loader``."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        if fullname != PACKAGE:
            return None
        spec = PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return spec
        spec.loader = cast("Loader", _Loader(spec.loader))
        return spec


class _Loader:
    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def __getattr__(self, name: str) -> Any:
        # get_source, get_filename, ...: whatever the file loader offers.
        return getattr(self._loader, name)

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        made: ModuleType | None = self._loader.create_module(spec)
        return made

    def exec_module(self, module: ModuleType) -> None:
        try:
            source = self._loader.get_source(module.__name__)
        except (ImportError, OSError):
            source = None
        found = plan(source) if source else None
        if found is None:
            self._loader.exec_module(module)
            return
        doc, where = found
        namespace = module.__dict__
        names = tuple(where)
        submodules = frozenset(where.values())

        def __getattr__(name: str) -> Any:
            module_name = where.get(name)
            if module_name is None:
                if name in submodules:
                    return importlib.import_module(f"{module.__name__}.{name}")
                raise AttributeError(f"module {module.__name__!r} has no attribute {name!r}")
            value = getattr(importlib.import_module(f"{module.__name__}.{module_name}"), name)
            namespace[name] = value
            return value

        def __dir__() -> list[str]:
            return sorted({*namespace, *names})

        namespace.update(__doc__=doc, __all__=names, __getattr__=__getattr__, __dir__=__dir__)
