"""Moderation: screening, watched words, flags, the review queue, sanctions, appeals and trust
levels. Generic: it knows content only through `belvedere.moderation.registry`."""


def censor(text_or_html):
    """Mask censored watched words in sanitised HTML (see `belvedere.moderation.censor`)."""
    from belvedere.moderation.censor import censor as _censor

    return _censor(text_or_html)
