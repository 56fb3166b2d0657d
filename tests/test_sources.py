"""Documents named as local paths, globs or fsspec URLs (file://, memory://): what is found, what is
named as a failure, and the bytes read; Parquet parts of the fact table, typed even when empty."""

from __future__ import annotations

import io
import math
import uuid
from decimal import Decimal

import fsspec
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from indicators.io.files import collect, is_url, read_source
from indicators.io.reader import ReadError
from indicators.io.writer import arrow_schema, to_arrow, to_parquet_part, write_part
from indicators.pipeline import FACT_COLUMNS
from indicators.schema import COLUMNS, Fact, empty_table, facts_to_frame


@pytest.fixture
def memory_root():
    """A fresh folder in fsspec's in-memory filesystem, removed afterwards."""
    fs = fsspec.filesystem("memory")
    root = f"/t{uuid.uuid4().hex}"
    yield fs, root
    if fs.exists(root):
        fs.rm(root, recursive=True)


def _fill(fs, root):
    fs.pipe(f"{root}/a.txt", "2024年产量100万吨。".encode())
    fs.pipe(f"{root}/b.html", b"<p>x</p>")
    fs.pipe(f"{root}/sub/c.md", b"# c")
    fs.pipe(f"{root}/.hidden/d.txt", b"d")
    fs.pipe(f"{root}/.e.txt", b"e")
    fs.pipe(f"{root}/notes.csv", b"x")
    fs.pipe(f"{root}/metadata.csv", b"file,date\n")


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("memory://docs/a.txt", True),
        ("s3://bucket/key.pdf", True),
        ("file:///tmp/a.txt", True),
        ("C:\\docs\\a.txt", False),
        ("docs/a.txt", False),
        ("报告://x", False),   # a scheme is ASCII letters, digits, + . -
        ("a:b.txt", False),
    ],
)
def test_what_is_a_url(name, url):
    assert is_url(name) is url


def test_a_memory_folder_lists_supported_visible_files_recursively(memory_root):
    fs, root = memory_root
    _fill(fs, root)
    walk = collect([f"memory://{root}"])
    assert walk.urls == [f"memory://{root}/a.txt", f"memory://{root}/b.html", f"memory://{root}/sub/c.md"]
    assert [p.name for p in walk.skipped] == ["notes.csv"]      # metadata.csv is not a skipped document
    assert walk.failures == [] and walk.files == []


def test_a_memory_folder_without_recursion_and_a_url_glob(memory_root):
    fs, root = memory_root
    _fill(fs, root)
    assert collect([f"memory://{root}"], recursive=False).urls == [f"memory://{root}/a.txt", f"memory://{root}/b.html"]
    assert collect([f"memory://{root}/*.txt"]).urls == [f"memory://{root}/a.txt"]     # not .e.txt
    assert collect([f"memory://{root}/**/*.md"]).urls == [f"memory://{root}/sub/c.md"]
    assert collect([f"memory://{root}/**/*.txt"]).urls == [f"memory://{root}/a.txt"]  # not .hidden/d.txt


def test_a_url_named_by_the_user_keeps_its_name_and_is_always_attempted(memory_root):
    fs, root = memory_root
    _fill(fs, root)
    walk = collect([f"memory://{root}/notes.csv"])
    assert walk.urls == [f"memory://{root}/notes.csv"]   # the reader then says "unsupported file type"


def test_missing_urls_and_unknown_schemes_are_named_failures(memory_root):
    _fs, root = memory_root
    walk = collect([f"memory://{root}/nothing", f"memory://{root}/*.pdf", "nosuchscheme://x/y.txt"])
    assert walk.urls == []
    reasons = dict(walk.failures)
    assert reasons[f"memory://{root}/nothing"] == "no such file or directory"
    assert reasons[f"memory://{root}/*.pdf"] == "no file matches this pattern"
    assert reasons["nosuchscheme://x/y.txt"].startswith("unknown URL scheme nosuchscheme://")


def test_a_scheme_whose_driver_is_missing_says_so():
    try:
        import s3fs  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("s3fs is installed here")
    walk = collect(["s3://bucket/reports/"])
    [(name, reason)] = walk.failures
    assert name == "s3://bucket/reports/"
    assert reason.startswith("s3:// needs a driver that is not installed") and "s3fs" in reason


