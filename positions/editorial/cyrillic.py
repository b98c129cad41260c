"""Attribution in Russian and Ukrainian reports: verbs of saying with "что"/"що", a quote
followed by "— сказал …", "по его словам"/"за його словами", and "Об этом заявил …" after the
statement it attributes. Sentences in these languages are read here only."""

import re

from positions.editorial.clauses import Clause, strip_dateline
from positions.editorial.names import BODY_WORDS

CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")

# Past forms (masculine, feminine, plural) and the present of verbs of saying.
_RUSSIAN = (
    r"(?:заяви|сказа|сообщи|отмети|подчеркну|добави|указа|поясни|уточни|завери|предупреди|"
    r"напомни|призна|констатирова|высказа|рассказа|ответи|повтори|написа|прокомментирова|"
    # The imperfective past ("Зеленский заявлял, что …"): said before, perhaps more than once.
    r"заявля|говори|подчеркива|отмеча)л(?:а|и)?|"
    r"(?:дал|дала|дали)\s+понять|высказал(?:ся|ась|ись)|"
    r"(?:выразил|выразила|выразили)\s+(?:уверенность|убеждение|надежду)|"
    r"заявляет|заявляют|говорит|отмечает|подчеркивает|подчёркивает|считает|считают|полагает"
)
_UKRAINIAN = (
    r"(?:заяви|сказа|повідоми|зазначи|наголоси|дода|підкресли|попереди|поясни|нагада|"
    r"уточни|запевни|визна|розпові|відпові|повтори|написа|прокоментува|"
    r"заявля|говори|наголошува|підкреслюва|зазнача|каза)(?:в|ла|ли)|"
    r"(?:дав|дала|дали)\s+зрозуміти|висловив(?:ся)|висловил(?:ася|ися)|"
    r"(?:висловив|висловила|висловили)\s+(?:переконання|впевненість|сподівання)|"
    r"заявляє|каже|зазначає|наголошує|вважає|вважають"
)
VERB = re.compile(rf"(?<![\w-])(?P<verb>{_RUSSIAN}|{_UKRAINIAN})(?![\w-])", re.IGNORECASE)
# Verbs of taking a stance: the clause from the verb on is the statement ("назвал планы …").
_RUSSIAN_STANCE = (
    r"(?:назва|допусти|исключи|предложи|пообеща|подтверди|призва|потребова)(?:л|ла|ли)|"
    r"отверг(?:ла|ли)?"
)
_UKRAINIAN_STANCE = (
    r"(?:назва|допусти|виключи|запропонува|пообіця|підтверди|відкину|вимага|заклика)(?:в|ла|ли)"
)
STANCE_VERB = re.compile(
    rf"(?<![\w-])(?P<verb>{_RUSSIAN_STANCE}|{_UKRAINIAN_STANCE})(?![\w-])", re.IGNORECASE
)
# Inside reported words, someone named before a verb of saying or of stance said it first:
# "…, что в разговоре с Трампом Владимир Путин подтвердил …", "Российский лидер предложил …".
_CAPITAL = r"(?-i:[А-ЯЁІЇЄҐ])"
# Who said it first: capitalised words, or a title ("Российский лидер"), or "Он", whom the
# speaker reports; never the speaker ("Мы говорили это много раз: …"); then perhaps a few
# lower-case words before the verb ("Трамп со своей стороны предложил").
_PERSON_NOUN = (
    r"(?:лидер|лідер|президент|министр|міністр|глава|голова|помощник|помічник|представитель|"
    r"представник|речник|канцлер|премьер|прем'єр|дипломат)\w*"
)
_ORIGINAL = re.compile(
    rf"^(?P<lead>[^«»“”]*?)(?<![\w-])(?P<who>(?!(?:я|мы|ми)\b){_CAPITAL}"
    rf"[\w'’-]*(?:\s+(?:{_CAPITAL}[\w'’-]*|{_PERSON_NOUN})){{0,2}})"
    r"(?:\s+(?-i:[а-яёіїєґ0-9])[^\s«»“”,]*){0,4}?\s+"
    rf"(?P<verb>{_RUSSIAN}|{_UKRAINIAN}|{_RUSSIAN_STANCE}|{_UKRAINIAN_STANCE})(?![\w-])",
    re.IGNORECASE,
)
# "в среду Владимир Путин на встрече с выпускниками военных вузов заявил": a man's first name
# as he is called, not "Владимира Путина" (of him), and his surname, then where or when, in up
# to six words, then the verb.
_ORIGINAL_WHERE = re.compile(
    rf"^(?P<lead>[^«»“”]*?)(?<![\w-])(?P<who>{_CAPITAL}[а-яёіїєґ'’-]*[бвгджзклмнпрстфхцчшщй]"
    rf"\s+{_CAPITAL}[а-яёіїєґ'’-]+)"
    r"\s+(?:на|в|во|после|перед|во время|в ходе|під час|після|у|з|с|со)"
    r"(?:\s+(?-i:[а-яёіїєґ0-9])[^\s«»“”,]*){1,5}?\s+"
    rf"(?P<verb>{_RUSSIAN}|{_UKRAINIAN})(?![\w-])",
    re.IGNORECASE,
)
# "…, переказавши слова глави держави": the words were another's, relayed.
_RELAYING = re.compile(
    r"\b(?:переказавши|передаючи|переказуючи|передавши|пересказывая|передавая|передав|"
    r"пересказав)\s+слова\b",
    re.IGNORECASE,
)
# Words between a subject and its verb that are not the subject: "Захарова также заявила".
_AUX = re.compile(r"(?:\s+(?:также|тоже|ранее|позже|затем|вновь|також|раніше|згодом|знову))+$")
# "Об этом заявил(а) …", "Про це заявив …": the sentence before holds the statement.
ABOUT_THIS = re.compile(
    rf"^(?:Об этом|Про це|Об этом же|Про це ж)\s+(?P<pre>(?:[^\s,«»]+\s+){{0,6}}?)"
    rf"(?P<verb>{_RUSSIAN}|{_UKRAINIAN})\s+(?P<rest>.+?)[.!]?$",
    re.IGNORECASE,
)
# "По его словам, …", "По словам Захаровой, …", "За його словами, …".
_IN_WORDS = re.compile(
    # "Водночас, за словами президента, …": after a word linking it to the paragraph before.
    r"^(?:(?:Водночас|Також|Крім того|Втім|Проте|Однак|Натомість|При этом|Кроме того|"
    r"Вместе с тем|Однако|Тем временем|Также|Между тем),\s+)?"
    r"(?:По\s+(?:(?P<ru>его|ее|её|их)\s+)?словам|За\s+(?:(?P<uk>його|її|їхніми)\s+)?словами)"
    r"(?P<whose>\s+[^,]+?)?,\s+",
    re.IGNORECASE,
)
_QUOTED_THEN_VERB = re.compile(
    rf"^(?P<open>[«“\"])(?P<inner>.+)[»”\"][,.!?]?\s*[—–-]+\s*(?P<verb>{_RUSSIAN}|{_UKRAINIAN})"
    rf"(?P<subject>[^.«»]*?)[.!]?$",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    rf"^(?P<content>.+?),\s*(?:[—–-]+\s*)?(?P<verb>{_RUSSIAN}|{_UKRAINIAN})\s+"
    rf"(?P<subject>[^,«»]+?)[.!]?$",
    re.IGNORECASE,
)
# ", что …", and ", что, по мнению Москвы, …" with an aside first.
_IN_VIEW = re.compile(r"^(?:по мнению|на думку)\s+(?P<who>[^,]{2,60}),\s*", re.IGNORECASE)
_THAT = re.compile(r",\s+(?:что|що)(?:\s+|,\s*)", re.IGNORECASE)
_COLON_PLAIN = re.compile(r"^\s*:\s+(?=[а-яёіїєґ])")
_COLON_QUOTE = re.compile(r"^[^«»“”:,.]{0,100}:\s*[«“\"](?P<inner>.+)[»”\"]")


