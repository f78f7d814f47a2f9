"""Word lists of English news writing that attribution relies on.

These are general conventions of the genre (reporting verbs, titles, pronouns, the words that
mark a news outlet), not lists fitted to any particular text.
"""

from __future__ import annotations

import re
from functools import lru_cache

REPORTING_LEMMAS: frozenset[str] = frozenset(
    """
    say tell add state note remark declare announce explain insist argue claim warn urge describe
    praise hail promise pledge vow write tweet post ask reply respond answer admit acknowledge
    concede confirm deny emphasize emphasise stress highlight quote thank express accuse criticize
    criticise condemn lament boast recall reflect suggest predict conclude caution complain demand
    threaten assure reiterate continue muse joke quip shout whisper observe comment proclaim affirm
    assert maintain contend allege reveal disclose label dub brand term characterize characterise
    welcome congratulate dismiss slam blast decry denounce laud applaud commend celebrate call
    report speak mourn recount clarify
    """.split()
)
"""Lemmas of verbs that introduce reported speech."""

CLAUSE_REPORTING_LEMMAS: frozenset[str] = frozenset(
    """
    say tell add state note remark declare announce explain insist argue claim warn write tweet
    post reply respond answer admit acknowledge concede confirm deny emphasize emphasise stress
    suggest predict conclude caution complain assure reiterate observe comment proclaim affirm
    assert maintain contend allege reveal disclose report recall promise pledge vow
    """.split()
)
"""Reporting lemmas that take a clause of reported speech ("said (that) …", "told CNN that …"),
as opposed to those whose object is a person or a thing judged ("praised", "accused", "called")."""

MEDIA_WORDS: frozenset[str] = frozenset(
    """agency agencies media outlet outlets newspaper newspapers paper television tv broadcaster
    broadcasters radio press wire daily tabloid channel network""".split()
)
"""Words marking a news organisation: quotes they relay belong to the person they quote."""

NEWS_OUTLETS: frozenset[str] = frozenset(
    """reuters ap afp bloomberg xinhua tass ria interfax yonhap kcna kyodo dpa ansa efe pti ani
    bbc cnn upi bernama antara irna isna wafa mena sana""".split()
)
"""Wire services and broadcasters that relay other people's words (matched on a one-word name)."""

DOCUMENT_WORDS: frozenset[str] = frozenset(
    """letter message statement note correspondence communique communiqué telegram cable memo
    post tweet speech address editorial essay article op-ed decree""".split()
)
"""Nouns of a written or delivered text whose words belong to its author."""

