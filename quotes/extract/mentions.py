"""Who is mentioned where: names, pronouns and epithets, and the people they refer to.

Mentions come from the reporter's text only (words inside quotation marks never name a
speaker). Names are grouped into :class:`Referent` people/organisations and canonicalised to the
fullest name the article uses ("Mr Kim", "Kim" → "Kim Jong Un"). Where the engine produced
named entities they decide whether a name is a person, a place or an organisation; otherwise
titles and roles around the name do ("leader Kim Jong Un", "Mr Trump").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, NamedTuple, Optional

from quotes.annotate.document import Token
from quotes.extract.textview import DocumentLayout, TextView
from quotes.text.names import name_key
from quotes.text.lexicon import (
    ABBREVIATED_MONTHS,
    ABBREVIATED_RANKS,
    AFFILIATION_WORDS,
    AUX_AND_ADVERBS,
    COMPLEMENT_ROLES,
    DATE_WORDS,
    DOCUMENT_WORDS,
    FEMALE_FIRST_NAMES,
    FEMALE_WORDS,
    FOLLOWER_GROUPS,
    FUNCTION_WORDS,
    GROUP_PRONOUNS,
    HEAD_OF_STATE_ROLES,
    HONORIFICS,
    INDEFINITE_SPEAKERS,
    IRREGULAR_PASTS,
    LINK_WORDS,
    MALE_FIRST_NAMES,
    MALE_WORDS,
    MEDIA_WORDS,
    MODIFIER_HEADS,
    MODIFIER_PREFIXES,
    MONTH_PREPOSITIONS,
    NAME_PARTICLES,
    NEWS_OUTLETS,
    OBJECT_OPENERS,
    OFFICE_PORTFOLIOS,
    ORG_HEADS,
    ORGANISATION_LINKS,
    PARTY_MEMBER_WORDS,
    PERIOD_NOUNS,
    PERSON_PRONOUNS,
    PLACE_NAMES,
    PREPOSITIONAL_PARTICIPLES,
    PREPOSITIONS,
    ROLE_WORDS,
    SPEAKING_GROUPS,
    SPEECH_NOUNS,
    STYLES_OF_ADDRESS,
    SUBORDINATORS,
    SURNAME_HONORIFICS,
    TITLES,
    UNNAMED_ROLES,
    is_number_word,
    is_organisation,
    is_place,
    reporting_lemma,
)

MentionKind = Literal["name", "pronoun", "epithet"]

_POSSESSIVE_END = re.compile(r"(?:['’][sS]|(?<=[sS])['’])$")
_CONTRACTION_END = re.compile(r"['’](?:ve|re|d|ll|m)$")
"""A pronoun's contracted verb as one token ("We’ve", "They're", "I'd"): the pronoun opens no name."""
_PERSON_ROLES = ROLE_WORDS - MEDIA_WORDS - {"editor", "correspondent", "reporter", "journalist", "columnist", "chief", "head", "source", "sources"}
"""Role words that make descriptors a person's title ("White House press secretary"), not an
outlet's description (a newspaper's "editor" or "correspondent" still relays others' words)."""
_DESCRIPTOR_ADJECTIVES = frozenset("state state-run state-owned official former retired deputy chief top senior acting then".split())
_MEDIA_OR_STATE = MEDIA_WORDS | {"state"}
"""Words that may open an epithet without an article ("state media", "agency reports")."""
_OUTLET_WORDS = MEDIA_WORDS | {"state", "news"}
"""Words after a name that make it an outlet's ("KCNA news agency", "Xinhua state media")."""
_TITLE_WORDS = ROLE_WORDS | HONORIFICS | MEDIA_WORDS
"""Words before a name that make the words before it its title (:func:`_preceding_descriptors`)."""
_PERSON_TITLES = ROLE_WORDS | HONORIFICS
_ROLES_AND_TITLES = ROLE_WORDS | TITLES
_UNNAMED_SPEAKERS = (ROLE_WORDS | UNNAMED_ROLES) - DOCUMENT_WORDS - SPEECH_NOUNS
"""Words an indefinite description needs to bring in a speaker ("a senior official said")."""
_RUN_BREAKERS = FUNCTION_WORDS - LINK_WORDS
_ARTICLES = frozenset({"the", "a", "an"})
"""Capitalised words that end a run of name tokens unless glued to it."""
_BEFORE_LIST = PREPOSITIONS | {"and", ","}


@dataclass
class Mention:
    """A span of reporter's text that can name a speaker."""

    first: int
    last: int  # exclusive token index
    start: int
    end: int
    text: str
    kind: MentionKind
    name: str = ""
    """For a name mention, the name alone ("Kim Jong-un"); ``text`` is the whole phrase."""
    name_key: tuple[str, ...] = ()
    descriptors: frozenset[str] = frozenset()
    media: bool = False
    referent: Optional[int] = None
    possessive: bool = False
    """Followed by 's: "Jordan Pike's cross" (a weak antecedent for a pronoun)."""
    members: tuple[int, ...] = ()
    """For a joint mention ("Trump and Ryan"), the indices of the two name mentions it joins."""


@dataclass
class Referent:
    """One person or organisation of the article, with every mention of it."""

    index: int
    name: str
    key: tuple[str, ...]
    mentions: list[int] = field(default_factory=list)
    descriptors: set[str] = field(default_factory=set)
    person: bool = False
    place: bool = False
    media: bool = False
    gender: Optional[Literal["f", "m"]] = None


@dataclass
class MentionIndex:
    """Mentions of one article, by position, and the referents they resolve to."""

    mentions: list[Mention]
    referents: list[Referent]
    ending_at: dict[int, int]
    starting_at: dict[int, int]


def _is_cap(text: str) -> bool:
    # a capital letter is a letter: the scan for one runs only after a capital that is no letter ("Ⅷ")
    return text[:1].isupper() and (text[0].isalpha() or any(c.isalpha() for c in text))


def _capitalised(layout: DocumentLayout) -> list[bool]:
    """:func:`_is_cap` of each token's text, once per document (:meth:`DocumentLayout.shared`)."""
    return [t.text[:1].isupper() and _is_cap(t.text) for t in layout.tokens]  # the first test alone settles most


def _glued(view: TextView, i: int) -> bool:
    """Token ``i`` touches token ``i - 1`` with no space between."""
    return i > 0 and view.tokens[i - 1].end == view.tokens[i].start


