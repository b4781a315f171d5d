"""The built-in guardrail checker: deterministic matches by keyword and category."""

from __future__ import annotations

import time
from typing import Any

import pytest

from agentkit.server.guardrails.checker import CATEGORIES, check_reply


def _guardrail(**fields: Any) -> dict[str, Any]:
    return {"id": "grd_1", "name": "G", "action": "block", **fields}


class TestKeywords:
    @pytest.mark.parametrize("text", ["ACME is great", "try acme.", "(Acme)"])
    def test_whole_words_in_any_case_match(self, text: str) -> None:
        """A keyword matches as a whole word whatever its case."""
        (finding,) = check_reply(text, [_guardrail(competitor_keywords=["Acme"])])
        assert finding.reason == "competitor keyword 'Acme'"

    @pytest.mark.parametrize("text", ["Acmeology", "preacme", "nothing here"])
    def test_parts_of_words_do_not_match(self, text: str) -> None:
        """A keyword inside another word is not a match."""
        assert check_reply(text, [_guardrail(competitor_keywords=["Acme"])]) == []

    def test_keywords_are_literal_not_patterns(self) -> None:
        """Regex characters in a keyword are matched as themselves."""
        guardrail = _guardrail(competitor_keywords=["C++ Inc", ".*"])
        assert check_reply("anything at all", [guardrail]) == []
        assert check_reply("buy C++ Inc now", [guardrail])[0].reason.endswith("'C++ Inc'")


class TestCategories:
    @pytest.mark.parametrize(
        ("category", "text"),
        [
            ("violence", "I will kill the process"),
            ("self_harm", "thoughts of self-harm"),
            ("profanity", "what the fuck"),
            ("pii", "mail me at a.b+c@example.co.uk"),
            ("pii", "card 4111 1111 1111 1111"),
            ("pii", "call +1 415 555 0100"),
            ("secrets", "use sk-abcdefghijklmnopqrstu"),
            ("secrets", "-----BEGIN RSA PRIVATE KEY-----"),
        ],
    )
    def test_each_category_catches_its_kind(self, category: str, text: str) -> None:
        """A category's patterns match the text, and the finding names the category."""
        (finding,) = check_reply(text, [_guardrail(blocked_categories=[category])])
        assert finding.category == category

    def test_the_checker_knows_every_category_of_the_contract(self) -> None:
        """Each category the contract lists has patterns, and no other."""
        from agentkit._contract import contract

        listed = contract().resolve("#/components/schemas/GuardrailCategory")["enum"]
        assert set(listed) == set(CATEGORIES)

    def test_plain_text_and_numbers_pass(self) -> None:
        """Ordinary prose, small numbers and dates match no category."""
        guardrail = _guardrail(blocked_categories=sorted(CATEGORIES))
        assert check_reply("On 2024-05-01 we shipped 3 items for 12.50 USD.", [guardrail]) == []

    def test_long_hostile_text_is_checked_quickly(self) -> None:
        """Long runs of digits, spaces and at-signs stay fast to check (no backtracking blowup)."""
        guardrail = _guardrail(blocked_categories=sorted(CATEGORIES), competitor_keywords=["z"])
        text = ("1 " * 50_000) + ("a@" * 50_000) + ("-" * 50_000)
        started = time.perf_counter()
        check_reply(text, [guardrail])
        assert time.perf_counter() - started < 5.0
