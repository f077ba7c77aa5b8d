"""/api/v1/watch: managers and admins write; moderators read."""

from ninja import Router

from belvedere.watch.api.insights import router as insights_router
from belvedere.watch.api.pages import router as pages_router
from belvedere.watch.api.register import router as register_router
from belvedere.watch.api.terms import router as terms_router

router = Router()
router.add_router("", terms_router)
router.add_router("", pages_router)
router.add_router("", register_router)
router.add_router("", insights_router)
