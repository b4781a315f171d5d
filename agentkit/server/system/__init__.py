"""The system family: health and version, answered without an API key."""

from ..core.family import Family
from .routes import HANDLERS

__all__ = ["FAMILY"]

FAMILY = Family("system", HANDLERS)
