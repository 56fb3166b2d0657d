"""Where the package's data files (unit lexicon, topic taxonomy) live."""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_data(name: str) -> str:
    return (DATA_DIR / name).read_text(encoding="utf-8")
