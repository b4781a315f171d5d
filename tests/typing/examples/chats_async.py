"""A user's script: the same chat with the async client, streamed."""

from __future__ import annotations

import asyncio
from typing import assert_type

from agentkit import AsyncAgentKit
from agentkit.types import Agent, ChatEvent, ChatMessage


async def main() -> None:
    async with AsyncAgentKit() as client:
        agent = await client.agents.create(name="Story Teller")
        assert_type(agent, Agent)
        async with client.chats.stream_start(agent.id, "Tell me a story") as stream:
            async for event in stream:
                assert_type(event, ChatEvent)
                print(event)
        chat = await stream.until_done()
        assert_type(chat.message, ChatMessage)
        reply = await client.chats.message(chat.id, "And then?")
        print(reply.message.parts[0].content)
        async for listed in client.agents.list():
            assert_type(listed, Agent)
            print(listed.name)
        page = await client.agents.list(page_size=5).first_page()
        assert_type(page.data, list[Agent])
        assert_type(page.next_cursor, str | None)


asyncio.run(main())
