"""The words of the negotiations in Russian and Ukrainian, by stem, with their English, so that
topics are suggested for statements in those languages from the record's English wording.

A word is looked up by its longest stem in the table. Stems of three letters or fewer, and
those marked with "$", match a whole word only ("сша", "єс", "крим$" but not "кримінал").
The table is small on purpose: the terms that name the topics, not a dictionary.
"""

import re

# Stem (Russian or Ukrainian, lower case) → English words.
_TERMS = {
    # ceasefire, truce, strikes
    "перемири": "ceasefire truce",
    "прекращени": "ceasefire",
    "припиненн": "ceasefire",
    "тишин": "ceasefire",
    "тиша": "ceasefire",
    "тиші": "ceasefire",
    "энергетик": "energy",
    "енергетик": "energy",
    "энергообъект": "energy infrastructure",
    "инфраструктур": "infrastructure",
    "інфраструктур": "infrastructure",
    "удар": "strikes",
    # the Black Sea
    "черноморск": "black sea",
    "чорноморськ": "black sea",
    "судоходств": "shipping",
    "судноплавств": "shipping",
    "навигаци": "navigation",
    "навігаці": "navigation",
    # territory and the front line
    "территори": "territory",
    "територі": "territory",
    "оккупированн": "territory",
    "окупован": "territory",
    "донбас": "donbas",
    "донецк": "donetsk",
    "донецьк": "donetsk",
    "донеччин": "donetsk",
    "луганск": "luhansk",
    "луганськ": "luhansk",
    "вывод": "withdraws",
    "вывест": "withdraws",
    "вывед": "withdraws",
    "виведенн": "withdraws",
    "вивест": "withdraws",
    "вивед": "withdraws",
    "войск": "forces",
    "війсь": "forces",
    "крым": "crimea",
    "крим$": "crimea",
    "криму$": "crimea",
    "соприкосновени": "contact line",
    "зіткненн": "contact line",
    "фронт": "front line",
    "заморозит": "freezing",
    "заморозк": "freezing",
    "заморожуванн": "freezing",
    "запорожск": "zaporizhzhia",
    "запорізьк": "zaporizhzhia",
    "аэс": "nuclear plant",
    "аес": "nuclear plant",
    # sanctions and assets
    "санкци": "sanctions",
    "санкці": "sanctions",
    "смягчени": "eased",
    "пом'якшенн": "eased",
    "помʼякшенн": "eased",
    "пом’якшенн": "eased",
    "заморожен": "frozen",
    "активы": "assets",
    "активов": "assets",
    "активам": "assets",
    "активах": "assets",
    "активи": "assets",
    "активів": "assets",
    # leaders, elections, the army
    "встреч": "meeting",
    "зустріч": "meeting",
    "выбор": "elections",
    "вибор": "elections",
    "арми": "army",
    "армі": "army",
    "численност": "size",
    "чисельн": "size",
    # prisoners
    "пленн": "prisoners",
    "полонен": "prisoners",
    "военнопленн": "prisoners",
    "військовополонен": "prisoners",
    "обмен": "exchange",
    "обмін": "exchange",
    # forces and guarantees
    "миротвор": "peacekeepers force",
    "контингент": "force",
    "гаранти": "guarantees",
    "гаранті": "guarantees",
    "безопасност": "security",
    "безпек": "security",
    "нато": "nato",
    "сша": "united states",
    "американск": "american",
    "американськ": "american",
    # Europe, the EU, the talks
    "евросоюз": "european union",
    "єс": "european union",
    "ес": "european union",
    "вступ": "joins",
    "членств": "membership",
    "европейск": "european",
    "європейськ": "european",
    "европ": "europe",
    "європ": "europe",
    "переговор": "negotiations",
    "первопричин": "root causes",
    "коренн": "root causes",
    "глибинн": "root causes",
    "нейтралитет": "neutrality",
    "нейтральн": "neutrality",
    "нейтралітет": "neutrality",
}
_BY_LENGTH = sorted(_TERMS, key=len, reverse=True)
_WHOLE = {stem: stem.rstrip("$") for stem in _TERMS if stem.endswith("$") or len(stem) <= 3}
_CYRILLIC_WORD = re.compile(r"[а-яёіїєґ'’ʼ]+")


def english(text: str) -> str:
    """The English of the glossary's words in ``text``, in their order; other words are left
    out."""
    found = []
    for word in _CYRILLIC_WORD.findall(text.lower()):
        for stem in _BY_LENGTH:
            if word == _WHOLE[stem] if stem in _WHOLE else word.startswith(stem):
                found.append(_TERMS[stem])
                break
    return " ".join(found)
