# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""``AgentSession``: one session as an object that keeps its state and runs client tools."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Self

from agentkit_api.models import (
    ClientToolResult,
    Deleted,
    Session,
    SessionMessage,
    SessionStatus,
    SessionSummary,
    SessionTextDeltaEvent,
    TokenUsage,
    ToolUseBlock,
)

from .._errors import APIStatusError, SessionTimeoutError, ToolRoundsExceededError, ValidationError
from .._events import SessionEvent
from .._ids import IdInput
from .._inputs import (
    ClientToolInput,
    MessageInput,
    ToolResultInput,
    as_client_tools,
    runnable_tools,
)
from .._session_state import merge_delta, pending_tool_calls, render_transcript
from .._tool_calls import (
    Registry,
    declined_result,
    error_result,
    prepare_run,
    resolve,
    success_result,
)
from ..tools import ClientTool
from .streaming import SessionStream

if TYPE_CHECKING:
    from .resources.sessions import Sessions

__all__ = ["AgentSession"]

EventCallback = Callable[[SessionEvent], Any]


def _event_id(event: SessionEvent) -> int:
    raw = event.id
    if isinstance(raw, int):
        return raw
    return int(raw) if raw.isdigit() else 0


def run_tool_calls(tools: Registry, calls: Iterable[ToolUseBlock]) -> list[ClientToolResult]:
    """Run the registered tools for ``calls``, one after another, and return their results.

    An unknown tool is declined; a tool that raises gives an ``error`` result.
    """
    results = []
    for call in calls:
        tool = tools.get(call.tool_name)
        if tool is None:
            results.append(declined_result(call))
            continue
        started = time.perf_counter()
        try:
            value = resolve(tool.invoke(call.input_.to_dict()))
        except Exception as exc:
            elapsed = int((time.perf_counter() - started) * 1000)
            results.append(error_result(call, exc, elapsed))
            continue
        results.append(success_result(call, value, int((time.perf_counter() - started) * 1000)))
    return results


