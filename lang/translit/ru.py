"""Russian transliteration schemes, as data. Each carries its source and its samples."""

from .scheme import START, VOWELS, Scheme, when

_VOWELS = VOWELS["ru"]

# The letters every Russian scheme shares; each scheme overrides what differs.
_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ы": "y", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip

_DESK_NAMES = (
    ("Владимир Александрович", "Vladimir Aleksandrovich"),
    ("Хабаровск", "Khabarovsk"),
)

BGN_PCGN = Scheme(
    name="bgn-pcgn",
    language="ru",
    title="BGN/PCGN 1947 (Russian)",
    source=(
        "BGN/PCGN 1947 System, Romanization of Russian (US Board on Geographic Names and "
        "UK Permanent Committee on Geographical Names); "
        "https://www.gov.uk/government/publications/romanization-of-russian"
    ),
    letters={**_COMMON, "ё": "ë", "й": "y", "ъ": "ʺ", "ь": "ʹ"},
    after={
        # Iotation is written where it is heard: Елизово Yelizovo, Чапаевск Chapayevsk,
        # Майер Mayyer, объезд obʺyezd, Юрьев Yurʹyev.
        "е": when(START + _VOWELS + "йъь", "ye"),
        "ё": when(START + _VOWELS + "йъь", "yë"),  # Ёдва Yëdva, Воробьёво Vorobʹyëvo
    },
    notes=(
        "Written as used in practice: the optional middle dot (t·s, y·a, ·e) is left out. "
        "ё is ë / yë, as the table gives it when the source marks ё; a source that writes е "
        "gets e / ye. ь and ъ are the modifier letters ʹ (U+02B9) and ʺ (U+02BA), as in "
        "CLDR's BGN transforms and GeoNames, rather than the printed tables' ’ and ”: "
        "letters, unlike quotation marks, keep a word in one token."
    ),
    samples=(
        *_DESK_NAMES,
        ("Александр Григорьевич Лукашенко", "Aleksandr Grigorʹyevich Lukashenko"),
        ("Пётр Фёдорович Семёнов", "Pëtr Fëdorovich Semënov"),
        ("Щукин", "Shchukin"),
        ("ЩУКИН", "SHCHUKIN"),
        ("Юрий", "Yuriy"),
        ("Евгений", "Yevgeniy"),
        ("Наталья Кочанова", "Natalʹya Kochanova"),
        ("Дмитрий", "Dmitriy"),
        ("Ильич", "Ilʹich"),
        ("Подъячев", "Podʺyachev"),
        ("Ёдва", "Yëdva"),
        ("Воробьёво", "Vorobʹyëvo"),
        ("Чапаевск", "Chapayevsk"),
        ("Мейеровка", "Meyyerovka"),
        ("Юрьев объезд", "Yurʹyev obʺyezd"),
        ("Йошкар-Ола", "Yoshkar-Ola"),
        ("Электрогорск", "Elektrogorsk"),
    ),
)

BGN_PCGN_ASCII = Scheme(
    name="bgn-pcgn-ascii",
    language="ru",
    title="BGN/PCGN 1947 (Russian), plain ASCII",
    source=(
        "Derived from BGN/PCGN 1947 (see bgn-pcgn) the way GeoNames derives its 'asciiname': "
        "diaeresis and primes dropped; https://www.geonames.org/"
    ),
    letters={**_COMMON, "ё": "e", "й": "y", "ъ": "", "ь": ""},
    after={
        "е": when(START + _VOWELS + "йъь", "ye"),
        # ё as if written е, which BGN/PCGN allows: the diaeresis is optional in Russian.
        "ё": when(START + _VOWELS + "йъь", "ye"),
    },
    notes=(
        "A derived convenience scheme for matching English texts that follow BGN/PCGN without "
        "typography (Orel, Tver). Not a standard in itself."
    ),
    samples=(
        *_DESK_NAMES,
        ("Александр Григорьевич Лукашенко", "Aleksandr Grigoryevich Lukashenko"),
        ("Пётр Фёдорович Семёнов", "Petr Fedorovich Semenov"),
        ("ЩУКИН", "SHCHUKIN"),
        ("Юрий", "Yuriy"),
        ("Евгений", "Yevgeniy"),
        ("Наталья Кочанова", "Natalya Kochanova"),
        ("Дмитрий", "Dmitriy"),
        ("Ильич", "Ilich"),
        ("Подъячев", "Podyachev"),
        ("Воробьёво", "Vorobyevo"),
        ("Ёлкино", "Yelkino"),
        ("Тверь", "Tver"),
    ),
)

