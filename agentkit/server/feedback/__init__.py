"""The feedback family: up and down votes, with an optional comment, on agents' messages in
chats and sessions."""

from ..core.family import Family
from .routes import HANDLERS

__all__ = ["FAMILY"]

FAMILY = Family("feedback", HANDLERS)
