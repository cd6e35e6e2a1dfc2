"""A typed, synchronous client for boilerplate.v1 (protos/boilerplate/v1/boilerplate.proto)."""

from __future__ import annotations

import ipaddress
import logging
import random
import time
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional, Sequence, Tuple, TypeVar, Union
from urllib.parse import urlsplit

import grpc

from ._proto.boilerplate.v1 import boilerplate_pb2 as pb
from ._proto.boilerplate.v1 import boilerplate_pb2_grpc as pb_grpc
from .errors import AT_CAPACITY, BoilerplateError, RetryLaterError, error_from_rpc

_log = logging.getLogger("boilerplate_client")
_T = TypeVar("_T")

# The service accepts requests up to Limits:MaxReceiveMessageBytes (16 MiB by default); gRPC's own default is 4 MB.
_MAX_MESSAGE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class RetryPolicy:
    """How unary calls are retried: UNAVAILABLE (and MODEL_UNAVAILABLE) with jittered exponential back-off, and
    AT_CAPACITY after the service's RetryInfo delay plus up to a fifth at random, when that delay is at most
    ``max_retry_after`` seconds. Other errors are never retried; neither is a CleanStream call."""

    max_attempts: int = 4
    initial_backoff: float = 0.2
    max_backoff: float = 5.0
    multiplier: float = 2.0
    retry_at_capacity: bool = True
    max_retry_after: float = 5.0

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.initial_backoff < 0 or self.max_backoff < self.initial_backoff or self.multiplier < 1:
            raise ValueError("need 0 <= initial_backoff <= max_backoff and multiplier >= 1")
        if self.max_retry_after < 0:
            raise ValueError("max_retry_after must not be negative")

    def delay(self, error: BoilerplateError, attempt: int) -> Optional[float]:
        """Seconds to wait before attempt ``attempt + 1`` after ``error``, or None when it is not retried."""
        if attempt >= self.max_attempts or not isinstance(error, RetryLaterError):
            return None
        if error.reason == AT_CAPACITY:
            if not self.retry_at_capacity:
                return None
            wait = error.retry_after if error.retry_after is not None else self.initial_backoff
            # A service cannot park a caller for long; past the bound the caller queues the page itself.
            if wait > self.max_retry_after:
                return None
            return wait * (1 + random.random() / 5)
        # Full jitter, so clients refused together do not return together.
        ceiling = min(self.max_backoff, self.initial_backoff * self.multiplier ** (attempt - 1))
        return random.uniform(ceiling / 2, ceiling)


NO_RETRY = RetryPolicy(max_attempts=1)

RetryHook = Callable[[BoilerplateError, int, float], None]


