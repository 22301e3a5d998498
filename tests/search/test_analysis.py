"""The Dutch analysis, pinned per class of word: Elasticsearch's hunspell tokens on the core
server, and the Python half (Snowball stems, compound parts, synonyms per word)."""

import pytest

from search.analysis import analyse_query, document_fields, index_analysis, split, stem

# What hunspell (nl_NL, in Elasticsearch) makes of a word in title/body.
HUNSPELL = {
    "leegstand": ["leegstand"],
    "herbestemming": ["herbestemming"],
    "kantoren": ["kantoor"],
    "bestemmingsplannen": ["bestemmingsplan"],
}
# Snowball Dutch (Python): verb forms, participles and nouns of one verb meet.
STEMS = {
    "samenvoeg": ["samengevoegd", "samenvoegen", "samenvoeging"],
    "splits": ["gesplitst", "splitsen", "splitsing"],
    "transformer": ["transformatie", "transformeren", "getransformeerd"],
    "herbestem": ["herbestemming", "herbestemmen"],
    "kantor": ["kantoor", "kantoren"],
    "winkelstrat": ["winkelstraat", "winkelstraten"],
}
# Compounds split against the OpenTaal word list; the exceptions file only for what it gets wrong.
COMPOUNDS = {
    "winkelstraat": ("winkel", "straat"),
    "bedrijfshal": ("bedrijf", "hal"),
    "woontoren": ("woon", "toren"),
    "dorpskern": ("dorp", "kern"),
    "leegstandsverordening": ("leegstand", "verordening"),
    "kantorentransformatie": ("kantoor", "transformatie"),
    "bestemmingsplannen": ("bestemming", "plannen"),
    "verzorgingshuis": ("verzorging", "huis"),
    "kantorenloods": ("kantoor", "loods"),  # forced in samenstellingen.txt
    "leegstand": (),  # never split (samenstellingen.txt): not "leeg" + "stand"
    "verordening": (),  # a prefix is not a part
    "samenvoeging": (),
    "herbestemming": (),
}


@pytest.fixture
def analyze(es_index):
    client = es_index
    name = "test-analysis-" + __import__("uuid").uuid4().hex[:8]
    client.indices.create(index=name, settings={"analysis": index_analysis()})

    def tokens(text, analyzer="nl_index"):
        return [t["token"] for t in client.indices.analyze(index=name, analyzer=analyzer, text=text)["tokens"]]

    yield tokens
    client.indices.delete(index=name)


@pytest.mark.elasticsearch
@pytest.mark.parametrize("word", HUNSPELL)
def test_hunspell_tokens_for_key_words(analyze, word):
    assert analyze(word) == HUNSPELL[word]


@pytest.mark.elasticsearch
def test_stop_words_go_and_the_exact_view_keeps_words(analyze):
    assert analyze("de leegstand van de kantoren") == ["leegstand", "kantoor"]
    assert analyze("De kantoren", analyzer="nl_exact") == ["de", "kantoren"]


@pytest.mark.parametrize("expected", STEMS)
def test_snowball_stems_conflate_verb_forms_and_nouns(expected):
    assert {stem(w) for w in STEMS[expected]} == {expected}


@pytest.mark.parametrize("word", COMPOUNDS)
def test_compounds_are_split_against_the_word_list(word):
    assert split(word) == COMPOUNDS[word]


def test_document_fields_hold_stems_and_parts_as_stems():
    fields = document_fields("Winkelstraten samengevoegd", "De melkveebedrijven in de dorpskern.")
    assert fields["title_stem"] == "winkelstrat samenvoeg"
    assert fields["title_parts"] == "winkel strat"
    # a long part's own parts, and the modifier joined to the first of them
    assert set(fields["body_parts"].split()) >= {"melk", "vee", "bedrijf", "melkvee", "dorp", "kern"}


def test_every_word_of_a_query_gets_its_synonyms_and_place_names_are_one_term(seeded_synonyms):
    terms = analyse_query("Den Haag leegstaande winkels monumenten")
    assert [t.text for t in terms] == ["den haag", "leegstaande", "winkels", "monumenten"]
    by_text = {t.text: t for t in terms}
    assert ("gravenhag",) in by_text["den haag"].synonyms
    assert ("winkelpand",) in by_text["winkels"].synonyms
    assert ("erfgoed",) in by_text["monumenten"].synonyms
    assert by_text["leegstaande"].synonyms
    assert analyse_query("kantorentransformatie")[0].parts == ("kantor", "transformer")


def test_settings_use_only_core_filters():
    """No synonym, stemmer or decompounder filters: the test distribution would reject them."""
    types = {f["type"] for f in index_analysis()["filter"].values()}
    assert types <= {"stop", "hunspell", "shingle", "lowercase"}
