"""Where the clustering stage computes: in this process (`engine = "memory"`) or on a Dask cluster
(`engine = "dask"`, docs/dask.md).

`open_engine(settings, progress)` gives an object with the four calls `analysis.analyse` delegates:
`scale`, `select_k`, `cluster` and `profiles`. The memory engine is the clustering library itself.
The Dask engine runs the scaling, k-means (k-means‖ + Lloyd), the k panel and the per-cluster
statistics on the cluster (`clustering.dask_engine`, `clustering.dask_profiles`) and returns the
same `Standardized`, `KSelection`, `Partition` and `ClusterProfile` objects, so the facts, the
drafts, the verifier and the report do not know which engine ran. The bootstrap, the assumption
checks and the method comparison stay in memory (they run on samples or on the p × p correlations).
"""

from __future__ import annotations

import math
from contextlib import ExitStack, contextmanager
from typing import Callable, Iterator

import numpy as np

from clustering import Partition, Standardized, cluster, scale, select_k

from .errors import ConfigError
from .progress import Note, relay_events

Progress = Callable[[str, str], None]


class MemoryEngine:
    name = "memory"

    def scale(self, raw: np.ndarray, method: str) -> Standardized:
        return scale(raw, method)

    def select_k(self, space: np.ndarray, *args, **options):
        return select_k(space, *args, **options)

    def cluster(self, space: np.ndarray, k: int, **options) -> Partition:
        return cluster(space, k, **options)

    def profiles(self, dataset, partition: Partition):
        return None  # fact_builder profiles the in-memory table itself


class DaskEngine:
    """The clustering calls on a Dask cluster, for a table held by this process (the brief's data)."""

    name = "dask"

    def __init__(self, workers: int, progress: Progress, tol: float = 1e-4, max_iter: int = 300):
        self.workers = workers
        self.tol, self.max_iter = tol, max_iter  # the settings kmeans_tol and kmeans_max_iter
        self.say = relay_events(progress)
        self._spaces: dict[int, tuple[np.ndarray, object]] = {}  # id of an in-memory space → (it, its DaskScaled)
        self._fits: dict[tuple[int, int], object] = {}

    def _array(self, values: np.ndarray):
        import dask.array as da

        values = np.asarray(values, dtype=float)
        rows = max(1, min(250_000, math.ceil(len(values) / (2 * self.workers))))
        return da.from_array(values, chunks=(rows, values.shape[1])).persist()

    def scale(self, raw: np.ndarray, method: str) -> Standardized:
        from clustering.dask_engine import scale_dask

        self.say("scaling", Note.of("scaling_dask", method=method))
        scaled = scale_dask(self._array(raw), method)
        values = np.asarray(scaled.values.compute())
        self._spaces[id(values)] = (values, scaled)
        return Standardized(values=values, center=scaled.center, scale=scaled.scale, method=method)

    def _space(self, space: np.ndarray):
        from clustering.dask_engine import as_space

        known = self._spaces.get(id(space))
        if known is None or known[0] is not space:  # principal components: clustered as they are
            known = self._spaces[id(space)] = (space, as_space(self._array(space)))
        return known[1]

    def select_k(self, space, k_values, method, metric, seed, n_init, gap_references, neighbours, sample_size, rule="auto", progress=None):
        from clustering.dask_engine import select_k_dask

        _kmeans_only(method, metric)
        selection, fits = select_k_dask(self._space(space), list(k_values), seed, n_init, gap_references, neighbours, sample_size, self.say, rule=rule, tol=self.tol, max_iter=self.max_iter)
        for k, fit in fits.items():
            self._fits[(id(space), k)] = fit
            selection.partitions[k] = fit.partition(np.asarray(fit.labels().compute()))
        return selection

    def cluster(self, space, k: int, method: str = "kmeans", seed: int = 42, metric: str = "euclidean", n_init=None, **options) -> Partition:
        from clustering.dask_engine import kmeans_dask

        _kmeans_only(method, metric)
        fit = self._fits.get((id(space), k))
        if fit is None or fit.seed != seed:
            fit = kmeans_dask(self._space(space), k, seed, n_init, max_iter=self.max_iter, progress=self.say, tol=self.tol)
        return fit.partition(np.asarray(fit.labels().compute()))

    def profiles(self, dataset, partition: Partition):
        import dask.array as da

        from clustering.dask_profiles import profile_clusters_dask

        self.say("profiles", Note.of("profiles_dask"))
        X = self._array(dataset.values.to_numpy(dtype=float))
        labels = da.from_array(np.asarray(partition.labels), chunks=(X.chunks[0],))
        weights = None if dataset.weights is None else da.from_array(np.asarray(dataset.weights, dtype=float), chunks=(X.chunks[0],))
        return profile_clusters_dask(X, labels, list(dataset.values.columns), dataset.reference.values, weights=weights,
                                     ids=np.asarray(dataset.values.index), k=partition.k)


def _kmeans_only(method: str, metric: str) -> None:
    if method != "kmeans" or metric != "euclidean":
        raise ConfigError(f"engine = dask runs k-means (Euclidean) only, not {method} ({metric}). Use --method kmeans, or --engine memory.")


@contextmanager
def open_engine(settings, progress: Progress | None = None) -> Iterator[MemoryEngine | DaskEngine]:
    """The engine the `engine` setting names; for dask, a client on `dask_scheduler` or a LocalCluster."""
    say = progress or (lambda stage, message: None)
    if getattr(settings, "engine", "memory") != "dask":
        yield MemoryEngine()
        return
    from clustering.dask_engine import dask_client, require_dask

    if settings.method is not None or settings.metric is not None:  # refused before a cluster starts
        _kmeans_only(settings.method or "kmeans", settings.metric or "euclidean")

    try:
        require_dask()
    except ImportError as exc:
        raise ConfigError(f"engine = dask: {exc}. Or use --engine memory.") from None
    address = settings.dask_scheduler
    with ExitStack() as stack:
        try:
            stack.enter_context(dask_client(address, settings.dask_workers, settings.dask_memory_limit))
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"dask_scheduler = {address}: cannot reach the Dask scheduler ({exc}). "
                              "Check the address, or unset it for a LocalCluster.") from None
        except ValueError as exc:
            raise ConfigError(f"dask_memory_limit = {settings.dask_memory_limit}: {exc}. Write e.g. 1GB or auto.") from None
        say("engine", Note.of("engine_scheduler", address=address) if address else
            Note.of("engine_local", workers=settings.dask_workers, memory=settings.dask_memory_limit))
        yield DaskEngine(settings.dask_workers, say, settings.kmeans_tol, settings.kmeans_max_iter)