TITLES: frozenset[str] = frozenset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady madam madame monsieur herr
    president presidents vice prime minister ministers premier chancellor leader leaders chairman chairwoman
    chairperson chair speaker secretary general attorney deputy foreign defence defense interior finance
    senator senators sen sens representative representatives rep reps congressman congresswoman governor gov mayor king queen prince princess
    emperor empress crown pope cardinal archbishop bishop rev reverend father imam rabbi sheikh ayatollah
    comrade marshal field colonel col captain capt lieutenant lt sergeant sgt major admiral commander
    chief ceo founder spokesman spokeswoman spokesperson ambassador envoy judge justice mp mep
    councillor councilor officer director head former late then acting interim supreme dear
    """.split()
)
"""Words of titles and roles that precede a name and are not part of it."""

HONORIFICS: frozenset[str] = frozenset("mr mrs ms miss dr prof sir dame lord lady mr. mrs. ms. dr. prof.".split())
SURNAME_HONORIFICS: frozenset[str] = frozenset("mr mrs ms miss dr mr. mrs. ms. dr.".split())
"""Honorifics that stand before a surname only, so a role word after one is a surname ("Mr. King");
"Lord Chancellor" and "Sir" + title are offices."""

ROLE_WORDS: frozenset[str] = frozenset(
    """president leader speaker minister chairman chairwoman chair chairperson secretary ambassador
    spokesman spokeswoman spokesperson general premier chancellor governor senator mayor king
    queen prince princess pope director chief commander official officials envoy adviser advisor
    judge prosecutor lawyer attorney ceo founder head deputy lawmaker legislator congressman
    congresswoman representative representatives rep reps sen sens senators gov vice emir sultan monarch colonel lieutenant major
    captain sergeant admiral marshal diplomat negotiator councillor councilor commissioner
    president-elect analyst professor researcher expert economist pontiff cardinal bishop
    archbishop rabbi imam cleric patriarch pastor reverend rev rival rivals mp mps mla mep msp mk manager coach boss skipper
    striker midfielder defender goalkeeper winger forward player substitute teammate
    chef owner author writer novelist poet actor actress singer musician producer artist
    journalist reporter editor correspondent columnist activist campaigner barrister solicitor
    doctor nurse surgeon scientist historian teacher student farmer resident witness victim
    survivor mother father son daughter wife husband brother sister neighbour neighbor
    friend colleague chairwoman superintendent inspector detective constable sheriff firefighter
    ombudsman treasurer chancellor-elect councilwoman councilman alderman prosecutors defendant interviewer
    spokespeople aide aides source sources pm pollster strategist consultant operative commentator
    host anchor moderator ally confidant comedian executive officer counsel critic critics donor voter
    investor banker worker organizer organiser protester
    """.split()
)
"""Role nouns used as titles ("Speaker Vyacheslav Volodin") and in epithets ("the Russian leader")."""

ABBREVIATED_RANKS: frozenset[str] = frozenset("gen lt col capt sgt maj adm cmdr cpl".split())
"""Military ranks as the press abbreviates them ("Lt. Gen. Michael Flynn"). They are titles only
written with their full stop: "Gen Nakatani" is a man named Gen."""

UNNAMED_ROLES: frozenset[str] = frozenset(
    """spokesman spokeswoman spokesperson spokespeople official officials source sources aide aides
    diplomat witness resident officer analyst expert police statement mother father son daughter
    wife husband brother sister neighbour neighbor friend colleague teammate victim survivor interviewer""".split()
)
"""Heads of epithets that usually bring in someone unnamed ("the spokeswoman said"), never a
person named earlier unless their titles say so."""

SPEAKING_GROUPS: frozenset[str] = frozenset(
    """family families campaign team camp office lawyers attorneys administration aides staff
    relatives allies supporters""".split()
)
"""Collective nouns that speak for the one who owns them: "Scott's family has called on police",
"Clinton's campaign said". The speaker is the group as written, not its owner."""

SUBORDINATORS: frozenset[str] = frozenset("when after while as before since although though once until because whereas".split())
"""Conjunctions that open an adverbial clause ahead of the main clause ("When Trump suggested …,
Rubio fired back: “…”"): the clause's subject is not the main clause's."""

FOLLOWER_GROUPS: frozenset[str] = frozenset("supporters protesters backers voters delegates aides allies advisers".split())
"""Plural nouns of people that a name qualifies without a possessive and that speak as a group
("Sanders supporters chanted …", "Clinton aides said"); "the Trump administration" and "the
Sanders campaign" stay the name's (their name is the person's in running text)."""

PLACE_NAMES: frozenset[str] = frozenset(
    """washington moscow beijing pyongyang seoul tokyo london paris berlin brussels kyiv kiev
    tehran jerusalem ankara delhi islamabad riyadh cairo damascus baghdad kabul taipei havana
    caracas ottawa canberra westminster whitehall kremlin pentagon rome madrid warsaw vienna
    geneva minsk tbilisi doha dubai abu hanoi manila jakarta bangkok nairobi pretoria lagos
    brasilia mexico
    afghanistan albania algeria argentina armenia australia austria azerbaijan bangladesh belarus
    belgium bolivia bosnia brazil bulgaria cambodia cameroon canada chile china colombia croatia
    cuba cyprus czechia denmark ecuador egypt eritrea estonia ethiopia finland france georgia
    germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq
    ireland israel italy japan jordan kazakhstan kenya korea kosovo kuwait kyrgyzstan laos latvia
    lebanon libya lithuania malaysia mali moldova mongolia montenegro morocco mozambique myanmar
    nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru
    philippines poland portugal qatar romania russia rwanda serbia singapore slovakia slovenia
    somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand tunisia
    turkey turkmenistan uganda ukraine uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe
    europe africa asia gaza crimea
    america britain england scotland wales u.s us uk
    alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
    minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania
    tennessee texas utah vermont virginia wisconsin wyoming""".split()
)
"""Capitals, seats of power and countries, which news writing uses for governments ("Seoul
says", "Ukraine rejected"): a place, never the person who spoke."""

PLACE_PHRASES: frozenset[str] = frozenset(
    line.strip()
    for line in """
    united states, united kingdom, south africa, north korea, south korea, saudi arabia,
    new zealand, sri lanka, hong kong, costa rica, el salvador, puerto rico, united arab emirates,
    new hampshire, new jersey, new mexico, new york, north carolina, north dakota,
    south carolina, south dakota, west virginia, rhode island
    """.split(",")
)
"""Places of more than one word (countries and US states), as :func:`is_place` compares them."""


def is_place(key: tuple[str, ...]) -> bool:
    """A name key that is a place: a country, capital or state ("Ukraine", "New Hampshire").

    >>> is_place(("new", "hampshire")), is_place(("iowa",)), is_place(("jeb", "bush"))
    (True, True, False)
    """
    return (len(key) == 1 and key[0] in PLACE_NAMES) or " ".join(key) in PLACE_PHRASES


ORG_HEADS: frozenset[str] = frozenset(
    """house office ministry council party agency court university company bank group inc ltd corp
    association union committee department government police commission authority foundation
    institute organisation organization federation league club board service services fund
    center centre society library network llc
    parliament assembly senate congress army navy command embassy consulate convention coalition bureau""".split()
)
"""Last words of an organisation's name."""

ORGANISATION_LINKS: frozenset[str] = frozenset("of on for".split())
"""Words that join an organisation's head to the rest of its name ("Illinois Board of Elections",
"Commission on Presidential Debates", "Institute for Science")."""


def is_organisation(key: tuple[str, ...]) -> bool:
    """A name key that is an organisation's: its last word is an organisation's head
    (:data:`ORG_HEADS`), or a head comes right before a link word (:data:`ORGANISATION_LINKS`).

    >>> is_organisation(("pew", "research", "center")), is_organisation(("illinois", "board", "of", "elections"))
    (True, True)
    >>> is_organisation(("ted", "cruz")), is_organisation(("secretary", "of", "state"))
    (False, False)
    """
    return bool(key) and (key[-1] in ORG_HEADS or any(w in ORGANISATION_LINKS and key[k - 1] in ORG_HEADS for k, w in enumerate(key) if k))


PARTY_MEMBER_WORDS: frozenset[str] = frozenset("republican democrat libertarian".split())
"""Nouns for one member of a party: "the Republican said" describes a person, like "the senator"."""
AFFILIATION_WORDS: frozenset[str] = PARTY_MEMBER_WORDS | frozenset("republicans democrats democratic gop".split())
"""Party words the US press puts before a politician's name ("Republican Donald Trump", "Democrat
Hillary Clinton"): a description of the person, not part of the name (``quotes.extract.mentions``)."""

HEAD_OF_STATE_ROLES: frozenset[str] = frozenset(
    "president leader premier chancellor king queen emir sultan monarch pope pontiff".split()
)
"""Roles an epithet like "the leader" can refer to interchangeably."""

STYLES_OF_ADDRESS: dict[tuple[str, ...], str] = {
    ("holy", "father"): "pope",
    ("holiness",): "pope",
    ("majesty",): "monarch",
}
"""Forms of address that stand for an office, in capitals ("the Holy Father", "His Holiness",
"Her Majesty"), with the role they refer to: the person of that title the article names."""

FEMALE_WORDS: frozenset[str] = frozenset(
    """mrs ms miss madam dame lady wife mother daughter sister actress chairwoman spokeswoman
    councilwoman congresswoman queen princess businesswoman sportswoman grandmother aunt niece
    girlfriend widow she her""".split()
)
MALE_WORDS: frozenset[str] = frozenset(
    """mr sir lord husband father son brother chairman spokesman councilman congressman king prince
    businessman sportsman grandfather uncle nephew boyfriend widower he him""".split()
)
"""Titles and relations that tell a person's gender, so "she" is not resolved to "Mr Smith"."""

FEMALE_FIRST_NAMES: frozenset[str] = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
    margaret sandra kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca
    sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha
    katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia
    julie joyce victoria christina lauren joan evelyn olivia judith megan cheryl martha andrea
    hannah jacqueline gloria teresa ann sara frances kathryn janice abigail alice judy sophia grace
    denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte
    marie kayla alexis lori hillary nikki kamala elise ivanka melania michele condoleezza madeleine
    ilhan alexandria elena sonia tulsi kirsten ursula giorgia marine annalena jacinda julia liz
    priti yulia svetlana olena oksana natalia irina tatiana ekaterina marina ludmila anastasia ana
    sofia lucia carmen rosa isabel beatriz mariana gabriela fernanda claudia dilma fatima aisha
    leila yasmin priya sunita indira nirmala smriti mamata""".split()
)
"""First names that only women bear in the English-language press: with no title or relation
word, they tell a person's gender ("Mayor Karen Bass … She later told the council …" is Bass, not
the deputy named last). Picked by hand, not from the development sets: the commonest English
given names, the commonest of the languages the international press quotes most (Russian,
Ukrainian, Spanish, Portuguese, Italian, German, Arabic, Hindi, Japanese), and those of heads of
government and candidates for high office. Names borne by either are left out (Jordan, Taylor,
Alex, Jean, and Kim: "Kim Jong Un", "Kim Davis")."""

MALE_FIRST_NAMES: frozenset[str] = frozenset(
    """james robert john michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald
    edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon
    benjamin samuel gregory frank alexander raymond patrick jack dennis jerry aaron henry adam
    douglas nathan peter zachary kyle walter harold jeremy ethan carl keith roger gerald christian
    sean arthur austin noah lawrence jesse joe bryan billy bruce albert willie gabriel ralph roy
    eugene russell bobby mason philip louis barack bernie ted jeb marco mitch chuck newt rand mike
    hunter rudy rex vladimir sergei dmitry alexei volodymyr petro vitali emmanuel olaf boris rishi
    keir nigel friedrich angelo silvio matteo giuseppe francesco pedro carlos jose juan luis jorge
    miguel javier diego alejandro andres fernando ricardo eduardo sergio mohammed muhammad ahmed
    hassan hussein omar ibrahim mahmoud recep yair naftali narendra rahul amit rajnath arvind
    shigeru fumio shinzo""".split()
) - FEMALE_FIRST_NAMES
"""First names that only men bear in the English-language press (see :data:`FEMALE_FIRST_NAMES`)."""

PERSON_PRONOUNS: frozenset[str] = frozenset("he she".split())
PRONOUN_GENDERS: dict[str, str] = {"he": "m", "him": "m", "she": "f", "her": "f"}
"""The gender of a person pronoun, subject or object ("quoted him as saying")."""
GROUP_PRONOUNS: frozenset[str] = frozenset("they we i".split())
INDEFINITE_SPEAKERS: frozenset[str] = frozenset("another one others someone somebody".split())
"""Words that stand for someone the article does not name when they are a reporting verb's subject,
alone or before a noun: "Another said …", "one user wrote", "Others shouted"."""
OBJECT_OPENERS: frozenset[str] = frozenset("me us him her them it no the a an this that these those my your our his their".split())
"""Words that follow an imperative at once ("Let me …", "Pay no attention …", "Take a look"), and
never a sentence's subject: a subject is followed by its verb."""

