from enum import StrEnum


class OpenAIModelKind(StrEnum):
    AGENT = "agent"
    EMBEDDING = "embedding"
    PROVIDER = "provider"

    def __str__(self) -> str:
        return str(self.value)
