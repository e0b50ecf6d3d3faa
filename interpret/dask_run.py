"""`interpret run --engine dask` on a table the driver never holds: a Parquet data set (a folder, a
glob or a file) or a CSV whose spec needs nothing of the whole table (docs/dask.md).

The table is read by Dask through its spec (`dask_data.load_dask_table`), scaled, clustered
(k-means‖ + Lloyd) and profiled on the cluster. What comes back to this process is what the brief
needs and nothing that grows with the table: the k panel's indices, the per-cluster statistics and
counts (exact medians aside, see clustering/dask_profiles.py), the members of clusters small
enough to list, and one seeded sample of at most 2 × `sample_size` units (the `Dataset` the charts,
the assumption checks, the bootstrap and the method comparison read). The unit → cluster table is
written by the workers as a Parquet folder (`write_assignments`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from clustering import Partition, check_assumptions
from clustering.algorithms import default_n_init

from .choices import K_PANEL_AUTO_MAX, resolve_choices
from .config import Settings
from .dask_data import DaskTable, load_dask_table
from .data import Dataset, Reference
from .errors import ConfigError, DataError
from .facts import ClusterWeight, Facts, WeightsInfo, composite_scores
from .progress import Note, Units, relay_events
from .spec import Spec, load_spec

Progress = Callable[[str, str], None]
SAMPLE_FACTOR = 2  # the driver's sample holds 2 × sample_size units: the bootstrap still draws its own sample from it
MEMBERS_GATHERED_MAX = 60  # members of a cluster this small are gathered by id: the brief lists them (reports.render.MEMBERS_LISTED_MAX)
ASSIGNMENTS_PARQUET_MIN = 100_000  # as reports.render.assignments_file: CSV below, Parquet from here


@dataclass
class OutOfCore:
    """What the driver keeps of a table clustered on Dask."""

    table: DaskTable
    sample: Dataset  # a seeded sample of the units, for the charts and the sampled checks
    mapping: np.ndarray | None = None  # fit label → brief's cluster number − 1
    fit: object | None = None  # clustering.dask_engine.DaskFit
    scaled: object | None = None  # clustering.dask_engine.DaskScaled


def out_of_core_source(settings: Settings) -> tuple[Path, Path | None, Spec] | None:
    """(data, spec path, spec) when `engine = dask` reads the table itself; None: the table is read
    whole by interpret.data (engine memory, or a spec that needs the whole table: a pivot, filters,
    an aggregate reference row, household weights, lines or coded answers, which a Parquet data set
    may not declare)."""
    if getattr(settings, "engine", "memory") != "dask" or settings.data is None:
        return None
    path = Path(settings.data)
    spec_path = settings.spec
    parquet = path.is_dir() or path.suffix.lower() in {".parquet", ".pq"} or "*" in path.name
    if spec_path is None:
        if parquet:
            raise ConfigError(f"No spec given for {path}. Pass --spec FILE.toml describing its id and feature columns.")
        return None  # interpret.data says what is missing
    spec = load_spec(spec_path)
    whole = _needs_whole_table(spec)
    if parquet and whole:
        raise ConfigError(f"engine = dask reads {path} on the cluster, but its spec declares {whole}, which needs the whole table in memory. "
                          "Remove it from the spec, or use --engine memory.")
    if parquet or (path.suffix.lower() in {".csv", ".txt", ".tsv"} and not whole):
        return path, spec_path, spec
    return None


def _needs_whole_table(spec: Spec) -> str | None:
    if spec.pivot is not None:
        return "[pivot]"
    if spec.filters:
        return "[[filters]]"
    if spec.categorical:
        return "categorical features (clustered by k-prototypes in memory)"
    if spec.thresholds is not None:
        return "[thresholds]"
    if spec.weights is not None:
        return "[weights]"
    if spec.reference.kind == "row" or spec.reference.row is not None:
        return "reference.kind = \"row\" (an aggregate row)"
    return None


def _refuse_unsupported(s) -> None:
    """`s`: the resolved choices (interpret.choices.Choices)."""
    if s.method not in (None, "kmeans") or s.metric not in (None, "euclidean"):
        raise ConfigError(f"engine = dask runs k-means (Euclidean) only, not method = {s.method} ({s.metric}). Use --method kmeans, or --engine memory.")
    if s.pca:
        raise ConfigError("pca = true with engine = dask on a table read by Dask: principal components are not computed on the cluster. "
                          "Set pca = false, or use --engine memory.")
    if s.drop_low_msa:
        raise ConfigError("drop_low_msa = true with engine = dask on a table read by Dask is not supported. Set drop_low_msa = false, or use --engine memory.")
    if s.scaling not in ("zscore", "minmax"):
        raise ConfigError(f"scaling = {s.scaling} with engine = dask: only zscore and minmax are computed on the cluster. Use --scaling zscore, or --engine memory.")


def load_out_of_core(path: Path, spec_path: Path | None, settings: Settings, say: Progress) -> OutOfCore:
    """Read the table on the cluster and bring back its seeded sample (never the whole table)."""
    from clustering.dask_engine import moments

    table = load_dask_table(path, spec_path)
    spec = table.spec
    stats = moments(table.values, table.weights)  # with weights, a weighted mean reference, as interpret.data
    label = f"rata-rata {'tertimbang ' if table.weights is not None else ''}{table.n} {spec.unit_plural}"
    reference = Reference(kind="mean", label=label, values=dict(zip(table.names, (float(v) for v in stats.mean[0]))))
    c = spec.clustering  # as interpret.choices.resolve_choices reads sample_size: CLI > env > config > spec > default
    size = max(int(settings.with_spec(c.model_dump(exclude_unset=True), "the spec", spec_defaults=c.model_dump()).sample_size), 1) * SAMPLE_FACTOR
    rows = np.arange(table.n) if table.n <= size else np.sort(np.random.default_rng(settings.seed or 42).choice(table.n, size, replace=False))
    import dask

    values, weights = dask.compute(table.values[rows], None if table.weights is None else table.weights[rows])
    names = _ids_at(table, rows)
    index = pd.Index(names, name=spec.id.column)
    if index.has_duplicates:
        raise DataError(f"{path}: id column '{spec.id.column}' has duplicate ids (e.g. '{index[index.duplicated()][0]}'). Make the ids unique.")
    files = sorted(Path(path).glob("*.parquet")) if Path(path).is_dir() else sorted(Path(path).parent.glob(Path(path).name))
    digest = hashlib.sha256()
    for file in files:  # the table's files by name, size and time: hashing tens of GB would cost a pass of its own
        info = file.stat()
        digest.update(f"{file.name}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    sample = Dataset(spec=spec, path=Path(path), sha256=digest.hexdigest(), size_bytes=sum(f.stat().st_size for f in files),
                     values=pd.DataFrame(np.asarray(values, dtype=float), index=index, columns=table.names), reference=reference,
                     weights=None if weights is None else np.asarray(weights, dtype=float))
    say("data", Note.of("data_dask", n=table.n, units=Units(spec.dataset.unit, spec.unit_plural), features=len(spec.features), sample=len(rows)))
    return OutOfCore(table=table, sample=sample)


def analyse_out_of_core(source: OutOfCore, settings: Settings, progress: Progress | None = None, advance=None) -> tuple[Partition, Facts]:
    """analysis.analyse for a table on the cluster: the partition returned is the sample's (for the
    charts); the facts are every unit's."""
    from clustering.dask_engine import _assign_block, kmeans_dask, scale_dask, select_k_dask
    from clustering.dask_profiles import profile_clusters_dask

    from .analysis import _assumptions, _comparison, _k_selection, _stability
    from .fact_builder import build_facts

    say = relay_events(progress or (lambda stage, message: None))
    table, sample = source.table, source.sample
    ch = resolve_choices(sample, settings)
    _refuse_unsupported(ch)
    n = table.n
    # resolve_choices saw the sample: decide the panel on every unit, as it does in memory.
    c = sample.spec.clustering
    panel = settings.with_spec(c.model_dump(exclude_unset=True), "the spec", spec_defaults=c.model_dump()).k_panel
    panel = "auto" if panel is None else panel
    run_panel = len(ch.k_values) >= 2 and (ch.k is None or panel is True or (panel == "auto" and n <= K_PANEL_AUTO_MAX))
    ch = replace(ch, run_panel=run_panel, panel_skipped=ch.k is not None and not run_panel)
    try:
        scaled = scale_dask(table.values, ch.scaling)
    except ValueError as exc:
        raise DataError(f"Cannot scale the features of {table.path} ({ch.scaling}): {exc}. Remove that feature from the spec.") from None
    tol, max_iter = settings.kmeans_tol, settings.kmeans_max_iter
    selection, fits = None, {}
    if ch.run_panel:
        selection, fits = select_k_dask(scaled, list(ch.k_values), ch.seed, ch.n_init, ch.gap_references, ch.neighbours, ch.sample_size, say,
                                        rule=ch.k_rule, tol=tol, max_iter=max_iter)
    k = ch.k if ch.k is not None else selection.chosen_k
    fit = fits.get(k)
    if fit is None:
        try:
            fit = kmeans_dask(scaled, k, ch.seed, ch.n_init, max_iter=max_iter, progress=say, tol=tol)
        except ValueError as exc:
            raise DataError(f"Clustering {table.path} with kmeans, k = {k} failed: {exc}.") from None
    say("kmeans", Note.of("kmeans_converged" if fit.converged else "kmeans_capped", k=k, iterations=int(fit.n_iter)))
    mapping = _numbering(fit, scaled, sample.spec)
    order = np.argsort(mapping)
    labels = fit.labels().map_blocks(lambda block, m: m[block].astype(np.int32), mapping, dtype=np.int32)
    profiles = profile_clusters_dask(table.values, labels, table.names, sample.reference.values, weights=table.weights, k=k)
    profiles = _small_cluster_members(profiles, table, labels)
    source.mapping, source.fit, source.scaled = mapping, fit, scaled

    space = (sample.values.to_numpy(dtype=float) - scaled.center) / scaled.scale
    sample_labels = mapping[_assign_block(space, fit.assign_centers)]
    partition = Partition(labels=sample_labels.astype(int), centers=fit.centers[order], k=k, method="kmeans", seed=ch.seed,
                          n_init=fit.n_init or default_n_init(n), within_ss=fit.within_ss, total_ss=fit.total_ss, metric="euclidean")
    caveats = ["many_clusters"] if k > n / 3 else []
    if ch.panel_skipped:
        caveats.append("k_panel_skipped")
    if not fit.converged:
        caveats.append("lloyd_capped")
    stability = _stability(sample, space, partition, ch, advance) if ch.bootstrap > 0 and len(np.unique(sample_labels)) == k else None
    comparison = _comparison(space, partition, ch) if ch.compare else None
    weights = None
    if table.weights is not None:
        total = float(sum(p.weighted_size for p in profiles))
        weights = WeightsInfo(column=sample.spec.dataset.weight, population=total,
                              clusters={p.index + 1: ClusterWeight(population=float(p.weighted_size), share_pct=float(p.share_pct)) for p in profiles})
    facts = build_facts(sample, partition, tolerance_pct=ch.tolerance_pct, k_source=ch.k_source, standardization=ch.scaling,
                        k_selection=_k_selection(selection, ch) if selection is not None else None, stability=stability,
                        assumptions=_assumptions(check_assumptions(sample.values.to_numpy(dtype=float)), sample), weights=weights,
                        comparison=comparison, caveats=caveats, profiles=profiles, n_units=n)
    return partition, facts


