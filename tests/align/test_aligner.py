"""The aligner: coverage for any input, and small real cases in ru-en and be-en.

The cases are written for these tests: a 1:2 split, a 2:1 merge, an omission and an
insertion. Lexical mode runs everywhere; the default mode needs the encoder package and
uses a cache in a temporary folder, so each case embeds a dozen sentences once.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align import aligner, passes
from align.aligner import AlignConfig, align_documents, align_sentences, learn_lexicon
from align.evidence.encoder import EmbeddingsUnavailableWarning, embeddings_available
from align.glossary_terms import term_finder
from core.document import Document, Paragraph, Sentence
from core.errors import TransdeskError
from glossary.model import Concept, Status, Term, Termbase

needs_encoder = pytest.mark.skipif(not embeddings_available(), reason="encoder not installed")

SPLIT_RU = (
    "Президент Беларуси Александр Лукашенко провёл в Минске совещание с членами правительства.",
    "Обсуждались итоги уборочной кампании 2024 года и цены на зерно.",
    "По словам министра сельского хозяйства Игоря Шевченко, собрано 8,2 млн тонн зерна, что на "
    "12 процентов больше, чем в прошлом году.",
    "Глава государства поручил до 1 декабря подготовить предложения по закупочным ценам.",
    "Отдельно обсуждался вопрос о ремонте техники.",
)
SPLIT_BE = (
    "Прэзідэнт Беларусі Аляксандр Лукашэнка правёў у Мінску нараду з членамі ўрада.",
    "Абмяркоўваліся вынікі ўборачнай кампаніі 2024 года і цэны на збожжа.",
    "Па словах міністра сельскай гаспадаркі Ігара Шаўчэнкі, сабрана 8,2 млн тон збожжа, што на "
    "12 працэнтаў больш, чым у мінулым годзе.",
    "Кіраўнік дзяржавы даручыў да 1 снежня падрыхтаваць прапановы па закупачных цэнах.",
    "Асобна абмяркоўвалася пытанне аб рамонце тэхнікі.",
)
SPLIT_EN = (
    "Belarusian President Aleksandr Lukashenko held a meeting with members of the government "
    "in Minsk.",
    "The results of the 2024 harvest campaign and grain prices were discussed.",
    "According to Agriculture Minister Igor Shevchenko, 8.2 million tonnes of grain have been "
    "harvested.",
    "That is 12 percent more than last year.",
    "The head of state instructed officials to prepare proposals on purchase prices by "
    "1 December.",
    "The repair of machinery was discussed separately.",
)
SPLIT_GOLD = [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), (4,)), ((4,), (5,))]

MERGE_RU = (
    "Пресс-конференция министра иностранных дел Елены Жуковой прошла 5 марта.",
    "Журналисты задали около 20 вопросов.",
    "Большинство из них касались отношений с Китаем.",
    "Министр отметила, что товарооборот с Китаем в 2023 году превысил 8 млрд долларов.",
    "Она также рассказала о планах открыть новое консульство в Шанхае.",
    "В завершение министр поблагодарила журналистов за внимание.",
)
MERGE_BE = (
    "Прэс-канферэнцыя міністра замежных спраў Алены Жуковай прайшла 5 сакавіка.",
    "Журналісты задалі каля 20 пытанняў.",
    "Большасць з іх тычылася адносін з Кітаем.",
    "Міністр адзначыла, што тавараабарот з Кітаем у 2023 годзе перавысіў 8 млрд долараў.",
    "Яна таксама расказала пра планы адкрыць новае консульства ў Шанхаі.",
    "У завяршэнне міністр падзякавала журналістам за ўвагу.",
)
MERGE_EN = (
    "Foreign Minister Yelena Zhukova held a press conference on 5 March.",
    "Journalists asked about 20 questions, most of them about relations with China.",
    "The minister noted that trade with China exceeded $8 billion in 2023.",
    "A transcript of the briefing will be posted on the ministry's website.",
    "She also spoke about plans to open a new consulate in Shanghai.",
)
# A 2:1 merge, an insertion (0:1) and an omission at the end (1:0).
MERGE_GOLD = [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,)), ((), (3,)), ((4,), (4,)), ((5,), ())]

CASES = [
    pytest.param(SPLIT_RU, SPLIT_EN, "ru", SPLIT_GOLD, id="ru-en split"),
    pytest.param(SPLIT_BE, SPLIT_EN, "be", SPLIT_GOLD, id="be-en split"),
    pytest.param(MERGE_RU, MERGE_EN, "ru", MERGE_GOLD, id="ru-en merge+insert+omit"),
    pytest.param(
        MERGE_BE, MERGE_EN, "be", MERGE_GOLD, id="be-en merge+insert+omit",
        marks=pytest.mark.xfail(
            strict=True,
            reason="known limit: in a six-sentence Belarusian text the English-only line next "
            "to the dropped last sentence reads as a 2:2 crossing; the encoder reads "
            "Belarusian only through a respelling, too weakly to tell the two apart here",
        ),
    ),
]


def pairs(alignment: aligner.Alignment) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.src, b.tgt) for b in alignment.beads]


@needs_encoder
@pytest.mark.parametrize("src,tgt,lang,gold", CASES)
def test_real_cases_default_mode(src, tgt, lang, gold, tmp_path: Path) -> None:
    al = align_sentences(src, tgt, lang, "en", AlignConfig(cache_dir=tmp_path))
    assert pairs(al) == gold
    assert all(0.0 <= b.score <= 1.0 for b in al.beads)


@pytest.mark.parametrize("src,tgt,lang,gold", CASES[:2])
def test_real_split_lexical_mode(src, tgt, lang, gold) -> None:
    al = align_sentences(src, tgt, lang, "en", AlignConfig(embeddings=False))
    assert pairs(al) == gold


def test_lexical_mode_finds_the_merge() -> None:
    al = align_sentences(MERGE_RU, MERGE_EN, "ru", "en", AlignConfig(embeddings=False))
    assert ((1, 2), (1,)) in pairs(al)
    assert ((3,), (2,)) in pairs(al)


def test_confident_beads_score_high_and_doubtful_ones_lower() -> None:
    al = align_sentences(SPLIT_RU, SPLIT_EN, "ru", "en", AlignConfig(embeddings=False))
    scores = {(b.src, b.tgt): b.score for b in al.beads}
    assert scores[((2,), (2, 3))] > 0.5
    assert max(scores.values()) > 0.9


@pytest.mark.parametrize("n,m", [(0, 0), (0, 3), (2, 0)])
def test_empty_sides(n: int, m: int) -> None:
    al = align_sentences(SPLIT_RU[:n], SPLIT_EN[:m], "ru", "en", AlignConfig(embeddings=False))
    assert (al.n_src, al.n_tgt) == (n, m)
    assert pairs(al) == [((i,), ()) for i in range(n)] + [((), (j,)) for j in range(m)]


def test_documents_use_paragraph_starts() -> None:
    def doc(lang: str, paragraphs: list[tuple[str, ...]]) -> Document:
        paras, pos = [], 0
        for texts in paragraphs:
            sents = []
            for t in texts:
                sents.append(Sentence(t, pos, pos + len(t)))
                pos += len(t) + 1
            paras.append(Paragraph(tuple(sents), sents[0].start, sents[-1].end))
        return Document(lang, " ".join(t for p in paragraphs for t in p), tuple(paras))

    src = doc("ru", [SPLIT_RU[:2], SPLIT_RU[2:]])
    tgt = doc("en", [SPLIT_EN[:2], SPLIT_EN[2:]])
    assert src.paragraph_starts == (0, 2)
    al = align_documents(src, tgt, AlignConfig(embeddings=False))
    assert pairs(al) == SPLIT_GOLD


def test_glossary_terms_count_as_evidence() -> None:
    tb = Termbase(concepts=(Concept("price", terms=(
        Term("ru", "закупочная цена", Status.PREFERRED),
        Term("en", "purchase price", Status.PREFERRED))),))
    al = align_sentences(SPLIT_RU, SPLIT_EN, "ru", "en", AlignConfig(embeddings=False),
                         terms=term_finder(tb, "ru", "en"))
    assert ((3,), (4,)) in pairs(al)


def test_batch_lexicon_is_learned_and_used() -> None:
    docs = [(SPLIT_RU, SPLIT_EN), (MERGE_RU, MERGE_EN)] * 2
    config = AlignConfig(embeddings=False)
    lexicon = learn_lexicon(docs, "ru", "en", config)
    assert lexicon.src_lang == "ru" and len(lexicon) > 0
    al = align_sentences(SPLIT_RU, SPLIT_EN, "ru", "en", config, lexicon=lexicon)
    assert pairs(al) == SPLIT_GOLD


def test_missing_encoder_falls_back_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passes, "embeddings_available", lambda: False)
    with pytest.warns(EmbeddingsUnavailableWarning):
        al = align_sentences(SPLIT_RU, SPLIT_EN, "ru", "en", AlignConfig(embeddings=True))
    assert pairs(al) == SPLIT_GOLD


def test_lexical_mode_never_touches_the_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("the encoder was used")

    monkeypatch.setattr(passes, "encode_parts", boom)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        align_sentences(SPLIT_RU, SPLIT_EN, "ru", "en", AlignConfig(embeddings=False))


def test_bad_config_is_a_user_error() -> None:
    with pytest.raises(TransdeskError, match="max_bead"):
        AlignConfig(max_bead=0)


# ---------------------------------------------------------------- properties

WORDS = ("минск", "совещание", "Лукашенко", "зерно", "цены", "Minsk", "grain", "meeting",
         "prices", "the", "и", "2024", "8,2", "12%", "«да»", "what?", "(note)", "—", "")
sentence = st.lists(st.sampled_from(WORDS), min_size=0, max_size=8).map(" ".join)
# Draw the size first, so long sides come up as often as short ones.
side = st.integers(0, 60).flatmap(lambda k: st.lists(sentence, min_size=k, max_size=k))


@settings(max_examples=40, deadline=None)
@given(src=side, tgt=side, max_bead=st.integers(1, 4), coarse=st.booleans(),
       second=st.booleans())
def test_every_sentence_exactly_once_in_order(
    src: list[str], tgt: list[str], max_bead: int, coarse: bool, second: bool
) -> None:
    # A small full-search limit sends larger inputs through the coarse-to-fine band.
    config = AlignConfig(embeddings=False, max_bead=max_bead, second_pass=second,
                         full_search_cells=60 if coarse else 250_000, band_radius=3)
    al = align_sentences(src, tgt, "ru", "en", config)
    assert [i for b in al.beads for i in b.src] == list(range(len(src)))
    assert [j for b in al.beads for j in b.tgt] == list(range(len(tgt)))
    assert all(b.src or b.tgt for b in al.beads)
    assert all(len(b.src) <= max_bead and len(b.tgt) <= max_bead for b in al.beads)
    assert all(0.0 <= b.score <= 1.0 for b in al.beads)


@needs_encoder
@settings(max_examples=5, deadline=None)
@given(src=st.lists(sentence, max_size=6), tgt=st.lists(sentence, max_size=6))
def test_default_mode_covers_too(src: list[str], tgt: list[str], tmp_path_factory) -> None:
    cache = tmp_path_factory.mktemp("emb")
    al = align_sentences(src, tgt, "be", "en", AlignConfig(cache_dir=cache))
    assert [i for b in al.beads for i in b.src] == list(range(len(src)))
    assert [j for b in al.beads for j in b.tgt] == list(range(len(tgt)))


def test_weights_follow_what_the_encoder_reads(tmp_path: Path) -> None:
    from align import weights

    def chosen(src_lang: str, embeddings: bool) -> object:
        config = AlignConfig(embeddings=embeddings, cache_dir=tmp_path)
        pair = passes.prepare(["Один.", "Два."], ["One.", "Two."], src_lang, "en",
                              embeddings=embeddings, cache_dir=tmp_path)
        return aligner.weights_for(config, pair)

    assert chosen("ru", False) is weights.LEXICAL
    if embeddings_available():
        assert chosen("ru", True) is weights.EMBEDDINGS
        assert chosen("be", True) is weights.EMBEDDINGS_PARTIAL


@needs_encoder
def test_a_two_sentence_input_reads_its_merge(tmp_path: Path) -> None:
    # Two sentences cannot estimate their own similarity scale; the encoder's typical scale
    # keeps the weaker match of a merge from reading as unrelated (an omission).
    src = ["С праздником, дорогие соотечественники!", "С Днём Победы!» — сказал он."]
    tgt = ["Happy Victory Day, dear compatriots!” he said."]
    al = align_sentences(src, tgt, "ru", "en", AlignConfig(cache_dir=tmp_path))
    assert pairs(al) == [((0, 1), (0,))]