_PRONOUNS = frozenset(["он", "она", "они", "він", "вона", "вони"])


# A described speaker: a pronoun or a post ("дипломат", "глава МИД", "пресс-секретарь"), who is
# then the speaker the paragraph is about; a body or a crowd ("в Кремле", "эксперты",
# "джерело в уряді") is not.
_PERSON_WORDS = re.compile(
    r"(?<![\w-])(?:он|она|він|вона|дипломат\w*|министр\w*|міністр\w*|глав\w*|очільни\w*|"
    r"керівни\w*|президент\w*|пресс?-секретар\w*|речни\w*|канцлер\w*|лидер\w*|лідер\w*|"
    r"представител\w*|представни\w*|помощни\w*|помічни\w*|посол\w*|генсек\w*|спи?кер\w*|"
    r"спікер\w*|премьер\w*|прем['’]єр\w*)(?![\w-])",
    re.IGNORECASE,
)


def _speaker_of(subject: str) -> str:
    """The subject a clause keeps: a name as it is; "" for a pronoun or a post, which stand
    for the paragraph's speaker; a body or a crowd as it is, so that no one's words are
    carried to it."""
    subject = _subject(subject)
    if _named(subject) or _DEPUTY.search(subject):
        # "— сказал замминистра": matched against the deputies named, not the paragraph's
        # speaker, who may be the minister.
        return subject
    return "" if _PERSON_WORDS.search(subject) else subject


_DEPUTY = re.compile(r"(?<![\w-])(?:замминистр|заместител|заступни)\w*", re.IGNORECASE)


def _named(subject: str) -> bool:
    """Whether a subject names someone (a capitalised word) rather than only describing
    them ("дипломат", "она"), who is then the speaker the paragraph is about. "Тоді ж у
    своєму Telegram-каналі він" ends with a pronoun: it describes."""
    words = subject.split()
    if words and words[-1].lower() in _PRONOUNS:
        return False
    if any(word.lower() in _PRONOUNS for word in words) and not any(
        CYRILLIC.match(word) and word[0].isupper() and word.lower() not in BODY_WORDS
        for word in words
        if word.lower() not in _PRONOUNS
    ):
        # "вона в четвер у соцмережі X": a pronoun, then when and where.
        return False
    return any(
        word[0].isupper()
        and not (len(word) > 1 and word.isupper())
        and word.lower() not in BODY_WORDS
        # "Дипломат отметил": a post opening the sentence, not a name; "Міністр заявив",
        # "Замминистра заявил" are matched against the posts of the people named.
        and not (_PERSON_WORDS.fullmatch(word) and not _POST_ONLY.fullmatch(word))
        for word in subject.split()
        if word[0].isalpha()
    )


