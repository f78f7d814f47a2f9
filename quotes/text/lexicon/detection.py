"""Words of news writing that tell whether a quoted span reports somebody's words or names something.

General conventions of the genre, not lists fitted to any text: the nouns a reporter uses to
talk about words ("the term", "the phrase"), the verbs of using them, the verbs of voicing words
that are not classic reporting verbs (chanting, yelling), and the verbs of characterising a
person or thing with somebody's words ("likened him to", "referred to her as").
"""

from __future__ import annotations

WORD_NOUNS: frozenset[str] = frozenset(
    "term terms word words phrase phrases expression expressions".split()
)
"""Nouns that introduce a quoted term ("the term “white flag”"): whether it is somebody's words
depends on the verb before them."""

USING_VERBS: frozenset[str] = frozenset(
    """use uses used using employ employs employed employing utter utters uttered uttering
    repeat repeats repeated repeating invoke invokes invoked invoking coin coins coined coining
    reference references referenced referencing mention mentions mentioned mentioning""".split()
)
"""Verbs that make their subject the one who said a term: "Francis used the term “white flag”"."""

VOICING_VERBS: frozenset[str] = frozenset(
    """chant chants chanted chanting yell yells yelled yelling exclaim exclaims exclaimed exclaiming
    scream screams screamed screaming shout shouts shouted shouting cry cried crying cheer cheered
    cheering sing sings sang singing mouth mouthed mouthing""".split()
)
"""Verbs of voicing words aloud that are not among the reporting verbs: what follows is said."""

VOICING_NOUNS: frozenset[str] = frozenset(
    "chant chants cry cries shout shouts scream screams yell yells cheer cheers".split()
)
"""Nouns of words voiced aloud, before "of" and the words: "chants of “Four More Years”"."""

SAYING_VERBS: frozenset[str] = frozenset(
    """say says said saying read reads reading tweet tweets tweeted tweeting post posted posting
    add adds added declare declares declared declaring proclaim proclaims proclaimed proclaiming
    reply replies replied replying""".split()
)
"""Verbs whose object is the very words said or carried ("she tweeted, “Happy New Year!”", "a
banner reading “Hands Off”"). Unlike "told" or "called" they take no addressee or named thing
("told “Fox and Friends”", "a play called “Sons of Trump”")."""

CHARACTERISING_VERBS: frozenset[str] = frozenset(
    """call calls called calling liken likens likened likening compare compares compared comparing
    describe describes described describing refer refers referred referring hail hails hailed
    hailing deride derides derided deriding mock mocks mocked mocking rated""".split()
)
"""Verbs that characterise somebody in somebody's words ("calls people “losers”", "likened the
rules to “burning the Constitution”", "referred to her as “the nominee”"): the quote is the
subject's words; so are a fact-checker's verdicts ("rated the claim “false”"). "so-called",
"dubbed", "known as" are names (lexicon ``CALLING_CUES``)."""

JUDGING_VERBS: frozenset[str] = frozenset(
    """portray portrays portrayed portraying cast casts casting deem deems deemed deeming herald heralds
    heralded heralding tout touts touted touting reject rejects rejected rejecting defend defends
    defended defending blame blames blamed blaming cite cites cited citing brand branded branding
    dismiss dismisses dismissed dismissing denounce denounces denounced denouncing
    vent vents vented venting protest protested protesting imply implies implied implying
    point points pointed pointing present presents presented presenting question questioned
    questioning hammer hammers hammered hammering rip rips ripped ripping chide chides chided
    chiding fault faults faulted faulting lambast lambasts lambasted lambasting assail assails
    assailed assailing""".split()
)
"""Verbs by which a named subject judges somebody or something in his own words, with the words
as the verb's complement ("Merkel heralded the deal as a “breakthrough”", "the campaign rejected
the idea as “ludicrous”", "citing her “long experience”"): the quote is the subject's words."""

SPEECH_NOUNS: frozenset[str] = frozenset(
    """claim claims statement statements remark remarks comment comments promise promises pledge
    pledges vow vows warning warnings assertion assertions boast boasts charge charges
    accusation accusations words""".split()
)
"""Nouns of something said: with its sayer before it ("Trump's claim that there were “thousands
of shootings”", "his warning of “chaos”") the quote is that person's words."""

TITLING_CUES: frozenset[str] = frozenset("titled entitled headlined".split())
"""Participles that introduce a work's title ("a review titled “Casual Employment Practices at CPU,
2017–2024”"): what follows is a name however long it runs."""

NAMING_NOUNS: frozenset[str] = frozenset(
    "nickname nicknames codename codenamed code-named hashtag hashtags".split()
)
"""Nouns and participles that introduce a name or label, not anybody's words."""

STAGE_DIRECTIONS: frozenset[str] = frozenset(
    """crosstalk applause laughter laughs laughing inaudible unintelligible cheers cheering
    booing boos silence pause music break commercial""".split()
)
"""Transcript stage directions, written in parentheses or brackets: "(CROSSTALK)"."""
