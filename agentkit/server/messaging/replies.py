"""Answers from an organization's agents: a direct message to an agent's handle is answered by
the agent's brain, as a message back in the same conversation."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from ..brains import BrainError, Turn, brain_for
from ..core.state import ServerState
from ..core.store import Row

__all__ = ["AgentReplies", "message_text"]

logger = logging.getLogger("agentkit.server.messaging")


def message_text(content: Row) -> str:
    """A message's content as the text a brain reads."""
    pieces = []
    if "text" in content:
        pieces.append(str(content["text"]))
    if "data" in content:
        pieces.append(json.dumps(content["data"], sort_keys=True))
    if "attachment_id" in content:
        pieces.append(f"[file {content['attachment_id']}]")
    return "\n".join(pieces)


class AgentReplies:
    """The replies being written now; each is sent once, whatever happens to the request."""

    def __init__(self, state: ServerState) -> None:
        self._state = state
        self._running: set[asyncio.Task[Any]] = set()

    def answer(self, agent_identity: Row, message: Row) -> None:
        """Have the agent's brain answer ``message`` in its conversation, in the background."""
        task = asyncio.get_running_loop().create_task(self._answer(agent_identity, message))
        self._running.add(task)
        task.add_done_callback(self._running.discard)

    async def _answer(self, agent_identity: Row, message: Row) -> None:
        from .message_routes import store_reply

        state = self._state
        agent = state.store.get_agent(agent_identity["agent_org"], agent_identity["agent_id"])
        if agent is None:
            return
        config = state.config
        brain = brain_for(
            agent["brain"], echo_delay=config.echo_delay, slow_delay=config.slow_delay
        )
        pieces: list[str] = []
        try:
            async for delta in brain.reply(
                Turn(agent=agent, text=message_text(message["content"]))
            ):
                pieces.append(delta)
        except BrainError as exc:
            logger.info("agent %s could not answer %s: %s", agent["id"], message["id"], exc)
            return
        text = "".join(pieces) or "(no reply)"
        store_reply(state, agent_identity, message, text)
