"""Hostile files: each kind ends as a tidy message naming the file, exit 1, no traceback, no hang.

Kinds git can store are golden fixtures in fixtures/broken/ (test_errors_golden.py checks them
in-process; here both `curriculum check` and `mkdocs build` run on them). Kinds git cannot store
(a named pipe, a socket, a device, symbolic links, an unreadable file) are made at test time in
a copy of the mini fixture. Every command runs in a subprocess with a timeout, so a hang fails
the test instead of blocking the suite.
"""

from __future__ import annotations

import errno
import os
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from kurikulum.site import SiteBuild
from kurikulum.sourcefiles import file_problem, read_bytes, read_text_file
from kurikulum.yamlsrc import MAX_REPORTED, read_yaml
from sitekit import FIXTURES, make_site
from test_errors_golden import broken_copy

TIMEOUT = 120
SECRET = "SECRET-MARKER-3f9c1e"

GOLDEN = [
    "nul-byte",
    "vertical-tab",
    "deep-nesting",
    "explicit-tags",
    "yaml-suffix",
    "upper-suffix",
    "folder-named-yml",
    "tab-indent",
    "colon-in-text",
    "missing-colon",
    "merge-conflict",
]

UNREADABLE = (
    "case_studies/case-a.yml: error: this file cannot be read: permission denied "
    "Fix: give your user permission to read it (on Linux or macOS: `chmod u+r case_studies/case-a.yml`), "
    "or delete it\n"
)

# Run the command with os.open refusing one file, as the kernel does for a file without read
# permission (root reads any file whatever its mode, so chmod alone cannot test this as root).
DENY = """
import errno, os, sys
_open = os.open
def _deny(path, *args, **kwargs):
    if os.fspath(path).replace(os.sep, "/").endswith("case_studies/case-a.yml"):
        raise PermissionError(errno.EACCES, "Permission denied", path)
    return _open(path, *args, **kwargs)
os.open = _deny
sys.argv = ["x", *sys.argv[1:]]
"""
CHECK = [sys.executable, "-m", "kurikulum.cli", "check", "--format", "text"]
BUILD = [sys.executable, "-m", "mkdocs", "build"]
DENIED_CHECK = [
    sys.executable,
    "-c",
    DENY + "from kurikulum.cli import main; sys.exit(main())",
    "check",
    "--format",
    "text",
]
DENIED_BUILD = [sys.executable, "-c", DENY + "from mkdocs.__main__ import cli; cli()", "build"]


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, timeout=TIMEOUT)


def assert_refused(site: Path, expected: str, check=CHECK, build=BUILD) -> None:
    """`curriculum check` prints exactly ``expected``; `mkdocs build` logs each line; both exit 1."""
    done = run(check, site)
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    assert done.stdout == expected, done.stdout + done.stderr
    assert done.returncode == 1
    built = run(build, site)
    assert "Traceback" not in built.stdout + built.stderr, built.stderr
    assert built.returncode == 1
    for line in expected.splitlines():
        assert line in built.stderr, built.stderr
    assert SECRET not in done.stdout + done.stderr + built.stdout + built.stderr


@pytest.mark.parametrize("case", GOLDEN)
def test_hostile_fixture_is_a_tidy_message_in_check_and_build(case, tmp_path):
    site = make_site(broken_copy(case, tmp_path / "src"), tmp_path / "site")
    expected = (FIXTURES / "broken" / case / "expected.txt").read_text(encoding="utf-8")
    assert_refused(site, expected)


@pytest.fixture
def site(tmp_path) -> Path:
    return make_site("mini", tmp_path / "project")


@pytest.fixture
def secret_file(tmp_path) -> Path:
    """A file outside the project, shaped like a system file, that must never be read or shown."""
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "passwd"
    secret.write_text(f"root:x:0:0:{SECRET}:/root:/bin/bash\nslug: {SECRET}\n", encoding="utf-8")
    return secret


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_named_pipe_is_refused_without_opening(site):
    os.mkfifo(site / "case_studies" / "case-c.yml")
    assert_refused(
        site,
        "case_studies/case-c.yml: error: this is a named pipe (FIFO), not a file; it was not opened "
        "Fix: delete it and put a normal text file here\n",
    )


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets need a POSIX system")
def test_socket_is_refused(site, monkeypatch):
    monkeypatch.chdir(site / "case_studies")  # a relative name keeps within the socket path limit
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind("case-c.yml")
    monkeypatch.undo()
    assert_refused(
        site,
        "case_studies/case-c.yml: error: this is a socket, not a file; it was not opened "
        "Fix: delete it and put a normal text file here\n",
    )


