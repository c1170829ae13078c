"""The collector tuning of a run is undone when the run ends (pytester runs nest)."""

from __future__ import annotations

import gc

import pytest

from harness.plugin.gc_tuning import THRESHOLDS, CollectorTuning

DEFAULTS = (700, 10, 10)  # CPython's own thresholds


@pytest.fixture
def default_collector():
    """The collector as a plain Python process has it; this run's tuning put back after."""
    saved = gc.get_threshold()
    gc.set_threshold(*DEFAULTS)
    yield
    gc.set_threshold(*saved)
    gc.freeze()


def test_a_run_freezes_what_exists_and_puts_the_collector_back(default_collector):
    gc.unfreeze()
    tuning = CollectorTuning()
    tuning.start()
    assert (gc.get_threshold(), gc.get_freeze_count() > 0) == (THRESHOLDS, True)
    tuning.stop()
    assert (gc.get_threshold(), gc.get_freeze_count()) == (DEFAULTS, 0)


def test_stopping_a_run_that_never_started_changes_nothing(default_collector):
    CollectorTuning().stop()
    assert gc.get_threshold() == DEFAULTS


def test_the_plugin_tunes_the_collector_only_while_lab_tests_run(lab, default_collector):
    lab.makepyfile(
        f"""
        import gc

        def test_tuned():
            assert gc.get_threshold() == {THRESHOLDS!r}
        """
    )
    lab.runpytest_inprocess("-p", "no:randomly").assert_outcomes(passed=1)
    assert gc.get_threshold() == DEFAULTS


def test_what_the_tests_made_is_frozen_for_pytests_last_collections(lab, default_collector):
    """pytest collects garbage in its unconfigure and clean-up: it walks none of it."""
    lab.makeconftest(
        """
        import gc, pathlib

        def pytest_unconfigure(config):
            pathlib.Path("frozen_at_unconfigure").write_text(str(gc.get_freeze_count()))
        """
    )
    lab.makepyfile(
        """
        import gc, pathlib

        def test_makes_objects():
            test_makes_objects.kept = [[] for _ in range(10_000)]
            pathlib.Path("frozen_in_test").write_text(str(gc.get_freeze_count()))
        """
    )
    lab.runpytest_inprocess("-p", "no:randomly").assert_outcomes(passed=1)
    in_test = int((lab.path / "frozen_in_test").read_text())
    assert int((lab.path / "frozen_at_unconfigure").read_text()) >= in_test + 10_000
    assert (gc.get_threshold(), gc.get_freeze_count()) == (DEFAULTS, 0)
