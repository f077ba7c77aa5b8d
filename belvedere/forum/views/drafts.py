"""Nothing written is lost when the terms of use stop a member from posting.

Pages with a compose form show a notice instead of the form while the member owes an acceptance
(`terms_notice`). A post that still arrives (a tab opened before the new version, the API's
HTML twin) is kept in the session, keyed by topic or category, and the member is sent to accept
the terms with `next` back to the form, which `pop_draft` fills again.
"""

from functools import wraps
from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from belvedere.forum.forms import ReplyForm
from belvedere.terms.queries import pending_documents

SESSION_KEY = "forum:drafts"
FIELDS = {"body": 20000, "title": 200, "tags": 200, "reply_to": 12, "category": 12}
MAX_DRAFTS = 10


def accept_url(next_url: str) -> str:
    return f"{reverse('terms:accept')}?{urlencode({'next': next_url})}"


def terms_notice(request, next_url: str) -> dict:
    """`terms_pending` (documents to accept) and `terms_accept_url` for a compose page."""
    pending = pending_documents(request.user)
    return {"terms_pending": pending, "terms_accept_url": accept_url(next_url) if pending else ""}


def stash_draft(request, key: str) -> None:
    """Keep what the member typed (text fields only: files cannot wait in a session)."""
    draft = {name: request.POST.get(name, "")[:limit] for name, limit in FIELDS.items()}
    drafts = request.session.get(SESSION_KEY, {})
    drafts.pop(key, None)
    drafts[key] = draft
    request.session[SESSION_KEY] = dict(list(drafts.items())[-MAX_DRAFTS:])


def pop_draft(request, key: str) -> dict:
    """The draft kept under `key` (removed from the session), or {}."""
    drafts = request.session.get(SESSION_KEY) or {}
    if key not in drafts:
        return {}
    draft = drafts.pop(key)
    request.session[SESSION_KEY] = drafts
    return {name: value for name, value in draft.items() if value}


def keep_draft_until_accepted(where):
    """On a POST from a member who owes an acceptance: stash the draft and send them to accept,
    coming back to the form. `where(request, **kwargs)` gives (draft key, form URL)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST" and pending_documents(request.user):
                key, form_url = where(request, **kwargs)
                stash_draft(request, key)
                return redirect(accept_url(form_url))
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def reply_compose_context(request, topic) -> dict:
    """For a topic page with a reply form: the terms notice, or the form with a kept draft."""
    notice = terms_notice(request, reverse("forum:topic", args=[topic.pk]) + "#reply")
    if notice["terms_pending"]:
        return notice
    draft = pop_draft(request, f"topic:{topic.pk}")
    return {**notice, "reply_form": ReplyForm(initial=draft)} if draft else notice
