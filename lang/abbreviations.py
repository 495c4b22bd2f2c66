"""Abbreviations after which a period need not end a sentence, per language, as plain data.

Every entry carries a sentence in which the abbreviation does *not* end the sentence; the
test suite splits every example and expects one sentence back (as iuliia runs every sample
of every scheme). What happens after the period depends on the entry's `Kind`:

- `CONTINUES`: the next word always belongs to the same sentence ("ул. Ленина", "Mr. Smith").
- `MAY_END`: the abbreviation may close a sentence; it does when a capital follows
  ("…и т.д. Потом…"), it does not before a lower-case word or a digit ("5 тыс. рублей"),
  nor after a mere opening phrase ("В 1945 г. Красная армия…", see `PREPOSITIONS`).
- `UNIT`: `MAY_END` right after a number or Roman numeral ("в 1945 г. Война закончилась"
  splits), `CONTINUES` anywhere else ("в г. Минске" does not).
- `BEFORE_NAME`: usually followed by a name ("U.S. President"); it ends a sentence only
  before a word that commonly opens one ("…in the U.S. The talks…").

`text` is written as in running text with its dots and without inner spaces ("т.е." also
matches "т. е."). A leading conjunction belongs to the entry when it changes the reading
("и пр." is "and so on", bare "пр." is "проспект"). Abbreviations written without a period
(млн, млрд, р-н, км) never look like a sentence end and are not listed.

Russian and Belarusian text looks Latin-script words up in the English list ("Dr. PawPaw"
in a Russian article). The word lists after the abbreviations (sentence openers, speech
verbs, prepositions, multi-letter initials, section labels) are the rest of what the
splitter knows about each language.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    """How an abbreviation's period behaves; see the module docstring."""

    CONTINUES = "continues"
    MAY_END = "may_end"
    UNIT = "unit"
    BEFORE_NAME = "before_name"


@dataclass(frozen=True)
class Abbreviation:
    """One abbreviation, how its period behaves, and a sentence it does not end."""

    text: str
    kind: Kind
    example: str


def _words(*chunks: str) -> frozenset[str]:
    """A set of words written as space-separated text, for compact word lists."""
    return frozenset(" ".join(chunks).split())


C, M, U, N = Kind.CONTINUES, Kind.MAY_END, Kind.UNIT, Kind.BEFORE_NAME
A = Abbreviation

