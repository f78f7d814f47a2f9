"""Mentions and the people they refer to, canonicalised within an article."""

from __future__ import annotations

import pytest

from quotes.extract.textview import TextView
from quotes.extract.marks import find_spans
from quotes.extract.mentions import MentionIndex, Referent, descriptor_match, find_mentions, is_media, name_key


def handmade_mentions(text: str) -> MentionIndex:
    """The mentions found in a hand-built document of ``text`` (no model needed)."""
    from tests.extract.handmade import document

    return find_mentions(TextView(document(text), find_spans(text)))


def mentions_of(engine, text: str):  # type: ignore[no-untyped-def]
    view = TextView(engine.annotate(text), find_spans(text))
    return find_mentions(view)


def test_name_key_drops_titles_hyphens_and_possessives() -> None:
    assert name_key("Mr Kim Jong-un") == ("kim", "jong", "un")
    assert name_key("Putin’s") == ("putin",)


@pytest.mark.parametrize(
    "surface, surnames, expected",
    [
        ("Mr. King", frozenset(), ("king",)),
        ("Ms Bishop", frozenset(), ("bishop",)),
        ("King Charles", frozenset(), ("charles",)),
        ("Charlie King", frozenset(), ("charlie",)),
        ("Charlie King", frozenset({"king"}), ("charlie", "king")),
        ("Lord Chancellor", frozenset(), ()),
    ],
)
def test_a_role_word_after_an_honorific_is_a_surname(surface: str, surnames: frozenset[str], expected: tuple[str, ...]) -> None:
    assert name_key(surface, surnames) == expected


def test_an_honorific_surname_joins_the_full_name() -> None:
    from tests.extract.handmade import document

    text = "“Turnout matters,” said Charlie King, a New York Democrat. Mr. King added more."
    view = TextView(document(text), find_spans(text))
    index = find_mentions(view)
    kings = [r for r in index.referents if "king" in r.key]
    assert [(r.name, len(r.mentions)) for r in kings] == [("Charlie King", 2)]


def test_a_country_is_not_a_person_who_shares_its_name() -> None:
    text = "Foreign Minister Israel Katz spoke first. Israel declared Lula “persona non grata.” Katz agreed."
    index = handmade_mentions(text)
    assert sorted(r.name for r in index.referents if "israel" in r.key) == ["Israel", "Israel Katz"]


@pytest.mark.parametrize(
    "text, group",
    [
        ("Scott's family has called on police to act.", "Scott's family"),
        ("Clinton's campaign said it would respond.", "Clinton's campaign"),
        ("Obama's former campaign strategist said it was wrong.", None),  # "campaign" modifies
    ],
)
def test_a_group_owned_by_a_name_speaks_as_itself(text: str, group) -> None:  # type: ignore[no-untyped-def]
    index = handmade_mentions(text)
    groups = [m.text for m in index.mentions if "<group>" in m.descriptors]
    assert groups == ([group] if group else [])


def test_media_needs_a_news_word() -> None:
    assert is_media({"state", "media"})
    assert is_media({"kcna", "news", "agency"})
    assert not is_media({"intelligence", "agency"})


def test_a_role_must_fit_before_other_descriptors_count() -> None:
    putin = Referent(index=0, name="Vladimir Putin", key=("vladimir", "putin"), descriptors={"russian", "president"})
    assert descriptor_match(frozenset({"russian", "leader"}), putin) == 2  # leader ~ president
    assert descriptor_match(frozenset({"russian", "ombudsman"}), putin) == 0


@pytest.mark.slow
def test_mentions_join_the_fullest_name(engine) -> None:  # type: ignore[no-untyped-def]
    index = mentions_of(engine, "North Korean leader Kim Jong Un spoke. Mr Kim left, and Kim said nothing.")
    kims = [r for r in index.referents if r.key[0] == "kim"]
    assert len(kims) == 1 and kims[0].name == "Kim Jong Un" and kims[0].person
    assert len(kims[0].mentions) == 3


@pytest.mark.slow
def test_words_inside_quotes_and_datelines_name_nobody(stanza_engine) -> None:  # type: ignore[no-untyped-def]
    index = mentions_of(stanza_engine, 'MOSCOW (Reuters) — "Pyongyang will win," Ivan Petrov said.')
    assert [m.name for m in index.mentions if m.kind == "name"] == ["Ivan Petrov"]


