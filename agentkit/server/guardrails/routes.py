"""The guardrails family's operations: create, read, list, update (partially), delete."""

from __future__ import annotations

from typing import Any

from ..core.call import Call, Handler, page_reply, page_start
from ..core.errors import ApiError
from ..core.ids import new_id, now
from ..core.replies import Reply
from ..core.store import Conflict, Row

__all__ = ["HANDLERS", "check_guardrail_refs"]

DEFAULTS: dict[str, Any] = {
    "instructions": "",
    "blocked_categories": [],
    "competitor_keywords": [],
    "action": "block",
    "refusal": "I can't help with that.",
    "model_check": None,
}


def _guardrail(call: Call) -> Row:
    guardrail = call.state.store.get_guardrail(call.org_id, call.params["guardrail_id"])
    if guardrail is None:
        raise ApiError("GUARDRAIL_NOT_FOUND", f"no guardrail {call.params['guardrail_id']!r}")
    return guardrail


def _name_taken(name: str) -> ApiError:
    return ApiError(
        "GUARDRAIL_NAME_TAKEN",
        f"a guardrail named {name!r} exists already",
        {"field": "name", "location": "body"},
    )


def check_guardrail_refs(call: Call) -> None:
    """Refuse an agent body whose ``guardrail_ids`` name a guardrail the organization lacks.

    Raises:
        ApiError: GUARDRAIL_NOT_FOUND, naming the field.
    """
    for index, guardrail_id in enumerate(call.body.get("guardrail_ids", [])):
        if call.state.store.get_guardrail(call.org_id, guardrail_id) is None:
            raise ApiError(
                "GUARDRAIL_NOT_FOUND",
                f"no guardrail {guardrail_id!r}",
                {"field": f"guardrail_ids[{index}]", "location": "body"},
            )


def _check_model_provider(call: Call) -> None:
    check = call.body.get("model_check")
    if (
        check is not None
        and call.state.store.get_provider(call.org_id, check["provider_id"]) is None
    ):
        raise ApiError(
            "PROVIDER_NOT_FOUND",
            f"no provider {check['provider_id']!r}",
            {"field": "model_check.provider_id", "location": "body"},
        )


async def create(call: Call) -> Reply:
    """Create a guardrail."""
    _check_model_provider(call)
    stamp = now()
    guardrail = {
        **DEFAULTS,
        **call.body,
        "id": new_id("grd"),
        "created_at": stamp,
        "updated_at": stamp,
    }
    try:
        call.state.store.insert_guardrail(call.org_id, guardrail)
    except Conflict:
        raise _name_taken(guardrail["name"]) from None
    return Reply(guardrail)


async def get(call: Call) -> Reply:
    """Get a guardrail."""
    return Reply(_guardrail(call))


async def update(call: Call) -> Reply:
    """Change some fields of a guardrail."""
    guardrail = _guardrail(call)
    _check_model_provider(call)
    guardrail.update(call.body, updated_at=now())
    try:
        call.state.store.update_guardrail(call.org_id, guardrail)
    except Conflict:
        raise _name_taken(guardrail["name"]) from None
    return Reply(guardrail)


async def delete(call: Call) -> Reply:
    """Delete a guardrail; agents naming it stop applying it."""
    guardrail = _guardrail(call)
    call.state.store.delete_guardrail(call.org_id, guardrail["id"])
    return Reply({"id": guardrail["id"], "deleted": True})


async def list_guardrails(call: Call) -> Reply:
    """List guardrails, oldest first."""
    page = call.state.store.list_guardrails(call.org_id, page_start(call), call.params["limit"])
    return page_reply(page.rows, page.next_position)


HANDLERS: dict[str, Handler] = {
    "guardrails_create": create,
    "guardrails_get": get,
    "guardrails_update": update,
    "guardrails_delete": delete,
    "guardrails_list": list_guardrails,
}
