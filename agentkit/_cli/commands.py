"""The client commands: ``agents list|create``, ``chat AGENT``, ``session send|tail SESSION``,
and the messaging commands ``send TARGET TEXT``, ``history CONVERSATION`` and ``listen``.

Each builds a client from ``--base-url`` / ``--api-key`` (or the ``AGENTKIT_*`` environment
variables), does its work, and turns the SDK's errors into a message and an exit status: 1 for
an API or connection error, 2 for a usage or configuration mistake.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from .render import Printer

if TYPE_CHECKING:
    from .. import AgentKit

__all__ = ["add_client_commands"]


def _client(args: argparse.Namespace) -> AgentKit:
    from .. import AgentKit

    return AgentKit(api_key=args.api_key, base_url=args.base_url)


def _agent_id(client: AgentKit, name_or_id: str) -> str:
    """An agent given by id, or by its name among the caller's agents."""
    if name_or_id.startswith("agt_"):
        return name_or_id
    for agent in client.agents.list(page_size=100):
        if agent.name == name_or_id:
            return agent.id
    raise LookupError(f"no agent is named {name_or_id!r}: see `agentkit agents list`")


def agents_list(args: argparse.Namespace, out: Printer) -> int:
    with _client(args) as client:
        agents = list(client.agents.list(page_size=100))
    if out.as_json:
        for agent in agents:
            out.document(agent)
        return 0
    if not agents:
        out.line("No agents yet: make one with `agentkit agents create NAME`.")
        return 0
    rows = [(a.id, a.name, str(a.brain), a.created_at.strftime("%Y-%m-%d %H:%M")) for a in agents]
    out.table(rows, ("ID", "NAME", "BRAIN", "CREATED"))
    return 0


def agents_create(args: argparse.Namespace, out: Printer) -> int:
    with _client(args) as client:
        agent = client.agents.create(
            name=args.name,
            instructions=args.instructions,
            description=args.description,
            brain=args.brain,
        )
    if out.as_json:
        out.document(agent)
    else:
        out.line(f"Created agent {agent.id} ({agent.name}, brain {agent.brain}).")
        out.line(f"Talk to it: agentkit chat {agent.id}")
    return 0


def _lines(prompt: str) -> Iterator[str]:
    """Messages typed at a terminal (prompted), or read from a pipe; ends at EOF or Ctrl-C."""
    interactive = sys.stdin.isatty()
    if interactive:
        try:
            import readline  # noqa: F401 - gives input() line editing and history
        except ImportError:  # not on every platform
            pass
    while True:
        try:
            line = input(prompt) if interactive else sys.stdin.readline()
        except (EOFError, KeyboardInterrupt):
            if interactive:
                print()
            return
        if not interactive and not line:
            return
        text = line.strip()
        if text:
            yield text


def _stream_turn(stream: Any, out: Printer) -> Any:
    """Stream one chat turn (a stream not opened yet) to ``out``; Ctrl-C cancels it."""
    try:
        with stream:
            for event in stream:
                if out.as_json:
                    out.document(event)
                elif getattr(event, "type_", None) == "content":
                    out.text(event.delta)
    except KeyboardInterrupt:
        out.end_line()
        out.line("[turn cancelled]")
    out.end_line()
    return stream


def chat(args: argparse.Namespace, out: Printer) -> int:
    from .. import ChatNotActiveError

    with _client(args) as client:
        agent = _agent_id(client, args.agent)
        chat_id: str | None = None
        if sys.stdin.isatty() and not out.as_json and args.message is None:
            out.line(f"Chatting with {args.agent}. Ctrl-C stops a reply; Ctrl-D leaves.")
        messages = iter([args.message]) if args.message is not None else _lines("you> ")
        for text in messages:
            try:
                if chat_id is None:
                    chat_id = _stream_turn(client.chats.stream_start(agent, text), out).chat_id
                else:
                    _stream_turn(client.chats.stream_message(chat_id, text), out)
            except ChatNotActiveError as exc:
                out.line(
                    f"The chat is busy (a cancelled reply may still be running): {exc.message}"
                )
    return 0


