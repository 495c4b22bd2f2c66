"""Sentence splitting: tables of Russian, Belarusian and English cases, abbreviation samples,
and properties that hold for any text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lang.abbreviations import ABBREVIATIONS, Kind
from lang.sentences import Decision, explain_splits, split_sentences


def sentences(text: str, lang: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, lang)]


# Each case is one text; " | " marks where it must split (and stands for one space).
RU = [
    # Initials.
    ("initials-joined", "А.Г. Лукашенко провёл совещание с Советом Министров."),
    ("initials-spaced", "А. Г. Лукашенко вручил награды ветеранам."),
    ("initials-after-surname", "Лукашенко А.Г. сказал, что урожай будет собран в срок."),
    ("initials-then-new-sentence", "Указ подписал Лукашенко А.Г. | В документе определены сроки."),
    ("two-letter-initial", "Дж. Байден позвонил В. В. Путину."),
    ("latin-title-in-russian", "Марки Revlon и Dr. PawPaw появятся в магазинах."),
    # Abbreviations.
    ("t-e", "Закон принят, т.е. он вступит в силу через 10 дней. | Указ опубликован."),
    ("t-k-spaced", "Встречу перенесли, т. к. Президент находился в Гомеле."),
    ("i-t-d-end", "Обсуждали цены, тарифы и т.д. | Потом выступил министр."),
    ("i-t-p-continues", "Привезли цемент, кирпич и т. п. для восстановления школы."),
    ("god-ends-sentence",
     "Великая Отечественная война закончилась в 1945 г. | Война унесла миллионы жизней."),
    ("god-lowercase-continues", "В 1945 г. в Минске прошёл первый парад Победы."),
    ("god-opening-phrase", "В 1945 г. Красная армия освободила Европу."),
    ("gorod", "Парад прошёл в г. Минске. | Его посмотрели тысячи людей."),
    ("gg", "В 1941–1945 гг. погиб каждый третий житель Беларуси. | Об этом напомнил Президент."),
    ("vek", "Город вошёл в состав империи в XIX в. | Это изменило его облик."),
    ("address", "Штаб находится по адресу: г. Минск, ул. Кирова, д. 17. | Приём ежедневно."),
    ("imeni", "Концерт прошёл в театре им. Янки Купалы."),
    ("money", "Бюджет составил 12,5 млрд. руб. | Это на 5 проц. больше, чем в 2023 г."),
    ("thousands", "Митинг собрал 20 тыс. человек у монумента Победы."),
    ("oblast", "Урожай собран в Брестской обл. | Аграрии довольны."),
    ("smotri", "Подробности см. в приложении. | Текст утверждён."),
    ("santimetr", "Уровень воды поднялся на 45 см. | Это рекорд."),
    ("statya", "Согласно ст. 79 Конституции Президент является главой государства."),
    ("i-dr", "Выступили министры, депутаты и др. | Заседание длилось три часа."),
    ("prospekt", "Колонна прошла по пр. Независимости к площади Победы."),
    ("km-h", "Ураган движется со скоростью 19 км/ч. | Он ослабевает."),
    # Direct speech and dialogue.
    ("quote-comma-dash", "«Мы готовы», — сказал он."),
    ("quote-exclamation-dash", "«Мы готовы!» — сказал министр обороны."),
    ("quote-then-new-sentence", "«Мы готовы!» | Потом министр уехал."),
    ("dialogue", "— Вы готовы? — спросил журналист. | — Да, готовы."),
    ("low-quotes", "Он сказал: „Мы победим!“ | И зал встал."),
    ("low-quotes-dash", "„Мы победим!“ — сказал он."),
    ("nested-quotes", "«Ветеран повторял „Мы выстояли!“» | Зал аплодировал стоя."),
    ("quote-then-period", "Он сказал: «Мы готовы». | Потом уехал."),
    ("editorial-insertion", "«Он [Президент. — Ред.] примет решение», — сообщил министр."),
    # Ellipses, ?!, brackets.
    ("ellipsis-upper", "Мы ждали этого дня… | И он настал."),
    ("ellipsis-lower", "Мы ждали… и дождались."),
    ("three-dots-upper", "Мы ждали... | И дождались."),
    ("question-exclamation", "Кто, если не мы?! | Вперёд!.. | Победа будет за нами."),
    ("closing-bracket", "Встреча прошла в Минске (Беларусь). | Стороны подписали соглашение."),
    ("omission", "Президент отметил: «Мы […] Всё выдержим»."),
    ("question-lowercase", "Что делать? — спросил министр."),
    # Numbers, lists, addresses on the web.
    ("inline-list", "1. Первое. | 2. Второе."),
    ("numbers", "Курс составил 3.25 рубля на 12.05.2024 в 9.00. | Инфляция — 5,6 %."),
    ("section-number", "Согласно п. 3.2. Положения выплаты производятся ежемесячно."),
    ("year-then-sentence", "Сезон завершился в 2023. | В новом году всё иначе."),
    ("url-and-email",
     "Указ размещён на сайте president.gov.by. | Текст есть на https://pravo.by/doc/?g=1."
     " | Вопросы: info@gov.by."),
]

BE = [
    ("initials-joined", "А.Р. Лукашэнка правёў нараду з Саветам Міністраў."),
    ("initials-spaced", "А. Р. Лукашэнка ўручыў ордэны ветэранам."),
    ("initials-after-surname", "Лукашэнка А.Р. сказаў, што ўраджай будзе сабраны."),
    ("god-ends-sentence", "Вайна скончылася ў 1945 г. | Перамога далася дарагой цаной."),
    ("god-lowercase", "У 1945 г. у Мінску прайшоў першы парад Перамогі."),
    ("horad", "Парад прайшоў у г. Мінску. | Яго бачылі тысячы людзей."),
    ("vulica", "Мемарыял знаходзіцца на вул. Нямiга, д. 5. | Уваход вольны."),
    ("g-zn", "Закон прыняты, г.зн. ён уступіць у сілу праз дзесяць дзён."),
    ("i-g-d", "Абмяркоўвалі цэны, тарыфы і г.д. | Потым выступіў міністр."),
    ("i-insh", "Выступілі міністры, дэпутаты і інш. | Пасяджэнне доўжылася тры гадзіны."),
    ("t-b", "Гэта важна, т.б. што Прэзідэнт сам узначаліў камісію."),
    ("money", "Бюджэт склаў 12,5 млрд руб. | Гэта на 5 % больш. | Выдзелена 500 тыс. рублёў."),
    ("voblasc", "Ураджай сабраны ў Брэсцкай абл. | Аграрыі задаволеныя."),
    ("rayon", "У Мінскім р-не адкрылі школу. | Вучні прыйшлі 1 верасня."),
    ("stagoddze", "У XIX ст. Полацк быў губернскім горадам."),
    ("staronka", "Тэкст надрукаваны на с. 3 газеты «Звязда»."),
    ("vioska", "Жыхары в. Хатынь былі спалены ў 1943 г. | Памяць пра іх жывая."),
    ("apostrophes", "Сям'я ветэрана прыехала ў Мінск. | Сям’я атрымала кватэру. | Сямʼя рада."),
    ("quote-then-i", "Ён сказаў: «Мы гатовыя!» | І ўсе ўсталі."),
    ("dialogue-en-dash", "– Вы гатовыя? – спытаў журналіст. | – Так, гатовыя."),
    ("quote-comma-dash", "«Мы гатовыя», – сказаў ён."),
    ("ellipsis", "Мы чакалі… | І дачакаліся. | Мы чакалі… і дачакаліся."),
    ("latin-title", "Брэнды Essie і Dr. PawPaw з’явяцца ўпершыню."),
]

EN = [
    ("initials", "V. Putin met A. Lukashenko in Sochi."),
    ("three-initials", "J.R.R. Tolkien served in the First World War."),
    ("titles", "Mr. Lukashenko and Mrs. Clinton met Dr. Smith. | They talked for an hour."),
    ("us-before-title", "The U.S. President arrived in Helsinki. | The talks lasted two hours."),
    ("us-ends-sentence", "He left the U.S. | The talks were over."),
    ("uk-and-month", "The U.K. Foreign Office spoke on Jan. 5. | It condemned the attack."),
    ("am-continues", "Prof. Ivanov spoke at 10 a.m. on Monday."),
    ("pm-ends", "The meeting ended at 5 p.m. | The minister left."),
    ("ranks", "Gen. Zhukov, Col. Smith and Lt. Brown attended."),
    ("politicians", "Sen. McCain, Rep. Pelosi and Gov. Newsom spoke. | St. Petersburg hosted it."),
    ("etc-ends", "They discussed energy, transport, etc. | The deal was signed."),
    ("etc-continues", "They discussed energy, transport, etc. and signed a deal."),
    ("eg-ie", "Allies, e.g. Kazakhstan, agreed, i.e. the treaty stands."),
    ("number-abbreviation", "Resolution No. 1441 was adopted. | It demanded disarmament."),
    ("versus", "Dinamo Minsk vs. BATE ended in a draw."),
    ("company", "Apple Inc. Chief Executive Tim Cook met the minister. | He praised the deal."),
    ("quote-comma", "\"We are ready,\" he said."),
    ("curly-quote-exclamation", "“We are ready!” he said."),
    ("speaker-after-quote", "“We won!” Hammel added. | The crowd cheered."),
    ("quote-then-sentence", "\"We are ready.\" | The minister left."),
    ("editorial-brackets", "\"He [U.S. President Donald Trump] will decide,\" the spokesman said."),
    ("ellipsis-upper", "We waited... | And it came."),
    ("ellipsis-lower", "We waited... and waited."),
    ("question-exclamation", "Who, if not us?! | Forward!.. | Victory will be ours."),
    ("roman-numeral", "He fought in World War I. | The war changed him."),
    ("numbers", "Prices rose to $1,200.50 on 12.05.2024. | Trading closed at 9:00."),
    ("parenthesis-sentence", "The parade was held (it rained). | Veterans marched."),
]

GENERIC = [
    ("de", "Das ist gut. | Wir gehen."),
    ("de", "Herr A. Schmidt kam um 9.00 Uhr."),
    ("de", "Was nun? | Wir warten... | Und dann?"),
    ("uk", "Президент В. Зеленський виступив. | Потім він поїхав."),
    ("fr", "Il a dit « Nous sommes prêts ! » et il est parti."),
]


def _params(lang: str, table: list[tuple[str, str]]) -> list:
    return [pytest.param(lang, case, id=f"{lang}-{name}") for name, case in table]


@pytest.mark.parametrize(
    ("lang", "case"),
    _params("ru", RU)
    + _params("be", BE)
    + _params("en", EN)
    + [pytest.param(lang, case, id=f"generic-{lang}-{i}")
       for i, (lang, case) in enumerate(GENERIC)],
)
def test_sentences(lang: str, case: str) -> None:
    text = case.replace(" | ", " ")
    assert sentences(text, lang) == case.split(" | ")


def test_spans_are_trimmed_offsets_into_the_text() -> None:
    text = "  Президент прибыл в Минск.   Встреча началась.\n"
    assert split_sentences(text, "ru") == [(2, 27), (30, 47)]


@pytest.mark.parametrize("text", ["", " ", "\n\n\t ", "\u00a0\u2029"], ids=repr)
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text, "ru") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Президент возложил венок\nк монументу Победы. Ветераны\nвстретили его.",
            ["Президент возложил венок\nк монументу Победы.", "Ветераны\nвстретили его."],
            id="hard-wrapped-lines-are-spaces",
        ),
        pytest.param(
            "Первый абзац без точки\n\nВторой абзац.",
            ["Первый абзац без точки", "Второй абзац."],
            id="blank-line-always-splits",
        ),
        pytest.param(
            "Первый абзац\r\n\r\nВторой\u2029Третий",
            ["Первый абзац", "Второй", "Третий"],
            id="crlf-and-paragraph-separator",
        ),
        pytest.param(
            "Поручения:\n1) завершить уборку;\n2) подготовить технику к зиме.",
            ["Поручения:", "1) завершить уборку;", "2) подготовить технику к зиме."],
            id="list-lines",
        ),
        pytest.param(
            "Повестка дня:\n1. Бюджет на 2025 год.\n2. Разное\n• Поздравления",
            ["Повестка дня:", "1. Бюджет на 2025 год.", "2. Разное", "• Поздравления"],
            id="numbered-and-bulleted-lines",
        ),
        pytest.param(
            "— Вы откуда\n— Из Минска\nи из Бреста",
            ["— Вы откуда", "— Из Минска\nи из Бреста"],
            id="dialogue-lines",
        ),
        pytest.param(
            "Столица Беларуси\n— город-герой Минск.",
            ["Столица Беларуси\n— город-герой Минск."],
            id="wrapped-line-before-a-dash",
        ),
    ],
)
def test_newlines(text: str, expected: list[str]) -> None:
    assert sentences(text, "ru") == expected


def test_language_code_case_and_unknown_codes() -> None:
    text = "В 1945 г. в Минске прошёл парад. Война закончилась."
    assert split_sentences(text, "RU") == split_sentences(text, "ru")
    # The generic profile knows no abbreviations: "г." before a lower-case word still joins.
    assert sentences("Парад прошёл в г. Минске.", "xx") == ["Парад прошёл в г.", "Минске."]


def test_explain_splits_names_the_deciding_rule() -> None:
    text = "В 1945 г. в Минске прошёл парад. Война закончилась."
    decided = [(b.decision, b.rule) for b in explain_splits(text, "ru")]
    assert decided == [(Decision.JOIN, "lowercase_next"), (Decision.SPLIT, "default")]
    assert explain_splits(text, "ru")[1].offset == text.index(" Война")


# ---- every abbreviation sample ---------------------------------------------------------------

SAMPLES = [
    pytest.param(lang, a.text, a.example, id=f"{lang}-{a.text}")
    for lang, entries in ABBREVIATIONS.items()
    for a in entries
]


@pytest.mark.parametrize(("lang", "abbreviation", "example"), SAMPLES)
def test_abbreviation_samples_stay_one_sentence(
    lang: str, abbreviation: str, example: str
) -> None:
    assert abbreviation.lower().replace(" ", "") in example.lower().replace(" ", "")
    assert sentences(example, lang) == [example]


# After a clause, an abbreviation that may end a sentence does so before a capital.
ENDINGS = {
    "ru": ("Рост составил 5 {} Потом выступил министр.", "Потом"),
    "be": ("Рост склаў 5 {} Потым выступіў міністр.", "Потым"),
    "en": ("The figure rose to 5 {} The minister spoke.", "The"),
}


@pytest.mark.parametrize(
    ("lang", "abbreviation"),
    [
        pytest.param(lang, a.text, id=f"{lang}-{a.text}")
        for lang, entries in ABBREVIATIONS.items()
        for a in entries
        if a.kind in (Kind.MAY_END, Kind.UNIT, Kind.BEFORE_NAME)
    ],
)
def test_abbreviations_that_may_end_a_sentence_do(lang: str, abbreviation: str) -> None:
    template, second = ENDINGS[lang]
    text = template.format(abbreviation)
    assert [s.split()[0] for s in sentences(text, lang)][-1] == second


# ---- properties --------------------------------------------------------------------------

PIECES = [
    "Минск", "президент", "А.", "Г.", "т.е.", "г.", "1945", "ул.", "U.S.", "Mr.", "etc.",
    "Лукашэнка", "сям'я", "«Мы", "готовы!»", "—", "–", "...", "…", "?!", "!..", "1.", "2)",
    "(", ")", "[", "]", "„Да“", "“Yes,”", "he", "said.", "12.05.2024", "9.00", "1,5", "Ё.",
    "•", "a.m.", "и", "т.д.", "?", "!", ".", "X", "XIX", "в.", "Дж.", "i.e.", "\u2029",
]
SEPARATORS = [" ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0", ""]


@st.composite
def realistic_text(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.sampled_from(PIECES), max_size=40))
    parts = []
    for piece in pieces:
        parts.append(piece)
        parts.append(draw(st.sampled_from(SEPARATORS)))
    return draw(st.sampled_from(SEPARATORS)) + "".join(parts)


def check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    covered = [0] * len(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        for i in range(start, end):
            covered[i] += 1
        previous_end = end
    # Every visible character in exactly one sentence; whitespace in at most one.
    for i, ch in enumerate(text):
        assert covered[i] == 1 if not ch.isspace() else covered[i] <= 1


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200), lang=st.sampled_from(["ru", "be", "en", "de"]))
def test_spans_partition_any_text(text: str, lang: str) -> None:
    check_spans(text, split_sentences(text, lang))


@settings(max_examples=300, deadline=None)
@given(text=realistic_text(), lang=st.sampled_from(["ru", "be", "en", "de"]))
def test_spans_partition_realistic_text(text: str, lang: str) -> None:
    check_spans(text, split_sentences(text, lang))
