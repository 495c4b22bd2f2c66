"""Language codes and detection from the script."""

import pytest

from core.errors import TransdeskError
from lang import detect_language, get_language


@pytest.mark.parametrize(
    ("code", "expected", "full"),
    [("ru", "ru", True), ("BE", "be", True), ("en-GB", "en", True), ("de", "de", False),
     ("uk", "uk", False), ("fr_FR", "fr", False)],
)
def test_profiles(code: str, expected: str, full: bool) -> None:
    language = get_language(code)
    assert (language.code, language.full) == (expected, full)


@pytest.mark.parametrize("code", ["xx", "russian", "", "rus", "by"])
def test_unknown_codes_are_refused(code: str) -> None:
    with pytest.raises(TransdeskError, match="unknown language code"):
        get_language(code)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Глава государства возложил венок к Кургану Славы.", "ru", id="ru"),
        pytest.param("Кіраўнік дзяржавы ўсклаў вянок да Кургана Славы.", "be", id="be"),
        pytest.param("Лукашэнка сустрэўся з Пуціным у Мінску.", "be", id="be-short"),
        pytest.param("The head of state laid a wreath at the Mound of Glory.", "en", id="en"),
        pytest.param("Aleksandr Lukashenko (Александр Лукашенко) spoke.", "en", id="en-mixed"),
    ],
)
def test_detection(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_detection_needs_letters() -> None:
    with pytest.raises(TransdeskError, match="without letters"):
        detect_language("12.05.2024 — 9:00")
