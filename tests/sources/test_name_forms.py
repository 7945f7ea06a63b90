"""One person in each of BibTeX's three name forms gives the same parts, particles and suffix."""

from __future__ import annotations

import pytest

from cvsite.sources.bibtex.names import Owner, list_problems, parse_person, read_names


@pytest.mark.parametrize(("written", "parts"), [
    ("Ludwig van Beethoven", ("Ludwig", "van", "Beethoven", "")),
    ("van Beethoven, Ludwig", ("Ludwig", "van", "Beethoven", "")),
    ("Liebergen, Kevin van", ("Kevin", "van", "Liebergen", "")),
    ("Jean de la Fontaine", ("Jean", "de la", "Fontaine", "")),
    ("de la Fontaine, Jean", ("Jean", "de la", "Fontaine", "")),
    ("von Braun, Jr., Werner", ("Werner", "von", "Braun", "Jr.")),
    ("Werner von Braun Jr.", ("Werner", "von", "Braun", "Jr.")),
    ("von Braun Jr., Werner", ("Werner", "von", "Braun", "Jr.")),
    ("Smith, III, John", ("John", "", "Smith", "III")),
    ("John Smith III", ("John", "", "Smith", "III")),
    ("Costa, Jr., P. T.", ("P. T.", "", "Costa", "Jr.")),
    ("Florence d\\textquotesingle Alch\\'{e}-Buc", ("Florence", "", "d'Alché-Buc", "")),
    ("d\\textquotesingle Alch\\'{e}-Buc, Florence", ("Florence", "", "d'Alché-Buc", "")),
    ("\\c{C}olt, Xavier", ("Xavier", "", "Çolt", "")),
    ("\\'{E}mile Colt", ("Émile", "", "Colt", "")),
    ("\\'{E}mile van Berg", ("Émile", "van", "Berg", "")),
    ("Nu\\~{n}ez, Jan", ("Jan", "", "Nuñez", "")),
    ("Jan Nu\\~nez", ("Jan", "", "Nuñez", "")),
    (r'J{\"o}rg von M{\"u}ller', ("Jörg", "von", "Müller", "")),
])
def test_each_form_gives_the_same_parts(written: str, parts: tuple[str, str, str, str]) -> None:
    assert parse_person(written) == parts


def test_a_lone_suffix_like_word_stays_a_family_name() -> None:
    assert parse_person("Ii, Taro") == ("Taro", "", "Ii", "")
    assert parse_person("Taro Ii") == ("Taro", "", "Ii", "")
    assert parse_person("Jr.") == ("", "", "Jr.", "")


def test_too_many_commas_is_warned_and_the_name_shown_as_written() -> None:
    assert parse_person("Example, Ada, Jr., Extra") == ("", "", "Example, Ada, Jr., Extra", "")
    [(message, hint)] = list_problems("author", "Example, Ada, Jr., Extra and Sample, Bo")
    assert "'Example, Ada, Jr., Extra' has 3 commas" in message
    assert "'and'" in hint
    assert list_problems("author", "{Barnes, Noble, and Co., Inc.} and Smith, Jr., John") == []


def test_a_name_written_as_an_unknown_command_keeps_its_name() -> None:
    assert parse_person("\\Thanh{}") == ("", "", "Thanh", "")


def test_a_name_showing_no_text_is_left_out_and_named() -> None:
    authors, et_al, left_out = read_names("{} and Sebastian Rahtz and others", Owner(()))
    assert [a.display for a in authors] == ["Sebastian Rahtz"] and et_al
    assert left_out == ("{}",)
