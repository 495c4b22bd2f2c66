"""Transliteration schemes: every sample of every scheme, and properties over whole alphabets."""

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import TransdeskError
from lang.translit import (
    ALPHABETS,
    SCHEMES,
    Scheme,
    SchemeError,
    all_renderings,
    get_scheme,
    scheme_names,
    transliterate,
)
from lang.translit.scheme import APOSTROPHE, START, is_cyrillic, validate

SAMPLES = [
    pytest.param(name, source, expected, id=f"{name}:{source}")
    for name, scheme in SCHEMES.items()
    for source, expected in scheme.samples
]


@pytest.mark.parametrize(("name", "source", "expected"), SAMPLES)
def test_sample(name: str, source: str, expected: str) -> None:
    assert transliterate(source, name) == expected


@pytest.mark.parametrize("name", list(SCHEMES))
def test_scheme_carries_enough_samples(name: str) -> None:
    assert len(SCHEMES[name].samples) >= 8


def test_scheme_names() -> None:
    assert scheme_names("ru") == (
        "bgn-pcgn",
        "bgn-pcgn-ascii",
        "icao",
        "ala-lc",
        "wikipedia",
        "gost-7.79",
    )
    assert scheme_names("be") == ("be-national", "be-bgn-pcgn", "be-passport", "be-ascii")
    assert scheme_names() == scheme_names("ru") + scheme_names("be")
    assert all(SCHEMES[name].language == "be" for name in scheme_names("be"))


def test_all_renderings_has_one_entry_per_scheme_of_the_language() -> None:
    renderings = all_renderings("Магілёў", "be")
    assert renderings == {
        "be-national": "Mahilioŭ",
        "be-bgn-pcgn": "Mahilyow",
        "be-passport": "Mahiliou",
        "be-ascii": "Mahiliou",
    }
    assert tuple(all_renderings("Щукин", "ru")) == scheme_names("ru")


def test_unknown_scheme_is_a_user_error_listing_the_known_ones() -> None:
    with pytest.raises(TransdeskError) as caught:
        transliterate("Минск", "iso-9")
    assert str(caught.value) == (
        "unknown scheme 'iso-9'; known transliteration schemes: bgn-pcgn, bgn-pcgn-ascii, "
        "icao, ala-lc, wikipedia, gost-7.79, be-national, be-bgn-pcgn, be-passport, be-ascii"
    )
    with pytest.raises(TransdeskError, match="unknown scheme 'iso-9'"):
        get_scheme("iso-9")


def test_unknown_language_is_a_user_error() -> None:
    with pytest.raises(TransdeskError) as caught:
        all_renderings("Kyiv", "uk")
    assert str(caught.value) == (
        "no transliteration schemes for language 'uk'; known languages: be, ru"
    )


# --- what passes through, and case ---------------------------------------------------------


def test_everything_but_cyrillic_passes_through() -> None:
    text = "«Щукин» (ЩУКИН), 1999 — Shchukin's; Йошкар-Ола!"
    assert transliterate(text, "wikipedia") == (
        "«Shchukin» (SHCHUKIN), 1999 — Shchukin's; Yoshkar-Ola!"
    )


@pytest.mark.parametrize(
    ("name", "source", "expected"),
    [
        ("wikipedia", "Щукин", "Shchukin"),
        ("wikipedia", "ЩУКИН", "SHCHUKIN"),
        ("wikipedia", "щукин", "shchukin"),
        ("wikipedia", "Ю. Щукин", "Yu. Shchukin"),  # a lone capital is a title capital
        ("wikipedia", "ЦРУ", "TSRU"),
        ("wikipedia", "ЮЩенко", "YUSHCHenko"),  # capitals next to capitals stay a caps run
        ("wikipedia", "Римский-Корсаков", "Rimsky-Korsakov"),
        ("wikipedia", "ДОСТОЕВСКИЙ", "DOSTOYEVSKY"),
        ("ala-lc", "ЮРИЙ", "I͡URIĬ"),
        ("ala-lc", "Юрий", "I͡Uriĭ"),
        ("be-national", "ГОМЕЛЬ", "HOMIEĹ"),
        ("be-national", "УЛ'ЯНА", "ULJANA"),
    ],
)
def test_case_pattern_is_kept(name: str, source: str, expected: str) -> None:
    assert transliterate(source, name) == expected


def test_stress_marks_and_decomposed_letters() -> None:
    # е + U+0308 is ё, и + U+0306 is й; an acute stress mark is dropped.
    assert transliterate("Пе\u0308тр Алекса\u0301ндр", "wikipedia") == "Pyotr Aleksandr"
    assert transliterate("Юрии\u0306", "icao") == "Iurii"


def test_apostrophe_variants_inside_belarusian_words() -> None:
    for apostrophe in ("'", "\u2019", "\u02bc"):
        assert transliterate(f"сям{apostrophe}я", "be-national") == "siamja"
    # Outside a word an apostrophe is punctuation and stays.
    assert transliterate("'Мінск'", "be-national") == "'Minsk'"
    # Russian has no apostrophe letter: it passes through.
    assert transliterate("д'Артаньян", "icao") == "d'Artanian"


def test_russian_letters_in_belarusian_text_are_rendered() -> None:
    assert transliterate("Дмитрий", "be-passport") == "Dmitrii"
    assert transliterate("Подъячев", "be-national") == "Podjačiev"


def test_letters_of_another_language_pass_through_untouched() -> None:
    # і is not Russian; it is kept, and the scheme's own letters around it are rendered.
    assert transliterate("Міхаіл", "icao") == "Mіkhaіl"


# --- properties over whole alphabets ----------------------------------------------------------