def _trimmed(text: str, start: int) -> tuple[str, int]:
    stripped = text.strip().rstrip(".!").rstrip()
    return stripped, start + text.find(stripped)


def _group(match: re.Match, name: str, base: int) -> tuple[str, int]:
    """A group of a match on the text at ``base``, trimmed, and where it starts."""
    return _trimmed(match.group(name), base + match.start(name))


def read_sentence(text: str, base: int) -> list[Clause]:
    """The statements a Russian or Ukrainian sentence attributes (empty when none), each with
    the speaker whose words it relays, if any."""
    skip = strip_dateline(text)
    clauses = _read(text[skip:], base + skip)
    for clause in clauses:
        _find_original(clause)
    return clauses


# "Как сообщил в среду Дмитрий Песков, позиция Москвы …": who said it, then their words.
_AS_SAID = re.compile(
    rf"^(?:Как|Як)\s+(?:уже\s+|вже\s+)?(?P<verb>{_RUSSIAN}|{_UKRAINIAN})\s+"
    r"(?P<subject>(?:[^,«»]|«[^«»]*»)+?),\s+(?P<content>.+)$",
    re.IGNORECASE,
)


def _read(text: str, base: int) -> list[Clause]:
    if said := _AS_SAID.match(text):
        quote, start = _group(said, "content", base)
        # Titles in «…» ("в программе «Москва. Кремль. Путин»") name no speaker.
        subject = re.sub(r"«[^«»]*»", lambda title: " " * len(title.group()), said["subject"])
        # "Как заявил Лавров после встречи с Рубио, …": Lavrov, not Rubio.
        subject = _subject(subject.strip())
        if len(quote.split()) >= 3:
            return [
                Clause(
                    quote,
                    start,
                    subject=subject.strip(),
                    subject_start=base + said.start("subject"),
                    verb=said.group("verb"),
                    attribution=[(base, base + said.start("content"))],
                )
            ]
    if quoted := _QUOTED_THEN_VERB.match(text):
        raw = quoted.group("subject").strip()
        # "— подчеркнула она": the pronoun, to be matched by gender against those named.
        subject = _speaker_of(raw) or (raw if raw.lower() in _PRONOUNS else "")
        return [
            Clause(
                quoted.group("inner").rstrip(" ,"),
                base + quoted.start("inner"),
                subject=subject,
                subject_start=base + quoted.start("subject") + 1,
                verb=quoted.group("verb"),
                kind="quoted",
                attribution=[(base + quoted.end("inner") + 1, base + len(text))],
            )
        ]
    if words := _IN_WORDS.match(text):
        quote, start = _trimmed(text[words.end() :], base + words.end())
        whose = (words.group("whose") or "").strip()
        # "По словам дипломата, …": a post alone stands for the paragraph's speaker; not "по
        # словам американского дипломата", someone else.
        whose = _speaker_of(whose) if whose and len(whose.split()) == 1 else whose
        if len(quote.split()) < 3:
            return []
        inner = [c for c in _read(text[words.end() :], base + words.end()) if c.subject]
        if whose and not inner and (post := _POST_THAT.match(text[words.end() :])):
            # "По словам Пескова, президент считает, что …": the president's words, in the
            # spokesman's account.
            at = base + words.end() + post.start("content")
            quote, start = _trimmed(post.group("content"), at)
            if len(quote.split()) >= 3:
                return [
                    Clause(
                        quote,
                        start,
                        subject=whose,
                        subject_start=base + words.start("whose"),
                        verb=post.group("verb"),
                        kind="reported",
                        attribution=[(base, start)],
                        original=post.group("post"),
                        original_start=base + words.end(),
                        original_verb=post.group("verb"),
                    )
                ]
        if whose and inner and inner[0].kind != "stance":
            # "По словам Ушакова, Трамп заявил, что …": Trump's words, in Ushakov's account.
            clause = inner[0]
            clause.original, clause.original_start = clause.subject, clause.subject_start
            clause.original_verb = clause.verb
            clause.subject, clause.subject_start = whose, base + words.start("whose")
            clause.attribution = [(base, base + words.end()), *clause.attribution]
            return [clause]
        # "За його словами, вона запевнила, що …": she said it, in his account; who she is,
        # the editor decides.
        told = _TOLD_BY_PRONOUN.match(text[words.end() :])
        pronoun = (words.group("ru") or words.group("uk") or "").lower()
        another = told and _WHOSE_PRONOUN.get(pronoun) not in {None, told.group(1).lower()}
        return [
            Clause(
                quote,
                start,
                subject=whose,
                subject_start=base + (words.start("whose") if whose else 0),
                verb="по словам",
                kind="reported" if whose else "continuation",
                attribution=[(base, base + words.end())],
                unsure=bool(another),
            )
        ]
    if clause := _saying_after_deed(text, base):
        return [clause]
    for verb in VERB.finditer(text):
        before = text[: verb.start()]
        after = text[verb.end() :]
        if aside := _ASIDE.search(before):
            # "Путин, выступая на заседании клуба «Валдай», заявил": the aside left out.
            before = before[: aside.start()] + " " * (len(before) - aside.start())
        # "… в беседе со «Столичным курьером» заявил": a title, not words of anyone's.
        before = _TITLE.sub(lambda title: " " * len(title.group()), before)
        if before.rstrip().endswith(",") or any(c in before for c in '«»“”"'):
            continue
        subject = _subject(_AUX.sub("", before.rstrip()).strip())
        that = _THAT.search(after)
        # "написал в своем Telegram-канале: «…»": where, then a colon and the quotation.
        colon = _COLON_QUOTE.match(after)
        plain = _COLON_PLAIN.match(after)
        if that and not any(c in after[: that.start()] for c in ",«»"):
            content_at = verb.end() + that.end()
        elif colon:
            content_at = verb.end() + colon.start("inner")
        elif plain:
            # "Щодо виборів президент повторив: вони відбудуться тоді, «коли …»".
            content_at = verb.end() + plain.end()
        else:
            continue
        if not subject:
            continue
        quote, start = _trimmed(text[content_at:], base + content_at)
        if colon:
            quote = quote.rstrip('»”"').rstrip()
        if len(quote.split()) < 3:
            continue
        # A post the words before it reduced the subject to ("После встречи с Трампом
        # президент"): matched against the people named, not taken as the paragraph's speaker.
        post = subject != before.strip() and _POST_ONLY.fullmatch(subject)
        clause = Clause(
            quote,
            start,
            subject=subject if _named(subject) or post else "",
            subject_start=base + max(0, before.find(subject)),
            verb=verb.group("verb"),
            kind="reported" if _named(subject) or post else "continuation",
            attribution=[(base, base + content_at)],
        )
        if (view := _IN_VIEW.match(quote)) and _named(subject):
            # "Лавров заявил, что, по мнению американской стороны, …": whose view it is, as the
            # speaker relays it.
            clause.original = view.group("who")
            clause.original_start = start + view.start("who")
            clause.original_verb = "по мнению"
            clause.quote, clause.start = _trimmed(quote[view.end() :], start + view.end())
        relayed = _TRAILING.match(quote)
        if relayed and _named(relayed.group("subject")) and _named(subject):
            # "Путин … заявил, что …, сообщил во вторник Дмитрий Песков": Putin's words, as
            # Peskov reports them.
            clause.original, clause.original_start = clause.subject, clause.subject_start
            clause.original_verb = clause.verb
            clause.subject = relayed.group("subject").strip()
            clause.subject_start = start + relayed.start("subject")
            clause.verb = relayed.group("verb")
            clause.quote, clause.start = _trimmed(relayed.group("content"), start)
        return [clause]
    if trailing := _TRAILING.match(text):
        subject = trailing.group("subject").strip()
        content, start = _trimmed(trailing.group("content"), base)
        # "…, — заявил пресс-секретарь президента Дмитрий Песков"; "…, считает глава МИД",
        # someone described, is the paragraph's speaker.
        if len(content.split()) >= 3 and len(subject.split()) <= 14:
            subject = _speaker_of(subject)
            return [
                Clause(
                    content,
                    start,
                    subject=subject,
                    subject_start=base + trailing.start("subject"),
                    verb=trailing.group("verb"),
                    kind="reported" if subject else "continuation",
                    attribution=[(base + trailing.end("content"), base + len(text))],
                )
            ]
    inserted = _INSERTED.match(text)
    if inserted and not _PERSONAL_HEAD.fullmatch(inserted["head"]):
        # "Россия, подчеркнула Захарова, рассчитывает на …": the words after the aside; not
        # "Лавров, напомнил Песков, …" (Lavrov's words) nor "…, сообщил Ушаков, и обсудил …".
        raw = inserted.group("subject").strip()
        subject = _speaker_of(raw)
        content, start = _group(inserted, "content", base)
        if _GERUND_START.match(content):
            # "Москва не доверяет …, заявил Песков, комментируя слова …": the words before.
            content, start = _trimmed(inserted.group("head"), base)
        # "…, добавил помощник президента, …", "…, добавила она, …": the post or the
        # pronoun, for the attribution to match against the people named (and their gender).
        described = not subject and _PERSON_WORDS.match(raw)
        if (subject or described) and len(content.split()) >= 3 and not _JOINED_VERB.match(content):
            return [
                Clause(
                    content,
                    start,
                    subject=subject or raw,
                    subject_start=base + inserted.start("subject"),
                    verb=inserted.group("verb"),
                    attribution=[(base + inserted.start("verb"), start)],
                )
            ]
    aside = _IN_WORDS_ASIDE.match(text)
    if (
        aside
        and len(aside["content"].split()) >= 3
        # "Президент, по его словам, готов …": the president's stance, as the speaker relays it.
        and not _PERSON_WORDS.search(aside["head"])
        and not _SURNAME_END.search(aside["head"])
    ):
        # "Запорожская АЭС, по его словам, «находится под российским контролем»": the words
        # after the aside, the paragraph's speaker's.
        content, start = _group(aside, "content", base)
        whose = _WHOSE_PRONOUN[aside.group("aside").split()[1].lower()]
        return [
            Clause(
                content,
                start,
                subject=whose,
                subject_start=base + aside.start("aside"),
                verb="по словам",
                attribution=[(base + aside.start("aside"), start)],
            )
        ]
    if declared := _DECLARED.match(text):
        # "Зеленський вкотре заявив про готовність зустрітися з …": the stance declared.
        subject = _subject(declared.group("subject").strip())
        content, start = _group(declared, "content", base)
        if _named(subject) and len(content.split()) >= 3:
            return [
                Clause(
                    content,
                    start,
                    subject=subject,
                    subject_start=base + declared.start("subject"),
                    verb=declared.group("verb"),
                    kind="stance",
                    attribution=[(base, start)],
                )
            ]
    return _stances(text, base)


