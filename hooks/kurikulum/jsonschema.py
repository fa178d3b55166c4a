"""JSON Schemas generated from the content models, for editors (YAML language server).

Put ``# yaml-language-server: $schema=../schemas/module.schema.json`` at the top of a file, or
use the mapping in .vscode/settings.json, to get completion and checks while typing.
"""

from __future__ import annotations

import json
from pathlib import Path

from .load import KINDS


def schemas() -> dict[str, dict]:
    out = {}
    for kind in KINDS:
        schema = kind.model.model_json_schema(by_alias=True)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"{kind.name} ({kind.pattern})"
        out[f"{kind.name}.schema.json"] = schema
    return out


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in sorted(schemas().items()):
        path = folder / name
        path.write_text(
            json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
        )
        written.append(path)
    return written