@pytest.mark.slow
def test_outlets_and_descriptions(stanza_engine) -> None:  # type: ignore[no-untyped-def]
    index = mentions_of(stanza_engine, "The state-run KCNA news agency reported it. Later the 45-year-old said so.")
    kinds = [(m.kind, m.media) for m in index.mentions]
    assert ("epithet", True) in kinds  # the outlet
    assert any(m.kind == "epithet" and "45" in m.text for m in index.mentions)  # a description before "said"


@pytest.mark.parametrize(
    "text, place",
    [
        ("Voters in New Hampshire say the race is close. Jane Ruiz said so.", "New Hampshire"),
        ("The primary in Iowa says little, Jane Ruiz said.", "Iowa"),
        ("Jane Ruiz toured the United States last year.", "United States"),
    ],
)
def test_a_state_or_country_is_never_a_person(text: str, place: str) -> None:
    index = handmade_mentions(text)
    found = [r for r in index.referents if r.name == place]
    assert found and not found[0].person


@pytest.mark.parametrize(
    "text, name, person",
    [
        ("Maria Lopez, a farmer, waited near the front.", "Maria Lopez", True),
        ("Carlos Ruiz waited near the front.", "Carlos Ruiz", True),
        ("Lopez waited near the front.", "Lopez", False),  # a surname alone tells nothing
    ],
)
def test_a_first_name_makes_a_person_without_ner(text: str, name: str, person: bool) -> None:
    index = handmade_mentions(text)
    assert [r.person for r in index.referents if r.name == name] == [person]


@pytest.mark.parametrize(
    "text, names",
    [
        ("Manchester United have sacked manager Erik Lund.", ["Manchester United", "Erik Lund"]),
        ("Fans said Chelsea had hired coach Erik Lund.", ["Fans", "Chelsea", "Erik Lund"]),
        ("Republican political consultant Chris Russell said so.", ["Chris Russell"]),
    ],
)
def test_no_title_runs_back_through_a_verb(text: str, names: list[str]) -> None:
    index = handmade_mentions(text)
    assert [m.name for m in index.mentions if m.kind == "name"] == names
    lund = [m for m in index.mentions if m.name == "Erik Lund"]
    assert not lund or lund[0].text in {"manager Erik Lund", "coach Erik Lund"}


def test_a_dateline_under_a_headline_names_nobody() -> None:
    index = handmade_mentions("Erdogan rejects sanctions\n\nANKARA, April 3 (Reuters) - Tayyip Erdogan said Ankara would not bow.")
    assert [m.text for m in index.mentions if m.kind == "name"] == ["Erdogan", "Tayyip Erdogan", "Ankara"]


@pytest.mark.parametrize(
    "text, name, affiliation",
    [
        ("Analyst Priya Raman of Quilty Space said so.", "Quilty Space", True),
        ("Mr. Morgan of the Sierra Club said so.", "Sierra Club", True),
        ("Footage of Al-Awlaki was shown.", "Al-Awlaki", False),  # "Footage" is no person's name
        ("A video of Hillary Clinton was shown.", "Hillary Clinton", False),
    ],
)
def test_a_name_after_a_person_and_of_is_an_affiliation(text: str, name: str, affiliation: bool) -> None:
    index = handmade_mentions(text)
    (found,) = [m for m in index.mentions if m.name == name]
    assert ("<affiliation>" in found.descriptors) == affiliation


@pytest.mark.parametrize(
    "text, speaker_kind",
    [
        ("The Sierra Club said so.", "name"),
        ("The State Department said so.", "name"),
        ("The Kremlin said so.", "name"),
        ("The Republican said so.", "epithet"),  # a description of someone named before
    ],
)
def test_an_institution_after_the_is_a_name(text: str, speaker_kind: str) -> None:
    index = handmade_mentions(text)
    assert [m.kind for m in index.mentions] == [speaker_kind]


def test_pm_is_a_title() -> None:
    text = "PM Narendra Modi visited the Adampur air base in Punjab. He said India was ready."
    index = handmade_mentions(text)
    modi = [r for r in index.referents if "modi" in r.key]
    assert modi and modi[0].person and modi[0].key == ("narendra", "modi")


