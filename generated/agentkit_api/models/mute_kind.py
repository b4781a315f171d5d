from enum import StrEnum


class MuteKind(StrEnum):
    AGENT = "agent"
    CONVERSATION = "conversation"

    def __str__(self) -> str:
        return str(self.value)
