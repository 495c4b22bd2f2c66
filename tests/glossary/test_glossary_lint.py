"""Lint findings: each rule on a glossary built to break it; the desk glossary is clean."""

from __future__ import annotations

from glossary_samples import DESK

from glossary.lint import Severity, lint
from glossary.model import Concept, MatchMode, Settings, Status, Term, Termbase
from glossary.tbx_read import read_tbx

P, A, D, F = Status.PREFERRED, Status.ADMITTED, Status.DEPRECATED, Status.FORBIDDEN


def test_desk_glossary_has_no_errors() -> None:
    findings = lint(read_tbx(DESK))
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    assert {f.kind for f in findings} == {"duplicate"}  # Могилёв beside Могилев


def test_each_rule_fires() -> None:
    termbase = Termbase(
        settings=Settings((("languages", "ru en"),)),
        concepts=(
            Concept("war", (Term("ru", "война", P), Term("en", "war", P),
                            Term("en", "warfare", P), Term("en", "war", F))),
            Concept("khatyn", (Term("ru", "Хатынь", P), Term("en", "Khatyn", P),
                               Term("en", "Katyn", F))),
            Concept("katyn", (Term("ru", "Катынь", P), Term("en", "Katyn", P))),
            Concept("peace", (Term("ru", "мир", P), Term("en", "peace", P))),
            Concept("world", (Term("ru", "мир", P), Term("en", "world", P))),
            Concept("vat", (Term("en", "value added tax", P),
                            Term("en", "VAT", P, term_type="acronym"))),
            Concept("only-en", (Term("en", "thing", A),
                                Term("en", "thing", D),
                                Term("en", "x", A, match=MatchMode.PATTERN, pattern="("))),
        ),
    )
    found = {(f.severity.value, f.kind, f.concept, f.lang) for f in lint(termbase)}
    assert found == {
        ("error", "two-preferred", "war", "en"),
        ("error", "preferred-and-forbidden", "war", "en"),
        ("warning", "preferred-and-forbidden", "khatyn", "en"),
        ("warning", "ambiguous-rendering", "peace", "ru"),
        ("warning", "duplicate", "peace", "ru"),
        ("warning", "duplicate", "katyn", "en"),
        ("error", "duplicate", "war", "en"),
        ("error", "duplicate", "only-en", "en"),
        ("warning", "missing-language", "vat", "ru"),
        ("warning", "missing-language", "only-en", "ru"),
        ("warning", "no-preferred", "only-en", "en"),
        ("error", "bad-pattern", "only-en", "en"),
    }
    errors_first = [f.severity for f in lint(termbase)]
    assert errors_first == sorted(errors_first, key=lambda s: s is not Severity.ERROR)