AUX_AND_ADVERBS: frozenset[str] = frozenset(
    """has have had was were is are be been being also then later previously repeatedly again once
    earlier further reportedly personally publicly recently just first finally subsequently
    separately still would will could may might can did does do not n't never directly quickly
    openly privately already often frequently himself herself itself themselves simply even""".split()
)
"""Words that may stand between a subject and its reporting verb ("Kim has also said")."""

LINK_WORDS: frozenset[str] = frozenset("read see more related watch photo video".split())
"""Words of a link or caption line ("Read more", "See also", "Watch:"): capitalised there, yet
verbs and nouns that a name may hold ("the Holy See"), so they end no run of capitals."""

FUNCTION_WORDS: frozenset[str] = LINK_WORDS | frozenset(
    """a an the this that these those it its it's his her their our your my we they he she i you
    in on at of for to from by with about as into over after before since during while when where
    why how what which who whom whose if then than and or but nor so yet not no yes all both each
    every some any many most more much few several such there here also however meanwhile moreover
    according earlier later today yesterday tomorrow last next first speaking asked although though now
    because despite amid among between under until unless once again still even just only reports
    neither either like unlike absent wait well oh please
    indeed elsewhere instead nevertheless nonetheless furthermore besides likewise otherwise thus
    therefore hence afterwards additionally consequently similarly ultimately initially
    another others nobody somebody someone everyone everybody anyone anybody none""".split()
)
"""Common words that are capitalised only because they open a sentence or a headline."""

