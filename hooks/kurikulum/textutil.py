"""Small text helpers shared by the renderer and the theme templates."""

from __future__ import annotations

import re

_CSS_UNSAFE = re.compile(r"[\\\"<>&\n\r\f]")


def css_string(value: object) -> str:
    """A double-quoted CSS string that cannot end the string or the <style> element."""
    text = " ".join(str(value).split())
    escaped = _CSS_UNSAFE.sub(lambda m: "\\" + format(ord(m.group()), "x") + " ", text)
    return f'"{escaped}"'
