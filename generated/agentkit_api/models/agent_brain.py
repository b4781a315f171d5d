from enum import StrEnum


class AgentBrain(StrEnum):
    ECHO = "echo"
    OPENAI = "openai"
    SCRIPTED = "scripted"

    def __str__(self) -> str:
        return str(self.value)