OFFICE_PORTFOLIOS: frozenset[str] = frozenset(
    """state defense defence homeland security health human services labor labour energy treasury
    education commerce agriculture interior transportation transport justice veterans affairs
    foreign home housing urban development trade finance economy environment culture staff
    national intelligence house united states""".split()
)
"""Words of a portfolio that an office names after "of" or "of the": "Secretary of State John F. Kerry",
"Minister of Foreign Affairs Sergei Lavrov", "Director of National Intelligence James Clapper",
"Speaker of the House Paul Ryan" (the title runs through them; the name follows)."""


NUMBER_WORDS: frozenset[str] = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
    thousand million billion""".split()
)
"""Number words: "Twenty-two years ago" opens a sentence in capitals, and names no one. Not the
plurals: "Hundreds of demonstrators chanted …" heads a description that speaks."""


def is_number_word(word: str) -> bool:
    """A number written in words, hyphenated or not: "Twenty-two", "Hundreds", "one".

    >>> is_number_word("Twenty-two"), is_number_word("Hundreds"), is_number_word("Tony")
    (True, False, False)
    """
    parts = [p for p in re.split(r"[-‐‑]", word.lower()) if p]
    return bool(parts) and all(p in NUMBER_WORDS for p in parts)


NAME_PARTICLES: frozenset[str] = frozenset("de da del della di van von der den la le bin ibn al el abu".split())

CALLING_CUES: frozenset[str] = frozenset(
    "called calls calling named dubbed titled entitled so-called known termed labelled labeled branded".split()
)
"""Words before a quote that mark it as a name or term rather than someone's words."""


