"""A search is a member action: the ledger gets one entry per search a signed-in member runs
(the first page only; the words searched are not kept, only how many posts matched)."""

from belvedere.activity.services import record


def record_search(user, *, results: int, page: object = 1) -> None:
    """`page` as asked for (1, "1", None or "" for the first page)."""
    if user is not None and user.is_authenticated and str(page or 1) == "1":
        record(user, "forum.search", results=results)
