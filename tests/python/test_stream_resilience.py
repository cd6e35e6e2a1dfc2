"""clean_stream's resends (per-page AT_CAPACITY) and reconnects (SHUTTING_DOWN, refused connections) against real
service processes (conftest.py), with what went over the wire recorded by a gRPC interceptor."""

from __future__ import annotations

import threading
from collections import Counter
from typing import Iterator, List, Optional, Tuple

import grpc
import pytest

from boilerplate_client import (
    NO_RETRY,
    BoilerplateClient,
    BoilerplateError,
    CleanRequest,
    RetryPolicy,
    page_error,
)
from boilerplate_client._proto.boilerplate.v1 import boilerplate_pb2_grpc as pb_grpc
from conftest import API_KEY, CAPACITY_RETRY_DELAY, Service, free_port, restart_service
from test_client import BIG_PAGE

SENTENCE = "the seals moved to the higher ground by the old pier"


def _pages(prefix: str, count: int) -> List[CleanRequest]:
    return [CleanRequest(id=f"{prefix}{i}", text=f"Page {i}: the tide came in over the sandbanks at dawn and "
                                                 f"{SENTENCE}.") for i in range(count)]


class _Wire(grpc.StreamStreamClientInterceptor):
    """Records the id of every page sent and of every answer received, with the answer's error reason."""

    def __init__(self) -> None:
        self.sent: List[str] = []
        self.answers: List[Tuple[str, Optional[str]]] = []

    def intercept_stream_stream(  # type: ignore[no-untyped-def]
        self, continuation, client_call_details, request_iterator
    ):
        def sending(pages: Iterator[CleanRequest]) -> Iterator[CleanRequest]:
            for page in pages:
                self.sent.append(page.id)
                yield page

        return _Answers(continuation(client_call_details, sending(request_iterator)), self.answers)


class _Answers:
    def __init__(self, call, answers: List[Tuple[str, Optional[str]]]) -> None:  # type: ignore[no-untyped-def]
        self._call = call
        self._answers = answers

    def __iter__(self) -> "_Answers":
        return self

    def __next__(self):  # type: ignore[no-untyped-def]
        answer = next(self._call)
        error = page_error(answer)
        self._answers.append((answer.id, None if error is None else error.reason))
        return answer

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._call, name)


def _recorded(client: BoilerplateClient) -> _Wire:
    wire = _Wire()
    client._cleaner = pb_grpc.BoilerplateServiceStub(grpc.intercept_channel(client._channel, wire))
    return wire


def _hog_the_slot(target: str, seconds: float) -> threading.Event:
    """Keeps the tight service's single slot busy with big pages for ``seconds``, from two threads."""
    stop = threading.Event()
    busy = threading.Event()

    def hog() -> None:
        # Its own connection: gRPC shares one between channels to the same target by default, and the service's
        # HTTP/2 server may reset a busy connection's streams (ENHANCE_YOUR_CALM), the stream under test with them.
        own = [("grpc.use_local_subchannel_pool", 1)]
        with BoilerplateClient(target, retry=NO_RETRY, channel_options=own) as hogger:
            while not stop.is_set():
                busy.set()
                try:
                    hogger.clean_html(BIG_PAGE)
                except BoilerplateError:
                    pass

    for _ in range(2):
        threading.Thread(target=hog, daemon=True).start()
    busy.wait(5)
    threading.Timer(seconds, stop.set).start()
    return stop


def test_pages_at_capacity_are_resent_and_answered_in_order(tight_service: Service) -> None:
    pages = _pages("c", 8)
    delays: List[float] = []
    retried: List[BoilerplateError] = []

    def on_retry(error: BoilerplateError, attempt: int, delay: float) -> None:
        retried.append(error)
        delays.append(delay)

    with BoilerplateClient(tight_service.target, retry=RetryPolicy(max_attempts=40, max_retry_after=1.0),
                           on_retry=on_retry) as client:
        wire = _recorded(client)
        stop = _hog_the_slot(tight_service.target, 1.5)
        try:
            answers = list(client.clean_stream(iter(pages), deadline=30))
        finally:
            stop.set()
    assert [a.id for a in answers] == [p.id for p in pages]
    for answer in answers:
        assert page_error(answer) is None, page_error(answer)
        assert SENTENCE in answer.text
    refused = Counter(page_id for page_id, reason in wire.answers if reason == "AT_CAPACITY")
    assert refused, f"no page met AT_CAPACITY: {wire.answers}"
    assert set(reason for _, reason in wire.answers) <= {None, "AT_CAPACITY"}
    # A page is sent again only after an AT_CAPACITY answer, and never after its clean one.
    sent = Counter(wire.sent)
    assert {p.id: sent[p.id] for p in pages} == {p.id: refused[p.id] + 1 for p in pages}, (wire.sent, retried)
    assert [e.reason for e in retried] == ["AT_CAPACITY"] * sum(refused.values()), retried
    assert all(CAPACITY_RETRY_DELAY <= d <= CAPACITY_RETRY_DELAY * 1.2 for d in delays), delays


