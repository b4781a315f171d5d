"""The agentkit exception hierarchy.

``AgentKitError`` is the root. ``APIStatusError`` subclasses map error codes and HTTP statuses to
classes, so callers can catch exactly what they handle::

    AgentKitError
     ├── APIError
     │    ├── APIStatusError            (the server answered with an error)
     │    │    ├── BadRequestError (400) ── ValidationError, InvalidChatMessageError,
     │    │    │                                ToolResultsMismatchError
     │    │    ├── AuthenticationError (401; also UnauthorizedError)
     │    │    ├── PermissionDeniedError (403) ── ForbiddenError, BlockedError,
     │    │    │                                  SuspendedError, RestrictedError,
     │    │    │                                  AwaitingReplyError
     │    │    ├── NotFoundError (404) ── AgentNotFoundError, ChatNotFoundError,
     │    │    │                          SessionNotFoundError, IndexNotFoundError,
     │    │    │                          ModelNotFoundError, ...
     │    │    ├── ConflictError (409) ── ChatAlreadyClosedError, SessionBusyError, ...
     │    │    ├── RequestTimeoutError (408), RequestTooLargeError (413),
     │    │    │   UnsupportedMediaTypeError (415)
     │    │    ├── RateLimitedError (429)
     │    │    └── ServerError (5xx) ── InternalServerError ── AgentFailedError,
     │    │                                                     TurnInterruptedError, ...
     │    ├── APIConnectionError ── APITimeoutError
     │    └── APIResponseValidationError
     ├── ConfigurationError (also a builtin ValueError)
     ├── PaginationLoopError
     ├── StreamError
     ├── SessionTimeoutError (also a builtin TimeoutError)
     ├── ToolRoundsExceededError
     └── WebhookVerificationError (also a builtin ValueError)
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, ClassVar, Literal

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AgentFailedError",
    "AgentKitError",
    "AgentNameTakenError",
    "AgentNotFoundError",
    "AttachmentNotFoundError",
    "AuthenticationError",
    "AvatarTooLargeError",
    "AwaitingReplyError",
    "BadRequestError",
    "BlockedError",
    "ChatAlreadyClosedError",
    "ChatBufferOverflowError",
    "ChatIdTakenError",
    "ChatNotActiveError",
    "ChatNotFoundError",
    "ClientMsgIdReusedError",
    "ConfigurationError",
    "ConflictError",
    "ContactNotFoundError",
    "ConversationNotFoundError",
    "DocumentNotFoundError",
    "ForbiddenError",
    "GroupDeletedError",
    "GroupNotFoundError",
    "GuardrailNameTakenError",
    "GuardrailNotFoundError",
    "HandleTakenError",
    "IdempotencyKeyReusedError",
    "IdentityNotFoundError",
    "IndexNotFoundError",
    "InternalServerError",
    "InvalidChatMessageError",
    "InviteNotFoundError",
    "MessageNotFoundError",
    "MethodNotAllowedError",
    "ModelNotFoundError",
    "MuteNotFoundError",
    "NoPendingToolCallsError",
    "NotFoundError",
    "PaginationLoopError",
    "PermissionDeniedError",
    "ProviderNameTakenError",
    "ProviderNotFoundError",
    "ProviderReadOnlyError",
    "ProviderUnreachableError",
    "RateLimitedError",
    "RecipientBackloggedError",
    "RequestTimeoutError",
    "RequestTooLargeError",
    "RestrictedError",
    "ServerError",
    "SessionBusyError",
    "SessionIndexesLockedError",
    "SessionNotFoundError",
    "SessionTimeoutError",
    "StreamError",
    "SuspendedError",
    "ToolResultsMismatchError",
    "ToolRoundsExceededError",
    "TurnInterruptedError",
    "UnauthorizedError",
    "UnprocessableEntityError",
    "UnsupportedMediaTypeError",
    "UploadMismatchError",
    "ValidationError",
    "VerificationFailedError",
    "WebhookDeliveryNotFoundError",
    "WebhookEndpointLimitError",
    "WebhookEndpointNotFoundError",
    "WebhookVerificationError",
]


_CODE_CLASSES: dict[str, type[APIStatusError]] = {}
_STATUS_CLASSES: dict[int, type[APIStatusError]] = {}


class AgentKitError(Exception):
    """The root of every exception agentkit raises on purpose."""


class APIError(AgentKitError):
    """A request to the API failed.

    Attributes:
        message: A human-readable description.
        request_id: The server's ``X-Request-Id`` for the failed request, when one was received.
    """

    def __init__(self, message: str, *, request_id: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request_id = request_id


class APIStatusError(APIError):
    """The server answered with an error status (or an ``error`` event inside a stream).

    Attributes:
        status_code: The HTTP status (for a stream error: the status the code stands for).
        code: The stable UPPER_SNAKE error code, or ``None`` when the body was not our envelope.
        details: Machine-readable context from the server (for example ``field``).
        body: The raw response body, kept even when it is not JSON.
        headers: The response headers.
        retries_taken: How many retries the SDK made before giving up.
    """

    #: The error code this class stands for, when it stands for one.
    error_code: ClassVar[str | None] = None

    def __init_subclass__(
        cls, *, status: int | None = None, code: str | None = None, **kwargs: Any
    ) -> None:
        super().__init_subclass__(**kwargs)
        # The class statement is the one place a code or a status family is named; the maps
        # that pick the class for an error are built from these, the statuses of codes come
        # from the contract.
        if status is not None:
            _STATUS_CLASSES[status] = cls
        if code is not None:
            cls.error_code = code
            _CODE_CLASSES[code] = cls

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        code: str | None = None,
        request_id: str | None = None,
        details: Mapping[str, object] | None = None,
        body: bytes = b"",
        headers: Mapping[str, str] | None = None,
        retries_taken: int = 0,
    ) -> None:
        super().__init__(message, request_id=request_id)
        self.status_code = status_code
        self.code = code
        self.details: Mapping[str, Any] = details or {}
        self.body = body
        self.headers: Mapping[str, str] = headers or {}
        self.retries_taken = retries_taken

    @property
    def field(self) -> str | None:
        """The path of the field the error is about, such as ``message.parts[0].type``, if any."""
        value = self.details.get("field")
        return value if isinstance(value, str) else None

    def __str__(self) -> str:
        label = f"{self.status_code} {self.code}" if self.code else str(self.status_code)
        suffix = f" (request {self.request_id})" if self.request_id else ""
        return f"{label}: {self.message}{suffix}"

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code}, code={self.code!r}, "
            f"message={self.message!r}, request_id={self.request_id!r})"
        )


class BadRequestError(APIStatusError, status=400):
    """400: the request was malformed or semantically invalid."""


class ValidationError(BadRequestError, ValueError, code="VALIDATION_ERROR"):
    """400 ``VALIDATION_ERROR``: a field failed validation; ``field`` names its JSON path.

    The server raises it for any request that breaks the contract, and the SDK raises it itself,
    before sending anything, for input it can already tell is invalid.
    """

    @classmethod
    def client_side(cls, field: str, message: str) -> ValidationError:
        """The error for invalid input caught by the SDK before any request was made."""
        return cls(
            f"{field}: {message}",
            status_code=400,
            code="VALIDATION_ERROR",
            details={"field": field, "location": "client"},
        )


class InvalidChatMessageError(BadRequestError, code="INVALID_CHAT_MESSAGE"):
    """400 ``INVALID_CHAT_MESSAGE``: the message cannot be sent as it is."""


class ToolResultsMismatchError(BadRequestError, code="TOOL_RESULTS_MISMATCH"):
    """400 ``TOOL_RESULTS_MISMATCH``: the results do not answer exactly the pending tool calls.

    ``field`` names the result with an unknown id; ``missing`` lists the pending ids left out.
    """

    @property
    def missing(self) -> list[str]:
        """The ids of the pending tool calls that got no result."""
        value = self.details.get("missing")
        return [str(item) for item in value] if isinstance(value, list) else []


class AuthenticationError(APIStatusError, status=401, code="UNAUTHORIZED"):
    """401: the API key is missing or not valid (also importable as ``UnauthorizedError``)."""


#: The same class as ``AuthenticationError``, by the name of its code.
UnauthorizedError = AuthenticationError


class PermissionDeniedError(APIStatusError, status=403):
    """403: the key may not do this."""


class NotFoundError(APIStatusError, status=404, code="NOT_FOUND"):
    """404: no such resource (or it belongs to someone else)."""


class AgentNotFoundError(NotFoundError, code="AGENT_NOT_FOUND"):
    """404 ``AGENT_NOT_FOUND``."""


class ChatNotFoundError(NotFoundError, code="CHAT_NOT_FOUND"):
    """404 ``CHAT_NOT_FOUND``."""


class SessionNotFoundError(NotFoundError, code="SESSION_NOT_FOUND"):
    """404 ``SESSION_NOT_FOUND``."""


class IndexNotFoundError(NotFoundError, code="INDEX_NOT_FOUND"):
    """404 ``INDEX_NOT_FOUND``; when an index named in a request is meant, ``details['field']``
    says which (for example ``index_ids[1]``)."""


class DocumentNotFoundError(NotFoundError, code="DOCUMENT_NOT_FOUND"):
    """404 ``DOCUMENT_NOT_FOUND``."""


class ModelNotFoundError(NotFoundError, code="MODEL_NOT_FOUND"):
    """404 ``MODEL_NOT_FOUND``: the model named is none of your agents (nor a built-in model)."""


class GuardrailNotFoundError(NotFoundError, code="GUARDRAIL_NOT_FOUND"):
    """No such guardrail in your organization."""


class ProviderNotFoundError(NotFoundError, code="PROVIDER_NOT_FOUND"):
    """No such provider in your organization."""


class MethodNotAllowedError(APIStatusError, status=405, code="METHOD_NOT_ALLOWED"):
    """405: the path exists but not with this method."""


class ConflictError(APIStatusError, status=409):
    """409: the request conflicts with the resource's current state."""


