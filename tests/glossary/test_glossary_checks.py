"""Each kind of finding, raised from Russian and from Belarusian sources, and kept silent
where the translation is right."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest
from glossary_samples import DESK

from glossary.bitext import Segment
from glossary.checks import CheckOptions, check_bitext
from glossary.findings import (
    Finding,
    Kind,
    Severity,
    Suppressions,
    fails,
    frame,
    render,
    suppressions_text,
)
from glossary.model import Termbase
from glossary.tbx_read import read_tbx


@pytest.fixture(scope="module")
def desk() -> Termbase:
    return read_tbx(DESK)


def run(termbase: Termbase, src_lang: str, pairs: Sequence[tuple[str, str]], *,
        kinds: Sequence[Kind] | None = None, strict: bool = False, learn: bool = False,
        aligner: object = None) -> list[Finding]:
    segments = [Segment(str(n), s, t) for n, (s, t) in enumerate(pairs, 1)]
    options = CheckOptions(src_lang, "en", kinds=frozenset(kinds) if kinds else frozenset(Kind),
                           strict_terms=strict, learn=learn)
    return check_bitext(segments, termbase, options,
                        sentence_aligner=aligner).findings  # type: ignore[arg-type]


def kinds_of(findings: Sequence[Finding]) -> list[tuple[str, str]]:
    return [(f.segment, f.kind.value) for f in findings]


RU, BE = "ru", "be"


class TestMissingTerm:
    @pytest.mark.parametrize(("lang", "source"), [
        (RU, "Ветераны Великой Отечественной войны собрались в Минске."),
        (BE, "Ветэраны Вялікай Айчыннай вайны сабраліся ў Мінску."),
    ])
    def test_another_rendering_is_reported_with_both_spans(self, desk: Termbase, lang: str,
                                                          source: str) -> None:
        found = run(desk, lang, [(source, "Veterans of the Great Fatherland War gathered in "
                                          "Minsk.")], kinds=[Kind.MISSING_TERM])
        assert kinds_of(found) == [("1", "missing-term")]
        f = found[0]
        assert f.concept == "hist-great-patriotic-war"
        assert f.tgt_text == "Great Fatherland War"
        assert source[f.src_start:f.src_end] == f.src_text  # type: ignore[misc]
        assert "Great Patriotic War" in f.message

    @pytest.mark.parametrize(("lang", "source"), [
        (RU, "Ветераны Великой Отечественной войны собрались в Минске."),
        (BE, "Ветэраны Вялікай Айчыннай вайны сабраліся ў Мінску."),
    ])
    def test_a_right_translation_raises_nothing(self, desk: Termbase, lang: str,
                                                source: str) -> None:
        target = "Veterans of the Great Patriotic War gathered in Minsk."
        assert run(desk, lang, [(source, target)]) == []

    @pytest.mark.parametrize(("lang", "source"), [
        (RU, "Это заявил глава государства."),
        (BE, "Пра гэта заявіў кіраўнік дзяржавы."),
    ])
    def test_a_term_without_trace_only_when_strict(self, desk: Termbase, lang: str,
                                                  source: str) -> None:
        pairs = [(source, "He said so.")]
        assert run(desk, lang, pairs, kinds=[Kind.MISSING_TERM]) == []
        strict = run(desk, lang, pairs, kinds=[Kind.MISSING_TERM], strict=True)
        assert [(f.kind, f.severity, f.concept) for f in strict] == [
            (Kind.MISSING_TERM, Severity.WARNING, "title-head-of-state")]

    @pytest.mark.parametrize(("lang", "source"), [
        (RU, "Экономика России растёт."), (BE, "Эканоміка Расіі расце."),
    ])
    def test_a_derived_word_renders_a_name(self, desk: Termbase, lang: str,
                                           source: str) -> None:
        assert run(desk, lang, [(source, "The Russian economy is growing.")],
                   strict=True) == []

    def test_a_multiplier_written_as_digits_is_not_missing(self, desk: Termbase) -> None:
        pairs = [("Более 380 тысяч человек.", "More than 380,000 people.")]
        assert run(desk, RU, pairs, strict=True) == []


class TestForbiddenAndDeprecated:
    @pytest.mark.parametrize(("lang", "source"), [
        (RU, "Дипломаты, аккредитованные в Беларуси."),
        (BE, "Дыпламаты, акрэдытаваныя ў Беларусі."),
    ])
    def test_forbidden_rendering(self, desk: Termbase, lang: str, source: str) -> None:
        found = run(desk, lang, [(source, "Diplomats accredited in Byelorussia.")])
        assert [(f.kind, f.severity, f.tgt_text) for f in found] == [
            (Kind.FORBIDDEN_TERM, Severity.ERROR, "Byelorussia")]
        assert '"Belarus"' in found[0].message
        assert found[0].src_text  # the source term it renders

    @pytest.mark.parametrize(("lang", "source"), [
        (RU, "Александр Лукашенко принял участие."),
        (BE, "Аляксандр Лукашэнка ўзяў удзел."),
    ])
    def test_deprecated_rendering(self, desk: Termbase, lang: str, source: str) -> None:
        found = run(desk, lang, [(source, "Alexander Lukashenko took part.")])
        assert [(f.kind, f.severity, f.tgt_text) for f in found] == [
            (Kind.DEPRECATED_TERM, Severity.WARNING, "Alexander Lukashenko")]
        assert '"Aleksandr Lukashenko"' in found[0].message

    @pytest.mark.parametrize("lang", [RU, BE])
    def test_reported_even_without_the_source_term(self, desk: Termbase, lang: str) -> None:
        source = "Он это сказал." if lang == RU else "Ён гэта сказаў."
        found = run(desk, lang, [(source, "He said it in Katyn.")])
        assert [(f.kind, f.tgt_text, f.src_text) for f in found] == [
            (Kind.FORBIDDEN_TERM, "Katyn", "")]


class TestWrongCase:
    @pytest.mark.parametrize(("lang", "source"), [
        (RU, "Итоги Великой Отечественной войны."),
        (BE, "Вынікі Вялікай Айчыннай вайны."),
    ])
    def test_a_name_in_lowercase(self, desk: Termbase, lang: str, source: str) -> None:
        found = run(desk, lang, [(source, "The results of the great patriotic war.")])
        assert [(f.kind, f.tgt_text) for f in found] == [
            (Kind.WRONG_CASE, "great patriotic war")]

    @pytest.mark.parametrize(("lang", "source"), [
        (RU, "Он поручил облисполкомам проработать вопрос."),
        (BE, "Ён даручыў аблвыканкамам прапрацаваць пытанне."),
    ])
    def test_a_generic_plural_is_not_a_name(self, desk: Termbase, lang: str,
                                            source: str) -> None:
        target = "He instructed the regional executive committees to work on it."
        assert run(desk, lang, [(source, target)]) == []


class TestInconsistentTerm:
    @pytest.mark.parametrize(("lang", "source"), [
        (RU, "Это было во время Второй мировой войны."),
        (BE, "Гэта было падчас Другой сусветнай вайны."),
    ])
    def test_the_less_usual_rendering_is_reported(self, desk: Termbase, lang: str,
                                                  source: str) -> None:
        pairs = [(source, "It was during World War II.")] * 3 + [
            (source, "It was during the Second World War.")]
        found = run(desk, lang, pairs)
        assert kinds_of(found) == [("4", "inconsistent-term")]
        assert found[0].tgt_text == "Second World War"
        assert "in 3 segments" in found[0].message

    def test_one_of_each_is_a_choice_not_a_slip(self, desk: Termbase) -> None:
        source = "Это было во время Второй мировой войны."
        pairs = [(source, "It was during World War II."),
                 (source, "It was during the Second World War.")]
        assert run(desk, RU, pairs) == []

    def test_a_longer_form_is_no_inconsistency(self, desk: Termbase) -> None:
        pairs = [("Лукашенко сказал.", "Lukashenko said.")] * 2 + [
            ("Лукашенко сказал.", "Aleksandr Lukashenko said.")]
        assert run(desk, RU, pairs) == []


class TestStandIn:
    @pytest.mark.parametrize(("lang", "source"), [
        (RU, "Закон одобрил Совет Республики."), (BE, "Закон ухваліў Савет Рэспублікі."),
    ])
    def test_the_rendering_of_another_concept(self, desk: Termbase, lang: str,
                                              source: str) -> None:
        found = run(desk, lang, [(source, "The law was approved by the Council of Ministers.")])
        assert [(f.kind, f.concept, f.tgt_text) for f in found] == [
            (Kind.INCONSISTENT_TERM, "inst-council-of-the-republic", "Council of Ministers")]

    @pytest.mark.parametrize(("lang", "source"), [
        (RU, "В белорусских лесах сражались партизаны."),
        (BE, "У беларускіх лясах змагаліся партызаны."),
    ])
    def test_a_country_for_its_adjective_is_fine(self, desk: Termbase, lang: str,
                                                 source: str) -> None:
        assert run(desk, lang, [(source, "Partisans fought in Belarus.")]) == []


class TestInconsistentRendering:
    @pytest.mark.parametrize(("lang", "phrase"), [
        (RU, "Ход посевной кампании обсудили"),
        (BE, "Ход пасяўной кампаніі абмеркавалі"),
    ])
    def test_a_variant_of_the_usual_rendering(self, lang: str, phrase: str) -> None:
        pairs = [(f"{phrase} в {n}.", f"The sowing campaign was discussed in {n}.")
                 for n in ("Минске", "Бресте", "Гомеле")]
        pairs.append((f"{phrase} в Гродно.", "The sowing company was discussed in Grodno."))
        assert run(Termbase(), lang, pairs, kinds=[Kind.INCONSISTENT_RENDERING]) == []
        found = run(Termbase(), lang, pairs, kinds=[Kind.INCONSISTENT_RENDERING], learn=True)
        assert [(f.segment, f.tgt_text) for f in found
                if f.severity is Severity.WARNING] == [("4", "sowing company")]
        assert "sowing campaign" in found[0].message


class TestNumbers:
    @pytest.mark.parametrize(("lang", "source"), [
        (RU, "Восемьдесят лет назад, 9 мая 1945 года, закончилась война."),
        (BE, "Восемдзесят гадоў таму, 9 мая 1945 года, скончылася вайна."),
    ])
    def test_a_changed_year(self, lang: str, source: str) -> None:
        found = run(Termbase(), lang, [(source, "Eighty years ago, on May 9, 1954, the war "
                                                "ended.")])
        assert [(f.kind, f.src_text, f.tgt_text) for f in found] == [
            (Kind.NUMBER_MISMATCH, "1945", "1954")]

    @pytest.mark.parametrize(("lang", "source", "target"), [
        (RU, "Более 380 тысяч человек, 8,5 млн тонн, 9 мая.",
         "More than 380,000 people, 8.5 million tonnes, on May 9."),
        (BE, "Больш за 380 тысяч чалавек, 8,5 млн тон, 9 мая.",
         "More than 380 thousand people, 8.5 million tonnes, 9 May."),
        (RU, "Восемьдесят пять лет назад.", "85 years ago."),
        (RU, "Одной из первых.", "One of the first."),
    ])
    def test_the_same_numbers_written_otherwise(self, lang: str, source: str,
                                                target: str) -> None:
        assert run(Termbase(), lang, [(source, target)]) == []

    @pytest.mark.parametrize(("lang", "source"), [
        (RU, "Прошло восемьдесят лет."), (BE, "Прайшло восемдзесят гадоў."),
    ])
    def test_number_words_that_differ(self, lang: str, source: str) -> None:
        found = run(Termbase(), lang, [(source, "Seventy years have passed.")])
        assert [(f.kind, f.src_text, f.tgt_text) for f in found] == [
            (Kind.NUMBER_MISMATCH, source.split()[1], "Seventy")]

    def test_a_number_word_alone_is_no_finding(self) -> None:
        assert run(Termbase(), RU, [("Один из них.", "Among them.")]) == []


class TestUntranslated:
    @pytest.mark.parametrize(("lang", "source"), [
        (RU, "Сражались более 370 тысяч подпольщиков."),
        (BE, "Змагаліся больш за 370 тысяч падпольшчыкаў."),
    ])
    def test_cyrillic_left_in_english(self, lang: str, source: str) -> None:
        word = source.split()[-1].rstrip(".")
        found = run(Termbase(), lang, [(source, f"More than 370,000 {word} fought.")])
        assert [(f.kind, f.tgt_text, f.src_text) for f in found] == [
            (Kind.UNTRANSLATED, word, word)]


class TestMarks:
    @pytest.mark.parametrize(("lang", "source"), [
        (RU, "Он сказал: «Мы победим»."), (BE, "Ён сказаў: «Мы пераможам»."),
    ])
    def test_a_quote_left_open(self, lang: str, source: str) -> None:
        found = run(Termbase(), lang, [(source, "He said: “We will win.")])
        assert [(f.kind, f.tgt_text) for f in found] == [(Kind.UNPAIRED_MARK, "“")]

    @pytest.mark.parametrize(("lang", "source"), [
        (RU, "«Восемьдесят лет назад закончилась война."),
        (BE, "«Восемдзесят гадоў таму скончылася вайна."),
    ])
    def test_a_quotation_open_in_the_source_too(self, lang: str, source: str) -> None:
        assert run(Termbase(), lang, [(source, '"Eighty years ago the war ended.')]) == []

    def test_brackets(self) -> None:
        found = run(Termbase(), BE, [("Мінск (сталіца).", "Minsk (the capital.")])
        assert [(f.kind, f.tgt_text) for f in found] == [(Kind.UNPAIRED_MARK, "(")]


class TestDoubleSpace:
    @pytest.mark.parametrize(("lang", "source"), [(RU, "Минск и Брест."), (BE, "Мінск і Брэст.")])
    def test_doubled_spaces(self, lang: str, source: str) -> None:
        found = run(Termbase(), lang, [(source, "Minsk  and Brest.")])
        assert [(f.kind, f.severity, f.tgt_start) for f in found] == [
            (Kind.DOUBLE_SPACE, Severity.INFO, 5)]


class TestOmission:
    @pytest.mark.parametrize(("lang", "source"), [
        (RU, "Намолочено 5,3 млн тонн зерна при средней урожайности 37,8 центнера с гектара. "
             "Это на 12 процентов больше, чем на ту же дату прошлого года."),
        (BE, "Намалочана 5,3 млн тон збожжа пры сярэдняй ураджайнасці 37,8 цэнтнера з гектара. "
             "Гэта на 12 працэнтаў больш, чым на тую ж дату мінулага года."),
    ])
    def test_a_dropped_sentence_by_length(self, lang: str, source: str) -> None:
        full = ("A total of 5.3 million tonnes of grain has been threshed with an average "
                "yield of 37.8 centners per hectare. This is 12 percent more than on the same "
                "date last year.")
        short = "Threshed 5.3 million tonnes of grain with an average yield of 37.8 centners."
        pairs = [(source, full)] * 5 + [(source, short)]
        found = run(Termbase(), lang, pairs, kinds=[Kind.OMISSION])
        assert [(f.segment, f.src_text) for f in found] == [
            ("6", source[source.index(". ") + 2:])]

    @pytest.mark.parametrize(("lang", "source"), [
        (RU, "Они сражались без надежды на помощь. Но они не сдались."),
        (BE, "Яны змагаліся без надзеі на дапамогу. Але яны не здаліся."),
    ])
    def test_a_sentence_aligner_decides(self, lang: str, source: str) -> None:
        calls = []

        def aligner(src: Sequence[str], tgt: Sequence[str], sl: str, tl: str
                    ) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
            calls.append((len(src), len(tgt), sl, tl))
            return [((0,), (0,)), ((1,), ())]

        found = run(Termbase(), lang, [(source, "They fought without hope of help.")],
                    kinds=[Kind.OMISSION], aligner=aligner)
        assert calls == [(2, 1, lang, "en")]
        assert [f.src_text for f in found] == [source.split(". ")[1]]

    def test_a_merge_is_not_an_omission(self) -> None:
        source = "Они сражались без надежды на помощь. Но они не сдались."
        target = "They fought without hope of help, but they did not surrender."
        assert run(Termbase(), RU, [(source, target)] * 4, kinds=[Kind.OMISSION]) == []

    def test_an_empty_translation(self) -> None:
        found = run(Termbase(), BE, [("Мінск.", "")])
        assert [(f.kind, f.severity) for f in found] == [(Kind.OMISSION, Severity.ERROR)]


class TestReports:
    @pytest.fixture()
    def findings(self, desk: Termbase) -> list[Finding]:
        return run(desk, RU, [("Дипломаты, аккредитованные в Беларуси.",
                               "Diplomats  accredited in Byelorussia.")])

    def test_frame_and_formats(self, findings: list[Finding]) -> None:
        table = frame(findings)
        assert table.columns[:4] == ["segment", "severity", "kind", "concept"]
        assert len(table) == 2
        text = render(table, "table")
        assert isinstance(text, str) and "forbidden-term" in text.splitlines()[1]
        tsv = render(table, "tsv")
        assert isinstance(tsv, str) and tsv.splitlines()[0].split("\t")[-1] == "message"
        data = json.loads(render(table, "json"))  # type: ignore[arg-type]
        assert {row["kind"] for row in data} == {"forbidden-term", "double-space"}
        html = render(table, "html", segments={"1": ("Дипломаты…", "Diplomats  accredited in "
                                                                   "Byelorussia.")})
        assert isinstance(html, str) and "<mark>Byelorussia</mark>" in html
        xlsx = render(table, "xlsx")
        assert isinstance(xlsx, bytes) and xlsx[:2] == b"PK"

    def test_fail_on(self, findings: list[Finding]) -> None:
        assert fails(findings, Severity.ERROR)
        assert not fails([f for f in findings if f.severity is Severity.INFO], Severity.WARNING)
        assert not fails(findings, None)

    def test_suppressions(self, findings: list[Finding], tmp_path: object) -> None:
        from pathlib import Path

        path = Path(str(tmp_path)) / "accepted.tsv"
        path.write_text("kind\tconcept\tsegment\ttext\tnote\n"
                        "forbidden-term\tgeo-belarus\t*\tbyelorussia\tquoted title\n",
                        encoding="utf-8")
        kept, dropped = Suppressions.read(path).split(findings)
        assert [f.kind for f in dropped] == [Kind.FORBIDDEN_TERM]
        assert [f.kind for f in kept] == [Kind.DOUBLE_SPACE]
        path.write_text(suppressions_text(findings), encoding="utf-8")
        kept, dropped = Suppressions.read(path).split(findings)
        assert kept == [] and len(dropped) == 2

    def test_a_suppression_that_names_nothing_is_refused(self, tmp_path: object) -> None:
        from pathlib import Path

        from core.errors import TransdeskError

        path = Path(str(tmp_path)) / "bad.tsv"
        path.write_text("kind\tconcept\n*\t\n", encoding="utf-8")
        with pytest.raises(TransdeskError, match="names nothing"):
            Suppressions.read(path)
