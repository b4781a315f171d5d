# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""``client.delegations``: agents handing work to their sub-agents in sessions."""

from __future__ import annotations

from agentkit_api.models import Delegation, SubAgentList

from ..._response import APIResponse
from ..endpoint import endpoint
from ..pagination import Pager
from ._base import SyncResource

__all__ = ["AsyncDelegations"]


class AsyncDelegations(SyncResource):
    """Whom an agent can delegate to, and what its sub-agents said in a session.

    An agent delegates in a session through the server tool ``delegate``: the session's stream
    shows a ``tool_call`` naming the sub-agent and a ``tool_result`` with its answer.
    """

    @endpoint
    def list_sub_agents(self, agent_id: str) -> APIResponse[SubAgentList]:
        """The agents ``agent_id`` can delegate to, in the order of its ``sub_agent_ids``.

        Raises:
            AgentNotFoundError: No such agent among yours.
        """
        return self._client._call("delegations_list_sub_agents", agent_id=agent_id)

    def list(self, session_id: str, *, page_size: int = 20) -> Pager[Delegation]:
        """The sub-agents' own conversations in a session, one per sub-agent, oldest first.

        No request is made until you iterate (``for``) or call ``first_page()``; the
        first page raises ``SessionNotFoundError`` for a session that is not yours.
        """
        return self._cursor_pager("delegations_list", page_size=page_size, session_id=session_id)
