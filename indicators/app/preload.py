"""The browser's data-grid code loaded ahead, while the page is idle after its first paint.

Streamlit's frontend loads each element's code the first time the page shows one. The data grid
(``st.dataframe``) is the largest after Plotly: the first table of a session (the documents or the
facts view) waited for the browser to fetch, compile and run it. Its file name carries a build hash,
so it is found here by what it holds: among the chunks the frontend's main script imports lazily,
the one full of glide-data-grid's ``gdg-`` class names. When it cannot be found (another Streamlit
build), nothing is emitted and the table loads its code when it is first shown, as before.
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


def grid_chunk(static_dir: Path) -> tuple[str, str] | None:
    """(the frontend's main script, the data grid's chunk): file names under ``static_dir/static/js``
    (``static_dir`` is Streamlit's ``static`` folder, the one holding ``index.html``), or None when
    either cannot be found."""
    try:
        main = _MAIN_SCRIPT.search((static_dir / "index.html").read_text(encoding="utf-8", errors="replace"))
        if main is None:
            return None
        js = static_dir / "static" / "js"
        lazy = dict.fromkeys(_LAZY_CHUNK.findall((js / main[1]).read_text(encoding="utf-8", errors="replace")))
        for name in lazy:
            path = js / name
            if path.is_file() and path.read_bytes().count(_GRID_MARK) >= _GRID_MIN_MARKS:
                return main[1], name
    except OSError:
        pass
    return None


def preload_script(main_script: str, chunk: str) -> str:
    """A ``<script>`` that imports ``chunk`` once per page, when the page is idle after its first
    paint: the app's script has finished and no element still waits for its own code (Streamlit
    draws a skeleton in its place until then; Plotly's is the largest), so the first paint never
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
    && !document.querySelector('[data-testid="stSkeleton"]');
  const wait = () => (ready() ? load() : setTimeout(wait, 250));
  setTimeout(wait, 250);
}})();
</script>"""
