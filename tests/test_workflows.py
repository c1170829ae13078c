"""The course CI template: valid YAML, only the README's commands and awslab, every topic."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
#: What a job may run: a make target the README names, or awslab, after VAR=value settings.
ALLOWED = re.compile(r"^(?:[A-Z_]+=\S+ )*(?:make (?P<target>[\w.-]+)\b|\.venv/bin/awslab )")


def steps() -> list[tuple[str, str]]:
    found = []
    for workflow in WORKFLOWS:
        for job in yaml.safe_load(workflow.read_text())["jobs"].values():
            found += [(workflow.name, step["run"]) for step in job["steps"] if "run" in step]
    return found


def test_every_job_calls_only_the_readmes_commands_and_awslab():
    readme = (ROOT / "README.md").read_text()
    assert {w.name for w in WORKFLOWS} >= {"labs.yml", "drift.yml"}
    for workflow, command in steps():
        match = ALLOWED.match(command)
        assert match, f"{workflow}: {command!r} is neither a README command nor awslab"
        if match["target"]:
            assert f"make {match['target']}" in readme, f"{workflow}: make {match['target']}"


def test_the_matrix_runs_every_topic_once_on_each_backend_it_shards():
    labs = yaml.safe_load((ROOT / ".github" / "workflows" / "labs.yml").read_text())["jobs"]
    topics = sorted(
        f"labs/{p.name}" for p in (ROOT / "labs").iterdir() if (p / "README.md").is_file()
    )
    for job in ("moto", "localstack"):
        shards = labs[job]["strategy"]["matrix"]["labs"]
        listed = [topic for shard in shards for topic in shard.split()]
        assert sorted(listed) == topics, f"{job}: each topic in exactly one shard"
