"""Schemathesis against the reference server: generated valid and invalid requests for every
operation. No request may get a 5xx, every response must match the contract, and invalid
requests must be refused with a 4xx.

The run is bounded for `make test` (AGENTKIT_FUZZ_EXAMPLES, default 8 per operation); `make
fuzz` runs many more. Schemathesis' CLI is driven rather than its pytest plugin, which does not
support this pytest version.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from agentkit._contract import contract
from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer

EXAMPLES = os.environ.get("AGENTKIT_FUZZ_EXAMPLES", "8")
# A run's time grows with the examples per operation: some 0.75 s per example for the JSON
# operations here (more with the provider and guardrail operations: 5 s per example budgeted),
# 0.35 s for the streams. The subprocess gets about four times that, pytest a
# minute more: `make fuzz` (200) is not killed by the suite's 120 s default, and `make test` (8)
# keeps it.
RUN_SECONDS = 40 + 5 * int(EXAMPLES)
TEST_SECONDS = max(120, RUN_SECONDS + 60)
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
CONFIG = Path(__file__).with_name("schemathesis.toml")
STREAMS = (
    "chats_start_stream|chats_message_stream|chats_events|sessions_send_stream"
    "|sessions_send_ui_stream|sessions_submit_tool_results_stream|sessions_events"
    "|agents_chat_status"
)
# The agent platform's operations run on their own, so that each run keeps to its time.
PLATFORM = (
    "completions_.*|feedback_.*|agents_chat|agents_get_prompt_suggestions|agents_list_sub_agents"
    "|agents_(list|get|delete)_chats?|agents_generate_chat_title"
)
# The messaging operations run on their own, with a messaging identity's key.
MESSAGING = "^(identity|messages|conversations|uploads|groups|contacts|presence)_"
# These call the provider's base URL, or send to a webhook endpoint's URL, which fuzzed input
# may point anywhere: tests reach loopback only. tests/integration/test_providers.py and
# tests/webhooks/test_delivery.py cover them against loopback servers.
UPSTREAM_CALLS = "^(providers_refresh_models|providers_test|webhooks_test|webhooks_redeliver)$"


def _run(
    spec: Path, server: ReferenceServer, workdir: Path, *selection: str, key: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run schemathesis in ``workdir``, where it keeps its state (``.schemathesis/``): runs in
    parallel test workers must not share one cache file."""
    return subprocess.run(
        [
            str(SCHEMATHESIS),
            "--config-file",
            str(CONFIG),
            "run",
            str(spec),
            "--url",
            server.base_url,
            "-H",
            f"Authorization: Bearer {key or server.api_key}",
            "--mode",
            "all",
            "--max-examples",
            EXAMPLES,
            "--generation-deterministic",
            "--workers",
            "1",
            *selection,
        ],
        capture_output=True,
        text=True,
        timeout=RUN_SECONDS,
        check=False,
        cwd=workdir,
    )


def _identity_key(server: ReferenceServer) -> str:
    """The key of a messaging identity registered on ``server``, with a conversation."""
    keys = []
    for handle in ("fuzz-one", "fuzz-two"):
        email = f"{handle}@example.test"
        body = {"email": email, "handle": handle, "display_name": handle}
        pending = httpx.post(f"{server.base_url}/v1/identity/register", json=body).json()
        verification = {"pending_id": pending["pending_id"], "code": server.last_code(email)}
        made = httpx.post(f"{server.base_url}/v1/identity/register/verify", json=verification)
        keys.append(made.json()["api_key"])
    message = {"client_msg_id": "fuzz", "to": "fuzz-two", "content": {"text": "hi"}}
    headers = {"Authorization": f"Bearer {keys[0]}"}
    httpx.post(f"{server.base_url}/v1/messages", json=message, headers=headers)
    return keys[0]


@pytest.fixture(scope="module")
def spec_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("contract") / "contract.json"
    path.write_text(json.dumps(contract().document), encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.timeout(TEST_SECONDS)
class TestServerConformance:
    def test_json_operations_conform_under_fuzzing(self, spec_file: Path, tmp_path: Path) -> None:
        """Every check, on every operation that answers JSON: no 5xx, responses as documented."""
        with ReferenceServer() as server:
            result = _run(
                spec_file,
                server,
                tmp_path,
                "--checks",
                "all",
                "--exclude-operation-id-regex",
                f"^({STREAMS}|{PLATFORM})$|{MESSAGING}|{UPSTREAM_CALLS}",
            )
        assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-2000:]

    def test_platform_operations_conform_under_fuzzing(
        self, spec_file: Path, tmp_path: Path
    ) -> None:
        """Every check on the agent platform's operations: the OpenAI-compatible API, votes, and
        the agent chat (whose stream the contract describes as `{type: string}`)."""
        with ReferenceServer() as server:
            result = _run(
                spec_file,
                server,
                tmp_path,
                "--checks",
                "all",
                "--include-operation-id-regex",
                f"^({PLATFORM})$",
            )
        assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-2000:]

    def test_messaging_operations_conform_under_fuzzing(
        self, spec_file: Path, tmp_path: Path
    ) -> None:
        """Every check on the messaging operations, called with a messaging identity's key.

        Deleting the identity runs last, on its own: its key would be refused afterwards.
        """
        with ReferenceServer() as server:
            key = _identity_key(server)
            for selection in (
                (
                    "--include-operation-id-regex",
                    MESSAGING,
                    "--exclude-operation-id",
                    "identity_delete",
                ),
                ("--include-operation-id", "identity_delete"),
            ):
                result = _run(spec_file, server, tmp_path, "--checks", "all", *selection, key=key)
                assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-2000:]

    def test_stream_operations_conform_under_fuzzing(self, spec_file: Path, tmp_path: Path) -> None:
        """Every check but per-event schemas on the event-stream operations.

        Schemathesis reads an event stream's ``schema`` as the schema of each event, while the
        contract must declare ``{type: string}`` there for the generator; the events themselves
        are validated against their ``x-sse-events`` schemas by the integration tests.
        """
        # A followed stream (a session's, a chat's status) stays open until the follow limit:
        # keep it short here.
        with ReferenceServer(config=ServerConfig(max_follow_seconds=0.5)) as server:
            result = _run(
                spec_file,
                server,
                tmp_path,
                "--checks",
                "all",
                "--exclude-checks",
                "response_schema_conformance",
                "--include-operation-id-regex",
                f"^({STREAMS})$",
            )
        assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-2000:]
