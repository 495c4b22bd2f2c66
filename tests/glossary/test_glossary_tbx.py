"""TBX reading and writing: dialects, the desk's representation, byte-identical round trips."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from glossary_samples import DESK, sample
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.model import (
    Concept,
    Extra,
    MatchMode,
    Settings,
    Status,
    Term,
    Termbase,
    new_header,
)
from glossary.tbx_read import read_tbx
from glossary.tbx_write import write_tbx


def roundtrip(termbase: Termbase) -> Termbase:
    return read_tbx(write_tbx(termbase).encode("utf-8"), "test")


def test_desk_glossary_writes_back_byte_for_byte() -> None:
    data = DESK.read_bytes()
    termbase = read_tbx(DESK)
    assert len(termbase.concepts) == 83
    assert sum(len(c.terms) for c in termbase.concepts) == 444
    assert write_tbx(termbase).encode("utf-8") == data


def test_desk_statuses_follow_the_readme() -> None:
    termbase = read_tbx(DESK)
    statuses = [t.status for c in termbase.concepts for t in c.terms]
    assert statuses.count(Status.FORBIDDEN) == 8
    assert statuses.count(Status.DEPRECATED) == 62
    katyn = next(t for t in termbase.concept("hist-khatyn").terms if t.text == "Katyn")
    assert katyn.status is Status.FORBIDDEN
    assert katyn.note.startswith("a different place (Катынь")
    kiev = next(t for c in termbase.concepts for t in c.terms if t.text == "Kiev")
    assert kiev.status is Status.DEPRECATED


@pytest.mark.parametrize("name", [
    "TBX-Basic_Example_Astronomy_DCA_VALID.tbx",
    "TBX-Basic_Example_Astronomy_DCT_VALID.tbx",
    "TBX-Min_min_good.tbx",
])
def test_samples_read_write_read_equal(name: str) -> None:
    original = read_tbx(sample(name))
    assert len(original.concepts) == 45
    assert sum(len(c.terms) for c in original.concepts) == 113
    written = write_tbx(original)
    again = read_tbx(written.encode("utf-8"), "written")
    assert again == original.sorted()
    assert write_tbx(again) == written


def test_dct_sample_reads_like_the_dca_sample() -> None:
    dca = read_tbx(sample("TBX-Basic_Example_Astronomy_DCA_VALID.tbx"))
    dct = read_tbx(sample("TBX-Basic_Example_Astronomy_DCT_VALID.tbx"))
    c1_dca, c1_dct = dca.concept("c1"), dct.concept("c1")
    assert c1_dca.subject == c1_dct.subject == "General"
    assert [(t.lang, t.text, t.status, t.part_of_speech) for t in c1_dct.terms] == [
        (t.lang, t.text, t.status, t.part_of_speech) for t in c1_dca.terms
    ]
    # DCT data categories became DCA elements: the xGraphic is an xref, the same as in DCA.
    assert c1_dct.extras == c1_dca.extras
    assert dct.back == dca.back


def test_dca_sample_keeps_what_the_model_has_no_field_for() -> None:
    termbase = read_tbx(sample("TBX-Basic_Example_Astronomy_DCA_VALID.tbx"))
    c1 = termbase.concept("c1")
    assert c1.note == "G-Source: http://www.physics.drexel.edu/observatory/dump.shtml"
    xref = next(x for x in c1.extras if x.tag == "xref")
    assert xref.attr("type") == "xGraphic"
    galactic = next(t for t in c1.terms if t.text == "galactic cluster")
    # superseded reads as deprecated and is written back as superseded
    assert galactic.status is Status.DEPRECATED
    assert "supersededTerm-admn-sts" in write_tbx(termbase)
    definition = c1.extras_of("en")[-1]
    assert definition.tag == "descripGrp"
    assert definition.children[0].text.startswith("A group of stars")
    assert termbase.back[0].tag == "refObjectSec"


def test_tbx_min_usage_status() -> None:
    termbase = read_tbx(sample("TBX-Min_min_good.tbx"))
    terms = {t.text: t.status for t in termbase.concept("c1").terms}
    assert terms == {"open cluster": Status.PREFERRED, "galactic cluster": Status.DEPRECATED,
                     "cúmulo abierto": Status.ADMITTED}


TBX2 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en">
  <martifHeader>
    <fileDesc><sourceDesc><p>From an old termbase</p></sourceDesc></fileDesc>
    <encodingDesc><p type="XCSURI">TBXXCSV02.xcs</p></encodingDesc>
  </martifHeader>
  <text>
    <body>
      <termEntry id="t1">
        <descrip type="subjectField">geography</descrip>
        <langSet xml:lang="ru">
          <tig>
            <term>Минск</term>
            <termNote type="partOfSpeech">noun</termNote>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
        </langSet>
        <langSet xml:lang="en">
          <ntig>
            <termGrp>
              <term>Minsk</term>
              <termNote type="termType">fullForm</termNote>
            </termGrp>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
            <admin type="source">desk</admin>
          </ntig>
          <tig>
            <term>Mensk</term>
            <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
            <note>forbidden: historical form, not desk style</note>
          </tig>
        </langSet>
      </termEntry>
      <termEntry>
        <langSet xml:lang="en"><tig><term>no id</term></tig></langSet>
      </termEntry>
    </body>
  </text>
</martif>
"""


