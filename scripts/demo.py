"""`make demo`: the main job, end to end, against the embedded reference server.

Starts the reference server on loopback, then with the SDK: creates an agent, starts a chat,
streams a reply to the terminal as it arrives, sends two more messages, ends the chat, and shows
an error being handled (a message to the closed chat). Then a session: a knowledge index with a
document, a session bound to it whose answer is streamed as typed events (thinking, the
retrieval tool call and its result, the cited answer), and a client tool run by the SDK.
Last, messaging: the agent takes a handle, a registered identity messages it, and the agent's
brain answers in the same conversation.
"""

from __future__ import annotations

import sys
import time

import agentkit
from agentkit import AgentKit
from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer
from agentkit.tools import client_tool
from agentkit.types import (
    SessionEvent,
    SessionTextDeltaEvent,
    SessionThinkingEvent,
    SessionToolCallEvent,
    SessionToolResultEvent,
    SessionWarningEvent,
)

HANDBOOK = """# Refunds

Refunds are paid within 14 days of the return reaching our warehouse.

# Shipping

Orders ship from Lyon on weekdays; delivery takes two to four days in Europe.
"""


@client_tool
def order_status(order_id: str) -> dict[str, str]:
    """Look up an order in the shop's own system.

    Args:
        order_id: The order number, such as "A-1042".
    """
    return {"order_id": order_id, "status": "shipped", "carrier": "La Poste"}


def show(event: SessionEvent) -> None:
    """Print a session event the way a chat window might."""
    if isinstance(event, SessionThinkingEvent):
        print(f"  (thinking: {event.content})")
    elif isinstance(event, SessionToolCallEvent):
        where = "on this machine" if event.client else "on the server"
        print(f"  [tool call {event.tool_name} {where}: {event.input_.to_dict()}]")
    elif isinstance(event, SessionToolResultEvent):
        print(f"  [tool result {event.tool_name}: {event.status}]")
    elif isinstance(event, SessionWarningEvent):
        print(f"  [warning {event.code}: {event.message}]")
    elif isinstance(event, SessionTextDeltaEvent):
        print(event.content, end="", flush=True)


def sessions_demo(client: AgentKit) -> None:
    """An index, a session that retrieves from it, and a client tool."""
    index = client.indexes.create(name="Shop handbook")
    document = client.indexes.add_document(
        index.id, HANDBOOK, content_type="text/markdown", title="Handbook"
    )
    print(f"\nindexed {document.title!r} ({document.chunk_count} chunks) in {index.id}")

    librarian = client.agents.create(name="Librarian", brain="scripted")
    session = client.sessions.start(librarian.id, index_ids=[index.id])
    print(f"started session {session.id} [{session.status}]")
    with client.sessions.stream_send(session.id, "How long do refunds take?") as stream:
        for event in stream:
            show(event)
    print(f"\n  (stop: {stream.stop.reason}, {stream.usage.total_tokens} tokens)")
    summary = session.refresh().summary()
    print(f"  title {summary.title!r}, {summary.message_count} messages")

    helper = client.sessions.start(librarian.id, client_tools=[order_status])
    helper.run('/tool order_status {"order_id": "A-1042"}', on_event=show)
    print(f"\n  [{helper.status}] transcript:\n{helper.transcript}")


def messaging_demo(client: AgentKit, server: ReferenceServer, agent_id: str) -> None:
    """One of your agents, messaged by an identity, answers through its brain."""
    desk = client.identity.claim_agent_handle(agent_id, "support-desk")
    print(f"\nagent {agent_id} answers direct messages as @{desk.handle}")
    pending = client.identity.register(email="ada@example.com", handle="ada", display_name="Ada")
    code = server.last_code("ada@example.com")
    print(f"registered @ada with the code {code} from the development outbox")
    made = client.identity.verify(pending.pending_id, code or "")
    with AgentKit(api_key=made.api_key, base_url=server.base_url) as ada:
        sent = ada.messages.send("Is my refund on its way?", to="@support-desk")
        print(f"  @ada: {sent.content.text}  (seq {sent.seq})")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            replies = ada.messages.list_page(sent.conversation_id, after_seq=sent.seq).data
            if replies:
                print(f"  @{replies[0].sender}: {replies[0].content.text}  (seq {replies[0].seq})")
                return
            time.sleep(0.05)
        print("  (no answer within 10 s)")


def main() -> int:
    with ReferenceServer(config=ServerConfig(echo_delay=0.04)) as server:
        print(f"reference server on {server.base_url}\n")
        with AgentKit(api_key=server.api_key, base_url=server.base_url) as client:
            agent = client.agents.create(
                name="Support Bot", instructions="Help users with their accounts.", brain="echo"
            )
            print(f"created agent {agent.name} ({agent.id}, brain={agent.brain})")

            chat = client.chats.start(agent.id, "I need help with my account")
            print(f"started chat {chat.id} [{chat.status}]")
            print(f"  agent: {chat.message.parts[0].content}")

            print("  agent (streaming): ", end="", flush=True)
            with client.chats.stream_message(
                chat.id, "My account is locked since this morning"
            ) as stream:
                for delta in stream.text_deltas():
                    print(delta, end="", flush=True)
            print(f"\n  (stream done; request {stream.request_id})")

            for text in ["I forgot my password", "Can you reset it?"]:
                reply = client.chats.message(chat.id, text)
                print(f"  user: {text}\n  agent: {reply.message.parts[0].content}")

            ended = client.chats.end(chat.id, reason="Issue resolved")
            print(
                f"ended chat [{ended.status}] at {ended.closed_at:%H:%M:%S} ({ended.close_reason})"
            )

            try:
                client.chats.message(chat.id, "One more thing...")
            except agentkit.ChatAlreadyClosedError as error:
                print(f"handled {type(error).__name__}: {error.code}: {error.message}")

            sessions_demo(client)
            messaging_demo(client, server, agent.id)
    print("\ndemo finished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
