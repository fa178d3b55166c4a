"""Read content YAML with the source position of every node.

Plain ``yaml.safe_load`` loses line numbers, silently keeps the last of two duplicate keys,
turns ``9:30`` into 570 and ``no`` into False, and expands aliases (a small file can expand to
gigabytes). This reader composes the node tree itself, so it can refuse aliases, report
duplicate keys, keep clock times as text, and remember ``(line, column)`` for each key path.

The files are written by hand by people who are not developers, and may be hostile. Every way
a file can be wrong ends as a ``Problem`` with the file, line and a fix, never as a traceback,
and no message quotes more of the file than a short excerpt (a tag, a key, one character).
Decisions:

* The file is read through ``sourcefiles.read_bytes`` (no pipes, devices, folders, or links
  leaving the project; size limit) and decoded by ``sourcefiles.decode_text`` (UTF-8 only;
  NUL, vertical tab and the other invisible control characters refused with line and column).
* Before parsing, lines starting with git's merge conflict markers (``<<<<<<<``, ``|||||||``,
  ``=======``, ``>>>>>>>``) are reported, each on its own line, so a half-done merge is not
  buried under a YAML syntax error; then a tab in the indentation of any line is reported at
  its line and column (YAML indentation is spaces only, and PyYAML's own message is cryptic).
  At most ``MAX_REPORTED`` lines are listed per check, then one line says how many more.
* Explicit tags (``!!int "ten"``, ``!!float abc``, ``!!binary``, ``!!python/...``, ``!custom``)
  are refused, whatever the tag: content is plain text, numbers, true/false and dates, and a
  tag only ever changes what the author sees into something else or an error.
* Nesting deeper than ``MAX_DEPTH`` (50; the shipped content needs 7) is refused, so
  ``[[[[...`` can never reach Python's recursion limit.
* PyYAML's messages are translated for the common mistakes: a colon followed by a space inside
  a text ("put the text in quotes"), a missing colon after a key (reported on the line that
  lacks it, where PyYAML points one line too late), a quote never closed (at the opening
  quote), a tab between tokens, inconsistent indentation, a second document (``---``).
  Anything else PyYAML raises still ends as a ``not valid YAML`` problem.
"""

from __future__ import annotations

import datetime as dt
import hashlib
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
from .sourcefiles import MAX_BYTES, decode_text, position, read_bytes

__all__ = ["MAX_BYTES", "Document", "PathKey", "dotted", "parse_yaml", "read_yaml"]

MAX_DEPTH = 50
MAX_REPORTED = 10
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


class _Refused(Exception):
    """A node the reader does not accept, with where it starts."""

    def __init__(self, mark):
        self.mark = mark


class _AliasRefused(_Refused):
    pass


class _TagRefused(_Refused):
    pass


class _TooDeep(_Refused):
    pass