def test_tbx2_martif_is_read_and_written_as_v3() -> None:
    termbase = read_tbx(TBX2.encode(), "old.tbx")
    minsk = termbase.concept("t1")
    assert minsk.subject == "geography"
    assert [(t.lang, t.text, t.status) for t in minsk.terms] == [
        ("ru", "Минск", Status.PREFERRED), ("en", "Minsk", Status.PREFERRED),
        ("en", "Mensk", Status.FORBIDDEN),
    ]
    en = minsk.terms[1]
    assert (en.term_type, en.source) == ("fullForm", "desk")
    assert minsk.terms[2].note == "historical form, not desk style"
    assert termbase.concept("entry-2").terms[0].text == "no id"
    written = write_tbx(termbase)
    assert "XCSURI" not in written and "martif" not in written
    assert '<tbx type="TBX-Basic" style="dca"' in written
    assert roundtrip(termbase) == termbase.sorted()


def _term(text: str = "война", **fields: object) -> Term:
    return Term(**{"lang": "ru", "text": text, "status": Status.PREFERRED, **fields})


def test_forbidden_case_and_match_are_notes_that_read_back() -> None:
    terms = (
        _term("война", created=date(2026, 1, 2), modified=date(2026, 2, 3), source="desk"),
        _term("Katyn", lang="en", status=Status.FORBIDDEN, note="a different place"),
        _term("Byelorussia", lang="en", status=Status.FORBIDDEN),
        _term("СНГ", status=Status.ADMITTED, term_type="acronym", case_sensitive=True,
              match=MatchMode.EXACT),
        _term("Минск", status=Status.ADMITTED, match=MatchMode.PATTERN,
              pattern=r"\bМинск\w*", note="any form"),
    )
    termbase = Termbase(concepts=(Concept("c1", terms, subject="s", created=date(2026, 1, 1)),))
    text = write_tbx(termbase)
    assert "<note>forbidden: a different place</note>" in text
    assert "<note>forbidden</note>" in text
    assert "<note>case: sensitive</note>" in text
    assert "<note>match: exact</note>" in text
    assert "<note>match: pattern \\bМинск\\w*</note>" in text
    assert roundtrip(termbase) == termbase


def test_settings_live_in_the_header() -> None:
    termbase = Termbase(settings=Settings((("name-scheme.ru", "icao"),)))
    text = write_tbx(termbase)
    assert '<p type="transdesk-setting">name-scheme.ru = icao</p>' in text
    again = roundtrip(termbase)
    assert again.settings.name_scheme("ru") == "icao"
    assert again == termbase