# "Она вновь поставила под сомнение …, заявив, что …": a deed, then, in a gerund, the words.
_SAYING_GERUND = re.compile(
    r",\s+(?P<verb>(?:заяви|подчеркну|отмети|добави|указа|напомни|поясни)в|"
    r"(?:заяви|наголоси|зазначи|підкресли|нагада|дода|поясни)вши),\s+(?:что|що)\s+",
    re.IGNORECASE,
)


# Who did it: a name in capitals or a pronoun, then a verb in the past ("провел", "відвідала").
_DEED = re.compile(
    r"^(?P<subject>(?-i:[А-ЯЁІЇЄҐ])[\w'’-]*(?:\s+(?-i:[А-ЯЁІЇЄҐ])[\w'’-]*){0,5})"
    r"(?:\s+(?:также|тоже|вновь|ещё раз|еще раз|також|знову|вкотре))?"
    r"\s+(?-i:[а-яёіїєґ]+(?:л|ла|ли|в|ув|ав|ив))(?:ся|сь)?\s",
    re.IGNORECASE,
)


# After the deed's verb, a name (the object came first: "Трампа раскритиковал Макрон"), or a
# second clause with a subject of its own ("…, а Путин …").
_INVERTED = re.compile(r"(?-i:[А-ЯЁІЇЄҐ])|[^,]*\s(?:а|и|і|й|та|но|але)\s+(?-i:[А-ЯЁІЇЄҐ])")


