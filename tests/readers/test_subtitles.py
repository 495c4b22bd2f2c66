"""SRT and WebVTT transcripts: cues, times, speakers as metadata, sentences across cues."""

from pathlib import Path

import pytest

from core.errors import TransdeskError
from readers import read_document

VTT = """WEBVTT
Kind: captions

NOTE interpreted into English by the press service

1
00:00:01.000 --> 00:00:04.500
<v Vladimir Gurov>Good afternoon, colleagues. Today we will talk

00:00:04.500 --> 00:00:08.000 align:start
about the preparations for the session.</v>

00:00:08.200 --> 00:00:11.000
Journalist: When will the All-Belarusian People's Assembly meet?

00:00:11.500 --> 00:00:15.250
Gurov: In April. The date &amp; venue will be announced.

00:00:15.250 --> 00:00:17.000
<i>Thank you.</i>
"""

SRT = """1
00:00:01,000 --> 00:00:04,500
GUROV: Good afternoon, colleagues.
Today we will talk

2
00:00:04,500 --> 00:00:08,000
about the preparations for the session.

3
00:01:08,200 --> 00:01:11,000
Journalist: When will the session begin?
"""


def test_webvtt_speakers_times_and_sentences(tmp_path: Path) -> None:
    path = tmp_path / "en.vtt"
    path.write_text(VTT, encoding="utf-8")
    doc = read_document(path)
    assert doc.lang == "en"
    assert [p.speaker for p in doc.paragraphs] == ["Vladimir Gurov", "Journalist", "Gurov"]
    sents = doc.sentences
    assert [s.text for s in sents] == [
        "Good afternoon, colleagues.",
        "Today we will talk about the preparations for the session.",
        "When will the All-Belarusian People's Assembly meet?",
        "In April.",
        "The date & venue will be announced.",
        "Thank you.",
    ]
    # The second sentence runs across two cues and takes both time ranges.
    assert (sents[1].start_time, sents[1].end_time) == (1.0, 8.0)
    assert (sents[5].speaker, sents[5].start_time, sents[5].end_time) == ("Gurov", 15.25, 17.0)
    assert all("Journalist" not in s.text and "Gurov" not in s.text for s in sents)
    for s in sents:
        assert doc.text[s.start:s.end] == s.text


def test_srt_labels_and_multiline_cues(tmp_path: Path) -> None:
    path = tmp_path / "en.srt"
    path.write_text(SRT, encoding="utf-8")
    doc = read_document(path, "en")
    assert [p.speaker for p in doc.paragraphs] == ["Gurov", "Journalist"]
    assert [s.text for s in doc.sentences] == [
        "Good afternoon, colleagues.",
        "Today we will talk about the preparations for the session.",
        "When will the session begin?",
    ]
    assert doc.sentences[2].start_time == 68.2


def test_cyrillic_speaker_label(tmp_path: Path) -> None:
    path = tmp_path / "ru.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:03,000\nЛукашенко: Мы готовы.\n", "utf-8")
    doc = read_document(path)
    assert (doc.lang, doc.paragraphs[0].speaker, doc.sentences[0].text) == (
        "ru", "Лукашенко", "Мы готовы.")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param("a.vtt", "00:00:01.000 --> 00:00:02.000\nHi.\n", "WEBVTT", id="no-header"),
        pytest.param("a.srt", "1\n00:00:01 --> 00:00:02\nHi.\n", "cannot read the timing",
                     id="bad-timing"),
        pytest.param("a.srt", "1\nHello there.\n", "without a timing line", id="no-timing"),
        pytest.param("a.srt", "1\n00:00:05,000 --> 00:00:02,000\nHi.\n", "ends before",
                     id="backwards"),
        pytest.param("a.vtt", "WEBVTT\n\nNOTE nothing here\n", "no cues", id="no-cues"),
    ],
)
def test_malformed_transcripts(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TransdeskError, match=message):
        read_document(path, "en")
