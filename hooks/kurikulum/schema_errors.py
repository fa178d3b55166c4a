"""Turn pydantic validation errors into Problems an editor can act on.

Each message says what was expected and what was found; the hint says how to fix it; the
position comes from the YAML reader, so the editor lands on the right line.
"""

from __future__ import annotations

import difflib
import re
import types
import typing

from pydantic import BaseModel, RootModel, ValidationError

from .fields import Text
from .problems import Problem
from .yamlsrc import Document, dotted


def problems_from(error: ValidationError, doc: Document, model: type[BaseModel]) -> list[Problem]:
    return [_problem(err, doc, model) for err in error.errors(include_url=False)]


def _problem(err: dict, doc: Document, model: type[BaseModel]) -> Problem:
    loc = tuple(part for part in err["loc"] if not _is_type_tag(part))
    file, line, column = doc.where(loc)
    message, hint = _explain(err, loc, model)
    return Problem(file, line, column, dotted(loc), message, hint)


def _is_type_tag(part) -> bool:
    """pydantic inserts tags like 'Text' or 'function-after[...]' into union locations."""
    return isinstance(part, str) and (part[:1].isupper() or "[" in part)


def _explain(err: dict, loc: tuple, model: type[BaseModel]) -> tuple[str, str]:
    kind, found = err["type"], _show(err.get("input"))
    target = _model_at(model, loc[:-1]) if loc else model
    field = loc[-1] if loc else ""
    if kind == "missing":
        return f"required field `{field}` is missing", f"add `{field}:` to this entry"
    if kind == "extra_forbidden":
        return f"unknown key `{field}`", _suggest(str(field), _field_names(target), "remove it")
    expected_text = _model_at(model, loc) is Text or _is_text(model, loc)
    if expected_text and kind in {"dict_type", "model_type"}:
        return (
            f"expected text per language, found {found}",
            'write it as a mapping, e.g. `{id: "...", en: "..."}`',
        )
    if kind in {"dict_type", "model_type"} and isinstance(err.get("input"), str):
        return _text_for_mapping(err["input"], loc, _model_at(model, loc))
    if kind == "literal_error":
        allowed = err.get("ctx", {}).get("expected", "")
        options = [o.strip(" '") for o in allowed.replace(" or ", ", ").split(",")]
        return f"expected one of {allowed}; found {found}", _suggest(
            str(err.get("input")), options, "use one of them"
        )
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, "), "change the value as the message says"
    if kind == "string_pattern_mismatch":
        described = _description(model, loc)
        return f"{found} is not in the expected form", described or "see the schema for the expected form"
    return f"{err['msg'].rstrip('.').lower()}; found {found}", _generic_hint(kind)


_KEY_AND_VALUE = re.compile(r"^([A-Za-z_][\w-]*)(?:(:)(?=\S)|[ \t]+|$)(.*)$", re.DOTALL)


def _text_for_mapping(found: str, loc: tuple, target) -> tuple[str, str]:
    """A text where `key: value` lines belong, e.g. `- session concepts` in a day's items.

    When the text starts with one of the entry's keys, the missing colon (or the missing
    space after it) is almost certainly the mistake: say exactly what to write.
    """
    names = _field_names(target)
    dash = "- " if loc and isinstance(loc[-1], int) else ""
    match = _KEY_AND_VALUE.match(found.strip())
    if match and match.group(1) in names:
        key, value = match.group(1), " ".join(match.group(3).split())
        shown = _show(found)
        if match.group(2):
            what = f"the colon after `{key}` needs a space after it; found {shown}"
        else:
            what = f"the colon after `{key}` is missing; found {shown}"
        example = f"{dash}{key}: {_short(value) if value else '...'}"
        return f"{what}, so it is read as one text", f"write `{example}`"
    keys = ", ".join(f"`{n}:`" for n in names)
    return (
        f"expected `key: value` lines here, found the text {_show(found)}",
        f"write this entry as `key: value` lines (its keys: {keys})" if keys else _generic_hint("dict_type"),
    )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _generic_hint(kind: str) -> str:
    return {
        "int_type": "write a whole number without quotes, e.g. 15",
        "int_parsing": "write a whole number without quotes, e.g. 15",
        "list_type": "write a list: one `- item` per line",
        "model_type": "write a mapping of `key: value` lines",
        "dict_type": "write a mapping of `key: value` lines",
        "date_type": "write the date as YYYY-MM-DD, e.g. 2026-11-29",
        "date_from_datetime_parsing": "write the date as YYYY-MM-DD, e.g. 2026-11-29",
        "too_short": "add at least one entry",
        "too_long": "remove entries",
        "greater_than_equal": "use a larger number",
        "less_than_equal": "use a smaller number",
        "string_type": "write text (put it in quotes if it looks like a number or date)",
        "string_too_short": "write some text",
        "string_too_long": "shorten the text",
    }.get(kind, "see the JSON Schemas in schemas/ and MAINTAINERS.md")


def _show(value) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _suggest(word: str, options: list[str], fallback: str) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean `{close[0]}`?"
    return f"{fallback}; allowed: {', '.join(options)}" if options else fallback


# --- walking the model types along an error location -------------------------------------


def _unwrap(annotation):
    """The content type inside Optional/list/dict/Annotated, for walking a location."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else annotation
    return annotation


def _step(annotation, part):
    annotation = _unwrap(annotation)
    origin = typing.get_origin(annotation)
    if origin in (list, tuple) and isinstance(part, int):
        return _unwrap(typing.get_args(annotation)[0])
    if origin is dict:
        return _unwrap(typing.get_args(annotation)[1])
    if isinstance(annotation, type) and issubclass(annotation, RootModel):
        return str
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, info in annotation.model_fields.items():
            if part in (name, info.alias):
                return _unwrap(info.annotation)
    return None


def _model_at(model, loc: tuple):
    current = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return None
    return current


def _is_text(model, loc: tuple) -> bool:
    found = _model_at(model, loc)
    return isinstance(found, type) and issubclass(found, Text)


def _field_names(target) -> list[str]:
    if isinstance(target, type) and issubclass(target, BaseModel) and not issubclass(target, RootModel):
        return [info.alias or name for name, info in target.model_fields.items()]
    return []


def _description(model, loc: tuple) -> str:
    parent = _model_at(model, loc[:-1]) if loc else None
    if isinstance(parent, type) and issubclass(parent, BaseModel) and not issubclass(parent, RootModel):
        info = parent.model_fields.get(str(loc[-1]))
        if info is not None:
            if info.description:
                return info.description
            for meta in info.metadata:
                if getattr(meta, "description", None):
                    return meta.description
    if loc and isinstance(loc[-1], int):
        return "use lower-case letters, digits and hyphens, e.g. `grooming-basics`"
    return ""
