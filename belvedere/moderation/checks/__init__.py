"""The screening checks. Each is `check(ctx) -> Decision | None`; see `pipeline.py`."""
