"""Inbox search over every mention: the full-text index, then the query itself."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from belvedere.listening import search
from belvedere.listening.models import Mention
from belvedere.listening.queries import filter_mentions
from belvedere.text.query import parse

pytestmark = pytest.mark.django_db


def texts(mentions):
    return sorted(m.text for m in mentions)


@pytest.fixture
def corpus(put_mentions):
    now = timezone.now()
    for hours, text in enumerate([
        "L'IA générative arrive chez Hélios",
        "Hélios sponsors a media festival",
        "HELIOS thermostat en panne",
        "Nimbus thermostats are great, unlike the old ones",
        "Le thermomètre de Domia",
        "Rien à voir",
        "Merci @Helios_FR pour la réponse",  # the word "helios_fr", not "helios"
    ]):  # fmt: skip
        put_mentions([(now - timedelta(hours=hours), "")], text=text)


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("IA", ["L'IA générative arrive chez Hélios"]),  # not "media"
        ("ia", ["L'IA générative arrive chez Hélios"]),
        ("media", ["Hélios sponsors a media festival"]),
        ("helios thermostat", ["HELIOS thermostat en panne"]),
        ("générative OR nimbus", ["L'IA générative arrive chez Hélios",
                                  "Nimbus thermostats are great, unlike the old ones"]),
        ("thermo*", ["HELIOS thermostat en panne", "Le thermomètre de Domia",
                     "Nimbus thermostats are great, unlike the old ones"]),
        ('"thermostat en panne"', ["HELIOS thermostat en panne"]),
        ('"en thermostat panne"', []),
        ("helios NEAR/2 panne", ["HELIOS thermostat en panne"]),
        ("helios NEAR/1 panne", []),
        ("th?rmostat", ["HELIOS thermostat en panne"]),
        ("helios -panne -media", ["L'IA générative arrive chez Hélios"]),
        ("-helios -thermo*", ["Rien à voir", "Merci @Helios_FR pour la réponse"]),
        ("thermostat", ["HELIOS thermostat en panne"]),  # a word, not "thermostats"
        ("helios_fr", ["Merci @Helios_FR pour la réponse"]),
        ("merci -panne", ["Merci @Helios_FR pour la réponse"]),
    ],
)  # fmt: skip
def test_search_matches_words_folding_case_and_accents(corpus, q, expected):
    mentions, info = filter_mentions(q=q)
    assert texts(mentions) == sorted(expected)
    assert info.error == ""


def test_search_reads_only_the_candidates_the_index_gives(corpus):
    _mentions, info = filter_mentions(q="helios NEAR/2 panne -media")
    assert info.scanned == 1  # the index gave the one mention with both words
    _mentions, info = filter_mentions(q="helios -thermo* -media")
    assert info.scanned == 0  # the index alone decides
    mentions, info = filter_mentions(q='-"rien à"')
    assert info.scanned == 7 and mentions.count() == 6  # nothing to look up: all are read


def test_search_reaches_every_mention_not_only_the_newest(put_mentions):
    old = timezone.now() - timedelta(days=400)
    put_mentions([(old, "")], text="Un très vieux message sur Hélios")
    put_mentions([(timezone.now(), "")] * 6000, text="Du bruit récent sans la marque")
    mentions, _info = filter_mentions(q="helios")
    assert texts(mentions) == ["Un très vieux message sur Hélios"]
    mentions, info = filter_mentions(q='helios OR "bruit récent"')
    assert mentions.count() == 6001 and info.scanned == 6001  # no limit on the id list


def test_search_text_follows_saves_and_deletes(db):
    mention = Mention.objects.create(platform="test", text="Première version")
    assert mention.search_text == "premiere version"
    mention.text = "Deuxième édition"
    mention.save(update_fields=["text"])
    assert texts(filter_mentions(q="deuxieme")[0]) == ["Deuxième édition"]
    assert texts(filter_mentions(q="premiere")[0]) == []
    mention.delete()
    assert texts(filter_mentions(q="deuxieme")[0]) == []


def test_search_finds_ingested_mentions(db):
    from belvedere.listening.connectors.base import RawMention
    from belvedere.listening.services.ingest import ingest

    ingest([RawMention(external_id="1", text="Le Thermostat d'Hélios", title="Avis")],
           platform="test", queries=[])  # fmt: skip
    assert texts(filter_mentions(q="avis AND helios")[0]) == ["Le Thermostat d'Hélios"]


def test_condition_is_a_superset_of_the_query():
    assert search.condition(parse("a -b")) == ("word", "a")
    assert search.condition(parse("a OR -b")) is None
    assert search.condition(parse("lang:fr")) is None
    assert search.condition(parse("title:abc th*")) == ("and", [("word", "abc"), ("prefix", "th")])
    assert search.condition(parse("*bar")) is None
    assert search.is_exact(parse("a OR (b co*) -d_e")) and not search.is_exact(parse('"a b"'))
    assert search.search_text("Avis", "@Helios_FR") == "avis helios0x5ffr"
    assert not search.is_exact(parse("a -title:b"))


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's triggers")
def test_ensure_index_makes_lost_triggers_again(put_mentions):
    search.drop_index()
    put_mentions([(timezone.now(), "")], text="Perdu puis retrouvé")
    search.ensure_index()
    assert texts(filter_mentions(q="retrouve")[0]) == ["Perdu puis retrouvé"]
    put_mentions([(timezone.now(), "")], text="Ajouté ensuite")
    assert texts(filter_mentions(q="ajoute")[0]) == ["Ajouté ensuite"]


def test_live_test_of_a_query_counts_over_every_mention(put_mentions):
    from belvedere.listening import queries

    old = timezone.now() - timedelta(days=400)
    put_mentions([(old, "")], text="Hélios, un vieux souvenir", language="fr")
    put_mentions([(timezone.now(), "")] * 6000, text="Du bruit sans la marque", language="fr")
    preview = queries.preview_query("helios")  # the index decides: an exact count
    assert (preview.count, preview.scanned) == (1, 6001)
    assert preview.examples[0].text == "Hélios, un vieux souvenir"
    preview = queries.preview_query('"vieux souvenir" OR "sans la"', languages=["FR"])
    assert preview.count == 5000 and preview.scanned < 6001  # 5,000 candidates checked
    assert queries.preview_query("helios", languages=["en"]).count == 0
