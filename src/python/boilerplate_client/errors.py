"""Errors a program can act on, read from the service's rich status (docs/errors.md).

A failed call raises a :class:`BoilerplateError` subclass chosen by what the caller should do:
:class:`RetryLaterError` (send the page again later), :class:`PageRefusedError` (the page itself is refused;
resending it unchanged fails again), :class:`AuthenticationError` (the API key), or the base class for the rest.
A CleanStream answers a failed page in its place; :func:`page_error` reads that answer the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

import grpc

try:  # googleapis-common-protos, where installed, owns google/rpc/*.proto in the default descriptor pool
    from google.rpc import error_details_pb2, status_pb2
except ImportError:
    from ._proto.google.rpc import error_details_pb2, status_pb2  # type: ignore[no-redef]

DOMAIN = "boilerplate.v1"

# The stable error reasons (ErrorInfo.reason), as the service sends them.
EMPTY_PAGE = "EMPTY_PAGE"
INVALID_OPTION = "INVALID_OPTION"
INVALID_ARGUMENT = "INVALID_ARGUMENT"
UNKNOWN_LABEL = "UNKNOWN_LABEL"
PAGE_TOO_LARGE = "PAGE_TOO_LARGE"
TOO_MANY_NODES = "TOO_MANY_NODES"
TOO_MANY_PARAGRAPHS = "TOO_MANY_PARAGRAPHS"
PARSE_TIMEOUT = "PARSE_TIMEOUT"
DEADLINE_EXCEEDED = "DEADLINE_EXCEEDED"
AT_CAPACITY = "AT_CAPACITY"
MODEL_UNAVAILABLE = "MODEL_UNAVAILABLE"
SHUTTING_DOWN = "SHUTTING_DOWN"
STREAM_IDLE = "STREAM_IDLE"
INTERNAL = "INTERNAL"

_RETRY_LATER_REASONS = frozenset({AT_CAPACITY, MODEL_UNAVAILABLE})
_REFUSED_REASONS = frozenset({
    EMPTY_PAGE, INVALID_OPTION, UNKNOWN_LABEL, INVALID_ARGUMENT,
    PAGE_TOO_LARGE, TOO_MANY_NODES, TOO_MANY_PARAGRAPHS, PARSE_TIMEOUT,
})
_DETAILS_TRAILER = "grpc-status-details-bin"


@dataclass(frozen=True)
class FieldViolation:
    """A request field at fault (google.rpc.BadRequest), e.g. ``options.bias``."""

    field: str
    description: str


class BoilerplateError(Exception):
    """A call or a page that failed: the gRPC code, the stable reason (None when the status carries none, e.g. a
    proxy's or gRPC's own), the message, the service's retry delay in seconds and the fields at fault."""

    def __init__(
        self,
        code: grpc.StatusCode,
        message: str,
        reason: Optional[str] = None,
        retry_after: Optional[float] = None,
        field_violations: Tuple[FieldViolation, ...] = (),
    ) -> None:
        super().__init__(f"{code.name}{f' {reason}' if reason else ''}: {message}")
        self.code = code
        self.message = message
        self.reason = reason
        self.retry_after = retry_after
        self.field_violations = field_violations

    @property
    def retryable(self) -> bool:
        """Whether sending the same page again later may succeed (AT_CAPACITY, MODEL_UNAVAILABLE, UNAVAILABLE)."""
        return isinstance(self, RetryLaterError)


class RetryLaterError(BoilerplateError):
    """The service could not take the page now (AT_CAPACITY, MODEL_UNAVAILABLE, or any UNAVAILABLE): send it again
    after :attr:`retry_after` seconds when set."""


class PageRefusedError(BoilerplateError):
    """The page or its options are refused (too large, empty, bad option...): resending it unchanged fails again."""


class AuthenticationError(BoilerplateError):
    """UNAUTHENTICATED: no API key, or one the service does not accept."""


def error_from_status(status: status_pb2.Status) -> BoilerplateError:
    """The typed error for a google.rpc.Status: a CleanStream page's ``error``, or a call's status details."""
    try:
        code = grpc.StatusCode[_code_name(status.code)]
    except KeyError:
        code = grpc.StatusCode.UNKNOWN
    reason: Optional[str] = None
    retry_after: Optional[float] = None
    violations: list[FieldViolation] = []
    for detail in status.details:
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            if info.domain == DOMAIN and info.reason:
                reason = info.reason
        elif detail.Is(error_details_pb2.RetryInfo.DESCRIPTOR):
            retry = error_details_pb2.RetryInfo()
            detail.Unpack(retry)
            retry_after = retry.retry_delay.seconds + retry.retry_delay.nanos / 1e9
        elif detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            detail.Unpack(bad)
            violations.extend(FieldViolation(v.field, v.description) for v in bad.field_violations)
    return _typed(code, status.message, reason, retry_after, tuple(violations))


def error_from_rpc(error: grpc.RpcError) -> BoilerplateError:
    """The typed error for a failed call, read from its ``grpc-status-details-bin`` trailer when it has one."""
    # A grpc.RpcError raised by a call is also a grpc.Call, which carries the status.
    code: grpc.StatusCode = (
        error.code() if hasattr(error, "code") else grpc.StatusCode.UNKNOWN  # type: ignore[attr-defined]
    )
    message: str = (error.details() if hasattr(error, "details") else None) or ""  # type: ignore[attr-defined]
    trailers = error.trailing_metadata() if hasattr(error, "trailing_metadata") else None  # type: ignore[attr-defined]
    for key, value in trailers or ():
        if key == _DETAILS_TRAILER and isinstance(value, bytes):
            status = status_pb2.Status()
            try:
                status.ParseFromString(value)
            except Exception:  # a malformed trailer (a proxy's) leaves the plain status
                break
            typed = error_from_status(status)
            # The call's own code wins: the trailer is the service's word, the code what the caller saw.
            return _typed(code, message or typed.message, typed.reason, typed.retry_after, typed.field_violations)
    return _typed(code, message, None, None, ())


def page_error(response: object) -> Optional[BoilerplateError]:
    """The typed error of a CleanStream answer whose page failed, or None for a cleaned page."""
    if response.HasField("error"):  # type: ignore[attr-defined]
        return error_from_status(response.error)  # type: ignore[attr-defined]
    return None


def _code_name(value: int) -> str:
    for code in grpc.StatusCode:
        if code.value[0] == value:
            return code.name
    return "UNKNOWN"


def _typed(
    code: grpc.StatusCode,
    message: str,
    reason: Optional[str],
    retry_after: Optional[float],
    violations: Tuple[FieldViolation, ...],
) -> BoilerplateError:
    if code == grpc.StatusCode.UNAUTHENTICATED:
        kind: type[BoilerplateError] = AuthenticationError
    elif reason in _RETRY_LATER_REASONS or code == grpc.StatusCode.UNAVAILABLE:
        kind = RetryLaterError
    elif reason in _REFUSED_REASONS or code == grpc.StatusCode.INVALID_ARGUMENT:
        kind = PageRefusedError
    else:
        kind = BoilerplateError
    return kind(code, message, reason, retry_after, violations)
