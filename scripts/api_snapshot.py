"""The SDK's public API as data, and the check that a change does not break it unannounced.

    python scripts/api_snapshot.py --write   record this version's public API in api/public.json
    python scripts/api_snapshot.py --check   fail on a break of the recorded API (make check)

The record holds every name ``agentkit`` exports, every public member of its classes (the
clients' namespaces and their methods included) and each callable's parameters. A break is a
name or member that is gone, or a callable that an existing call would no longer fit: a
parameter removed, renamed, moved, made required or keyword-only. A break passes only with a
new major version (before 1.0, a new minor version), after which ``--write`` records the new
API; additions need nothing. Types are not compared: annotations may widen freely.
"""

from __future__ import annotations

import argparse
import functools
import inspect
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RECORD = ROOT / "api" / "public.json"

Params = list[dict[str, Any]]


def _params(fn: Any, *, bound: bool) -> Params | None:
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):
        return None
    parameters = list(signature.parameters.values())
    if bound and parameters and parameters[0].name in ("self", "cls"):
        parameters = parameters[1:]
    return [
        {
            "name": p.name,
            "kind": p.kind.name,
            "required": p.default is inspect.Parameter.empty
            and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD),
        }
        for p in parameters
    ]


def _member(owner: type, name: str) -> Any:
    raw = inspect.getattr_static(owner, name)
    if isinstance(raw, functools.cached_property):
        return {"kind": "namespace", "of": _namespace_class(raw)}
    if isinstance(raw, property):
        return {"kind": "property"}
    if isinstance(raw, staticmethod | classmethod):
        return {
            "kind": "method",
            "params": _params(raw.__func__, bound=isinstance(raw, classmethod)),
        }
    function = getattr(raw, "function", None)  # an endpoint: the method it was made from
    if callable(function):
        return {"kind": "method", "params": _params(function, bound=True)}
    if inspect.isfunction(raw):
        return {"kind": "method", "params": _params(raw, bound=True)}
    return {"kind": "attribute"}


def _namespace_class(prop: functools.cached_property[Any]) -> str | None:
    returns = inspect.signature(prop.func, eval_str=False).return_annotation
    return returns if isinstance(returns, str) else getattr(returns, "__name__", None)


def _class(cls: type, seen: dict[str, Any]) -> dict[str, Any]:
    members: dict[str, Any] = {}
    for name in sorted(dir(cls)):
        if name.startswith("_") and name not in ("__init__", "__call__"):
            continue
        if name in vars(object) and name not in ("__init__", "__call__"):
            continue
        member = _member(cls, name)
        if member["kind"] == "namespace":
            resource = _resource_class(cls, name)
            if resource is not None:
                seen.setdefault(f"{cls.__name__}.{name}", _class(resource, seen))
        members[name] = member
    return {"kind": "class", "members": members}


def _resource_class(cls: type, name: str) -> type | None:
    # A client's namespaces are made on first use: make a client (it sends nothing) and ask.
    try:
        client = cls(api_key="ak_snapshot", base_url="http://127.0.0.1:9")
    except TypeError:
        return None
    kind = type(getattr(client, name))
    close = getattr(client, "close", None)
    if callable(close) and not inspect.iscoroutinefunction(close):
        close()
    return kind


def snapshot() -> dict[str, Any]:
    """The public API of the ``agentkit`` importable from here."""
    sys.path[:0] = [str(ROOT), str(ROOT / "generated")]
    import agentkit

    names: dict[str, Any] = {}
    namespaces: dict[str, Any] = {}
    for name in sorted(agentkit.__all__):
        if name == "__version__":
            continue
        value = getattr(agentkit, name)
        if inspect.ismodule(value):
            exported = getattr(value, "__all__", [])
            names[name] = {"kind": "module", "names": sorted(exported)}
            for inner in exported:
                item = getattr(value, inner)
                if inspect.isfunction(item):
                    names[f"{name}.{inner}"] = {
                        "kind": "function",
                        "params": _params(item, bound=False),
                    }
        elif inspect.isclass(value):
            names[name] = _class(value, namespaces)
        elif callable(value):
            names[name] = {"kind": "function", "params": _params(value, bound=False)}
        else:
            names[name] = {"kind": "attribute"}
    names.update({f"namespace {key}": value for key, value in sorted(namespaces.items())})
    return {"version": agentkit.__version__, "api": names}