RU: tuple[Abbreviation, ...] = (
    # Multi-letter abbreviations with inner dots.
    A("т.е.", C, "Решение принято, т.е. закон вступит в силу с 1 января."),
    A("т.к.", C, "Встречу перенесли, т.к. Президент находился в Гомеле."),
    A("т.н.", C, "Обсуждали т.н. Союзное государство и его бюджет."),
    A("т.ч.", C, "Делегации прибыли из 12 городов, в т.ч. Минска и Бреста."),
    A("т.о.", C, "Переговоры завершились, т.о. Минск и Москва договорились о газе."),
    A("т.д.", M, "Обсуждали энергетику, транспорт и т.д. и подписали соглашение."),
    A("т.п.", M, "На выставке были тракторы, комбайны и т.п. в большом количестве."),
    A("и т.д.", M, "В повестке были цены, тарифы и т.д. на 2025 год."),
    A("и т.п.", M, "Привезли цемент, кирпич и т.п. для восстановления школы."),
    A("н.э.", M, "Город упоминается в летописях с IX в. н.э. и до наших дней."),
    A("до н.э.", M, "Поселение существовало в V в. до н.э. на берегу Днепра."),
    A("с.г.", M, "Соглашение подписано 5 мая с.г. в Минске."),
    # Dates, centuries, places: a unit after a number, a title before a name.
    A("г.", U, "В 1945 г. закончилась Великая Отечественная война, а в г. Минске был парад."),
    A("гг.", U, "В 1941–1945 гг. погиб каждый третий житель республики."),
    A("в.", U, "В XIX в. город входил в состав Российской империи."),
    A("вв.", U, "В XVI–XVII вв. в Полоцке работали типографии."),
    A("ст.", U, "Согласно ст. 79 Конституции Президент является главой государства."),
    A("стр.", U, "Текст указа опубликован на стр. 3 газеты «Звязда»."),
    A("см.", U, "Подробнее см. Приложение 2, где высота стелы указана в 45 см. по проекту."),
    A("с.", U, "Делегация посетила с. Хатынь и возложила венки."),
    A("р.", U, "Мост через р. Свислочь открыли в 1950 г. к празднику."),
    A("т.", U, "В т. 2 собрания сочинений вошли речи 1990-х годов."),
    A("ч.", U, "Согласно ч. 1 ст. 20 закона заседание считается открытым."),
    A("мин.", U, "Поезд отправился в 9 ч. 15 мин. утра по расписанию."),
    A("сек.", U, "Спортсмен пробежал дистанцию за 9 мин. 58 сек. и установил рекорд."),
    # Addresses and place types: always followed by a name or number.
    A("ул.", C, "Мемориал находится на ул. Немига в центре Минска."),
    A("пр.", C, "Колонна прошла по пр. Независимости к площади Победы."),
    A("просп.", C, "Митинг прошёл на просп. Победителей у монумента."),
    A("пл.", C, "Парад прошёл на пл. Победы в Витебске."),
    A("пер.", C, "Музей переехал на пер. Кирова в прошлом году."),
    A("д.", C, "Штаб расположен по адресу ул. Кирова, д. 17."),
    A("корп.", C, "Приём ведётся в корп. 2 по вторникам."),
    A("кв.", C, "Ветеран живёт в кв. 45 на пятом этаже."),
    A("пос.", C, "В пос. Нарочь открыли новый санаторий."),
    A("дер.", C, "Жители дер. Хатынь были сожжены в 1943 г. карателями."),
    A("о.", C, "Учения прошли на о. Сахалин в сентябре."),
    A("оз.", C, "Отдых на оз. Нарочь стал доступнее для семей."),
    A("обл.", M, "В Гомельской обл. собрали рекордный урожай."),
    A("им.", C, "Концерт прошёл в театре им. Янки Купалы."),
    # Titles and roles before a name.
    A("проф.", C, "Доклад сделал проф. Иванов из БГУ."),
    A("акад.", C, "Лекцию прочитал акад. Гусаков на конференции."),
    A("доц.", C, "На заседании выступил доц. Смирнов."),
    A("зам.", C, "Письмо подписал зам. Министра иностранных дел."),
    A("ген.", C, "Парадом командовал ген. Рыженков."),
    A("св.", C, "Храм св. Софии в Полоцке восстановлен."),
    A("ред.", C, "Сборник вышел под ред. Петрова в 2020 г. в Минске."),
    A("гл.", C, "Об этом говорится в гл. 3 Кодекса."),
    A("п.", C, "Согласно п. 5 указа выплаты производятся ежемесячно."),
    A("пп.", C, "Изменения внесены в пп. 2 и 3 постановления."),
    A("рис.", M, "Схема маршрута приведена на рис. 4 в приложении."),
    A("табл.", C, "Данные о посевах см. в табл. 2 отчёта."),
    A("напр.", C, "Страны ЕАЭС, напр. Казахстан, поддержали инициативу."),
    A("англ.", C, "Аббревиатура происходит от англ. Belarusian Railways."),
    A("нем.", C, "Слово пришло из нем. Landtag через польский."),
    A("лат.", C, "Термин восходит к лат. Vita и означает жизнь."),
    A("букв.", C, "Название, букв. «Белая Русь», известно с XIII в. в летописях."),
    A("ок.", C, "На митинг пришли ок. 2 тыс. человек."),
    # Amounts and money: may close a sentence, continue before a digit or small letter.
    A("тыс.", M, "На строительство выделено 500 тыс. рублей из бюджета."),
    A("млн.", M, "Экспорт вырос на 2 млн. долларов за квартал."),
    A("млрд.", M, "Кредит составил 1,5 млрд. долларов на 10 лет."),
    A("трлн.", M, "Долг превысил 1 трлн. рублей к концу года."),
    A("руб.", M, "Пенсия выросла на 50 руб. с 1 января."),
    A("коп.", M, "Цена хлеба выросла на 10 коп. за буханку."),
    A("долл.", M, "Инвестиции составили 300 млн долл. в прошлом году."),
    A("проц.", M, "Рост ВВП составил 3,9 проц. по итогам года."),
    A("чел.", M, "В параде участвовали 5 тыс. чел. и 200 единиц техники."),
    A("др.", M, "Выступили министры, депутаты и др. участники совещания."),
    A("и др.", M, "Выступили министры, депутаты и др. в течение двух часов."),
    A("и пр.", M, "Обсудили цены, тарифы и пр. на заседании правительства."),
    A("прим.", M, "В тексте сохранена орфография оригинала (прим. ред.) и пунктуация."),
    A("кв.м.", M, "Площадь музея составляет 3 тыс. кв.м. и три зала."),
)

