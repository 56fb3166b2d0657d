"""Streamlit's lazily loaded browser code, fetched ahead: the data grid's while the page is idle
after its first paint, Plotly's as soon as a session's page starts.

Streamlit's frontend loads each element's code the first time the page shows one. The data grid
(``st.dataframe``) is the largest after Plotly: the first table of a session (the documents or the
facts view) waited for the browser to fetch, compile and run it. Plotly's chunk (4.7 MB) is fetched
only once the chart's element arrives, after the sidebar's widgets. The chunks' file names carry a
build hash, so they are found here by what they hold: among the chunks the frontend's main script
imports lazily, the one full of glide-data-grid's ``gdg-`` class names, and the one naming plotly.js
throughout. When one cannot be found (another Streamlit build), nothing is emitted for it and its
element loads the code when it is first shown, as before.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

# <script type="module" crossorigin src="./static/js/index.DormvYxC.js"></script> in index.html
_MAIN_SCRIPT = re.compile(r"""<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']\./static/js/([\w.-]+\.js)["']""")
# a React.lazy chunk in the main script: import(`./DataFrame.-f9-1zS0.js`)
_LAZY_CHUNK = re.compile(r"""import\([`'"]\./([\w.-]+\.js)[`'"]\)""")
_GRID_MARK = b"gdg-"         # glide-data-grid's class-name prefix
_GRID_MIN_MARKS = 20         # the grid's own chunk has about a hundred; its small editors a few
_PLOTLY_MARK = b"plotly"
_PLOTLY_MIN_MARKS = 100      # plotly.js's chunk names itself about 185 times; no other chunk does at all


def grid_chunk(static_dir: Path) -> tuple[str, str] | None:
    """(the frontend's main script, the data grid's chunk): file names under ``static_dir/static/js``
    (``static_dir`` is Streamlit's ``static`` folder, the one holding ``index.html``), or None when
    either cannot be found."""
    return _lazy_chunk(static_dir, _GRID_MARK, _GRID_MIN_MARKS)


def plotly_chunk(static_dir: Path) -> tuple[str, str] | None:
    """(the frontend's main script, Plotly's chunk), as ``grid_chunk`` finds the grid's."""
    return _lazy_chunk(static_dir, _PLOTLY_MARK, _PLOTLY_MIN_MARKS)


def _lazy_chunk(static_dir: Path, mark: bytes, min_marks: int) -> tuple[str, str] | None:
    """The main script and the first of its lazy chunks holding ``mark`` at least ``min_marks`` times."""
    try:
        main = _MAIN_SCRIPT.search((static_dir / "index.html").read_text(encoding="utf-8", errors="replace"))
        if main is None:
            return None
        js = static_dir / "static" / "js"
        lazy = dict.fromkeys(_LAZY_CHUNK.findall((js / main[1]).read_text(encoding="utf-8", errors="replace")))
        for name in lazy:
            path = js / name
            if path.is_file() and path.read_bytes().count(mark) >= min_marks:
                return main[1], name
    except OSError:
        pass
    return None


def preload_script(main_script: str, chunk: str) -> str:
    """A ``<script>`` that imports ``chunk`` once per page, when the page is idle after its first
    paint: the app's script has finished, no element still waits for its own code (Streamlit draws a
    skeleton in its place until then; Plotly's is the largest) and every Plotly chart has been drawn
    (Plotly draws a chart in steps, and the browser is idle between them), so the first paint never
    shares the browser with it. The chunk's address is resolved against the main script's, as the
    frontend's own lazy import does, so the browser keeps one copy of the module; without the main
    script on the page it does nothing."""
    return f"""<script>
(() => {{
  if (window.__gridPreload) return;
  window.__gridPreload = true;
  const main = [...document.querySelectorAll('script[type="module"][src]')].find(
    s => new URL(s.src).pathname.endsWith("/" + {json.dumps(main_script)}));
  if (!main) return;
  const url = new URL({json.dumps("./" + chunk)}, main.src).href;
  const idle = window.requestIdleCallback || (f => setTimeout(f, 200));
  const load = () => idle(() => import(url).catch(() => {{}}), {{timeout: 10000}});
  const app = () => document.querySelector('[data-testid="stApp"]');
  const ready = () => (!app() || app().dataset.testScriptState === "notRunning")
    && !document.querySelector('[data-testid="stSkeleton"]')
    && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every(c => c.querySelector(".main-svg"));
  const wait = () => (ready() ? load() : setTimeout(wait, 250));
  setTimeout(wait, 250);
}})();
</script>"""


def early_import_script(main_script: str, chunk: str) -> str:
    """A ``<script>`` that imports ``chunk`` at once, once per page: sent ahead of the element that
    needs it, the chunk is fetched and compiled while the rest of the page arrives. Resolved against
    the main script as ``preload_script`` does; without the main script on the page it does nothing."""
    return f"""<script>
(() => {{
  if (window.__earlyImport && window.__earlyImport[{json.dumps(chunk)}]) return;
  (window.__earlyImport = window.__earlyImport || {{}})[{json.dumps(chunk)}] = true;
  const main = [...document.querySelectorAll('script[type="module"][src]')].find(
    s => new URL(s.src).pathname.endsWith("/" + {json.dumps(main_script)}));
  if (main) import(new URL({json.dumps("./" + chunk)}, main.src).href).catch(() => {{}});
}})();
</script>"""