def find_mentions(view: TextView) -> MentionIndex:
    """Every name, pronoun and epithet mention in the reporter's text of ``view``."""
    tokens = view.tokens
    layout = view.layout
    ents = layout.shared(_entity_labels)
    surnames = layout.shared(_honorific_surnames)
    openers = line_openers(view)
    lower, capitalised, quote_of = layout.lower, layout.shared(_capitalised), view.quote_of
    mentions: list[Mention] = []
    qualifying: list[Mention] = []  # kept only if the article names them elsewhere (_with_known_qualifiers)
    i = 0
    n = len(tokens)
    while i < n:
        if quote_of[i] != -1:
            i += 1
            continue
        low = lower[i]
        # style_of_address finds nothing at any other word
        style = style_of_address(view, i) if low in _STYLE_OPENERS or low in _STYLE_FIRST_WORDS else None
        if style is not None:
            mentions.append(style)
            i = style.last
            continue
        if low in PERSON_PRONOUNS or low in GROUP_PRONOUNS:
            mentions.append(_mention(view, i, i + 1, "pronoun"))
            i += 1
            continue
        run_end = _name_run(view, i, openers.common) if capitalised[i] else i  # no run starts in lower case
        if run_end == i + 1 and _imperative(view, i, openers.lowercase):
            run_end = i
        if run_end > i:
            owned = _owned_role(view, i, run_end)
            if owned is not None:
                mentions.append(owned)
                i = owned.last
                continue
            mention = _name_mention(view, i, run_end, ents, surnames)
            group = _named_group(view, mention) if mention is not None else None
            if group is not None:
                mentions.append(group)
                i = group.last
                continue
            if mention is not None:
                (qualifying if _qualifies_a_noun(view, i, run_end) else mentions).append(mention)
            i = run_end
            continue
        if low in _ARTICLES or low in INDEFINITE_SPEAKERS or (low in _MEDIA_OR_STATE and i + 1 < n):
            epithet = _epithet(view, i) or _described_speaker(view, i)
            if epithet is not None:
                mentions.append(epithet)
                i = epithet.last
                continue
        i += 1
    mentions = _with_known_qualifiers(mentions, qualifying)
    mentions = _split_headline_names(view, mentions, ents, surnames)
    mentions = _drop_pairings(mentions)
    _mark_affiliations(view, mentions)
    for m in mentions:
        m.possessive = m.last < n and tokens[m.last].text in {"'s", "’s", "'", "’"}
    mentions = _with_joint_speakers(view, mentions)
    referents = _referents(view, mentions, ents)
    # "the state-run KCNA news agency" makes every later "KCNA" an outlet too
    media_words = {w for m in mentions if m.kind == "epithet" and m.media for w in m.descriptors}
    for ref in referents:
        if len(ref.key) == 1 and (ref.key[0] in media_words or ref.key[0] in NEWS_OUTLETS):
            ref.media, ref.person = True, False
            for k in ref.mentions:
                mentions[k].media = True
    ending_at = {m.last: k for k, m in enumerate(mentions)}
    for k, m in enumerate(mentions):
        if m.members:
            ending_at[m.last] = k  # "Trump and Ryan issued …": the subject ending here is both
    return MentionIndex(
        mentions=mentions,
        referents=referents,
        ending_at=ending_at,
        starting_at={m.first: k for k, m in enumerate(mentions) if not m.members},
    )


def _joint_subject(view: TextView, x: Mention, y: Mention) -> bool:
    """Two names joined by "and" that together are the subject of a verb: "Trump and Ryan issued
    a statement", "Cruz and Trump have slammed …" (not "between Clinton and Sanders", not
    "Clinton and Sanders supporters", not a possessive or a place)."""
    tokens = view.tokens
    if x.kind != "name" or y.kind != "name" or x.possessive or y.possessive:
        return False
    if x.last + 1 != y.first or tokens[x.last].text != "and" or not view.outside(x.last):
        return False
    if any(d in m.descriptors for m in (x, y) for d in ("<place>", "<org>")) or is_place(x.name_key) or is_place(y.name_key):
        return False
    if x.first > 0 and tokens[x.first - 1].text.lower() in _BEFORE_LIST:
        return False  # "between Clinton and Sanders", "Bush, Cruz and Trump"
    k = y.last
    while k < len(tokens) and tokens[k].text.lower() in AUX_AND_ADVERBS:
        k += 1
    if k >= len(tokens) or not view.outside(k) or view.sentence_of[k] != view.sentence_of[y.first]:
        return False
    verb = tokens[k].text
    return verb.isalpha() and verb.islower() and (reporting_lemma(verb) is not None or verb.endswith("ed"))


def _with_joint_speakers(view: TextView, mentions: list[Mention]) -> list[Mention]:
    """The mentions with a joint mention before each pair of names that speak together
    (:func:`_joint_subject`); its ``members`` are the two names, which stay mentions of their own."""
    out: list[Mention] = []
    pairs = {k for k in range(len(mentions) - 1) if _joint_subject(view, mentions[k], mentions[k + 1])}
    for k, m in enumerate(mentions):
        if k in pairs:
            x, y = m, mentions[k + 1]
            at = len(out)
            joint = _mention(view, x.first, y.last, "name", name=f"{x.name} and {y.name}",
                             name_key=x.name_key + ("and",) + y.name_key, descriptors=frozenset({"<joint>"}))
            joint.members = (at + 1, at + 2)
            out.append(joint)
        out.append(m)
    return out


def _mention(view: TextView, first: int, last: int, kind: MentionKind, **extra: object) -> Mention:
    start, end = view.tokens[first].start, view.tokens[last - 1].end
    return Mention(first=first, last=last, start=start, end=end, text=view.doc.text[start:end], kind=kind, **extra)  # type: ignore[arg-type]


def _sentence_initial(view: TextView, i: int) -> bool:
    return i == view.sentence_bounds[view.sentence_of[i]][0] or (
        i > 0 and view.tokens[i - 1].text in "\"“‘'(—–-:" and i - 1 == view.sentence_bounds[view.sentence_of[i]][0]
    )


COMMON_POS: frozenset[str] = frozenset("VERB AUX ADV ADP SCONJ CCONJ INTJ PART NUM".split())
"""Parts of speech (UPOS) a parser gives only to words that cannot head a name: a line-opening
"Will" (AUX) or "Pay" (VERB) names no one. Nouns, pronouns, determiners and adjectives are left
out: they open descriptions that do speak ("Another commenter said", "Legal observers note")."""
_OPENING_MARKS = frozenset("\"“‘'(—–-:[")


def _line_opening(view: TextView, i: int) -> bool:
    """Token ``i`` stands where English capitalises any word: it opens a paragraph or a sentence,
    or follows an opening mark, a dash or a colon ("— If …", "“Will you …")."""
    if i == 0 or view.paragraph_of[i] != view.paragraph_of[i - 1] or i == view.sentence_bounds[view.sentence_of[i]][0]:
        return True
    prev = view.tokens[i - 1].text
    return prev in _OPENING_MARKS or prev[-1:] in ".!?"


def _common_word(word: str) -> bool:
    """A word of the lexicon that is never a name: an auxiliary or adverb, a number word, or a
    noun of something said or written ("Quote from Kuleba:", "Statement by …")."""
    return word in AUX_AND_ADVERBS or word in SPEECH_NOUNS or word in DOCUMENT_WORDS or is_number_word(word)


class LineOpeners(NamedTuple):
    """Words the article capitalises only where English capitalises any word (:func:`line_openers`)."""

    common: frozenset[str]
    """Common words, not names: the lexicon knows them (:func:`_common_word`) or the parser tags
    such an opening use :data:`COMMON_POS`. They start no name ("Will not be …", "Quote from …",
    "Twenty-two years ago")."""
    lowercase: frozenset[str]
    """Words the article also writes in lower case ("Pay no attention …" beside "equal pay").
    Without a parser a sentence-opening verb looks like a surname; such a word may still begin a
    name ("Rich Beeson" beside "rich donors") or be a subject that speaks ("Police say …"), so
    :func:`find_mentions` drops only a one-word run that reads as an imperative (:func:`_imperative`)."""


def line_openers(view: TextView) -> LineOpeners:
    """Lower-cased words that open a sentence or a line in capitals, in one pass over the article.
    A word the article also capitalises mid-sentence outside a title-case headline ("George Will
    wrote") is in neither set: it stays a possible name."""
    headlines = view.layout.shared(_headline_paragraphs)
    written_lower = view.layout.shared(_lowercase_words)
    inside: set[str] = set()
    common: set[str] = set()
    lowercase: set[str] = set()
    for i, low, pos in view.layout.shared(_capitalised_words):
        if _line_opening(view, i):
            if pos in COMMON_POS or _common_word(low):
                common.add(low)
            if low in written_lower:
                lowercase.add(low)
        elif view.paragraph_of[i] not in headlines:
            inside.add(low)
    return LineOpeners(frozenset(common - inside), frozenset(lowercase - inside))


