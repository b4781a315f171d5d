from enum import StrEnum


class GuardrailCategory(StrEnum):
    HATE_SPEECH = "hate_speech"
    PII = "pii"
    PROFANITY = "profanity"
    SECRETS = "secrets"
    SELF_HARM = "self_harm"
    VIOLENCE = "violence"

    def __str__(self) -> str:
        return str(self.value)
