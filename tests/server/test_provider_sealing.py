"""Provider keys at rest: sealed with the server's secret, which is kept beside the database."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from agentkit.server import ServerConfig
from agentkit.server.brains import Upstream
from agentkit.server.providers.sealing import KeySealer, SealError, server_secret

SECRET = "s" * 40


class TestKeySealer:
    def test_sealed_key_opens_back_and_hides_the_key(self) -> None:
        """A sealed key holds no trace of the key and opens back to it."""
        sealer = KeySealer(SECRET)
        token = sealer.seal("sk-abc-123")
        assert "sk-abc-123" not in token
        assert sealer.open(token) == "sk-abc-123"

    def test_another_secret_or_an_altered_token_cannot_open(self) -> None:
        """A token opens only under its secret, and not once altered."""
        token = KeySealer(SECRET).seal("sk-abc-123")
        with pytest.raises(SealError):
            KeySealer("t" * 40).open(token)
        with pytest.raises(SealError):
            KeySealer(SECRET).open(token[:-4] + "AAAA")

    def test_short_secret_is_refused(self) -> None:
        """A secret under 32 characters is a configuration error."""
        with pytest.raises(ValueError, match="at least 32"):
            KeySealer("short")


class TestServerSecret:
    def test_configured_secret_wins_and_is_not_in_the_repr(self) -> None:
        """A configured secret is used as is and never shown by the config's repr."""
        config = ServerConfig(db_path=":memory:", secret_key=SECRET)
        assert server_secret(config) == SECRET
        assert SECRET not in repr(config)

    def test_secret_is_made_once_and_kept_beside_the_database(self, tmp_path: Path) -> None:
        """Without one, a secret is created owner-only beside the database and read back."""
        config = ServerConfig(db_path=str(tmp_path / "db.sqlite3"))
        first = server_secret(config)
        kept = tmp_path / "agentkit.secret"
        assert kept.read_text().strip() == first
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
        assert server_secret(config) == first
        assert len(first) >= 32

    def test_upstream_repr_hides_the_key(self) -> None:
        """An upstream's repr names its URL, never its key."""
        assert "sk-hidden" not in repr(Upstream("http://127.0.0.1/v1", "sk-hidden"))
