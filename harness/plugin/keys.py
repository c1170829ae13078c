"""The plugin's stash keys: what one of its hooks leaves for another, in one place."""

from __future__ import annotations

import pytest

from harness.model.claims import Claim
from harness.model.notes import NotesLocation
from harness.plugin.gc_tuning import CollectorTuning
from harness.plugin.lab_run import LabRun

#: On the config, only in a lab run: its backend, guards, session and claims report.
run_key = pytest.StashKey[LabRun]()
#: On the config, once the tests are collected (lab runs only).
gc_tuning_key = pytest.StashKey[CollectorTuning]()
#: On an item: the claim its marker makes, and where the notes state it.
claim_key = pytest.StashKey[tuple[Claim, NotesLocation | None]]()
#: On an item: what is wrong with its markers, reported when it runs.
marker_error_key = pytest.StashKey[str]()
