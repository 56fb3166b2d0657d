"""The data grid's code found in Streamlit's build by content, and the script that loads it ahead."""

from __future__ import annotations

import re
from pathlib import Path

import streamlit as st

from indicators.app import preload

STATIC = Path(st.__file__).parent / "static"


def test_the_grid_chunk_of_the_installed_streamlit_is_found_and_is_lazily_imported_by_its_main_script():
    found = preload.grid_chunk(STATIC)
    assert found is not None
    main, chunk = found
    js = STATIC / "static" / "js"
    assert f'src="./static/js/{main}"' in (STATIC / "index.html").read_text("utf-8")
    assert f"import(`./{chunk}`)" in (js / main).read_text("utf-8")
    assert (js / chunk).read_text("utf-8").count("gdg-") >= 20


def fake_build(root: Path, *, chunks: dict[str, str], main: str = "index.ABC123.js") -> Path:
    js = root / "static" / "js"
    js.mkdir(parents=True)
    (root / "index.html").write_text(f'<script type="module" crossorigin src="./static/js/{main}"></script>', "utf-8")
    (js / main).write_text("".join(f"const x{i}=()=>import(`./{name}`);" for i, name in enumerate(chunks)), "utf-8")
    for name, body in chunks.items():
        (js / name).write_text(body, "utf-8")
    return root


def test_the_chunk_holding_the_grid_is_chosen_among_the_lazy_chunks(tmp_path):
    root = fake_build(tmp_path, chunks={"Plotly.a1.js": "plotly " * 50, "Editor.b2.js": "gdg-x " * 3,
                                        "Grid.c3.js": "gdg-cell gdg-header " * 40})
    assert preload.grid_chunk(root) == ("index.ABC123.js", "Grid.c3.js")


def test_nothing_is_found_in_a_build_without_the_grid_or_without_its_files(tmp_path):
    assert preload.grid_chunk(fake_build(tmp_path / "nogrid", chunks={"Plotly.a1.js": "plotly"})) is None
    assert preload.grid_chunk(tmp_path / "missing") is None
    (tmp_path / "nomain").mkdir()
    (tmp_path / "nomain" / "index.html").write_text("<html></html>", "utf-8")
    assert preload.grid_chunk(tmp_path / "nomain") is None
    # a chunk that is not text does not stop the search
    root = fake_build(tmp_path / "binary", chunks={"Blob.d4.js": "x", "Grid.c3.js": "gdg-cell " * 40})
    (root / "static" / "js" / "Blob.d4.js").write_bytes(b"\xff\xfe\x00gdg-")
    assert preload.grid_chunk(root) == ("index.ABC123.js", "Grid.c3.js")
    # the main script names a chunk that is not there
    root = fake_build(tmp_path / "gone", chunks={"Grid.c3.js": "gdg-cell " * 40})
    (root / "static" / "js" / "Grid.c3.js").unlink()
    assert preload.grid_chunk(root) is None


def test_the_script_imports_the_chunk_beside_the_main_script_once():
    script = preload.preload_script("index.ABC123.js", "Grid.c3.js")
    assert script.startswith("<script>") and script.rstrip().endswith("</script>")
    assert '"./Grid.c3.js"' in script and '"index.ABC123.js"' in script
    assert re.search(r"import\(url\)", script) and "window.__gridPreload" in script
    # not before every Plotly chart on the page is drawn (its evaluation would land between a chart's steps)
    assert 'querySelectorAll(\'[data-testid="stPlotlyChart"]\')' in script and ".main-svg" in script


def test_the_plotly_chunk_of_the_installed_streamlit_is_found_by_its_name_for_itself():
    main, chunk = preload.plotly_chunk(STATIC)
    assert (main, chunk) != preload.grid_chunk(STATIC)
    assert f"import(`./{chunk}`)" in (STATIC / "static" / "js" / main).read_text("utf-8")
    assert (STATIC / "static" / "js" / chunk).read_bytes().count(b"plotly") >= 100


def test_the_chunk_naming_plotly_throughout_is_chosen_and_nothing_when_none_does(tmp_path):
    root = fake_build(tmp_path / "a", chunks={"Grid.c3.js": "gdg-cell " * 40, "Chart.d4.js": "plotly " * 150,
                                              "Other.e5.js": "plotly " * 3})
    assert preload.plotly_chunk(root) == ("index.ABC123.js", "Chart.d4.js")
    assert preload.plotly_chunk(fake_build(tmp_path / "b", chunks={"Other.e5.js": "plotly " * 3})) is None


def test_the_early_import_script_imports_the_chunk_beside_the_main_script_once_per_chunk():
    script = preload.early_import_script("index.ABC123.js", "Chart.d4.js")
    assert script.startswith("<script>") and script.rstrip().endswith("</script>")
    assert '"./Chart.d4.js"' in script and '"index.ABC123.js"' in script and "import(new URL(" in script
    assert "window.__earlyImport" in script and "requestIdleCallback" not in script