class ChatAlreadyClosedError(ConflictError, code="CHAT_ALREADY_CLOSED"):
    """409 ``CHAT_ALREADY_CLOSED``: a closed chat cannot be resumed; start a new one."""


class ChatNotActiveError(ConflictError, code="CHAT_NOT_ACTIVE"):
    """409 ``CHAT_NOT_ACTIVE``: the chat is paused or busy with another turn."""


class ChatBufferOverflowError(ConflictError, code="CHAT_BUFFER_OVERFLOW"):
    """409 ``CHAT_BUFFER_OVERFLOW``: the chat holds as many messages as it may."""


class ChatIdTakenError(ConflictError, code="CHAT_ID_TAKEN"):
    """409 ``CHAT_ID_TAKEN``: the client-chosen chat id is in use."""


class AgentNameTakenError(ConflictError, code="AGENT_NAME_TAKEN"):
    """409 ``AGENT_NAME_TAKEN``: another agent already has this name."""


class GuardrailNameTakenError(ConflictError, code="GUARDRAIL_NAME_TAKEN"):
    """Another guardrail of your organization has this name."""


class ProviderNameTakenError(ConflictError, code="PROVIDER_NAME_TAKEN"):
    """Another provider of your organization has this name."""


class ProviderReadOnlyError(ConflictError, code="PROVIDER_READ_ONLY"):
    """The ``system`` provider cannot be changed or deleted."""


