"""Goal writes."""

from belvedere.activity.services import record
from belvedere.analytics.models import Goal


def create_goal(*, actor, name: str, kind: str, target: str) -> Goal:
    goal = Goal.objects.create(name=name, kind=kind, target=target.strip())
    record(actor, "analytics.goal.create", goal, staff=True, kind=kind, pattern=goal.target)
    return goal


def delete_goal(goal: Goal, *, actor) -> None:
    record(actor, "analytics.goal.delete", goal, staff=True, pattern=goal.target)
    goal.delete()