AMBIGUOUS_NOUNS: frozenset[str] = frozenset(
    """note notes post posts report reports call calls order orders term terms brand brands label
    labels comment comments demand demands reply replies answer answers promise promises pledge
    pledges vow vows claim claims quote quotes tweet tweets boast boasts warning statement praise
    thanks dub state states address concludes question welcome""".split()
)
"""Forms of reporting verbs that are more often nouns; cues only when POS says VERB."""


def _inflections(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    if len(lemma) >= 3 and lemma[-1] in "bdgmnprt" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


_IRREGULAR = {
    "said": "say", "says": "say", "saying": "say", "told": "tell", "telling": "tell", "tells": "tell",
    "wrote": "write", "written": "write", "writing": "write", "spoke": "speak", "spoken": "speak",
}


@lru_cache(maxsize=None)
def _surface_to_lemma() -> dict[str, str]:
    table: dict[str, str] = {}
    for lemma in REPORTING_LEMMAS:
        for form in _inflections(lemma):
            table.setdefault(form, lemma)
    table.update(_IRREGULAR)
    return table


@lru_cache(maxsize=1 << 16)
def reporting_form(word: str) -> str | None:
    """The reporting-verb lemma ``word`` is a form of, noun-like forms included: what
    :func:`reporting_lemma` gives ``word`` with ``ambiguous=True`` and no engine lemma.

    >>> reporting_form("calls"), reporting_form("Said"), reporting_form("table")
    ('call', 'say', None)
    """
    return _surface_to_lemma().get(word.lower())


@lru_cache(maxsize=1 << 16)
def reporting_lemma(word: str, lemma: str | None = None, *, ambiguous: bool = False) -> str | None:
    """The reporting-verb lemma of ``word`` (using the engine's ``lemma`` when there is one), else None.

    Forms that are more often nouns ("calls", "notes") count only with ``ambiguous=True``, for
    callers that have seen a subject right before them.

    >>> reporting_lemma("said"), reporting_lemma("emphasized"), reporting_lemma("table")
    ('say', 'emphasize', None)

    Cached: a pure function of its arguments and the lexicon's constant tables, called for most
    tokens of every article (the same few thousand words).
    """
    if lemma and lemma.lower() in REPORTING_LEMMAS:
        return lemma.lower()
    found = reporting_form(word)
    if found and lemma is None and word.lower() in AMBIGUOUS_NOUNS and not ambiguous:
        return None
    return found

SPEECH_NOUNS: frozenset[str] = frozenset(
    """remark remarks comment comments word words statement statements claim claims call calls
    appeal appeals warning warnings message messages tweet tweets post posts speech speeches
    assertion assertions accusation accusations criticism pledge pledges promise promises vow vows
    threat threats answer answers response reply replies demand demands plea pleas description
    characterization characterisation suggestion suggestions quote quotes""".split()
)
"""Nouns of something said: their owner is the speaker of the words they introduce ("Francis'
recent remarks calling for Ukraine to “raise the white flag”"), unless a verb takes the whole
phrase as its object ("Katz condemned Lula's remarks as “shameful”": the verb's subject speaks)."""

OBJECT_CUES: frozenset[str] = frozenset(
    """tell ask urge thank assure warn accuse criticize criticise condemn praise hail congratulate
    welcome dismiss slam blast denounce laud applaud commend quote call describe label dub brand
    term characterize characterise answer""".split()
)
"""Reporting lemmas whose object right after them is the person spoken to or about ("told The
Times", "asked the Pope", "accused Kim"), not the speaker as in "said Kim"."""

OWNER_DETERMINERS: frozenset[str] = frozenset("the his her their its those these that this".split())
"""Words before a speech noun that leave its owner to the context ("condemned his remarks as …")."""

IRREGULAR_PASTS: frozenset[str] = frozenset(
    """arose awoke bore beat became began bent bet bit bled blew broke brought built burnt burst
    bought caught chose clung came cost crept cut dealt dug did drew dreamt drank drove ate fell fed
    felt fought found fled flung flew forbade forgot forgave froze got gave went grew hung heard hid
    hit held hurt kept knelt knew laid led leant leapt learnt left lent let lay lit lost made meant
    met paid put quit read rode rang rose ran saw sought sold sent set shook shed shone shot shrank
    shut sang sank sat slept slid spoke sped spent spun spat split spread sprang stood stole stuck
    stung struck swore swept swam swung took taught tore told thought threw trod understood woke
    wore wept won wrote""".split()
)
"""The simple past of English's irregular verbs: with no parts of speech, what tells "the Democratic
Party met" (a subject and its verb) from "the Senate Benghazi hearing" (a name qualifying a noun);
regular pasts end in "-ed"."""

AUTHOR_VERBS: frozenset[str] = frozenset("sent wrote issued delivered released signed addressed penned".split())
"""Verbs that make their subject the author of a document ("Putin sent a letter")."""

PREPOSITIONS: frozenset[str] = frozenset(
    """by to with from for of at in on about against into over under than like as above below near
    behind beside across through throughout during after before since until within without outside
    inside around among between toward towards via despite upon onto off beyond""".split()
)
"""Prepositions: a name right after one is not the subject of its sentence ("In a statement read by Ms Thorne")."""

PREPOSITIONAL_PARTICIPLES: frozenset[str] = frozenset("following including regarding concerning excluding barring".split())
"""Participles used as prepositions: opening a sentence, one comes before a name but is no part of it
("Following Sanders on MSNBC, Clinton …")."""

ABBREVIATED_MONTHS: frozenset[str] = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
"""Months as abbreviated: a date with the full stop or a day number ("Nov.", "Dec 5"), else often a
name ("Jan Brewer", "columnist Ai Jun")."""

DATE_WORDS: frozenset[str] = (
    frozenset(
        """monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
        january february march april june july august september october november december""".split()
    )
    | ABBREVIATED_MONTHS
)
"""Days, months and their abbreviations: capitalised, but never a speaker ("Friday", "Nov."). Not
"May", which is also a surname."""

MONTH_PREPOSITIONS: frozenset[str] = frozenset("in since until till early late mid last next this".split())
"""Words before a month: after one, "May" is the month ("an op-ed in May", "since early May"),
anywhere else it may be a name ("Theresa May", "May said")."""

PERIOD_NOUNS: frozenset[str] = frozenset("year month week decade century".split())
"""Spans of time: capitalised, they end a title ("Person of the Year", "Player of the Week") and
never start a name ("of the Year Barack Obama" names Barack Obama)."""

MODIFIER_PREFIXES: frozenset[str] = frozenset("anti pro non never".split())
"""Prefixes that turn a name into an adjective ("Anti-Trump", "pro-Clinton", "Never-Trump"): the
compound qualifies a noun and names no speaker."""

MODIFIER_HEADS: frozenset[str] = frozenset("era style like based type run led friendly wide".split())
"""Lower-case words that, after a hyphen, turn a name into an adjective ("Obama-era", "Trump-style",
"Kremlin-run"); a past participle does the same ("Johnson-backed", "Saudi-led"). Name halves after a
hyphen are not these ("Jong-un", "Jae-in")."""

COMPLEMENT_ROLES: frozenset[str] = frozenset(
    "ambassador ambassadors envoy envoys emissary adviser advisor advisers advisors aide aides delegate representative liaison counsel".split()
)
"""Roles whose holder is named by a "to" phrase: "the ambassador to the Holy See", "an adviser to
Trump". The phrase is part of the description, and its name is not the subject."""

SCORER_TITLE_WORDS: frozenset[str] = frozenset(
    "mr mrs ms dr president leader prime minister the chairman speaker general secretary "
    "comrade sir madam us russian north korean south state duma".split()
)
"""The words the reference scorer (``shared/tools/score.py``) drops before comparing speaker
names. Fixed by that scorer, not by us: ``quotes eval`` must give its figures."""
