"""Email a digest: text and HTML alternatives (CSS inlined), the PDF attached.

SMTP settings come from a TOML file and command-line options; the password
only from the environment (HRC_REPORT_SMTP_PASSWORD) or the TOML file, never
from the command line, and it is never printed or logged.
"""

from __future__ import annotations

import re
import smtplib
import socket
import ssl
import time
import tomllib
from dataclasses import dataclass, field, replace
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from .models import HrcReportError

PASSWORD_VARIABLE = "HRC_REPORT_SMTP_PASSWORD"
SECURITY = ("starttls", "ssl", "none")


@dataclass(frozen=True)
class SmtpConfig:
    host: str = "localhost"
    port: int = 587
    security: str = "starttls"
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    sender: str | None = None
    recipients: tuple[str, ...] = ()
    timeout: float = 10.0
    attempts: int = 3
    backoff: float = 1.0
    #: a CA file for STARTTLS/SSL (a private server's certificate); default: the system's
    cafile: str | None = None
    #: where the digest folder is published: the email then links to the reports there
    reports_url: str | None = None


def read_toml(path: str) -> dict:
    try:
        data = tomllib.loads(Path(path).read_text("utf-8"))
    except FileNotFoundError:
        raise HrcReportError(f"{path}: no such config file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise HrcReportError(f"{path}: not valid TOML ({error})") from None
    _known_keys(path, data)
    return data


def load_config(path: str | None, environ: dict[str, str], **overrides) -> SmtpConfig:
    """Settings from the TOML file, then the options given, then the password from the environment."""
    config = SmtpConfig()
    if path:
        data = read_toml(path)
        smtp = data.get("smtp", {})
        mail = data.get("digest", {})
        values = {
            "host": smtp.get("host"), "port": smtp.get("port"), "security": smtp.get("security"),
            "user": smtp.get("user"), "password": smtp.get("password"), "timeout": smtp.get("timeout"),
            "attempts": smtp.get("attempts"), "backoff": smtp.get("backoff"), "cafile": smtp.get("cafile"),
            "sender": mail.get("from"), "recipients": mail.get("to"), "reports_url": mail.get("reports_url"),
        }
        config = replace(config, **{k: v for k, v in values.items() if v is not None})
        if isinstance(config.recipients, list):
            config = replace(config, recipients=tuple(config.recipients))
        elif isinstance(config.recipients, str):  # to = "x@y.org": one address
            config = replace(config, recipients=(config.recipients,))
    config = replace(config, **{k: v for k, v in overrides.items() if v not in (None, ())})
    if environ.get(PASSWORD_VARIABLE):
        config = replace(config, password=environ[PASSWORD_VARIABLE])
    _check_types(config, path)
    if config.security not in SECURITY:
        raise HrcReportError(f"smtp security {config.security!r}: choose from {', '.join(SECURITY)}")
    if not config.recipients:
        raise HrcReportError("no recipients: give --to or [digest] to = [...] in the config file")
    if not config.sender:
        raise HrcReportError("no sender: give --from or [digest] from = \"...\" in the config file")
    return replace(config, sender=_address(config.sender, "from"), recipients=tuple(_address(r, "to") for r in config.recipients))


KNOWN_KEYS = {
    "smtp": {"host", "port", "security", "user", "password", "timeout", "attempts", "backoff", "cafile"},
    "digest": {"from", "to", "reports_url", "lang"},
    "watch": {"speakers"},
}


def _known_keys(path: str, data: dict) -> None:
    """A misspelt key ("recipient", "hostname") is named, not silently ignored."""
    for section, values in data.items():
        if section not in KNOWN_KEYS or not isinstance(values, dict):
            raise HrcReportError(f"{path}: unknown section [{section}] (expected [smtp], [digest] and [watch])")
        unknown = sorted(set(values) - KNOWN_KEYS[section])
        if unknown:
            raise HrcReportError(f"{path}: unknown key{'s' if len(unknown) > 1 else ''} in [{section}]: {', '.join(unknown)} "
                                 f"(expected {', '.join(sorted(KNOWN_KEYS[section]))})")


def _check_types(config: SmtpConfig, path: str | None) -> None:
    """A setting of the wrong type is named before any work ("to" must be a list)."""
    where = f"{path}: " if path else ""
    if not isinstance(config.recipients, (tuple, list)) or not all(isinstance(r, str) for r in config.recipients):
        raise HrcReportError(f'{where}[digest] to must be a list of addresses, such as to = ["briefing@example.org"]')
    for name, kind in (("host", str), ("port", int), ("timeout", (int, float)), ("attempts", int), ("backoff", (int, float))):
        value = getattr(config, name)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise HrcReportError(f"{where}[smtp] {name} = {value!r}: expected a {'number' if name != 'host' else 'name'}")
    if config.reports_url is not None and not (
        isinstance(config.reports_url, str) and re.match(r"^https?://[^\s/]+", config.reports_url)
    ):
        raise HrcReportError(f"{where}[digest] reports_url = {config.reports_url!r}: expected an http(s) address")
    if not 1 <= config.attempts <= 10:
        raise HrcReportError(f"{where}[smtp] attempts = {config.attempts}: expected 1 to 10")


def _address(text: str, what: str) -> str:
    """One email address, with or without a display name ("Jean Dupont <jean@example.org>")."""
    from email.utils import formataddr, parseaddr

    name, address = parseaddr(text)
    if "@" not in address or not address.split("@")[0] or "." not in address.split("@")[1] or " " in address:
        raise HrcReportError(f"{what} {text!r}: not an email address (expected name@example.org or \"Name <name@example.org>\")")
    return formataddr((name, address)) if name else address


def config_warnings(path: str | None, config: SmtpConfig) -> list[str]:
    """What the user should know about where the password is kept and how it travels."""
    warnings = []
    if path and config.password:
        try:
            mode = Path(path).stat().st_mode
        except OSError:
            mode = 0
        if mode & 0o044 and _password_in_file(path):
            warnings.append(f"{path} holds the SMTP password and others can read it: chmod 600 {path}, "
                            f"or keep the password in {PASSWORD_VARIABLE}")
    if config.password and config.security == "none":
        warnings.append("the SMTP password would be sent without TLS (security = \"none\"): use \"starttls\" or \"ssl\"")
    return warnings


def _password_in_file(path: str) -> bool:
    try:
        return bool(tomllib.loads(Path(path).read_text("utf-8")).get("smtp", {}).get("password"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False


def build_message(config: SmtpConfig, subject: str, text: str, html: str, pdf: bytes, pdf_name: str) -> EmailMessage:
    import css_inline

    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = config.sender
    message["To"] = ", ".join(config.recipients)
    message["Date"] = formatdate(localtime=False)
    domain = config.sender.rsplit("@", 1)[-1] if "@" in config.sender else "hrc-report.invalid"
    message["Message-ID"] = make_msgid(domain=domain)
    message.set_content(text)
    # Mail readers ignore <style>: every rule goes into style attributes.
    message.add_alternative(css_inline.inline(html), subtype="html")
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=pdf_name)
    return message


@dataclass(frozen=True)
class Outcome:
    """How one message's delivery ended, recipient by recipient."""

    message_id: str
    accepted: tuple[str, ...] = ()
    #: recipient -> the server's answer
    refused: dict[str, str] = field(default_factory=dict)
    #: the message went out but no answer came back: it may have been delivered
    unknown: tuple[str, ...] = ()
    detail: str | None = None


class _BeforeData(Exception):
    """A failure before the message itself was sent: safe to try again."""


def _retryable(error: BaseException) -> bool:
    """Worth another try: a refused or dropped connection, a time-out, a 4xx answer.
    Not: a 5xx answer, a failed login, a server without STARTTLS, a bad certificate."""
    if isinstance(error, (smtplib.SMTPAuthenticationError, smtplib.SMTPNotSupportedError, ssl.SSLError)):
        return False
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    return isinstance(error, (ConnectionError, TimeoutError, socket.timeout, smtplib.SMTPServerDisconnected))


def _describe(error: BaseException) -> str:
    if isinstance(error, smtplib.SMTPResponseException):
        return f"the server answered {error.smtp_code} {error.smtp_error.decode('utf-8', 'replace') if isinstance(error.smtp_error, bytes) else error.smtp_error}"
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return f"the server does not support it ({error})"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, (TimeoutError, socket.timeout)):
        return "timed out"
    return f"{type(error).__name__}: {error}"


def _body(message: EmailMessage) -> bytes:
    """The message as the DATA command carries it: CRLF lines, leading dots doubled, the final dot."""
    data = message.as_bytes(policy=message.policy.clone(linesep="\r\n"))
    data = re.sub(rb"(?m)^\.", b"..", data)
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data + b".\r\n"


def _one_try(message: EmailMessage, config: SmtpConfig, recipients, smtp_module) -> Outcome:
    """One connection: everything up to DATA may fail and be tried again; once the
    message is out, a missing answer makes the outcome unknown, never a retry."""
    message_id = message["Message-ID"]
    context = ssl.create_default_context(cafile=config.cafile)
    try:
        if config.security == "ssl":
            client = smtp_module.SMTP_SSL(config.host, config.port, timeout=config.timeout, context=context)
        else:
            client = smtp_module.SMTP(config.host, config.port, timeout=config.timeout)
    except (smtplib.SMTPException, OSError) as error:
        raise _BeforeData(error) from error
    with client:
        try:
            client.ehlo()
            if config.security == "starttls":
                client.starttls(context=context)
                client.ehlo()
            if config.user:
                try:
                    client.login(config.user, config.password or "")
                except UnicodeError:
                    # The message would quote the character and its place: not a word of the password.
                    raise HrcReportError(
                        "the SMTP user or password holds characters the server's login cannot carry "
                        "(the password is not shown); use ASCII characters"
                    ) from None
            code, answer = client.mail(config.sender)
            if code != 250:
                raise smtplib.SMTPSenderRefused(code, answer, config.sender)
            refused = {}
            for recipient in recipients:
                code, answer = client.rcpt(recipient)
                if code not in (250, 251):
                    refused[recipient] = f"{code} {answer.decode('utf-8', 'replace') if isinstance(answer, bytes) else answer}"
            accepted = tuple(r for r in recipients if r not in refused)
            if not accepted:
                return Outcome(message_id, (), refused)
            code, answer = client.docmd("DATA")
            if code != 354:
                raise smtplib.SMTPDataError(code, answer)
        except (smtplib.SMTPException, OSError) as error:
            raise _BeforeData(error) from error
        try:
            client.send(_body(message))
            code, answer = client.getreply()
        except (smtplib.SMTPException, OSError) as error:
            return Outcome(message_id, (), refused, accepted, f"no answer after the message was sent ({_describe(error)})")
        if code != 250:
            error = smtplib.SMTPDataError(code, answer)
            if 400 <= code < 500:
                raise _BeforeData(error)  # a temporary refusal of the message: nothing was delivered
            return Outcome(message_id, (), {**refused, **{r: _describe(error) for r in accepted}})
        return Outcome(message_id, accepted, refused)


def send_message(message: EmailMessage, config: SmtpConfig, recipients=None, sleep=time.sleep, smtp_module=smtplib) -> Outcome:
    """Send with bounded retries while nothing can have been delivered (refused
    connections, time-outs and 4xx answers before the message is out).

    Raises :class:`HrcReportError` when no try got as far as the message.
    """
    recipients = tuple(recipients or config.recipients)
    for attempt in range(1, config.attempts + 1):
        try:
            return _one_try(message, config, recipients, smtp_module)
        except _BeforeData as failure:
            error = failure.__cause__ or failure.args[0]
            if not _retryable(error) or attempt == config.attempts:
                raise HrcReportError(
                    f"could not send the digest via {config.host}:{config.port} after {attempt} "
                    f"{'try' if attempt == 1 else 'tries'}: {_describe(error)}"
                ) from None
            sleep(config.backoff * 2 ** (attempt - 1))
    raise AssertionError("unreachable")
