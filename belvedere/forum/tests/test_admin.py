def test_admin_lists_and_creates_categories(client, alice, general):
    client.force_login(alice)
    assert client.get("/admin/forum/category/").status_code == 200
    response = client.post(
        "/admin/forum/category/add/",
        {
            "name": "Lights",
            "slug": "lights",
            "colour": "#123456",
            "position": 3,
            "parent": general.pk,
            "read_access": "everyone",
            "topic_access": "members",
            "reply_access": "members",
            "description": "",
            "created_at_0": "2026-01-01",
            "created_at_1": "10:00:00",
        },
    )
    assert response.status_code == 302, response.content


def test_admin_is_refused_to_members(client, carol):
    client.force_login(carol)
    assert client.get("/admin/forum/category/").status_code == 302
