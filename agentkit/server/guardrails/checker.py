"""The built-in guardrail checker: deterministic, by keywords and patterns.

Competitor keywords match as whole words in any case. Each blocked category is a fixed set of
patterns, written so that matching stays linear in the reply's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["CATEGORIES", "Finding", "check_reply", "first_finding"]


def _words(*words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


#: Each category: its patterns, with what a match is called in the finding's reason.
CATEGORIES: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "violence": (
        (
            _words(
                r"kill(?:s|ed|ing)?",
                r"murder\w*",
                r"stab\w*",
                r"shoot(?:s|ing)?",
                r"behead\w*",
                r"massacre\w*",
                r"bomb(?:s|ing)?",
            ),
            "violent language",
        ),
    ),
    "hate_speech": (
        (
            _words(r"subhuman\w*", r"inferior races?", r"ethnic cleansing", r"vermin people"),
            "hateful language",
        ),
    ),
    "self_harm": (
        (
            _words(
                r"suicide", r"self[- ]harm", r"kill (?:myself|yourself)", r"cut (?:myself|yourself)"
            ),
            "self-harm language",
        ),
    ),
    "profanity": (
        (_words(r"fuck\w*", r"shit\w*", r"bitch\w*", r"asshole\w*", r"bastard\w*"), "profanity"),
    ),
    "pii": (
        (
            re.compile(r"\b[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+\b"),
            "an e-mail address",
        ),
        (re.compile(r"(?<![\w-])(?:\d[ -]?){12,18}\d(?![\w-])"), "a card number"),
        (
            re.compile(
                r"(?<![\w+])\+?\(?\d{1,4}\)?[ .-]\d{2,4}[ .-]\d{3,4}(?:[ .-]\d{2,4})?(?!\w)"
            ),
            "a phone number",
        ),
    ),
    "secrets": (
        (re.compile(r"\bsk-[A-Za-z0-9_-]{16,}"), "an API key"),
        (re.compile(r"\bAKIA[0-9A-Z]{16}\b"), "an access key id"),
        (re.compile(r"-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----"), "a private key"),
    ),
}


@dataclass(frozen=True, slots=True)
class Finding:
    """A guardrail that fired: which, what it does, and why."""

    guardrail_id: str
    guardrail_name: str
    action: str
    reason: str
    category: str | None = None

    def wire(self) -> dict[str, Any]:
        """The ``GuardrailFinding`` wire shape."""
        return {
            "guardrail_id": self.guardrail_id,
            "guardrail_name": self.guardrail_name,
            "action": self.action,
            "reason": self.reason,
            "category": self.category,
        }


def _keyword(text: str, keywords: Iterable[str]) -> str | None:
    for keyword in keywords:
        pattern = r"(?<!\w)" + re.escape(keyword) + r"(?!\w)"
        if re.search(pattern, text, re.IGNORECASE):
            return keyword
    return None


def first_finding(text: str, guardrail: dict[str, Any]) -> Finding | None:
    """What the built-in checks of one guardrail find in a reply: its first match, if any."""

    def found(reason: str, category: str | None = None) -> Finding:
        return Finding(guardrail["id"], guardrail["name"], guardrail["action"], reason, category)

    keyword = _keyword(text, guardrail.get("competitor_keywords", []))
    if keyword is not None:
        return found(f"competitor keyword {keyword!r}")
    for category in guardrail.get("blocked_categories", []):
        for pattern, what in CATEGORIES.get(category, ()):
            if pattern.search(text):
                return found(f"category {category} ({what})", category)
    return None


def check_reply(text: str, guardrails: Iterable[dict[str, Any]]) -> list[Finding]:
    """What each guardrail finds in a reply (at most one finding each), in their order."""
    findings = (first_finding(text, guardrail) for guardrail in guardrails)
    return [finding for finding in findings if finding is not None]
