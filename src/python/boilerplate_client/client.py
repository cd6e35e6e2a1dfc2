"""A typed, synchronous client for boilerplate.v1 (protos/boilerplate/v1/boilerplate.proto)."""

from __future__ import annotations

import ipaddress
import logging
import heapq
import random
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Callable, Deque, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, TypeVar, Union
from urllib.parse import urlsplit

import grpc

from ._proto.boilerplate.v1 import boilerplate_pb2 as pb
from ._proto.boilerplate.v1 import boilerplate_pb2_grpc as pb_grpc
from .errors import AT_CAPACITY, BoilerplateError, RetryLaterError, error_from_rpc, page_error

_log = logging.getLogger("boilerplate_client")
_T = TypeVar("_T")

# The service accepts requests up to Limits:MaxReceiveMessageBytes (16 MiB by default); gRPC's own default is 4 MB.
_MAX_MESSAGE_BYTES = 16 * 1024 * 1024
# Pages a resilient clean_stream takes from the caller ahead of the answers it has yielded: it bounds the answers held
# back behind a page being resent, and the pages resent after a reconnect.
_STREAM_WINDOW = 64


@dataclass(frozen=True)
class RetryPolicy:
    """How unary calls are retried: UNAVAILABLE (and MODEL_UNAVAILABLE) with jittered exponential back-off, and
    AT_CAPACITY after the service's RetryInfo delay plus up to a fifth at random, when that delay is at most
    ``max_retry_after`` seconds. Other errors are never retried. ``clean_stream`` applies it to each page's
    per-page error and to the reconnects of the stream."""

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
        self, requests: Iterable[pb.CleanRequest], *, deadline: Optional[float] = None, retry: bool = True
    ) -> Iterator[pb.CleanResponse]:
        """Cleans many pages over one call. Answers come in request order with the request's ``id``; a failed page
        comes back in its place with ``error`` set (read it with :func:`~boilerplate_client.errors.page_error`) and
        the stream goes on. ``deadline`` bounds the whole stream, resends and reconnects included (None: none, for a
        long crawl).

        With ``retry`` (the default) the client's :class:`RetryPolicy` applies per page and per stream: a page
        answered with a retryable per-page error (AT_CAPACITY, MODEL_UNAVAILABLE) is sent again on the same stream
        after the policy's delay, and the answers after it are held back until it is answered, so the caller still
        gets every answer once, in its own order; at most ``_STREAM_WINDOW`` pages are taken from ``requests`` ahead
        of the answers yielded. A stream that ends with UNAVAILABLE (SHUTTING_DOWN, a lost or refused connection) is
        reopened with back-off and the pages not yet answered are sent again; ``max_attempts`` bounds the
        reconnects in a row without an answer. A page whose answer arrived is never sent again. Other failures of
        the call raise, as does an exception from ``requests``. ``retry=False``: one call, nothing resent."""
        if not retry:
            call = self._cleaner.CleanStream(iter(requests), timeout=deadline, metadata=self._metadata)
            try:
                for response in call:
                    yield response
            except grpc.RpcError as error:
                raise error_from_rpc(error) from None
            finally:
                call.cancel()  # a caller that stops reading early ends the call rather than leaving it open
            return
        if deadline is not None and deadline <= 0:
            raise ValueError("deadline must be positive")
        ends = None if deadline is None else time.monotonic() + deadline
        state = _StreamState(iter(requests), self._retry, ends)
        failures = 0  # reconnects in a row with no answer between them
        try:
            while True:
                left = None if ends is None else ends - time.monotonic()
                call = self._cleaner.CleanStream(state.requests(), timeout=left, metadata=self._metadata)
                error: BoilerplateError
                try:
                    for response in call:
                        failures = 0
                        ready, retried = state.answer(response)
                        if retried is not None:
                            self._report_retry("CleanStream page", *retried)
                        for answer in ready:
                            yield answer
                    error = BoilerplateError(
                        grpc.StatusCode.INTERNAL, "the stream ended with pages unanswered")
                except grpc.RpcError as rpc_error:
                    error = error_from_rpc(rpc_error)
                finally:
                    call.cancel()
                if state.caller_error is not None:
                    raise state.caller_error
                if state.finished():
                    return
                failures += 1
                delay = self._retry.delay(error, failures)
                if delay is None or (ends is not None and time.monotonic() + delay >= ends):
                    raise error
                state.reopen()
                self._report_retry("CleanStream", error, failures, delay)
                time.sleep(delay)
        finally:
            state.close()

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
            self._report_retry(name, error, attempt, delay)
            time.sleep(delay)

    def _report_retry(self, name: str, error: BoilerplateError, attempt: int, delay: float) -> None:
        _log.info("retrying %s after %s (attempt %d, in %.3f s)", name, error.reason or error.code.name,
                  attempt, delay)
        if self._on_retry is not None:
            self._on_retry(error, attempt, delay)