def test_an_administration_stays_its_president_s_name() -> None:
    text = "The plan came from the President Donald Trump administration. Trump said it was fair."
    index = handmade_mentions(text)
    assert [r.name for r in index.referents if "trump" in r.key] == ["Donald Trump"]


@pytest.mark.parametrize(
    "text, kept",
    [
        # two people the article names apart: a pairing, not a name
        ("Hillary Clinton met Elizabeth Warren. The Clinton-Warren meeting was private. Warren spoke.", None),
        # a double-barrelled name stays one
        ("Alexandria Ocasio-Cortez spoke. Ocasio-Cortez said it was fair.", "Alexandria Ocasio-Cortez"),
    ],
)
def test_a_hyphen_joining_two_named_people_is_a_pairing(text: str, kept) -> None:  # type: ignore[no-untyped-def]
    index = handmade_mentions(text)
    hyphenated = [r.name for r in index.referents if "-" in r.name]
    assert hyphenated == ([kept] if kept else [])


@pytest.mark.parametrize(
    "text, name",
    [
        ("Neither Warren nor Clinton spoke.", "Warren"),
        ("Wait, it gets better, Jane Ruiz said.", "Jane Ruiz"),
        ("The answer came fast — If Obama wins, he said, the plan dies.", "Obama"),
    ],
)
def test_a_capitalised_common_word_opening_a_clause_is_no_part_of_a_name(text: str, name: str) -> None:
    index = handmade_mentions(text)
    assert index.mentions[0].name == name


@pytest.mark.parametrize(
    "text, names",
    [
        # a headline opening with an auxiliary: "Will" is no one
        ("Will not be bullied by anyone, G20 declaration will proceed: Ramaphosa\n\nPresident Cyril Ramaphosa spoke on Friday.",
         ["G20", "Ramaphosa", "Cyril Ramaphosa"]),
        # a noun of something said opening a line
        ('Quote from Kuleba: "Our flag is a yellow and blue one."\n\nForeign Minister Dmytro Kuleba spoke on Sunday.',
         ["Kuleba", "Dmytro Kuleba"]),
        # a number in words opening a sentence
        ('Twenty-two years ago, Senator Tom Harkin called the plan "a disaster."', ["Tom Harkin"]),
        # the article also writes the word mid-sentence in capitals: a name
        ('Will wrote that the plan was "a disaster." The columnist George Will has said so before.', ["Will", "George Will"]),
    ],
)
def test_a_common_word_opening_a_line_starts_no_name(text: str, names: list[str]) -> None:
    index = handmade_mentions(text)
    assert [m.name for m in index.mentions if m.kind == "name"] == names


@pytest.mark.parametrize(
    "text, word, pos, opener",
    [
        ("Pay attention to the details, Jane Ruiz said.", "Pay", "VERB", True),
        ("Pay attention to the details, Jane Ruiz said.", "Pay", "PROPN", False),
        # a description that speaks keeps its head: "Another commenter said"
        ("Another commenter said the plan was fair.", "Another", "DET", False),
        # the word is also capitalised mid-sentence: a name
        ("Pay said so. The lawyer Tom Pay agreed.", "Pay", "VERB", False),
    ],
)
def test_a_parser_s_common_word_tag_marks_a_common_opener(text: str, word: str, pos: str, opener: bool) -> None:
    from quotes.extract.mentions import line_openers
    from tests.extract.handmade import document

    doc = document(text)
    tokens = [t.model_copy(update={"pos": pos}) if t.text == word else t for t in doc.tokens]
    doc = doc.model_copy(update={"tokens": tokens, "layers": doc.layers | {"pos"}})
    assert (word.lower() in line_openers(TextView(doc, find_spans(text))).common) is opener


