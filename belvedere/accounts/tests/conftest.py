import pytest


@pytest.fixture(autouse=True)
def _private_cache(fresh_cache):
    yield