class _StreamState:
    """The pages of one ``clean_stream``, shared by the caller's thread (answers) and gRPC's thread that sends.

    Pages are numbered in the caller's order. A page is in flight on the current stream, waiting to be resent, or
    answered and held until the pages before it are answered. Answers on a stream come in the order it sent the pages,
    so each one answers the oldest page in flight there.
    """

    def __init__(self, source: Iterator[pb.CleanRequest], policy: RetryPolicy, ends: Optional[float]) -> None:
        self._source = source
        self._policy = policy
        self._ends = ends
        self._lock = threading.Condition()
        self._exhausted = False
        self._pulling = False  # one thread at a time reads the caller's iterator, outside the lock
        self._closed = False
        self._stream = 0  # which stream's request generator may send
        self._next_seq = 0
        self._next_out = 0
        self._in_flight: Deque[Tuple[int, pb.CleanRequest]] = deque()
        self._resend: List[Tuple[float, int, pb.CleanRequest]] = []  # a heap by due time, then caller order
        self._sends: Dict[int, int] = {}
        self._answered: Dict[int, pb.CleanResponse] = {}
        self.caller_error: Optional[BaseException] = None

    def requests(self) -> Iterator[pb.CleanRequest]:
        """The request stream of the current call: pages due again first, then the caller's next ones; it ends (the
        client half-closes) once the caller's pages are all read and every page sent is answered for good."""
        with self._lock:
            # Taken now, not at gRPC's first read, so a late first read of an ended stream's generator sends nothing.
            return self._send(self._stream)

    def _send(self, stream: int) -> Iterator[pb.CleanRequest]:
        while True:
            pull = False
            with self._lock:
                while True:
                    if self._closed or self._stream != stream:
                        return
                    now = time.monotonic()
                    if self._resend and self._resend[0][0] <= now:
                        _, seq, page = heapq.heappop(self._resend)
                        self._in_flight.append((seq, page))
                        self._sends[seq] += 1
                        break
                    if (not self._exhausted and not self._pulling
                            and self._next_seq - self._next_out < _STREAM_WINDOW):
                        self._pulling = pull = True
                        break
                    if self._exhausted and not self._pulling and not self._resend and not self._in_flight:
                        return
                    self._lock.wait(self._resend[0][0] - now if self._resend else None)
            if pull:
                try:
                    page = next(self._source)
                except StopIteration:
                    with self._lock:
                        self._exhausted, self._pulling = True, False
                        self._lock.notify_all()
                    continue
                except BaseException as error:  # raised to the caller by clean_stream, not lost in gRPC's thread
                    with self._lock:
                        self.caller_error = error
                        self._exhausted, self._pulling = True, False
                        self._lock.notify_all()
                    raise
                with self._lock:
                    self._pulling = False
                    seq = self._next_seq
                    self._next_seq += 1
                    self._sends[seq] = 1
                    self._lock.notify_all()
                    if self._closed:
                        return
                    if self._stream != stream:  # this stream ended while the caller's iterator was read
                        heapq.heappush(self._resend, (0.0, seq, page))
                        return
                    self._in_flight.append((seq, page))
            yield page

    def answer(
        self, response: pb.CleanResponse
    ) -> Tuple[List[pb.CleanResponse], Optional[Tuple[BoilerplateError, int, float]]]:
        """Takes the answer to the oldest page in flight: the answers now due to the caller, in order, and the
        (error, attempt, delay) of the page when it is to be sent again."""
        with self._lock:
            if not self._in_flight:
                raise BoilerplateError(grpc.StatusCode.INTERNAL, "the service answered a page that was not sent")
            seq, page = self._in_flight.popleft()
            retried = None
            error = page_error(response)
            if error is not None:
                attempt = self._sends[seq]
                delay = self._policy.delay(error, attempt)
                if delay is not None and (self._ends is None or time.monotonic() + delay < self._ends):
                    heapq.heappush(self._resend, (time.monotonic() + delay, seq, page))
                    retried = (error, attempt, delay)
            if retried is None:
                del self._sends[seq]
                self._answered[seq] = response
            ready = []
            while self._next_out in self._answered:
                ready.append(self._answered.pop(self._next_out))
                self._next_out += 1
            self._lock.notify_all()
            return ready, retried

    def reopen(self) -> None:
        """The stream ended: its pages in flight are due again on the next one, in the caller's order."""
        with self._lock:
            self._stream += 1
            for seq, page in self._in_flight:
                heapq.heappush(self._resend, (0.0, seq, page))
            self._in_flight.clear()
            self._lock.notify_all()

    def finished(self) -> bool:
        with self._lock:
            return self._exhausted and not self._pulling and self._next_out == self._next_seq

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._lock.notify_all()


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
