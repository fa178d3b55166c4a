"""Walk a validated content item and yield every localized text with its key path."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, RootModel

from .fields import FACILITATOR_ONLY, Markdown, Text
from .yamlsrc import PathKey


def texts(item, path: PathKey = ()) -> Iterator[tuple[PathKey, Text]]:
    """Every ``Text``/``Markdown`` value inside ``item``, depth first, with its path."""
    if isinstance(item, Text):
        yield path, item
    elif isinstance(item, BaseModel) and not isinstance(item, RootModel):
        for name, info in type(item).model_fields.items():
            yield from texts(getattr(item, name), (*path, info.alias or name))
    elif isinstance(item, list | tuple):
        for index, child in enumerate(item):
            yield from texts(child, (*path, index))
    elif isinstance(item, dict):
        for key, child in item.items():
            yield from texts(child, (*path, key))


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