def _imperative(view: TextView, i: int, lowercase: frozenset[str]) -> bool:
    """Token ``i`` opens its line with a verb in the imperative: one of the article's
    :attr:`LineOpeners.lowercase` followed by an object or a determiner (:data:`OBJECT_OPENERS`):
    "Pay no attention …", "Let me be clear". A subject is followed by its verb ("Police say …"),
    so a plural noun opening a sentence keeps speaking."""
    tokens = view.tokens
    return (
        view.layout.lower[i] in lowercase
        and i + 1 < len(tokens)
        and tokens[i + 1].text in OBJECT_OPENERS
        and _line_opening(view, i)
    )


def _lowercase_words(layout: DocumentLayout) -> frozenset[str]:
    """Every word the document writes in lower case (once per document)."""
    return frozenset(t.text for t in layout.tokens if t.text.islower())


def _capitalised_words(layout: DocumentLayout) -> list[tuple[int, str, Optional[str]]]:
    """Each token that opens with a capital letter, as (index, lower-cased text, part of speech);
    once per document, for :func:`line_openers`."""
    capitalised = layout.shared(_capitalised)
    return [(i, low, tok.pos) for i, (tok, low) in enumerate(zip(layout.tokens, layout.lower)) if capitalised[i] and tok.text[:1].isalpha()]


def _name_run(view: TextView, i: int, openers: frozenset[str] = frozenset()) -> int:
    """End (exclusive) of the run of name tokens starting at ``i``, or ``i`` if none starts there
    (``openers``: the article's :attr:`LineOpeners.common`)."""
    tokens = view.tokens
    if not view.layout.shared(_capitalised)[i] or not view.outside(i):
        return i
    if i in view.dateline or _in_capitals_run(view, i):
        return i
    low = _POSSESSIVE_END.sub("", tokens[i].text.lower())  # "There’s", "Monday's" as one token
    if _party_label(view, i) or _hyphen_modifier(view, i):
        return i  # "Sen. Ted Kennedy (D-Mass.)", "the Anti-Trump group", "a Johnson-backed PAC"
    if low in openers and _line_opening(view, i):
        return i  # "Will not be …", "Many Republicans …": a common word opening the line
    initial = _sentence_initial(view, i)
    if initial and (low in _DESCRIPTOR_ADJECTIVES or (low.endswith("ing") and i + 1 < len(tokens) and tokens[i + 1].text[:1].islower())):
        return i  # "Former …", "Sitting in the kitchen, …"
    if initial and len(low) > 5 and low.endswith("ed") and i + 1 < len(tokens) and tokens[i + 1].text in PREPOSITIONS:
        return i  # "Preceded at the lectern by …", "Flanked by …": a participle opening the sentence
    if _CONTRACTION_END.sub("", low) in FUNCTION_WORDS and (
        initial
        or low in {"the", "a", "an", "in", "on", "of"}
        or (i > 0 and not tokens[i - 1].text[-1:].isalnum())  # "— If Obama …", "(All CNN …"
    ):
        return i
    if reporting_lemma(tokens[i].text) and initial:
        return i  # "Speaking at the ceremony, …"
    if initial and (low in PREPOSITIONS or low in PREPOSITIONAL_PARTICIPLES):
        return i  # "Without Bloomberg in the race, …", "Following Sanders on MSNBC, …"
    if _is_date(view, i) or low in PERIOD_NOUNS:
        return i  # "Friday", "Nov.", "of the Year": capitalised, never anyone
    j = i + 1
    while j < len(tokens) and view.outside(j) and view.sentence_of[j] == view.sentence_of[i]:
        t = tokens[j].text
        if _possessive(tokens[j - 1].text) or _is_date(view, j):
            break  # "Brazil's Lula": the possessive ends one name, "Lula" starts the next
        if _hyphen_modifier(view, j):
            return i  # "a Hillary Clinton-backed group": the name only qualifies a noun
        if _is_cap(t) and not (t.lower() in _RUN_BREAKERS and not _glued(view, j)):
            j += 1
        elif link := _office_link(view, j) or _organisation_link(view, j):
            j += link  # "Secretary of State John F. Kerry", "Illinois Board of Elections": through "of" ("of the")
        elif t in "-‐‑" and _glued(view, j) and j + 1 < len(tokens) and _glued(view, j + 1) and tokens[j + 1].text[:1].isalpha():
            j += 2  # Jong-un, Al-Assad
        elif _glued(view, j) and tokens[j - 1].text[-1:] in "-‐‑" and t[:1].isalpha():
            j += 1  # "Jae-" + "myung"
        elif t.lower() in NAME_PARTICLES and j + 1 < len(tokens) and _is_cap(tokens[j + 1].text):
            j += 1
        elif t.rstrip(".").isalpha() and len(t.rstrip(".")) == 1 and t.endswith(".") and _is_cap(t):
            j += 1  # middle initial
        else:
            break
    return j


_HYPHENS = "-‐‑"
_HYPHEN = re.compile("[-‐‑]")


PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]*$")
"""A US politician's party and state ("D-Mass.", "R-Ky."), as one word however it is tokenized."""


def _party_label(view: TextView, i: int) -> bool:
    """Token ``i`` is in a US party affiliation in brackets or between commas: "Sen. Ted Kennedy
    (D-Mass.)", "McConnell, R-Ky., said". It is an aside about the name before it, never a name."""
    first, parts = _compound(view, i)
    return len(parts) >= 2 and PARTY_TAG.match("-".join(parts)) is not None and first > 0 and view.tokens[first - 1].text in {"(", ","}


def _compound(view: TextView, i: int) -> tuple[int, list[str]]:
    """The hyphenated word token ``i`` belongs to: its first token and its parts (["Johnson",
    "backed"] for "Johnson-backed", whether the tokenizer splits it or not)."""
    tokens = view.tokens
    text = tokens[i].text
    if not ("-" in text or "‐" in text or "‑" in text) and not (i + 1 < len(tokens) and tokens[i + 1].text[:1] in _HYPHENS and _glued(view, i + 1)) and not (
        i > 0 and tokens[i - 1].text[-1:] in _HYPHENS and _glued(view, i)
    ):
        return i, [text]  # no hyphen in reach: most tokens, cheaply
    a = i
    while a > 0 and _glued(view, a) and (tokens[a - 1].text[-1:] in _HYPHENS or tokens[a].text[:1] in _HYPHENS):
        a -= 1
    b = i + 1
    while b < len(tokens) and _glued(view, b) and (tokens[b].text[:1] in _HYPHENS or tokens[b - 1].text[-1:] in _HYPHENS):
        b += 1
    joined = view.doc.text[tokens[a].start : tokens[b - 1].end]
    return a, [p for p in _HYPHEN.split(joined) if p]


def _hyphen_modifier(view: TextView, i: int) -> bool:
    """Token ``i`` is in a compound adjective made from a name: a prefix that makes it one
    ("Anti-Trump", :data:`MODIFIER_PREFIXES`) or a lower-case head after the hyphen ("Obama-era",
    "Johnson-backed"; :data:`MODIFIER_HEADS` or a past participle). Such a word qualifies a noun
    and names no speaker."""
    _, parts = _compound(view, i)
    if len(parts) < 2:
        return False
    last = _POSSESSIVE_END.sub("", parts[-1])
    return parts[0].lower() in MODIFIER_PREFIXES or (
        last.isalpha() and last.islower() and (last in MODIFIER_HEADS or (len(last) > 3 and last.endswith("ed")))
    )


def _past_the(view: TextView, k: int) -> int:
    """``k``, or the token after it when ``k`` is a "the" (the "of the" of "Speaker of the House")."""
    return k + 1 if k < len(view.tokens) and view.tokens[k].text == "the" else k