def test_a_file_url_is_a_local_path_and_local_globs_expand(tmp_path):
    (tmp_path / "a.txt").write_text("甲", "utf-8")
    (tmp_path / "b.txt").write_text("乙", "utf-8")
    (tmp_path / "c.csv").write_text("x", "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text("丁", "utf-8")
    walk = collect([f"file://{tmp_path}"])
    assert [p.name for p in walk.files] == ["a.txt", "b.txt", "d.txt"] and walk.urls == []
    walk = collect([str(tmp_path / "*")])
    # what a glob matches counts as named: files attempted (c.csv then fails in the reader), folders walked
    assert [p.name for p in walk.files] == ["a.txt", "b.txt", "c.csv", "d.txt"] and walk.failures == []
    walk = collect([str(tmp_path / "**" / "*.txt"), str(tmp_path / "*.pdf")])
    assert [p.name for p in walk.files] == ["a.txt", "b.txt", "d.txt"]
    assert walk.failures == [(str(tmp_path / "*.pdf"), "no file matches this pattern")]


def test_a_path_that_exists_is_never_taken_for_a_glob(tmp_path):
    odd = tmp_path / "[2024]公报.txt"
    odd.write_text("x", "utf-8")
    (tmp_path / "2公报.txt").write_text("y", "utf-8")     # what the pattern [2024]公报.txt would match
    assert collect([str(odd)]).files == [odd]


def test_read_source_reads_local_paths_and_urls(tmp_path, memory_root):
    fs, root = memory_root
    fs.pipe(f"{root}/a.txt", b"remote")
    local = tmp_path / "a.txt"
    local.write_bytes(b"local")
    assert read_source(str(local)) == b"local"
    assert read_source(f"file://{local}") == b"local"
    assert read_source(f"memory://{root}/a.txt") == b"remote"
    with pytest.raises(ReadError, match="no such file"):
        read_source(f"memory://{root}/gone.txt")
    with pytest.raises(ReadError, match="is a directory"):
        read_source(str(tmp_path))
    with pytest.raises(ReadError, match="no such file"):
        read_source(str(tmp_path / "gone.txt"))


# ------------------------------------------------------------------------------------------ parquet parts


def _numpy_kind(dtype) -> str:
    return "i" if pd.api.types.is_integer_dtype(dtype) else "f" if pd.api.types.is_float_dtype(dtype) else "s"


def test_the_arrow_schema_agrees_with_the_fact_table():
    schema = arrow_schema(FACT_COLUMNS)
    assert schema.names == [*COLUMNS, "doc_id"] and arrow_schema().names == list(COLUMNS)
    table = facts_to_frame([Fact(0, 4, "100万吨", Decimal(1000000), "吨", "exact", "quantity")])
    for name in COLUMNS:
        arrow = schema.field(name).type
        expected = "i" if pa.types.is_integer(arrow) else "f" if pa.types.is_floating(arrow) else "s"
        assert _numpy_kind(table[name].dtype) == expected, name


def test_an_empty_part_is_typed():
    frame = empty_table().assign(doc_id=pd.Series([], dtype=object))
    table = pq.read_table(io.BytesIO(to_parquet_part(frame, arrow_schema(FACT_COLUMNS))))
    assert table.num_rows == 0
    assert table.schema == arrow_schema(FACT_COLUMNS)


def test_a_part_keeps_every_value_and_gaps():
    frame = empty_table()
    row = {c: "" for c in COLUMNS} | {"start": 3, "end": 8, "value": 1.5e10, "value_low": math.nan,
                                      "value_high": 2.0, "mention": "150亿元", "region": "安徽省"}
    frame = pd.DataFrame([row], columns=list(COLUMNS)).assign(doc_id="abc")
    back = pq.read_table(io.BytesIO(to_parquet_part(frame, arrow_schema(FACT_COLUMNS)))).to_pandas()
    assert back.loc[0, "mention"] == "150亿元" and back.loc[0, "region"] == "安徽省"
    assert back.loc[0, "start"] == 3 and back.loc[0, "value"] == 1.5e10 and back.loc[0, "value_high"] == 2.0
    assert math.isnan(back.loc[0, "value_low"]) and back.loc[0, "doc_id"] == "abc"


def test_a_part_without_a_column_names_it():
    with pytest.raises(KeyError, match="doc_id"):
        to_arrow(empty_table(), arrow_schema(FACT_COLUMNS))


def test_parts_land_whole_in_a_folder_or_behind_a_url(tmp_path, memory_root):
    data = to_parquet_part(empty_table(), arrow_schema())
    written = write_part(data, tmp_path / "lake" / "facts", "part-00001.parquet")
    assert written == str(tmp_path / "lake" / "facts" / "part-00001.parquet")
    assert [p.name for p in (tmp_path / "lake" / "facts").iterdir()] == ["part-00001.parquet"]   # no temp file left
    fs, root = memory_root
    url = write_part(data, f"memory://{root}/facts", "part-00001.parquet")
    assert fs.cat(f"{root}/facts/part-00001.parquet") == data and url.endswith("/facts/part-00001.parquet")
