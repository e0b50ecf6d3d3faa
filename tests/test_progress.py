"""Progress messages as catalogue notes: Indonesian as text, worded in the run's language by the console."""

from __future__ import annotations

import tomllib

import pytest

from interpret.languages import SHIPPED
from interpret.progress import Note, Units, console_language, reason


def flat_keys(table: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in table.items():
        keys |= flat_keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {f"{prefix}{key}"}
    return keys


def test_every_language_has_the_same_console_keys():
    catalogues = {code: tomllib.loads((SHIPPED / code / "console.toml").read_text(encoding="utf-8")) for code in ("id", "en")}
    assert flat_keys(catalogues["id"]) == flat_keys(catalogues["en"])
    assert len(flat_keys(catalogues["id"])) > 60


def test_a_note_is_its_indonesian_text_and_is_worded_in_the_run_language():
    note = Note.of("data", n=1234, units=Units("provinsi", "provinsi"), features=4, reference="BPS")
    assert note == "1.234 provinsi, 4 indikator; pembanding: BPS" and isinstance(note, str)
    assert note.worded(console_language("en")) == "1,234 provinces, 4 indicators; reference: BPS"
    sizes = Note.of("clustering", method="kmeans", metric="euclidean", k=3, n_init=200, sizes=[5, 10, 19])
    assert sizes.worded(console_language("en")).endswith("cluster sizes 5, 10 and 19")
    assert sizes.endswith("ukuran klaster 5, 10 dan 19")


def test_a_provider_reason_keeps_its_indonesian_text_and_is_worded_in_english():
    """The chain's result.json status and the brief's notes keep the Indonesian text; the console words the English."""
    why = reason("watsonx", "no_key", variables="WATSONX_APIKEY/WATSONX_API_KEY")
    assert why == "watsonx: tidak ada kunci API (WATSONX_APIKEY/WATSONX_API_KEY)"
    line = Note.of("llm", providers=[Note.of("provider_skipped", provider="watsonx", detail=why.values["reason"]),
                                     Note.of("provider_failed", provider="ollama", detail="HTTP 500 (boom)")], writer="rule-based")
    assert line == "watsonx dilewati (tidak ada kunci API (WATSONX_APIKEY/WATSONX_API_KEY)); ollama gagal (HTTP 500 (boom)) → penyusun: rule-based"
    assert line.worded(console_language("en")) == (
        "watsonx skipped (no API key (WATSONX_APIKEY/WATSONX_API_KEY)); ollama failed (HTTP 500 (boom)) → drafted by: rule-based")


def test_a_note_survives_copy_and_pickle():
    import copy
    import pickle

    note = reason("ollama", "no_server", url="http://localhost:11434", error="ConnectError")
    for twin in (copy.deepcopy(note), pickle.loads(pickle.dumps(note))):
        assert twin == note and twin.key == "prefixed" and twin.worded(console_language("en")).startswith("ollama: no server at")


def test_a_language_without_a_console_catalogue_is_named(tmp_path):
    from interpret.errors import ConfigError

    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "brief.toml").write_text('[language]\nlocale = "en"\nname = "X"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"Language 'xx' has no console.toml"):
        console_language("xx", [tmp_path])


def test_clustering_progress_events_are_worded_in_the_run_language():
    """clustering holds no catalogue: its Dask progress lines are events (a key and values) that the relay words."""
    from clustering.dask_engine import ProgressEvent

    from interpret.progress import relay_events

    heard = []
    say = relay_events(lambda stage, message: heard.append((stage, message)))
    say("kmeans", ProgressEvent("kmeans_pass", "k = 4: Lloyd pass 3, 1200 units moved", k=4, iteration=3, changed=1200))
    say("k_panel", "a plain line")
    (stage, note), (_, plain) = heard
    assert stage == "kmeans" and isinstance(note, Note) and plain == "a plain line"
    assert note.worded(console_language("en")) == "k = 4: Lloyd pass 3, 1,200 units moved"
    assert note == "k = 4: iterasi Lloyd ke-3, 1.200 unit berpindah"


def test_every_dask_progress_event_has_a_console_note():
    import re
    from pathlib import Path

    import clustering.dask_engine as engine

    keys = set(re.findall(r'ProgressEvent\("(\w+)"', Path(engine.__file__).read_text(encoding="utf-8")))
    assert len(keys) >= 4
    for code in ("id", "en"):
        language = console_language(code)
        for key in keys:
            assert language.t(f"console.note.{key}", k=2, candidates=1, iteration=1, changed=1, position=1, total=2, n=3)