BE: tuple[Abbreviation, ...] = (
    # Inner dots.
    A("г.зн.", C, "Рашэнне прынята, г.зн. Закон уступіць у сілу з 1 студзеня."),
    A("т.б.", C, "Гэта важна, т.б. Прэзідэнт сам узначаліў камісію."),
    A("і г.д.", M, "Абмяркоўвалі энергетыку, транспарт і г.д. на пасяджэнні ўрада."),
    A("і інш.", M, "Выступілі міністры, дэпутаты і інш. удзельнікі нарады."),
    A("інш.", M, "Былі трактары, камбайны, інш. тэхніка на выставе."),
    A("н.э.", M, "Горад згадваецца з IX ст. н.э. у летапісах."),
    A("да н.э.", M, "Паселішча існавала ў V ст. да н.э. на беразе Дняпра."),
    # Dates and places.
    A("г.", U, "У 1945 г. скончылася Вялікая Айчынная вайна, а ў г. Мінску прайшоў парад."),
    A("гг.", U, "У 1941–1945 гг. загінуў кожны трэці жыхар рэспублікі."),
    A("ст.", U, "У XIX ст. Полацк уваходзіў у склад імперыі, а ст. 79 Канстытуцыі гэта адзначае."),
    A("стст.", U, "У XVI–XVII стст. у Полацку працавалі друкарні."),
    A("с.", U, "Тэкст указа надрукаваны на с. 3 газеты «Звязда»."),
    A("м.", U, "Ветэраны сабраліся ў м. Слуцку каля помніка."),
    A("гадз.", U, "Цягнік адправіўся ў 9 гадз. раніцы."),
    A("хв.", U, "Спартсмен прабег дыстанцыю за 9 хв. 58 с."),
    A("вул.", C, "Мемарыял знаходзіцца на вул. Нямiга ў цэнтры Мінска."),
    A("пр.", C, "Калона прайшла па пр. Незалежнасці да плошчы Перамогі."),
    A("пл.", C, "Парад прайшоў на пл. Перамогі ў Віцебску."),
    A("д.", C, "Штаб размешчаны па адрасе вул. Кірава, д. 17."),
    A("кв.", C, "Ветэран жыве ў кв. 45 на пятым паверсе."),
    A("в.", C, "Жыхары в. Хатынь былі спалены карнікамі ў 1943 г. падчас вайны."),
    A("п.", C, "Паводле п. 5 указа выплаты робяцца штомесяц."),
    A("абл.", M, "У Гомельскай абл. сабралі рэкордны ўраджай."),
    A("ім.", C, "Канцэрт прайшоў у тэатры ім. Янкі Купалы."),
    # Titles before a name.
    A("праф.", C, "Даклад зрабіў праф. Іваноў з БДУ."),
    A("акад.", C, "Лекцыю прачытаў акад. Гусакоў на канферэнцыі."),
    A("дац.", C, "На пасяджэнні выступіў дац. Смірноў."),
    A("нам.", C, "Ліст падпісаў нам. Міністра замежных спраў."),
    A("сп.", C, "Сустрэчу правёў сп. Пятроў, амбасадар Беларусі."),
    A("спн.", C, "Слова атрымала спн. Ковалева з Гродна."),
    A("ген.", C, "Парадам камандаваў ген. Рыжанкоў."),
    A("св.", C, "Храм св. Сафіі ў Полацку адноўлены."),
    A("рэд.", C, "Зборнік выйшаў пад рэд. Пятрова ў 2020 г. у Мінску."),
    A("гл.", C, "Схема маршруту прыведзена ў дадатку, гл. Малюнак 4."),
    A("мал.", C, "Схема маршруту прыведзена на мал. 4 у дадатку."),
    A("табл.", C, "Звесткі пра пасевы гл. у табл. 2 справаздачы."),
    A("напр.", C, "Краіны ЕАЭС, напр. Казахстан, падтрымалі ініцыятыву."),
    A("англ.", C, "Абрэвіятура паходзіць ад англ. Belarusian Railways."),
    # Amounts and money.
    A("тыс.", M, "На будаўніцтва выдзелена 500 тыс. рублёў з бюджэту."),
    A("млн.", M, "Экспарт вырас на 2 млн. долараў за квартал."),
    A("млрд.", M, "Крэдыт склаў 1,5 млрд. долараў на 10 гадоў."),
    A("руб.", M, "Пенсія вырасла на 50 руб. з 1 студзеня."),
    A("кап.", M, "Цана хлеба вырасла на 10 кап. за бохан."),
    A("дол.", M, "Інвестыцыі склалі 300 млн дол. у мінулым годзе."),
    A("чал.", M, "У парадзе ўдзельнічалі 5 тыс. чал. і 200 адзінак тэхнікі."),
    A("прац.", M, "Рост ВУП склаў 3,9 прац. па выніках года."),
)

