"""Receiver of the ledger's on-commit signal: a sign-up that followed a tracked link."""

from belvedere.engagement.referrals import current_code


def on_entry_recorded(sender, entry, **kwargs) -> None:
    if entry.verb != "member.signup" or entry.actor_id is None:
        return
    code = current_code()
    if code:
        from belvedere.engagement.tasks import attribute_referral

        attribute_referral(entry.actor_id, code)
