# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""``client.sessions``: persistent sessions with an agent, their turns, events and tools."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from agentkit_api.models import (
    Deleted,
    Metadata,
    Session,
    SessionCreate,
    SessionDelta,
    SessionMessageSend,
    SessionSummary,
    SessionUpdate,
    TextPart,
    ToolResultsSubmit,
    UIChatRequest,
)
from agentkit_api.types import UNSET, Unset

from ..._errors import ValidationError
from ..._events import SessionEvent, stored_session_event
from ..._ids import IdInput, as_id
from ..._inputs import (
    ClientToolInput,
    MessageInput,
    ToolResultInput,
    as_client_tools,
    given,
    runnable_tools,
    to_client_tools,
    to_index_ids,
    to_message,
    to_metadata,
    to_tool_results,
)
from ..._response import APIResponse
from ..endpoint import endpoint
from ..pagination import Pager
from ..session import AgentSession
from ..streaming import SessionStream
from ..ui_stream import UIMessageStream
from ._base import SyncResource

__all__ = ["Sessions"]


def _send_body(
    message: MessageInput,
    index_ids: Iterable[IdInput] | None,
    require_all_indexes: bool | None,
    client_tools: Iterable[ClientToolInput] | None,
) -> SessionMessageSend:
    return SessionMessageSend(
        message=to_message(message),
        index_ids=UNSET if index_ids is None else to_index_ids(index_ids),
        require_all_indexes=given(require_all_indexes),
        client_tools=UNSET if client_tools is None else to_client_tools(client_tools),
    )


def _results_body(
    results: Iterable[ToolResultInput], client_tools: Iterable[ClientToolInput] | None
) -> ToolResultsSubmit:
    return ToolResultsSubmit(
        results=to_tool_results(results),
        client_tools=UNSET if client_tools is None else to_client_tools(client_tools),
    )


def _ui_body(request: MessageInput | UIChatRequest) -> dict[str, Any]:
    if isinstance(request, UIChatRequest):
        return request.to_dict()
    if isinstance(request, Mapping) and "messages" in request:
        if not isinstance(request["messages"], list) or not request["messages"]:
            raise ValidationError.client_side("messages", "a UI chat request needs messages")
        return dict(request)
    parts = to_message(request).parts
    texts = [part.content for part in parts if isinstance(part, TextPart)]
    if len(texts) != len(parts):
        raise ValidationError.client_side(
            "message.parts", "the UI message stream sends text parts only"
        )
    return {"messages": [{"role": "user", "parts": [{"type": "text", "text": "\n".join(texts)}]}]}