class BoilerplateClient:
    """A client of one Boilerplate service (or a load balancer in front of several).

    ``target``: ``host:port`` or ``http://host:port`` (plaintext), ``https://host:port`` (TLS), or any gRPC target
    (``dns:///name:port``). ``deadline``: seconds for a whole unary call, retries and back-off included (None: no
    deadline; the service then applies its own). ``api_key`` is sent as ``x-api-key``; over plaintext only to a
    loopback address unless ``allow_insecure_api_key`` is set, so a key does not cross a network in the clear.
    ``on_retry(error, attempt, delay)`` is called before each retry (for metrics). Thread-safe; close it when done
    (or use it as a context manager).
    """

    def __init__(
        self,
        target: str,
        *,
        api_key: Optional[str] = None,
        deadline: Optional[float] = 30.0,
        retry: RetryPolicy = RetryPolicy(),
        credentials: Optional[grpc.ChannelCredentials] = None,
        allow_insecure_api_key: bool = False,
        channel_options: Sequence[Tuple[str, Union[int, str]]] = (),
        on_retry: Optional[RetryHook] = None,
    ) -> None:
        if deadline is not None and deadline <= 0:
            raise ValueError("deadline must be positive or None")
        if api_key is not None and (not api_key.strip() or any(c in api_key for c in "\r\n")):
            raise ValueError("api_key must be a non-blank single line")
        address, secure = _parse_target(target)
        if credentials is None and secure:
            credentials = grpc.ssl_channel_credentials()
        if api_key is not None and credentials is None and not allow_insecure_api_key and not _is_loopback(address):
            raise ValueError(
                f"refusing to send the API key in plaintext to {address}: use https:// or credentials, "
                "or set allow_insecure_api_key=True"
            )
        options = [
            ("grpc.max_receive_message_length", _MAX_MESSAGE_BYTES),
            ("grpc.max_send_message_length", _MAX_MESSAGE_BYTES),
            *channel_options,
        ]
        self._channel = (
            grpc.secure_channel(address, credentials, options)
            if credentials is not None
            else grpc.insecure_channel(address, options)
        )
        self._cleaner = pb_grpc.BoilerplateServiceStub(self._channel)
        self._models = pb_grpc.ModelServiceStub(self._channel)
        self._metadata: Tuple[Tuple[str, str], ...] = (("x-api-key", api_key),) if api_key else ()
        self._deadline = deadline
        self._retry = retry
        self._on_retry = on_retry

    def clean_html(
        self,
        html: Union[str, bytes],
        *,
        url: str = "",
        content_type: str = "",
        id: str = "",
        options: Optional[pb.CleanOptions] = None,
        deadline: Optional[float] = None,
    ) -> pb.CleanResponse:
        """Cleans an HTML page: ``str`` is already decoded; ``bytes`` are decoded by the service (byte-order mark,
        the charset of ``content_type``, <meta charset>, sniffing)."""
        request = pb.CleanRequest(id=id, url=url, content_type=content_type, options=options)
        if isinstance(html, bytes):
            request.html_bytes = html
        else:
            request.html = html
        return self.clean(request, deadline=deadline)

    def clean_text(
        self,
        text: str,
        *,
        url: str = "",
        id: str = "",
        options: Optional[pb.CleanOptions] = None,
        deadline: Optional[float] = None,
    ) -> pb.CleanResponse:
        """Cleans plain text: paragraphs separated by blank lines (or single line breaks when there is none)."""
        return self.clean(pb.CleanRequest(id=id, url=url, text=text, options=options), deadline=deadline)

    def clean(self, request: pb.CleanRequest, *, deadline: Optional[float] = None) -> pb.CleanResponse:
        """Cleans one page; raises a :class:`~boilerplate_client.errors.BoilerplateError` subclass on failure."""
        return self._call("Clean", self._cleaner.Clean, request, deadline)

    def clean_stream(
        self, requests: Iterable[pb.CleanRequest], *, deadline: Optional[float] = None
    ) -> Iterator[pb.CleanResponse]:
        """Cleans many pages over one call. Answers come in request order with the request's ``id``; a failed page
        comes back in its place with ``error`` set (read it with :func:`~boilerplate_client.errors.page_error`) and
        the stream goes on. Only a failure of the call itself raises. ``deadline`` bounds the whole stream (None:
        none, for a long crawl). Not retried: pages already answered cannot be taken back."""
        call = self._cleaner.CleanStream(iter(requests), timeout=deadline, metadata=self._metadata)
        try:
            for response in call:
                yield response
        except grpc.RpcError as error:
            raise error_from_rpc(error) from None
        finally:
            call.cancel()  # a caller that stops reading early ends the call rather than leaving it open

    def model_info(self, *, deadline: Optional[float] = None) -> pb.ModelInfo:
        """The serving model: version, labels, page types, trainer, figures, when trained and loaded."""
        return self._call("GetModelInfo", self._models.GetModelInfo, pb.GetModelInfoRequest(), deadline)

    def reload_model(self, *, deadline: Optional[float] = None) -> pb.ModelInfo:
        """An operator's call: reload the model from the service's Model:Path now (FAILED_PRECONDITION, old model
        serving, when the file is bad)."""
        return self._call("ReloadModel", self._models.ReloadModel, pb.ReloadModelRequest(), deadline, retry=False)

    def close(self) -> None:
        self._channel.close()

    def __enter__(self) -> "BoilerplateClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(
        self,
        name: str,
        method: Callable[..., _T],
        request: object,
        deadline: Optional[float],
        retry: bool = True,
    ) -> _T:
        budget = deadline if deadline is not None else self._deadline
        if budget is not None and budget <= 0:
            raise ValueError("deadline must be positive")
        ends = None if budget is None else time.monotonic() + budget
        attempt = 0
        while True:
            attempt += 1
            left = None if ends is None else ends - time.monotonic()
            try:
                return method(request, timeout=left, metadata=self._metadata)
            except grpc.RpcError as rpc_error:
                error = error_from_rpc(rpc_error)
            delay = self._retry.delay(error, attempt) if retry else None
            # A retry that would start after the deadline cannot succeed: the caller gets the real error now.
            if delay is None or (ends is not None and time.monotonic() + delay >= ends):
                raise error
            _log.info("retrying %s after %s (attempt %d, in %.3f s)", name, error.reason or error.code.name,
                      attempt, delay)
            if self._on_retry is not None:
                self._on_retry(error, attempt, delay)
            time.sleep(delay)


def _parse_target(target: str) -> Tuple[str, bool]:
    if not target or target != target.strip():
        raise ValueError(f"invalid target {target!r}")
    if target.startswith(("http://", "https://")):
        parts = urlsplit(target)
        if not parts.hostname or parts.path not in ("", "/") or parts.query:
            raise ValueError(f"invalid target {target!r}: expected scheme://host:port")
        secure = parts.scheme == "https"
        port = parts.port or (443 if secure else 80)
        host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
        return f"{host}:{port}", secure
    return target, False


def _is_loopback(address: str) -> bool:
    host = address.rsplit(":", 1)[0].strip("[]") if ":" in address else address
    if "///" in host:  # dns:///name, unix:///path and the like
        host = host.split("///", 1)[1]
    if host == "localhost" or address.startswith("unix:"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