@pytest.mark.parametrize(
    "text, name, descriptor",
    [
        ("Secretary of State John Kerry said the vote was fair.", "John Kerry", "secretary"),
        ("Former Secretary of State Madeleine Albright urged women to vote.", "Madeleine Albright", "secretary"),
        ("Minister of Foreign Affairs Sergei Lavrov spoke on Monday.", "Sergei Lavrov", "minister"),
        ("Secretary of Homeland Security Jeh Johnson said so.", "Jeh Johnson", "homeland"),
        ("Director of National Intelligence James Clapper declined to comment.", "James Clapper", "intelligence"),
        # "of the" links the office to its portfolio as well
        ("Speaker of the House Paul Ryan said the vote would wait.", "Paul Ryan", "speaker"),
        ("President of the United States Barack Obama spoke first.", "Barack Obama", "president"),
        # corporate and legal titles
        ("Chief Financial Officer Vaibhav Taneja told analysts so.", "Vaibhav Taneja", "officer"),
        ("Chief Executive Elon Musk was more cautious.", "Elon Musk", "executive"),
        ("General Counsel James Baker wrote the memo.", "James Baker", "counsel"),
        ("Officer Jason Van Dyke was charged.", "Jason Van Dyke", "officer"),
    ],
)
def test_a_title_before_a_name_is_no_part_of_it(text: str, name: str, descriptor: str) -> None:
    named = [m for m in handmade_mentions(text).mentions if m.kind == "name"]
    assert [m.name for m in named] == [name]
    assert descriptor in named[0].descriptors


@pytest.mark.parametrize(
    "text, office",
    [("The Secretary of State said the vote was fair.", "Secretary of State"), ("The Speaker of the House said so.", "Speaker of the House")],
)
def test_an_office_named_with_of_and_no_name_is_the_office(text: str, office: str) -> None:
    index = handmade_mentions(text)
    assert [m.kind for m in index.mentions] == ["epithet"]
    assert "<office>" in index.mentions[0].descriptors and index.mentions[0].name == office


@pytest.mark.parametrize(
    "text, names",
    [
        ("The Illinois Board of Elections said the count was final.", ["Illinois Board of Elections"]),
        ("A spokesman for the Commission on Presidential Debates said no.", ["Commission on Presidential Debates"]),
        # with a role word inside, the whole name is that office's
        ("The Office of the Director of National Intelligence said so.", ["Office of the Director of National Intelligence"]),
        ("The Institute for Science wrote in September.", ["Institute for Science"]),
        # an organisation before a role word only qualifies it; the name after the role speaks
        ("Department of Justice spokesman Peter Carr declined.", ["Peter Carr"]),
        # a person's "of" is where he comes from, not part of his name
        ("Sen. Ted Cruz of Texas said so.", ["Ted Cruz", "Texas"]),
        # the link needs a capitalised word after it
        ("The Board of the company met. The Board on Monday said no.", ["Board", "company", "Board"]),
    ],
)
def test_an_organisation_s_name_runs_through_of_on_and_for(text: str, names: list[str]) -> None:
    assert [m.name for m in handmade_mentions(text).mentions if m.name] == names


@pytest.mark.parametrize(
    "text, surface, role",
    [
        ("Pope Leo arrived. The Holy Father then spoke.", "The Holy Father", "pope"),
        ("Pope Leo arrived. His Holiness then spoke.", "His Holiness", "pope"),
        ("King Carl arrived. His Majesty then spoke.", "His Majesty", "monarch"),
    ],
)
def test_a_form_of_address_is_an_epithet_of_its_office(text: str, surface: str, role: str) -> None:
    (m,) = [m for m in handmade_mentions(text).mentions if m.text == surface]
    assert m.kind == "epithet" and role in m.descriptors


def test_a_form_of_address_before_a_name_leaves_the_name_to_carry_it() -> None:
    mentions = handmade_mentions("His Holiness the Dalai Lama spoke.").mentions
    assert not any(m.text == "His Holiness" for m in mentions)


def test_a_verb_ends_the_qualifier_of_a_role() -> None:
    # "Pope Francis spoke with journalist Lorenzo Buccella": not "Pope Francis" qualifying "journalist"
    names = [m.text for m in handmade_mentions("Pope Francis spoke with journalist Lorenzo Buccella on Monday.").mentions]
    assert names == ["Pope Francis", "journalist Lorenzo Buccella"]


@pytest.mark.parametrize("opener", ["Indeed", "Elsewhere", "Instead", "Nevertheless"])
def test_a_sentence_adverb_is_no_name(opener: str) -> None:
    assert handmade_mentions(f"{opener}, Omar Haddad spoke on Monday.").mentions[0].text == "Omar Haddad"


def test_a_possessive_office_in_one_token_is_an_epithet(stanza_engine) -> None:  # type: ignore[no-untyped-def]
    # Stanza's tokenizer keeps "Pope’s" whole (the hand-built tokenizer would split it)
    index = mentions_of(stanza_engine, "Indeed, the Pope’s view was clear.")
    assert "Pope’s" in [t.text for t in stanza_engine.annotate("Indeed, the Pope’s view was clear.").tokens]
    (m,) = [m for m in index.mentions if m.kind == "epithet"]
    assert m.name == "Pope" and "pope" in m.descriptors


