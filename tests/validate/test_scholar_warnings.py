"""The build warns, at the entry's line, when Google Scholar would skip or misread a paper."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cvsite.build import build
from cvsite.errors import Severity
from cvsite.models import Site


def test_every_entry_lacking_what_scholar_needs_is_warned_at_its_line(
        site: Site, project: Path, tmp_path: Path) -> None:
    result = build(project, tmp_path / "out")
    warnings = [d for d in result.diagnostics if "Google Scholar" in d.message]
    assert all(d.severity is Severity.WARNING for d in warnings)
    assert all(d.file.endswith("content/publications.bib") for d in warnings)
    by_key = {d.message.split("'")[1]: d for d in warnings}
    for pub in site.publications:  # no entry has an abstract or a PDF on the site yet
        assert by_key[pub.key].line == pub.line
        assert "no abstract" in by_key[pub.key].message
        assert ("'and others'" in by_key[pub.key].message) == pub.et_al


def test_a_complete_entry_is_not_warned(project: Path, tmp_path: Path) -> None:
    bib = project / "content/publications.bib"
    bib.write_text(bib.read_text() + """
@inproceedings{complete2025,
  author    = {Wu, Xiaoxia and Ward, Rachel},
  title     = {A Complete Entry},
  booktitle = {ICML},
  year      = {2025},
  abstract  = {We show that a complete entry is not warned about.},
}
""")
    result = build(project, tmp_path / "out")
    assert not [d for d in result.diagnostics if "'complete2025'" in d.message]


def test_strict_refuses_scholar_warnings_only_when_asked_for_them(
        project: Path, tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]) -> None:
    status, _, _ = run_cli("build", "--strict", "--out", str(tmp_path / "o"), cwd=project)
    assert status == 0 and (tmp_path / "o" / "index.html").is_file()  # advice, not a fault
    status, _, err = run_cli("check", "--scholar", "--strict", cwd=project)
    assert status == 1
    assert "warning: entry 'wu2021curricula': Google Scholar" in err
