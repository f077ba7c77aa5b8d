"""Uptime models: monitors and their results, incidents, members' reports and trackers."""

from belvedere.uptime.models.incidents import (
    Incident,
    IncidentImpact,
    IncidentStatus,
    IncidentUpdate,
)
from belvedere.uptime.models.monitors import (
    Alert,
    CheckResult,
    Component,
    ComponentGroup,
    MaintenanceWindow,
    Monitor,
    MonitorKind,
    MonitorStatus,
    Rollup,
)
from belvedere.uptime.models.reports import (
    Report,
    ReportKind,
    ReportStatus,
    Severity,
    Tracker,
    Vote,
)

__all__ = [
    "Alert",
    "CheckResult",
    "Component",
    "ComponentGroup",
    "Incident",
    "IncidentImpact",
    "IncidentStatus",
    "IncidentUpdate",
    "MaintenanceWindow",
    "Monitor",
    "MonitorKind",
    "MonitorStatus",
    "Report",
    "ReportKind",
    "ReportStatus",
    "Rollup",
    "Severity",
    "Tracker",
    "Vote",
]
