"""How fast the site's search answers, in headless Chromium on the built site (site/).

    .venv/bin/python scripts/bench_search.py [--site site] [--lang id]

Reports, for every form of every word family in tests/search/word_families.tsv and a few
queries of several words, the time of one search (the first run of each query, so stems are
not cached yet): median and worst. Also the time from opening search to the index being ready
(file:// and over HTTP on this machine), the time from a query typed into the box to its results drawn, and
the size of each language's index (raw and gzipped). Figures only: nothing is asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "hooks")]

from browser import chromium_page  # noqa: E402
from kurikulum.search import INDEX_DIR  # noqa: E402
from searchkit import families  # noqa: E402

MORE = [
    "cara melaporkan akun palsu",
    "pemerasan seksual",
    "grooming daring anak-anak",
    "perlindungan anak UU TPKS",
    "tangkapan layar bukti",
    "kertas plano kelompok",
    "SAPA 129",
    "pela",
    "melapork",
]


@contextlib.contextmanager
def _served(root: Path):
    import http.server
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _ready_ms(page, url: str) -> float:
    page.goto(url)
    page.wait_for_load_state("load")
    return page.evaluate(
        "async () => { const t = performance.now(); await window.kurikulumSearch.ensure();"
        " return performance.now() - t; }"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--lang", default="id")
    args = parser.parse_args()
    site = args.site.resolve()
    start = "sesi/concepts.html" if args.lang == "id" else f"{args.lang}/sesi/concepts.html"
    if not (site / start).is_file():
        print(f"bench_search: build the site first (make site): {site / start} is missing", file=sys.stderr)
        return 1
    for path in sorted((site / INDEX_DIR).glob("*.js")):
        data = path.read_bytes()
        print(
            f"index {path.name}: {len(data) / 1024:.0f} KB, {len(gzip.compress(data, 6)) / 1024:.0f} KB gzipped"
        )
    queries = [form for family in families() for form in family.forms] + MORE
    with chromium_page() as page:
        ready_file = _ready_ms(page, (site / start).as_uri())
        with _served(site) as base:
            ready_http = _ready_ms(page.context.browser.new_page(), base + start)
        page.goto((site / start).as_uri())
        page.evaluate("window.kurikulumSearch.ensure()")
        times = page.evaluate(
            "([qs, lang]) => qs.map(q => { const t = performance.now();"
            " const n = window.kurikulumSearch.search(q, lang).length;"
            " return [q, performance.now() - t, n]; })",
            [queries, args.lang],
        )
        shown = []
        page.click("[data-site-search-open]")
        page.wait_for_function("document.getElementById('site-search-status').textContent !== ''")
        for query in MORE:
            shown.append(
                page.evaluate(
                    "(q) => { const input = document.getElementById('site-search-input');"
                    " const t = performance.now(); input.value = q;"
                    " input.dispatchEvent(new Event('input'));"  # search and render run in the handler
                    " return performance.now() - t; }",
                    query,
                )
            )
    ms = sorted(t for _, t, _ in times)
    worst = max(times, key=lambda row: row[1])
    print(
        f"opening search until ready: {ready_file:.0f} ms from file://, {ready_http:.0f} ms over HTTP (local)"
    )
    print(
        f"{len(times)} queries ({args.lang}): median {statistics.median(ms):.2f} ms, "
        f"90th percentile {ms[int(len(ms) * 0.9)]:.2f} ms, worst {worst[1]:.2f} ms ({worst[0]!r})"
    )
    print(
        f"a query typed into the search box, searched and its results drawn ({len(shown)} queries): "
        f"median {statistics.median(shown):.1f} ms, worst {max(shown):.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
