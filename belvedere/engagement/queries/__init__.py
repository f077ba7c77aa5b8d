"""Reads of engagement. Other apps (the forum's badges) call `badges_for` from here."""

from belvedere.engagement.queries.ambassadors import badges_for

__all__ = ["badges_for"]
