from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.mute_kind import MuteKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="MuteCreate")


@_attrs_define
class MuteCreate:
    kind: MuteKind
    target: str
    """ A handle or a conversation id. """
    muted_until: datetime.datetime | None | Unset = UNSET
    """ Omit (or null) for a mute without end. """

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        target = self.target

        muted_until: None | str | Unset
        if isinstance(self.muted_until, Unset):
            muted_until = UNSET
        elif isinstance(self.muted_until, datetime.datetime):
            muted_until = self.muted_until.isoformat()
        else:
            muted_until = self.muted_until

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "target": target,
            }
        )
        if muted_until is not UNSET:
            field_dict["muted_until"] = muted_until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = MuteKind(d.pop("kind"))

        target = d.pop("target")

        def _parse_muted_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                muted_until_type_0 = datetime.datetime.fromisoformat(data)

                return muted_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        muted_until = _parse_muted_until(d.pop("muted_until", UNSET))

        mute_create = cls(
            kind=kind,
            target=target,
            muted_until=muted_until,
        )

        return mute_create
