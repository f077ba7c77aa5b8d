"""Navigation registry: each app adds its entries in AppConfig.ready().

An entry names the lowest role that sees it ("" for everyone, "member" for any signed-in
member, then "moderator", "manager", "admin"). Core knows roles only by name.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    role: str = ""
    order: int = 50
    badge_url_name: str = ""  # an HTMX fragment with a count shown beside the label


_items: list[NavItem] = []


def register(
    label, url_name: str, *, role: str = "", order: int = 50, badge_url_name: str = ""
) -> None:
    if not any(item.url_name == url_name for item in _items):
        _items.append(NavItem(label, url_name, role, order, badge_url_name))
        _items.sort(key=lambda item: item.order)


def items_for(user) -> list[dict]:
    visible = []
    for item in _items:
        if item.role and not user.is_authenticated:
            continue
        if item.role and item.role != "member" and not user.has_role(item.role):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        badge = reverse(item.badge_url_name) if item.badge_url_name else ""
        visible.append(
            {"label": item.label, "url": url, "url_name": item.url_name, "badge_url": badge}
        )
    return visible