def _office_link(view: TextView, j: int) -> int:
    """How many tokens from ``j`` join an office in capitals to its portfolio: "of" (1) or "of the"
    (2) between a role word and a portfolio word ("Secretary of State", "Minister of Foreign Affairs",
    "Speaker of the House"), else 0."""
    tokens = view.tokens
    if tokens[j].text != "of" or j == 0 or not _is_cap(tokens[j - 1].text) or tokens[j - 1].text.lower() not in ROLE_WORDS:
        return 0
    k = _past_the(view, j + 1)
    return k - j if k < len(tokens) and _is_cap(tokens[k].text) and tokens[k].text.lower() in OFFICE_PORTFOLIOS else 0


def _organisation_link(view: TextView, j: int) -> int:
    """How many tokens from ``j`` join an organisation's head in capitals to the rest of its name:
    "of", "on" or "for" (:data:`ORGANISATION_LINKS`), with a "the" after it or not, before a
    capitalised word ("Illinois Board of Elections", "Commission on Presidential Debates", "Office of
    the Director …"), else 0. Without it the name is cut at the link and each half is read as a
    speaker of its own ("Illinois Board", "Presidential Debates")."""
    tokens = view.tokens
    if tokens[j].text not in ORGANISATION_LINKS or j == 0 or not _is_cap(tokens[j - 1].text) or tokens[j - 1].text.lower() not in ORG_HEADS:
        return 0
    k = _past_the(view, j + 1)
    if k >= len(tokens) or not view.outside(k) or view.sentence_of[k] != view.sentence_of[j]:
        return 0
    word = tokens[k].text
    return k - j if _is_cap(word) and word.lower() not in FUNCTION_WORDS and not _possessive(word) and not _is_date(view, k) else 0


def _office_end(words: list[str], k: int) -> int:
    """Where the title ends when ``words[k]`` is the "of" after a role word: past a "the" and the
    portfolio words that follow it ("secretary of state | john f kerry", "speaker of the house | paul ryan")."""
    end = k + 1 + (k + 1 < len(words) and words[k + 1] == "the")
    while end < len(words) and words[end] in OFFICE_PORTFOLIOS:
        end += 1
    return end


def _is_date(view: TextView, i: int) -> bool:
    """Token ``i`` is a day or a month (:data:`DATE_WORDS`, a possessive ending aside); an
    abbreviated month only with its full stop or a day number after it ("Nov.", "Dec 5", not the
    "Jun" of "Ai Jun" or the "Jan" of "Jan Brewer"), and "May" only after a word of
    :data:`MONTH_PREPOSITIONS` or before a day ("in May", "May 5", not "Theresa May")."""
    tokens = view.tokens
    word = _POSSESSIVE_END.sub("", tokens[i].text.lower()).rstrip(".")
    following = tokens[i + 1].text if i + 1 < len(tokens) else ""
    if word == "may":
        return (i > 0 and view.layout.lower[i - 1] in MONTH_PREPOSITIONS) or following[:1].isdigit()
    if word not in DATE_WORDS:
        return False
    if word not in ABBREVIATED_MONTHS:
        return True
    return tokens[i].text.endswith(".") or (following == "." and _glued(view, i + 1)) or following[:1].isdigit()


def _possessive(text: str) -> bool:
    """A token that carries its possessive ending glued on ("India’s", "Francis'")."""
    return len(text) > 2 and (text[-2:].lower() in {"'s", "’s"} or text[-1] in "'’")


HEADLINE_MIN_WORDS = 3
"""Content words a line needs before it can be read as a headline."""


def _headline_paragraphs(layout: DocumentLayout) -> frozenset[int]:
    """Paragraphs written in title case (headlines, section heads: "Ramaphosa Challenges US
    Influence"), where capitals do not mark names: every content word is capitalised. Running
    text always has a content word in lower case ("Brazil's President Lula spoke in Addis Ababa")."""
    found: set[int] = set()
    for a, b in layout.paragraph_bounds:
        content = 0
        for tok in layout.tokens[a:b]:
            if not tok.text[:1].isalpha() or tok.text.lower() in FUNCTION_WORDS or tok.text.lower() in NAME_PARTICLES:
                continue
            if not _is_cap(tok.text):
                break  # running text: the first content word in lower case settles it
            content += 1
        else:
            if content >= HEADLINE_MIN_WORDS and b > a:
                found.add(layout.paragraph_of[a])
    return frozenset(found)


def _split_headline_names(
    view: TextView, mentions: list[Mention], ents: dict[int, str], surnames: frozenset[str] = frozenset()
) -> list[Mention]:
    """In a title-case headline a run of capitals is names and ordinary words together ("Chris
    Christie Calls Hillary Clinton"): keep only the parts the article's running text names."""
    headlines = view.layout.shared(_headline_paragraphs)
    if not headlines:
        return mentions
    body_keys = {m.name_key for m in mentions if m.kind == "name" and view.paragraph_of[m.first] not in headlines}
    body_words = {w for key in body_keys for w in key}
    out: list[Mention] = []
    for m in mentions:
        if m.kind != "name" or view.paragraph_of[m.first] not in headlines or len(m.name_key) < 2 or m.name_key in body_keys:
            out.append(m)
            continue
        a = m.first
        while a < m.last:
            for b in range(m.last, a, -1):
                key = name_key(_POSSESSIVE_END.sub("", view.doc.text[view.tokens[a].start : view.tokens[b - 1].end]), surnames)
                if key and (key in body_keys or (len(key) == 1 and key[0] in body_words)):
                    part = _name_mention(view, a, b, ents, surnames)
                    if part is not None:
                        out.append(part)
                    a = b
                    break
            else:
                a += 1
    return out


def _named_group(view: TextView, name: Mention) -> Optional[Mention]:
    """"Sanders supporters", "Clinton aides": a name qualifying a plural noun of people
    (:data:`FOLLOWER_GROUPS`) is the group's owner, and the group speaks as itself (as "Scott's
    family" does)."""
    k = name.last
    if name.kind != "name" or name.possessive or k >= len(view.tokens) or not view.outside(k):
        return None
    word = view.tokens[k].text
    if not (word.islower() and word in FOLLOWER_GROUPS):
        return None
    if k + 1 < len(view.tokens) and _is_cap(view.tokens[k + 1].text) and view.tokens[k + 1].text.lower() not in FUNCTION_WORDS:
        return None  # "Sanders campaign manager Jeff Weaver": a title before a name
    descriptors = frozenset(set(name.name_key) | {word, "<group>"})
    return _mention(view, name.first, k + 1, "epithet", descriptors=descriptors)


def _qualifies_a_noun(view: TextView, first: int, last: int) -> bool:
    """The name run ``[first, last)`` stands between an article and a common noun, so it only
    qualifies the noun: "the Senate Benghazi hearing", "the Ted Cruz South Carolina victory party",
    "a Trump rally". With parts of speech the word after it must be a noun; without, any lower-case
    word but a function word, an auxiliary or adverb, a reporting verb or a form that may be a verb
    ("-ed", "-s", :data:`IRREGULAR_PASTS`: "the Foundation closed", "the Party met"). Not a
    possessive ("the Pope's view")."""
    tokens = view.tokens
    if first == 0 or last >= len(tokens) or view.layout.lower[first - 1] not in _ARTICLES or not view.outside(last):
        return False
    if _possessive(tokens[last - 1].text):
        return False
    token = tokens[last]
    word = token.text
    if not (word.isalpha() and word.islower()) or word in FUNCTION_WORDS or word in _AFTER_A_SUBJECT or reporting_lemma(word) is not None:
        return False
    if view.doc.has("pos"):
        return token.pos == "NOUN"
    return not word.endswith(("ed", "s")) and word not in IRREGULAR_PASTS


