"""The indexes family: knowledge indexes of documents, chunked at natural boundaries and searched
in full text; sessions retrieve from them."""

from ..core.family import Family
from .routes import HANDLERS

__all__ = ["FAMILY"]

FAMILY = Family("indexes", HANDLERS)
