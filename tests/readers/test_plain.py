"""Plain-text documents: paragraphs, sentence spans, cleaning, presegmented input."""

from pathlib import Path

import pytest

from core.errors import TransdeskError
from readers import read_document


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_lines_are_paragraphs_and_spans_point_into_the_text(tmp_path: Path) -> None:
    text = (
        "9 мая 1945 г. закончилась Великая Отечественная война. А.Г. Лукашенко выступил.\r\n"
        "«Мы помним всех», — сказал глава государства.\r\n"
    )
    doc = read_document(write(tmp_path, "ru.txt", text.encode("cp1251")))
    assert doc.lang == "ru"
    assert [len(p.sentences) for p in doc.paragraphs] == [2, 1]
    assert [s.text for s in doc.sentences] == [
        "9 мая 1945 г. закончилась Великая Отечественная война.",
        "А.Г. Лукашенко выступил.",
        "«Мы помним всех», — сказал глава государства.",
    ]
    assert "\r" not in doc.text
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text


def test_blank_lines_separate_hard_wrapped_paragraphs(tmp_path: Path) -> None:
    text = (
        "The head of state laid a wreath\nat the Mound of Glory. Veterans were there.\n\n"
        "He thanked them.\n"
    )
    doc = read_document(write(tmp_path, "en.txt", text.encode()))
    assert doc.lang == "en"
    assert [[s.text for s in p.sentences] for p in doc.paragraphs] == [
        ["The head of state laid a wreath at the Mound of Glory.", "Veterans were there."],
        ["He thanked them."],
    ]
    first = doc.sentences[0]
    wrapped = "The head of state laid a wreath\nat the Mound of Glory."
    assert doc.text[first.start:first.end] == wrapped


def test_cleaning_removes_invisible_characters_and_composes(tmp_path: Path) -> None:
    # A soft hyphen, a zero-width space and a decomposed ў (у + combining breve).
    text = "Вя\u00adлі\u200bкая Айчынная вайна. Алена Сяргееу\u0306на выступіла.\n"
    doc = read_document(write(tmp_path, "be.txt", text.encode()), "be")
    assert [s.text for s in doc.sentences] == ["Вялікая Айчынная вайна.",
                                               "Алена Сяргееўна выступіла."]


def test_presegmented_takes_lines_as_they_are(tmp_path: Path) -> None:
    text = "Первое предложение. Второе в той же строке.\n\nТретье.\n"
    doc = read_document(write(tmp_path, "ru.txt", text.encode()), "ru", presegmented=True)
    assert [s.text for s in doc.sentences] == ["Первое предложение. Второе в той же строке.",
                                               "Третье."]
    assert doc.paragraph_starts == (0, 1)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"  \n\r\n\t ", "empty", id="only-whitespace"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", "PNG", id="image"),
    ],
)
def test_bad_files_raise_one_user_error(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(TransdeskError, match=message):
        read_document(write(tmp_path, "x.txt", data), "ru")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(TransdeskError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(TransdeskError, match="folder"):
        read_document(tmp_path)


def test_unknown_language_code(tmp_path: Path) -> None:
    with pytest.raises(TransdeskError, match="unknown language code 'xx'"):
        read_document(write(tmp_path, "x.txt", b"Some text."), "xx")


def test_other_languages_get_the_generic_profile(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "de.txt", b"Das ist gut. Wir gehen.\n"), "de")
    assert doc.lang == "de"
    assert [s.text for s in doc.sentences] == ["Das ist gut.", "Wir gehen."]
