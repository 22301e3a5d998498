"""The Dutch analysis chain, pinned on the real server (core analysis only) and in Python."""

import pytest

from search.analysis import compound_parts, index_analysis, query_alternatives

# What a document's words become in the index: hunspell stems from Elasticsearch for the word
# itself, plus the compound's parts (from samenstellingen.txt), analysed the same way.
PINNED = {
    "leegstand": ["leegstand"],
    "leegstandverordening": ["leegstandverordening", "leegstand", "verordening"],
    "herbestemming": ["herbestemming"],
    "herbestemmen": ["herbestemmen"],
    "kantorentransformatie": ["kantorentransformatie", "kantoor", "transformatie"],
    "bestemmingsplan": ["bestemmingsplan", "bestemming", "plan"],
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
@pytest.mark.parametrize("word", PINNED)
def test_index_tokens_for_key_words(analyze, word):
    parts = " ".join(compound_parts(word))
    assert analyze(word) + (analyze(parts) if parts else []) == PINNED[word]


@pytest.mark.elasticsearch
def test_stop_words_go_and_inflections_meet(analyze):
    assert analyze("de leegstand van de kantoren") == ["leegstand", "kantoor"]
    assert analyze("bestemmingsplannen") == analyze("bestemmingsplan")
    assert analyze("leegstaande") == analyze("leegstaand")
    # Exact view keeps every word as written (for exact and phrase boosts).
    assert analyze("De kantoren", analyzer="nl_exact") == ["de", "kantoren"]


def test_compounds_are_found_inside_inflected_words():
    assert compound_parts("twee bestemmingsplannen en een leegstandverordening") == [
        "bestemming",
        "plan",
        "leegstand",
        "verordening",
    ]
    assert compound_parts("gewone woorden") == []


def test_query_alternatives_bring_synonyms_and_compound_parts():
    assert {"transformatie", "functiewijziging"} <= set(query_alternatives("herbestemming"))
    assert "omgevingsplan" in query_alternatives("bestemmingsplan")
    assert "leegstaande panden" in query_alternatives("leegstand")
    assert "kantoor transformatie" in query_alternatives("kantorentransformatie")
    assert query_alternatives("fietsenstalling") == []


def test_settings_use_only_core_filters():
    """No synonym, stemmer or decompounder filters: the test distribution would reject them."""
    types = {f["type"] for f in index_analysis()["filter"].values()}
    assert types <= {"stop", "hunspell", "shingle", "lowercase"}
