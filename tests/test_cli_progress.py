"""The console's progress: the running stage as a spinner, then its ✓ line, in the run's language."""

from __future__ import annotations

from rich.console import Console

import interpret.cli_progress as cli_progress
from interpret.progress import Note, Units, console_language


def test_the_running_stage_is_named_and_the_finished_one_gets_its_line(monkeypatch):
    recorded = Console(record=True, width=200, force_terminal=False)
    monkeypatch.setattr(cli_progress, "console", recorded)
    with cli_progress.StageProgress(console_language("en")) as progress:
        running = lambda: progress.bar.tasks[0].description  # noqa: E731
        assert running() == "Reading the data…"
        progress("data", Note.of("data", n=34, units=Units("provinsi", "provinsi"), features=4, reference="BPS"))
        assert running() == "Clustering…"
        progress.advance("stability", 3, 100)
        assert [t.description for t in progress.bar.tasks][-1] == "Stability bootstrap"
        progress.advance("stability", 100, 100)
        progress("clustering", Note.of("clustering", method="kmeans", metric="euclidean", k=4, n_init=200, sizes=[5, 29]))
        assert running() == "Drafting…"
        progress("warning", "caveat text")  # listed at the end of the run, not here
        progress("draft", "a library's own text")
        assert running() == "Verifying the claims…"
    printed = recorded.export_text()
    assert "✓ data: 34 provinces, 4 indicators; reference: BPS" in printed
    assert "✓ clustering: kmeans (euclidean) k = 4, 200 initialisations, cluster sizes 5 and 29" in printed
    assert "✓ drafting: a library's own text" in printed and "caveat text" not in printed
