"""The command line: declares options, resolves settings, calls one library function, prints."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape  # messages name extras like 'interpret[pdf]': not rich markup

from .config import resolve_settings
from .errors import InterpretError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Cluster an Indonesian socio-economic table and write a verified policy brief.",
)
console = Console(stderr=True)
out = Console()


@contextmanager
def _errors():
    """Bad input: the message and exit 2, no traceback. Anything else: exit 1."""
    try:
        yield
    except InterpretError as exc:
        console.print(f"[bold red]Error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        console.print("[yellow]Interrupted; the previous brief, if any, is untouched.[/]")
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if os.environ.get("INTERPRET_DEBUG"):
            raise
        console.print(
            f"[bold red]Unexpected error ({type(exc).__name__}):[/] {exc}\n"
            "This is a bug in interpret. Rerun with INTERPRET_DEBUG=1 for the traceback and report it.",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(1) from None


@app.command()
def run(
    data: Optional[Path] = typer.Argument(None, help="CSV, XLSX or Parquet table. Default: the embedded IPM 2023 data set."),
    spec: Optional[Path] = typer.Option(None, "--spec", help="Data-set spec (TOML): id, features, filters, pivot, reference."),
    k: Optional[str] = typer.Option(None, "--k", help="Number of clusters, or auto: the consensus of the k panel (default: the spec's k, else auto)."),
    seed: Optional[int] = typer.Option(None, "--seed", help="Random seed (default: the spec's seed, else 42)."),
    out_dir: Optional[Path] = typer.Option(None, "--out", help="Output folder (default: ./reports/<dataset>-<date>/)."),
    provider: Optional[str] = typer.Option(None, "--provider", help="Drafting provider: auto (watsonx, then Ollama, then rules) | watsonx | ollama | none (rule-based)."),
    model: Optional[str] = typer.Option(None, "--model", help="Model id of the first provider (watsonx: ibm/granite-…; Ollama: granite3.3:8b)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Ask the model again instead of reusing cached answers."),
    prompts: Optional[Path] = typer.Option(None, "--prompts", help="Prompt templates folder (an edited copy of prompts/)."),
    rules: Optional[Path] = typer.Option(None, "--rules", help="Sector rules file (TOML) for recommendations."),
    config: Optional[Path] = typer.Option(None, "--config", help="Config file (default: ./interpret.toml if present)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language of the brief: id (default) | en."),
    geojson: Optional[Path] = typer.Option(None, "--geojson", help="Province boundaries (GeoJSON with a name property) for a choropleth map."),
    pdf: Optional[bool] = typer.Option(None, "--pdf/--no-pdf", help="Write brief.pdf (default: when the `pdf` extra is installed)."),
    method: Optional[str] = typer.Option(None, "--method", help="Clustering method: kmeans | kmedoids | ward (default: the spec's, else kmeans)."),
    metric: Optional[str] = typer.Option(None, "--metric", help="Distance: euclidean | manhattan (manhattan needs --method kmedoids)."),
    scaling: Optional[str] = typer.Option(None, "--scaling", help="Feature scaling: zscore | minmax | robust (default: zscore)."),
    pca: Optional[bool] = typer.Option(None, "--pca/--no-pca", help="Cluster on principal components (kept up to the spec's pca_variance_pct)."),
    k_min: Optional[int] = typer.Option(None, "--k-min", help="Smallest k of the k panel (default 2)."),
    k_max: Optional[int] = typer.Option(None, "--k-max", help="Largest k of the k panel (default 10, at most n - 1)."),
    bootstrap: Optional[int] = typer.Option(None, "--bootstrap", help="Bootstrap replicates B for cluster stability (default 100; 0 = off)."),
    sample_size: Optional[int] = typer.Option(None, "--sample-size", help="Above this many units, silhouette, gap, connectivity and stability use a sample of this size (default 2000)."),
    compare: bool = typer.Option(False, "--compare", help="Also compare K-means, K-medoids (Euclidean, Manhattan) and Ward for k - 1, k, k + 1."),
) -> None:
    """Cluster the units, profile them, draft, verify every claim, and write the brief."""
    from .pipeline import run_brief

    with _errors():
        settings = resolve_settings(
            {"data": data, "spec": spec, "k": k, "seed": seed, "out": out_dir, "provider": provider, "rules": rules,
             "model": model, "no_cache": no_cache or None, "prompts": prompts,
             "lang": lang, "geojson": geojson, "pdf": None if pdf is None else ("on" if pdf else "off"),
             "method": method, "metric": metric, "scaling": scaling, "pca": pca, "k_min": k_min, "k_max": k_max,
             "bootstrap": bootstrap, "sample_size": sample_size, "compare": compare or None},
            config_path=config,
        )
        with console.status("Menyiapkan…") as status:

            def progress(stage: str, message: str) -> None:
                console.print(f"[green]✓[/] [bold]{stage}[/]: {escape(message)}", highlight=False, soft_wrap=True)
                status.update(f"Setelah {stage}…")

            brief = run_brief(settings, progress)
        from .terms import Verdict
        from .verification.lexicon import verdict_word

        counts = brief.verification.counts
        for path in brief.files:
            out.print(str(path), highlight=False)
        out.print(
            f"Verifikasi: {len(brief.verification.claims)} klaim — " + ", ".join(f"{counts[v]} {verdict_word(v)}" for v in Verdict) + ".",
            highlight=False,
        )
        from .llm.commands import usage_line

        if line := usage_line(brief.result.get("llm") or {}):
            out.print(line, highlight=False)


from .llm.commands import prompts_app  # noqa: E402  - `interpret prompts list|show|render|check`

app.add_typer(prompts_app, name="prompts")


@app.command("compare")
def compare_command(
    data: Optional[Path] = typer.Argument(None, help="CSV, XLSX or Parquet table. Default: the embedded IPM 2023 data set."),
    spec: Optional[Path] = typer.Option(None, "--spec", help="Data-set spec (TOML)."),
    k: Optional[str] = typer.Option(None, "--k", help="Number of clusters, or auto."),
    seed: Optional[int] = typer.Option(None, "--seed", help="Random seed."),
    out_dir: Optional[Path] = typer.Option(None, "--out", help="Output folder."),
    provider: Optional[str] = typer.Option(None, "--provider", help="Drafting provider: auto | watsonx | ollama | none."),
    model: Optional[str] = typer.Option(None, "--model", help="Model id of the first provider."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Ask the model again instead of reusing cached answers."),
    prompts: Optional[Path] = typer.Option(None, "--prompts", help="Prompt templates folder (an edited copy of prompts/)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Config file (default: ./interpret.toml if present)."),
) -> None:
    """The brief of `run --compare`: methods x distance x k scored with silhouette, DBI and connectivity, the best justified."""
    import inspect

    # Every other option of `run` at its default (typer keeps it in the parameter's OptionInfo).
    values = {name: getattr(p.default, "default", p.default) for name, p in inspect.signature(run).parameters.items()}
    values.update(data=data, spec=spec, k=k, seed=seed, out_dir=out_dir, provider=provider, config=config, compare=True)
    values.update(model=model, no_cache=no_cache, prompts=prompts)
    run(**values)


@app.command("verify")
def verify_command(
    narrative: Path = typer.Argument(..., help="The text to check: Markdown, plain text or a notebook (.ipynb)."),
    data: Optional[Path] = typer.Argument(None, help="Data to compute the facts from when --run is not given (default: the embedded IPM 2023 data)."),
    run_dir: Optional[Path] = typer.Option(None, "--run", help="A folder `interpret run` wrote: its result.json holds the facts."),
    spec: Optional[Path] = typer.Option(None, "--spec", help="Data-set spec (TOML), without --run."),
    k: Optional[str] = typer.Option(None, "--k", help="Number of clusters, without --run."),
    seed: Optional[int] = typer.Option(None, "--seed", help="Random seed, without --run."),
    cluster_map: Optional[list[str]] = typer.Option(None, "--map", help="Map the narrative's cluster names to ours: A=1,B=2 (default: by the members it lists)."),
    json_file: Optional[Path] = typer.Option(None, "--json", help="Write every claim with its verdict to this JSON file."),
    lang: str = typer.Option("id", "--lang", help="Language of the narrative's number formats: id | en."),
    config: Optional[Path] = typer.Option(None, "--config", help="Config file (default: ./interpret.toml if present)."),
) -> None:
    """Check every claim of a narrative against the facts; exit 3 when any claim is false."""
    from .verification.command import claims_table, summary_line, verify_narrative

    with _errors():
        settings = None if run_dir else resolve_settings({"data": data, "spec": spec, "k": k, "seed": seed}, config_path=config)
        outcome = verify_narrative(narrative, run=run_dir, settings=settings, cluster_map=cluster_map, json_path=json_file, locale=lang)
        out.print(claims_table(outcome))
        out.print(summary_line(outcome), highlight=False)
    raise typer.Exit(outcome.exit_code)


@app.callback()
def _root() -> None:
    """interpret: verified policy briefs from Indonesian socio-economic tables."""


def main() -> None:
    app(prog_name="interpret")


if __name__ == "__main__":
    sys.exit(main())
