"""Home page panels: each app adds what its part of the home page shows, in AppConfig.ready().

A panel is a template and a function of the request that returns its context, or None when
there is nothing to show that reader (core knows neither topics nor events).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string


@dataclass(frozen=True)
class Panel:
    template: str
    context: Callable[[HttpRequest], dict | None]
    order: int = 50


_panels: list[Panel] = []


def register(template: str, context: Callable[[HttpRequest], dict | None], order: int = 50) -> None:
    if not any(panel.template == template for panel in _panels):
        _panels.append(Panel(template, context, order))
        _panels.sort(key=lambda panel: panel.order)


def render_panels(request: HttpRequest) -> list[str]:
    """The HTML of each panel that has something to show this reader, in order."""
    rendered = []
    for panel in _panels:
        context = panel.context(request)
        if context is not None:
            rendered.append(render_to_string(panel.template, context, request))
    return rendered
