"""The alert arithmetic on small series computed by hand."""

import pytest

from belvedere.listening.alerting import mean_and_sigma, negative_surge, volume_spike


def test_mean_and_sigma_of_a_textbook_series():
    assert mean_and_sigma([2, 4, 4, 4, 5, 5, 7, 9]) == (5.0, 2.0)
    assert mean_and_sigma([]) == (0.0, 0.0)


def test_volume_spike_fires_at_mean_plus_k_sigma():
    history = [2, 4, 4, 4, 5, 5, 7, 9]  # μ = 5, σ = 2, threshold 5 + 3·2 = 11
    assert volume_spike(10, history, k=3, min_count=5) is None
    found = volume_spike(11, history, k=3, min_count=5)
    assert found is not None and found.threshold == 11.0
    assert found.figures["mean"] == 5.0 and found.figures["sigma"] == 2.0


def test_volume_spike_needs_the_minimum_count_on_a_flat_baseline():
    assert volume_spike(4, [0, 0, 0], k=3, min_count=5) is None
    assert volume_spike(5, [0, 0, 0], k=3, min_count=5).threshold == 5.0


def test_negative_surge_compares_shares_in_points():
    # baseline: 2 negative of 20 = 10 %; threshold 10 + 20 = 30 %
    assert negative_surge(2, 10, [1, 1], [10, 10], rise=20, min_count=5) is None
    found = negative_surge(3, 10, [1, 1], [10, 10], rise=20, min_count=5)
    assert found.current == pytest.approx(30.0) and found.baseline == pytest.approx(10.0)


def test_negative_surge_ignores_thin_periods_and_empty_baselines():
    assert negative_surge(4, 4, [0], [10], rise=20, min_count=5) is None
    found = negative_surge(5, 10, [0], [0], rise=20, min_count=5)
    assert found.baseline == 0.0 and found.current == 50.0
