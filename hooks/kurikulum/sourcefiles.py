"""Read a hand-written project file safely: only plain text files inside the project.

Every file the engine reads from the project (content YAML, hand-written ``docs/*.md`` pages)
goes through ``read_bytes`` / ``read_text_file``. Whatever is wrong ends as a ``Problem`` that
names the file, never as a traceback or a hang, and no message ever echoes the file's content
(only character codes, positions and the project-relative name).

Decisions:

* **Look before opening.** The path is ``lstat``-ed first. Anything that is not a regular file
  (a named pipe, a device, a socket, a folder) is refused *without being opened*: opening a
  named pipe blocks until someone writes to it, and reading a device may never end.
* **Symbolic links** are followed only when the resolved target is inside the project root
  (``realpath`` of both, so a folder that is itself a link is caught too). A link leaving the
  project is refused ("points outside the project") without reading the target, and the target
  path is not printed either: it may name a private file of whoever runs the check, in a public
  CI log. A link to a missing file and a link loop (``ELOOP``) get their own messages.
* **Opening** uses ``O_NONBLOCK | O_NOFOLLOW`` on the resolved path, then ``fstat`` must show the
  same regular file (device and inode) that was checked, so a file swapped for a pipe or a link
  between the check and the read is refused too. A file that cannot be read (``EACCES``) gets a
  message saying so.
* **Size** is checked from ``stat`` before reading, and the read stops one byte past the limit.
* **Text** must be UTF-8 (a leading BOM is dropped). UTF-16 (Notepad's "Unicode") is recognised
  and named. ``\\r\\n`` and a lone ``\\r`` become ``\\n``, so line numbers match editors'.
* **Invisible characters** are refused with line and column: NUL, the C0 controls other than
  tab and newline (notably U+000B, the vertical tab Word writes for a soft line break), DEL, the
  C1 controls, U+FFFE/U+FFFF, and the line separators U+0085, U+2028 and U+2029. The separators
  are refused rather than accepted because YAML counts them as line breaks while editors do
  not, so every later line number would disagree with what the author sees. Each distinct
  character is reported once, at its first place, with how often it occurs.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from pathlib import Path

from .problems import Problem

MAX_BYTES = 1_000_000

_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)

_REPLACE = "delete it and put a normal text file here"
_KINDS = (
    (
        stat.S_ISDIR,
        "this is a folder, not a file",
        "rename the folder or move it elsewhere: a name like this one is for a text file",
    ),
    (stat.S_ISFIFO, "this is a named pipe (FIFO), not a file; it was not opened", _REPLACE),
    (stat.S_ISCHR, "this is a device, not a file; it was not opened", _REPLACE),
    (stat.S_ISBLK, "this is a device, not a file; it was not opened", _REPLACE),
    (stat.S_ISSOCK, "this is a socket, not a file; it was not opened", _REPLACE),
)

# Everything YAML cannot read (its printable set), plus U+0085, U+2028 and U+2029 (see above).
# "\r" is absent because line breaks are normalised first.
_INVISIBLE = re.compile("[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SEPARATOR_HINT = (
    "delete it (it is often pasted in from a web page or a PDF); press Enter if a new line was meant"
)
_NAMED = {
    "\x00": (
        "a NUL byte (character 0)",
        "the file may be damaged or saved by a word processor: open it in a plain-text editor, "
        "delete the invisible character and save as UTF-8",
    ),
    "\x0b": (
        "a vertical tab (U+000B), which Word writes for a soft line break (Shift+Enter)",
        "delete it and retype the line break with Enter (or a space if no new line was meant)",
    ),
    "\x0c": ("a form feed (U+000C), a page break from a word processor", "delete it"),
    "\x85": ("an invisible line separator (U+0085)", _SEPARATOR_HINT),
    "\u2028": ("an invisible line separator (U+2028)", _SEPARATOR_HINT),
    "\u2029": ("an invisible paragraph separator (U+2029)", _SEPARATOR_HINT),
}


def unsafe_name(name: str) -> str | None:
    """``name`` with its control and invisible formatting characters escaped, if it has any.

    A file name is printed in messages and CI annotations: a newline in it could forge a line of
    output, and a bidirectional control could make it read as another name.
    """
    if not any(_bad_in_name(ch) for ch in name):
        return None
    return "".join(f"\\u{ord(ch):04x}" if _bad_in_name(ch) else ch for ch in name)


def _bad_in_name(char: str) -> bool:
    return char in "\t\n" or bool(_INVISIBLE.match(char)) or unicodedata.category(char) == "Cf"


def file_problem(name: str, message: str, hint: str, code: str = "file") -> Problem:
    """A problem with the file as a whole (no line to point at)."""
    return Problem(name, 0, 0, "", message, hint, code=code)


def inside(path: str | Path, root: str | Path) -> bool:
    """Whether the resolved ``path`` is ``root`` or below it (both already resolved)."""
    path, root = os.path.normcase(str(path)), os.path.normcase(str(root))
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:  # different drives on Windows
        return False


def _os_problem(name: str, exc: OSError) -> Problem:
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return file_problem(
            name,
            "this file cannot be read: permission denied",
            f"give your user permission to read it (on Linux or macOS: `chmod u+r {name}`), or delete it",
        )
    if exc.errno == errno.ELOOP:
        return file_problem(
            name,
            "this is a symbolic link that leads back to itself (a loop)",
            "delete the link and put a normal file here",
        )
    if isinstance(exc, FileNotFoundError):
        return file_problem(name, "this file disappeared while it was being checked", "run the check again")
    reason = exc.strerror or type(exc).__name__
    return file_problem(
        name, f"this file cannot be read: {reason}", "check the file and the disk, then run the check again"
    )


def inspect(path: Path, root: Path, name: str) -> tuple[os.stat_result | None, str, list[Problem]]:
    """Check what ``path`` is without opening it: ``(stat of the target, resolved path, problems)``."""
    try:
        own = os.lstat(path)
    except OSError as exc:
        return None, "", [_os_problem(name, exc)]
    is_link = stat.S_ISLNK(own.st_mode)
    real = os.path.realpath(path)
    if not inside(real, os.path.realpath(root)):
        where = "this is a symbolic link that points" if is_link else "this file is in a folder that links"
        return (
            None,
            real,
            [
                file_problem(
                    name,
                    f"{where} outside the project; it was not read",
                    "copy the content into the project as a normal file, or delete the link",
                )
            ],
        )
    target = own
    if is_link:
        try:
            target = os.stat(path)
        except FileNotFoundError:
            return (
                None,
                real,
                [
                    file_problem(
                        name,
                        "this is a symbolic link to a file that does not exist",
                        "delete the link, or restore the file it points to",
                    )
                ],
            )
        except OSError as exc:
            return None, real, [_os_problem(name, exc)]
    for test, message, hint in _KINDS:
        if test(target.st_mode):
            return None, real, [file_problem(name, message, hint)]
    if not stat.S_ISREG(target.st_mode):
        return None, real, [file_problem(name, "this is not a regular file; it was not opened", _REPLACE)]
    return target, real, []


def _open_readonly(real: str) -> int:
    return os.open(real, _FLAGS)


def _too_big(name: str, size: str, max_bytes: int) -> Problem:
    return file_problem(
        name, f"file is {size} bytes; the limit is {max_bytes}", "split it into several files"
    )


def read_bytes(
    path: Path, root: Path, name: str, max_bytes: int = MAX_BYTES
) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a regular file inside ``root``, or None with problems saying why not."""
    checked, real, problems = inspect(path, root, name)
    if checked is None:
        return None, problems
    if checked.st_size > max_bytes:
        return None, [_too_big(name, str(checked.st_size), max_bytes)]
    try:
        fd = _open_readonly(real)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # became a link after the check
            return None, [
                file_problem(name, "this file changed while it was being read", "run the check again")
            ]
        return None, [_os_problem(name, exc)]
    try:
        opened = os.fstat(fd)
        same = (opened.st_dev, opened.st_ino) == (checked.st_dev, checked.st_ino)
        if not stat.S_ISREG(opened.st_mode) or not same:
            return None, [
                file_problem(name, "this file changed while it was being read", "run the check again")
            ]
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = os.read(fd, min(1 << 16, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        return None, [_os_problem(name, exc)]
    finally:
        os.close(fd)
    if size > max_bytes:
        return None, [_too_big(name, f"more than {max_bytes}", max_bytes)]
    return b"".join(chunks), []


def decode_text(raw: bytes, name: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text with ``\\n`` line breaks, or None with problems (encoding, invisible characters)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) >= 8 and raw.count(0) * 3 >= len(raw)):
        return None, [
            file_problem(
                name,
                "file is saved as UTF-16 (Notepad's 'Unicode'), not UTF-8",
                "save the file as UTF-8 (in most editors: Save with encoding > UTF-8)",
                code="encoding",
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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems = invisible_characters(text, name)
    return (None, problems) if problems else (text, [])


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]`` (lines end at ``\\n`` only)."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def invisible_characters(text: str, name: str) -> list[Problem]:
    """One problem per distinct invisible character, at its first place."""
    first: dict[str, int] = {}
    count: dict[str, int] = {}
    for match in _INVISIBLE.finditer(text):
        char = match.group()
        first.setdefault(char, match.start())
        count[char] = count.get(char, 0) + 1
    problems = []
    for char, index in first.items():
        what, hint = _NAMED.get(char) or (
            f"an invisible control character (U+{ord(char):04X})",
            "delete it (if unsure where it is, retype the text around this place)",
        )
        more = count[char] - 1
        also = f"; it occurs {more} more time(s) after this place" if more else ""
        line, col = position(text, index)
        problems.append(
            Problem(name, line, col, "", f"the text contains {what}{also}", hint, code="encoding")
        )
    return problems


def read_text_file(
    path: Path, root: Path, name: str, max_bytes: int = MAX_BYTES
) -> tuple[str | None, list[Problem]]:
    """The text of a hand-written file (e.g. a ``docs/*.md`` page), or None with problems.

    ``name`` is how messages call the file, normally its path relative to ``root``.
    """
    raw, problems = read_bytes(path, root, name, max_bytes)
    if raw is None:
        return None, problems
    return decode_text(raw, name)
