"""/api/v1/engagement: one router made of the five areas."""

from ninja import Router

from belvedere.engagement.api.ambassadors import router as ambassadors
from belvedere.engagement.api.events import router as events
from belvedere.engagement.api.feedback import router as feedback
from belvedere.engagement.api.people import router as people
from belvedere.engagement.api.programmes import router as programmes

router = Router()
for part in (people, ambassadors, events, programmes, feedback):
    router.add_router("", part)
