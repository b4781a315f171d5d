from enum import StrEnum


class ProviderType(StrEnum):
    AZURE = "azure"
    OPENAI = "openai"
    OPENAI_COMPATIBLE = "openai-compatible"
    SYSTEM = "system"

    def __str__(self) -> str:
        return str(self.value)
