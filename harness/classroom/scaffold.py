"""``awslab new TOPIC``: a new lab topic from one template, as rustlings' ``dev new``.

Every topic starts alike, never from a blank page: a README that teaches (its
errata and gap lists generated, see ``docs``), a ``conftest.py`` for the
topic's fixtures, a first scenario with a claim and a solution region, and a
``questions.toml`` with one question. Each placeholder says what goes there.

The first scenario cannot pass as written: its quote is no line of the notes,
so the plugin fails it at setup, and ``awslab check`` lists it, until a real
bullet is quoted; then its assertion fails until the scenario is written.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from harness.classroom import docs
from harness.errors import AuthoringError

TOPIC_NAME = re.compile(r"^[a-z][a-z0-9]*$")
FIRST_LAB = "test_first_scenario.py"
#: template -> the file it becomes in the topic's folder
FILES = {
    "README.md.j2": docs.README,
    "conftest.py.j2": "conftest.py",
    "test_first_scenario.py.j2": FIRST_LAB,
    "questions.toml.j2": "questions.toml",
}


def new_topic(topic: str, labs: Path) -> list[Path]:
    """Write ``labs/<topic>/`` from the template; the files written."""
    if not TOPIC_NAME.match(topic):
        raise AuthoringError(
            f"{topic!r} is not a topic name: lowercase letters and digits, starting with a "
            "letter (sqs, stepfunctions), as in the claim ids `topic.what-it-says`"
        )
    if not labs.is_dir():
        raise AuthoringError(
            f"{labs} is not a folder: run awslab new in the project's root, or name the "
            "folder of the topics with --labs"
        )
    folder = labs / topic
    if folder.exists():
        raise AuthoringError(f"{folder} exists already: choose another name, or edit that topic")
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("harness.classroom", "templates/topic"),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    folder.mkdir()
    written = []
    for template, name in FILES.items():
        path = folder / name
        text = environment.get_template(template).render(topic=topic, first_lab=FIRST_LAB)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    docs.update(folder)  # the README's errata and gap lists, as `awslab docs` writes them
    return written
