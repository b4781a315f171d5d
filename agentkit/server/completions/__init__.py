"""The completions family: the OpenAI-compatible API under ``/openai/v1``. Chat completions are
answered by the organization's agents (the ``model`` names one), embeddings by a built-in local
lexical model; errors take OpenAI's shape."""

from ..core.family import Family
from .errors import openai_error_body
from .routes import HANDLERS

__all__ = ["FAMILY"]

FAMILY = Family("completions", HANDLERS, error_bodies={"openai": openai_error_body})