class _Composer(Composer):
    depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _AliasRefused(event.start_mark)
        if getattr(event, "tag", None) is not None:
            raise _TagRefused(event.start_mark)
        if self.depth >= MAX_DEPTH:
            raise _TooDeep(event.start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Loader(Reader, Scanner, Parser, _Composer, _Resolver):
    def __init__(self, stream):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _Composer.__init__(self)
        _Resolver.__init__(self)


try:  # libyaml, when PyYAML was built with it (the wheels on PyPI are)
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - a PyYAML without libyaml: the pure reader does it all
    CParser = None

if CParser is not None:

    class _FastLoader(CParser, _Composer, _Resolver):
        """libyaml's scanner and parser (about ten times faster) under the same composer.

        Only the events come from C; composing, refusing aliases, tags and deep nesting, and
        resolving scalars are the Python code above, so a file that reads without error gives
        the same data and positions as with ``_Loader``. A file with any error is read again
        by ``_Loader``, whose messages the problem texts below are written for.
        """

        get_single_node = _Composer.get_single_node

        def __init__(self, stream):
            CParser.__init__(self, stream)
            _Composer.__init__(self)
            _Resolver.__init__(self)


@dataclass
class Document:
    """A parsed YAML file: its data and where each key path starts."""

    file: str
    data: object
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    digest: bytes = b""
    """A hash of the file's bytes (set by ``read_yaml``): what a check of this file was about."""
    ends: dict[PathKey, int] = field(default_factory=dict)
    """The last line of each node's value (1-based)."""
    routes: dict[PathKey, tuple[Document, PathKey]] = field(default_factory=dict)
    """For a document merged from several files (``overlay.merge``): which document, and which
    path in it, each part of the data came from. Empty for a document read from one file."""

    def _route(self, path: PathKey) -> tuple[Document, PathKey] | None:
        for end in range(len(path), -1, -1):
            found = self.routes.get(path[:end])
            if found is not None:
                return found[0], found[1] + path[end:]
        return None

    def position(self, path: PathKey) -> tuple[int, int]:
        """Line and column of the deepest existing node on ``path`` (1-based)."""
        if self.routes:
            doc, source = self._route(path) or (None, path)
            if doc is not None:
                return doc.position(source)
        for end in range(len(path), -1, -1):
            if path[:end] in self.positions:
                return self.positions[path[:end]]
        return (1, 1)

    def file_at(self, path: PathKey) -> str:
        """The file the value at ``path`` comes from (``file`` unless the document is merged)."""
        routed = self._route(path) if self.routes else None
        return routed[0].file_at(routed[1]) if routed else self.file

    def where(self, path: PathKey) -> tuple[str, int, int]:
        """File, line and column of the value at ``path``."""
        return (self.file_at(path), *self.position(path))

    def lines(self, path: PathKey) -> tuple[str, int, int] | None:
        """File, first and last line of the value at ``path`` if it is in the document."""
        if self.routes:
            routed = self._route(path)
            return routed[0].lines(routed[1]) if routed else None
        if path not in self.positions:
            return None
        start = self.positions[path][0]
        return self.file, start, max(start, self.ends.get(path, start))

    def text_position(self, path: PathKey, text: str, offset: int) -> tuple[int, int]:
        """Line and column of ``text[offset]``, where ``text`` is the value at ``path``.

        A multi-line value is a block scalar (``|``), which starts on the line after its key;
        its column is given as 1.
        """
        line, column = self.position(path)
        if "\n" not in text:
            return line, column
        return line + text.count("\n", 0, offset) + 1, 1


class _Builder:
    """Turns a node tree into plain Python data, recording positions and duplicate keys."""

    def __init__(self, file: str):
        self.file = file
        self.positions: dict[PathKey, tuple[int, int]] = {}
        self.ends: dict[PathKey, int] = {}
        self.problems: list[Problem] = []

    def build(self, node: Node, path: PathKey):
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        end = node.end_mark
        self.ends[path] = end.line + (1 if end.column > 0 else 0)
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        try:
            return _scalar(node)
        except (ValueError, OverflowError):  # e.g. an integer of more than 4300 digits
            self._problem(
                node,
                path,
                f"this number is too long ({len(node.value)} characters)",
                "write a shorter number, or put the value in quotes if it is text",
            )
            return None

    def _mapping(self, node: MappingNode, path: PathKey) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            try:
                key = _scalar(key_node) if isinstance(key_node, ScalarNode) else None
            except (ValueError, OverflowError):
                key = key_node.value
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
                    f"duplicate key {_short(key)!r}: the earlier value would be lost",
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


def _short(text: str, limit: int = 60) -> str:
    """At most ``limit`` characters of a text from the file, for a message."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


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
    """``('agenda', 2, 'minutes')`` -> ``agenda[3].minutes``, the way editors see it.

    List positions count from 1, as people count: ``agenda[3]`` is the third block. (Key
    paths inside the engine count from 0, like Python; only this text counts from 1.)
    ``problems.describe`` turns such a path into words ("the 3rd block in agenda").
    """
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_yaml(path: Path, name: str, root: Path | None = None) -> tuple[Document | None, list[Problem]]:
    """Read and parse one file. Returns the document, or None with problems that say what to fix.

    ``root`` is the project folder: the file (or a link's target) must be inside it. Without
    it, the file's own folder is used.
    """
    raw, problems = read_bytes(path, Path(root) if root is not None else Path(path).parent, name)
    if raw is None:
        return None, problems
    key = (name, hashlib.blake2b(raw, digest_size=20).digest())
    if key not in _PARSED:
        text, problems = decode_text(raw, name)
        _PARSED[key] = (None, problems) if text is None else parse_yaml(text, name)
        if _PARSED[key][0] is not None:
            _PARSED[key][0].digest = key[1]
        if len(_PARSED) > PARSED_SIZE:
            del _PARSED[next(iter(_PARSED))]
    doc, problems = _PARSED[key]
    return doc, list(problems)


PARSED_SIZE = 4096
_PARSED: dict[tuple[str, bytes], tuple[Document | None, list[Problem]]] = {}
"""Files already parsed in this process, by name and content: ``mkdocs serve`` re-parses only
the files that changed. The file is still read (and guarded) every time; keying on the content,
not the modification time, cannot miss an edit. Callers must not change a returned Document."""


def parse_yaml(text: str, name: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text (already decoded, ``\\n`` line breaks) into a ``Document``."""
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.split("\n")):
        return None, [_file_problem(name, "file is empty", "add the content, or delete the file")]
    problems = conflict_markers(text, name) + _indent_tabs(text, name)
    if problems:
        return None, problems
    try:
        return _compose(text, name)
    except RecursionError:  # cannot happen with MAX_DEPTH; a safety net, never a traceback
        return None, [_too_deep(name, 1, 1)]


_CONFLICT = re.compile(r"^(?:(<{7}|\|{7}|>{7})(?:[ \t].*)?|(={7})[ \t]*)$", re.MULTILINE)
_CONFLICT_ROLE = {
    "<": "`<<<<<<<` starts the conflicting versions",
    "|": "`|||||||` starts the older, common version",
    "=": "`=======` separates the two versions",
    ">": "`>>>>>>>` ends the conflicting versions",
}


def conflict_markers(text: str, name: str) -> list[Problem]:
    """Lines git left from a merge it could not finish, each with its own line number."""
    found = []
    for match in _CONFLICT.finditer(text):
        marker = match.group(1) or match.group(2)
        line, _ = position(text, match.start())
        found.append(
            Problem(
                name,
                line,
                1,
                "",
                f"unresolved merge conflict: {_CONFLICT_ROLE[marker[0]]}",
                "keep the right text between the markers, delete the other version, "
                "and delete the marker lines (<<<<<<<, =======, >>>>>>>)",
                code="conflict",
            )
        )
    return _capped(found, "merge conflict marker(s)")


def _indent_tabs(text: str, name: str) -> list[Problem]:
    """A tab in the indentation of a line (YAML indents with spaces only)."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            found.append(
                Problem(
                    name,
                    number,
                    indent.index("\t") + 1,
                    "",
                    "a tab is used for indentation",
                    "replace the tab with spaces (YAML indents with spaces only; "
                    "set your editor to insert spaces for Tab)",
                    code="yaml",
                )
            )
    return _capped(found, "line(s) indented with a tab")


def _capped(found: list[Problem], what: str) -> list[Problem]:
    if len(found) <= MAX_REPORTED:
        return found
    rest = found[MAX_REPORTED]
    more = len(found) - MAX_REPORTED
    summary = Problem(
        rest.file,
        rest.line,
        rest.column,
        "",
        f"{more} more {what} from here on (only the first {MAX_REPORTED} are listed)",
        rest.hint,
        code=rest.code,
    )
    return [*found[:MAX_REPORTED], summary]


def _compose(text: str, name: str) -> tuple[Document | None, list[Problem]]:
    node = _fast_node(text)
    if node is not None:
        builder = _Builder(name)
        data = builder.build(node, ())
        return Document(name, data, builder.positions, ends=builder.ends), builder.problems
    loader = None
    try:
        loader = _Loader(text)
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
    except _TagRefused as exc:
        return None, [_tag_problem(name, text, exc.mark)]
    except _TooDeep as exc:
        return None, [_too_deep(name, exc.mark.line + 1, exc.mark.column + 1)]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, text, name)]
    except yaml.YAMLError:
        return None, [_file_problem(name, "not valid YAML", "check the file's syntax")]
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        return None, [_file_problem(name, "file is empty", "add the content, or delete the file")]
    builder = _Builder(name)
    data = builder.build(node, ())
    return Document(name, data, builder.positions, ends=builder.ends), builder.problems


def _fast_node(text: str) -> Node | None:
    """The node tree read by libyaml, or None when that fails for any reason (then the pure
    reader reads the file again, to report the problem in its words)."""
    if CParser is None:
        return None
    loader = None
    try:
        loader = _FastLoader(text)
        return loader.get_single_node()
    except (yaml.YAMLError, _Refused, RecursionError, ValueError):
        return None
    finally:
        if loader is not None:
            loader.dispose()


def _tag_text(text: str, index: int) -> str:
    """The tag as the author wrote it (``!!int``), shortened: never more of the file than that."""
    match = re.compile(r"\S{1,40}").match(text, index)
    tag = match.group() if match else "!"
    return tag + ("..." if len(tag) == 40 else "")


def _tag_problem(name: str, text: str, mark) -> Problem:
    tag = _tag_text(text, mark.index)
    return Problem(
        name,
        mark.line + 1,
        mark.column + 1,
        "",
        f"the YAML tag `{tag}` is not allowed in content",
        f"remove `{tag}` and write the value plainly (a number as digits, text as it is)",
        code="yaml",
    )


def _too_deep(name: str, line: int, column: int) -> Problem:
    return Problem(
        name,
        line,
        column,
        "",
        f"the content is nested more than {MAX_DEPTH} levels deep",
        "content needs only a few levels: look for stray `[` or `{` brackets, or indentation that keeps growing",
        code="yaml",
    )


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    """PyYAML's error, said for someone who has never heard of YAML, at the right place."""
    context, problem = exc.context or "", exc.problem or ""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.split("\n")
    source = lines[line - 1] if 0 < line <= len(lines) else ""

    def say(message: str, hint: str, at: tuple[int, int] | None = None) -> Problem:
        where = at or (line, col)
        return Problem(name, where[0], where[1], "", message, hint, code="yaml")

    context_at = (exc.context_mark.line + 1, exc.context_mark.column + 1) if exc.context_mark else None
    quote_hint = 'put the whole text in double quotes, e.g. `title: "Tips: stay safe online"`'
    if problem == "mapping values are not allowed here":
        if col > 1024:
            return say(
                "this key is longer than YAML allows (1024 characters)",
                "shorten the key; a long text belongs after the colon",
            )
        if re.search(r":[ \t]", source[: col - 1]):
            return say(
                "this text contains a colon followed by a space, which YAML reads as a new key", quote_hint
            )
        indent = len(source) - len(source.lstrip(" "))
        before = _line_before(lines, line)
        if before is not None:
            number, text = before
            words = text.strip().split(None, 1)
            if (
                len(text) - len(text.lstrip(" ")) == indent
                and not re.search(r":(?:[ \t]|$)", text)
                and len(words) == 2
                and re.fullmatch(r"[A-Za-z_][\w-]*", words[0])
            ):
                key, rest = _short(words[0], 40), _short(words[1], 40)
                return say(
                    f"a colon is missing after `{key}`: every line here must be `key: value`",
                    f"write `{key}: {rest}`; if this line is text of the key above, put that whole text "
                    "in double quotes",
                    (number, indent + 1),
                )
        return say(
            "this line is indented more than the key above, so it is read as more of that key's text, "
            "and a text cannot contain a colon followed by a space",
            "if this is a new key, indent it like the key above; if it is more text, " + quote_hint,
            (line, indent + 1),
        )
    if context.startswith("while parsing a flow mapping") and "but got ':'" in problem:
        return say(
            "this text contains a colon followed by a space, which YAML reads as a new key",
            'put the text in double quotes: {id: "Tips: aman", en: "Tips: stay safe"}',
        )
    if "could not find expected ':'" in problem and context_at:
        return say(
            "a colon is missing: every line here must be `key: value`",
            "add a colon and a space after the key (e.g. `duration: 45`); if the line is more of the "
            "text above, indent it further than that text's key",
            context_at,
        )
    if "quoted scalar" in context and "end of stream" in problem and context_at:
        return say(
            "a quote opened here is never closed",
            'add the closing quote at the end of the text; a quote inside "..." is written \\" '
            "and one inside '...' is written ''",
            context_at,
        )
    if "escape" in problem:
        return say(
            "a backslash inside double quotes starts an escape code that is not valid",
            "write \\\\ for a backslash, or put the text in single quotes instead",
        )
    if "'\\t'" in problem:
        return say("a tab is used here", "replace the tab with a space")
    if "single document" in context:
        return say(
            "the file holds more than one YAML document (a second `---` line)",
            "delete the extra `---` line, or split the content into separate files",
        )
    if "tag" in f"{context} {problem}" and mark:
        return _tag_problem(name, text, mark)
    if context.startswith("while parsing a block"):
        return say(
            "this line is indented differently from the lines above it",
            "line it up with the other keys or `-` items of the same level (the same number of spaces)",
        )
    what = " ".join(x for x in (context, problem) if x)
    what = what if len(what) <= 160 else what[:157] + "..."
    hint = "check the indentation and quotes on this line and the one above"
    if "flow" in what:
        hint = 'inside `{...}` or `[...]`, put text with ? : , # in quotes: {id: "Apa?", en: "What?"}'
    return say(f"not valid YAML: {what}", hint)


def _line_before(lines: list[str], line: int) -> tuple[int, str] | None:
    """The last line before ``line`` (1-based) that holds something other than a comment."""
    for number in range(line - 1, 0, -1):
        text = lines[number - 1]
        if text.strip() and not text.lstrip().startswith("#"):
            return number, text
    return None


def _file_problem(name: str, message: str, hint: str) -> Problem:
    return Problem(name, 1, 1, "", message, hint, code="yaml")
