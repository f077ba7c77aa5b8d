"""Reports: the archive, on-demand reports, the HTML and PDF of each, and subscriptions."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.accounts.models import Role
from belvedere.analytics.forms import ReportForm, SubscriptionForm
from belvedere.analytics.models import Report, ReportKind, ReportSubscription
from belvedere.analytics.services import reports as service


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def report_list(request: HttpRequest):
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = service.build_report(ReportKind.ON_DEMAND, form.period(), actor=request.user)
        return redirect("analytics:report", report.pk)
    reports = Report.objects.only("id", "kind", "title", "start", "end", "created_at")[:100]
    return render(request, "analytics/reports.html", {"form": form, "reports": reports},
                  status=400 if form.errors else 200)  # fmt: skip


@role_required(Role.MANAGER)
@require_GET
def report_detail(request: HttpRequest, report_id: int):
    report = get_object_or_404(Report, pk=report_id)
    return render(request, "analytics/report.html", {"report": report})


@role_required(Role.MANAGER)
@require_GET
def report_pdf(request: HttpRequest, report_id: int):
    report = get_object_or_404(Report, pk=report_id)
    try:
        pdf = service.pdf_of(report)
    except service.PdfUnavailable:
        return HttpResponse(_("PDF rendering is not available on this server."), status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="report-{report.start}.pdf"'
    return response


@role_required(Role.MANAGER)
@require_POST
def report_email(request: HttpRequest, report_id: int):
    report = get_object_or_404(Report, pk=report_id)
    sent = service.email_report(report, service.recipients(report.kind))
    messages.success(request, _("Report sent to %(n)s people.") % {"n": sent})
    return redirect("analytics:report", report.pk)


@role_required(Role.MODERATOR)
@require_http_methods(["GET", "POST"])
def subscription(request: HttpRequest):
    current = ReportSubscription.objects.filter(user=request.user).first()
    initial = {"weekly": current.weekly, "monthly": current.monthly} if current else {}
    form = SubscriptionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        service.set_subscription(request.user, **form.cleaned_data)
        messages.success(request, _("Your report subscription is saved."))
        return redirect("analytics:subscription")
    return render(request, "analytics/subscription.html", {"form": form})