EN: tuple[Abbreviation, ...] = (
    # Inner dots.
    A("e.g.", C, "Member states, e.g. Kazakhstan, backed the initiative."),
    A("i.e.", C, "The law was adopted, i.e. it takes effect on January 1."),
    A("cf.", C, "The figures differ, cf. Table 2 of the report."),
    A("viz.", C, "Two cities, viz. Minsk and Brest, hosted the talks."),
    A("U.S.", N, "The U.S. President Donald Trump spoke by phone with Moscow."),
    A("U.K.", N, "The U.K. Foreign Office issued a statement."),
    A("U.N.", N, "The U.N. Security Council met on Monday."),
    A("E.U.", N, "The E.U. Commission proposed new sanctions."),
    A("U.S.A.", N, "The U.S.A. Olympic team arrived in Minsk on Friday."),
    A("U.S.S.R.", N, "The U.S.S.R. Supreme Soviet ratified the treaty in 1945."),
    A("D.C.", N, "Washington, D.C. Mayor Muriel Bowser welcomed the delegation."),
    A("a.m.", N, "The parade began at 10 a.m. Moscow time on May 9."),
    A("p.m.", N, "Voting closed at 8 p.m. local time."),
    A("B.C.", M, "The fortress dates from 500 B.C. and was rebuilt twice."),
    A("A.D.", C, "The city was first mentioned in A.D. 862 in the chronicles."),
    A("Ph.D.", M, "She holds a Ph.D. in history from Belarusian State University."),
    # Titles and ranks before a name.
    A("Mr.", C, "Mr. Lukashenko met the Chinese delegation in Minsk."),
    A("Mrs.", C, "Mrs. Clinton arrived in Moscow on Tuesday."),
    A("Ms.", C, "Ms. Ivanova chaired the committee hearing."),
    A("Dr.", C, "Dr. Petrov led the medical team at the front."),
    A("Prof.", C, "Prof. Ivanov presented the report at the conference."),
    A("Gen.", C, "Gen. Zhukov accepted the surrender in Berlin."),
    A("Col.", C, "Col. Smith commanded the battalion."),
    A("Lt.", C, "Lt. Gen. Ivanov inspected the troops."),
    A("Capt.", C, "Capt. Jones was awarded the medal."),
    A("Sgt.", C, "Sgt. Brown survived the battle of Kursk."),
    A("Maj.", C, "Maj. Gen. Petrov arrived in Minsk."),
    A("Adm.", C, "Adm. Kuznetsov commanded the fleet."),
    A("Sen.", C, "Sen. McCain criticised the decision."),
    A("Rep.", C, "Rep. Pelosi visited Kyiv in April."),
    A("Gov.", C, "Gov. Newsom signed the bill into law."),
    A("Pres.", C, "Pres. Putin addressed the Federal Assembly."),
    A("Rev.", C, "Rev. King led the march on Washington."),
    A("Fr.", C, "Fr. Ivanov served the liturgy in Minsk."),
    A("Det.", C, "Det. Dennis Smith wrote in the release that the case was open."),
    A("Insp.", C, "Insp. Jane Brown led the inquiry."),
    A("Supt.", C, "Det. Supt. John Smith spoke to reporters."),
    A("Const.", C, "Const. Harper was injured in the crash."),
    A("Cpl.", C, "Cpl. Jones fought at Stalingrad with the volunteers."),
    A("Pte.", C, "Pte. Smith was decorated for bravery."),
    A("Cmdr.", C, "Cmdr. Petrov took over the submarine."),
    A("Brig.", C, "Brig. Gen. Smith visited the base."),
    A("Hon.", C, "The Hon. Member for Bristol asked a question."),
    A("Sr.", N, "George Bush Sr. and Mikhail Gorbachev met in Malta in 1989."),
    A("Jr.", N, "Martin Luther King Jr. Day is a federal holiday."),
    A("St.", N, "The summit took place in St. Petersburg in June."),
    A("Mt.", C, "Climbers reached Mt. Elbrus in August."),
    A("vs.", C, "Dinamo Minsk vs. BATE Borisov ended in a draw."),
    A("v.", C, "The case of Smith v. Jones reached the Supreme Court."),
    # Companies and streets.
    A("Inc.", N, "Apple Inc. Chief Executive Tim Cook visited Beijing."),
    A("Ltd.", N, "Rolls-Royce Holdings Ltd. Chief Executive Warren East spoke."),
    A("Co.", N, "Ford Motor Co. Chairman Bill Ford attended the ceremony."),
    A("Corp.", N, "Microsoft Corp. Chairman Bill Gates met the minister."),
    A("Bros.", N, "Warner Bros. Pictures released the film."),
    A("Ave.", N, "The embassy on Pennsylvania Ave. Northwest was closed."),
    A("Rd.", N, "Police closed Abbey Rd. North for the parade."),
    A("Blvd.", N, "The march went along Sunset Blvd. West to the park."),
    # Numbers, references and months: may close a sentence.
    A("No.", M, "Resolution No. 1441 was adopted unanimously."),
    A("Nos.", M, "Items Nos. 3 and 4 were removed from the agenda."),
    A("Art.", M, "Under Art. 79 of the Constitution the President is head of state."),
    A("Sec.", M, "Sec. 5 of the act was repealed."),
    A("Fig.", M, "The route is shown in Fig. 4 of the report."),
    A("Vol.", M, "The speech is printed in Vol. 2 of the collected works."),
    A("p.", M, "The decree is printed on p. 3 of the newspaper."),
    A("pp.", M, "The minutes fill pp. 12 to 20 of the file."),
    A("ch.", M, "The treaty is discussed in ch. 4 of the book."),
    A("approx.", M, "The crowd numbered approx. 20,000 people."),
    A("ca.", M, "The church was built ca. 1500 by local masters."),
    A("est.", M, "The museum (est. 1944) holds 140,000 items."),
    A("etc.", M, "They discussed energy, transport, etc. and signed a deal."),
    A("et al.", M, "Petrov et al. argue that the figures are too low."),
    A("ed.", M, "The volume (2nd ed. 2020) was published in Minsk."),
    A("eds.", M, "Ivanov and Petrov (eds.) published the letters."),
    A("Jan.", M, "The talks began on Jan. 5 in Geneva."),
    A("Feb.", M, "The offensive started on Feb. 23 near Kursk."),
    A("Mar.", M, "The treaty was signed on Mar. 3 in Minsk."),
    A("Apr.", M, "The exhibition opens on Apr. 12 in Brest."),
    A("Jun.", M, "The summit is planned for Jun. 30 in Minsk."),
    A("Jul.", M, "Independence Day is celebrated on Jul. 3 in Belarus."),
    A("Aug.", M, "The harvest ended in Aug. and was a record."),
    A("Sep.", M, "Schools reopened on Sep. 1 across the country."),
    A("Sept.", M, "Schools reopened on Sept. 1 across the country."),
    A("Oct.", M, "The elections were held on Oct. 11 in all regions."),
    A("Nov.", M, "The forum takes place on Nov. 7 in Moscow."),
    A("Dec.", M, "The budget was adopted on Dec. 20 by parliament."),
    A("Dept.", N, "The State Dept. Spokesman declined to comment."),
    A("min.", M, "The flight takes 90 min. from Minsk to Moscow."),
    A("hr.", M, "The trip takes 2 hr. by train."),
)