ICAO = Scheme(
    name="icao",
    language="ru",
    title="ICAO Doc 9303 (Russian passports since 2013)",
    source=(
        "ICAO Doc 9303 Machine Readable Travel Documents, 7th ed. (2015), Part 3, section 6, "
        "transliteration of Cyrillic; applied to Russian international passports since 2013 "
        "(FMS order No. 320 of 15 Oct 2012); https://www.icao.int/publications/pages/"
        "publication.aspx?docnum=9303"
    ),
    letters={
        **_COMMON,
        "ё": "e",
        "й": "i",
        "ъ": "ie",
        "ь": "",
        "ю": "iu",
        "я": "ia",
    },
    notes="Context-free by design: the same letter always gives the same Latin.",
    samples=(
        *_DESK_NAMES,
        ("Александр Григорьевич Лукашенко", "Aleksandr Grigorevich Lukashenko"),
        ("Пётр Фёдорович Семёнов", "Petr Fedorovich Semenov"),
        ("Щукин", "Shchukin"),
        ("ЩУКИН", "SHCHUKIN"),
        ("Юрий", "Iurii"),
        ("Евгений", "Evgenii"),
        ("Наталья Кочанова", "Natalia Kochanova"),
        ("Дмитрий", "Dmitrii"),
        ("Ильич", "Ilich"),
        ("Подъячев", "Podieiachev"),
        # From iuliia's icao_doc_9303 samples.
        ("Ян Разъездной", "Ian Razieezdnoi"),
        ("Юлия Щеглова", "Iuliia Shcheglova"),
        ("Римский-Корсаков", "Rimskii-Korsakov"),
    ),
)

ALA_LC = Scheme(
    name="ala-lc",
    language="ru",
    title="ALA-LC (Russian), with diacritics and tie marks",
    source=(
        "ALA-LC Romanization Tables: Russian (Library of Congress, 2012); "
        "https://www.loc.gov/catdir/cpso/romanization/russian.pdf"
    ),
    letters={
        **_COMMON,
        "ё": "ë",
        "й": "ĭ",
        "ц": "t͡s",
        "ъ": "ʺ",
        "ь": "ʹ",
        "э": "ė",
        "ю": "i͡u",
        "я": "i͡a",
    },
    # The table's capitals are I͡A, I͡U, T͡S (LC records: I͡Uriĭ, T͡Svetaeva).
    capitals={"t͡s": "T͡S", "i͡u": "I͡U", "i͡a": "I͡A"},
    notes=(
        "The full table, not the common simplified form: ė, ĭ, ë, primes ʹ ʺ, and the tie "
        "U+0361 in t͡s, i͡u, i͡a (LC's MARC records write the tie as the two halves U+FE20 "
        "U+FE21; U+0361 is the table's own form). Pre-1918 letters (і, ѣ, ѳ, ѵ) are not "
        "mapped: the scheme is for modern Russian."
    ),
    samples=(
        *_DESK_NAMES,
        ("Александр Григорьевич Лукашенко", "Aleksandr Grigorʹevich Lukashenko"),
        ("Пётр Фёдорович Семёнов", "Pëtr Fëdorovich Semënov"),
        ("Щукин", "Shchukin"),
        ("ЩУКИН", "SHCHUKIN"),
        ("Юрий", "I͡Uriĭ"),
        ("Евгений", "Evgeniĭ"),
        ("Наталья Кочанова", "Natalʹi͡a Kochanova"),
        ("Дмитрий", "Dmitriĭ"),
        ("Ильич", "Ilʹich"),
        ("Подъячев", "Podʺi͡achev"),
        # From the LC table's examples as collected by interscript (alalc-rus-Cyrl-Latn-2012).
        ("Цимлянск", "T͡Simli͡ansk"),
        ("Ельцин", "Elʹt͡sin"),
        ("Электрогорск", "Ėlektrogorsk"),
        ("Якутск", "I͡Akutsk"),
        ("Йошкар-Ола", "Ĭoshkar-Ola"),
        ("ЦЮРИХ", "T͡SI͡URIKH"),
    ),
)

