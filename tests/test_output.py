"""Atomic output: an interrupted write leaves the previous brief whole."""

from __future__ import annotations

import os

import pytest

from interpret.errors import ConfigError
from interpret.output import write_atomically


def test_writes_all_files(tmp_path):
    paths = write_atomically(tmp_path / "out", {"a.md": "satu", "b.bin": b"\x00\x01"})
    assert [p.read_bytes() for p in paths] == [b"satu", b"\x00\x01"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".interpret-")]


def test_a_failure_while_writing_leaves_the_previous_files_intact(tmp_path, monkeypatch):
    out = tmp_path / "out"
    write_atomically(out, {"brief.md": "lama", "result.json": "{}"})
    real_fsync = os.fsync
    calls = {"n": 0}

    def failing_fsync(fd):
        calls["n"] += 1
        if calls["n"] == 2:  # the second file: the first new file is already staged
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(ConfigError, match="No space left"):
        write_atomically(out, {"brief.md": "baru", "result.json": '{"baru": 1}'})
    assert (out / "brief.md").read_text() == "lama"
    assert (out / "result.json").read_text() == "{}"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".interpret-")]


def test_output_path_that_is_a_file(tmp_path):
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(ConfigError, match="exists and is not a folder. Choose another --out"):
        write_atomically(target, {"a": "b"})