def _numbering(fit, scaled, spec: Spec) -> np.ndarray:
    """As clustering.order_labels on all units: the cluster with the highest mean order key first.
    The key is linear in the z-scores, and each fit center is its cluster's mean in the scaled
    space, so the clusters' mean keys come from the centers alone (ties: the lower fit label)."""
    z = (fit.centers - scaled.mean) / np.sqrt(scaled.variance)
    names = [f.name for f in spec.features]
    order_by = spec.clustering.order_by
    if order_by == "composite":
        key = composite_scores(z, spec.features)
    elif order_by in names:
        key = z[:, names.index(order_by)]
    else:
        raise ConfigError(f"clustering.order_by = '{order_by}' is neither \"composite\" nor a feature ({', '.join(names)}). Fix the spec.")
    order = sorted(range(fit.k), key=lambda c: (-round(float(key[c]), 12), c))
    mapping = np.empty(fit.k, dtype=np.int32)
    mapping[order] = np.arange(fit.k)
    return mapping


def _checked(ids: pd.Series, n: int) -> pd.Series:
    if len(ids) != n:
        raise DataError(f"A partition holds {len(ids)} ids but {n} rows of features; write the data set again with one row group per file.")
    return ids


def _id_blocks(table: DaskTable):
    """The id column, one delayed pandas Series per row block of `table.values` (its partitions).
    Not a dask array: a string id column does not convert to one on every dask version."""
    import dask

    # The whole frame's partitions: selecting the id column alone lets dask's optimiser merge them.
    column = table.spec.id.column
    blocks = [dask.delayed(lambda part, n: _checked(part[column], n), pure=True)(block, n)
              for block, n in zip(table.frame.to_delayed(), table.values.chunks[0])]
    if len(table.frame.to_delayed()) != len(table.values.chunks[0]):
        raise DataError(f"{table.path}: the id column and the features are split differently; write the data set again with one row group per file.")
    return blocks


