"""Shared fixtures: the demo web on loopback, started once per test session."""

from __future__ import annotations

import pytest

from crawler.demo.runner import load_manifest, write_catalogue
from crawler.demo.server import DemoWeb
from tests.redis_server import RedisServer


@pytest.fixture(scope="session")
def demo_web():
    with DemoWeb() as web:
        yield web


@pytest.fixture(scope="session")
def demo_catalogue(demo_web, tmp_path_factory):
    return write_catalogue(demo_web, tmp_path_factory.mktemp("catalogue") / "sources.yaml")


@pytest.fixture(scope="session")
def manifest():
    return load_manifest()


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()
