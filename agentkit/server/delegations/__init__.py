"""The delegations family: agents handing part of a session turn to their sub-agents."""

from ..core.family import Family
from .routes import HANDLERS

__all__ = ["FAMILY"]

FAMILY = Family("delegations", HANDLERS)
