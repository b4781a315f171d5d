"""The realtime chaos scenario, for one server or several behind one address: senders send
across many conversations while a proxy drops, delays and reorders websocket frames and kills
connections; every receiver's handler must see every message exactly once, in seq order per
conversation."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any, Protocol

from agentkit.realtime import RealtimeSettings, ReconnectPolicy, SequenceGap
from agentkit.realtime._rest import fetch_sync
from agentkit.realtime._socket import websockets_factory, websockets_sync_factory
from agentkit.types import Message
from tests.chaos.ws_proxy import FrameFaultProxy
from tests.realtime.live import Identity, Realtime, register, wait_until

SENDERS = 4
RECEIVERS = 3
# A send the server may have stored without answering (its instance died) is sent again with
# its client_msg_id, at most this many times.
RESENDS = 10


class Served(Protocol):
    """What the scenario needs of the server: where it is, and the codes it sent."""

    base_url: str

    def last_code(self, email: str, purpose: str | None = None) -> str | None: ...


def deadline_for(messages: int) -> float:
    """Seconds the scenario waits at most for each phase: generous for the full run on a
    loaded 2-core machine; the default run takes seconds."""
    return 60 + messages * 0.05


class Receiver:
    """A receiver's realtime client and what its handler saw, by conversation."""

    def __init__(self, identity: Identity, realtime: Realtime) -> None:
        self.identity = identity
        self.realtime = realtime
        self.seen: dict[str, list[Message]] = defaultdict(list)
        self.gaps: list[SequenceGap] = []
        self.count = 0
        self._lock = threading.Lock()
        realtime.rt.on_message(self.handle)
        realtime.rt.on_sequence_gap(self.gaps.append)
        self.errors: list[Exception] = []
        realtime.rt.on_error(self.errors.append)

    def handle(self, message: Message) -> None:
        with self._lock:
            self.seen[message.conversation_id].append(message)
            self.count += 1


def _send_all(
    sender: Identity,
    receivers: list[Identity],
    count: int,
    sent: list[tuple[str, Message]],
    deadline: float,
    resend_on: tuple[type[Exception], ...],
) -> None:
    """Send ``count`` messages round-robin to the receivers; record (recipient, message)."""
    for i in range(count):
        if time.monotonic() > deadline:
            return
        receiver = receivers[i % len(receivers)]
        client_msg_id = f"{sender.handle}-{i}"
        for attempt in range(RESENDS + 1):
            try:
                message = sender.rest.messages.send(
                    f"{sender.handle} #{i}", to=receiver.handle, client_msg_id=client_msg_id
                )
                break
            except resend_on:
                if attempt == RESENDS or time.monotonic() > deadline:
                    raise
        sent.append((receiver.handle, message))


def every_message_once_in_order(
    server: Served,
    proxy: FrameFaultProxy,
    kind: str,
    messages: int,
    *,
    midway: Callable[[], None] | None = None,
    resend_on: tuple[type[Exception], ...] = (),
    on_receiver: Callable[[Identity], None] | None = None,
) -> dict[str, dict[str, list[str]]]:
    """Run the scenario and assert its outcome; the ids of the messages each receiver got,
    by handle and conversation.

    ``midway`` runs once a third of the messages arrived (by default every connection is cut
    then, so that each run goes through reconnects whatever the random draws); ``resend_on``
    are the errors after which a send is made again with its ``client_msg_id``;
    ``on_receiver`` is called with each receiver's identity before anything is sent (to
    register a webhook endpoint, say).
    """
    deadline = deadline_for(messages)
    senders = [register(server, "sender") for _ in range(SENDERS)]
    receivers: list[Receiver] = []
    inner: Any = websockets_sync_factory() if kind == "sync" else websockets_factory()
    options = {
        "connection_factory": lambda url: inner(proxy.url),
        "settings": RealtimeSettings(gap_timeout=0.25),
        "reconnect": ReconnectPolicy(base=0.05, cap=0.5),
    }
    try:
        for _ in range(RECEIVERS):
            identity = register(server, "receiver")
            if on_receiver is not None:
                on_receiver(identity)
            receiver = Receiver(identity, Realtime(kind, server.base_url, identity.key, **options))
            receiver.realtime.connect()
            receivers.append(receiver)
        sent: dict[str, list[tuple[str, Message]]] = {s.handle: [] for s in senders}
        ends = time.monotonic() + deadline
        threads = [
            threading.Thread(
                target=_send_all,
                args=(
                    s,
                    [r.identity for r in receivers],
                    messages // SENDERS,
                    sent[s.handle],
                    ends,
                    resend_on,
                ),
            )
            for s in senders
        ]
        for thread in threads:
            thread.start()
        wait_until(lambda: sum(r.count for r in receivers) >= messages // 3, timeout=deadline)
        (midway or proxy.kill_all)()
        for thread in threads:
            thread.join(deadline)
        assert sum(map(len, sent.values())) == messages // SENDERS * SENDERS

        # The last message of a conversation may have been dropped with no later one to
        # reveal the hole: once calm, one more reconnection drains what is still stored.
        proxy.calm()
        proxy.kill_all()
        by_handle = {r.identity.handle: r for r in receivers}
        expected: dict[str, dict[str, list[str]]] = {handle: {} for handle in by_handle}
        for records in sent.values():  # one sender's, in the order sent: seq order
            for recipient, message in records:
                conversation = expected[recipient].setdefault(message.conversation_id, [])
                conversation.append(message.id)
        totals = {h: sum(len(v) for v in convs.values()) for h, convs in expected.items()}
        assert wait_until(
            lambda: all(by_handle[h].count >= totals[h] for h in totals), timeout=deadline
        ), _missing(expected, by_handle)
        time.sleep(0.5)  # anything handled twice would show up by now

        for handle, conversations in expected.items():
            receiver = by_handle[handle]
            assert set(receiver.seen) == set(conversations)
            for conversation_id, ids in conversations.items():
                seen = receiver.seen[conversation_id]
                assert [m.id for m in seen] == ids, f"{handle} {conversation_id}"
                assert [m.seq for m in seen] == list(range(1, len(ids) + 1))
        faults = proxy.counts
        assert faults["dropped"] and faults["reordered"] and faults["killed"], faults
        assert faults["connections"] > RECEIVERS
        return expected
    finally:
        for receiver in receivers:
            receiver.realtime.close()
        for sender in senders:
            sender.rest.close()


def _missing(expected: dict[str, dict[str, list[str]]], by_handle: dict[str, Receiver]) -> str:
    """What a receiver lacks, with its gap reports, errors and what the server still stores."""
    lines = []
    for handle, conversations in expected.items():
        receiver = by_handle[handle]
        got = {m.id for ms in receiver.seen.values() for m in ms}
        lacking = [i for ids in conversations.values() for i in ids if i not in got]
        if lacking:
            rows, _ = fetch_sync(receiver.identity.rest, None, 500)
            lines.append(
                f"{handle}: lacks {lacking}; gaps {receiver.gaps}; errors {receiver.errors!r}; "
                f"stored {[m.id for _, m in rows]}; state {receiver.realtime.rt!r}"
            )
    return "\n".join(lines)