class WebhookEndpointLimitError(ConflictError, code="WEBHOOK_ENDPOINT_LIMIT"):
    """409 ``WEBHOOK_ENDPOINT_LIMIT``: you have as many webhook endpoints as allowed; delete
    one first."""


class IdempotencyKeyReusedError(ConflictError, code="IDEMPOTENCY_KEY_REUSED"):
    """409 ``IDEMPOTENCY_KEY_REUSED``: the key was used before with a different request."""


class SessionBusyError(ConflictError, code="SESSION_BUSY"):
    """409 ``SESSION_BUSY``: the agent's turn is running, or it waits for client tool results.

    Wait for the turn (``await_user_turn``), submit the tool results, or cancel.
    """


class SessionIndexesLockedError(ConflictError, code="SESSION_INDEXES_LOCKED"):
    """409 ``SESSION_INDEXES_LOCKED``: a session's indexes cannot change after its first message,
    and a bound session takes no other indexes per message."""


class NoPendingToolCallsError(ConflictError, code="NO_PENDING_TOOL_CALLS"):
    """409 ``NO_PENDING_TOOL_CALLS``: tool results were sent while no client tool call waits."""


class RequestTimeoutError(APIStatusError, status=408, code="REQUEST_TIMEOUT"):
    """408 ``REQUEST_TIMEOUT``: the request (its headers or its body) did not arrive in time.

    The server closes the connection after it; the request had no effect.
    """