def session_create(args: argparse.Namespace, out: Printer) -> int:
    with _client(args) as client:
        session = client.sessions.create(_agent_id(client, args.agent), title=args.title)
    if out.as_json:
        out.document(session)
    else:
        out.line(f"Created session {session.id} with {session.agent_id}.")
        out.line(f'Send to it: agentkit session send {session.id} "Hello"')
    return 0


def _print_events(stream: Any, out: Printer) -> None:
    with stream:
        for event in stream:
            out.session_event(event)


def session_send(args: argparse.Namespace, out: Printer) -> int:
    from .. import APIStatusError

    with _client(args) as client:
        stream = client.sessions.stream_send(args.session, args.text)
        try:
            _print_events(stream, out)
        except APIStatusError as exc:
            if exc.code is None or stream.stop is None:  # not a failed turn, already shown
                raise
            return 1
        except KeyboardInterrupt:
            out.line("[stopped reading; the turn goes on: agentkit session tail to follow it]")
            return 130
    out.end_line()
    return 0


def session_tail(args: argparse.Namespace, out: Printer) -> int:
    with _client(args) as client:
        stream = client.sessions.events(
            args.session, after=args.after, follow=not args.no_follow, raise_on_error=False
        )
        try:
            _print_events(stream, out)
        except KeyboardInterrupt:
            pass
    out.end_line()
    return 0


def _send_target(target: str) -> tuple[str | None, str | None, str | None]:
    """Where ``send`` sends: ``(to, conversation_id, group_id)``, one of them given."""
    if target.startswith("conv_"):
        return None, target, None
    if target.startswith("grp_"):
        return None, None, target
    return target, None, None


def messages_send(args: argparse.Namespace, out: Printer) -> int:
    from .. import backlog_warnings

    with _client(args) as client:
        to, conversation_id, group_id = _send_target(args.target)
        response = client.messages.send.with_raw_response(
            args.text, to=to, conversation_id=conversation_id, group_id=group_id
        )
    message = response.parsed
    if out.as_json:
        out.document(message)
        return 0
    where = args.target if not args.target.startswith(("conv_", "grp_")) else "the conversation"
    out.line(f"Sent {message.id} to {where} ({message.conversation_id}, seq {message.seq}).")
    for warning in backlog_warnings(response.headers):
        out.line(f"note: @{warning.handle} has {warning.undelivered_count} unread messages")
    return 0


def _content_text(message: Any) -> str:
    content = message.content
    if isinstance(getattr(content, "text", None), str):
        return str(content.text)
    if getattr(content, "attachment_id", None):
        return f"[file {content.attachment_id}]"
    data = getattr(content, "data", None)
    from .render import as_json_data

    return json.dumps(as_json_data(data), ensure_ascii=False) if data is not None else ""


def messages_history(args: argparse.Namespace, out: Printer) -> int:
    with _client(args) as client:
        pager = client.messages.history(args.conversation, after_seq=args.after)
        for message in pager:
            if out.as_json:
                out.document(message)
            else:
                stamp = message.created_at.strftime("%Y-%m-%d %H:%M")
                out.line(f"{message.seq:>5}  {stamp}  @{message.sender}: {_content_text(message)}")
    return 0


def _event_document(event: Any) -> Any:
    """A realtime event as JSON data: its type and its fields."""
    import dataclasses

    from .render import as_json_data

    fields = {
        field.name: as_json_data(getattr(event, field.name)) for field in dataclasses.fields(event)
    }
    return {"type": event.type, **fields}


def _event_line(event: Any) -> str:
    from ..realtime import MessageNew

    if isinstance(event, MessageNew):
        message = event.message
        return (
            f"{message.conversation_id} #{message.seq} @{message.sender}: {_content_text(message)}"
        )
    from .render import _short

    details = {k: v for k, v in _event_document(event).items() if k != "type"}
    return f"[{event.type}] {_short(details)}"


