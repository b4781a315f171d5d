"""The providers family: upstream LLM providers of an organization, their keys sealed at rest."""

from ..core.family import Family
from ..core.state import ServerState
from .routes import HANDLERS
from .sealing import KeySealer, server_secret

__all__ = ["FAMILY"]


def _setup(state: ServerState) -> None:
    state.add_service(KeySealer(server_secret(state.config)))


FAMILY = Family("providers", HANDLERS, setup=_setup)
