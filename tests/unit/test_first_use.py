"""What a program pays on first use: httpx without its command-line tool, models as used."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from agentkit import _lazy_models

MODELS_INIT = Path(__file__).resolve().parents[2] / "generated/agentkit_api/models/__init__.py"


def run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


class TestHttpx:
    def test_the_command_line_tool_is_not_imported(self) -> None:
        out = run(
            "import sys\n"
            "from agentkit._http import httpx\n"
            "print(sorted(m for m in ('httpx._main', 'click', 'rich', 'pygments') "
            "if m in sys.modules))"
        )
        assert out == "[]"

    def test_httpx_main_is_the_command_line_tool_on_access(self) -> None:
        out = run(
            "import agentkit._http, httpx\n"
            "main = httpx.main\n"
            "from httpx import main as again\n"
            "from httpx._main import main as real\n"
            "print(main is real, again is real)"
        )
        assert out == "True True"

    def test_other_attributes_are_unchanged(self) -> None:
        out = run(
            "import agentkit._http, httpx\n"
            "try:\n"
            "    httpx.no_such_name\n"
            "except AttributeError as exc:\n"
            "    print(exc)\n"
            "print(httpx.Client.__module__)"
        )
        assert out.splitlines() == [
            "module 'httpx' has no attribute 'no_such_name'",
            "httpx",
        ]

    def test_an_httpx_imported_first_is_left_alone(self) -> None:
        out = run(
            "import sys, httpx\n"
            "from agentkit._http import httpx as ours\n"
            "print(ours is httpx, 'httpx._main' in sys.modules, '__getattr__' in vars(httpx))"
        )
        assert out == "True True False"


class TestLazyModels:
    def test_a_model_loads_only_what_it_needs(self) -> None:
        out = run(
            "import sys, agentkit\n"
            "from agentkit_api.models import AgentBrain\n"
            "print(sorted(m for m in sys.modules if m.startswith('agentkit_api.models.')))"
        )
        assert out == "['agentkit_api.models.agent_brain']"

    def test_the_package_offers_what_its_init_defines(self) -> None:
        tree = ast.parse(MODELS_INIT.read_text(encoding="utf-8"))
        expected = {
            alias.name: f"agentkit_api.models.{node.module}"
            for node in tree.body
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
        }
        out = run(
            "import agentkit\n"
            "import agentkit_api.models as models\n"
            "from agentkit_api.models import *\n"
            "names = models.__all__\n"
            "print(type(names).__name__, models.__doc__)\n"
            "for name in names:\n"
            "    value = globals()[name]\n"
            "    assert value is getattr(models, name), name\n"
            "    print(name, value.__module__)\n"
        )
        kind, *rows = out.splitlines()
        assert kind == "tuple " + ast.get_docstring(tree, clean=False)  # type: ignore[operator]
        assert dict(row.split() for row in rows) == expected

    def test_submodules_dir_and_missing_names(self) -> None:
        out = run(
            "import agentkit, agentkit_api.models as models\n"
            "print(models.agent.Agent is models.Agent, 'Agent' in dir(models))\n"
            "try:\n"
            "    models.NoSuchModel\n"
            "except AttributeError as exc:\n"
            "    print(exc)"
        )
        assert out.splitlines() == [
            "True True",
            "module 'agentkit_api.models' has no attribute 'NoSuchModel'",
        ]

    def test_models_imported_first_are_left_alone(self) -> None:
        out = run(
            "import sys, agentkit_api.models as models, agentkit\n"
            "print('__getattr__' in vars(models), len(models.__all__) == len(["
            "m for m in sys.modules if m.startswith('agentkit_api.models.')]))"
        )
        assert out == "False True"

    def test_the_generated_init_is_understood(self) -> None:
        found = _lazy_models.plan(MODELS_INIT.read_text(encoding="utf-8"))
        assert found is not None
        assert found[1]["Agent"] == "agent"

    @pytest.mark.parametrize(
        "source",
        [
            "",
            '"""Doc."""\nfrom .a import A\nX = 1\n__all__ = ("A",)\n',
            'from .a import A\nfrom .b import B\n__all__ = ("A",)\n',
            "from .a import A\n",
            'import os\nfrom .a import A\n__all__ = ("A",)\n',
        ],
    )
    def test_anything_else_runs_as_usual(self, source: str) -> None:
        assert _lazy_models.plan(source) is None

    def test_a_plain_init_is_planned(self) -> None:
        source = '"""Doc."""\n\nfrom .b_mod import B\nfrom .a_mod import A\n\n__all__ = (\n    "A",\n    "B",\n)\n'
        assert _lazy_models.plan(source) == ("Doc.", {"A": "a_mod", "B": "b_mod"})


def test_a_first_call_loads_no_stream_machinery() -> None:
    """A plain call loads neither the streams nor the event models they decode into."""
    out = run(
        "import sys, agentkit, httpx\n"
        "agent = {'id': 'agt_1', 'name': 'Bot', 'instructions': '', 'brain': 'echo',"
        " 'streaming': True, 'sub_agent_ids': [], 'prompt_suggestions': [], 'metadata': {},"
        " 'created_at': '2026-01-01T00:00:00Z', 'updated_at': '2026-01-01T00:00:00Z'}\n"
        "transport = httpx.MockTransport(lambda request: httpx.Response(200, json=agent))\n"
        "client = agentkit.AgentKit(api_key='k', transport=transport)\n"
        "assert client.agents.get('agt_1').name == 'Bot'\n"
        "print(sorted(m for m in sys.modules if m.endswith(('.streaming', '._events')) "
        "or m.startswith('agentkit_api.models.session_text')))"
    )
    assert out == "[]"
