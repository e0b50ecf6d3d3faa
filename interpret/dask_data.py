"""Tables larger than memory for the Dask engine: a partitioned Parquet data set (a folder or a glob
of .parquet files) or a large CSV, read through its spec as a dask dataframe, and clustered on the
cluster without ever being gathered (docs/dask.md).

Only what a unit-level table needs: the id column, the feature columns and an optional weight
column. Filters, the long→wide pivot, the aggregate row and Indonesian number formats need the
whole table (interpret.data): here the feature columns must be numeric (Parquet) or plain numbers
(CSV), and the reference is the (weighted) mean of the units.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from .errors import ConfigError, DataError
from .progress import Note
from .spec import Spec, load_spec

Progress = Callable[[str, str], None]


@dataclass
class DaskTable:
    spec: Spec
    path: Path
    frame: object  # dask DataFrame: id, features, weight
    values: object  # dask array, n × p float64, known row chunks
    weights: object | None  # dask array, n, or None
    n: int

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.spec.features]


def _require_dask():
    from clustering.dask_engine import require_dask

    try:
        require_dask()
    except ImportError as exc:
        raise ConfigError(f"Reading a table with the Dask engine: {exc}.") from None


def read_frame(path: Path, spec: Spec, blocksize: str = "64MB"):
    """The id, feature and weight columns as a dask dataframe (nothing is read yet but the schema)."""
    _require_dask()
    import dask.dataframe as dd

    path = Path(path)
    columns = [spec.id.column] + [f.column for f in spec.features] + ([spec.dataset.weight] if spec.dataset.weight else [])
    if spec.pivot is not None or spec.filters:
        raise ConfigError(f"{path}: [pivot] and [[filters]] need the whole table in memory; use --engine memory, or prepare the table as one row per unit.")
    is_parquet = path.is_dir() or path.suffix.lower() in {".parquet", ".pq"} or "*" in path.name
    if not is_parquet and path.suffix.lower() not in {".csv", ".txt", ".tsv"}:
        raise DataError(f"The Dask engine reads Parquet (a file, a folder or a glob) or CSV, not {path.suffix or path.name}.")
    if not path.exists() and "*" not in path.name:
        raise DataError(f"Data not found: {path}. Check the path.")
    try:
        frame = dd.read_parquet(str(path)) if is_parquet else dd.read_csv(str(path), blocksize=blocksize, assume_missing=True)
    except (OSError, ValueError) as exc:
        raise DataError(f"Cannot read {path} with Dask: {exc}.") from None
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ConfigError(f"Unknown column(s) {', '.join(missing)} in the spec: {path} has columns {', '.join(map(str, frame.columns))}. Fix the spec.")
    frame = frame[columns]
    for column in columns[1:]:
        if not pd.api.types.is_numeric_dtype(frame[column].dtype):
            raise DataError(f"Column '{column}' of {path} is not numeric ({frame[column].dtype}); the Dask engine reads plain numbers only. "
                            "Write it as numbers (e.g. 73.13), or use --engine memory for Indonesian number formats.")
    return frame


def load_dask_table(path: Path, spec_path: Path, blocksize: str = "64MB") -> DaskTable:
    """Read and check the table on the cluster: missing values (refused, or dropped when the spec says
    so) and weights (positive) in one pass, the partition lengths in another."""
    import dask
    import dask.array as da

    spec = load_spec(spec_path)
    frame = read_frame(path, spec, blocksize)
    features = [f.column for f in spec.features]
    weight = spec.dataset.weight
    checks = [frame[features].isna().sum()]
    if weight:
        checks.append(((frame[weight] <= 0) | frame[weight].isna()).sum())
    missing, *bad_weights = dask.compute(*checks)
    if missing.sum() > 0:
        detail = ", ".join(f"{column}: {int(count)}" for column, count in missing.items() if count)
        if spec.dataset.missing != "drop":
            raise DataError(f"{path} has missing values ({detail}). Set dataset.missing = \"drop\" in the spec to leave those units out.")
        frame = frame.dropna(subset=features)
    if bad_weights and bad_weights[0] > 0:
        raise DataError(f"Weight column '{weight}' in {path} must be positive for every unit; {int(bad_weights[0])} are not. Fix the weights.")
    # One array for features and weight, so both have the same row blocks (dask may merge or split
    # Parquet partitions when it plans the read); its block lengths take one pass.
    array = frame[features + ([weight] if weight else [])].to_dask_array().astype(np.float64)
    array.compute_chunk_sizes()
    array = array.rechunk({1: -1})
    values = array[:, : len(features)]
    weights = array[:, len(features)] if weight else None
    n = int(sum(values.chunks[0]))
    if n < 3:
        raise DataError(f"{path} has {n} complete row(s); clustering needs at least three.")
    return DaskTable(spec=spec, path=Path(path), frame=frame, values=values, weights=weights, n=n)


def cluster_table(table: DaskTable, k: int, seed: int = 42, scaling: str = "zscore", n_init: int | None = None,
                  max_iter: int = 300, persist: bool = False, progress: Progress | None = None):
    """Scale, k-means (k-means‖ + Lloyd) and the per-cluster profiles, all on the cluster; the labels
    stay there (`fit.labels()`, e.g. `.to_parquet` / `to_zarr`). Returns (DaskFit, profiles, reference)."""
    from clustering.dask_engine import kmeans_dask, scale_dask
    from clustering.dask_profiles import profile_clusters_dask

    say = progress or (lambda stage, message: None)
    try:
        scaled = scale_dask(table.values, scaling)
    except ValueError as exc:
        raise DataError(f"Cannot scale the features of {table.path} ({scaling}): {exc}. Remove that feature from the spec.") from None
    if persist:  # worth it when the scaled table fits in the workers' memory: every pass then skips the reading
        from dataclasses import replace

        scaled = replace(scaled, values=scaled.values.persist())
    say("scaling", Note.of("scaling_units", method=scaling, n=table.n))
    try:
        fit = kmeans_dask(scaled, k, seed, n_init, max_iter=max_iter, progress=say)
    except ValueError as exc:
        raise DataError(f"Clustering {table.path} with kmeans, k = {k} failed: {exc}.") from None
    say("kmeans", Note.of("kmeans_sizes", k=k, iterations=int(fit.n_iter), sizes=[int(size) for size in fit.sizes]))
    profiles = profile_clusters_dask(table.values, fit.labels(), table.names, None, weights=table.weights, k=k)
    say("profiles", Note.of("profiles_k", k=k))
    first = profiles[0].features
    return fit, profiles, {name: first[name].reference for name in table.names}