# Words that commonly open a sentence, lower-case; after an initial or a BEFORE_NAME
# abbreviation such a word means a new sentence ("…World War I. The…"), a name does not.
STARTERS: dict[str, frozenset[str]] = {
    "ru": _words(
        "в во на по он она оно они мы я вы ты это этот эта эти как но а и однако при после"
        " до для с со из к у о об за тогда там так также кроме между сейчас сегодня вчера"
        " затем потом кто что где когда почему его ее её их все всё уже ещё еще не"
        " напомним"
    ),
    "be": _words(
        "у ў на па ён яна яно яны мы я вы ты гэта гэты гэтая гэтыя як але а і аднак пры"
        " пасля да для з са к каля пра за тады там так таксама сёння учора потым затым хто"
        " што дзе калі чаму яго яе іх усе ўсе усё ўжо яшчэ не нагадаем"
    ),
    "en": _words(
        "the a an he she it they we i you this that these those there his her its their our"
        " my in on at but and or so yet for with by from as if when while after before since"
        " however meanwhile although though what who why how where one some many most all"
        " not no last earlier later then also according"
    ),
}

# Prepositions that open an adverbial phrase of time or place. A sentence so far made of
# one of them, a number and at most one more word before a MAY_END or UNIT abbreviation
# ("В 1945 г.", "9 мая 1945 г.", "In Sept.") is no sentence yet, so the capital after the
# period is a name: "В 1945 г. Красная армия освободила Европу."
PREPOSITIONS: dict[str, frozenset[str]] = {
    "ru": _words("в во с со к ко до после на по от около за через"),
    "be": _words("у ў з са да пасля на па ад каля за праз к"),
    "en": _words("in on at by since until from after before during through"),
}

