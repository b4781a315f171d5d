from enum import StrEnum


class GuardrailAction(StrEnum):
    BLOCK = "block"
    FLAG = "flag"

    def __str__(self) -> str:
        return str(self.value)
