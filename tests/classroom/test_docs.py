"""The READMEs' errata and gap lists, written from the tests' markers, never behind them."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from harness.classroom import docs
from harness.cli import main
from harness.errors import AuthoringError

ROOT = Path(__file__).resolve().parents[2]
TOPICS = sorted(p for p in (ROOT / "labs").iterdir() if p.is_dir() and p.name[0] not in "_.")

LAB = """
import pytest

WRONG = "https://docs.aws.amazon.com/x"


@pytest.mark.claim("shop.limit", quote="limit: 10", errata="it is 20", source=WRONG)
@pytest.mark.emulator_gap("moto", reason="moto has no limit")
def test_the_limit():
    pass


@pytest.mark.claim("shop.default", quote="default: 5")
@pytest.mark.emulator_gap("moto", "localstack", reason="neither checks it")
def test_the_default():
    pass


@pytest.mark.claim("shop.limit-again", quote="the limit is 10", errata="it is 20", source=WRONG)
@pytest.mark.emulator_gap("localstack", reason="LocalStack has no limit")
@pytest.mark.emulator_gap("moto", reason="moto has no limit")
def test_the_limit_again():
    pass
"""

README = """\
# shop

Prose that stays.

<!-- BEGIN GENERATED: errata -->
- hand-written, out of date
<!-- END GENERATED -->

More prose.

<!-- BEGIN GENERATED: emulator-gaps -->
<!-- END GENERATED -->
"""


@pytest.fixture
def shop(tmp_path: Path, monkeypatch) -> Path:
    """A project with one topic, ``labs/shop``, whose README lists are out of date."""
    monkeypatch.chdir(tmp_path)
    topic = tmp_path / "labs" / "shop"
    topic.mkdir(parents=True)
    (topic / "test_limits.py").write_text(textwrap.dedent(LAB))
    (topic / "README.md").write_text(README)
    return topic


@pytest.mark.parametrize("topic", TOPICS, ids=lambda p: p.name)
def test_every_committed_readme_lists_what_its_tests_mark(topic: Path):
    assert not docs.update(topic, write=False), (
        f"{topic.name}/README.md is behind its tests' markers: run `awslab docs {topic.name}`"
    )


def test_the_lists_say_what_the_markers_say_once_each(shop: Path):
    sections = docs.generated_sections(shop)
    assert sections[docs.ERRATA] == (
        '- **"limit: 10"**, **"the limit is 10"** (`test_limits.py`): it is 20. '
        "[source](https://docs.aws.amazon.com/x)\n"
    )
    both = "`test_limits.py::test_the_limit`, `test_limits.py::test_the_limit_again`"
    assert sections[docs.GAPS] == textwrap.dedent(
        f"""\
        On moto:

        - moto has no limit. ({both})

        On LocalStack:

        - LocalStack has no limit. (`test_limits.py::test_the_limit_again`)

        On moto and LocalStack:

        - neither checks it. (`test_limits.py::test_the_default`)
        """
    )


def test_only_the_generated_blocks_are_rewritten(shop: Path):
    assert docs.update(shop) is True
    text = (shop / "README.md").read_text()
    assert "hand-written" not in text and '**"limit: 10"**' in text
    assert text.startswith("# shop\n\nProse that stays.\n") and "More prose." in text
    assert docs.update(shop) is False, "written once, then up to date"


def test_a_readme_without_a_block_or_with_an_unknown_one_is_refused(shop: Path):
    readme = shop / "README.md"
    readme.write_text(README.replace("emulator-gaps", "gaps"))
    with pytest.raises(AuthoringError, match="unknown generated block 'gaps'"):
        docs.update(shop)
    readme.write_text(README.split("More prose.")[0])
    with pytest.raises(AuthoringError, match="has no <!-- BEGIN GENERATED: emulator-gaps -->"):
        docs.update(shop)


def test_awslab_docs_checks_then_writes(shop: Path, capsys):
    assert main(["docs", "--check"]) == 1
    assert "labs/shop/README.md is behind its tests: `awslab docs shop`" in capsys.readouterr().out
    assert "hand-written" in (shop / "README.md").read_text(), "--check writes nothing"
    assert main(["docs", "shop"]) == 0
    assert "wrote labs/shop/README.md" in capsys.readouterr().out
    assert main(["docs", "--check", "labs/shop"]) == 0
    assert "1 READMEs up to date" in capsys.readouterr().out
    assert main(["docs", "nosuch"]) == 2
    assert "nosuch is not a topic: name one (sqs) or its folder" in capsys.readouterr().err


def test_every_emulator_is_named_in_the_gap_list(shop: Path):
    (shop / "test_local.py").write_text(
        textwrap.dedent(
            """
            import pytest


            @pytest.mark.claim("shop.local", quote="local: 1")
            @pytest.mark.emulator_gap("dynamodb-local", reason="DynamoDB Local has no Regions")
            def test_local():
                pass
            """
        )
    )
    assert (
        "On DynamoDB Local:\n\n- DynamoDB Local has no Regions."
        in (docs.generated_sections(shop)[docs.GAPS])
    )
    from harness.backends.registry import EMULATORS

    assert set(docs.BACKEND_NAMES) == set(EMULATORS), "a name for each emulator a gap may mark"
