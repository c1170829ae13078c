"""Measure each topic's ``pytest labs/<topic>`` wall time on moto, against the 3 s target.

    .venv/bin/python bench/topic_walls.py [--runs 3] [TOPIC ...]

Each run is cold: a fresh interpreter that imports the libraries, starts the
embedded moto server and pays moto's first use of each service, as a
student's ``pytest labs/<topic>`` does. The figures are the median, minimum and
maximum of ``--runs`` runs, one topic after the other; say the machine's load
(``uptime``) along with them.
"""

from __future__ import annotations

import argparse
import statistics

from timing import ROOT, cold_pytest_runs

TARGET_SECONDS = 3.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("topics", nargs="*", metavar="TOPIC", help="default: every topic")
    options = parser.parse_args()
    known = sorted(
        path.name for path in (ROOT / "labs").iterdir() if (path / "README.md").is_file()
    )
    unknown = sorted(set(options.topics) - set(known))
    if unknown:
        parser.error(f"no such topic: {', '.join(unknown)} (topics: {', '.join(known)})")
    topics = options.topics or known
    over = []
    for topic in topics:
        timings = cold_pytest_runs(f"labs/{topic}", options.runs)
        median = statistics.median(timings)
        if median > TARGET_SECONDS:
            over.append(topic)
        print(
            f"{topic:16} median {median:5.2f} s  min {min(timings):5.2f} s  "
            f"max {max(timings):5.2f} s{'  over target' if median > TARGET_SECONDS else ''}",
            flush=True,
        )
    print(f"{len(topics) - len(over)} of {len(topics)} topics within {TARGET_SECONDS:.0f} s")


if __name__ == "__main__":
    main()
