"""Offline French and English text analysis: language, sentiment, toxicity (no Django)."""