def _ids_at(table: DaskTable, rows: np.ndarray) -> list[str]:
    """The ids of the units at positions `rows` (sorted), read block by block on the cluster."""
    import dask

    starts = np.r_[0, np.cumsum(table.values.chunks[0])]
    take = dask.delayed(lambda ids, local: [str(i).strip() for i in ids.iloc[local]], pure=True)
    parts = [take(block, rows[(rows >= lo) & (rows < hi)] - lo) for block, lo, hi in zip(_id_blocks(table), starts[:-1], starts[1:])]
    return [name for part in dask.compute(*parts) for name in part]


def _members_of(ids, labels, small):
    inside = np.isin(labels, small)
    return [str(i).strip() for i in ids.to_numpy()[inside]], labels[inside]


def _small_cluster_members(profiles: list, table: DaskTable, labels) -> list:
    """The ids of the clusters small enough to list, gathered in one pass; the others stay counts."""
    import dask

    small = [p.index for p in profiles if p.size <= MEMBERS_GATHERED_MAX]
    if not small:
        return profiles
    call = dask.delayed(_members_of, pure=True)
    parts = dask.compute(*[call(ids, block, small) for ids, block in zip(_id_blocks(table), labels.to_delayed().ravel())])
    names = np.array([name for part in parts for name in part[0]], dtype=object)
    found = np.concatenate([np.asarray(part[1]) for part in parts]) if parts else np.array([], dtype=int)
    return [replace(p, members=[str(i).strip() for i in names[found == p.index]]) if p.index in small else p for p in profiles]


