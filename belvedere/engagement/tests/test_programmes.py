"""Programmes: criteria, application with the terms, selection, category, feedback, results."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from belvedere.engagement.models import Person
from belvedere.engagement.queries.programmes import results, unmet_criteria
from belvedere.engagement.services import programmes as services


def test_programmes_criteria(programme, carol):
    programme.min_level, programme.languages, programme.min_posts = "contributor", "fr", 2
    missing = unmet_criteria(carol, programme)
    assert len(missing) == 3
    Person.objects.create(display_name="Carol", user=carol, level="champion")
    carol.language = "fr"
    assert len(unmet_criteria(carol, programme)) == 1


def test_programmes_apply_needs_terms_and_criteria(programme, carol):
    with pytest.raises(ValidationError):
        services.apply(programme, user=carol, motivation="", accept_terms=False)
    programme.min_level = "champion"
    with pytest.raises(ValidationError):
        services.apply(programme, user=carol, motivation="", accept_terms=True)


def test_programmes_full_cycle(programme, carol, mallory, dave):
    application = services.apply(programme, user=carol, motivation="I love it", accept_terms=True)
    assert application.terms_accepted_at is not None
    services.apply(programme, user=mallory, motivation="", accept_terms=True)
    services.decide(application, select=True, actor=dave)
    category = services.open_testers_category(programme, actor=dave)
    assert category.read_access == "moderator"
    assert list(category.granted_members.all()) == [carol]
    assert services.open_testers_category(programme, actor=dave) == category
    services.submit_programme_feedback(programme, user=carol, rating=4, worked="Easy", problems="")
    with pytest.raises(PermissionDenied):
        services.submit_programme_feedback(programme, user=mallory, rating=1)
    summary = results(programme)
    assert (summary["applications"], summary["selected"], summary["average_rating"]) == (2, 1, 4)


def test_programmes_closed_refuses_applications(programme, carol, dave):
    services.set_programme_status(programme, "finished", actor=dave)
    with pytest.raises(PermissionDenied):
        services.apply(programme, user=carol, motivation="", accept_terms=True)


def test_programmes_testers_category_follows_selection(client, programme, carol, mallory, dave):
    """Selected testers read and post in the private category; taken out, they lose it;
    applicants not selected and outsiders never get in."""
    from belvedere.forum.tests.conftest import make_topic

    application = services.apply(programme, user=carol, motivation="", accept_terms=True)
    other = services.apply(programme, user=mallory, motivation="", accept_terms=True)
    category = services.open_testers_category(programme, actor=dave)
    topic = make_topic(dave, category, title="Firmware 2.1 to test")
    url = f"/forum/t/{topic.pk}/"
    client.force_login(carol)
    assert client.get(url).status_code == 404  # applied, not selected yet
    services.decide(application, select=True, actor=dave)
    services.decide(other, select=False, actor=dave)
    assert client.get(url).status_code == 200
    assert client.post(f"{url}reply/", {"body": "Installed, all good."}).status_code == 302
    client.force_login(mallory)
    assert client.get(url).status_code == 404
    services.decide(application, select=False, actor=dave)  # taken out
    client.force_login(carol)
    assert client.get(url).status_code == 404
    services.decide(application, select=True, actor=dave)
    assert client.get(url).status_code == 200
    services.withdraw(application, user=carol)
    assert client.get(url).status_code == 404
    assert list(category.granted_members.all()) == []
