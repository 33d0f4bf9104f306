"""Shared fixtures: the bundled pair, parsed and compared once per session."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "fixtures" / "cases"
PAIR = CASES / "hrc54-item10"


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Tests never touch the internet: any connection outside this machine fails."""
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and not (host.startswith("127.") or host in ("localhost", "::1") or host.startswith("/")):
            raise OSError(f"test tried to reach the network: {address}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(scope="session")
def gold():
    return json.loads((PAIR / "gold.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def index():
    from hrc_report.names import load_index

    return load_index()


@pytest.fixture(scope="session")
def en_summary():
    from hrc_report.pipeline import parse_file

    return parse_file(PAIR / "en.txt")


@pytest.fixture(scope="session")
def fr_summary():
    from hrc_report.pipeline import parse_file

    return parse_file(PAIR / "fr.txt")


@pytest.fixture(scope="session")
def comparison(en_summary, fr_summary):
    from hrc_report.pipeline import compare_summaries

    return compare_summaries(en_summary, fr_summary)