def assignments_name(n: int) -> str:
    return "assignments.parquet" if n >= ASSIGNMENTS_PARQUET_MIN else "assignments.csv"


def write_assignments(source: OutOfCore, out_dir: Path, cluster_labels: dict[int, str]) -> Path:
    """id, klaster (1 … k), label and the features, written by the workers into `out_dir`: a folder
    `assignments.parquet/` of one Parquet file per partition (a CSV file, with no cell a spreadsheet
    would run as a formula, below ASSIGNMENTS_PARQUET_MIN units, the name the brief gives). An
    existing cluster needs `out_dir` on storage the workers share."""
    from .csv_cells import neutralise

    fit, scaled, mapping = source.fit, source.scaled, source.mapping
    spec = source.table.spec
    features = [f.column for f in spec.features]
    names = dict(zip(features, source.table.names))
    texts = np.array([cluster_labels[c + 1] for c in range(fit.k)], dtype=object)

    def assign(part: pd.DataFrame) -> pd.DataFrame:
        x = (part[features].to_numpy(dtype=float) - scaled.center) / scaled.scale
        d = (x**2).sum(axis=1)[:, None] - 2 * x @ fit.assign_centers.T + (fit.assign_centers**2).sum(axis=1)[None, :]
        number = mapping[d.argmin(axis=1)] + 1
        out = pd.DataFrame({spec.id.column: part[spec.id.column].astype(str).str.strip().to_numpy(), "klaster": number.astype(np.int32),
                            "label": texts[number - 1]})
        for column in features:
            out[names[column]] = part[column].to_numpy(dtype=float)
        return out

    meta = pd.DataFrame({spec.id.column: pd.Series(dtype=object), "klaster": pd.Series(dtype=np.int32), "label": pd.Series(dtype=object),
                         **{names[c]: pd.Series(dtype=float) for c in features}})
    frame = source.table.frame.map_partitions(assign, meta=meta)
    target = Path(out_dir) / assignments_name(source.table.n)
    if target.suffix == ".csv":
        frame.map_partitions(neutralise, meta=meta).to_csv(str(target), single_file=True, index=False)
    else:
        frame.to_parquet(str(target), write_index=False, overwrite=True)
    return target