def messages_listen(args: argparse.Namespace, out: Printer) -> int:
    from ..realtime import Connected, RealtimeEvent

    with _client(args) as client:
        realtime = client.realtime(resume_after=args.after)

        def show(event: RealtimeEvent | Connected) -> None:
            if out.as_json:
                out.document(_event_document(event))
            elif isinstance(event, Connected):
                out.line(f"Listening as @{event.handle}. Ctrl-C stops.")
            else:
                out.line(_event_line(event))

        realtime.on("*", show)
        realtime.on_connect(show)
        try:
            with realtime:
                realtime.wait(args.seconds)
        except KeyboardInterrupt:
            pass
        if not out.as_json and realtime.cursor:
            out.line(f"Resume with: agentkit listen --after {realtime.cursor}")
    return 0


def add_client_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    formatter: type[argparse.HelpFormatter],
) -> None:
    """Add the client commands to the ``agentkit`` parser."""

    def command(
        parent: argparse._SubParsersAction[argparse.ArgumentParser],
        name: str,
        run: Callable[[argparse.Namespace, Printer], int],
        help: str,
    ) -> argparse.ArgumentParser:
        parser = parent.add_parser(
            name, help=help, description=help, parents=[common], formatter_class=formatter
        )
        parser.set_defaults(run=run)
        return parser

    agents = commands.add_parser("agents", help="list and create agents", formatter_class=formatter)
    agent_commands = agents.add_subparsers(dest="agents_command", required=True, metavar="COMMAND")
    command(agent_commands, "list", agents_list, "list your agents")
    create = command(agent_commands, "create", agents_create, "create an agent")
    create.add_argument("name", help="a name, unique among your agents")
    create.add_argument("--instructions", help="the system instructions the agent follows")
    create.add_argument("--description", help="what the agent is for")
    create.add_argument(
        "--brain",
        choices=["echo", "scripted", "openai"],
        default=None,
        help="the runtime that answers (server default: echo)",
    )

    talk = command(commands, "chat", chat, "chat with an agent; its replies stream as they come")
    talk.add_argument("agent", metavar="AGENT", help="the agent's id, or its name")
    talk.add_argument(
        "-m", "--message", default=None, help="send this one message and exit (default: read lines)"
    )

    session = commands.add_parser(
        "session", help="send to a session, or follow its events", formatter_class=formatter
    )
    session_commands = session.add_subparsers(
        dest="session_command", required=True, metavar="COMMAND"
    )
    create_session = command(session_commands, "create", session_create, "start a session")
    create_session.add_argument("agent", metavar="AGENT", help="the agent's id, or its name")
    create_session.add_argument(
        "--title", default=None, help="a title (default: from the first message)"
    )
    send = command(session_commands, "send", session_send, "send a message and stream the turn")
    send.add_argument("session", metavar="SESSION", help="the session's id")
    send.add_argument("text", metavar="TEXT", help="the message")
    tail = command(session_commands, "tail", session_tail, "follow a session's events live")
    tail.add_argument("session", metavar="SESSION", help="the session's id")
    tail.add_argument(
        "--after", type=int, default=None, help="start after this event id (default: all)"
    )
    tail.add_argument("--no-follow", action="store_true", help="stop after the stored events")

    message = command(
        commands, "send", messages_send, "send a message to a handle, a conversation or a group"
    )
    message.add_argument(
        "target", metavar="TARGET", help="@handle, a conversation id (conv_...) or a group id"
    )
    message.add_argument("text", metavar="TEXT", help="the message")
    read = command(
        commands, "history", messages_history, "print a conversation's messages, oldest first"
    )
    read.add_argument("conversation", metavar="CONVERSATION", help="the conversation's id")
    read.add_argument(
        "--after", type=int, default=None, help="start after this seq (default: the first)"
    )
    listen = command(
        commands,
        "listen",
        messages_listen,
        "print messages and events as they arrive (stored ones first); Ctrl-C stops",
    )
    listen.add_argument(
        "--after",
        default=None,
        help="a delivery id handled already: resume after it (default: every stored delivery)",
    )
    listen.add_argument(
        "--seconds", type=float, default=None, help="stop after this long (default: never)"
    )
