"""The families of the server: the one place a family is registered.

A family is a package (its routes keyed by operation id, its store protocol, its SQLite tables,
its logic). Registering one means adding it to ``FAMILIES``, its store protocol to ``Store``, and
its tables to ``SQLiteStore``; a test checks that the three agree.
"""

from __future__ import annotations

from typing import Protocol

from . import (
    agents,
    chats,
    completions,
    feedback,
    guardrails,
    indexes,
    messaging,
    providers,
    realtime,
    sessions,
    system,
    webhooks,
)
from .agents.sqlite import AgentTables
from .agents.store import AgentStore
from .chats.sqlite import ChatTables
from .chats.store import ChatStore
from .core.cluster_tables import ClusterTables
from .core.family import Family
from .core.sqlite_tables import CoreTables
from .core.store import ClusterStore, CoreStore
from .feedback.sqlite import FeedbackTables
from .feedback.store import FeedbackStore
from .guardrails.sqlite import GuardrailTables
from .guardrails.store import GuardrailStore
from .indexes.sqlite import IndexTables
from .indexes.store import IndexStore
from .messaging.sqlite import MessagingTables
from .messaging.store import MessagingStore
from .providers.sqlite import ProviderTables
from .providers.store import ProviderStore
from .realtime.sqlite import DeliveryTables
from .realtime.store import DeliveryStore
from .sessions.sqlite import SessionTables
from .sessions.store import SessionStore
from .webhooks.sqlite import WebhookTables
from .webhooks.store import WebhookStore

__all__ = ["FAMILIES", "SQLiteStore", "Store"]

FAMILIES: tuple[Family, ...] = (
    system.FAMILY,
    agents.FAMILY,
    chats.FAMILY,
    indexes.FAMILY,
    sessions.FAMILY,
    completions.FAMILY,
    feedback.FAMILY,
    messaging.FAMILY,
    realtime.FAMILY,
    providers.FAMILY,
    guardrails.FAMILY,
    webhooks.FAMILY,
)


class Store(
    CoreStore,
    ClusterStore,
    AgentStore,
    ChatStore,
    IndexStore,
    SessionStore,
    FeedbackStore,
    MessagingStore,
    DeliveryStore,
    ProviderStore,
    GuardrailStore,
    WebhookStore,
    Protocol,
):
    """Persistent state of the reference server: every family's store in one.

    ``SQLiteStore`` implements it on SQLite and on PostgreSQL; every method is one short
    transaction.
    """


class SQLiteStore(
    CoreTables,
    ClusterTables,
    AgentTables,
    ChatTables,
    IndexTables,
    SessionTables,
    FeedbackTables,
    MessagingTables,
    DeliveryTables,
    ProviderTables,
    GuardrailTables,
    WebhookTables,
):
    """The ``Store`` on one SQLite file (or ``":memory:"``) in WAL mode, or on a PostgreSQL
    database (a ``postgresql://`` URL) that several server instances share; one connection per
    process either way.

    Opening it brings every family's tables to this version's schema (``core.migrations``).
    """
