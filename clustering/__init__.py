"""Clustering science for `interpret`: scaling, algorithms, choosing k, stability, checks, profiles.

This package imports nothing from `interpret`: it works on numpy arrays and pandas frames and can be
used (and tested) on its own.
"""

from .algorithms import METHODS, METRICS, Partition, cluster, kmeans, kmedoids, order_labels, ward
from .assumptions import Assumptions, check_assumptions, kmo
from .compare import ComparisonRow, compare_methods
from .kselection import KSelection, connectivity, find_knee, gap_choice, gap_statistic, select_k
from .preprocessing import SCALINGS, PCAResult, Standardized, minmax, pca, robust, scale, zscore
from .profiles import ClusterProfile, FeatureSummary, profile_clusters
from .stability import Stability, bootstrap_stability

__all__ = [
    "METHODS", "METRICS", "SCALINGS",
    "Assumptions", "ClusterProfile", "ComparisonRow", "FeatureSummary", "KSelection", "PCAResult", "Partition",
    "Stability", "Standardized",
    "bootstrap_stability", "check_assumptions", "cluster", "compare_methods", "connectivity", "find_knee",
    "gap_choice", "gap_statistic", "kmeans", "kmedoids", "kmo", "minmax", "order_labels", "pca", "profile_clusters",
    "robust", "scale", "select_k", "ward", "zscore",
]
