"""The arithmetic of alerts, on plain numbers (no database): easy to check by hand.

Volume spike: the counts of the N periods before the current one give a baseline mean μ and
population standard deviation σ; the alert fires when the current count reaches
``max(min_count, μ + k·σ)``.

Negative surge: the share of negative mentions in the current period against the share over
the N baseline periods together; fires when the current period has at least ``min_count``
mentions and its share is at least ``rise`` percentage points above the baseline share.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """Why an alert fires: the figures, kept on the AlertEvent."""

    current: float
    baseline: float
    threshold: float
    figures: dict


def mean_and_sigma(counts: Sequence[float]) -> tuple[float, float]:
    """Mean and population standard deviation; (0, 0) for no values."""
    if not counts:
        return 0.0, 0.0
    mean = sum(counts) / len(counts)
    variance = sum((value - mean) ** 2 for value in counts) / len(counts)
    return mean, math.sqrt(variance)


def volume_spike(
    current: int, history: Sequence[int], *, k: float, min_count: int
) -> Finding | None:
    mean, sigma = mean_and_sigma(history)
    threshold = max(float(min_count), mean + k * sigma)
    if current < threshold:
        return None
    figures = {
        "count": current,
        "mean": round(mean, 3),
        "sigma": round(sigma, 3),
        "k": k,
        "min_count": min_count,
        "threshold": round(threshold, 3),
        "history": list(history),
    }
    return Finding(current, mean, threshold, figures)


def negative_surge(
    negative: int,
    total: int,
    history_negative: Sequence[int],
    history_total: Sequence[int],
    *,
    rise: float,
    min_count: int,
) -> Finding | None:
    """``rise`` is in percentage points (20 = from 10 % to 30 %)."""
    if total < max(1, min_count):
        return None
    share = 100.0 * negative / total
    base_total = sum(history_total)
    baseline = 100.0 * sum(history_negative) / base_total if base_total else 0.0
    threshold = baseline + rise
    if share < threshold:
        return None
    figures = {
        "negative": negative,
        "count": total,
        "share": round(share, 2),
        "baseline_share": round(baseline, 2),
        "rise": rise,
        "threshold": round(threshold, 2),
        "min_count": min_count,
        "history_negative": list(history_negative),
        "history_total": list(history_total),
    }
    return Finding(share, baseline, threshold, figures)
