from enum import StrEnum


class UpstreamType(StrEnum):
    AZURE = "azure"
    OPENAI = "openai"
    OPENAI_COMPATIBLE = "openai-compatible"

    def __str__(self) -> str:
        return str(self.value)
