"""Shared fixtures: the bundled pair, parsed and compared once per session."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "fixtures" / "cases"
PAIR = CASES / "hrc54-item10"


def pair_folders(root: Path) -> list[Path]:
    """The test pairs under ``root``: folders holding en.txt, fr.txt and gold.json."""
    return sorted(p for p in root.iterdir() if (p / "gold.json").is_file())


def gold_and_comparison(folder: Path):
    from hrc_report.pipeline import compare

    return json.loads((folder / "gold.json").read_text("utf-8")), compare(folder / "en.txt", folder / "fr.txt")


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


# --- a real SMTP server on 127.0.0.1 (aiosmtpd) with STARTTLS and AUTH -------------------

SMTP_USER, SMTP_PASSWORD = "digest", "s3cret-pw"
REPORTS_URL = "https://intranet.example.org/hrc/digests/2023-W41"


def _certificate(folder: Path) -> tuple[Path, Path]:
    """A throw-away self-signed certificate for 127.0.0.1 / localhost."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return cert_path, key_path


class SmtpServer:
    """Starts and stops an aiosmtpd server; keeps what it receives."""

    def __init__(self, folder: Path):
        import ssl

        self.cert, key = _certificate(folder)
        self.tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.tls.load_cert_chain(self.cert, key)
        self.received: list[bytes] = []
        self.refuse_next = 0  # answer 421 to the next N messages
        self.silent_for = 0.0  # after taking a message, wait this long before answering
        self.drop_after_taking = False  # take the message, then drop the connection without answering
        self.refused_recipients: set[str] = set()  # answer 550 to these RCPT TO
        self.recipients: list[list[str]] = []  # the envelope recipients of each message taken
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.controller = None

    def start(self):
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult

        server = self

        class Handler:
            async def handle_RCPT(self, smtp_server, session, envelope, address, rcpt_options):
                if address in server.refused_recipients:
                    return "550 5.1.1 no such mailbox here"
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, smtp_server, session, envelope):
                import asyncio

                if server.refuse_next:
                    server.refuse_next -= 1
                    return "421 Service not available, try again later"
                server.received.append(envelope.original_content or envelope.content)
                server.recipients.append(list(envelope.rcpt_tos))
                if server.drop_after_taking:
                    smtp_server.transport.close()
                    return "250 OK"
                if server.silent_for:
                    await asyncio.sleep(server.silent_for)
                return "250 OK"

        def authenticate(smtp_server, session, envelope, mechanism, auth_data):
            ok = auth_data.login == SMTP_USER.encode() and auth_data.password == SMTP_PASSWORD.encode()
            # handled=False: aiosmtpd then answers 535 itself (its default, True, sends nothing)
            return AuthResult(success=ok, handled=False)

        self.controller = Controller(
            Handler(), hostname="127.0.0.1", port=self.port, tls_context=self.tls, require_starttls=True,
            authenticator=authenticate, auth_require_tls=True, ready_timeout=10,
        )
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None

    def config(self, folder: Path, timeout: float = 5, reports_url: str | None = REPORTS_URL) -> Path:
        """A mail.toml for this server. With reports_url (the default) the email links
        to published reports; without, it carries the briefing PDF (slower to make)."""
        path = folder / "mail.toml"
        path.write_text(
            f'[smtp]\nhost = "127.0.0.1"\nport = {self.port}\nsecurity = "starttls"\nuser = "{SMTP_USER}"\n'
            f'cafile = "{self.cert}"\nattempts = 3\nbackoff = 0.05\ntimeout = {timeout}\n'
            '[digest]\nfrom = "hrc-report@example.org"\nto = ["briefing@example.org", "ngo-desk@example.org"]\n'
            + (f'reports_url = "{reports_url}"\n' if reports_url else ""),
            encoding="utf-8",
        )
        return path


@pytest.fixture
def smtp_server(tmp_path):
    server = SmtpServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def archive_db(tmp_path):
    return tmp_path / "archive.sqlite"
