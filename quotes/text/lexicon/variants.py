"""Word lists of the variants stage: comparing renderings of a quote and reading drift off a diff.

General English function words and the words whose change alters a claim (negators, numbers,
modals, qualifiers). Moved here from ``normalize`` and ``drift`` so that each list has one home.
"""

from __future__ import annotations

STOPWORDS = frozenset(
    """
    a an the and or but nor so yet if then than as of at by for from in into on onto to with within without
    about above after against along among around before behind below beneath beside between beyond during
    except inside near off out outside over past since through throughout till toward towards under until
    up upon via this that these those there here it its itself i me my mine myself we us our ours ourselves
    you your yours yourself yourselves he him his himself she her hers herself they them their theirs
    themselves who whom whose which what when where why how whether while also too very just
    is am are was were be been being have has had having do does did doing will would shall should can could
    may might must not no never none nothing nobody neither noone nowhere all any both each every either
    other another such same own some more most many much few less least only one ones s t
    said says say told tell according
    """.split()
)
"""Function words: never used as evidence that two renderings share content (blocking, IDF)."""

NEGATIONS = frozenset(
    "not no never none nothing nobody neither nor nowhere noone without cannot".split()
)
"""Words that negate a clause; a change in their count is always a drift reason."""

QUALIFIERS = frozenset(
    """
    fully completely totally entirely wholly absolutely utterly thoroughly perfectly quite rather very extremely
    highly deeply strongly greatly hugely vastly seriously gravely severely badly clearly obviously evidently
    certainly definitely surely undoubtedly unquestionably indisputably really truly genuinely actually indeed
    largely mostly mainly partly partially somewhat slightly barely hardly scarcely merely simply just only
    even almost nearly virtually practically essentially basically probably possibly perhaps maybe likely
    unlikely presumably apparently allegedly reportedly supposedly seemingly potentially
    always often usually sometimes occasionally rarely seldom ever forever
    so too much far way incredibly enormously extraordinarily exceptionally particularly especially
    full complete total entire whole utter sheer absolute real true clear definite certain
    major minor significant huge massive serious grave severe
    """.split()
)
"""Intensifiers, hedges and degree words: dropping or adding one changes the strength of a claim."""

HEDGES = frozenset(
    """
    somewhat slightly partly partially barely hardly scarcely merely almost nearly virtually practically
    probably possibly perhaps maybe likely unlikely presumably apparently allegedly reportedly supposedly
    seemingly potentially sometimes occasionally rarely seldom rather minor
    """.split()
)
"""The qualifiers that weaken a claim; the other :data:`QUALIFIERS` strengthen it. Swapping one
qualifier for another of the same kind ("fully" → "completely") is not drift."""

SUPERLATIVES = frozenset(
    """
    best worst most least biggest largest greatest highest lowest hardest heaviest strongest weakest toughest
    deepest gravest darkest brightest longest shortest fastest slowest oldest newest latest earliest closest
    nearest farthest furthest richest poorest safest bravest finest cruellest cruelest harshest fiercest
    bloodiest deadliest costliest happiest saddest easiest simplest clearest surest truest widest
    """.split()
)
"""Superlatives ("the hardest winter", "the most difficult"; ``most``/``least`` make one of the next
word): the top of a scale, stronger than the plain adjective and than "one of the …"."""

MODALS = frozenset("will would shall should can could may might must ought".split())

MODAL_CLASSES = {"will": "future", "shall": "future", "would": "conditional", "can": "ability", "could": "possibility",
                 "may": "possibility", "might": "possibility", "must": "obligation", "should": "advice", "ought": "advice"}
"""Modals that translators swap freely (shall/will, may/might) share a class; only a change of class
(will → would, can → could, must → should) changes what was said."""

NEGATED_MODAL_CLASSES = {**MODAL_CLASSES, "will": "refusal", "shall": "refusal", "would": "refusal", "can": "refusal",
                         "could": "refusal"}
"""Modal classes under a negation: "cannot", "will not", "won't" and "would not" all say a thing
will not happen (translators use them for one another); "must not" and "may not" still differ."""

QUANTIFIERS = frozenset(
    "all some most many few several each every both half any more less fewer dozen dozens hundreds thousands millions billions".split()
)
"""Words of quantity; one swapped for another (all → some) is a change of number."""

NUMBER_WORDS = frozenset(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million
    billion trillion first second third fourth fifth sixth seventh eighth ninth tenth once twice percent
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    """.split()
) - {"may", "march", "second", "one"}  # too often not a number or date ("the strongest one")
"""Number words, ordinals, months and days: a change of one is a change of quantity or date."""

NUMBER_VALUES: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
"""Values of the number words below a hundred ("three hundred" is read as 3 × 100)."""

NUMBER_SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}

SCALE_ABBREVIATIONS: dict[str, str] = {"bn": "billion", "bln": "billion", "tn": "trillion", "trn": "trillion"}
"""Scale suffixes the press writes on a number ("$1.5bn", "€3tn"): read as the scale word wherever
they stand, since no unit is written so."""

CURRENCY_SCALE_ABBREVIATIONS: dict[str, str] = {"m": "million", "mn": "million", "k": "thousand"}
"""Scale suffixes read as the scale word only right after a currency sign ("£20m", "$5k"): alone,
"10m" may be ten metres."""

CURRENCY_SIGNS: frozenset[str] = frozenset("$£€¥₹")
"""Signs before an amount that make "m" and "k" scale suffixes (:data:`CURRENCY_SCALE_ABBREVIATIONS`)."""

PAST_AUX = frozenset("was were had did".split())
PRESENT_AUX = frozenset("is are am has have do does".split())
"""Auxiliaries whose swap (is → was) changes the tense of a claim."""

PRO_FORMS = frozenset("one ones who whom which that this these those it they them he him she her we us you what such".split())
"""Words that stand for a phrase said elsewhere ("the strongman in any dispute" / "the one who"):
a stretch replaced by them is referred to, not cut."""

CLAUSE_CHANGERS = frozenset("but unless if although though except only yet whereas however".split())
"""Conjunctions that, added or cut inside a quote, change the claim's conditions."""

NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "a")
"""possible / impossible, legal / illegal, agree / disagree."""

NOT_PERSON_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow pm".split())
"""Words an attribution can leave in a speaker slot that never name a person (a weekday, "PM")."""

SENTENCE_ABBREVIATIONS = frozenset("mr mrs ms dr st gen sen rep prof gov lt col capt sgt no vs jr sr mt ft".split())
"""Abbreviations after whose full stop a sentence does not end ("Mr. Putin")."""

STEM_SUFFIXES = ("ings", "ing", "ions", "ion", "ments", "ment", "ness", "ies", "ied", "ous", "ful", "ly", "ed", "es", "er", "s", "e", "y")
"""Inflectional and derivational endings the crude stemmer of :mod:`quotes.variants.units` strips."""