def _saying_after_deed(text: str, base: int) -> Clause | None:
    """The words after "…, заявив, что …", given to whoever did the deed before them."""
    said = _SAYING_GERUND.search(text)
    if said is None or any(mark in text[: said.start()] for mark in '«»“”"'):
        return None
    head = text[: said.start()]
    deed = _DEED.match(head)
    # One clause, its subject first: not "…, который …", "…, а Путин …", nor "Трампа
    # раскритиковал Макрон" (the object first).
    if deed is None or "," in head or _INVERTED.match(head, deed.end()):
        return None
    subject = deed.group("subject")
    named = _named(subject)
    if not (named or subject.lower() in _PRONOUNS):
        return None
    content, start = _trimmed(text[said.end() :], base + said.end())
    if len(content.split()) < 3:
        return None
    return Clause(
        content,
        start,
        subject=subject if named else "",
        subject_start=base,
        verb=said.group("verb"),
        kind="reported" if named else "continuation",
        attribution=[(base, start)],
    )


# "Зеленський заявив про готовність …", "Лавров заявил о недопустимости …": a stance declared
# as a noun (readiness, refusal, support) after "про", "о".
_DECLARED = re.compile(
    r"^(?P<subject>[^«»,]{2,80}?)\s+(?:(?:вкотре|знову|ещё раз|еще раз|вновь|також|также|"
    r"повторно)\s+)?(?P<verb>заяви\w*|наголоси\w*|подтверди\w*|підтверди\w*)\s+(?:про|о|об)\s+"
    r"(?P<content>(?:готовн|намер|намір|необходим|необхідн|неприемлем|неприйнятн|недопустим|"
    r"отказ|відмов|поддержк|підтримк|согласи|згод)\w*\s.+?)[.!]?$",
    re.IGNORECASE,
)


# "…, по его словам, …", "…, за її словами, …": whose words, between commas.
_IN_WORDS_ASIDE = re.compile(
    r"^(?P<head>[^,«»]{2,80}),\s+(?P<aside>по\s+(?:его|ее|её|их)\s+словам|"
    r"за\s+(?:його|її|їхніми)\s+словами),\s+(?P<content>.+?)[.!]?$",
    re.IGNORECASE,
)
_TOLD_BY_PRONOUN = re.compile(
    rf"(он|она|они|він|вона|вони)\s+(?:(?:также|тоже|також|вновь|знову)\s+)?"
    rf"(?:{_RUSSIAN}|{_UKRAINIAN}|заверил\w*|запевни\w*)(?![\w-])",
    re.IGNORECASE,
)
# "по её словам": whose words, as the pronoun for them.
_WHOSE_PRONOUN = {
    "его": "он", "ее": "она", "её": "она", "их": "они",
    "його": "він", "її": "вона", "їхніми": "вони",
}  # fmt: skip
# A head that names a person ("Лавров", "Сергей Лавров"), whose words the rest may be.
_PERSONAL_HEAD = re.compile(
    r"(?-i:[А-ЯЁІЇЄҐ])[\w'’-]+(?:\s+(?-i:[А-ЯЁІЇЄҐ])[\w'’-]+)+|"
    r"(?-i:[А-ЯЁІЇЄҐ])[\w'’-]*(?:ов|ев|ёв|ин|ын|ский|цкий|ко|ук|юк|ич|енко|ова|ева|ина|ская)"
)
# A head ending in a surname ("Сергей Лавров", "Зеленський"), not a thing ("Запорожская АЭС").
_SURNAME_END = re.compile(
    r"(?-i:[А-ЯЁІЇЄҐ])[\w'’-]*(?:ов|ев|ёв|ин|ын|ский|ський|цкий|ко|ук|юк|ич|ова|ева|ина|ская)$"
)
# "комментируя слова …", "відповідаючи на …": a gerund's clause, not a statement.
_GERUND_START = re.compile(
    r"^(?![\w'’-]+ть?ся\s)[\w'’-]+(?:я|ясь|учи|ючи|учись|ючись|[иаеуя]в|[иаеуя]вши|[иаеуя]вшись)\s",
    re.I,
)
# "и обсудил с ним …": another's next deed, joined on.
_JOINED_VERB = re.compile(r"^(?:и|і|й|та|а)\s", re.I)
# "Россия, подчеркнула Захарова, рассчитывает …": an attribution set between two commas.
_INSERTED = re.compile(
    rf"^(?P<head>[^,«»]{{2,60}}),\s+(?P<verb>{_RUSSIAN}|{_UKRAINIAN})\s+"
    r"(?P<subject>[^,«»]{2,60}?),\s+(?P<content>.+?)[.!]?$",
    re.IGNORECASE,
)