def test_device_is_refused_without_opening(site):
    try:
        os.mknod(site / "modules" / "zero.yml", stat.S_IFCHR | 0o644, os.makedev(1, 5))
    except (AttributeError, PermissionError, OSError) as exc:
        pytest.skip(f"cannot create a device node here ({type(exc).__name__}); needs root with CAP_MKNOD")
    assert_refused(
        site,
        "modules/zero.yml: error: this is a device, not a file; it was not opened "
        "Fix: delete it and put a normal text file here\n",
    )


def test_broken_symlink_is_named(site):
    os.symlink("case-z.yml", site / "case_studies" / "case-c.yml")
    assert_refused(
        site,
        "case_studies/case-c.yml: error: this is a symbolic link to a file that does not exist "
        "Fix: delete the link, or restore the file it points to\n",
    )


def test_symlink_loop_is_named(site):
    os.symlink("case-d.yml", site / "case_studies" / "case-c.yml")
    os.symlink("case-c.yml", site / "case_studies" / "case-d.yml")
    loop = "error: this is a symbolic link that leads back to itself (a loop) Fix: delete the link and put a normal file here\n"
    assert_refused(site, f"case_studies/case-c.yml: {loop}case_studies/case-d.yml: {loop}")


def test_symlink_outside_the_project_is_never_read_or_shown(site, secret_file):
    os.symlink(secret_file, site / "case_studies" / "case-c.yml")
    assert_refused(
        site,
        "case_studies/case-c.yml: error: this is a symbolic link that points outside the project; "
        "it was not read Fix: copy the content into the project as a normal file, or delete the link\n",
    )


def test_content_folder_linking_outside_the_project_is_never_read(site, secret_file):
    folder = secret_file.parent / "cases"
    shutil.move(site / "case_studies", folder)
    (folder / "case-b.yml").write_text(secret_file.read_text(encoding="utf-8"), encoding="utf-8")
    os.symlink(folder, site / "case_studies")
    outside = (
        "error: this file is in a folder that links outside the project; it was not read "
        "Fix: copy the content into the project as a normal file, or delete the link\n"
    )
    assert_refused(site, f"case_studies/case-a.yml: {outside}case_studies/case-b.yml: {outside}")


def test_symlink_inside_the_project_is_followed(site):
    shared = site / "shared"
    shared.mkdir()
    shutil.move(site / "case_studies" / "case-b.yml", shared / "case-b.yml")
    os.symlink("../shared/case-b.yml", site / "case_studies" / "case-b.yml")
    done = run(CHECK, site)
    assert done.returncode == 0, done.stdout + done.stderr


def test_unreadable_file_is_named(site):
    """The reader raises EACCES for one file, as the kernel does for a non-root user."""
    assert_refused(site, UNREADABLE, check=DENIED_CHECK, build=DENIED_BUILD)


def test_unreadable_file_in_process(site, monkeypatch):
    """The same through the engine's API, which the MkDocs hooks call."""
    real_open = os.open

    def deny(path, *args, **kwargs):
        if os.fspath(path).endswith("case-a.yml"):
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    report = SiteBuild(site, ["id", "en"]).check()
    assert report.as_text() + "\n" == UNREADABLE


def test_hand_written_page_reader_refuses_what_content_refuses(site, secret_file):
    docs = site / "docs"
    (docs / "linked.md").symlink_to(secret_file)
    (docs / "soft-break.md").write_bytes(b"# Title\n\nLine one\x0bline two\n")
    (docs / "folder.md").mkdir()
    text, problems = read_text_file(docs / "about.md", site, "docs/about.md")
    assert text and problems == []
    results = {
        name: read_text_file(docs / name, site, f"docs/{name}")
        for name in ("linked.md", "soft-break.md", "folder.md")
    }
    messages = {name: [p.text() for p in problems] for name, (text, problems) in results.items()}
    assert all(text is None for text, _ in results.values())
    assert messages == {
        "linked.md": [
            "docs/linked.md: error: this is a symbolic link that points outside the project; it was not read "
            "Fix: copy the content into the project as a normal file, or delete the link"
        ],
        "soft-break.md": [
            "docs/soft-break.md:3:9: error: the text contains a vertical tab (U+000B), which Word writes for a "
            "soft line break (Shift+Enter) Fix: delete it and retype the line break with Enter "
            "(or a space if no new line was meant)"
        ],
        "folder.md": [
            "docs/folder.md: error: this is a folder, not a file Fix: rename the folder or move it elsewhere: "
            "a name like this one is for a text file"
        ],
    }
    assert SECRET not in repr(messages)