@pytest.mark.parametrize(
    "text, heading",
    [
        ("ECONOMY FAVORS TRUMP\nIndiana voted on Tuesday.", "ECONOMY FAVORS TRUMP"),
        ("Omar Haddad spoke first.\nDES MOINES\nRuth Adler spoke next.", "DES MOINES"),
        ("Omar Haddad spoke first.\nEBOLA SURVIVORS, THROUGH THE LENS\nRuth Adler spoke next.", "THROUGH"),
        ("DES MOINES, Iowa — Omar Haddad spoke on Monday. Ruth Adler spoke next.", "DES MOINES"),
        ("Omar Haddad spoke first.\nHIGHER THAN EXPECTED TURNOUT - Ruth Adler spoke next.", "HIGHER"),
    ],
)
def test_words_all_in_capitals_are_a_heading_not_a_name(text: str, heading: str) -> None:
    names = [m.text for m in handmade_mentions(text).mentions if m.kind == "name"]
    assert heading not in names and names


def test_a_transcript_label_in_capitals_is_a_name() -> None:
    assert handmade_mentions("CHRIS WALLACE: Good evening.").mentions[0].text == "CHRIS WALLACE"


@pytest.mark.parametrize(
    "text, names",
    [
        ("She wrote an op-ed in May, in which she called for change.", []),
        ("On May 5 the vote was held.", []),
        ("Since early May, Ruth Adler has said nothing.", ["Ruth Adler"]),
        ("Theresa May spoke first.", ["Theresa May"]),
    ],
)
def test_may_is_the_month_after_a_month_preposition_or_before_a_day(text: str, names: list[str]) -> None:
    assert [m.name for m in handmade_mentions(text).mentions if m.kind == "name"] == names


@pytest.mark.parametrize("opening", ["Without", "Following", "Including", "Now"])
def test_a_preposition_or_adverb_opening_the_sentence_is_no_part_of_a_name(opening: str) -> None:
    names = [m.name for m in handmade_mentions(f"{opening} Michael Bloomberg in the race, Ruth Adler spoke.").mentions if m.kind == "name"]
    assert names == ["Michael Bloomberg", "Ruth Adler"]


@pytest.mark.parametrize("opening", ["Preceded at the lectern by", "Flanked by", "Joined on stage by"])
def test_a_participle_opening_the_sentence_is_no_name(opening: str) -> None:
    names = [m.text for m in handmade_mentions(f"{opening} Omar Haddad, Ruth Adler spoke.").mentions]
    assert names == ["Omar Haddad", "Ruth Adler"]


@pytest.mark.parametrize(
    "text, names",
    [
        # a bracketed US party affiliation is no one: "D-Mass" is not a speaker
        ("Sen. Ted Kennedy (D-Mass.) spoke first.", ["Ted Kennedy"]),
        ("Rep. Paul Ryan (R-Wis.) and Ruth Adler spoke.", ["Paul Ryan", "Ruth Adler"]),
        ("Mitch McConnell, R-Ky., said so.", ["Mitch McConnell"]),
        # a name made an adjective by a prefix or a head after the hyphen qualifies a noun
        ("Ruth Adler met Johnson-backed candidates.", ["Ruth Adler"]),
        ("An Anti-Trump rally met Ruth Adler.", ["Ruth Adler"]),
        ("Ruth Adler changed the Obama-era rules.", ["Ruth Adler"]),
        ("A Saudi-led coalition met Ruth Adler.", ["Ruth Adler"]),
        ("A Hillary Clinton-backed group met Ruth Adler.", ["Ruth Adler"]),
        # halves of a double-barrelled name are not modifiers
        ("Kim Jong-un met Moon Jae-in.", ["Kim Jong-un", "Moon Jae-in"]),
        ("Alexandria Ocasio-Cortez spoke.", ["Alexandria Ocasio-Cortez"]),
        # a link word inside a run of capitals is part of the name
        ("Later, the Holy See said it was late.", ["Holy See"]),
    ],
)
def test_compound_modifiers_and_party_labels_name_no_one(text: str, names: list[str]) -> None:
    assert [m.name for m in handmade_mentions(text).mentions if m.kind == "name"] == names