class RequestTooLargeError(APIStatusError, status=413, code="REQUEST_TOO_LARGE"):
    """413: the request body is larger than the server accepts."""


class UnsupportedMediaTypeError(APIStatusError, status=415, code="UNSUPPORTED_MEDIA_TYPE"):
    """415 ``UNSUPPORTED_MEDIA_TYPE``: the server does not take this kind of file."""


# ---------------------------------------------------------------- messaging
class VerificationFailedError(BadRequestError, code="VERIFICATION_FAILED"):
    """400 ``VERIFICATION_FAILED``: a one-time code is wrong or expired, or its verification is
    unknown or used up; start again for a new code."""


class IdentityNotFoundError(NotFoundError, code="IDENTITY_NOT_FOUND"):
    """404 ``IDENTITY_NOT_FOUND``: no identity you may see has this handle, or your key has no
    messaging identity."""


class ConversationNotFoundError(NotFoundError, code="CONVERSATION_NOT_FOUND"):
    """404 ``CONVERSATION_NOT_FOUND``: no conversation of yours has this id."""


class MessageNotFoundError(NotFoundError, code="MESSAGE_NOT_FOUND"):
    """404 ``MESSAGE_NOT_FOUND``: no message you may see has this id."""


class HandleTakenError(ConflictError, code="HANDLE_TAKEN"):
    """409 ``HANDLE_TAKEN``: another identity has this handle."""


class ClientMsgIdReusedError(ConflictError, code="CLIENT_MSG_ID_REUSED"):
    """409 ``CLIENT_MSG_ID_REUSED``: this ``client_msg_id`` made a message with other content;
    a new message needs a new id."""


class AvatarTooLargeError(RequestTooLargeError, code="AVATAR_TOO_LARGE"):
    """413 ``AVATAR_TOO_LARGE``: the avatar image is larger than the server accepts."""


class AttachmentNotFoundError(NotFoundError, code="ATTACHMENT_NOT_FOUND"):
    """404 ``ATTACHMENT_NOT_FOUND``: no attachment you may see has this id, or a signed URL is
    wrong, expired or used up."""


class UploadMismatchError(BadRequestError, code="UPLOAD_MISMATCH"):
    """400 ``UPLOAD_MISMATCH``: the uploaded bytes do not have the announced size or SHA-256."""


class ForbiddenError(PermissionDeniedError, code="FORBIDDEN"):
    """403 ``FORBIDDEN``: you may see this, but not do this to it (a group member who is not
    an admin, say)."""


class SuspendedError(PermissionDeniedError, code="SUSPENDED"):
    """403 ``SUSPENDED``: the messaging identity is suspended; it may only read its own record
    (``client.identity.me()``), which says so in ``status``."""


class RestrictedError(PermissionDeniedError, code="RESTRICTED"):
    """403 ``RESTRICTED``: the messaging identity is restricted and may not start a
    conversation; it may write to identities that wrote to it or added it as a contact."""


class AwaitingReplyError(PermissionDeniedError, code="AWAITING_REPLY"):
    """403 ``AWAITING_REPLY``: the recipient has not answered the messages sent so far (nor
    added you as a contact); send more once it writes back. ``handle`` names it."""

    @property
    def handle(self) -> str | None:
        """The recipient's handle."""
        value = self.details.get("handle")
        return value if isinstance(value, str) else None


class BlockedError(PermissionDeniedError, code="BLOCKED"):
    """403 ``BLOCKED``: the recipient blocks messages from you."""


class ContactNotFoundError(NotFoundError, code="CONTACT_NOT_FOUND"):
    """404 ``CONTACT_NOT_FOUND``: the handle is not among your contacts."""


class MuteNotFoundError(NotFoundError, code="MUTE_NOT_FOUND"):
    """404 ``MUTE_NOT_FOUND``: no such mute is in force."""


