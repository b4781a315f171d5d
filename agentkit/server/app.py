"""The reference server's app: the families' handlers, routed by the contract, over one store,
one event log and the core's request machinery."""

from __future__ import annotations

from starlette.applications import Starlette

from .core.auth import RateLimiter
from .core.call import Handler
from .core.cluster import Cluster
from .core.config import ServerConfig
from .core.event_log import EventLog
from .core.http import build_application, routes_for, server_state, socket_routes
from .core.idempotency import IdempotencyGuard
from .core.postgres import PostgresDatabase
from .core.state import ServerState
from .core.validation import compile_all
from .families import FAMILIES, SQLiteStore, Store
from .providers.sealing import KeySealer, server_secret

__all__ = ["all_handlers", "create_app", "server_state"]


def all_handlers() -> dict[str, Handler]:
    """Every family's handlers, by operation id.

    Raises:
        ValueError: Two families handle the same operation.
    """
    handlers: dict[str, Handler] = {}
    for family in FAMILIES:
        for operation_id, handler in family.handlers.items():
            if operation_id in handlers:
                raise ValueError(f"{operation_id} is handled twice (again by {family.name})")
            handlers[operation_id] = handler
    return handlers


def create_app(config: ServerConfig | None = None, *, store: Store | None = None) -> Starlette:
    """Build the reference server's ASGI app.

    Args:
        config: Settings; the defaults keep data in ``./agentkit.sqlite3``.
        store: A store to use instead of opening ``config.database``; the caller closes it.
    """
    config = config or ServerConfig()
    owned = store is None
    active: Store = store if store is not None else SQLiteStore(config.database)
    compile_all()
    events = EventLog(active, config.keepalive_interval)
    state = ServerState(
        config=config,
        store=active,
        events=events,
        idempotency=IdempotencyGuard(
            active,
            config.idempotency_ttl,
            # Replayed answers may hold a secret shown once (an API key, a webhook secret).
            KeySealer(server_secret(config), purpose=b"agentkit idempotent responses"),
        ),
        limiter=RateLimiter(config.rate_limit_per_minute, active),
    )
    database = getattr(active, "database", None)
    cluster: Cluster | None = None
    if isinstance(database, PostgresDatabase):
        # Instances share this database: they learn of each other's writes and take over the
        # turns of instances that died.
        cluster = Cluster(active, database, config.instance_dead_after)
        events.join(cluster, active)
        state.idempotency.join(cluster)
        state.add_service(cluster)
    for family in FAMILIES:
        for kind in family.stream_kinds:
            events.add_kind(kind)
        if family.setup is not None:
            family.setup(state)
    # Before serving: a turn a stopped server left open is closed before anyone reads it.
    for family in FAMILIES:
        if family.startup is not None:
            family.startup(state)
    if cluster is not None:
        cluster.start()

    async def startup() -> None:
        for family in FAMILIES:
            if family.serving is not None:
                family.serving(state)

    async def shutdown() -> None:
        await events.cancel_all()
        if cluster is not None:
            cluster.stop()
        if owned:
            active.close()

    error_bodies = {
        name: body for family in FAMILIES for name, body in (family.error_bodies or {}).items()
    }
    sockets = {name: h for family in FAMILIES for name, h in (family.sockets or {}).items()}
    routes = [*routes_for(all_handlers(), error_bodies), *socket_routes(state, sockets)]
    return build_application(state, routes, shutdown, startup)