@pytest.mark.parametrize(
    "text, names",
    [
        ("There’s still time for Ted Cruz to act.", ["Ted Cruz"]),
        ("That’s in addition to what Ruth Adler said.", ["Ruth Adler"]),
        ("For Trump, Monday's speech pleased Ruth Adler.", ["Trump", "Ruth Adler"]),
        ("Many recalled Sen. Ted Kennedy (D-Mass.) fondly.", ["Ted Kennedy"]),
    ],
)
def test_an_engine_s_glued_tokens_start_no_name(stanza_engine, text: str, names: list[str]) -> None:  # type: ignore[no-untyped-def]
    # Stanza keeps "There’s" and "Monday's" whole and cuts "(D-Mass.)" into D, -, Mass
    assert [m.name for m in mentions_of(stanza_engine, text).mentions if m.kind == "name"] == names


def test_an_adjective_before_a_titled_name_belongs_to_the_mention() -> None:
    (m,) = handmade_mentions("“No,” said former Rep. George Miller.").mentions
    assert m.text == "former Rep. George Miller" and m.name == "George Miller"


@pytest.mark.parametrize(
    "text, epithet",
    [
        ("Later, Ukraine’s ambassador to the Holy See said it was late.", "Ukraine’s ambassador to the Holy See"),
        ("Later, the ambassador to Israel said it was late.", "the ambassador to Israel"),
        ("Later, the chair of the Senate Finance Committee said it was late.", "the chair of the Senate Finance Committee"),
    ],
)
def test_a_role_s_complement_is_part_of_its_epithet(text: str, epithet: str) -> None:
    index = handmade_mentions(text)
    assert [m.text for m in index.mentions] == [epithet]


def test_to_completes_only_roles_that_take_it() -> None:
    index = handmade_mentions("Later, the president to Israel's surprise said it was late.")
    assert "Israel" in [m.name for m in index.mentions if m.kind == "name"]


def test_a_possessive_name_before_a_media_word_is_no_outlet(stanza_engine) -> None:  # type: ignore[no-untyped-def]
    # "Rubio's" is one token to Stanza: "press" after it is the release's, not an outlet's name
    index = mentions_of(stanza_engine, "Marco Rubio's press release was out. Rubio wrote to them.")
    (rubio,) = [r for r in index.referents if "rubio" in r.key]
    assert not rubio.media


@pytest.mark.parametrize(
    "text, names",
    [
        ("Republican Donald Trump spoke first.", ["Donald Trump"]),
        ("Democrat Hillary Clinton spoke first.", ["Hillary Clinton"]),
        ("The Republican National Convention opened.", ["Republican National Convention"]),
        ("The Democratic Party met.", ["Democratic Party"]),
        ("The Republican Jewish Coalition met.", ["Republican Jewish Coalition"]),
        ("The Democratic Policy Center met.", ["Democratic Policy Center"]),
    ],
)
def test_a_party_word_before_a_person_s_name_is_a_description(text: str, names: list[str]) -> None:
    index = handmade_mentions(text)
    assert [m.name for m in index.mentions if m.kind == "name"] == names


@pytest.mark.parametrize(
    "text, epithet",
    [
        ("Trump spoke. The Republican is also encouraging them.", True),
        ("Trump spoke. “We win,” the Republican said.", True),
        ("Trump spoke. The Democrat, who arrived late, agreed.", True),
        ("Trump won the Republican primaries.", False),
    ],
)
def test_the_party_member_heads_a_description_only_as_its_phrase_s_head(text: str, epithet: bool) -> None:
    index = handmade_mentions(text)
    found = [m for m in index.mentions if m.kind == "epithet" and m.descriptors & {"republican", "democrat"}]
    assert bool(found) == epithet


@pytest.mark.parametrize(
    "text, names",
    [
        ("Retired Lt. Gen. Michael Flynn spoke first.", ["Michael Flynn"]),
        ("Defense Minister Gen Nakatani spoke first.", ["Gen Nakatani"]),  # a rank only with its full stop
        ("Comedian Sarah Silverman spoke first.", ["Sarah Silverman"]),
        ("Rival Hillary Clinton spoke first.", ["Hillary Clinton"]),
    ],
)
def test_ranks_and_occupations_before_a_name_are_titles(text: str, names: list[str]) -> None:
    index = handmade_mentions(text)
    assert [m.name for m in index.mentions if m.kind == "name"] == names