class WebhookEndpointNotFoundError(NotFoundError, code="WEBHOOK_ENDPOINT_NOT_FOUND"):
    """404 ``WEBHOOK_ENDPOINT_NOT_FOUND``: you have no webhook endpoint with this id."""


class WebhookDeliveryNotFoundError(NotFoundError, code="WEBHOOK_DELIVERY_NOT_FOUND"):
    """404 ``WEBHOOK_DELIVERY_NOT_FOUND``: the endpoint has no delivery with this id."""


class GroupNotFoundError(NotFoundError, code="GROUP_NOT_FOUND"):
    """404 ``GROUP_NOT_FOUND``: you belong to no group with this id."""


class InviteNotFoundError(NotFoundError, code="INVITE_NOT_FOUND"):
    """404 ``INVITE_NOT_FOUND``: you have no invite with this id."""


class GroupDeletedError(APIStatusError, status=410, code="GROUP_DELETED"):
    """410 ``GROUP_DELETED``: the group was deleted; ``deleted_by`` (a handle) and
    ``deleted_at`` say by whom and when."""

    @property
    def deleted_by(self) -> str | None:
        """The handle of whoever deleted the group."""
        value = (self.details or {}).get("deleted_by")
        return value if isinstance(value, str) else None

    @property
    def deleted_at(self) -> str | None:
        """When the group was deleted (RFC 3339)."""
        value = (self.details or {}).get("deleted_at")
        return value if isinstance(value, str) else None


class UnprocessableEntityError(APIStatusError, status=422):
    """422."""


class RateLimitedError(APIStatusError, status=429, code="RATE_LIMITED"):
    """429 ``RATE_LIMITED``: slow down; ``retry_after`` says for how long, when known."""

    @property
    def retry_after(self) -> float | None:
        """Seconds the server asked us to wait, from ``Retry-After`` / ``retry-after-ms``."""
        from ._retry import parse_retry_after

        return parse_retry_after(self.headers)


class RecipientBackloggedError(RateLimitedError, code="RECIPIENT_BACKLOGGED"):
    """429 ``RECIPIENT_BACKLOGGED``: the recipient has too many undelivered messages; retry
    once it has read some. ``handle`` and ``undelivered_count`` say whose and how many."""

    @property
    def handle(self) -> str | None:
        """The backlogged recipient's handle."""
        value = self.details.get("handle")
        return value if isinstance(value, str) else None

    @property
    def undelivered_count(self) -> int | None:
        """Its undelivered messages."""
        value = self.details.get("undelivered_count")
        return value if isinstance(value, int) else None


class ServerError(APIStatusError):
    """5xx: the server failed (catch this for every server-side failure)."""


class InternalServerError(ServerError, status=500, code="INTERNAL_ERROR"):
    """500 ``INTERNAL_ERROR``, and any 5xx without a class of its own: the server failed."""


class AgentFailedError(InternalServerError, code="AGENT_ERROR"):
    """``AGENT_ERROR``: the agent's runtime failed to produce a reply."""


class ProviderUnreachableError(InternalServerError, code="PROVIDER_UNREACHABLE"):
    """``PROVIDER_UNREACHABLE``: the provider did not answer, refused its key, or answered
    something unreadable."""


class TurnInterruptedError(InternalServerError, code="TURN_INTERRUPTED"):
    """``TURN_INTERRUPTED`` (503): the server stopped during the turn (a restart or a crash).

    The turn is over and its reply is kept as failed; the chat or session takes a new message,
    so sending it again is safe.
    """


class APIConnectionError(APIError):
    """The request could not be completed: connection refused, reset, or cut mid-stream.

    Attributes:
        url: The URL the request was for, when known.
    """

    def __init__(
        self,
        message: str = "Connection error.",
        *,
        request_id: str | None = None,
        url: str | None = None,
    ) -> None:
        super().__init__(message, request_id=request_id)
        self.url = url


class APITimeoutError(APIConnectionError):
    """The request, or a stream waiting for its next event, timed out."""

    def __init__(
        self,
        message: str = "Request timed out.",
        *,
        request_id: str | None = None,
        url: str | None = None,
    ) -> None:
        super().__init__(message, request_id=request_id, url=url)


