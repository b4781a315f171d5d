"""Verify and read the webhooks agentkit sends; sign your own for tests.

Every webhook request carries two signature schemes over the same raw body, made with the
endpoint's secret (``whsec_`` and the base64 of random bytes):

- ``Agentkit-Signature: t=<unix seconds>,v1=<hex>``: HMAC-SHA256 keyed with the whole secret
  string, over ``"<t>.<body>"``; Stripe's scheme, so Stripe's verifier accepts it too.
- ``webhook-id``, ``webhook-timestamp`` and ``webhook-signature: v1,<base64>``: Standard
  Webhooks, HMAC-SHA256 keyed with the decoded bytes after ``whsec_``, over
  ``"<id>.<timestamp>.<body>"``.

During a secret rotation each header carries one signature per secret. ``verify`` accepts
either scheme, any of several signatures and any of several secrets, checks the MAC over the
raw bytes in constant time before reading any JSON, and refuses timestamps too far in the past
or the future::

    from agentkit import webhooks

    event = webhooks.unwrap(request_body_bytes, request.headers, secret)
    if isinstance(event, MessageNewWebhookEvent):  # from agentkit.types
        print(event.data.content.text)

Functions only: no client, no network.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets as _random
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

from ._errors import WebhookFailure, WebhookVerificationError

if TYPE_CHECKING:
    from agentkit_api.models import (
        GroupDeletedWebhookEvent,
        GroupInviteReceivedWebhookEvent,
        MessageNewWebhookEvent,
        MessageReadWebhookEvent,
        PresenceUpdateWebhookEvent,
        RateLimitWarningWebhookEvent,
        WebhookTestEvent,
    )

__all__ = [
    "DEFAULT_TOLERANCE",
    "SIGNATURE_HEADER",
    "Headers",
    "Secrets",
    "UnknownWebhookEvent",
    "WebhookEvent",
    "WebhookVerificationError",
    "generate_secret",
    "sign",
    "unwrap",
    "verify",
]

#: Seconds a signature's timestamp may be away from now, in either direction.
DEFAULT_TOLERANCE = 300
#: The Stripe-compatible signature header.
SIGNATURE_HEADER = "Agentkit-Signature"
_SECRET_PREFIX = "whsec_"
# Bounds on what a sender controls, so a hostile request cannot make verification slow.
_MAX_HEADER = 8192
_MAX_SIGNATURES = 16

Headers: TypeAlias = Mapping[str, str] | Iterable[tuple[str, str]]
"""Request headers: any mapping (``request.headers`` of Starlette, Flask, Django, aiohttp) or
``(name, value)`` pairs; names in any case."""

Secrets: TypeAlias = str | bytes | Sequence[str | bytes]
"""One secret, or several (during a rotation, say): a ``whsec_...`` string, or raw key bytes."""


@dataclass(frozen=True, slots=True)
class UnknownWebhookEvent:
    """A verified event of a type this version of the SDK has no model for.

    Attributes:
        id: The event id (``webhook-id``), the same on every retry.
        type_: The event type, such as ``presence.update`` (``type_`` as on the typed
            events, whose models cannot name a field ``type``).
        created_at: When it happened (RFC 3339), when the body says.
        data: The event's ``data``, as sent.
        raw: The whole body, parsed.
    """

    id: str
    type_: str
    created_at: str | None
    data: Any
    raw: dict[str, Any]

    @property
    def type(self) -> str:
        """The event type, by its wire name (the same as ``type_``)."""
        return self.type_


_TypedWebhookEvent: TypeAlias = (
    "MessageNewWebhookEvent | MessageReadWebhookEvent | PresenceUpdateWebhookEvent"
    " | GroupInviteReceivedWebhookEvent | GroupDeletedWebhookEvent"
    " | RateLimitWarningWebhookEvent | WebhookTestEvent"
)
WebhookEvent: TypeAlias = "_TypedWebhookEvent | UnknownWebhookEvent"
"""What ``unwrap`` returns: a typed model for the known event types, else ``UnknownWebhookEvent``."""


def generate_secret() -> str:
    """A new secret in the format agentkit uses: ``whsec_`` and the base64 of 32 random bytes."""
    return _SECRET_PREFIX + base64.b64encode(_random.token_bytes(32)).decode("ascii")


def sign(
    payload: bytes,
    secret: Secrets,
    *,
    timestamp: int | None = None,
    msg_id: str | None = None,
) -> dict[str, str]:
    """The signature headers agentkit would send with ``payload``: for your own tests.

    Args:
        payload: The exact body bytes.
        secret: The secret, or several (each signs; a receiver holding any of them verifies).
        timestamp: Unix seconds to sign at; now by default.
        msg_id: The ``webhook-id``; the payload's ``id`` when it is a JSON object with one,
            else a fresh one.

    Returns:
        ``Agentkit-Signature``, ``webhook-id``, ``webhook-timestamp`` and ``webhook-signature``.

    Raises:
        TypeError: ``payload`` is not bytes.
        ValueError: No secret was given, a secret cannot be used for one of the schemes, or
            ``msg_id`` or ``timestamp`` cannot be signed.
    """
    body = _body_bytes(payload)
    keys = _secrets(secret)
    moment = int(time.time()) if timestamp is None else timestamp
    if isinstance(moment, bool) or not isinstance(moment, int) or not 0 <= moment < 10**12:
        raise ValueError("timestamp must be Unix seconds: an integer from 0 to 10**12 - 1")
    ident = msg_id if msg_id is not None else _payload_id(body)
    if not ident or "." in ident or any(c.isspace() for c in ident):
        raise ValueError("msg_id must be non-empty, without dots or spaces")
    stripe_sigs = [_stripe_mac(_stripe_key(key), moment, body).hex() for key in keys]
    standard = []
    for key in keys:
        standard_key = _standard_key(key)
        if standard_key is None:
            raise ValueError("a str secret must be 'whsec_' and base64 to sign Standard Webhooks")
        mac = _standard_mac(standard_key, ident, moment, body)
        standard.append("v1," + base64.b64encode(mac).decode("ascii"))
    return {
        SIGNATURE_HEADER: f"t={moment}," + ",".join(f"v1={sig}" for sig in stripe_sigs),
        "webhook-id": ident,
        "webhook-timestamp": str(moment),
        "webhook-signature": " ".join(standard),
    }


def verify(
    payload: bytes,
    headers: Headers,
    secret: Secrets,
    *,
    tolerance: float | None = DEFAULT_TOLERANCE,
    now: float | None = None,
    allow_legacy_hex: bool = False,
) -> dict[str, Any]:
    """Check that ``payload`` was signed with ``secret`` recently; the JSON object it holds.

    ``Agentkit-Signature`` is checked when present, else the Standard Webhooks headers. The
    MAC over the raw bytes is compared in constant time first, then the timestamp, and only
    then is the body parsed.

    Args:
        payload: The raw request body, exactly as received (not re-serialised JSON).
        headers: The request headers.
        secret: The endpoint's secret, or several (old and new during a rotation).
        tolerance: Seconds the signed timestamp may differ from ``now``, either way; ``None``
            turns the check off (which lets a captured request be replayed forever).
        now: The current Unix time; the clock by default.
        allow_legacy_hex: Also accept an ``Agentkit-Signature`` that is a bare hex digest of
            ``"<t>.<body>"``, with ``t`` from the ``webhook-timestamp`` header (a digest
            without a timestamp could be replayed forever, so it is never accepted).

    Raises:
        TypeError: ``payload`` is a ``str`` (or not bytes at all).
        ValueError: No secret was given.
        WebhookVerificationError: With its ``reason``: ``missing_signature``,
            ``malformed_signature``, ``bad_signature``, ``timestamp_skew`` or
            ``malformed_payload`` (signed, but not a UTF-8 JSON object).
    """
    body = _body_bytes(payload)
    keys = _secrets(secret)
    found = _lowered(headers)
    stripe_header = found.get(SIGNATURE_HEADER.lower())
    if stripe_header is not None:
        moment = _check_stripe(body, stripe_header, found, keys, allow_legacy_hex)
    elif "webhook-signature" in found:
        moment = _check_standard(body, found, keys)
    else:
        raise _failure(
            "missing_signature",
            f"the request has neither an {SIGNATURE_HEADER} nor a webhook-signature header",
        )
    if tolerance is not None:
        current = time.time() if now is None else now
        if abs(current - moment) > tolerance:
            when = "in the future" if moment > current else "ago"
            raise _failure(
                "timestamp_skew",
                f"the signature's timestamp is {abs(current - moment):.0f} s {when};"
                f" at most {tolerance:g} s is accepted",
            )
    return _parse(body)


def unwrap(
    payload: bytes,
    headers: Headers,
    secret: Secrets,
    *,
    tolerance: float | None = DEFAULT_TOLERANCE,
    now: float | None = None,
    allow_legacy_hex: bool = False,
) -> WebhookEvent:
    """``verify``, then read the event into its model (``UnknownWebhookEvent`` for a type
    this SDK does not know, so a newer server's events are kept, not refused).

    Raises:
        TypeError: ``payload`` is a ``str`` (or not bytes at all).
        ValueError: No secret was given.
        WebhookVerificationError: As ``verify``; ``malformed_payload`` also for an object
            without a string ``id`` and ``type``, or a known event type without its fields.
    """
    event = verify(
        payload,
        headers,
        secret,
        tolerance=tolerance,
        now=now,
        allow_legacy_hex=allow_legacy_hex,
    )
    return _typed(event)


# ------------------------------------------------------------------------------ inputs


def _body_bytes(payload: object) -> bytes:
    if isinstance(payload, str):
        raise TypeError(
            "pass the raw request body as bytes (request.body(), request.get_data()), not str:"
            " the signature covers the exact bytes sent, and JSON decoded and encoded again"
            " (other spacing, key order or escapes) never verifies"
        )
    if isinstance(payload, bytes | bytearray | memoryview):
        return bytes(payload)
    raise TypeError(f"payload must be the raw body as bytes, not {type(payload).__name__}")


def _secrets(secret: Secrets) -> list[str | bytes]:
    keys: list[str | bytes] = [secret] if isinstance(secret, str | bytes) else list(secret)
    for key in keys:
        if not isinstance(key, str | bytes):
            raise TypeError(f"a secret must be str or bytes, not {type(key).__name__}")
    keys = [key for key in keys if key and key != _SECRET_PREFIX]
    if not keys:
        raise ValueError("no webhook secret was given (it starts with 'whsec_')")
    return keys


def _lowered(headers: Headers) -> dict[str, str]:
    pairs = headers.items() if isinstance(headers, Mapping) else headers
    found: dict[str, str] = {}
    for name, value in pairs:
        if isinstance(name, bytes):
            name = name.decode("latin-1")
        if isinstance(value, bytes):
            value = value.decode("latin-1")
        found[str(name).lower()] = str(value)
    return found


def _failure(reason: WebhookFailure, message: str) -> WebhookVerificationError:
    return WebhookVerificationError(message, reason=reason)


def _unix_seconds(text: str, header: str) -> int:
    # ASCII digits only: int() would also take " 12", "+12", "1_2" and other digits ("١٢").
    if not text or len(text) > 12 or not (text.isascii() and text.isdigit()):
        raise _failure("malformed_signature", f"{header}: the timestamp must be Unix seconds")
    return int(text)


# ------------------------------------------------------------------------------ keys and MACs


def _stripe_key(secret: str | bytes) -> bytes:
    return secret.encode("utf-8") if isinstance(secret, str) else secret


def _standard_key(secret: str | bytes) -> bytes | None:
    if isinstance(secret, bytes):
        return secret
    encoded = secret.removeprefix(_SECRET_PREFIX)
    try:
        return base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def _stripe_mac(key: bytes, moment: int, body: bytes) -> bytes:
    return hmac.new(key, str(moment).encode("ascii") + b"." + body, hashlib.sha256).digest()


def _standard_mac(key: bytes, ident: str, moment: int, body: bytes) -> bytes:
    signed = ident.encode("utf-8") + b"." + str(moment).encode("ascii") + b"." + body
    return hmac.new(key, signed, hashlib.sha256).digest()


def _any_match(expected: list[bytes], given: list[bytes]) -> bool:
    matched = False
    for mac in expected:
        for signature in given:
            # Every pair is compared, so the time taken does not tell which one matched.
            matched |= hmac.compare_digest(mac, signature)
    return matched


# ------------------------------------------------------------------------------ the schemes


def _check_stripe(
    body: bytes,
    header: str,
    found: Mapping[str, str],
    keys: list[str | bytes],
    allow_legacy_hex: bool,
) -> int:
    if len(header) > _MAX_HEADER:
        raise _failure("malformed_signature", f"{SIGNATURE_HEADER} is too long")
    text = header.strip()
    if "=" not in text and "," not in text:
        if not allow_legacy_hex:
            raise _failure(
                "malformed_signature",
                f"{SIGNATURE_HEADER} is a bare digest; it needs 't=<unix>,v1=<hex>'"
                " (pass allow_legacy_hex=True to accept bare digests with webhook-timestamp)",
            )
        stamp = found.get("webhook-timestamp")
        if stamp is None:
            raise _failure(
                "malformed_signature", "a bare-digest signature needs a webhook-timestamp header"
            )
        moment = _unix_seconds(stamp.strip(), "webhook-timestamp")
        signatures = [_hex_signature(text)]
    else:
        moment, signatures = _parse_stripe_header(text)
    expected = [_stripe_mac(_stripe_key(key), moment, body) for key in keys]
    if not _any_match(expected, signatures):
        raise _failure(
            "bad_signature", f"no {SIGNATURE_HEADER} signature matches the body and the secret"
        )
    return moment


def _parse_stripe_header(text: str) -> tuple[int, list[bytes]]:
    moment: int | None = None
    signatures: list[bytes] = []
    for item in text.split(","):
        key, sep, value = item.strip().partition("=")
        if not sep:
            raise _failure("malformed_signature", f"{SIGNATURE_HEADER}: {item!r} is not key=value")
        if key == "t" and moment is None:
            moment = _unix_seconds(value, SIGNATURE_HEADER)
        elif key == "v1":
            signatures.append(_hex_signature(value))
    if moment is None:
        raise _failure("malformed_signature", f"{SIGNATURE_HEADER} has no t=<unix seconds>")
    if not signatures:
        raise _failure("malformed_signature", f"{SIGNATURE_HEADER} has no v1 signature")
    if len(signatures) > _MAX_SIGNATURES:
        raise _failure("malformed_signature", f"{SIGNATURE_HEADER} has too many signatures")
    return moment, signatures


def _hex_signature(value: str) -> bytes:
    if len(value) != 64:
        raise _failure("malformed_signature", "a v1 signature is 64 hex digits")
    try:
        return bytes.fromhex(value)
    except ValueError:
        raise _failure("malformed_signature", "a v1 signature is 64 hex digits") from None


def _check_standard(body: bytes, found: Mapping[str, str], keys: list[str | bytes]) -> int:
    header = found["webhook-signature"]
    ident = found.get("webhook-id")
    stamp = found.get("webhook-timestamp")
    if ident is None or stamp is None:
        raise _failure(
            "malformed_signature", "webhook-signature needs webhook-id and webhook-timestamp"
        )
    if len(header) > _MAX_HEADER or len(ident) > 256:
        raise _failure("malformed_signature", "webhook-signature or webhook-id is too long")
    moment = _unix_seconds(stamp.strip(), "webhook-timestamp")
    signatures: list[bytes] = []
    for entry in header.split():
        version, sep, value = entry.partition(",")
        if not sep:
            raise _failure(
                "malformed_signature", f"webhook-signature: {entry!r} is not v1,<base64>"
            )
        if version != "v1":
            continue
        try:
            signatures.append(base64.b64decode(value, validate=True))
        except (binascii.Error, ValueError):
            raise _failure("malformed_signature", "webhook-signature: v1 is not base64") from None
    if not signatures:
        raise _failure("malformed_signature", "webhook-signature has no v1 signature")
    if len(signatures) > _MAX_SIGNATURES:
        raise _failure("malformed_signature", "webhook-signature has too many signatures")
    expected = [
        _standard_mac(key, ident, moment, body)
        for key in (_standard_key(secret) for secret in keys)
        if key is not None
    ]
    if not _any_match(expected, signatures):
        raise _failure("bad_signature", "no webhook-signature matches the body and the secret")
    return moment


# ------------------------------------------------------------------------------ the body


def _payload_id(body: bytes) -> str:
    try:
        parsed = json.loads(body)
    except ValueError:
        parsed = None
    if isinstance(parsed, dict) and isinstance(parsed.get("id"), str) and parsed["id"]:
        return str(parsed["id"])
    return "msg_" + _random.token_hex(12)


def _parse(body: bytes) -> dict[str, Any]:
    try:
        event = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _failure("malformed_payload", "the signed body is not UTF-8 JSON") from None
    if not isinstance(event, dict):
        raise _failure("malformed_payload", "the signed body is not a JSON object")
    return event


def _typed(event: dict[str, Any]) -> WebhookEvent:
    from agentkit_api import models

    if not isinstance(event.get("type"), str) or not isinstance(event.get("id"), str):
        raise _failure("malformed_payload", "the event has no string 'id' and 'type'")
    by_type: dict[str, Any] = {
        "message.new": models.MessageNewWebhookEvent,
        "message.read": models.MessageReadWebhookEvent,
        "presence.update": models.PresenceUpdateWebhookEvent,
        "group.invite.received": models.GroupInviteReceivedWebhookEvent,
        "group.deleted": models.GroupDeletedWebhookEvent,
        "rate_limit.warning": models.RateLimitWarningWebhookEvent,
        "webhook.test": models.WebhookTestEvent,
    }
    model = by_type.get(event["type"])
    if model is None:
        created = event.get("created_at")
        return UnknownWebhookEvent(
            id=event["id"],
            type_=event["type"],
            created_at=created if isinstance(created, str) else None,
            data=event.get("data"),
            raw=event,
        )
    try:
        typed: _TypedWebhookEvent = model.from_dict(event)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _failure(
            "malformed_payload", f"a {event['type']} event without its fields: {exc}"
        ) from None
    return typed
