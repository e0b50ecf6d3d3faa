"""Clustering science for `interpret`: preprocessing, algorithms, profiles.

This package imports nothing from `interpret`: it works on numpy arrays and pandas frames and can be
used (and tested) on its own.
"""

from .algorithms import Partition, cluster, kmeans, order_labels
from .preprocessing import Standardized, zscore
from .profiles import ClusterProfile, FeatureSummary, profile_clusters

__all__ = [
    "ClusterProfile",
    "FeatureSummary",
    "Partition",
    "Standardized",
    "cluster",
    "kmeans",
    "order_labels",
    "profile_clusters",
    "zscore",
]