class APIResponseValidationError(APIError):
    """A successful response did not have the shape the contract promises."""


class ConfigurationError(AgentKitError, ValueError):
    """A client was given a setting it cannot work with: no API key, or a base URL that is not
    an ``http://`` or ``https://`` URL. Raised when the client is made, before any request."""


class PaginationLoopError(AgentKitError):
    """The server returned a cursor it had returned before; iterating further would loop."""


class StreamError(AgentKitError):
    """A stream was used wrongly, for example iterated twice."""


class SessionTimeoutError(AgentKitError, TimeoutError):
    """Waiting for a session (``await_user_turn``) took longer than its timeout.

    It is also a builtin ``TimeoutError``, so ``except TimeoutError`` catches it.
    """


class ToolRoundsExceededError(AgentKitError):
    """``run`` answered as many rounds of client tool calls as allowed and the agent asked again.

    Attributes:
        rounds: The rounds that were run.
    """

    def __init__(self, message: str, *, rounds: int) -> None:
        super().__init__(message)
        self.rounds = rounds


WebhookFailure = Literal[
    "missing_signature",
    "malformed_signature",
    "timestamp_skew",
    "bad_signature",
    "malformed_payload",
]


class WebhookVerificationError(AgentKitError, ValueError):
    """An incoming webhook request is not one the secret signed, or not one to act on now.

    Attributes:
        reason: ``missing_signature`` (no signature header), ``malformed_signature`` (a
            header that cannot be read), ``timestamp_skew`` (signed too long ago, or in the
            future), ``bad_signature`` (no signature matches any secret) or
            ``malformed_payload`` (signed, but not a JSON event).
    """

    def __init__(self, message: str, *, reason: WebhookFailure) -> None:
        super().__init__(message)
        self.reason: WebhookFailure = reason


def _class_for(status_code: int, code: str | None) -> type[APIStatusError]:
    if code is not None and code in _CODE_CLASSES:
        return _CODE_CLASSES[code]
    if status_code in _STATUS_CLASSES:
        return _STATUS_CLASSES[status_code]
    if status_code >= 500:
        return InternalServerError
    return APIStatusError


def make_status_error(
    status_code: int,
    body: bytes,
    headers: Mapping[str, str],
    *,
    retries_taken: int = 0,
) -> APIStatusError:
    """Build the exception for an error response, from its envelope when the body has one."""
    request_id = headers.get("x-request-id")
    code: str | None = None
    details: Mapping[str, Any] | None = None
    message = body.decode("utf-8", "replace").strip()[:500] or f"HTTP {status_code}"
    try:
        envelope = json.loads(body) if body else None
    except ValueError:
        envelope = None
    error = envelope.get("error") if isinstance(envelope, dict) else None
    if isinstance(error, dict):
        code = error.get("code") if isinstance(error.get("code"), str) else None
        message = str(error.get("message") or message)
        request_id = error.get("request_id") or request_id
        details = error.get("details") if isinstance(error.get("details"), dict) else None
        if details is None and isinstance(error.get("param"), str):
            # OpenAI's error shape (the /openai/v1 routes) names the bad field as ``param``.
            details = {"field": error["param"], "location": "body"}
    cls = _class_for(status_code, code)
    return cls(
        message,
        status_code=status_code,
        code=code,
        request_id=request_id,
        details=details,
        body=body,
        headers=headers,
        retries_taken=retries_taken,
    )


def error_from_detail(
    detail: Mapping[str, Any], *, request_id: str | None = None
) -> APIStatusError:
    """Build the exception for an ``error`` event received inside a stream."""
    raw_code = detail.get("code")
    code = raw_code if isinstance(raw_code, str) else None
    from ._contract import contract  # the contract loads on the first stream error, not at import

    status = (contract().status_of(code) if code else None) or 500
    raw_details = detail.get("details")
    return _class_for(status, code)(
        str(detail.get("message") or "stream error"),
        status_code=status,
        code=code,
        request_id=detail.get("request_id") or request_id,
        details=raw_details if isinstance(raw_details, dict) else None,
        body=json.dumps(dict(detail)).encode(),
    )