# Verbs that introduce the speaker after a quotation ending in "!" or "?": a name and one
# of these after the closing quote continue the sentence ("“We won!” Hammel added.").
SPEECH_VERBS: dict[str, frozenset[str]] = {
    "ru": _words(
        "сказал сказала сказали заявил заявила заявили добавил добавила отметил отметила"
        " спросил спросила ответил ответила написал написала пояснил пояснила сообщил"
        " сообщила подчеркнул подчеркнула воскликнул воскликнула"
    ),
    "be": _words(
        "сказаў сказала сказалі заявіў заявіла заявілі дадаў дадала адзначыў адзначыла"
        " спытаў спытала адказаў адказала напісаў напісала растлумачыў растлумачыла"
        " паведаміў паведаміла падкрэсліў падкрэсліла усклікнуў усклікнула"
    ),
    "en": _words(
        "said says added adds asked asks told wrote writes noted notes stressed explained"
        " replied continued insisted recalled warned declared stated tweeted shouted"
        " answered exclaimed cried"
    ),
}

# Initials longer than one letter, lower-case; they count only when capitalised:
# "Дж. Байден", "Th. Mann".
INITIALS: dict[str, frozenset[str]] = {
    "ru": frozenset({"дж", "вс", "ал", "вл", "ив", "юр"}),
    "be": frozenset({"дж", "ул", "ал", "юр"}),
    "en": frozenset({"ch", "th", "wm", "jas", "geo", "chas", "yu", "zh", "kh", "sh"}),
}

# Words that introduce a section number; "п. 3.2. Положения" keeps the dotted number
# ("3.2.") and what follows in one sentence.
SECTION_WORDS: dict[str, frozenset[str]] = {
    "ru": frozenset({"п", "пп", "ст", "ч", "гл", "разд", "пункт", "пункта", "пункте",
                     "пунктом", "раздел", "раздела", "разделе", "статья", "статьи",
                     "статье", "глава", "главы", "главе", "§"}),
    "be": frozenset({"п", "пп", "арт", "ч", "гл", "разд", "пункт", "пункта", "пункце",
                     "раздзел", "раздзела", "артыкул", "артыкула", "артыкуле", "глава",
                     "главы", "§"}),
    "en": frozenset({"section", "sections", "sec", "art", "article", "articles", "para",
                     "paragraph", "clause", "chapter", "ch", "§"}),
}

ABBREVIATIONS: dict[str, tuple[Abbreviation, ...]] = {"ru": RU, "be": BE, "en": EN}