@pytest.mark.parametrize(
    "text, names",
    [
        ("Columnist Ai Jun wrote it.", ["Ai Jun"]),  # a month abbreviation only as a date is one
        ("Gov. Jan Brewer spoke first.", ["Jan Brewer"]),
        ("Brewer spoke on Dec 5 and Nov. 3.", ["Brewer"]),
        ("Brewer spoke Friday.", ["Brewer"]),
    ],
)
def test_an_abbreviated_month_is_a_date_only_with_its_stop_or_a_day(text: str, names: list[str]) -> None:
    index = handmade_mentions(text)
    assert [m.name for m in index.mentions if m.kind == "name"] == names


def test_a_span_of_time_ends_a_title_and_starts_no_name() -> None:
    index = handmade_mentions("He named the Person of the Year Barack Obama.")
    assert "Barack Obama" in [m.name for m in index.mentions if m.kind == "name"]


@pytest.mark.parametrize(
    "text, names",
    [
        # between an article and a noun a name only qualifies the noun ...
        ("Cruz spoke at the Ted Cruz South Carolina victory party.", ["Cruz"]),
        ("Clinton clashed with Johnson during the Senate Benghazi hearing.", ["Clinton", "Johnson"]),
        # ... but stays a mention of someone the article names on their own
        ("Trump spoke. It was the President Donald Trump plan.", ["Trump", "Donald Trump"]),
        # a verb after it, or a possessive, makes it the subject or the owner
        ("Later the Clinton Foundation closed its doors.", ["Clinton Foundation"]),
        ("Later the Clinton Foundation runs it.", ["Clinton Foundation"]),
        ("Later the Clinton Foundation met them.", ["Clinton Foundation"]),
        ("It is the Senate's view.", ["Senate"]),
    ],
)
def test_a_name_between_an_article_and_a_noun_qualifies_the_noun(text: str, names: list[str]) -> None:
    index = handmade_mentions(text)
    assert [m.name for m in index.mentions if m.kind == "name"] == names


def test_a_title_after_the_article_is_the_name_s_not_a_description() -> None:
    index = handmade_mentions("Later the Rev. Al Sharpton told them.")
    (sharpton,) = [m for m in index.mentions if m.kind == "name"]
    assert (sharpton.name, "rev" in sharpton.descriptors) == ("Al Sharpton", True)


@pytest.mark.parametrize(
    "text, names",
    [
        # a line-opening verb before its object is an imperative, when the article writes it in lower case
        ("Pay no attention to the polls. Voters want equal pay.", ["Voters"]),
        ("Let me be clear, Obama said. They let it go.", ["Obama"]),
        # a subject is followed by its verb, so the plural noun still speaks
        ("Police say the road is closed. The police left.", ["Police"]),
        # a name the article capitalises mid-sentence is a name wherever it stands
        ("Rich let the rivals speak. Ask Rich about it. The rich left.", ["Rich", "Rich"]),
        # a pronoun with its verb contracted opens no name
        ("We’ve seen this before. They're right, Trump said.", ["Trump"]),
        # an indefinite word before a name does not join it
        ("Another Clinton adviser, Jake Sullivan, said so.", ["Clinton", "Jake Sullivan"]),
    ],
)
def test_common_words_opening_a_line_name_no_one(text: str, names: list[str]) -> None:
    index = handmade_mentions(text)
    assert [m.name for m in index.mentions if m.kind == "name"] == names


@pytest.mark.parametrize(
    "text, described",
    [
        ("“It is cute,” one user wrote.", "one user"),
        ("Another said he hoped it would end.", "Another"),
        ("Another commenter said it was over.", "Another commenter"),
        ("Others shouted his name.", "Others"),
        # a name after the indefinite word speaks for itself
        ("At one point Trump said it was over.", None),
        # a contrast with the clause before reports nothing
        ("Some called it “a nightmare,” while others welcomed it.", None),
    ],
)
def test_an_indefinite_word_as_a_reporting_verb_s_subject_is_someone_unnamed(text: str, described: str | None) -> None:
    index = handmade_mentions(text)
    found = [m for m in index.mentions if "<indefinite>" in m.descriptors]
    assert [m.text for m in found] == ([described] if described else [])