def test_file_name_with_a_newline_cannot_forge_output(site):
    (site / "case_studies" / "x\n::error file=ok.yml::forged.yml").write_text("slug: x\n", encoding="utf-8")
    assert_refused(
        site,
        "case_studies/x\\u000a::error file=ok.yml::forged.yml: error: the file name contains invisible or "
        "control characters; it was not loaded Fix: rename it using lower-case letters, digits and hyphens, "
        "e.g. `case-c.yml`\n",
    )


def test_hidden_leftover_is_a_warning_that_fails_only_strict(tmp_path):
    site = make_site(broken_copy("hidden-file", tmp_path / "src"), tmp_path / "site")
    expected = (FIXTURES / "broken" / "hidden-file" / "expected.txt").read_text(encoding="utf-8")
    done = run(CHECK, site)
    assert done.returncode == 0 and done.stdout == expected, done.stdout + done.stderr
    assert run([*CHECK, "--strict"], site).returncode == 1


def test_unreadable_folder_in_process(site, monkeypatch):
    real_scandir = os.scandir

    def deny(path="."):
        if Path(path) == Path(site) / "case_studies":  # not local/case_studies, which is absent
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", deny)
    report = SiteBuild(site, ["id", "en"]).check()
    assert report.as_text() == (
        "case_studies/: error: this folder cannot be read: permission denied "
        "Fix: give your user permission to open it (on Linux or macOS: `chmod u+rx case_studies`)"
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            'slug: a\ntitle: "Halo\nx: 1\n',
            "f.yml:2:8: error: a quote opened here is never closed Fix: add the closing quote at the end of "
            "the text; a quote inside \"...\" is written \\\" and one inside '...' is written ''",
        ),
        (
            "a: 1\n---\nb: 2\n",
            "f.yml:2:1: error: the file holds more than one YAML document (a second `---` line) "
            "Fix: delete the extra `---` line, or split the content into separate files",
        ),
        (
            "a: " + "9" * 5000 + "\n",
            "f.yml:1:4: error: a: this number is too long (5000 characters) "
            "Fix: write a shorter number, or put the value in quotes if it is text",
        ),
        (
            "a: x\u2028y\n",
            "f.yml:1:5: error: the text contains an invisible line separator (U+2028) Fix: delete it "
            "(it is often pasted in from a web page or a PDF); press Enter if a new line was meant",
        ),
        (
            "a: 1\r\nb: 2\r\nc: \x1b[31m\r\n",
            "f.yml:3:4: error: the text contains an invisible control character (U+001B) "
            "Fix: delete it (if unsure where it is, retype the text around this place)",
        ),
        (
            "a:\n  b: [!!binary aGk=]\n",
            "f.yml:2:7: error: the YAML tag `!!binary` is not allowed in content "
            "Fix: remove `!!binary` and write the value plainly (a number as digits, text as it is)",
        ),
        (
            "title:\n    id: x\n  en: y\n",
            "f.yml:3:3: error: this line is indented differently from the lines above it "
            "Fix: line it up with the other keys or `-` items of the same level (the same number of spaces)",
        ),
    ],
)
def test_more_yaml_mistakes_end_as_messages(tmp_path, raw, expected):
    path = tmp_path / "f.yml"
    path.write_bytes(raw.encode("utf-8"))
    doc, problems = read_yaml(path, "f.yml", tmp_path)
    assert [p.text() for p in problems] == [expected]


def test_tabs_and_utf16_and_size(tmp_path):
    tabs = tmp_path / "tabs.yml"
    tabs.write_text("a:\n" + "\tb: 1\n" * 30, encoding="utf-8")
    problems = read_yaml(tabs, "tabs.yml", tmp_path)[1]
    assert len(problems) == MAX_REPORTED + 1
    assert (
        problems[-1]
        .text()
        .startswith(
            "tabs.yml:12:1: error: 20 more line(s) indented with a tab from here on (only the first 10"
        )
    )
    utf16 = tmp_path / "utf16.yml"
    utf16.write_bytes("slug: a\n".encode("utf-16"))
    assert [p.text() for p in read_yaml(utf16, "utf16.yml", tmp_path)[1]] == [
        "utf16.yml: error: file is saved as UTF-16 (Notepad's 'Unicode'), not UTF-8 "
        "Fix: save the file as UTF-8 (in most editors: Save with encoding > UTF-8)"
    ]
    assert read_bytes(tabs, tmp_path, "tabs.yml", max_bytes=10) == (
        None,
        [
            file_problem(
                "tabs.yml",
                f"file is {tabs.stat().st_size} bytes; the limit is 10",
                "split it into several files",
            )
        ],
    )
