"""The guardrails family: checks of agents' replies that block or flag them."""

from ..core.family import Family
from .routes import HANDLERS

__all__ = ["FAMILY"]

FAMILY = Family("guardrails", HANDLERS)