def _letters(lang: str) -> str:
    lower = ALPHABETS[lang].replace(APOSTROPHE, "")
    return lower + lower.upper()


def _word(lang: str) -> st.SearchStrategy[str]:
    """A word of two letters or more; Belarusian words may hold apostrophes between letters."""
    run = st.text(alphabet=_letters(lang), min_size=1, max_size=8)
    if lang == "ru":
        return st.text(alphabet=_letters(lang), min_size=2, max_size=12)
    return (
        st.lists(run, min_size=1, max_size=3)
        .map(APOSTROPHE.join)
        .filter(lambda word: len(word.replace(APOSTROPHE, "")) >= 2)
    )


def _text(lang: str) -> st.SearchStrategy[str]:
    separators = st.sampled_from([" ", "-", ", ", " — "])
    return st.lists(st.tuples(_word(lang), separators), min_size=1, max_size=8).map(
        lambda parts: "".join(word + separator for word, separator in parts)
    )


def _raw(lang: str) -> st.SearchStrategy[str]:
    """Anything made of the alphabet, spaces, hyphens and apostrophes, in any order."""
    return st.text(alphabet=_letters(lang) + " -" + APOSTROPHE + "\u2019", max_size=40)


@pytest.mark.parametrize("name", list(SCHEMES))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_no_cyrillic_survives(name: str, data: st.DataObject) -> None:
    text = data.draw(_raw(SCHEMES[name].language))
    output = transliterate(text, name)
    assert not [char for char in output if is_cyrillic(char)], output


@pytest.mark.parametrize("name", list(SCHEMES))
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_case_is_orthogonal_to_the_rules(name: str, data: st.DataObject) -> None:
    text = data.draw(_text(SCHEMES[name].language))
    assert transliterate(text.lower(), name) == transliterate(text, name).lower()
    # Every word has two letters or more, so upper case input is all caps runs.
    assert transliterate(text.upper(), name) == transliterate(text, name).upper()


# --- loading validates schemes ------------------------------------------------------------------


def _broken(**changes: object) -> Scheme:
    return dataclasses.replace(get_scheme("icao"), name="broken", **changes)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"letters": {k: v for k, v in get_scheme("icao").letters.items() if k != "ё"}},
            "transliteration scheme 'broken': letter 'ё' of the ru alphabet has no mapping",
        ),
        (
            {"letters": {**get_scheme("icao").letters, "ё": "ё"}},
            "transliteration scheme 'broken': mapping of 'ё' is 'ё', which contains Cyrillic",
        ),
        (
            {"letters": {**get_scheme("icao").letters, "ts": "c"}},
            "transliteration scheme 'broken': mapping key 'ts' is not a single Cyrillic letter",
        ),
        (
            {"after": {"е": {"ае": "ye"}}},
            "transliteration scheme 'broken': after rule for 'е': key 'ае' is not a single"
            " letter of the scheme or '^'",
        ),
        (
            {"before": {"ц": {START: "c"}}},
            "transliteration scheme 'broken': before rule for 'ц': key '^' is not a single"
            " letter of the scheme or '$'",
        ),
        (
            {"endings": {"й": "y"}},
            "transliteration scheme 'broken': ending 'й' must be two or more letters of the scheme",
        ),
        (
            {"language": "uk"},
            "transliteration scheme 'broken': unknown language 'uk' (known: be, ru)",
        ),
        (
            {"samples": (("Щукин", "Щukin"),)},
            "transliteration scheme 'broken': sample 'Щукин': expected output 'Щukin' is not Latin",
        ),
        (
            {"samples": (("Shchukin", "Shchukin"),)},
            "transliteration scheme 'broken': sample source 'Shchukin' has no ru letter",
        ),
        (
            {"samples": ()},
            "transliteration scheme 'broken': a scheme must carry samples",
        ),
    ],
)
def test_a_bad_scheme_is_refused_with_a_clear_message(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(SchemeError) as caught:
        validate(_broken(**changes))
    assert str(caught.value) == message


@pytest.mark.parametrize("name", list(SCHEMES))
def test_shipped_schemes_are_valid(name: str) -> None:
    validate(SCHEMES[name])


# --- independent cross-checks against iuliia, where its scheme is the same one ------------------


def _russian_words() -> st.SearchStrategy[str]:
    letters = ALPHABETS["ru"]
    return st.lists(st.text(alphabet=letters, min_size=1, max_size=10), min_size=1).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=_russian_words())
def test_icao_agrees_with_iuliia(text: str) -> None:
    iuliia = pytest.importorskip("iuliia")
    assert transliterate(text, "icao") == iuliia.ICAO_DOC_9303.translate(text)


@settings(max_examples=300, deadline=None)
@given(text=_russian_words())
def test_bgn_pcgn_agrees_with_iuliia(text: str) -> None:
    iuliia = pytest.importorskip("iuliia")
    # iuliia's bgn_pcgn_alt (no middle dots) writes ё as Cyrillic ё and the signs as ’ ”.
    theirs = iuliia.BGN_PCGN_ALT.translate(text)
    theirs = theirs.replace("ё", "ë").replace("’", "ʹ").replace("”", "ʺ")
    assert transliterate(text, "bgn-pcgn") == theirs


@settings(max_examples=300, deadline=None)
@given(text=_russian_words())
def test_gost_agrees_with_iuliia_except_c_before_iotated(text: str) -> None:
    iuliia = pytest.importorskip("iuliia")
    # iuliia writes cz before ё э ю я; we read the standard's "c before i, e, y, j" literally.
    if any(f"ц{vowel}" in text for vowel in "ёэюя"):
        return
    assert transliterate(text, "gost-7.79") == iuliia.GOST_779_ALT.translate(text)