def _with_known_qualifiers(mentions: list[Mention], qualifying: list[Mention]) -> list[Mention]:
    """``mentions`` with the names that qualify a noun (:func:`_qualifies_a_noun`) the article
    also names on their own, in text order. "the President Donald Trump administration" with a
    "Trump" elsewhere is a mention of him (later epithets and pronouns may refer to it); "the Ted
    Cruz South Carolina victory party" runs two names together that nothing else names so, and
    would join them into one person."""
    if not qualifying:
        return mentions
    known = {m.name_key for m in mentions if m.kind == "name" and m.name_key}
    kept = [q for q in qualifying if q.name_key in known or q.name_key[-1:] in known]
    return sorted(mentions + kept, key=lambda m: m.first) if kept else mentions


def _mark_affiliations(view: TextView, mentions: list[Mention]) -> None:
    """Mark ``<affiliation>`` on a name that follows another name and "of" ("of the"): "analyst
    Priya Raman of Quilty Space", "Mr. Morgan of the Sierra Club", "Sanders of Vermont" name where
    the person works or comes from, an organisation or a place, never a second person (whatever
    a small NER model says of "Quilty Space")."""
    tokens = view.tokens
    # a person's name before "of": a full name or a titled one ("Footage of Al-Awlaki" is no affiliation)
    ending_at = {m.last for m in mentions if m.kind == "name" and (len(m.name_key) >= 2 or m.descriptors & _PERSON_TITLES)}
    for m in mentions:
        if m.kind != "name" or m.first < 2:
            continue
        k = m.first - 1
        if tokens[k].text.lower() == "the":
            k -= 1
        if k >= 1 and tokens[k].text.lower() == "of" and k in ending_at:
            m.descriptors = m.descriptors | {"<affiliation>"}


def _drop_pairings(mentions: list[Mention]) -> list[Mention]:
    """Without "Clinton-Warren" (meeting), "Trump-Clinton" (race), "Ali-Frazier" (fight): a
    hyphen joining two people the article names apart is a pairing, not one double-barrelled
    name ("Ocasio-Cortez", "Jong-un" keep theirs: their halves never stand alone as a surname)."""
    surnames = {m.name_key[-1] for m in mentions if m.kind == "name" and m.name_key and "-" not in m.name}
    kept: list[Mention] = []
    for m in mentions:
        parts = [p for p in re.split(r"[-‐‑]", m.name) if p.strip()] if m.kind == "name" else []
        if len(parts) == 2 and all(name_key(p) and name_key(p)[-1] in surnames for p in parts):
            continue
        kept.append(m)
    return kept


OWNED_ROLE_WORDS = 3
"""Words a role may take after a possessive name: "Brazil's president", "Russia's deputy foreign minister"."""


def _owned_role(view: TextView, first: int, last: int) -> Optional[Mention]:
    """"Brazil's president", "the company's chief executive" with no name after the role: an
    epithet for the role's holder (the name before the possessive only qualifies it)."""
    tokens = view.tokens
    k = last
    if k < len(tokens) and tokens[k].text in {"'s", "’s", "'", "’"}:
        k += 1
    elif not _possessive(tokens[last - 1].text):
        return None
    roles: list[str] = []
    end = k
    while end < len(tokens) and end - k < OWNED_ROLE_WORDS and view.outside(end) and tokens[end].text.isalpha() and tokens[end].text.islower():
        word = tokens[end].text
        if word in FUNCTION_WORDS or word in AUX_AND_ADVERBS or reporting_lemma(word) is not None:
            break  # "Scott's family has called": the phrase ends before the verb
        roles.append(word)
        end += 1
    # "Scott's family", "Clinton's campaign": a group that speaks for its owner (only as the
    # phrase's head: in "Obama's former campaign strategist" it is a modifier)
    group = bool(roles) and roles[-1] in SPEAKING_GROUPS
    while roles and roles[-1] not in ROLE_WORDS and not group:
        roles.pop()
        end -= 1
    if not roles or (end < len(tokens) and _is_cap(tokens[end].text)):
        return None  # no role, or "Brazil's president Lula": the name mention carries the title
    if not group:
        end = _complement_end(view, end, roles[-1], roles)  # "Ukraine's ambassador to the Holy See"
    owner = [w.removesuffix("'s").removesuffix("’s").strip("'’").lower() for w in (tokens[t].text for t in range(first, last))]
    descriptors = frozenset(w for w in owner + roles if w and w != "the") | ({"<group>"} if group else {"<owned>"})
    return _mention(view, first, end, "epithet", descriptors=descriptors, media=is_media(descriptors))


def _honorific_surnames(layout: DocumentLayout) -> frozenset[str]:
    """Role words the article uses as surnames: the word after an honorific ("Mr. King", "Ms
    Bishop"). Its other mentions of the word are then the name, not a title ("Charlie King")."""
    tokens, lower = layout.tokens, layout.lower
    return frozenset(
        lower[i + 1]
        for i in range(len(tokens) - 1)
        if lower[i] in SURNAME_HONORIFICS and lower[i + 1] in ROLE_WORDS and _is_cap(tokens[i + 1].text)
    )


def _name_mention(
    view: TextView, first: int, last: int, ents: dict[int, str], surnames: frozenset[str] = frozenset()
) -> Optional[Mention]:
    tokens = view.tokens
    words = [_POSSESSIVE_END.sub("", tokens[k].text.lower().rstrip(".")) for k in range(first, last)]
    # A capitalised run directly before a lowercase role word is that role's qualifier ("North Korean leader").
    for k in range(last, min(last + 3, len(tokens) - 1)):
        if not view.outside(k) or not tokens[k].text[:1].islower() or not _may_qualify(tokens[k]):
            break  # "Pope Francis spoke with journalist Lorenzo Buccella": a verb ends the qualifier
        if tokens[k].text.lower() in ROLE_WORDS and _is_cap(tokens[k + 1].text):
            return None
    if _party_member(view, first, last, words):
        return _mention(view, first - 1, last, "epithet", descriptors=frozenset(words))
    split = 0
    for k, w in enumerate(words):
        surname = w in surnames or (k > 0 and words[k - 1] in SURNAME_HONORIFICS)  # "Mr. King"
        if (w in ROLE_WORDS and not surname) or w in HONORIFICS or _rank(view, first + k) or (split == k and _affiliation(words, k)):
            split = k + 1
        elif w == "of" and k > 0 and split == k:
            split = _office_end(words, k)  # "Secretary of State John F. Kerry"
    name_first = first + split
    descriptors = set(words[:split])
    before, first = _preceding_descriptors(view, first, titled=split > 0)
    descriptors |= before
    end = last
    # "KCNA news agency" is an outlet; "Rubio's press release" is no outlet named Rubio
    while not _possessive(tokens[last - 1].text) and end < len(tokens) and view.outside(end) and tokens[end].text.lower() in _OUTLET_WORDS:
        descriptors.add(tokens[end].text.lower())
        end += 1
    media = is_media(descriptors)
    if name_first >= last:
        if not descriptors & ROLE_WORDS:
            return None
        # "The Prime Minister", "the Fair Work Ombudsman": an office, named in capitals
        office = _POSSESSIVE_END.sub("", view.doc.text[tokens[first if split else name_first].start : tokens[last - 1].end])
        return _mention(view, first, end, "epithet", name=office, descriptors=frozenset(descriptors | {"<office>"}), media=media)
    surface = _POSSESSIVE_END.sub("", view.doc.text[tokens[name_first].start : tokens[last - 1].end])
    key = name_key(surface, surnames)
    if not key:
        return None
    mention = _mention(view, first, end, "name", name=surface, name_key=key, descriptors=frozenset(descriptors), media=media)
    label = ents.get(name_first)
    if label in {"PERSON"}:
        mention.descriptors = mention.descriptors | {"<person>"}
    elif label in {"GPE", "LOC", "NORP", "FAC"}:
        mention.descriptors = mention.descriptors | {"<place>"}
    elif label == "ORG":
        mention.descriptors = mention.descriptors | {"<org>"}
    return mention


