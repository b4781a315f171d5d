"""`make demo`: the main job, end to end, against the embedded reference server.

Starts the reference server on loopback, then with the SDK: creates an agent, starts a chat,
streams a reply to the terminal as it arrives, sends two more messages, ends the chat, and shows
an error being handled (a message to the closed chat).
"""

from __future__ import annotations

import sys

import agentkit
from agentkit import AgentKit
from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer


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
    print("\ndemo finished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
