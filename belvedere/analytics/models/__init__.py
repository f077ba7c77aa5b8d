"""Analytics data: traffic (raw events, visits, rollups), surveys, objectives, reports."""

from belvedere.analytics.models.objectives import KPI, KpiSnapshot, Objective, ObjectiveKind
from belvedere.analytics.models.reports import Report, ReportKind, ReportSubscription
from belvedere.analytics.models.surveys import (
    Answer,
    Question,
    QuestionKind,
    Response,
    Survey,
    SurveyChannel,
)
from belvedere.analytics.models.traffic import (
    Event,
    Goal,
    GoalKind,
    PendingEvent,
    Rollup,
    Salt,
    Visit,
)

__all__ = [
    "KPI",
    "Answer",
    "Event",
    "Goal",
    "GoalKind",
    "KpiSnapshot",
    "Objective",
    "ObjectiveKind",
    "PendingEvent",
    "Question",
    "QuestionKind",
    "Report",
    "ReportKind",
    "ReportSubscription",
    "Response",
    "Rollup",
    "Salt",
    "Survey",
    "SurveyChannel",
    "Visit",
]
