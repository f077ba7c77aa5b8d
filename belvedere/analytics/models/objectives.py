"""Objectives of the community, their KPIs (bound to registered metrics) and KPI history."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ObjectiveKind(models.TextChoices):
    PRODUCT_TESTING = "product_testing", _("Product testing")
    BRAND_PROMOTION = "brand_promotion", _("Brand promotion")
    CUSTOMER_KNOWLEDGE = "customer_knowledge", _("Customer knowledge")
    CUSTOM = "custom", _("Custom")


class Objective(models.Model):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=24, choices=ObjectiveKind.choices)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    deadline = models.DateField(_("deadline"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self):
        return self.name


class KPI(models.Model):
    """A metric of the registry measured over the last ``window_days`` days, with a target."""

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="kpis")
    metric = models.CharField(_("metric"), max_length=60)
    target = models.FloatField(_("target"))
    baseline = models.FloatField(_("baseline"), default=0)
    window_days = models.PositiveIntegerField(_("measured over (days)"), default=30)

    class Meta:
        ordering = ["id"]
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")

    def __str__(self):
        return f"{self.metric} → {self.target:g}"

    def progress(self, value: float | None) -> float | None:
        """Share of the way from the baseline to the target, 0–100 %."""
        if value is None or self.target == self.baseline:
            return None
        share = (value - self.baseline) / (self.target - self.baseline)
        return round(100 * min(1.0, max(0.0, share)), 1)


class KpiSnapshot(models.Model):
    kpi = models.ForeignKey(KPI, on_delete=models.CASCADE, related_name="snapshots")
    day = models.DateField()
    value = models.FloatField(null=True)

    class Meta:
        ordering = ["day"]
        constraints = [models.UniqueConstraint(fields=["kpi", "day"], name="analytics_kpi_day")]

    def __str__(self):
        return f"{self.kpi_id} {self.day}: {self.value}"
