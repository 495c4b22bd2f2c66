"""The rule-based English lemmatiser on real inflected forms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lang.lemma_en import lemmas_en, stem_en

# (form, its most likely lemma): the first candidate must be this.
FIRST = [
    # plural nouns
    ("wars", "war"), ("countries", "country"), ("policies", "policy"), ("men", "man"),
    ("women", "woman"), ("children", "child"), ("analyses", "analysis"),
    ("presidents", "president"), ("sanctions", "sanction"), ("taxes", "tax"),
    ("churches", "church"), ("wishes", "wish"), ("classes", "class"), ("causes", "cause"),
    ("states", "state"), ("issues", "issue"), ("heroes", "hero"), ("wolves", "wolf"),
    ("representatives", "representative"), ("chairmen", "chairman"), ("crises", "crisis"),
    ("criteria", "criterion"), ("phenomena", "phenomenon"), ("elections", "election"),
    ("ties", "tie"), ("movies", "movie"), ("days", "day"), ("attorneys", "attorney"),
    ("meetings", "meeting"), ("quizzes", "quiz"),
    # possessives
    ("Lukashenko's", "lukashenko"), ("presidents'", "president"),
    ("President\u2019s", "president"), ("children's", "child"), ("Belarus's", "belarus"),
    ("Belarus'", "belarus"),
    # verbs in -s, -ed, -ing
    ("applies", "apply"), ("walked", "walk"), ("stopped", "stop"), ("created", "create"),
    ("stated", "state"), ("hoped", "hope"), ("voted", "vote"), ("used", "use"),
    ("agreed", "agree"), ("guaranteed", "guarantee"), ("applied", "apply"), ("died", "die"),
    ("changed", "change"), ("decided", "decide"), ("included", "include"),
    ("required", "require"), ("declared", "declare"), ("determined", "determine"),
    ("organized", "organize"), ("analysed", "analyse"), ("reduced", "reduce"),
    ("argued", "argue"), ("moved", "move"), ("executed", "execute"), ("called", "call"),
    ("passed", "pass"), ("planned", "plan"), ("committed", "commit"), ("added", "add"),
    ("opened", "open"), ("visited", "visit"), ("appeared", "appear"), ("avoided", "avoid"),
    ("maintained", "maintain"), ("belonged", "belong"), ("treated", "treat"),
    ("running", "run"), ("making", "make"), ("dying", "die"), ("studying", "study"),
    ("seeing", "see"), ("meeting", "meet"), ("signing", "sign"), ("voting", "vote"),
    # irregular verbs
    ("went", "go"), ("said", "say"), ("was", "be"), ("is", "be"), ("has", "have"),
    ("does", "do"), ("took", "take"), ("thought", "think"), ("led", "lead"),
    ("held", "hold"), ("brought", "bring"), ("chosen", "choose"), ("fled", "flee"),
    ("withdrew", "withdraw"), ("sought", "seek"), ("fought", "fight"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "lemma"), [pytest.param(f, m, id=f) for f, m in FIRST])
def test_first_candidate(form: str, lemma: str) -> None:
    assert lemmas_en(form)[0] == lemma


# (form, candidates that must all be there) where the rules cannot decide.
AMBIGUOUS = [
    ("leaves", {"leaf", "leave"}),
    ("lives", {"life", "live"}),
    ("bases", {"base", "basis"}),
    ("analyses", {"analysis", "analyse"}),
    ("united", {"united", "unite"}),
    ("found", {"find", "found"}),
    ("left", {"leave", "left"}),
    ("wounds", {"wound"}),
    ("building", {"build", "building"}),
    ("meeting", {"meet", "meeting"}),
    ("armed", {"arm", "armed"}),
    ("focused", {"focus", "focuse"}),
    ("controlled", {"control"}),
    ("travelled", {"travel"}),
    ("biases", {"bias"}),
    ("buses", {"bus"}),
    ("people", {"person", "people"}),
    ("frozen", {"freeze", "frozen"}),
]


@pytest.mark.parametrize(("form", "expected"), [pytest.param(f, e, id=f) for f, e in AMBIGUOUS])
def test_every_reading_is_a_candidate(form: str, expected: set[str]) -> None:
    assert expected <= set(lemmas_en(form))


# (base form, inflected forms): each form shares a candidate with the base, which is how a
# glossary term meets the word in a text.
PARADIGMS = [
    ("war", ["wars", "war's", "wars'"]),
    ("country", ["countries", "country's", "countries'"]),
    ("policy", ["policies"]),
    ("election", ["elections", "election's"]),
    ("sanction", ["sanctions", "sanctioned", "sanctioning"]),
    ("vote", ["votes", "voted", "voting"]),
    ("meeting", ["meetings"]),
    ("meet", ["meets", "met", "meeting"]),
    ("cause", ["causes", "caused", "causing"]),
    ("bias", ["biases", "biased"]),
    ("focus", ["focuses", "focused", "focusing"]),
    ("control", ["controls", "controlled", "controlling"]),
    ("create", ["creates", "created", "creating"]),
    ("treat", ["treats", "treated", "treating"]),
    ("idea", ["ideas"]),
    ("photo", ["photos"]),
    ("united", ["United"]),
    ("people", ["peoples", "people's"]),
    ("representative", ["representatives"]),
    ("member-state", ["member-states", "Member-States"]),
]


@pytest.mark.parametrize(("base", "forms"), [pytest.param(b, f, id=b) for b, f in PARADIGMS])
def test_forms_meet_their_base(base: str, forms: list[str]) -> None:
    base_lemmas = set(lemmas_en(base))
    for form in forms:
        assert base_lemmas & set(lemmas_en(form)), form


# Words that look inflected but are their own base, and must not meet the look-alike.
@pytest.mark.parametrize(
    ("word", "other"),
    [
        pytest.param("news", "new", id="news"),
        pytest.param("economics", "economic", id="economics"),
        pytest.param("politics", "politic", id="politics"),
        pytest.param("series", "sery", id="series"),
        pytest.param("Belarus", "belaru", id="belarus"),
        pytest.param("analysis", "analysi", id="analysis"),
        pytest.param("class", "clas", id="class"),
        pytest.param("united", "unit", id="united"),
        pytest.param("uses", "us", id="uses"),
        pytest.param("shed", "she", id="shed"),
        pytest.param("thing", "th", id="thing"),
        pytest.param("hated", "hat", id="hated"),
        pytest.param("cared", "car", id="cared"),
    ],
)
def test_base_forms_are_not_cut(word: str, other: str) -> None:
    assert other not in lemmas_en(word)


@pytest.mark.parametrize(
    "word",
    ["news", "series", "species", "Belarus", "analysis", "class", "need", "speed", "red",
     "thing", "king", "during", "hundred", "economics", "its", "this", "us", "gas"],
)  # fmt: skip
def test_base_forms_keep_themselves(word: str) -> None:
    assert lemmas_en(word)[0] == word.lower()


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        pytest.param("NGOs", ("ngo", "ngos"), id="acronym-plural"),
        pytest.param("BRICS", ("brics", "bric"), id="acronym-in-s"),
        pytest.param("US", ("us",), id="us"),
        pytest.param("member-states", ("member-state",), id="hyphen"),
        pytest.param("self-determination", ("self-determination",), id="hyphen-noun"),
        pytest.param("COVID-19", ("covid-19",), id="digits"),
        pytest.param("Лукашенко", ("лукашенко",), id="cyrillic"),
        pytest.param("", (), id="empty"),
        pytest.param("'s", (), id="only-possessive"),
    ],
)
def test_special_words(word: str, expected: tuple[str, ...]) -> None:
    assert lemmas_en(word) == expected


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCZ'-", max_size=20))
def test_candidates_are_lowercase_and_distinct(word: str) -> None:
    lemmas = lemmas_en(word)
    assert all(lemma == lemma.lower() for lemma in lemmas)
    assert len(lemmas) == len(set(lemmas))


@given(st.text(max_size=30))
def test_any_text_is_accepted(text: str) -> None:
    assert isinstance(lemmas_en(text), tuple)


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        pytest.param("Policies", "polici", id="policies"),
        pytest.param("running", "run", id="running"),
        pytest.param("President\u2019s", "presid", id="possessive"),
    ],
)
def test_stem_en(word: str, stem: str) -> None:
    assert stem_en(word) == stem
