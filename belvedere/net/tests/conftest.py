from collections.abc import Iterator

import pytest

from belvedere.net.tests.httpserver import RecordingServer, running_server


@pytest.fixture
def server() -> Iterator[RecordingServer]:
    with running_server() as httpd:
        yield httpd
