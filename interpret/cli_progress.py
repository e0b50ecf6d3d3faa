"""The console side of the pipeline's progress callback, in the run's language.

While a stage runs, a spinner names it ("Mengelompokkan…"); when it is done, a ✓ line says what it
found. The pipeline reports only finished stages (`say(stage, message)`), in this order, so the
stage after the last finished one is the one running. The long steps (the k panel, the bootstrap)
report their counts through `advance` and get a bar with the estimated time left.

Messages that are `interpret.progress.Note`s are worded from the console catalogue; any other text
(a library's own message) is printed as it is. Warnings are not printed here: the end of the run
lists them, gathered from the results (interpret.run_summary).
"""

from __future__ import annotations

from rich.markup import escape

from .console import console
from .language import Language

# The stages the pipeline reports (data, clustering, facts, llm, draft, verify, report), in the order
# they finish: the stage that runs once each one is done.
RUNNING_NEXT = {"data": "clustering", "clustering": "draft", "facts": "draft", "llm": "draft", "draft": "verify", "verify": "report"}


class StageProgress:
    def __init__(self, text: Language):
        self.text = text

    def __enter__(self):
        from rich.progress import BarColumn, Progress, SpinnerColumn, TaskProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self.bar = Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), TaskProgressColumn(),
                            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=console, transient=True)
        self.bar.__enter__()
        self.tasks: dict[str, int] = {}
        self.running = self.bar.add_task(self._running("data"), total=None)  # no total: a spinner, not a bar
        return self

    def __exit__(self, *exc) -> None:
        self.bar.__exit__(*exc)

    def _running(self, stage: str) -> str:
        return self.text.t(f"console.running.{stage}")

    def _label(self, stage: str) -> str:
        return self.text.lookup("console.stage", stage)

    def __call__(self, stage: str, message: str) -> None:
        from .progress import Note
        from .redaction import redact_secrets  # a stage's message may quote a provider's error

        if stage == "warning":  # said once, at the end, with the others
            return
        worded = message.worded(self.text) if isinstance(message, Note) else str(message)
        self.bar.console.print(f"[green]✓[/] [bold]{escape(self._label(stage))}[/]: {escape(redact_secrets(worded))}",
                               highlight=False, soft_wrap=True)
        if stage in RUNNING_NEXT:
            self.bar.update(self.running, description=self._running(RUNNING_NEXT[stage]))
        elif stage == "report":
            self.bar.update(self.running, visible=False)

    def advance(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(self.text.lookup("console.running", stage), total=total)
        self.bar.update(self.tasks[stage], completed=done, total=total)
        if done >= total:
            self.bar.remove_task(self.tasks.pop(stage))
