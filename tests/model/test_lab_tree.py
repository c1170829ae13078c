"""The lab tree: modules, their tests in file order, each test's claim and regions."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from harness.errors import LabError, MarkerError, SolutionMarkupError
from harness.model.lab_tree import (
    common_root,
    lab_modules,
    lab_tree,
    project_root,
    read_module,
    region_tests,
)

MODULE = textwrap.dedent(
    '''\
    """A lab whose quote is kept in a constant."""

    import pytest

    QUOTE = "by default " + "30 seconds"


    @pytest.mark.claim("demo.second", quote=QUOTE)
    def test_zeta():
        # HINT: two plus three
        # (an int)
        # BEGIN SOLUTION
        total = 2 + 3
        # END SOLUTION
        assert total == 5


    class TestGroup:
        @pytest.mark.claim("demo.grouped", quote="q")
        def test_alpha(self):
            assert True


    @pytest.mark.claim("demo.first", quote="q")
    def test_beta():
        assert True
    '''
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text("")
    topic = tmp_path / "labs" / "demo"
    topic.mkdir(parents=True)
    (topic / "test_demo.py").write_text(MODULE)
    return tmp_path


def test_a_module_reads_as_its_tests_in_file_order_with_claims_and_regions(project: Path):
    lab = read_module(project / "labs/demo/test_demo.py", project)
    assert lab.relative == "labs/demo/test_demo.py"
    assert [t.name for t in lab.tests] == ["test_zeta", "TestGroup::test_alpha", "test_beta"]
    zeta, alpha, _ = lab.tests
    assert zeta.nodeid == "labs/demo/test_demo.py::test_zeta"
    assert zeta.claim.quote == "by default 30 seconds", "importing resolves the constant"
    assert zeta.hints == ("two plus three (an int)",)
    assert [r.begin for r in zeta.regions] == [12]
    assert alpha.claim.id == "demo.grouped" and alpha.regions == ()


def test_region_tests_need_no_import(project: Path):
    (project / "labs/demo/test_broken.py").write_text(
        "raise RuntimeError('not importable')\n\n"
        "def test_x():\n    # HINT: h\n    # BEGIN SOLUTION\n    x = 1\n    # END SOLUTION\n"
    )
    assert sorted(region_tests([project / "labs"], project)) == [
        "labs/demo/test_broken.py::test_x",
        "labs/demo/test_demo.py::test_zeta",
    ]
    with pytest.raises(LabError, match=r"^labs/demo/test_broken.py does not import \(Runtime"):
        lab_tree([project / "labs"], project)


def test_a_lab_test_needs_exactly_one_claim(project: Path):
    (project / "labs/demo/test_demo.py").write_text(MODULE.replace(
        '@pytest.mark.claim("demo.first", quote="q")\n', ""
    ))  # fmt: skip
    with pytest.raises(MarkerError, match=r"test_demo.py::test_beta has 0 claim markers"):
        read_module(project / "labs/demo/test_demo.py", project)


def test_a_syntax_error_is_one_line_with_file_and_line(project: Path):
    (project / "labs/demo/test_demo.py").write_text(MODULE.replace("total = 2 + 3", "total = (2"))
    with pytest.raises(LabError, match=r"^labs/demo/test_demo.py:\d+: .*fix the syntax"):
        read_module(project / "labs/demo/test_demo.py", project)


def test_broken_markup_is_refused_before_anything_is_imported(project: Path):
    (project / "labs/demo/test_demo.py").write_text(MODULE.replace("# END SOLUTION\n", ""))
    with pytest.raises(SolutionMarkupError, match=r"^labs/demo/test_demo.py:12: # BEGIN SOLUTION"):
        read_module(project / "labs/demo/test_demo.py", project)


def test_the_project_root_is_found_from_any_path_in_it(project: Path, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    assert project_root(project / "labs/demo") == project
    assert project_root(project / "labs/demo/test_demo.py") == project
    with pytest.raises(LabError, match="is not inside a lab project"):
        project_root(elsewhere)
    other = tmp_path_factory.mktemp("other")
    (other / "notes").mkdir()
    (other / "notes/aws-dev-associate.md").write_text("")
    (other / "labs").mkdir()
    assert project_root(other / "labs") == other, "the notes mark a project too"
    with pytest.raises(LabError, match="from different projects"):
        common_root([project / "labs", other / "labs"])


def test_lab_modules_are_the_test_files_named(project: Path):
    (project / "labs/demo/conftest.py").write_text("")
    assert lab_modules([project / "labs"]) == [project / "labs/demo/test_demo.py"]
