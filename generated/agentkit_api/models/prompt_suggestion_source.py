from enum import StrEnum


class PromptSuggestionSource(StrEnum):
    AGENT = "agent"
    GENERATED = "generated"

    def __str__(self) -> str:
        return str(self.value)
