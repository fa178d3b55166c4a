"""Read content YAML with the source position of every node.

Plain ``yaml.safe_load`` loses line numbers, silently keeps the last of two duplicate keys,
turns ``9:30`` into 570 and ``no`` into False, and expands aliases (a small file can expand to
gigabytes). This reader composes the node tree itself, so it can refuse aliases, report
duplicate keys, keep clock times as text, and remember ``(line, column)`` for each key path.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from .problems import Problem

MAX_BYTES = 1_000_000
PathKey = tuple[str | int, ...]


class _Resolver(Resolver):
    """YAML 1.2-like plain scalars: only true/false, decimal numbers, null and ISO dates."""


_Resolver.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("tag:yaml.org,2002:float", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789"),
]:
    _Resolver.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


class _AliasRefused(Exception):
    def __init__(self, mark):
        self.mark = mark


class _Composer(Composer):
    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise _AliasRefused(self.peek_event().start_mark)
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise _AliasRefused(event.start_mark)
        return super().compose_node(parent, index)


class _Loader(Reader, Scanner, Parser, _Composer, _Resolver):
    def __init__(self, stream):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _Composer.__init__(self)
        _Resolver.__init__(self)


@dataclass
class Document:
    """A parsed YAML file: its data and where each key path starts."""

    file: str
    data: object
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: PathKey) -> tuple[int, int]:
        """Line and column of the deepest existing node on ``path`` (1-based)."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.positions:
                return self.positions[path[:end]]
        return (1, 1)


class _Builder:
    """Turns a node tree into plain Python data, recording positions and duplicate keys."""

    def __init__(self, file: str):
        self.file = file
        self.positions: dict[PathKey, tuple[int, int]] = {}
        self.problems: list[Problem] = []

    def build(self, node: Node, path: PathKey):
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        return _scalar(node)

    def _mapping(self, node: MappingNode, path: PathKey) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node) if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str | int | bool) or isinstance(key, bool):
                key = str(key_node.value) if isinstance(key_node, ScalarNode) else None
            if key is None:
                self._problem(key_node, path, "a key must be plain text", "write `name: value`")
                continue
            key = str(key)
            if key in result:
                self._problem(
                    key_node,
                    (*path, key),
                    f"duplicate key {key!r}: the earlier value would be lost",
                    "keep one of the two entries",
                )
                continue
            result[key] = self.build(value_node, (*path, key))
        return result

    def _problem(self, node: Node, path: PathKey, message: str, hint: str) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(self.file, mark.line + 1, mark.column + 1, dotted(path), message, hint, code="yaml")
        )


def _scalar(node: ScalarNode):
    tag = node.tag
    value = node.value
    if tag.endswith(":bool"):
        return value.lower() == "true"
    if tag.endswith(":int"):
        return int(value)
    if tag.endswith(":float"):
        return float(value)
    if tag.endswith(":null"):
        return None
    if tag.endswith(":timestamp"):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def dotted(path: PathKey) -> str:
    """``('agenda', 2, 'minutes')`` -> ``agenda[2].minutes``, the way editors see it."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_yaml(path: Path, name: str) -> tuple[Document | None, list[Problem]]:
    """Parse one file. Returns the document, or None with problems that say what to fix."""
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        return None, [
            _file_problem(
                name, f"file is {len(raw)} bytes; the limit is {MAX_BYTES}", "split it into several files"
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            Problem(
                name,
                line,
                1,
                "",
                f"byte {raw[exc.start]:#04x} is not UTF-8 text",
                "save the file as UTF-8 (in most editors: Save with encoding > UTF-8)",
                code="encoding",
            )
        ]
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [_file_problem(name, "file is empty", "add the content, or delete the file")]
    return _compose(text, name)


def _compose(text: str, name: str) -> tuple[Document | None, list[Problem]]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except _AliasRefused as exc:
        return None, [
            Problem(
                name,
                exc.mark.line + 1,
                exc.mark.column + 1,
                "",
                "YAML anchors and aliases (&name, *name) are not allowed in content",
                "write the value out in full",
                code="yaml",
            )
        ]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        hint = "check the indentation and quotes on this line and the one above"
        if "flow" in what:
            hint = 'inside `{...}` or `[...]`, put text with ? : , # in quotes: {id: "Apa?", en: "What?"}'
        return None, [Problem(name, line, col, "", f"not valid YAML: {what}", hint, code="yaml")]
    except yaml.YAMLError as exc:
        return None, [_file_problem(name, f"not valid YAML: {exc}", "check the file's syntax")]
    finally:
        loader.dispose()
    if node is None:
        return None, [_file_problem(name, "file is empty", "add the content, or delete the file")]
    builder = _Builder(name)
    data = builder.build(node, ())
    return Document(name, data, builder.positions), builder.problems


def _file_problem(name: str, message: str, hint: str) -> Problem:
    return Problem(name, 1, 1, "", message, hint, code="yaml")
