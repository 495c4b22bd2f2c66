"""Word documents: paragraphs and tables in reading order."""

from pathlib import Path

import pytest

from core.errors import TransdeskError
from readers import read_document


def make_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Заявление для прессы", level=1)
    document.add_paragraph("Переговоры прошли в Минске. Стороны подписали 5 соглашений.")
    document.add_paragraph("")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Товарооборот вырос на 12,3 процента."
    table.rows[0].cells[1].text = "Гомель"
    document.add_paragraph("Следующая встреча пройдёт в Москве.")
    document.save(str(path))


def test_docx_paragraphs_in_order(tmp_path: Path) -> None:
    path = tmp_path / "talks.docx"
    make_docx(path)
    doc = read_document(path)
    assert doc.lang == "ru"
    assert [s.text for s in doc.sentences] == [
        "Заявление для прессы",
        "Переговоры прошли в Минске.",
        "Стороны подписали 5 соглашений.",
        "Товарооборот вырос на 12,3 процента.",
        "Гомель",
        "Следующая встреча пройдёт в Москве.",
    ]
    assert len(doc.paragraphs) == 5


def test_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text("just text", encoding="utf-8")
    with pytest.raises(TransdeskError, match="not a readable Word"):
        read_document(path)
