"""Belarusian transliteration schemes, as data. Each carries its source and its samples."""

from .scheme import APOSTROPHE, START, VOWELS, Scheme, when

_VOWELS = VOWELS["be"]

# The letters every Belarusian scheme shares; each scheme overrides what differs.
_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "з": "z", "і": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "ы": "y", "э": "e",
    # Not Belarusian letters, but Belarusian text quotes Russian spellings of names; mapped
    # so that no Cyrillic is left. None of the sources has them except the passport rules.
    "и": "i",
}  # fmt: skip

# Where е ё ю я are iotated in the national system: at the start, after a vowel, the
# apostrophe, the separating soft sign and ў (ъ: a Russian spelling's apostrophe).
_IOTATING = START + _VOWELS + "ў" + APOSTROPHE + "ьъ"

_NATIONAL_IOTATION = {
    "е": when(_IOTATING, "je"),  # Ельск Jeĺsk, Васільеў Vasiĺjeŭ
    "ё": when(_IOTATING, "jo"),  # Салаўёва Salaŭjova
    "ю": when(_IOTATING, "ju"),
    "я": when(_IOTATING, "ja"),  # Ул'яна Uljana, Вялікая Vialikaja
}

_DESK_PLACES = (
    ("Гродна", "Hrodna"),
    ("Брэст", "Brest"),
    ("Мінск", "Minsk"),
)

NATIONAL = Scheme(
    name="be-national",
    language="be",
    title="Belarusian national system (2007), UN-recommended",
    source=(
        "Instruction on transliteration of Belarusian geographical names with letters of "
        "Latin script (State Committee on Land Resources, 23 Nov 2000, amended 11 Jun 2007); "
        "UN resolution X/6 (2012); UNGEGN WGRS report v4.0, "
        "https://www.eki.ee/wgrs/rom1_be.htm"
    ),
    letters={
        **_COMMON,
        "е": "ie",
        "ё": "io",
        "ж": "ž",
        "й": "j",
        "ў": "ŭ",
        "х": "ch",
        "ц": "c",
        "ч": "č",
        "ш": "š",
        "ь": "",
        "ю": "iu",
        "я": "ia",
        APOSTROPHE: "",
        # Russian letters: щ as Belarusian шч, ъ as the apostrophe.
        "щ": "šč",
        "ъ": "",
    },
    after=_NATIONAL_IOTATION,
    before={
        # The soft sign is an acute on the consonant it softens: Гомель Homieĺ, дзь dź.
        "з": when("ь", "ź"),
        "л": when("ь", "ĺ"),
        "н": when("ь", "ń"),
        "с": when("ь", "ś"),
        "ц": when("ь", "ć"),
    },
    notes=(
        "Precomposed ć ĺ ń ś ź. Belarusian spelling puts ь only after з л н с ц (and дз); "
        "after any other letter it is dropped. The apostrophe is dropped, as the instruction "
        "says; it only makes the next vowel iotated."
    ),
    samples=(
        *_DESK_PLACES,
        ("Аляксандр Рыгоравіч Лукашэнка", "Aliaksandr Ryhoravič Lukašenka"),
        ("ЛУКАШЭНКА", "LUKAŠENKA"),
        ("Магілёў", "Mahilioŭ"),
        ("Гомель", "Homieĺ"),
        ("Віцебск", "Viciebsk"),
        ("Маладзечна", "Maladziečna"),
        ("Мікалай", "Mikalaj"),
        ("Наталля", "Natallia"),
        ("Вялікая Айчынная вайна", "Vialikaja Ajčynnaja vajna"),
        ("Ул'яна", "Uljana"),
        ("сям'я", "siamja"),
        ("Ельск", "Jeĺsk"),
        ("Васільеў", "Vasiĺjeŭ"),
        ("Салаўёва", "Salaŭjova"),
        ("Дзяржынск", "Dziaržynsk"),
        ("Хойнікі", "Chojniki"),
    ),
)

BGN_PCGN = Scheme(
    name="be-bgn-pcgn",
    language="be",
    title="BGN/PCGN 1979 (Belarusian)",
    source=(
        "BGN/PCGN 1979 System, Romanization of Belarusian (US Board on Geographic Names and "
        "UK Permanent Committee on Geographical Names); as encoded in Unicode CLDR "
        "common/transforms/Belarusian-Latin-BGN.xml"
    ),
    letters={
        **_COMMON,
        # е ё ю я are ye yo yu ya everywhere, after consonants too: Гомель Homyelʹ,
        # Віцебск Vitsyebsk (unlike the Russian table, which writes e after consonants).
        "е": "ye",
        "ё": "yo",
        "ж": "zh",
        "й": "y",
        "ў": "w",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "ь": "ʹ",
        "ю": "yu",
        "я": "ya",
        APOSTROPHE: "ʺ",
        # Russian letters: ъ as the apostrophe.
        "щ": "shch",
        "ъ": "ʺ",
    },
    notes=(
        "The optional middle dot (z·h, k·h, s·h, t·s) is left out. ь is the prime ʹ and the "
        "apostrophe the double prime ʺ (U+02B9, U+02BA), as in CLDR's transform."
    ),
    samples=(
        *_DESK_PLACES,
        ("Аляксандр Рыгоравіч Лукашэнка", "Alyaksandr Ryhoravich Lukashenka"),
        ("Магілёў", "Mahilyow"),
        ("Гомель", "Homyelʹ"),
        ("Віцебск", "Vitsyebsk"),
        ("ВІЦЕБСК", "VITSYEBSK"),
        ("Маладзечна", "Maladzyechna"),
        ("Мікалай", "Mikalay"),
        ("Наталля", "Natallya"),
        ("Вялікая Айчынная вайна", "Vyalikaya Aychynnaya vayna"),
        ("Ул'яна", "Ulʺyana"),
        ("сям'я", "syamʺya"),
        # Examples of the BGN table as quoted by Wikipedia's article on the system.
        ("Нёман", "Nyoman"),
        ("князь", "knyazʹ"),
        ("Вілейка", "Vilyeyka"),
        ("Крапіўна", "Krapiwna"),
    ),
)

