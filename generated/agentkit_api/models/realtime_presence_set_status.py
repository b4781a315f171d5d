from enum import StrEnum


class RealtimePresenceSetStatus(StrEnum):
    AWAY = "away"
    BUSY = "busy"
    OFFLINE = "offline"
    ONLINE = "online"

    def __str__(self) -> str:
        return str(self.value)