def _rank(view: TextView, i: int) -> bool:
    """Token ``i`` is an abbreviated military rank with its full stop ("Gen.", "Lt.";
    :data:`ABBREVIATED_RANKS`), whether the tokenizer keeps the stop on it or not."""
    tokens = view.tokens
    text = tokens[i].text
    if text.rstrip(".").lower() not in ABBREVIATED_RANKS:
        return False
    return text.endswith(".") or (i + 1 < len(tokens) and tokens[i + 1].text == "." and _glued(view, i + 1))


def _party_member(view: TextView, first: int, last: int, words: list[str]) -> bool:
    """"The Republican is also encouraging …", "the Democrat said": a party member as the head of
    a description, as "the senator" is (:data:`PARTY_MEMBER_WORDS`). Not "the Republican primaries",
    where the word qualifies the noun after it."""
    tokens = view.tokens
    if len(words) != 1 or words[0] not in PARTY_MEMBER_WORDS or first == 0 or tokens[first - 1].text.lower() != "the":
        return False
    if last >= len(tokens):
        return True
    following = tokens[last].text
    return not following[:1].isalnum() or following.lower() in _AFTER_A_SUBJECT or reporting_lemma(following) is not None


_AFTER_A_SUBJECT = AUX_AND_ADVERBS | {"who"}


def _affiliation(words: list[str], k: int) -> bool:
    """``words[k]`` is a party word before a person's name: "Republican Donald Trump", "Democrat
    Hillary Clinton" (:data:`AFFILIATION_WORDS`). The rest must be two words or more and hold no
    organisation's head: "Republican National Convention" and "Democratic Party" are names whole."""
    rest = words[k + 1 :]
    return words[k] in AFFILIATION_WORDS and len(rest) >= 2 and not any(w in ORG_HEADS for w in rest)


def _capitals(word: str) -> bool:
    """A word of two letters or more, all in capitals ("DES", "TRUMP"; not "I" or "Des")."""
    return word.isupper() and sum(c.isalpha() for c in word) >= 2


def _in_capitals_run(view: TextView, i: int) -> bool:
    """Token ``i`` is one of two or more words in capitals in a row ("HIGHER THAN EXPECTED
    TURNOUT - At long last …"): a heading run into its paragraph. A run ending in a colon is a
    transcript's label ("CHRIS WALLACE:") and is kept."""
    tokens = view.tokens
    if not _capitals(tokens[i].text):
        return False
    a = i
    while a > 0 and view.paragraph_of[a - 1] == view.paragraph_of[i] and _capitals(tokens[a - 1].text):
        a -= 1
    b = i + 1
    while b < len(tokens) and view.paragraph_of[b] == view.paragraph_of[i] and _capitals(tokens[b].text):
        b += 1
    return b - a >= 2 and not (b < len(tokens) and tokens[b].text == ":")


def _may_qualify(token: Token) -> bool:
    """A lower-case word that can stand between a qualifier and its role ("North Korean supreme
    leader"): no function word, preposition or reporting verb, nor a verb (:func:`_verb_like`)."""
    word = token.text.lower()
    if word in FUNCTION_WORDS or word in PREPOSITIONS or reporting_lemma(word) is not None or _verb_like(token):
        return False
    return token.pos is None or token.pos not in COMMON_POS


def _verb_like(token: Token) -> bool:
    """``token`` may be a verb, so no title runs through it: "United have sacked manager Erik Lund",
    "Chelsea hired coach Erik Lund" (the title is "manager", "coach"). A verb by its part of speech
    where the engine gives one; else an auxiliary, an irregular past or an "-ed" form that is no
    descriptor ("retired" is one)."""
    w = token.text.lower()
    if w in _DESCRIPTOR_ADJECTIVES:
        return False
    if token.pos is not None:
        return token.pos in {"VERB", "AUX"}
    return w in AUX_AND_ADVERBS or w in IRREGULAR_PASTS or w.endswith("ed")


def _preceding_descriptors(view: TextView, first: int, titled: bool = False) -> tuple[set[str], int]:
    """Words of the title before a name ("North Korea's leader", "US president") and where it
    starts. ``titled``: the name carries its own title, which an adjective before it qualifies
    ("former Rep. George Miller", "acting Secretary Jane Doe")."""
    tokens = view.tokens
    found: set[str] = set()
    start = first
    k = first - 1
    if k >= 1 and tokens[k].text == "," and tokens[k - 1].text.lower() in ROLE_WORDS and view.outside(k - 1):
        return {tokens[k - 1].text.lower()}, first
    while k >= 0 and first - k <= 7 and view.outside(k) and view.sentence_of[k] == view.sentence_of[first]:
        w = tokens[k].text.lower()
        if w in ROLE_WORDS or w in HONORIFICS or w in MEDIA_WORDS or w in _DESCRIPTOR_ADJECTIVES or w == "news":
            found.add(w)
        elif w in {"'s", "’s"}:
            pass
        elif _is_cap(tokens[k].text) and w not in FUNCTION_WORDS:
            found.add(w.removesuffix("'s").removesuffix("’s"))
        elif found & ROLE_WORDS and w.isalpha() and w.islower() and w not in FUNCTION_WORDS and reporting_lemma(w) is None and not _verb_like(tokens[k]):
            found.add(w)  # "Republican political consultant Chris Russell": the role's adjective
        else:
            break
        start = k
        k -= 1
    # "Then Pope Leo arrived": a capitalised function word opens the sentence, not the title
    adjective = titled and bool(found & _DESCRIPTOR_ADJECTIVES) and not (_is_cap(tokens[start].text) and tokens[start].text.lower() in FUNCTION_WORDS)
    if not found & _TITLE_WORDS and not adjective:
        return set(), first
    return found, start


_STYLE_OPENERS = frozenset({"the", "his", "her"})
_STYLE_FIRST_WORDS = frozenset(words[0] for words in STYLES_OF_ADDRESS)


def style_of_address(view: TextView, i: int) -> Optional[Mention]:
    """A form of address in capitals that stands for an office (:data:`STYLES_OF_ADDRESS`): "the
    Holy Father", "His Holiness" — an epithet of that role, not a name. None when a name follows
    it ("His Holiness the Dalai Lama": the name mention carries the person)."""
    tokens = view.tokens
    j = i + 1 if tokens[i].text.lower() in _STYLE_OPENERS else i
    if j >= len(tokens) or tokens[j].text.lower() not in _STYLE_FIRST_WORDS:
        return None
    for words, role in STYLES_OF_ADDRESS.items():
        end = j + len(words)
        if end > len(tokens) or not all(view.outside(k) for k in range(i, end)):
            continue
        if [t.text.lower() for t in tokens[j:end]] != list(words) or not all(_is_cap(t.text) for t in tokens[j:end]):
            continue
        if end < len(tokens) and (_is_cap(tokens[end].text) or tokens[end].text.lower() == "the"):
            return None
        return _mention(view, i, end, "epithet", descriptors=frozenset({role, "<style>"}))
    return None