# ", выступая на заседании клуба «Валдай», ", ", в свою очередь, ": an aside between a
# named subject and its verb.
_ASIDE = re.compile(
    r"(?<=[\w»]),\s+(?:в свою очередь|со своей стороны|в свою чергу|зі свого боку|"
    r"(?:выступая|говоря|отвечая|комментируя|находясь|виступаючи|відповідаючи|коментуючи|"
    r"перебуваючи|"
    # Any gerund or participle: "вылетая в четверг из Внуково", "участвовавший во встрече".
    r"[а-яёіїєґ]+(?:ая|яя|ясь|вшись|вший|вшая|вшие|ючи|учи)|"
    r"[а-яёіїєґ]+(?:вший|вшая|вшие|ющий|ющая|ющие|ящий|ящая)(?:ся)?|"
    # A passive participle: "в интервью «Известиям», опубликованном в среду".
    r"[а-яёіїєґ]+(?:ованн|анн|енн|ован)(?:ом|ой|ого|ому|ым|им|ій)|"
    # When, in a phrase: "в среду вечером, после разговора с Лавровым, сообщил".
    r"после|перед|во время|в ходе|по итогам|після|під час|за підсумками)"
    r"\s[^,]*?(?:[«\"][^«»\"]*[»\"][^,]*?)?)\s*,\s*$",
    re.IGNORECASE,
)


# Where a subject's words about the occasion begin: "Хакан Фідан під час розмови з Андрієм
# Сибігою підтвердив": the one in conversation with him is not the speaker.
_OCCASION_WORDS = re.compile(
    r"\s(?:під час|у ході|в ході|в ходе|во время|у розмові|в разговоре|на зустрічі|на встрече|"
    r"в интервью|в інтерв['’]ю|в ответ на|у відповідь на|в беседе|в комментарии|у коментарі|"
    r"(?:з|із|зі|с|со)\s+(?-i:[А-ЯЁІЇЄҐ]))",
    re.IGNORECASE,
)


_LINKING = re.compile(
    r"^(?:При этом|Вместе с тем|Однако|Также|Кроме того|Тем временем|Водночас|Втім|Проте|"
    r"Однак|Також|Крім того|Натомість|Між тим)\s*,?\s+",
    re.IGNORECASE,
)
# "…, который накануне выступил в Раде и": the verbs are the relative clause's.
_RELATIVE = re.compile(r"(?<![\w-])(?:котор|як)(?:ый|ая|ое|ые|ий|а|е|і)(?![\w-])", re.I)
_AND_END = re.compile(r"\s(?:і|и|й|та|а также|а також)$", re.IGNORECASE)
# A past-tense verb: "подякував", "поблагодарил", "зустрілася".
_PAST_VERB = re.compile(
    # Long enough not to be a noun in the genitive ("справ", "держав", "переговорів").
    r"(?<![\w-])(?-i:[а-яёіїєґ'’]{5,})(?:ав|ив|ув|яв|ал|ил|ел|ял|ула|ала|ила|яла|ела)"
    r"(?:ся|сь)?(?![\w-])"
)
_NEGATION = re.compile(r"\s+(?:не|ні)$", re.IGNORECASE)
_TOPIC_FIRST = re.compile(
    r"^(?:Щодо|Стосовно|Про|Относительно|Касательно|Что касается|О|Об)\s+[^\s,]+\s*,?\s+", re.I
)
_AFTER_EVENT = re.compile(
    r"^(?:Після|После|По итогам|За підсумками|Под час|Під час|Во время|В ходе|У ході)\s", re.I
)
_ASKED_ABOUT = re.compile(r"^(?:на вопрос|на запитання|в ответ на|у відповідь на)\b", re.I)
# "Комментируя заявления …, пресс-секретарь подчеркнул": a clause opening with a gerund.
_GERUND = re.compile(
    r"^(?:Комментируя|Отвечая|Выступая|Говоря|Касаясь|Подчеркивая|Отмечая|Оценивая|"
    r"[А-ЯЁІЇЄҐ][\w'’-]*(?:ючи|учи|ючись|учись))\s"
)


_AFTER_GERUND = re.compile(
    r",\s+(?=(?:отвечая|говоря|комментируя|выступая|відповідаючи|коментуючи|виступаючи|"
    r"[а-яёіїєґ]+(?:ючи|учи|вшись))\b)",
    re.IGNORECASE,
)
_RECALLING = re.compile(
    r"^(?:Нагадаємо|Нагадаю|Напомним|Напомню|Раніше|Ранее|Тим часом|Тем временем|Крім того|"
    r"Кроме того|Окремо|Отдельно)\b\s*,?\s*"
)