PASSPORT = Scheme(
    name="be-passport",
    language="be",
    title="Belarusian passports (ICAO Doc 9303 as applied by the MVD)",
    source=(
        "ICAO Doc 9303, 7th ed. (2015), Part 3, section 6, with Г as H, as required by MVD "
        "Resolution No. 200 of 28 Jun 2010 (passport instruction), "
        "https://pravo.by/document/?guid=3871&p0=W21022721; examples from interscript's "
        "icao-bel-Cyrl-Latn-9303 and mvd-bel-Cyrl-Latn-2010 maps"
    ),
    letters={
        **_COMMON,
        "е": "e",
        "ё": "io",
        "ж": "zh",
        "й": "i",
        "ў": "u",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "ь": "",
        "ю": "iu",
        "я": "ia",
        APOSTROPHE: "",
        # The MVD rules cover Russian spellings of a name too; ICAO gives these.
        "щ": "shch",
        "ъ": "ie",
    },
    notes=(
        "Context-free, as ICAO: е is e after consonants too (Сяргей Siarhei, Алена Alena), "
        "я ю ё are ia iu io everywhere, initially too. A holder may ask for another spelling; "
        "the 2008 population-register instruction (MVD No. 288, with je/ie and ĺ) is not "
        "what passports print."
    ),
    samples=(
        *_DESK_PLACES,
        ("Аляксандр Рыгоравіч Лукашэнка", "Aliaksandr Ryhoravich Lukashenka"),
        ("Магілёў", "Mahiliou"),
        ("Гомель", "Homel"),
        ("Віцебск", "Vitsebsk"),
        ("Маладзечна", "Maladzechna"),
        ("Мікалай", "Mikalai"),
        ("Наталля Качанава", "Natallia Kachanava"),
        ("Вялікая Айчынная вайна", "Vialikaia Aichynnaia vaina"),
        ("Ул'яна", "Uliana"),
        ("сям'я", "siamia"),
        ("Сяргей", "Siarhei"),
        # interscript's passport examples.
        ("Бабрыковіч Аляксандр", "Babrykovich Aliaksandr"),
        ("Міховіч Марыя", "Mikhovich Maryia"),
        ("СВЯТЛАНА", "SVIATLANA"),
        ("Ігар", "Ihar"),
        ("Палто Алена", "Palto Alena"),
    ),
)

ASCII = Scheme(
    name="be-ascii",
    language="be",
    title="Belarusian national system without diacritics",
    source=(
        "Derived from be-national (Instruction of 2000/2007, see there): same rules, each "
        "letter with a diacritic spelled as the passport table spells its Cyrillic letter"
    ),
    letters={
        **_COMMON,
        "е": "ie",
        "ё": "io",
        "ж": "zh",
        "й": "j",
        "ў": "u",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "ь": "",
        "ю": "iu",
        "я": "ia",
        APOSTROPHE: "",
        # Russian letters: ъ as the apostrophe.
        "щ": "shch",
        "ъ": "",
    },
    after=_NATIONAL_IOTATION,
    notes=(
        "A derived convenience scheme, not a standard: š č ž ŭ become sh ch zh u, the acute "
        "of ć ĺ ń ś ź is dropped, and c ch (ц х) become ts kh, because otherwise ч and х "
        "would both be ch, and c reads as k in English. je/ie and j are kept."
    ),
    samples=(
        *_DESK_PLACES,
        ("Аляксандр Рыгоравіч Лукашэнка", "Aliaksandr Ryhoravich Lukashenka"),
        ("Магілёў", "Mahiliou"),
        ("Гомель", "Homiel"),
        ("Віцебск", "Vitsiebsk"),
        ("Маладзечна", "Maladziechna"),
        ("Мікалай", "Mikalaj"),
        ("Наталля", "Natallia"),
        ("Вялікая Айчынная вайна", "Vialikaja Ajchynnaja vajna"),
        ("Ул'яна", "Uljana"),
        ("сям'я", "siamja"),
        ("Ельск", "Jelsk"),
        ("Салаўёва", "Salaujova"),
        ("Хойнікі", "Khojniki"),
    ),
)

SCHEMES: tuple[Scheme, ...] = (NATIONAL, BGN_PCGN, PASSPORT, ASCII)