def _params_break(old: Params | None, new: Params | None) -> str | None:
    if old is None or new is None:
        return None
    by_name = {p["name"]: p for p in new}
    kinds = {p["kind"] for p in new}
    positional = [
        p["name"] for p in new if p["kind"] in ("POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD")
    ]
    for index, param in enumerate(old):
        if param["kind"] in ("VAR_POSITIONAL", "VAR_KEYWORD"):
            if param["kind"] not in kinds:
                return (
                    f"takes no more {'*args' if param['kind'] == 'VAR_POSITIONAL' else '**kwargs'}"
                )
            continue
        now = by_name.get(param["name"])
        if now is None:
            if "VAR_KEYWORD" in kinds and param["kind"] == "KEYWORD_ONLY":
                continue
            return f"lost its parameter {param['name']!r}"
        if param["kind"] in ("POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD"):
            if now["kind"] == "KEYWORD_ONLY":
                return f"takes {param['name']!r} by keyword only"
            if index >= len(positional) or positional[index] != param["name"]:
                return f"moved its parameter {param['name']!r}"
        if now["required"] and not param["required"]:
            return f"requires {param['name']!r}"
    olds = {p["name"] for p in old}
    for param in new:
        if param["required"] and param["name"] not in olds:
            return f"has a new required parameter {param['name']!r}"
    return None


def breaks(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What calls made against ``old`` would find broken in ``new``."""
    found = []
    for name, before in old["api"].items():
        after = new["api"].get(name)
        if after is None:
            found.append(f"{name} is gone")
            continue
        if before["kind"] != after["kind"]:
            found.append(f"{name} is a {after['kind']} now, not a {before['kind']}")
            continue
        if before["kind"] == "function":
            problem = _params_break(before["params"], after["params"])
            if problem:
                found.append(f"{name} {problem}")
        elif before["kind"] == "module":
            found += [
                f"{name}.{gone} is gone" for gone in set(before["names"]) - set(after["names"])
            ]
        elif before["kind"] == "class":
            for member, was in before["members"].items():
                now = after["members"].get(member)
                if now is None:
                    found.append(f"{name}.{member} is gone")
                elif was["kind"] == "method" and now["kind"] == "method":
                    problem = _params_break(was["params"], now["params"])
                    if problem:
                        found.append(f"{name}.{member} {problem}")
                elif was["kind"] != now["kind"] and not {was["kind"], now["kind"]} <= {
                    "property",
                    "attribute",
                }:
                    found.append(f"{name}.{member} is a {now['kind']} now, not a {was['kind']}")
    return found


def announced(old_version: str, new_version: str) -> bool:
    """Whether ``new_version`` may break ``old_version``'s API: a new major version, or before
    1.0 a new minor one."""
    old = [int(part) for part in old_version.split(".")[:2]]
    new = [int(part) for part in new_version.split(".")[:2]]
    if old[0] == 0:
        return new[0] > 0 or new[1] > old[1]
    return new[0] > old[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", action="store_true", help="record the current public API")
    action.add_argument("--check", action="store_true", help="fail on an unannounced break")
    args = parser.parse_args(argv)
    current = snapshot()
    if args.write:
        RECORD.parent.mkdir(exist_ok=True)
        RECORD.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(
            f"recorded the public API of agentkit {current['version']} in {RECORD.relative_to(ROOT)}"
        )
        return 0
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    found = breaks(recorded, current)
    if found and not announced(recorded["version"], current["version"]):
        print(f"the public API of agentkit {recorded['version']} is broken without a new version:")
        for problem in found:
            print(f"  {problem}")
        print("keep the old form working, or raise the version (agentkit/_version.py) and --write")
        return 1
    print(
        f"the public API of agentkit {recorded['version']} holds"
        + (" (a new version announces the breaks)" if found else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