class AgentSession:
    """A session with an agent, kept up to date as you use it (in the manner of Roboto's chat).

    Get one from ``client.sessions.start(...)`` or ``client.sessions.open(session_id)``; making
    the object itself sends nothing. Its methods that change the session return the object, so
    calls chain::

        session = client.sessions.start(agent.id, "Summarise the Q3 report")
        for text in session.stream():
            print(text, end="")
        session.send_text("And Q4?")
        session.await_user_turn()

    The object's view of the session (``record``) changes when it sends, streams or
    ``refresh()``es; ``stream()`` and ``stream_events()`` continue after the last event it has
    seen, or from where its latest message was sent.

    Args:
        sessions: The ``client.sessions`` namespace it calls.
        record: The session as last fetched.
        tools: Client tools ``run`` may execute, by name.
    """

    def __init__(
        self,
        sessions: Sessions,
        record: Session,
        *,
        tools: Mapping[str, ClientTool[..., Any]] | None = None,
    ) -> None:
        self._sessions = sessions
        self._record = record
        self._tools: Registry = dict(tools or {})
        self._cursor = record.last_event_id

    # ------------------------------------------------------------------ state

    @property
    def id(self) -> str:
        """The session's id (``ses_...``)."""
        return self._record.id

    @property
    def record(self) -> Session:
        """The session model as this object knows it."""
        return self._record

    @property
    def status(self) -> SessionStatus:
        """Whose turn it is: ``not_started``, ``agent_turn``, ``user_turn``, ``client_tool_turn``."""
        return self._record.status

    @property
    def title(self) -> str | None:
        """The title you set, else the one made from the first message."""
        return self._record.title

    @property
    def messages(self) -> list[SessionMessage]:
        """The messages, in order (user, assistant and tool messages)."""
        return self._record.messages

    @property
    def latest_message(self) -> SessionMessage | None:
        """The most recent message, or ``None`` before any."""
        return self._record.messages[-1] if self._record.messages else None

    @property
    def transcript(self) -> str:
        """The conversation as readable text, one paragraph per message."""
        return render_transcript(self._record.messages)

    @property
    def usage(self) -> TokenUsage:
        """The tokens the session's turns used, summed."""
        return self._record.usage

    @property
    def pending_tool_calls(self) -> list[ToolUseBlock]:
        """The client tool calls awaiting results (empty unless in ``client_tool_turn``)."""
        return pending_tool_calls(self._record)

    @property
    def tools(self) -> dict[str, ClientTool[..., Any]]:
        """The client tools ``run`` executes, by name."""
        return dict(self._tools)

    def is_not_started(self) -> bool:
        """Whether no message was sent yet."""
        return self.status == SessionStatus.NOT_STARTED

    def is_user_turn(self) -> bool:
        """Whether the session waits for your next message."""
        return self.status == SessionStatus.USER_TURN

    def is_agent_turn(self) -> bool:
        """Whether the agent is generating."""
        return self.status == SessionStatus.AGENT_TURN

    def is_client_tool_turn(self) -> bool:
        """Whether the agent waits for the results of client tool calls."""
        return self.status == SessionStatus.CLIENT_TOOL_TURN

    def __repr__(self) -> str:
        return f"{type(self).__name__}(id={self.id!r}, status={str(self.status)!r})"

    # ------------------------------------------------------------------ actions

    def _turn_begins(self) -> None:
        """The events of the turn about to start follow everything the record has seen."""
        self._cursor = max(self._cursor, self._record.last_event_id)

    def send(
        self,
        message: MessageInput,
        *,
        index_ids: Iterable[IdInput] | None = None,
        require_all_indexes: bool | None = None,
        client_tools: Sequence[ClientToolInput] | None = None,
    ) -> Self:
        """Send a message; the agent answers in the background. Returns the object.

        Follow the answer with ``stream()``, ``stream_events()`` or ``await_user_turn()``.
        ``client_tools`` replaces the session's client tools (and the object's runnable ones).

        Raises:
            SessionBusyError: A turn is running, or client tool results are awaited.
            ValidationError: The message is empty (caught before sending).
        """
        tools = None if client_tools is None else as_client_tools(client_tools)
        self._turn_begins()
        self._record = self._sessions.send(
            self.id,
            message,
            index_ids=index_ids,
            require_all_indexes=require_all_indexes,
            client_tools=tools,
        )
        if tools is not None:
            self._tools = runnable_tools(tools)
        return self

    def send_text(self, text: str) -> Self:
        """Send a text message; the same as ``send(text)``."""
        if not isinstance(text, str):
            raise ValidationError.client_side("message", "send_text takes a string")
        return self.send(text)

    def submit_tool_results(self, results: Iterable[ToolResultInput]) -> Self:
        """Answer the pending client tool calls yourself; the agent continues in the background.

        Raises:
            NoPendingToolCallsError: The session does not wait for tool results.
            ToolResultsMismatchError: The results do not answer exactly the pending calls.
        """
        self._turn_begins()
        self._record = self._sessions.submit_tool_results(self.id, results)
        return self

    def cancel(self) -> Self:
        """Cancel the turn in progress or the pending tool calls; the session returns to
        ``user_turn``."""
        self._record = self._sessions.cancel(self.id)
        return self

    def delete(self) -> Deleted:
        """Delete the session with its messages and events."""
        return self._sessions.delete(self.id)

    def summary(self) -> SessionSummary:
        """Fetch the session's summary (title, status, message count, usage)."""
        return self._sessions.summary(self.id)

    def refresh(self) -> Self:
        """Fetch what changed since the object's continuation token and merge it in.

        Messages are replaced or appended by index; status, titles, usage and the token are
        updated. One GET of the session's delta.
        """
        delta = self._sessions.delta(self.id, self._record.continuation_token)
        merge_delta(self._record, delta)
        return self

    # Roboto's signature, kept on purpose: the timeout bounds polling, not one awaitable.
    def await_user_turn(self, timeout: float | None = None, tick: float = 0.2) -> Self:
        """Poll (``refresh()`` every ``tick`` seconds) until the agent's turn is over.

        Returns once the session is no longer in ``agent_turn``: normally in ``user_turn``, or
        in ``client_tool_turn`` when the agent waits for your tools (see
        ``is_client_tool_turn()``).

        Raises:
            SessionTimeoutError: The turn went on for longer than ``timeout`` seconds (it is a
                builtin ``TimeoutError`` too).
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        self.refresh()
        while self.is_agent_turn():
            wait = tick
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise SessionTimeoutError(
                        f"session {self.id} was still in agent_turn after {timeout:g}s"
                    )
                wait = min(tick, left)
            time.sleep(wait)
            self.refresh()
        return self

    # ------------------------------------------------------------------ streams

    def _consume(self, stream: SessionStream) -> Iterator[SessionEvent]:
        """The stream's events; the object follows them, and refreshes once they end."""
        received = False
        try:
            for event in stream:
                received = True
                self._cursor = max(self._cursor, _event_id(event))
                yield event
        except APIStatusError:
            if stream.stop is not None:
                self.refresh()
            raise
        if received:
            self.refresh()

    def stream_events(self) -> Iterator[SessionEvent]:
        """The typed events of the turn in progress (or not yet streamed), until its ``stop``.

        Follows the session's event stream after the last event the object has seen (one GET,
        resumed transparently if the connection drops), then refreshes the object. Nothing is
        yielded when no turn is running and every event was seen.

        Raises:
            APIStatusError: The turn failed (after its ``stop``): the exception its code maps to.
        """
        stream = self._sessions._event_stream(self.id, self._cursor, stop_ends=True)
        with stream:
            for event in self._consume(stream):
                yield event

    def stream(self) -> Iterator[str]:
        """The text deltas of the turn in progress, as they arrive, until its ``stop``.

        The same as ``stream_events()``, keeping only the text.
        """
        for event in self.stream_events():
            if isinstance(event, SessionTextDeltaEvent):
                yield event.content

    def run(
        self,
        message: MessageInput | None = None,
        *,
        tools: Sequence[ClientToolInput] | None = None,
        on_event: EventCallback | None = None,
        max_tool_rounds: int = 10,
    ) -> Self:
        """Send ``message`` and see the turn through, running client tools, until ``user_turn``.

        The turn is streamed; ``on_event`` is called with every event. Whenever the agent stops
        in ``client_tool_turn``, the registered tools are run for the pending calls (a tool
        nobody registered is answered ``declined``; one that raises is answered ``error`` with
        ``{"error": message, "type": class name}``; a result that is not a dict is sent as
        ``{"result": value}``) and the results are submitted, streaming the turn that follows.

        Args:
            message: The message to send; leave out to continue a turn in progress, or to answer
                the pending tool calls.
            tools: Replaces the client tools, for the session (sent along with the message or the
                first results) and for this object: ``ClientTool``s or functions to run, or
                specs and dicts that are only declared.
            on_event: Called with each event (a plain function: a coroutine function is refused).
            max_tool_rounds: How many rounds of tool calls to answer before giving up.

        Raises:
            ToolRoundsExceededError: The agent asked for tools more than ``max_tool_rounds`` times.
            ValidationError: No message, and no turn in progress nor tool results awaited.
            TypeError: The sync client was given a coroutine function as a tool or callback.
            APIStatusError: A turn failed: the exception its error code maps to.
        """
        specs = None if tools is None else as_client_tools(tools)
        self._tools = prepare_run(self._tools.values() if specs is None else specs, on_event)
        stream: SessionStream | None = None
        if message is not None:
            self._turn_begins()
            stream = self._sessions.stream_send(self.id, message, client_tools=specs)
            specs = None
        elif self.is_agent_turn():
            stream = self._sessions._event_stream(self.id, self._cursor, stop_ends=True)
        elif not self.is_client_tool_turn():
            raise ValidationError.client_side(
                "message", "run() needs a message unless a turn is running or tools are awaited"
            )
        rounds = 0
        while True:
            if stream is not None:
                with stream:
                    for event in self._consume(stream):
                        if on_event is not None:
                            resolve(on_event(event))
            calls = self.pending_tool_calls
            if not calls:
                return self
            if rounds >= max_tool_rounds:
                raise ToolRoundsExceededError(
                    f"the agent asked for client tools more than {max_tool_rounds} times",
                    rounds=rounds,
                )
            rounds += 1
            results = run_tool_calls(self._tools, calls)
            self._turn_begins()
            stream = self._sessions.stream_tool_results(self.id, results, client_tools=specs)
            specs = None
