"""Make the generated models package load each model on first use.

openapi-python-client writes ``agentkit_api/models/__init__.py`` as one ``from .module import
Name`` line per model, so the first import of any model builds all of them (about half a
millisecond each). ``scripts/regenerate.sh`` runs this script after the generator: it rewrites
that file into the same names, ``__all__`` and docstring, with each model imported from its
module when it is first used (PEP 562 ``__getattr__``) and the imports kept for type checkers.

Usage: ``python scripts/lazy_models.py PATH_TO_MODELS_INIT``. Fails on a file of any other form.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

TEMPLATE = """{docstring}

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
{imports}

# Each model is imported from its module the first time it is used.
_MODULES = {{
{modules}
}}

__all__ = (
{names}
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {{__name__!r}} has no attribute {{name!r}}")
    value = getattr(importlib.import_module(f".{{module}}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({{*globals(), *__all__}})
"""


def lazy_init(source: str) -> str:
    """The lazy form of a generated models ``__init__``.

    Raises:
        ValueError: The source is not only a docstring, ``from .module import Name`` lines and
            ``__all__``, or ``__all__`` and the imports disagree.
    """
    tree = ast.parse(source)
    docstring = ast.get_docstring(tree, clean=False)
    modules: dict[str, str] = {}
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            for alias in node.names:
                if alias.asname is not None:
                    raise ValueError(f"unexpected alias in {ast.unparse(node)!r}")
                modules[alias.name] = node.module
            continue
        if (
            isinstance(node, ast.Assign)
            and [ast.unparse(target) for target in node.targets] == ["__all__"]
            and isinstance(node.value, ast.Tuple | ast.List)
        ):
            names = [ast.literal_eval(element) for element in node.value.elts]
            continue
        raise ValueError(f"unexpected statement: {ast.unparse(node)!r}")
    if sorted(names) != sorted(modules):
        raise ValueError("__all__ and the imported names differ")
    return TEMPLATE.format(
        docstring=f'"""{docstring}"""' if docstring else '""""""',
        imports="\n".join(f"    from .{modules[name]} import {name}" for name in names),
        modules="\n".join(f'    "{name}": "{modules[name]}",' for name in names),
        names="\n".join(f'    "{name}",' for name in names),
    )


def main(argv: list[str]) -> int:
    """Rewrite the file named by ``argv[0]`` in place; return the exit status."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    path = Path(argv[0])
    try:
        path.write_text(lazy_init(path.read_text(encoding="utf-8")), encoding="utf-8")
    except (OSError, ValueError, SyntaxError) as exc:
        print(f"{path}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
