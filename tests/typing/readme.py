"""The Python examples of the README (or of a documentation page) as one script, in the order a
reader meets them.

A block preceded by an HTML comment ``<!-- not run: why -->`` is left out (a sketch that needs
something the tests cannot give it, or an example run elsewhere, which the comment names).
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["README", "python_blocks", "readme_script"]

README = Path(__file__).resolve().parents[2] / "README.md"
_BLOCK = re.compile(r"(?P<before>[^\n]*\n)?```python\n(?P<code>.*?)```", re.DOTALL)
_NOT_RUN = re.compile(r"<!--\s*not run:.*-->")


def python_blocks(text: str) -> list[tuple[int, str, str | None]]:
    """Each Python block as (line where its code starts, code, why it is not run or ``None``)."""
    blocks = []
    for match in _BLOCK.finditer(text):
        line = text.count("\n", 0, match.start("code")) + 1
        not_run = _NOT_RUN.search(match.group("before") or "")
        blocks.append((line, match.group("code"), not_run.group(0) if not_run else None))
    return blocks


def readme_script(path: Path = README) -> str:
    """The blocks that run, joined, each marked with the file and line it comes from."""
    parts = [
        f"# {path.name} line {line}\n{code}"
        for line, code, not_run in python_blocks(path.read_text(encoding="utf-8"))
        if not_run is None
    ]
    return "\n".join(parts)