WIKIPEDIA = Scheme(
    name="wikipedia",
    language="ru",
    title="English Wikipedia / press style (WP:RUS)",
    source=(
        "Wikipedia:Romanization of Russian (WP:RUS), a simplified BGN/PCGN; "
        "https://en.wikipedia.org/wiki/Wikipedia:Romanization_of_Russian"
    ),
    letters={**_COMMON, "ё": "yo", "й": "y", "ъ": "", "ь": ""},
    after={
        # ye at the start, after vowels and after ъ ь (Yeltsin, Sergeyev, Grigoryevich); but
        # e after й (Майер Mayer) and after ы (Набережные Naberezhnye), as WP:RUS writes.
        "е": when(START + "аеёиоуэюя" + "ъь", "ye"),
        # Desk decision: o after the hushing consonants, where ё is heard as o (Хрущёв
        # Khrushchov). WP:RUS itself writes yo here too (Щёлково Shchyolkovo).
        "ё": when("жчшщ", "o"),
    },
    before={
        # The signs are dropped, but before a vowel that is not iotated they show the y
        # that is heard: Ильич Ilyich, Ильинский Ilyinsky, Мусийкъонгийкоте Musiykyongiykote.
        "ъ": when("аиоуыэ", "y"),
        "ь": when("аиоуыэ", "y"),
    },
    endings={"ий": "y", "ый": "y"},  # Достоевский Dostoyevsky, Грозный Grozny, Юрий Yury
    notes=(
        "кс stays ks (Aleksandr), as the desk writes it; no conventional English forms "
        "(Alexander, Moscow) are substituted: that is a glossary's job, not a scheme's."
    ),
    samples=(
        *_DESK_NAMES,
        ("Александр Григорьевич Лукашенко", "Aleksandr Grigoryevich Lukashenko"),
        ("Пётр Фёдорович Семёнов", "Pyotr Fyodorovich Semyonov"),
        ("Щукин", "Shchukin"),
        ("ЩУКИН", "SHCHUKIN"),
        ("Юрий", "Yury"),
        ("Евгений", "Yevgeny"),
        ("Наталья Кочанова", "Natalya Kochanova"),
        ("Дмитрий", "Dmitry"),
        ("ДМИТРИЙ", "DMITRY"),
        ("Ильич", "Ilyich"),
        ("Подъячев", "Podyachev"),
        ("Достоевский", "Dostoyevsky"),
        ("Хрущёв", "Khrushchov"),
        ("Сергеев", "Sergeyev"),
        ("Набережные Челны", "Naberezhnye Chelny"),
        ("Майер", "Mayer"),
        ("Мусийкъонгийкоте", "Musiykyongiykote"),
        ("Йошкар-Ола", "Yoshkar-Ola"),
    ),
)

GOST_779 = Scheme(
    name="gost-7.79",
    language="ru",
    title="GOST 7.79-2000 system B (Latin letters only)",
    source=(
        "GOST 7.79-2000 (ISO 9:1995) 'Rules of transliteration of Cyrillic characters into "
        "Latin', system B (table 2), Russian"
    ),
    letters={
        **_COMMON,
        "ё": "yo",
        "й": "j",
        "х": "x",
        "ц": "cz",
        "щ": "shh",
        "ъ": "``",
        "ы": "y`",
        "ь": "`",
        "э": "e`",
    },
    before={
        # The standard: c before i, e, y, j, cz elsewhere. Read literally, on the Latin that
        # follows: so also before ё yo, э e`, ю yu, я ya (Цюрих Cyurix). Цирк Cirk, Царицын
        # Czaricy`n.
        "ц": when("еёийыэюя", "c"),
    },
    notes=(
        "Backtick ` (U+0060) for the signs, as the standard's ASCII table. The standard's "
        "c/cz rule is often quoted the other way round; this follows its text."
    ),
    samples=(
        ("Владимир Александрович", "Vladimir Aleksandrovich"),
        ("Хабаровск", "Xabarovsk"),
        ("Александр Григорьевич Лукашенко", "Aleksandr Grigor`evich Lukashenko"),
        ("Пётр Фёдорович Семёнов", "Pyotr Fyodorovich Semyonov"),
        ("Щукин", "Shhukin"),
        ("ЩУКИН", "SHHUKIN"),
        ("Юрий", "Yurij"),
        ("Евгений", "Evgenij"),
        ("Наталья Кочанова", "Natal`ya Kochanova"),
        ("Дмитрий", "Dmitrij"),
        ("Ильич", "Il`ich"),
        ("Подъячев", "Pod``yachev"),
        ("Цирк", "Cirk"),
        ("Царицын", "Czaricy`n"),
        ("Цюрих", "Cyurix"),
        ("Электросталь", "E`lektrostal`"),
        ("Ыттык", "Y`tty`k"),
    ),
)

SCHEMES: tuple[Scheme, ...] = (BGN_PCGN, BGN_PCGN_ASCII, ICAO, ALA_LC, WIKIPEDIA, GOST_779)
