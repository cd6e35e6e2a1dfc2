"""The Python client against a real service process (conftest.py)."""

from __future__ import annotations

import threading
import time
from typing import List

import grpc
import pytest

from boilerplate_client import (
    NO_RETRY,
    AuthenticationError,
    BoilerplateClient,
    BoilerplateError,
    CleanOptions,
    CleanRequest,
    PageRefusedError,
    RetryLaterError,
    RetryPolicy,
    page_error,
)
from conftest import API_KEY, ARTICLE, ARTICLE_SENTENCE, CAPACITY_RETRY_DELAY, Service, free_port

# A page big enough that cleaning it takes a while, so concurrent calls overlap on the tight service.
BIG_PAGE = "<html><body>" + "".join(
    f"<p>Paragraph {i} of a long report on seals, estuaries, tides and the water that runs between them.</p>"
    for i in range(2500)
) + "</body></html>"


def test_model_info(client: BoilerplateClient) -> None:
    info = client.model_info()
    assert len(info.version) == 64
    assert list(info.labels) == ["body", "navigation", "legal"]
    assert "article" in info.page_types


def test_clean_html_keeps_the_article_and_drops_boilerplate(client: BoilerplateClient) -> None:
    page = client.clean_html(ARTICLE, url="https://news.example/2026/seals", id="seals",
                             options=CleanOptions(include_markdown=True, include_paragraphs=True))
    assert page.id == "seals"
    assert ARTICLE_SENTENCE in page.text
    for boilerplate in ("cookies", "Cookie settings", "All rights reserved", "Weather"):
        assert boilerplate not in page.text
    assert page.markdown.startswith("# Harbour seals return to the estuary")
    assert page.metadata.language == "en"
    assert page.metadata.site_name == "Coastal News"
    assert list(page.metadata.authors) == ["Mary Stone"]
    assert page.metadata.headline == "Harbour seals return to the estuary"
    dropped = {p.label for p in page.paragraphs if not p.kept}
    assert {"navigation", "legal"} <= dropped
    assert all(abs(sum(p.scores.values()) - 1) < 1e-3 for p in page.paragraphs)
    assert page.stats.kept < page.stats.paragraphs


def test_clean_html_bytes_decodes_the_declared_charset(client: BoilerplateClient) -> None:
    body = ("<html><body><h1>Caf\u00e9 culture</h1><p>The caf\u00e9 on the corner has served the same "
            "cr\u00e8me br\u00fbl\u00e9e to the whole street since the winter of 1987, its owner said.</p>"
            "</body></html>").encode("iso-8859-1")
    page = client.clean_html(body, content_type="text/html; charset=iso-8859-1")
    assert "cr\u00e8me br\u00fbl\u00e9e" in page.text


def test_clean_text(client: BoilerplateClient) -> None:
    page = client.clean_text(
        "The council voted on Tuesday to keep the seasonal ban on boat landings at the estuary for five more "
        "years, after volunteers counted forty-two seals on the sandbanks.\n\nRead More\n\n"
        "We use cookies to improve your experience.",
        options=CleanOptions(include_paragraphs=True),
    )
    assert "seasonal ban on boat landings" in page.text
    assert "cookies" not in page.text
    assert [p.label for p in page.paragraphs][-1] == "legal"


@pytest.mark.parametrize(
    ("request_", "reason", "field"),
    [
        (CleanRequest(text=""), "EMPTY_PAGE", "text"),
        (CleanRequest(text="Some text.", options=CleanOptions(bias=5)), "INVALID_OPTION", "options.bias"),
        (CleanRequest(text="Some text.", options=CleanOptions(keep_labels=["sidebar"])), "UNKNOWN_LABEL",
         "options.keep_labels"),
    ],
)
def test_refused_pages_raise_page_refused_with_the_field(
    main_service: Service, request_: CleanRequest, reason: str, field: str
) -> None:
    retries: List[BoilerplateError] = []
    with BoilerplateClient(main_service.target, api_key=API_KEY,
                           on_retry=lambda e, attempt, delay: retries.append(e)) as client:
        with pytest.raises(PageRefusedError) as caught:
            client.clean(request_)
    error = caught.value
    assert error.code == grpc.StatusCode.INVALID_ARGUMENT
    assert error.reason == reason
    assert field in [v.field for v in error.field_violations]
    assert not error.retryable
    assert retries == []  # a refused page is never resent


@pytest.mark.parametrize("key", [None, "not-the-key"])
def test_a_missing_or_wrong_api_key_is_an_authentication_error(main_service: Service, key: str | None) -> None:
    with BoilerplateClient(main_service.target, api_key=key) as client:
        with pytest.raises(AuthenticationError) as caught:
            client.model_info()
    assert caught.value.code == grpc.StatusCode.UNAUTHENTICATED


