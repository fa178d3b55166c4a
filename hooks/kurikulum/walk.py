"""Walk a validated content item and yield every localized text with its key path."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, RootModel

from .fields import FACILITATOR_ONLY, Markdown, Text
from .yamlsrc import PathKey


def texts(item, path: PathKey = ()) -> Iterator[tuple[PathKey, Text]]:
    """Every ``Text``/``Markdown`` value inside ``item``, depth first, with its path.

    Collected into a list first: one plain recursive function is several times cheaper than a
    chain of nested generators, and every check of a build walks every content item."""
    found: list[tuple[PathKey, Text]] = []
    _collect(item, path, found)
    return iter(found)


_LEAVES = (str, int, float, bool, type(None))

_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}


def _fields(cls: type) -> tuple[tuple[str, str], ...]:
    """A model's field names with the keys the content uses for them (the alias, if any)."""
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = tuple((name, info.alias or name) for name, info in cls.model_fields.items())
    return found


def _collect(item, path: PathKey, found: list) -> None:
    if isinstance(item, _LEAVES):
        return
    if isinstance(item, Text):
        found.append((path, item))
    elif isinstance(item, BaseModel):
        if not isinstance(item, RootModel):
            for name, key in _fields(type(item)):
                _collect(getattr(item, name), (*path, key), found)
    elif isinstance(item, list | tuple):
        for index, child in enumerate(item):
            _collect(child, (*path, index), found)
    elif isinstance(item, dict):
        for key, child in item.items():
            _collect(child, (*path, key), found)


def is_markdown(value: Text) -> bool:
    return isinstance(value, Markdown)


def participant_copy(item):
    """A copy of ``item`` with every facilitator-only field emptied, at any depth.

    Participant outputs are rendered from this copy, so facilitator notes and answer keys
    cannot reach them even if a template asked for them.
    """
    if isinstance(item, list):
        return [participant_copy(child) for child in item]
    if not isinstance(item, BaseModel) or isinstance(item, RootModel):
        return item
    update = {}
    for name, info in type(item).model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        if extra.get("facilitator_only") == FACILITATOR_ONLY["facilitator_only"]:
            update[name] = [] if isinstance(getattr(item, name), list) else None
        else:
            update[name] = participant_copy(getattr(item, name))
    return item.model_copy(update=update)
