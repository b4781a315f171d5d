"""One-time codes: made, "sent" to the outbox, and checked with a bounded number of attempts.

Each address gets at most ``CODES_PER_HOUR`` codes at once, then one more each
``3600 / CODES_PER_HOUR`` seconds, whatever asks for them and whichever server instance does
(the count is kept in the store): past that, a request is answered as always but no code goes
out and its verification can never succeed, so starting verification after verification does not
multiply the guesses at a code.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from datetime import UTC, datetime
from typing import Any

from ..core.call import Call
from ..core.errors import ApiError
from ..core.ids import new_id
from ..core.store import RateLimitStore, Row
from .outbox import Outbox

__all__ = [
    "CODES_PER_HOUR",
    "CODE_TTL",
    "MAX_ATTEMPTS",
    "CodeThrottle",
    "check_code",
    "start_verification",
    "verification_failed",
]

CODE_TTL = 15 * 60.0
MAX_ATTEMPTS = 5
CODES_PER_HOUR = 5


class CodeThrottle:
    """How many codes each address may still be sent, counted in the store (so shared by every
    server instance on it)."""

    def __init__(self, store: RateLimitStore, per_hour: int = CODES_PER_HOUR) -> None:
        self._store = store
        self._per_hour = per_hour

    def allow(self, address: str) -> bool:
        """Whether another code may go to ``address`` now; counts it when it may."""
        # By digest: the store keeps no list of the addresses anyone asked codes for.
        name = "code:" + hashlib.sha256(address.encode()).hexdigest()
        taken, _ = self._store.take_rate_slot(name, self._per_hour, 3600.0, time.time())
        return taken


def _digest(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def start_verification(
    call: Call, purpose: str, send_to: str | None, text: str, **fields: Any
) -> Row:
    """Store a pending verification and send its code to ``send_to`` (no code without one).

    Returns the ``PendingVerification`` answer: it looks the same whether or not a code went out.
    """
    if send_to is not None and not call.state.service(CodeThrottle).allow(send_to):
        send_to, fields = None, {**fields, "blocked": True}
    code = f"{secrets.randbelow(1_000_000):06d}"
    expires = time.time() + CODE_TTL
    pending = {
        "id": new_id("pnd"),
        "purpose": purpose,
        "code": _digest(code),
        "expires": expires,
        **fields,
    }
    call.state.store.put_pending(pending)
    if send_to is not None:
        outbox = call.state.service(Outbox)
        outbox.send(send_to, purpose, code, text.format(code=code))
    stamp = datetime.fromtimestamp(expires, UTC).isoformat(timespec="seconds")
    return {"pending_id": pending["id"], "expires_at": stamp.replace("+00:00", "Z")}


def verification_failed() -> ApiError:
    """400 VERIFICATION_FAILED: one answer for every way a verification can fail."""
    return ApiError(
        "VERIFICATION_FAILED",
        "the code is wrong or expired, or the verification is unknown; start again for a new code",
        {"field": "code", "location": "body"},
    )


def check_code(call: Call, purpose: str) -> Row:
    """The pending verification the body's ``pending_id`` and ``code`` complete; it is used up.

    Raises:
        ApiError: 400 VERIFICATION_FAILED for an unknown or expired verification, another
            purpose's, a wrong code, or one past its attempts; the same answer for each.
    """
    store = call.state.store
    pending = store.get_pending(call.body["pending_id"])
    if pending is None or pending["purpose"] != purpose:
        raise verification_failed()
    if (
        pending["expires"] < time.time()
        or store.count_pending_attempt(pending["id"]) > MAX_ATTEMPTS
    ):
        store.delete_pending(pending["id"])
        raise verification_failed()
    if pending.get("blocked") or not hmac.compare_digest(
        pending["code"], _digest(call.body["code"].strip())
    ):
        raise verification_failed()
    store.delete_pending(pending["id"])
    return pending
