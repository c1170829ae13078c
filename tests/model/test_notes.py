"""The notes model: its sections and the bullets each holds."""

from pathlib import Path

from harness.model.notes import Notes

NOTES = """\
# course
### lectures
#### s3
- buckets
  - a bucket name is global
#### sqs
- a message is at most 1 MiB
### practice tests
- 1st try: 61%
"""


def test_a_section_ends_at_the_next_heading_of_its_level_or_above(tmp_path: Path):
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    sections = {section.name: section.bullets for section in Notes(path).sections()}
    # The practice score after "### practice tests" belongs to no section.
    assert sections == {"s3": (4, 5), "sqs": (7,)}
