"""Export the curriculum's generated pages as a plain MkDocs project (no hooks, no engine).

The benchmark builds this project with the same MkDocs, theme, plugins, configuration and
navigation as the curriculum, to measure what the engine adds to a build. It is also a way to
hand the site's Markdown to someone without the engine.

    .venv/bin/python scripts/export_plain.py OUT [--root PROJECT]

OUT gets ``mkdocs.yml`` and ``docs/``: the hand-written pages and assets, and every generated
page of every language (``page.md`` for the default language, ``page.<lang>.md`` for the
others: mkdocs-static-i18n's suffix structure). The theme overrides are copied, with the
engine's one Jinja filter (``css_string``) replaced by Jinja's own ``tojson``. The content must
pass ``curriculum check``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from kurikulum.site import SiteBuild, _LenientLoader, languages_from_config  # noqa: E402


def export(root: Path, out: Path) -> int:
    """Write the plain project into ``out`` (emptied first); returns the number of pages."""
    root, out = Path(root).resolve(), Path(out).resolve()
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_LenientLoader)
    languages = languages_from_config(root / "mkdocs.yml")
    default = languages[0]
    docs_dir = root / config.get("docs_dir", "docs")
    build = SiteBuild(root, languages, docs_dir=docs_dir)
    report = build.check()
    if not build.ok:
        raise SystemExit(f"export_plain: the content does not pass `curriculum check`:\n{report.as_text()}")
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(docs_dir, out / "docs")
    count = 0
    for lang in languages:
        for page in build.pages(lang, docs_dir, default):
            name = page.uri if lang == default else page.uri.removesuffix(".md") + f".{lang}.md"
            target = out / "docs" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
            count += 1
    _overrides(root, out, config)
    _config(build, config, languages, out)
    return count


def _overrides(root: Path, out: Path, config: dict) -> None:
    theme = config.get("theme") or {}
    if not theme.get("custom_dir"):
        return
    shutil.copytree(root / theme["custom_dir"], out / "overrides")  # an absolute path stays outside
    theme["custom_dir"] = "overrides"
    for template in (out / "overrides").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        template.write_text(text.replace("| css_string", "| tojson"), encoding="utf-8")


def _config(build: SiteBuild, config: dict, languages: list[str], out: Path) -> None:
    """Our mkdocs.yml without hooks, with the navigation the hooks would have set."""
    default = languages[0]
    config.pop("hooks", None)
    config["docs_dir"] = "docs"
    config["watch"] = []
    config["nav"] = build.nav(default)
    # The engine writes the site's search index itself (kurikulum/search.py); the plain site
    # gets Material's search plugin in its place, so both sides build a searchable site.
    plugins = config.setdefault("plugins", [])
    if not any(p == "search" or (isinstance(p, dict) and "search" in p) for p in plugins):
        plugins.insert(0, "search")
    labels = {lang: _titles(build.nav(lang)) for lang in languages}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for entry in plugin["i18n"].get("languages") or []:
                if entry.get("locale") != default and entry.get("locale") in labels:
                    entry["nav_translations"] = dict(
                        zip(labels[default], labels[entry["locale"]], strict=True)
                    )
    (out / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def _titles(nav: list) -> list[str]:
    """Every section title of a navigation, depth first (the same order in every language)."""
    out = []
    for item in nav:
        if isinstance(item, dict):
            for title, children in item.items():
                out.append(title)
                if isinstance(children, list):
                    out += _titles(children)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the plain project into (emptied first)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the curriculum project (default: this one)")
    args = parser.parse_args(argv)
    pages = export(args.root, args.out)
    print(f"exported {pages} pages to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
