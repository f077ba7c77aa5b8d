"""Engagement levels: the formula, weights and thresholds, recomputing now."""

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.accounts.models import Role
from belvedere.engagement.forms import ScoringForm
from belvedere.engagement.models import Level, Person
from belvedere.engagement.services import scoring


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def levels(request: HttpRequest):
    rules = scoring.current_settings()
    form = ScoringForm(request.POST or None, instance=None if request.POST else rules)
    if request.method == "POST" and form.is_valid():
        scoring.update_scoring_settings(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Scoring saved. Recompute to apply it now."))
        return redirect("engagement:levels")
    people = Person.objects.filter(merged_into__isnull=True, is_team=False)
    counts = dict(people.values_list("level").annotate(n=Count("pk")).order_by())
    context = {
        "form": form,
        "rules": rules,
        "counts": [(level.label, counts.get(level.value, 0)) for level in Level],
    }
    return render(request, "engagement/levels.html", context, status=400 if form.is_bound else 200)


@role_required(Role.MANAGER)
@require_POST
def recompute(request: HttpRequest):
    count = scoring.recompute_scores()
    messages.success(request, _("%(n)d people scored.") % {"n": count})
    return redirect("engagement:levels")