def test_without_retry_pages_at_capacity_come_back_in_place(tight_service: Service) -> None:
    pages = _pages("n", 8)
    with BoilerplateClient(tight_service.target) as client:
        wire = _recorded(client)
        stop = _hog_the_slot(tight_service.target, 1.0)
        try:
            answers = list(client.clean_stream(iter(pages), deadline=30, retry=False))
        finally:
            stop.set()
    assert [a.id for a in answers] == [p.id for p in pages]
    reasons = [getattr(page_error(a), "reason", None) for a in answers]
    assert "AT_CAPACITY" in reasons, reasons
    assert Counter(wire.sent) == Counter(p.id for p in pages)


def test_a_stream_ended_by_shutdown_is_reopened_and_only_unanswered_pages_resent(
    restartable_service: Service,
) -> None:
    pages = _pages("s", 6)
    restarted = threading.Event()

    def source() -> Iterator[CleanRequest]:
        yield from pages[:3]
        # The rest only once the service has been stopped and started again: they go on a new stream.
        restarted.wait(60)
        yield from pages[3:]

    errors: List[BoilerplateError] = []
    answers = []
    policy = RetryPolicy(max_attempts=200, initial_backoff=0.05, max_backoff=0.25)
    # The channel's own reconnect back-off would otherwise wait up to seconds after the service is back.
    fast = [("grpc.initial_reconnect_backoff_ms", 100), ("grpc.max_reconnect_backoff_ms", 250)]
    with BoilerplateClient(restartable_service.target, retry=policy, channel_options=fast,
                           on_retry=lambda e, attempt, delay: errors.append(e)) as client:
        wire = _recorded(client)
        for answer in client.clean_stream(source(), deadline=60):
            answers.append(answer)
            if len(answers) == 3:
                restart_service(restartable_service)
                restarted.set()
    assert [a.id for a in answers] == [p.id for p in pages]
    assert all(page_error(a) is None and SENTENCE in a.text for a in answers)
    assert errors and errors[0].code == grpc.StatusCode.UNAVAILABLE and errors[0].reason == "SHUTTING_DOWN", errors
    assert all(e.code == grpc.StatusCode.UNAVAILABLE for e in errors), errors
    sent = Counter(wire.sent)
    assert all(sent[p.id] == 1 for p in pages[:3]), sent  # answered before the shutdown: never sent again
    assert all(sent[p.id] >= 1 for p in pages[3:]), sent


def test_an_exception_from_the_callers_pages_reaches_the_caller(main_service: Service) -> None:
    def source() -> Iterator[CleanRequest]:
        yield from _pages("e", 2)
        raise ValueError("the crawl broke")

    with BoilerplateClient(main_service.target, api_key=API_KEY) as client:
        with pytest.raises(ValueError, match="the crawl broke"):
            list(client.clean_stream(source(), deadline=30))


def test_a_stream_that_cannot_connect_gives_up_after_its_attempts() -> None:
    attempts: List[int] = []
    policy = RetryPolicy(max_attempts=3, initial_backoff=0.05, max_backoff=0.1)
    with BoilerplateClient(f"127.0.0.1:{free_port()}", retry=policy,
                           on_retry=lambda e, attempt, delay: attempts.append(attempt)) as client:
        with pytest.raises(BoilerplateError) as caught:
            list(client.clean_stream(iter(_pages("u", 2)), deadline=10))
    assert caught.value.code == grpc.StatusCode.UNAVAILABLE
    assert attempts == [1, 2]