class Sessions(SyncResource):
    """Persistent sessions with an agent (LlamaCloud- and Roboto-style chat sessions).

    A session holds the conversation. Bind it to knowledge indexes at creation (they are locked
    by the first message) or name indexes per message. Each turn produces typed events (thinking
    and text deltas, tool calls and results, warnings, a ``stop`` with token usage) that you can
    stream live, replay from any event id, or page through; clients that poll use deltas.
    Client tools are run by your program: the session waits in ``client_tool_turn`` until you
    submit their results.

    ``start`` and ``open`` give an ``AgentSession``, an object that keeps the session's
    state and runs client tools for you; the other methods take and return plain models.
    A message can be a string, a part from ``agentkit.parts``, a list of parts and strings, or a
    dict in the wire format.
    """

    @endpoint
    def create(
        self,
        agent: IdInput,
        *,
        index_ids: Iterable[IdInput] | None = None,
        system_prompt: str | None = None,
        model_profile: str | None = None,
        client_tools: Iterable[ClientToolInput] | None = None,
        title: str | None = None,
        metadata: Mapping[str, object] | Metadata | None = None,
        idempotency_key: str | None = None,
    ) -> APIResponse[Session]:
        """Create a session with ``agent``, in status ``not_started``.

        Args:
            agent: The id of the agent that answers.
            index_ids: Binds the session to these indexes (at most 10); they cannot change once
                the first message is sent. Leave out for an unbound session, whose messages may
                each name indexes.
            system_prompt: Instructions for this session's agent turns.
            model_profile: The model the agent's brain uses, when it uses one.
            client_tools: Tools your program runs: ``ClientTool``s, functions (their schema is
                derived from type hints), ``ClientToolSpec``s or dicts.
            title: A title; otherwise the first message makes one (``generated_title``).
            metadata: Free-form JSON kept with the session.
            idempotency_key: Makes retries of this call safe across processes.

        Raises:
            AgentNotFoundError: No such agent among yours.
            IndexNotFoundError: An index does not exist (``field`` names it, ``index_ids[i]``).
            ValidationError: A field is not valid.
        """
        body = SessionCreate(
            agent_id=as_id(agent, "agent"),
            index_ids=UNSET if index_ids is None else to_index_ids(index_ids),
            system_prompt=given(system_prompt),
            model_profile=given(model_profile),
            client_tools=UNSET if client_tools is None else to_client_tools(client_tools),
            title=given(title),
            metadata=to_metadata(metadata),
        )
        return self._client._call("sessions_create", body=body, idempotency_key=idempotency_key)

    @endpoint
    def get(self, session_id: IdInput) -> APIResponse[Session]:
        """Get a session with all its messages.

        Raises:
            SessionNotFoundError: No such session among yours.
        """
        return self._client._call("sessions_get", session_id=session_id)

    @endpoint
    def update(
        self,
        session_id: IdInput,
        *,
        title: str | Unset | None = UNSET,
        system_prompt: str | Unset | None = UNSET,
        model_profile: str | Unset | None = UNSET,
        index_ids: Iterable[IdInput] | Unset = UNSET,
        client_tools: Iterable[ClientToolInput] | Unset = UNSET,
        metadata: Mapping[str, object] | Metadata | Unset = UNSET,
    ) -> APIResponse[Session]:
        """Change some fields of a session; those you leave out keep their value.

        ``None`` clears the title, system prompt or model profile. Changes apply from the next
        turn on.

        Raises:
            SessionNotFoundError: No such session among yours.
            SessionIndexesLockedError: ``index_ids`` would change after the first message.
            IndexNotFoundError: A new index does not exist.
        """
        body = SessionUpdate(
            title=title,
            system_prompt=system_prompt,
            model_profile=model_profile,
            index_ids=index_ids if isinstance(index_ids, Unset) else to_index_ids(index_ids),
            client_tools=(
                client_tools if isinstance(client_tools, Unset) else to_client_tools(client_tools)
            ),
            metadata=metadata if isinstance(metadata, Unset) else to_metadata(metadata),
        )
        return self._client._call("sessions_update", session_id=session_id, body=body)

    @endpoint
    def delete(self, session_id: IdInput) -> APIResponse[Deleted]:
        """Delete a session with its messages and events, cancelling a turn in progress.

        Raises:
            SessionNotFoundError: No such session among yours.
        """
        return self._client._call("sessions_delete", session_id=session_id)

    @endpoint
    def summary(self, session_id: IdInput) -> APIResponse[SessionSummary]:
        """A session's title, status, message count and token usage, without its messages.

        Raises:
            SessionNotFoundError: No such session among yours.
        """
        return self._client._call("sessions_get_summary", session_id=session_id)

    def list(self, *, agent: IdInput | None = None, page_size: int = 20) -> Pager[SessionSummary]:
        """Summaries of your sessions (optionally only with one agent), oldest first."""

        return self._cursor_pager(
            "sessions_list",
            page_size=page_size,
            agent_id=None if agent is None else as_id(agent, "agent"),
        )

    @endpoint
    def delta(
        self, session_id: IdInput, continuation_token: str | None = None
    ) -> APIResponse[SessionDelta]:
        """What changed since ``continuation_token`` (a session's or a previous delta's).

        The delta holds every message created or changed since then, whole, with its
        ``index``, plus the status, titles, usage and the next token. Without a token, every
        message is in it.

        Raises:
            SessionNotFoundError: No such session among yours.
        """
        return self._client._call(
            "sessions_get_delta", session_id=session_id, continuation_token=continuation_token
        )

    @endpoint
    def send(
        self,
        session_id: IdInput,
        message: MessageInput,
        *,
        index_ids: Iterable[IdInput] | None = None,
        require_all_indexes: bool | None = None,
        client_tools: Iterable[ClientToolInput] | None = None,
        idempotency_key: str | None = None,
    ) -> APIResponse[Session]:
        """Send a message; the agent's turn runs in the background.

        Returns at once with the session in ``agent_turn``. Follow the turn with ``events``,
        poll ``delta``, or use ``stream_send`` instead.

        Args:
            session_id: The session.
            message: The user's message.
            index_ids: Indexes to retrieve from for this message (unbound sessions only). An
                index that cannot be used is skipped with a ``warning`` event.
            require_all_indexes: Refuse the message instead of skipping an unknown index.
            client_tools: Replaces the session's client tools from this message on.
            idempotency_key: Makes retries of this call safe across processes.

        Raises:
            SessionNotFoundError: No such session among yours.
            SessionBusyError: A turn is running, or client tool results are awaited.
            SessionIndexesLockedError: A bound session was given other indexes.
            IndexNotFoundError: With ``require_all_indexes``, an index does not exist.
            ValidationError: The message is empty or not a message (caught before sending).
        """
        body = _send_body(message, index_ids, require_all_indexes, client_tools)
        return self._client._call(
            "sessions_send", session_id=session_id, body=body, idempotency_key=idempotency_key
        )

    def stream_send(
        self,
        session_id: IdInput,
        message: MessageInput,
        *,
        index_ids: Iterable[IdInput] | None = None,
        require_all_indexes: bool | None = None,
        client_tools: Iterable[ClientToolInput] | None = None,
        idempotency_key: str | None = None,
    ) -> SessionStream:
        """Send a message and stream the turn's events, from ``user_input`` to ``stop``.

        Takes the arguments of ``send``. The request is sent when the stream is entered or first
        iterated; its errors (``SessionBusyError``, ...) are raised then. A failed turn raises
        its exception after its ``stop`` event.
        """
        body = _send_body(message, index_ids, require_all_indexes, client_tools)
        return self._client._stream(
            SessionStream,
            "sessions_send_stream",
            session_id=session_id,
            body=body,
            idempotency_key=idempotency_key,
        )

    @endpoint
    def submit_tool_results(
        self,
        session_id: IdInput,
        results: Iterable[ToolResultInput],
        *,
        client_tools: Iterable[ClientToolInput] | None = None,
        idempotency_key: str | None = None,
    ) -> APIResponse[Session]:
        """Answer the pending client tool calls; the agent continues in the background.

        Args:
            session_id: The session, in ``client_tool_turn``.
            results: One result per pending call: ``ClientToolResult``s or dicts with
                ``tool_use_id``, ``status`` (``success``, ``error`` or ``declined``), and
                optionally ``output`` (a JSON object) and ``runtime_ms``.
            client_tools: Replaces the session's client tools from here on.
            idempotency_key: Makes retries of this call safe across processes.

        Raises:
            NoPendingToolCallsError: The session does not wait for tool results.
            ToolResultsMismatchError: The results do not answer exactly the pending calls.
            ValidationError: No result, or one without ``tool_use_id`` (caught before sending).
        """
        body = _results_body(results, client_tools)
        return self._client._call(
            "sessions_submit_tool_results",
            session_id=session_id,
            body=body,
            idempotency_key=idempotency_key,
        )

    def stream_tool_results(
        self,
        session_id: IdInput,
        results: Iterable[ToolResultInput],
        *,
        client_tools: Iterable[ClientToolInput] | None = None,
        idempotency_key: str | None = None,
    ) -> SessionStream:
        """Submit client tool results and stream the turn that follows, from the first
        ``tool_result`` event to ``stop``; the arguments and errors of
        ``submit_tool_results``."""
        body = _results_body(results, client_tools)
        return self._client._stream(
            SessionStream,
            "sessions_submit_tool_results_stream",
            session_id=session_id,
            body=body,
            idempotency_key=idempotency_key,
        )

    @endpoint
    def cancel(self, session_id: IdInput) -> APIResponse[Session]:
        """Cancel the turn in progress, or the pending client tool calls.

        The generating message keeps its partial text and ends ``cancelled``; a ``stop`` with
        reason ``cancelled`` is logged and the session returns to ``user_turn``. Cancelling an
        idle session changes nothing.

        Raises:
            SessionNotFoundError: No such session among yours.
        """
        return self._client._call("sessions_cancel", session_id=session_id)

    def events(
        self,
        session_id: IdInput,
        *,
        after: int | None = None,
        follow: bool = False,
        raise_on_error: bool = True,
    ) -> SessionStream:
        """Replay a session's events after event id ``after`` (default: all), then follow them.

        The stream ends once every stored event is sent and no turn is running, unless
        ``follow`` is true: then it stays open across turns until you close it (it is not
        subject to ``stream_idle_timeout`` between events, and when the server ends it after its
        follow limit it reconnects after the last event, transparently). A failed turn
        raises its exception after its ``stop``; pass ``raise_on_error=False`` to read through
        failed turns (their ``error`` events are then plain events).
        """
        return self._event_stream(
            session_id, after, follow=follow, raise_on_error=raise_on_error, stop_ends=False
        )

    def _event_stream(
        self,
        session_id: IdInput,
        after: int | None,
        *,
        follow: bool = False,
        raise_on_error: bool = True,
        stop_ends: bool,
    ) -> SessionStream:
        return self._client._stream(
            SessionStream,
            "sessions_events",
            session_id=session_id,
            after=after or None,
            follow=follow or None,
            options={
                "end_on_eof": True,
                "follow": follow,
                "raise_on_error": raise_on_error,
                "stop_ends": stop_ends,
            },
        )

    def history(self, session_id: IdInput, *, page_size: int = 100) -> Pager[SessionEvent]:
        """The session's stored events, oldest first, as JSON pages (up to 1000 per page).

        They are the same events a stream delivers; an unknown type is an ``UnknownEvent``.
        """

        return self._cursor_pager(
            "sessions_list_events",
            session_id=session_id,
            page_size=page_size,
            item=stored_session_event,
        )

    def stream_ui(
        self,
        session_id: IdInput,
        message: MessageInput | UIChatRequest,
        *,
        idempotency_key: str | None = None,
    ) -> UIMessageStream:
        """Send a message and stream the turn as a Vercel AI SDK UI message stream (v1).

        Args:
            session_id: The session.
            message: A message (its text parts are sent, joined by new lines), or the body an
                AI SDK front end posted (a dict with ``messages``, or a ``UIChatRequest``),
                passed on as it is so that a server can proxy ``useChat``.
            idempotency_key: Makes retries of this call safe across processes.

        Raises:
            ValidationError: The message has a part that is not text, or the request has no
                messages (caught before sending).
        """
        body = _ui_body(message)
        return self._client._stream(
            UIMessageStream,
            "sessions_send_ui_stream",
            session_id=session_id,
            body=body,
            idempotency_key=idempotency_key,
        )

    def start(
        self,
        agent: IdInput,
        message: MessageInput | None = None,
        *,
        index_ids: Iterable[IdInput] | None = None,
        system_prompt: str | None = None,
        model_profile: str | None = None,
        client_tools: Sequence[ClientToolInput] | None = None,
        title: str | None = None,
        metadata: Mapping[str, object] | Metadata | None = None,
    ) -> AgentSession:
        """Create a session and, given a message, send it; returns an ``AgentSession``.

        Takes the options of ``create``. The functions and ``ClientTool``s among
        ``client_tools`` are kept by the session object, so ``run`` can execute them. Makes one
        request, or two with a message (the agent then answers in the background: follow it
        with ``stream()``, ``await_user_turn()`` or use ``run()`` instead of ``message``).
        """
        tools = None if client_tools is None else as_client_tools(client_tools)
        record = self.create(
            agent,
            index_ids=index_ids,
            system_prompt=system_prompt,
            model_profile=model_profile,
            client_tools=tools,
            title=title,
            metadata=metadata,
        )
        session = AgentSession(self, record, tools=runnable_tools(tools or ()))
        if message is not None:
            session.send(message)
        return session

    def open(self, session_id: IdInput) -> AgentSession:
        """An ``AgentSession`` for an existing session (one GET of the session).

        Raises:
            SessionNotFoundError: No such session among yours.
        """
        return AgentSession(self, self.get(session_id))
