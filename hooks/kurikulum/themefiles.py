"""For ``mkdocs serve`` only: list the theme's files once, not on every rebuild.

On every build MkDocs lists every file of the theme's folders (Material ships about 14,500,
most of them icons) and tests each name against its exclusion patterns, to find the theme's
static files (a tenth of a second per language on a small machine). While serving, the folders
are the same from one rebuild to the next, so the list is kept: it is listed again when a
folder of the theme changed (a folder's modification time changes when a file in it is added,
removed or renamed, and a new sub-folder changes its parent's), when the theme's folders are
others, and whenever MkDocs' filter is not the one this cache knows. ``mkdocs build`` never
uses it.
"""

from __future__ import annotations

import os
import types

KNOWN_FILTER_NAMES = frozenset(
    {"fnmatch", "lower", "append", "extend", "theme", "static_templates", "utils", "markdown_extensions"}
)
"""The only names MkDocs 1.6's theme-file filter reads (``Files.add_files_from_theme``): it depends
on the name, ``config.theme.static_templates`` and ``utils.markdown_extensions``. A filter that
reads anything else is never cached."""


class ThemeListing:
    def __init__(self) -> None:
        self._walks: dict[tuple[str, ...], tuple[dict[str, int], list[str]]] = {}
        self._filtered: dict[tuple, list[str]] = {}
        self.reused = 0

    def attach(self, env) -> None:
        """Give ``env`` (the theme's Jinja environment) a ``list_templates`` through this cache."""
        searchpath = getattr(env.loader, "searchpath", None)
        if not isinstance(searchpath, list) or type(env.loader).__name__ != "FileSystemLoader":
            return
        original = env.list_templates
        folders = tuple(os.fspath(path) for path in searchpath)

        def list_templates(extensions=None, filter_func=None):
            key = self._filter_key(filter_func) if extensions is None else None
            names = self._names(folders, env) if key is not None else None
            if names is None:
                return original(extensions=extensions, filter_func=filter_func)
            key = (folders, id(names), *key)
            found = self._filtered.get(key)
            if found is None:
                found = self._filtered[key] = [name for name in names if filter_func(name)]
            else:
                self.reused += 1
            return list(found)

        env.list_templates = list_templates

    def _names(self, folders: tuple[str, ...], env) -> list[str] | None:
        known = self._walks.get(folders)
        if known is not None and all(_mtime(folder) == mtime for folder, mtime in known[0].items()):
            return known[1]
        stamps = {}
        for folder in folders:
            for where, _, _ in os.walk(folder, followlinks=getattr(env.loader, "followlinks", False)):
                stamps[where] = _mtime(where)
            stamps.setdefault(folder, _mtime(folder))
        names = env.loader.list_templates()
        if any(stamp is None for stamp in stamps.values()):
            return names  # a folder went away while listing: list again next time
        self._filtered = {k: v for k, v in self._filtered.items() if k[0] != folders}
        self._walks[folders] = (stamps, names)
        return names

    @staticmethod
    def _filter_key(filter_func) -> tuple | None:
        if filter_func is None:
            return ("all",)
        code = getattr(filter_func, "__code__", None)
        if code is None or not set(code.co_names) <= KNOWN_FILTER_NAMES:
            return None
        values = []
        for cell in filter_func.__closure__ or ():
            value = cell.cell_contents
            theme = getattr(value, "theme", None)
            if theme is not None and hasattr(theme, "static_templates"):
                values.append(tuple(sorted(theme.static_templates)))
            elif isinstance(value, str | int | float | bool | type(None)):
                values.append(value)
            else:
                return None
        utils = getattr(filter_func, "__globals__", {}).get("utils")  # the module the filter reads
        extensions = getattr(utils, "markdown_extensions", None)
        if extensions is None:
            return None
        return (code.co_code, code.co_consts, tuple(values), tuple(extensions))


def _mtime(path: str) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def cached_get_env(theme, listing: ThemeListing) -> None:
    """Make ``theme.get_env()`` give environments whose file list comes from ``listing``."""
    if getattr(theme, "_curriculum_listing", None) is listing:
        return
    original = theme.get_env

    def get_env(self):
        env = original()
        listing.attach(env)
        return env

    theme.get_env = types.MethodType(get_env, theme)
    theme._curriculum_listing = listing
