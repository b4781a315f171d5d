"""The agents family: agents an organization defines, which chats and sessions talk to."""

from ..core.family import Family
from .routes import HANDLERS

__all__ = ["FAMILY"]

FAMILY = Family("agents", HANDLERS)
