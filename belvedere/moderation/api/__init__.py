"""Moderation API under /api/v1/moderation: the same queries, permissions and services as
the pages."""

from ninja import Router

from belvedere.moderation.api.members import router as members_router
from belvedere.moderation.api.policy import router as policy_router
from belvedere.moderation.api.queue import router as queue_router

router = Router()
router.add_router("", queue_router)
router.add_router("", policy_router)
router.add_router("", members_router)