def _epithet(view: TextView, i: int) -> Optional[Mention]:
    """"the North Korean leader", "the chair of Russia's Duma", "state media" (no name follows)."""
    tokens = view.tokens
    j = i + (1 if tokens[i].text.lower() == "the" else 0)
    words: list[str] = []
    while j < len(tokens) and j - i <= 5 and view.outside(j) and view.sentence_of[j] == view.sentence_of[i]:
        w = tokens[j].text.lower()
        if w in ORG_HEADS and tokens[j].text.islower() and tokens[i].text.lower() == "the" and w not in MEDIA_WORDS:
            while j + 1 < len(tokens) and tokens[j + 1].text in ORG_HEADS:
                j += 1  # "the university council"
            if j + 1 < len(tokens) and (_is_cap(tokens[j + 1].text) or tokens[j + 1].text.lower() == "of"):
                return None
            organisation = view.doc.text[tokens[i + 1].start : tokens[j].end]
            return _mention(view, i, j + 1, "epithet", name=organisation, descriptors=frozenset(words + [w, "<organisation>"]))
        if w in ROLE_WORDS or w in MEDIA_WORDS:
            words.append(w)
            end = j + 1
            if end < len(tokens) and _is_cap(tokens[end].text):
                return None  # a title before a name: the name mention carries it
            if _is_cap(tokens[j].text) and tokens[i].text.lower() == "the":
                # "the Fair Work Ombudsman", "the Prime Minister": an office named in capitals
                link = _office_link(view, end) if end < len(tokens) else 0
                if link:
                    end += link  # "the Secretary of State", "the Speaker of the House"
                    while end < len(tokens) and _is_cap(tokens[end].text) and tokens[end].text.lower() in OFFICE_PORTFOLIOS:
                        end += 1
                    if end < len(tokens) and _is_cap(tokens[end].text):
                        return None  # "the Secretary of State John Kerry": the name mention carries the title
                office = view.doc.text[tokens[i + 1].start : tokens[end - 1].end]
                return _mention(view, i, end, "epithet", name=office, descriptors=frozenset(words + ["<office>"]))
            end = _complement_end(view, end, w, words)
            if end < len(tokens) and tokens[end].text.lower() in MEDIA_WORDS:
                continue_end = end
                while continue_end < len(tokens) and tokens[continue_end].text.lower() in MEDIA_WORDS:
                    words.append(tokens[continue_end].text.lower())
                    continue_end += 1
                end = continue_end
            descriptors = frozenset(w for w in words if w and w not in {"the", "'s"})
            return _mention(view, i, end, "epithet", descriptors=descriptors, media=is_media(descriptors))
        if w in FUNCTION_WORDS or not (w.replace(".", "").isalpha() or "-" in w):
            return None  # "the U.S. embassy" reads on: an abbreviation is a word
        words.append(w)
        j += 1
    return None


ROLE_COMPLEMENT_TOKENS = 4
"""Tokens a role's "of" or "to" phrase may hold: "the chair of Russia's Duma", "the ambassador to
the Holy See"."""


def _complement_end(view: TextView, end: int, role: str, words: list[str]) -> int:
    """Where a role's complement in capitals ends: "the chair | of Russia's Duma", "the ambassador |
    to the Holy See" ("to" only after :data:`COMPLEMENT_ROLES`); ``end`` when none follows. The
    complement's words are added to ``words``: they describe the holder."""
    tokens = view.tokens
    if end + 1 >= len(tokens) or not view.outside(end + 1):
        return end
    link = tokens[end].text.lower()
    if not (link == "of" or (link == "to" and role in COMPLEMENT_ROLES)):
        return end
    k = end + 1
    while k < len(tokens) and k - end <= ROLE_COMPLEMENT_TOKENS and view.outside(k) and (
        _is_cap(tokens[k].text) or tokens[k].text.lower() in {"'s", "’s", "the"}
    ):
        k += 1
    if not any(_is_cap(tokens[t].text) for t in range(end + 1, k)):
        return end  # "director of communications, Matteo Bruni": a lower-case complement names no one
    words.extend(tokens[t].text.lower().removesuffix("'s").removesuffix("’s") for t in range(end + 1, k))
    return k


def is_media(descriptors: frozenset[str] | set[str]) -> bool:
    """Descriptor words that mark a news outlet: "state media", "KCNA news agency" (not "intelligence
    agency", nor a "press secretary": a role word makes the words a person's title)."""
    words = set(descriptors) & MEDIA_WORDS
    if set(descriptors) & _PERSON_ROLES:
        return False
    if words - {"agency", "agencies", "paper", "network", "channel", "daily", "wire"}:
        return True
    return bool(words) and bool(set(descriptors) & {"news", "press", "state", "state-run", "wire"})


def _described_speaker(view: TextView, i: int) -> Optional[Mention]:
    """A description right before or after a reporting verb: "the 45-year-old said", "said the
    former Leeds midfielder", "a senior U.S. official said" (an indefinite one, marked
    ``<indefinite>``, brings in someone new and needs a role word: "a statement said" is no one;
    one of :data:`INDEFINITE_SPEAKERS` needs none: "Another said", "another commenter wrote")."""
    tokens = view.tokens
    article = tokens[i].text.lower()
    indefinite = article in INDEFINITE_SPEAKERS
    if article not in _ARTICLES and not indefinite:
        return None
    after_cue = i > 0 and reporting_lemma(tokens[i - 1].text) is not None
    j = i + 1
    words = 0
    while j < len(tokens) and words < 6 and view.outside(j) and view.sentence_of[j] == view.sentence_of[i]:
        w = tokens[j].text
        low = w.lower()
        if w in "-‐‑" and _glued(view, j) and j + 1 < len(tokens) and _glued(view, j + 1):
            j += 1  # "22-year-old" split into pieces
            continue
        words += 1
        if low in FUNCTION_WORDS or low in AUX_AND_ADVERBS or not any(c.isalnum() for c in w):
            break
        if reporting_lemma(w) is not None:
            break
        j += 1
    if j == i + 1 and not indefinite:
        return None
    if _institution_named(view, i + 1, j):
        return None  # "The State Department said", "The Kremlin said": the name mention speaks
    if any(tokens[t].text.lower().rstrip(".") in _ROLES_AND_TITLES and _is_cap(tokens[t + 1].text) for t in range(i + 1, j - 1)):
        return None  # "the producer Marc Dubois", "the Rev. Al Sharpton": a title and a name, which the name mention carries
    k = j
    while k < len(tokens) and tokens[k].text.lower() in AUX_AND_ADVERBS:
        k += 1
    before_cue = k < len(tokens) and view.outside(k) and reporting_lemma(tokens[k].text) is not None
    # an aside only after someone new: "the two lawmakers, however, argue" would be read as the person named last
    before_cue = before_cue or (article != "the" and _aside_then_cue(view, j))
    ends_clause = j >= len(tokens) or tokens[j].text in {",", ".", ";"}
    if not (before_cue or (after_cue and ends_clause)):
        return None
    words = frozenset(tokens[t].text.lower() for t in range(i + 1, j))
    if indefinite and (
        any(_is_cap(tokens[t].text) for t in range(i + 1, j)) or (i > 0 and tokens[i - 1].text.lower() in SUBORDINATORS)
    ):
        # "At one point Trump said": the name speaks; "Some called it “…,” while others welcomed
        # it": the contrast is no report of the quote before
        return None
    if article != "the":
        if not (indefinite or words & _UNNAMED_SPEAKERS):
            return None
        words = words | {"<indefinite>"}
    return _mention(view, i, j, "epithet", descriptors=words | {"<described>"}, media=is_media(words))


DESCRIPTION_ASIDE_REACH = 10
"""Tokens an aside between commas may hold after a description and before its reporting verb:
"a senior European diplomat, speaking on condition of anonymity, said"."""


