"""Documents named on a command line: files, folders (walked in name order) and globs."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .reader import SUPPORTED_SUFFIXES, os_reason


@dataclass
class Walk:
    """Files found under the command-line paths, and what went wrong finding them."""

    files: list[Path] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def collect(paths: Iterable[str], recursive: bool = True) -> Walk:
    """Expand files and folders into a sorted list of documents.

    In folders, hidden entries (``.name``) and files of unsupported type are skipped; a file
    named on the command line is always attempted (and fails clearly if unsupported). Symbolic
    links are followed, but a link back to a folder already being walked is reported as a loop.
    """
    walk = Walk()
    seen: set[tuple[int, int]] = set()

    def add_file(path: Path) -> None:
        try:
            st = path.stat()
            key = (st.st_dev, st.st_ino)
        except OSError:
            key = None  # let the reader report the problem
        if key is not None:
            if key in seen:
                return
            seen.add(key)
        walk.files.append(path)

    def walk_dir(top: Path, ancestors: tuple[tuple[int, int], ...]) -> None:
        try:
            entries = sorted(os.scandir(top), key=lambda e: e.name)
        except OSError as exc:
            walk.failures.append((str(top), f"cannot list folder: {os_reason(exc)}"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = top / entry.name
            try:
                is_dir = entry.is_dir()  # follows symlinks
            except OSError as exc:
                walk.failures.append((str(path), os_reason(exc)))
                continue
            if is_dir:
                if not recursive:
                    continue
                try:
                    st = entry.stat()
                except OSError as exc:
                    walk.failures.append((str(path), os_reason(exc)))
                    continue
                key = (st.st_dev, st.st_ino)
                if key in ancestors:
                    walk.failures.append((str(path), "symlink loop (links back to a folder above it)"))
                    continue
                walk_dir(path, (*ancestors, key))
            elif _supported(path):
                add_file(path)  # a broken link or a link loop is named by the reader
            else:
                walk.skipped.append(path)

    for arg in paths:
        path = Path(arg)
        try:
            st = path.stat()
        except OSError as exc:
            walk.failures.append((arg, os_reason(exc) + _hint_no_such(exc)))
            continue
        if stat.S_ISDIR(st.st_mode):
            walk_dir(path, ((st.st_dev, st.st_ino),))
        else:
            add_file(path)
    return walk


def _hint_no_such(exc: OSError) -> str:
    return " or directory" if exc.errno == errno.ENOENT else ""
