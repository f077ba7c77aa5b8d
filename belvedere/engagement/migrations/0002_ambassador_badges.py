"""Give the ambassadors already active their badge (accounts.Badge, new in accounts 0002)."""

from django.db import migrations

LABELS = {
    "bronze": "Ambassador · Bronze",
    "silver": "Ambassador · Silver",
    "gold": "Ambassador · Gold",
}


def award(apps, schema_editor):
    Ambassador = apps.get_model("engagement", "Ambassador")
    Badge = apps.get_model("accounts", "Badge")
    for user_id, tier in Ambassador.objects.filter(status="active").values_list("user_id", "tier"):
        Badge.objects.update_or_create(
            user_id=user_id,
            key="ambassador",
            defaults={"label": LABELS.get(tier, LABELS["bronze"]), "tone": tier},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_badge"),
        ("engagement", "0001_initial"),
    ]

    operations = [migrations.RunPython(award, migrations.RunPython.noop)]
