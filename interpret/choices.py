"""The clustering choices of one run: the settings after the data-set spec has entered the one
precedence pass (CLI > environment > config file > spec > defaults), checked against the data.

`resolve_choices` adds no precedence of its own: the values come from `Settings.with_spec`, the same
pass as every other setting; what remains here are the checks that need the spec and the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .config import Settings
from .errors import ConfigError
from .settings import K_LARGEST  # the largest k a brief describes; the CLI refuses more before the run

if TYPE_CHECKING:  # the data layer imports pandas: a type here, not an import
    from .data import Dataset


# With k fixed, `k_panel = "auto"` runs the k panel (for the brief's table) up to this many units:
# on 100 000 households it was 89 % of a `--k 4` run that uses none of it.
K_PANEL_AUTO_MAX = 5_000


@dataclass(frozen=True)
class Choices:
    """The clustering settings after precedence: CLI > env > config file > spec > defaults."""

    method: str
    metric: str
    scaling: str
    pca: bool
    pca_variance_pct: float
    k: int | None  # None: the panel chooses (k_rule)
    k_source: str  # "cli" (the user: command line, environment or config file) | "spec" | "auto"
    k_values: list[int]
    k_rule: str  # how the panel chooses k: auto (consensus) | dbi | silhouette | elbow | gap
    run_panel: bool  # the k panel runs (always when it chooses k; when k is fixed, by k_panel)
    panel_skipped: bool  # k is fixed and the panel was not run (k_panel = false, or auto on a large table)
    pca_components: int | str | None
    drop_low_msa: bool
    seed: int
    n_init: int | None
    bootstrap: int
    gap_references: int
    neighbours: int
    sample_size: int
    unstable_pct: float
    tolerance_pct: float
    compare: bool


def fewest_distinct_in_bootstrap(n: int, replicates: int, seed: int) -> int:
    """The fewest distinct units among the stability bootstrap's resamples (the very draws of
    clustering.stability.bootstrap_stability), so a k that one resample cannot hold is refused before the clustering."""
    import numpy as np

    from clustering.stability import bootstrap_draws

    return min(len(np.unique(drawn)) for drawn in bootstrap_draws(n, replicates, seed))


def resolve_choices(dataset: Dataset, settings: Settings) -> Choices:
    c = dataset.spec.clustering
    origin = f"the spec {settings.spec}" if settings.spec else "the embedded spec"
    s = settings.with_spec(c.model_dump(exclude_unset=True), origin, spec_defaults=c.model_dump())
    rule = s.k if isinstance(s.k, str) else "auto"
    k_source = "auto" if s.k is None or isinstance(s.k, str) else ("cli" if s.from_user("k") else "spec")
    if s.metric == "manhattan" and s.method != "kmedoids":
        raise ConfigError(
            f"metric = manhattan needs method = kmedoids (K-means and Ward minimise squared Euclidean distance); "
            f"got method = {s.method}. Pass --method kmedoids or --metric euclidean."
        )
    n = len(dataset.values)
    if s.k_min > s.k_max:
        raise ConfigError(f"k range {s.k_min}…{s.k_max} is empty: k_min must not exceed k_max. Fix --k-min/--k-max or the spec.")
    k_values = list(range(s.k_min, min(s.k_max, n - 1) + 1))
    k = None if k_source == "auto" else int(s.k)
    if k is not None and k > K_LARGEST:
        raise ConfigError(
            f"k = {k} is more clusters than a brief can describe: k must be at most {K_LARGEST} (and at most n − 1 = {n - 1}); "
            f"past that, clusters hold one or two {dataset.spec.unit_plural} each and their profiles are the units' own. "
            f"Use --k {min(K_LARGEST, n - 1)} or fewer, or --k auto."
        )
    if k is not None and k > n - 1:
        raise ConfigError(
            f"k = {k} but the data has only {n} {dataset.spec.unit_plural} to cluster: k must be at most n − 1 = {n - 1} "
            f"(k = n puts every unit in a cluster of its own). Use --k {max(2, min(n - 1, 4))} or fewer."
        )
    if k is not None and s.bootstrap:
        fewest = fewest_distinct_in_bootstrap(min(n, s.sample_size), s.bootstrap, s.seed)
        if k > fewest:
            raise ConfigError(f"k = {k} is too close to the {n} {dataset.spec.unit_plural} for the stability bootstrap (bootstrap = {s.bootstrap}): "
                              f"one of its resamples holds only {fewest} distinct units, fewer than the clusters. "
                              f"Use --k {fewest} or fewer, or --bootstrap 0.")
    if k is None and len(k_values) < 2:
        raise ConfigError(f"k = auto needs at least two candidate k between {s.k_min} and n − 1 = {n - 1}. Pass --k N instead.")
    panel_setting = s.k_panel if s.k_panel is not None else "auto"
    run_panel = len(k_values) >= 2 and (k is None or panel_setting is True or (panel_setting == "auto" and n <= K_PANEL_AUTO_MAX))
    return Choices(
        method=s.method,
        metric=s.metric,
        scaling=s.scaling,
        pca=s.pca,
        pca_variance_pct=c.pca_variance_pct,
        k=k,
        k_source=k_source,
        k_values=k_values,
        k_rule=rule,
        run_panel=run_panel,
        panel_skipped=k is not None and not run_panel,
        pca_components=c.pca_components,
        drop_low_msa=c.drop_low_msa,
        seed=s.seed,
        n_init=c.n_init,
        bootstrap=s.bootstrap,
        gap_references=c.gap_references,
        neighbours=c.neighbours,
        sample_size=s.sample_size,
        unstable_pct=c.unstable_pct,
        tolerance_pct=s.tolerance_pct,
        compare=bool(s.compare),
    )