def _aside_then_cue(view: TextView, j: int) -> bool:
    """An aside between commas opens at ``j`` and a reporting verb follows it: "a senior diplomat
    |, speaking on condition of anonymity,| said". The aside holds no quote and ends in its sentence;
    a name between the commas is no aside (the name speaks)."""
    tokens = view.tokens
    if j + 1 >= len(tokens) or tokens[j].text != ",":
        return False
    if _is_cap(tokens[j + 1].text):
        return False  # "A top strategist, John Weaver, tells": a name in apposition, which speaks
    for k in range(j + 1, min(len(tokens), j + 2 + DESCRIPTION_ASIDE_REACH)):
        if not view.outside(k) or view.sentence_of[k] != view.sentence_of[j]:
            return False
        if tokens[k].text == ",":
            verb = k + 1
            while verb < len(tokens) and tokens[verb].text.lower() in AUX_AND_ADVERBS:
                verb += 1
            return verb < len(tokens) and view.outside(verb) and reporting_lemma(tokens[verb].text) is not None
    return False


def _institution_named(view: TextView, first: int, last: int) -> bool:
    """``tokens[first:last]`` are an institution's name in capitals ("State Department", "Sierra
    Club", "Kremlin"): an organisation or a seat of government, not a description ("The Republican"
    describes a person named before)."""
    tokens = view.tokens[first:last]
    if not tokens or not all(_is_cap(t.text) for t in tokens):
        return False
    key = tuple(t.text.lower() for t in tokens)
    return is_organisation(key) or is_place(key)


def _entity_labels(layout: DocumentLayout) -> dict[int, str]:
    """Token index → NER label for the first token of each entity, when the engine ran NER."""
    if not layout.doc.entities:
        return {}
    labels: dict[int, str] = {}
    for ent in layout.doc.entities:
        for t in layout.token_range(ent.start, ent.end):
            labels.setdefault(t, ent.label)
    return labels


def _referents(view: TextView, mentions: list[Mention], ents: dict[int, str]) -> list[Referent]:
    referents: list[Referent] = []
    names = [(k, m) for k, m in enumerate(mentions) if m.kind == "name" and not m.members]

    def attach(k: int, m: Mention, ref: Referent) -> None:
        m.referent = ref.index
        ref.mentions.append(k)
        ref.descriptors |= set(m.descriptors)
        if len(m.name_key) > len(ref.key):
            ref.key, ref.name = m.name_key, m.name

    for k, m in sorted(names, key=lambda km: -len(km[1].name_key)):
        if len(m.name_key) >= 2:
            match = next((r for r in referents if _same_full_name(r.key, m.name_key)), None)
        else:
            # "Kim" for "Kim Jong Un", "Merkel" for "Angela Merkel", "Lula" for "Luiz Inacio Lula da Silva"
            # but "Israel" is the country, not "Israel Katz": a place name is a person's name only as a surname
            word = m.name_key[0]
            candidates = [r for r in referents if word in r.key and len(r.key) > 1 and (word not in PLACE_NAMES or r.key[-1] == word)]
            # the nearest full mention before this one decides between namesakes
            match = _nearest(candidates, mentions, m) if candidates else next(
                (r for r in referents if r.key == m.name_key), None
            )
        if match is None:
            match = Referent(index=len(referents), name=m.name, key=m.name_key)
            referents.append(match)
        attach(k, m, match)
    for ref in referents:
        ref.mentions.sort()
        first_longest = min(
            (mentions[k] for k in ref.mentions if len(mentions[k].name_key) == len(ref.key)), key=lambda m: m.start
        )
        ref.name = first_longest.name
        d = ref.descriptors
        votes = {marker: sum(marker in mentions[k].descriptors for k in ref.mentions) for marker in ("<person>", "<place>", "<org>")}
        titled = bool(d & _PERSON_TITLES) or any(_introduced_as_person(view, mentions[k]) for k in ref.mentions)
        if is_organisation(ref.key) or is_place(ref.key):
            titled = False
            d.add("<org>")
        ref.media = is_media(d)
        # A title ("Chancellor Olaf Scholz", "Mr Kim") outweighs a small NER model's label.
        # A full name that opens with a first name ("Maria Lopez") is a person when no entity
        # label says otherwise: the tokenizer-only engine has no NER at all.
        first_named = _first_name_gender(ref.key) is not None and not votes["<place>"] and not votes["<org>"]
        ref.person = not ref.media and "<affiliation>" not in d and (
            titled or first_named or votes["<person>"] > max(votes["<place>"], votes["<org>"]) - 1 and votes["<person>"] > 0
        )
        ref.place = not ref.person and votes["<place>"] > 0
        female, male = bool(d & FEMALE_WORDS), bool(d & MALE_WORDS)
        ref.gender = "f" if female and not male else "m" if male and not female else _first_name_gender(ref.key)
    return referents


def _first_name_gender(key: tuple[str, ...]) -> Optional[Literal["f", "m"]]:
    """The gender a full name's first name tells (:data:`FEMALE_FIRST_NAMES`, :data:`MALE_FIRST_NAMES`),
    or None; a surname alone tells none ("Scott", "Thomas").

    >>> _first_name_gender(("karen", "bass")), _first_name_gender(("carlos", "ruiz")), _first_name_gender(("bass",))
    ('f', 'm', None)
    """
    if len(key) < 2:
        return None
    return "f" if key[0] in FEMALE_FIRST_NAMES else "m" if key[0] in MALE_FIRST_NAMES else None


def _introduced_as_person(view: TextView, m: Mention) -> bool:
    """"Aitken, who grew up …", "Ferrer, 58, …": an appositive only a person takes."""
    tokens = view.tokens
    k = m.last
    if k + 1 >= len(tokens) or tokens[k].text != ",":
        return False
    nxt = tokens[k + 1].text
    return nxt.lower() in {"who", "whose"} or (nxt.isdigit() and k + 2 < len(tokens) and tokens[k + 2].text == ",")


def _same_full_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 2:
        return False
    return any(long_[i : i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def _nearest(candidates: list[Referent], mentions: list[Mention], m: Mention) -> Referent:
    def last_before(ref: Referent) -> int:
        starts = [mentions[k].start for k in ref.mentions if mentions[k].start <= m.start]
        return max(starts) if starts else -1

    return max(candidates, key=lambda r: (last_before(r), len(r.mentions)))


EXACT_ROLE_WEIGHT = 2
"""What a head-of-state role the referent holds by that very word counts, against 1 for one of
the roles used interchangeably: "the president" after "French President Emmanuel Macron" and
"German Chancellor Olaf Scholz" is Macron, though "the leader" could be either."""


def descriptor_match(epithet: frozenset[str], referent: Referent) -> int:
    """How well an epithet's descriptor words fit a referent ("Russian" ~ "Russia", "leader" ~
    "president"; a role held by that very word counts :data:`EXACT_ROLE_WEIGHT`)."""
    roles = epithet & ROLE_WORDS
    if roles and not any(
        r in referent.descriptors or (r in HEAD_OF_STATE_ROLES and referent.descriptors & HEAD_OF_STATE_ROLES) for r in roles
    ):
        return 0  # "the ombudsman" is not the minister named before, whatever else they share
    score = 0
    for w in epithet:
        if w in HEAD_OF_STATE_ROLES and referent.descriptors & HEAD_OF_STATE_ROLES:
            score += EXACT_ROLE_WEIGHT if w in referent.descriptors else 1
        elif any(_stem_equal(w, d) for d in referent.descriptors):
            score += 1
    return score


def _stem_equal(a: str, b: str) -> bool:
    if a == b:
        return True
    return len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5] and abs(len(a) - len(b)) <= 3
