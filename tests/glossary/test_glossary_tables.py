"""CSV, TSV and XLSX: export then import loses nothing; other tools' tables import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from glossary_samples import DESK, sample

from core.errors import TransdeskError
from glossary.model import Settings, Status, Termbase
from glossary.tables import read_table, write_table
from glossary.tbx_read import read_tbx


@pytest.mark.parametrize("fmt", ["csv", "tsv", "xlsx"])
def test_desk_glossary_round_trips_through_tables(fmt: str, tmp_path: Path) -> None:
    termbase = read_tbx(DESK)
    path = tmp_path / f"desk.{fmt}"
    path.write_bytes(write_table(termbase, fmt))
    table = read_table(path)
    assert table.ignored == ()
    assert table.termbase.sorted().concepts == termbase.sorted().concepts


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_sample_with_extras_round_trips_through_tables(fmt: str, tmp_path: Path) -> None:
    termbase = read_tbx(sample("TBX-Basic_Example_Astronomy_DCA_VALID.tbx"))
    path = tmp_path / f"astro.{fmt}"
    path.write_bytes(write_table(termbase, fmt))
    assert read_table(path).termbase.sorted().concepts == termbase.sorted().concepts


def test_xlsx_keeps_settings(tmp_path: Path) -> None:
    termbase = read_tbx(DESK)
    from dataclasses import replace

    termbase = replace(termbase, settings=Settings((("name-scheme.ru", "icao"),)))
    path = tmp_path / "g.xlsx"
    path.write_bytes(write_table(termbase, "xlsx"))
    assert read_table(path).termbase.settings == termbase.settings


def test_plain_two_language_table_stays_plain(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("ru,en\nМинск,Minsk\nГомель,Gomel\n", encoding="utf-8")
    termbase = read_table(path).termbase
    assert [(c.id, [(t.lang, t.text, t.status) for t in c.terms]) for c in termbase.concepts] == [
        ("minsk", [("ru", "Минск", Status.PREFERRED), ("en", "Minsk", Status.PREFERRED)]),
        ("gomel", [("ru", "Гомель", Status.PREFERRED), ("en", "Gomel", Status.PREFERRED)]),
    ]
    assert write_table(termbase, "csv").decode() == (
        "concept,ru,ru_status,en,en_status\n"
        "gomel,Гомель,preferred,Gomel,preferred\n"
        "minsk,Минск,preferred,Minsk,preferred\n"
    )


def test_memoq_style_semicolon_table(tmp_path: Path) -> None:
    path = tmp_path / "memoq.csv"
    path.write_bytes(
        "\ufeffEntry_ID;Entry_Subject;Entry_Domain;Russian;Russian_Status;English;"
        "English_Status;English_Def\n"
        "1;geography;x;Хатынь;preferred;Khatyn;Preferred;a village\n"
        "1;;;;;Katyn;forbidden;\n".encode()
    )
    table = read_table(path)
    assert table.ignored == ("Entry_Domain",)
    concept = table.termbase.concept("1")
    assert concept.subject == "geography"
    assert [(t.lang, t.text, t.status) for t in concept.terms] == [
        ("ru", "Хатынь", Status.PREFERRED), ("en", "Khatyn", Status.PREFERRED),
        ("en", "Katyn", Status.FORBIDDEN),
    ]
    assert concept.extras_of("en")[0].text == "a village"


def test_excel_unicode_text_is_utf16_tsv(tmp_path: Path) -> None:
    path = tmp_path / "excel.txt"
    path.write_bytes("be\ten\nБеларусь\tBelarus\n".encode("utf-16"))
    concept = read_table(path).termbase.concepts[0]
    assert [t.text for t in concept.terms] == ["Беларусь", "Belarus"]


@pytest.mark.parametrize(("content", "message"), [
    ("ru,ru_status\nМинск,maybe\n", "unknown status 'maybe'"),
    ("foo,bar\n1,2\n", "no language column"),
    ("ru,ru_created\nМинск,yesterday\n", "cannot read the date 'yesterday'"),
    ("", "is empty"),
])
def test_bad_tables_give_one_clear_message(content: str, message: str,
                                           tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TransdeskError, match=message):
        read_table(path)


def _content(termbase: Termbase) -> dict[str, object]:
    """What a table can hold: concepts with their fields, terms per language in order."""
    from dataclasses import replace

    out = {}
    for concept in termbase.concepts:
        per_lang = frozenset((lang, concept.terms_in(lang)) for lang in concept.languages
                             if concept.terms_in(lang))
        out[concept.id] = (replace(concept, terms=(), lang_extras=()), per_lang,
                           frozenset(concept.lang_extras))
    return out


def _blank_to_none(termbase: Termbase) -> Termbase:
    """A table cell cannot tell an empty text from a missing one."""
    from dataclasses import fields, replace

    def clean(obj: Any) -> Any:
        values = {f.name: None for f in fields(obj) if getattr(obj, f.name) == ""}
        return replace(obj, **values)

    return replace(termbase, concepts=tuple(
        clean(replace(c, terms=tuple(clean(t) for t in c.terms))) for c in termbase.concepts))


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_generated_termbases_survive_a_table(
        fmt: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    from hypothesis import HealthCheck, given, settings
    from test_glossary_tbx import termbases

    folder = tmp_path_factory.mktemp(fmt)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(termbases())
    def check(termbase: Termbase) -> None:
        termbase = _blank_to_none(termbase)
        path = folder / f"g.{fmt}"
        if not termbase.concepts:
            return
        path.write_bytes(write_table(termbase, fmt))
        assert _content(read_table(path).termbase) == _content(termbase)

    check()