def test_the_api_key_is_not_sent_in_plaintext_beyond_loopback() -> None:
    with pytest.raises(ValueError, match="plaintext"):
        BoilerplateClient("http://10.20.30.40:5000", api_key="k")
    BoilerplateClient("http://10.20.30.40:5000", api_key="k", allow_insecure_api_key=True).close()
    BoilerplateClient("https://10.20.30.40:5000", api_key="k").close()


def test_clean_stream_answers_in_order_with_failed_pages_in_place(client: BoilerplateClient) -> None:
    requests = [CleanRequest(id=f"p{i}", text=f"Paragraph {i}: the tide came in over the sandbanks at dawn and "
                                              "the seals moved to the higher ground by the old pier.")
                for i in range(6)]
    requests.insert(3, CleanRequest(id="empty"))
    answers = list(client.clean_stream(requests, deadline=30))
    assert [a.id for a in answers] == [r.id for r in requests]
    for answer in answers:
        error = page_error(answer)
        if answer.id == "empty":
            assert isinstance(error, PageRefusedError) and error.reason == "EMPTY_PAGE"
            assert answer.text == ""
        else:
            assert error is None
            assert "the seals moved to the higher ground" in answer.text


def test_clean_stream_raises_when_the_call_itself_fails(main_service: Service) -> None:
    with BoilerplateClient(main_service.target) as client:
        with pytest.raises(AuthenticationError):
            list(client.clean_stream([CleanRequest(id="a", text="Some text.")]))


def _clean_concurrently(client: BoilerplateClient, calls: int) -> List[BaseException]:
    errors: List[BaseException] = []
    start = threading.Barrier(calls)

    def one() -> None:
        start.wait()
        try:
            client.clean_html(BIG_PAGE)
        except BaseException as error:  # collected for the assertions
            errors.append(error)

    threads = [threading.Thread(target=one) for _ in range(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return errors


def test_at_capacity_without_retries_carries_the_retry_delay(tight_service: Service) -> None:
    with BoilerplateClient(tight_service.target, retry=NO_RETRY) as client:
        errors = _clean_concurrently(client, 4)
    assert errors, "four concurrent calls to a one-slot service with no queue all succeeded"
    for error in errors:
        assert isinstance(error, RetryLaterError), error
        assert error.code == grpc.StatusCode.RESOURCE_EXHAUSTED and error.reason == "AT_CAPACITY"
        assert error.retry_after == pytest.approx(CAPACITY_RETRY_DELAY)


def test_at_capacity_is_retried_after_the_services_delay(tight_service: Service) -> None:
    delays: List[float] = []
    policy = RetryPolicy(max_attempts=40, max_retry_after=1.0)
    with BoilerplateClient(tight_service.target, retry=policy,
                           on_retry=lambda e, attempt, delay: delays.append(delay)) as client:
        errors = _clean_concurrently(client, 3)
    assert errors == []
    assert delays, "no call was retried"
    # RetryInfo's delay plus up to a fifth of jitter.
    assert all(CAPACITY_RETRY_DELAY <= d <= CAPACITY_RETRY_DELAY * 1.2 for d in delays), delays


def test_at_capacity_longer_than_max_retry_after_reaches_the_caller(tight_service: Service) -> None:
    retries: List[float] = []
    policy = RetryPolicy(max_attempts=10, max_retry_after=CAPACITY_RETRY_DELAY / 2)
    with BoilerplateClient(tight_service.target, retry=policy,
                           on_retry=lambda e, attempt, delay: retries.append(delay)) as client:
        errors = _clean_concurrently(client, 4)
    assert errors and all(isinstance(e, RetryLaterError) and e.reason == "AT_CAPACITY" for e in errors)
    assert retries == []


def test_unavailable_is_retried_with_back_off_then_raised() -> None:
    attempts: List[int] = []
    policy = RetryPolicy(max_attempts=3, initial_backoff=0.05, max_backoff=0.1)
    with BoilerplateClient(f"127.0.0.1:{free_port()}", retry=policy,
                           on_retry=lambda e, attempt, delay: attempts.append(attempt)) as client:
        with pytest.raises(RetryLaterError) as caught:
            client.model_info()
    assert caught.value.code == grpc.StatusCode.UNAVAILABLE
    assert attempts == [1, 2]


def test_the_deadline_bounds_the_call_with_its_retries() -> None:
    policy = RetryPolicy(max_attempts=1000, initial_backoff=0.1, max_backoff=0.2)
    with BoilerplateClient(f"127.0.0.1:{free_port()}", retry=policy, deadline=1.0) as client:
        started = time.monotonic()
        with pytest.raises(BoilerplateError):
            client.model_info()
    assert time.monotonic() - started < 2.0
