"""One build at a time, and a ``site/`` that is always a complete build.

The lock is an OS file lock (``fcntl.flock``) on ``build/.lock``: the kernel releases it when the
process ends, however it ends, so there is never a stale lock to remove by hand. The file's text
says who holds it (pid, start time), only for the message a second build prints.

A second ``curriculum build`` or ``curriculum handouts`` WAITS for the first one to finish: it
prints "another build is running (pid N, started HH:MM); waiting…" and then builds, so it
publishes the content as it is when it runs, after the first. It gives up after
:data:`DEFAULT_WAIT` seconds, or the number of seconds in ``CURRICULUM_BUILD_WAIT``
(``CURRICULUM_BUILD_WAIT=0`` refuses at once), with exit code :data:`EXIT_LOCKED`.

:func:`swap_in` replaces ``site/`` with a finished staging folder in one step, see its docstring.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import errno
import os
import secrets
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

DEFAULT_WAIT = 10 * 60
EXIT_LOCKED = 75  # EX_TEMPFAIL: nothing is wrong with the content; try again later
STAGING_PREFIX = "site-"
STAGING_SUFFIX = ".tmp"


class BuildLocked(Exception):
    """Another build held the lock for longer than we were willing to wait."""


def wait_seconds() -> float:
    value = os.environ.get("CURRICULUM_BUILD_WAIT", "").strip()
    try:
        return max(0.0, float(value)) if value else DEFAULT_WAIT
    except ValueError:
        return DEFAULT_WAIT


@contextlib.contextmanager
def build_lock(
    root: Path,
    say: Callable[[str], None] = print,
    wait: float | None = None,
    what: str = "build",
) -> Iterator[Path]:
    """Hold ``build/.lock`` for the duration; yields the ``build/`` folder.

    With the lock held, staging folders left behind by builds that were killed are removed and
    a ``site/`` left missing by an interrupted two-step swap (systems without an atomic exchange)
    is put back.
    """
    import fcntl

    wait = wait_seconds() if wait is None else wait
    folder = Path(root) / "build"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ".lock"
    deadline, told = time.monotonic() + wait, False
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            if time.monotonic() >= deadline:
                raise BuildLocked(
                    f"curriculum: another build is running ({holder}); "
                    + (f"gave up after waiting {wait:.0f} s. " if wait else "not starting a second one. ")
                    + "Try again when it has finished (CURRICULUM_BUILD_WAIT sets how many seconds "
                    "to wait; 0 refuses at once)."
                ) from None
            if not told:
                say(f"curriculum: another build is running ({holder}); waiting…")
                told = True
            time.sleep(0.2)
            continue
        except BaseException:
            os.close(fd)
            raise
        # `make clean` may have removed build/ while we waited for the lock of the old file:
        # a lock on a file that is no longer build/.lock keeps nobody out. Take the new one.
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if not same:
            os.close(fd)
            folder.mkdir(parents=True, exist_ok=True)
            continue
        break
    if told:
        say("curriculum: the other build has finished; going on")
    try:
        started = dt.datetime.now().astimezone().strftime("%H:%M")
        text = f"pid {os.getpid()}, started {started}, {what}\n".encode()
        os.pwrite(fd, text, 0)
        os.ftruncate(fd, len(text))
        _tidy(folder, Path(root) / "site")
        yield folder
    finally:
        os.close(fd)  # releases the lock; the file stays (removing it would race a waiting build)


def _holder(fd: int) -> str:
    """Who holds the lock, from the lock file's text (the holder writes it just after locking)."""
    for _ in range(10):
        text = os.pread(fd, 200, 0).decode(errors="replace").strip()
        parts = text.split(", ")
        if len(parts) >= 2 and parts[0].startswith("pid ") and _alive(parts[0][4:]):
            return ", ".join(parts[:2])
        time.sleep(0.05)  # the holder has not written its pid yet
    return "pid unknown"


def _alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def _tidy(folder: Path, site: Path) -> None:
    old = folder / "site.old"
    if not site.exists() and (old / "index.html").is_file():
        os.rename(old, site)  # a two-step swap was interrupted between its renames
    for leftover in folder.glob(f"{STAGING_PREFIX}*{STAGING_SUFFIX}"):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in folder.glob(f"{STAGING_PREFIX}*{STAGING_SUFFIX}.*"):  # its page list (pipeline)
        with contextlib.suppress(OSError):
            leftover.unlink()
    if old.is_symlink():
        old.unlink()
    elif old.exists():
        shutil.rmtree(old, ignore_errors=True)


def new_staging(folder: Path) -> Path:
    """A staging folder of this build only (a unique name; tidied away by the next build).

    Made with the usual permissions (not mkdtemp's 0700): it becomes ``site/``, which a web server
    running as another user must be able to read.
    """
    while True:
        path = folder / f"{STAGING_PREFIX}{os.getpid()}-{secrets.token_hex(4)}{STAGING_SUFFIX}"
        try:
            path.mkdir()
            return path
        except FileExistsError:
            continue


def swap_in(staging: Path, site: Path, exchange: Callable[[Path, Path], bool] | None = None) -> None:
    """Make the complete ``staging`` folder the new ``site/`` and delete the old site.

    On Linux, ``renameat2(RENAME_EXCHANGE)`` swaps the two directory entries in one step: at every
    moment ``site/`` is either the whole old build or the whole new one, never missing, never
    partial. A web server that looks up each request's path (nginx, ``python -m http.server -d
    site``) serves the new build from the next request on; a file it is sending already stays
    readable until it is closed, even after the old tree is deleted. A server started *inside*
    ``site/`` keeps the old directory as its working directory and loses it when it is
    deleted: serve ``site`` from its parent instead. ``mkdocs serve`` builds into its own
    temporary folder and never sees ``site/`` or ``build/``.

    Elsewhere (macOS, other kernels, file systems without the exchange) the fallback is two
    renames, ``site`` -> ``build/site.old`` then staging -> ``site``: between them ``site/`` is
    missing for a moment, and if the build dies right there the next build (or ``curriculum
    handouts``) puts ``build/site.old`` back before anything else. After the swap the old tree
    is deleted; a crash during that deletion leaves only a folder in ``build/`` that the next
    build removes.
    """
    exchange = exchange or _exchange
    if site.exists() and exchange(staging, site):
        _remove(staging)  # the old site, now under the staging name
        return
    old = staging.parent / "site.old"
    if old.exists():
        shutil.rmtree(old)
    if site.exists() or site.is_symlink():
        os.rename(site, old)
    os.rename(staging, site)
    if old.exists() or old.is_symlink():
        _remove(old)


def _remove(path: Path) -> None:
    if path.is_symlink():  # site/ was a link to a folder elsewhere: drop the link, keep that folder
        path.unlink()
    else:
        shutil.rmtree(path)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths with renameat2; False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2  # libc is loaded already
    except (OSError, AttributeError):  # glibc < 2.28, or a libc without it
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # old kernel or a file system without RENAME_EXCHANGE: two renames instead
    raise OSError(code, f"cannot swap {a} and {b}: {os.strerror(code)}")
