"""Give the generated models' renamed fields their wire names back, as read-only properties.

The generator renames a property whose name is a Python keyword or builtin (``type`` becomes
``type_``, ``input`` becomes ``input_``): users would read ``part.type_`` and
``block.input_.to_dict()``. This adds, at the end of each model class, a property under the
wire name: ``part.type`` is ``part.type_``, and a free-form JSON object (``JsonObject``) is
given as its plain ``dict``, the same one the model holds, so ``block.input["city"]`` works.
Constructing a model keeps the generated keyword (``TextPart(type_="text", ...)``).

    python scripts/natural_names.py generated/agentkit_api/models
"""

from __future__ import annotations

import ast
import builtins
import keyword
import sys
from pathlib import Path

#: The generated type of a free-form JSON object, given to users as a plain dict.
JSON_OBJECT = "JsonObject"


def _renamed(name: str) -> str | None:
    """The wire name a generated field name stands for, when the generator renamed it."""
    if not name.endswith("_") or name.endswith("__"):
        return None
    wire = name[:-1]
    if keyword.iskeyword(wire) or hasattr(builtins, wire):
        return wire
    return None


def _properties(source: str, tree: ast.Module) -> list[tuple[int, str]]:
    """(line after which to insert, the text) for each class with renamed fields."""
    inserts = []
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        taken = {
            item.name
            for item in node.body
            if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
        }
        blocks = []
        for item in node.body:
            if not (isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)):
                continue
            field = item.target.id
            wire = _renamed(field)
            if wire is None or wire in taken:
                continue
            annotation = ast.get_source_segment(source, item.annotation)
            if annotation == JSON_OBJECT:
                blocks.append(
                    f"    @property\n"
                    f"    def {wire}(self) -> dict[str, Any]:\n"
                    f'        """``{wire}`` as a plain dict (the one ``{field}`` holds)."""\n'
                    f"        return self.{field}.additional_properties\n"
                )
            else:
                blocks.append(
                    f"    @property\n"
                    f"    def {wire}(self) -> {annotation}:\n"
                    f'        """``{wire}``, by its wire name (the same as ``{field}``)."""\n'
                    f"        return self.{field}\n"
                )
        if blocks:
            end = node.end_lineno
            assert end is not None
            inserts.append((end, "\n" + "\n".join(blocks)))
    return inserts


def rewrite(path: Path) -> bool:
    """Add the properties to one model module; whether it changed."""
    source = path.read_text(encoding="utf-8")
    inserts = _properties(source, ast.parse(source))
    if not inserts:
        return False
    lines = source.splitlines(keepends=True)
    for line, text in sorted(inserts, reverse=True):
        lines.insert(line, text)
    path.write_text("".join(lines), encoding="utf-8")
    return True


def main(argv: list[str]) -> int:
    (folder,) = argv
    changed = sum(rewrite(path) for path in sorted(Path(folder).glob("*.py")))
    print(f"natural names added to {changed} models")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