def test_a_deprecated_note_that_reads_as_forbidden_is_refused() -> None:
    from core.errors import TransdeskError

    bad = _term("Kiev", status=Status.DEPRECATED, note="forbidden in headlines")
    with pytest.raises(TransdeskError, match="begins with 'forbidden'"):
        write_tbx(Termbase(concepts=(Concept("c1", (bad,)),)))


# ---------------------------------------------------------------- generated termbases

_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t&<>\"'"),
                max_size=12)
_WORD = st.text(st.characters(whitelist_categories=("L", "Nd")), min_size=1, max_size=10)
_DATE = st.none() | st.dates(date(1990, 1, 1), date(2100, 1, 1))
# Extras as a reader makes them: elements the model has no field for (a plain <note> would
# be read as the note itself, so a note extra here carries an attribute).
_EXTRA = st.recursive(
    st.builds(Extra, tag=st.sampled_from(["descrip", "admin", "xref", "note"]),
              attrs=st.sampled_from([(("type", "context"),), (("target", "a&b\"c"),)]),
              text=_TEXT),
    lambda kids: st.builds(Extra, tag=st.just("descripGrp"), children=st.tuples(kids, kids)),
    max_leaves=4,
)


@st.composite
def _terms(draw: st.DrawFn, lang: str) -> Term:
    status = draw(st.sampled_from(list(Status)))
    match = draw(st.sampled_from(list(MatchMode)))
    note = draw(st.none() | _TEXT.filter(lambda t: t and not t.lower().startswith("forbidden")))
    if note in ("case: sensitive", "match: exact") or (note or "").startswith("match: pattern "):
        note = None
    return Term(
        lang=lang, text=draw(_WORD), status=status,
        part_of_speech=draw(st.none() | st.sampled_from(["noun", "verb"])),
        term_type=draw(st.none() | st.sampled_from(["fullForm", "acronym"])),
        gender=draw(st.none() | st.just("feminine")),
        case_sensitive=draw(st.booleans()), match=match,
        pattern=draw(_WORD) if match is MatchMode.PATTERN else None,
        note=note, source=draw(st.none() | _TEXT), created=draw(_DATE), modified=draw(_DATE),
        extras=draw(st.lists(_EXTRA, max_size=2).map(tuple)),
    )


@st.composite
def termbases(draw: st.DrawFn) -> Termbase:
    concepts = []
    ids = draw(st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True), unique=True,
                        max_size=4))
    for cid in ids:
        langs = draw(st.lists(st.sampled_from(["ru", "be", "en", "es"]), unique=True,
                              min_size=1, max_size=3))
        terms = tuple(draw(_terms(lang)) for lang in langs for _ in range(draw(
            st.integers(1, 2))))
        concepts.append(Concept(
            cid, terms, subject=draw(st.none() | _TEXT), definition=draw(st.none() | _TEXT),
            note=draw(st.none() | _TEXT), created=draw(_DATE), modified=draw(_DATE),
            extras=draw(st.lists(_EXTRA, max_size=2).map(tuple)),
            lang_extras=tuple((lang, (draw(_EXTRA),)) for lang in langs[:1]
                              if draw(st.booleans())),
        ))
    values = draw(st.dictionaries(st.sampled_from(["name-scheme.ru", "languages"]), _WORD))
    return Termbase(concepts=tuple(concepts), settings=Settings(tuple(sorted(values.items()))),
                    header=new_header(draw(_WORD)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(termbases())
def test_write_read_is_identity(termbase: Termbase) -> None:
    text = write_tbx(termbase)
    again = read_tbx(text.encode("utf-8"), "generated")
    assert again == termbase.sorted()
    assert write_tbx(again) == text


def test_concept_terms_stay_grouped_by_language() -> None:
    mixed = Concept("c", (_term("a", lang="ru"), _term("b", lang="en"), _term("c", lang="ru")))
    assert [t.text for t in mixed.terms] == ["a", "c", "b"]
    assert replace(mixed, note="x").terms == mixed.terms
