from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.session_error_event import SessionErrorEvent
    from ..models.session_guardrail_event import SessionGuardrailEvent
    from ..models.session_stop_event import SessionStopEvent
    from ..models.session_text_delta_event import SessionTextDeltaEvent
    from ..models.session_text_event import SessionTextEvent
    from ..models.session_thinking_delta_event import SessionThinkingDeltaEvent
    from ..models.session_thinking_event import SessionThinkingEvent
    from ..models.session_tool_call_event import SessionToolCallEvent
    from ..models.session_tool_result_event import SessionToolResultEvent
    from ..models.session_user_input_event import SessionUserInputEvent
    from ..models.session_warning_event import SessionWarningEvent


T = TypeVar("T", bound="SessionEventList")


@_attrs_define
class SessionEventList:
    data: list[
        SessionErrorEvent
        | SessionGuardrailEvent
        | SessionStopEvent
        | SessionTextDeltaEvent
        | SessionTextEvent
        | SessionThinkingDeltaEvent
        | SessionThinkingEvent
        | SessionToolCallEvent
        | SessionToolResultEvent
        | SessionUserInputEvent
        | SessionWarningEvent
    ]
    has_more: bool
    next_cursor: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.session_error_event import SessionErrorEvent
        from ..models.session_stop_event import SessionStopEvent
        from ..models.session_text_delta_event import SessionTextDeltaEvent
        from ..models.session_text_event import SessionTextEvent
        from ..models.session_thinking_delta_event import SessionThinkingDeltaEvent
        from ..models.session_thinking_event import SessionThinkingEvent
        from ..models.session_tool_call_event import SessionToolCallEvent
        from ..models.session_tool_result_event import SessionToolResultEvent
        from ..models.session_user_input_event import SessionUserInputEvent
        from ..models.session_warning_event import SessionWarningEvent

        data = []
        for data_item_data in self.data:
            data_item: dict[str, Any]
            if (
                isinstance(data_item_data, SessionUserInputEvent)
                or isinstance(data_item_data, SessionTextDeltaEvent)
                or isinstance(data_item_data, SessionThinkingDeltaEvent)
                or isinstance(data_item_data, SessionTextEvent)
                or isinstance(data_item_data, SessionThinkingEvent)
                or isinstance(data_item_data, SessionToolCallEvent)
                or isinstance(data_item_data, SessionToolResultEvent)
                or isinstance(data_item_data, SessionWarningEvent)
                or isinstance(data_item_data, SessionErrorEvent)
                or isinstance(data_item_data, SessionStopEvent)
            ):
                data_item = data_item_data.to_dict()
            else:
                data_item = data_item_data.to_dict()

            data.append(data_item)

        has_more = self.has_more

        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "has_more": has_more,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.session_error_event import SessionErrorEvent
        from ..models.session_guardrail_event import SessionGuardrailEvent
        from ..models.session_stop_event import SessionStopEvent
        from ..models.session_text_delta_event import SessionTextDeltaEvent
        from ..models.session_text_event import SessionTextEvent
        from ..models.session_thinking_delta_event import SessionThinkingDeltaEvent
        from ..models.session_thinking_event import SessionThinkingEvent
        from ..models.session_tool_call_event import SessionToolCallEvent
        from ..models.session_tool_result_event import SessionToolResultEvent
        from ..models.session_user_input_event import SessionUserInputEvent
        from ..models.session_warning_event import SessionWarningEvent

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:

            def _parse_data_item(
                data: object,
            ) -> (
                SessionErrorEvent
                | SessionGuardrailEvent
                | SessionStopEvent
                | SessionTextDeltaEvent
                | SessionTextEvent
                | SessionThinkingDeltaEvent
                | SessionThinkingEvent
                | SessionToolCallEvent
                | SessionToolResultEvent
                | SessionUserInputEvent
                | SessionWarningEvent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_session_event_type_0 = (
                        SessionUserInputEvent.from_dict(data)
                    )

                    return componentsschemas_session_event_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_session_event_type_1 = (
                        SessionTextDeltaEvent.from_dict(data)
                    )

                    return componentsschemas_session_event_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_session_event_type_2 = (
                        SessionThinkingDeltaEvent.from_dict(data)
                    )

                    return componentsschemas_session_event_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_session_event_type_3 = SessionTextEvent.from_dict(
                        data
                    )

                    return componentsschemas_session_event_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_session_event_type_4 = (
                        SessionThinkingEvent.from_dict(data)
                    )

                    return componentsschemas_session_event_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_session_event_type_5 = (
                        SessionToolCallEvent.from_dict(data)
                    )

                    return componentsschemas_session_event_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_session_event_type_6 = (
                        SessionToolResultEvent.from_dict(data)
                    )

                    return componentsschemas_session_event_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_session_event_type_7 = (
                        SessionWarningEvent.from_dict(data)
                    )

                    return componentsschemas_session_event_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_session_event_type_8 = (
                        SessionErrorEvent.from_dict(data)
                    )

                    return componentsschemas_session_event_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_session_event_type_9 = SessionStopEvent.from_dict(
                        data
                    )

                    return componentsschemas_session_event_type_9
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_session_event_type_10 = (
                    SessionGuardrailEvent.from_dict(data)
                )

                return componentsschemas_session_event_type_10

            data_item = _parse_data_item(data_item_data)

            data.append(data_item)

        has_more = d.pop("has_more")

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        session_event_list = cls(
            data=data,
            has_more=has_more,
            next_cursor=next_cursor,
        )

        session_event_list.additional_properties = d
        return session_event_list

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
