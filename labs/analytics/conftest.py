"""Shared fixtures for the analytics labs: none yet beyond the harness's own
(``make_bucket``, ``unique_name``, ``eventually``)."""

from __future__ import annotations
