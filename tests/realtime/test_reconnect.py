"""When the client connects again, and when it never does."""

from __future__ import annotations

import random

import pytest

from agentkit.realtime import (
    Disconnected,
    RealtimeAuthError,
    RealtimeConnectionError,
    ReconnectPolicy,
)
from tests.realtime.harness import Pump, connect, make


def drop(pump: Pump, code: int = 1006) -> float:
    """Close the connection; the delay until the next attempt."""
    pump.core.closed(code, "gone")
    pump.run()
    event = pump.events[-1]
    assert isinstance(event, Disconnected) and event.reconnecting and event.delay is not None
    return event.delay


class TestBackoff:
    def test_the_delays_double_from_half_a_second_to_30_seconds(self) -> None:
        """0.5 s · 2^(n-1), at most 30 s, each within ±25%."""
        policy = ReconnectPolicy()
        rng = random.Random(1)
        for attempt in range(1, 16):
            base = min(0.5 * 2 ** min(attempt - 1, 10), 30.0)
            for _ in range(50):
                delay = policy.delay(attempt, rng)
                assert base * 0.75 <= delay <= base * 1.25

    def test_the_jitter_spreads_the_delays(self) -> None:
        """Clients do not all come back at the same moment."""
        policy = ReconnectPolicy()
        rng = random.Random(2)
        delays = {round(policy.delay(3, rng), 6) for _ in range(20)}
        assert len(delays) > 10

    def test_the_client_waits_the_delay_before_connecting_again(self) -> None:
        """No attempt before the delay has passed; one right after."""
        pump = make()
        connect(pump)
        delay = drop(pump)
        assert pump.core.next_deadline() == pytest.approx(pump.clock.now + delay)
        pump.tick(delay * 0.99)
        assert len(pump.connects) == 1
        pump.tick(delay * 0.02)
        assert len(pump.connects) == 2

    def test_failed_attempts_in_a_row_wait_longer_and_longer(self) -> None:
        """Each failed attempt doubles the wait (before jitter)."""
        pump = make(reconnect=ReconnectPolicy(jitter=0.0))
        connect(pump)
        delays = [drop(pump)]
        for _ in range(5):
            pump.tick(delays[-1])
            pump.core.open_failed(OSError("refused"))
            pump.run()
            event = pump.events[-1]
            assert isinstance(event, Disconnected) and event.delay is not None
            delays.append(event.delay)
        assert delays == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0]

    def test_the_count_resets_only_after_a_connection_stayed_up(self) -> None:
        """A connection up less than 30 s keeps the count; one up 30 s resets it."""
        pump = make(reconnect=ReconnectPolicy(jitter=0.0))
        connect(pump)
        assert drop(pump) == 0.5
        pump.tick(0.5)
        connect(pump)
        pump.tick(10)
        assert drop(pump) == 1.0
        pump.tick(1.0)
        connect(pump)
        pump.tick(30)
        assert drop(pump) == 0.5

    def test_too_many_attempts_stop_the_client(self) -> None:
        """With ``max_attempts`` the client gives up with a connection error."""
        pump = make(reconnect=ReconnectPolicy(max_attempts=2, jitter=0.0))
        pump.core.start()
        pump.run()
        for _ in range(3):
            pump.core.open_failed(OSError("refused"))
            pump.tick(10)
        (stopped,) = pump.stopped
        assert isinstance(stopped.error, RealtimeConnectionError)
        assert len(pump.connects) == 3


class TestTerminalCodes:
    @pytest.mark.parametrize("code", [4401, 4403, 1008])
    def test_an_auth_close_stops_for_good(self, code: int) -> None:
        """4401, 4403 and 1008 end the client with a typed auth error and no reconnect."""
        pump = make()
        connect(pump)
        pump.core.closed(code, "unauthorized")
        pump.run()
        (stopped,) = pump.stopped
        assert isinstance(stopped.error, RealtimeAuthError) and stopped.error.code == code
        assert pump.errors == [stopped.error]
        pump.tick(120)
        assert len(pump.connects) == 1 and pump.core.state == "stopped"

    @pytest.mark.parametrize("code", [1000, 1001, 1006, 1011, 1012, 4408])
    def test_other_closes_reconnect(self, code: int) -> None:
        """Every other close code is transient."""
        pump = make()
        connect(pump)
        drop(pump, code)
        pump.tick(1)
        assert len(pump.connects) == 2