_NEXT_CLAUSE = re.compile(
    r",\s+(?:а|и|і|й|та|но|але|тогда как|тоді як)\s+(?=(?-i:[А-ЯЁІЇЄҐ]))", re.IGNORECASE
)


def _subject(words: str) -> str:
    """The subject of a verb, without a participle's clause before it ("Комментируя …,
    пресс-секретарь") or the occasion after the name."""
    # "Нагадаємо, 21 жовтня … Зеленський": a reminder to the reader, not who spoke.
    words = _RECALLING.sub("", words)
    # "Трамп встретился с Зеленским, а Путин": the subject of the second clause.
    if joined := list(_NEXT_CLAUSE.finditer(words)):
        words = words[joined[-1].end() :]
    # "При этом он не исключил …": a linking word before the subject, a "не" after it.
    words = _NEGATION.sub("", _LINKING.sub("", words))
    if _AND_END.search(words) and not _RELATIVE.search(words):
        # "Він також подякував Анкарі за посередництво … і висловив": the subject of both
        # verbs, before the first: after a name or a pronoun ("Автор мирних ініціатив
        # міністр Андрій Сибіга прибув … і" is cut at "прибув", not at "ініціатив").
        deeds = sorted(
            [*_PAST_VERB.finditer(words), *VERB.finditer(words), *STANCE_VERB.finditer(words)],
            key=lambda deed: deed.start(),
        )
        for deed in deeds:
            head = _AUX.sub("", words[: deed.start()].rstrip())
            last = head.split()[-1] if head.split() else ""
            if last[:1].isupper() or last.lower() in _PRONOUNS:
                words = head
                break
    words = words.strip()
    # "министр, отвечая на вопрос о планах Лондона …": what he answered, not who he is;
    # "В четверг, отвечая на вопросы журналистов, Ушаков": the subject after the aside.
    head, *aside = _AFTER_GERUND.split(words, maxsplit=1)
    if aside:
        words = f"{head} {aside[0].rsplit(',', 1)[-1].strip()}" if "," in aside[0] else head
    if _GERUND.match(words):
        words = words.rsplit(",", 1)[-1].strip()
    if topic := _TOPIC_FIRST.match(words):
        # "Щодо виборів президент": what the words are about, then who said them.
        rest = words[topic.end() :]
        if posts := list(_PERSON_WORDS.finditer(rest)):
            words = rest[posts[-1].start() :]
        elif _named(rest):
            words = rest
    if _AFTER_EVENT.match(words) and (posts := list(_PERSON_WORDS.finditer(words))):
        # "Після переговорів з Хаканом Фіданом у четвер глава МЗС": who spoke after them.
        words = words[posts[-1].start() :]
    if _ASKED_ABOUT.match(words) and (posts := list(_PERSON_WORDS.finditer(words))):
        # "На вопрос о встрече Владимира Путина … представитель Кремля ответил": the one
        # who answered, not those the question was about.
        words = words[posts[-1].start() :]
    if (cut := _OCCASION_WORDS.search(words)) and _named(words[: cut.start()]):
        words = words[: cut.start()]
    if (own := _IN_OWN.search(words)) and _SURNAME_END.search(words[: own.start()]):
        # "Леонид Слуцкий в своём Telegram-канале": where the words were posted; not "Тоді ж
        # у своєму Telegram-каналі він".
        words = words[: own.start()]
    return words


_IN_OWN = re.compile(r"\s(?:в|у)\s+(?:своём|своем|своєму|своему)\s", re.IGNORECASE)


# A post and nothing else: "президент", "глава МЗС".
_POST_ONLY = re.compile(
    r"(?:президент|министр|міністр|глава|голова|очільни|керівни|канцлер|премьер|прем['’]єр)\w*"
    r"(?:\s+(?:МИД|МЗС|РФ|України|России|государства|держави))?",
    re.IGNORECASE,
)
_POST_THAT = re.compile(
    rf"^(?P<post>(?:президент|глава государства|глава держави|министр|міністр|премьер|"
    rf"прем['’]єр)\w*)\s+(?P<verb>{_RUSSIAN}|{_UKRAINIAN}),?\s+(?:что|що)\s+(?P<content>.+?)[.!]?$",
    re.IGNORECASE,
)
_ENDS_WITH_PRONOUN = re.compile(r"\s(?:он|она|він|вона)\s*$", re.IGNORECASE)


