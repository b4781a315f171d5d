"""What a program pays on first use: httpx without its command-line tool, models as used."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))
lazy_models = importlib.import_module("lazy_models")

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
        """Importing one generated model builds that model alone, not the ~100 others."""
        out = run(
            "import sys\n"
            "from agentkit_api.models import AgentBrain\n"
            "print(sorted(m for m in sys.modules if m.startswith('agentkit_api.models.')))"
        )
        assert out == "['agentkit_api.models.agent_brain']"

    def test_the_package_offers_every_model_of_its_modules(self) -> None:
        """Every name of ``__all__`` resolves, by attribute and by star import, to the class
        defined in the module the generator wrote it to."""
        out = run(
            "import agentkit_api.models as models\n"
            "from agentkit_api.models import *\n"
            "for name in models.__all__:\n"
            "    value = globals()[name]\n"
            "    assert value is getattr(models, name), name\n"
            "    print(name, value.__module__)\n"
        )
        rows = dict(row.split() for row in out.splitlines())
        modules = {path.stem for path in MODELS_INIT.parent.glob("*.py")} - {"__init__"}
        assert {module.rsplit(".", 1)[1] for module in rows.values()} == modules
        assert rows["Agent"] == "agentkit_api.models.agent"

    def test_submodules_dir_and_missing_names(self) -> None:
        """Submodules, ``dir()`` and a missing name behave as in an eager package."""
        out = run(
            "import agentkit_api.models as models\n"
            "print(models.Agent is models.agent.Agent, 'Agent' in dir(models))\n"
            "try:\n"
            "    models.NoSuchModel\n"
            "except AttributeError as exc:\n"
            "    print(exc)"
        )
        assert out.splitlines() == [
            "True True",
            "module 'agentkit_api.models' has no attribute 'NoSuchModel'",
        ]

    def test_the_rewrite_refuses_an_init_of_another_form(self) -> None:
        """The generation step fails loudly rather than drop what it does not understand."""
        for source in [
            '"""Doc."""\nfrom .a import A\nX = 1\n__all__ = ("A",)\n',
            'from .a import A\nfrom .b import B\n__all__ = ("A",)\n',
            'import os\nfrom .a import A\n__all__ = ("A",)\n',
        ]:
            with pytest.raises(ValueError):
                lazy_models.lazy_init(source)


def test_a_first_call_loads_no_stream_machinery() -> None:
    """A plain call loads neither the streams nor the event models they decode into."""
    out = run(
        "import sys, agentkit, httpx\n"
        "agent = {'id': 'agt_1', 'name': 'Bot', 'description': None, 'instructions': '',"
        " 'brain': 'echo', 'model_profile': None, 'provider_id': None, 'guardrail_ids': [],"
        " 'streaming': True, 'sub_agent_ids': [], 'prompt_suggestions': [], 'metadata': {},"
        " 'created_at': '2026-01-01T00:00:00Z', 'updated_at': '2026-01-01T00:00:00Z'}\n"
        "transport = httpx.MockTransport(lambda request: httpx.Response(200, json=agent))\n"
        "client = agentkit.AgentKit(api_key='k', transport=transport)\n"
        "assert client.agents.get('agt_1').name == 'Bot'\n"
        "print(sorted(m for m in sys.modules if m.endswith(('.streaming', '._events')) "
        "or m.startswith('agentkit_api.models.session_text')))"
    )
    assert out == "[]"
