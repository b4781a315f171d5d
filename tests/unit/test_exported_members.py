"""The public surface: what `agentkit` exports, and what importing it costs."""

from __future__ import annotations

import subprocess
import sys

import agentkit
from agentkit import _errors


class TestExports:
    def test_all_names_resolve(self) -> None:
        """Every name in __all__ is importable from the package."""
        for name in agentkit.__all__:
            assert getattr(agentkit, name) is not None, name

    def test_all_is_unique(self) -> None:
        """__all__ names each export once."""
        assert len(agentkit.__all__) == len(set(agentkit.__all__))

    def test_every_exception_is_exported(self) -> None:
        """Each exception class agentkit defines is in __all__, under its own name."""
        classes = {
            name
            for name, value in vars(_errors).items()
            if isinstance(value, type)
            and issubclass(value, BaseException)
            and value.__module__ == _errors.__name__
        }
        assert classes == set(_errors.__all__)
        assert classes <= set(agentkit.__all__)
        for name in classes:
            assert getattr(agentkit, name) is getattr(_errors, name)

    def test_no_private_names_leak(self) -> None:
        """Nothing public-looking exists on the package beyond __all__."""
        public = {
            name
            for name in dir(agentkit)
            if not name.startswith("_") and name not in {"annotations", "importlib"}
        }
        assert public <= set(agentkit.__all__)


class TestImportCost:
    def test_import_is_lazy(self) -> None:
        """`import agentkit` loads neither httpx, the generated models nor the server."""
        code = (
            "import sys, agentkit; "
            "print(sorted(m for m in ('httpx', 'agentkit_api.models', 'agentkit.server', "
            "'starlette') if m in sys.modules))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "[]"


class TestTypes:
    def test_every_generated_model_is_in_agentkit_types(self) -> None:
        """A model the contract adds is importable from agentkit.types without a hand edit."""
        import agentkit_api.models

        import agentkit.types

        for name in agentkit_api.models.__all__:
            assert getattr(agentkit.types, name) is getattr(agentkit_api.models, name), name
        assert set(agentkit_api.models.__all__) <= set(agentkit.types.__all__)
        assert len(agentkit.types.__all__) == len(set(agentkit.types.__all__))