def _stances(text: str, base: int) -> list[Clause]:
    """ "Захарова назвала планы … «воровством»", "Рубио … допустил смягчение санкций, однако
    исключил их отмену": each stance from its verb on, the subject before the first verb."""
    verbs = list(STANCE_VERB.finditer(text))
    if not verbs:
        return []
    before = text[: verbs[0].start()]
    # "Марко Рубио, выступая в комитете, допустил …": the aside after the name is not his.
    subject = _subject(before.strip()).split(",")[0].strip()
    # Quotation marks in a gerund's clause before the subject ("Отвечая на вопрос
    # корреспондента «Вестника», Песков назвал …") are not the subject's.
    if _ENDS_WITH_PRONOUN.search(_NEGATION.sub("", before.rstrip())) and not any(
        c in before for c in '«»“”"'
    ):
        # "Использование … активов в пользу Киева он назвал «воровством»": the object
        # first, then the pronoun, matched against the people named (and their gender).
        subject = _ENDS_WITH_PRONOUN.search(_NEGATION.sub("", before.rstrip())).group().strip()
    elif not _named(subject) or any(c in subject for c in '«»“”"'):
        return []
    clauses = []
    for number, verb in enumerate(verbs):
        end = verbs[number + 1].start() if number + 1 < len(verbs) else len(text)
        piece = _JOINED.sub("", text[verb.start() : end])
        quote, start = _trimmed(piece, base + verb.start())
        if len(quote.split()) < 3:
            continue
        clauses.append(
            Clause(
                quote,
                start,
                subject=subject,
                subject_start=base + before.find(subject),
                verb=verb.group("verb"),
                kind="stance",
                attribution=[(base, base + verbs[0].start())],
            )
        )
    return clauses


# The word that joins two stances ("…, однако исключил …", "… и пообещала …").
_JOINED = re.compile(r"[,;\s]*(?:\b(?:однако|но|и|а|але|та|і|й|проте)\s*)?$", re.IGNORECASE)


def _find_original(clause: Clause) -> None:
    """Words another said first, inside what a speaker reports: "По словам Ушакова, Трамп
    заявил, что …", "Российский лидер также предложил …, добавил Ушаков"."""
    if clause.kind not in {"reported", "quoted", "continuation"} or clause.original:
        return
    if clause.kind == "reported" and (wanting := _WANTING.match(clause.quote)):
        # "Лавров ответил, что президент России по-прежнему готов к ней": what another of
        # the side is ready for, in the speaker's account.
        clause.original = wanting.group("who")
        clause.original_start = clause.start + wanting.start("who")
        clause.original_verb = wanting.group("verb").lower()
        return
    match = _ORIGINAL.match(clause.quote) or _ORIGINAL_WHERE.match(clause.quote)
    if not match or "," in match.group("lead") and not _THAT_AFTER.search(match.group("lead")):
        return
    clause.original = match.group("who")
    clause.original_start = clause.start + match.start("who")
    clause.original_verb = match.group("verb")
    rest = clause.quote[match.end() :]
    if colon := re.match(r"^(?:\s+[\w'’-]+)?\s*:\s*", rest):
        # «Президент сказав чітко: він готовий …»: the words after the colon.
        inner, at = _trimmed(rest[colon.end() :], clause.start + match.end() + colon.end())
        clause.quote, clause.start = inner, at
        return
    that = _THAT.search(rest)
    if VERB.fullmatch(match.group("verb")) and that and "«" not in rest[: that.start()]:
        # "Трамп запевнив українського президента, що США …": the words after "що".
        inner, at = _trimmed(rest[that.end() :], clause.start + match.end() + that.end())
        if len(inner.split()) >= 3:
            clause.quote, clause.start = inner, at


_TITLE = re.compile(r"(?<=[а-яёіїєґ]\s)«[^«»]{1,60}»")
_THAT_AFTER = re.compile(r",\s+(?:что|що)\s+$", re.IGNORECASE)
_WANTING = re.compile(
    # A post, or a person's first name and surname: not "Россия готова", "Мы готовы".
    r"^(?P<who>(?:президент|глава государства|глава держави)(?:\s+(?-i:[А-ЯЁІЇЄҐ])[\w'’-]*)?|"
    r"(?-i:[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+\s+[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+))\s+"
    r"(?:(?:по-прежнему|всё ещё|все ещё|все еще|як і раніше|досі|также|також)\s+)?"
    r"(?P<verb>готов|готова|готовы|готовий|готові|открыт|відкритий|хочет|хоче)(?![\w-])",
    re.IGNORECASE,
)


def about_this(previous, sentence) -> Clause | None:
    """ "Россия не допустит … . Об этом заявила Мария Захарова.": the sentence before is the
    statement, this one attributes it."""
    match = ABOUT_THIS.match(sentence.text)
    if not match:
        return None
    quote, start = _trimmed(previous.text, previous.start)
    if len(quote.split()) < 3:
        return None
    rest = match.group("rest")
    original = ""
    if relaying := _RELAYING.search(rest):
        # "Про це повідомив речник Никифоров, переказавши слова глави держави": the words
        # were the one the statement names first.
        rest = rest[: relaying.start()].rstrip(" ,")
        opening = re.match(r"^(?:[А-ЯЁІЇЄҐ][\w'’-]*\s+)+", quote)
        original = opening.group().strip() if opening else ""
    subject, subject_at = _subject(rest), match.start("rest")
    pre = match.group("pre").strip()
    # Not "Об этом в беседе с Трампом заявила Захарова": a circumstance, not who.
    circumstance = re.match(r"(?i)(?:в|во|на|с|со|з|із|у|під|після|после|по|при|перед)\s", pre)
    if not circumstance and _named(_subject(pre)):
        # "Про це Президент України Володимир Зеленський сказав під час пресконференції з
        # канцлером …": the subject first, and whom he met after the verb.
        subject, subject_at = _subject(match.group("pre").strip()), match.start("pre")
    return Clause(
        quote,
        start,
        subject=subject,
        subject_start=sentence.start + subject_at,
        verb=match.group("verb"),
        attribution=[(sentence.start, sentence.end)],
        original=original,
        original_start=start,
        original_verb=match.group("verb") if original else "",
    )
