"""A Scrapy item pipeline that cleans each scraped page through the Boilerplate service.

The spider yields items with the response's ``url`` and ``body`` (and ``content_type``): :func:`page_item` makes
one. The pipeline sends the body as fetched (bytes, so the service decodes the charset; ``text/plain`` as text) with
the URL, and stores in the item ``title``, ``text``, ``markdown``, ``metadata`` (a dict), ``paragraphs`` (each
paragraph's text, ``label``, ``kept``, ``reason`` and ``scores``: the labels), ``page_type`` and ``model_version``.

Settings (only BOILERPLATE_TARGET is required; bad values stop the crawl at start-up):

* ``BOILERPLATE_TARGET``: the service, e.g. ``http://127.0.0.1:5000``
* ``BOILERPLATE_API_KEY``: sent as ``x-api-key`` (default: none)
* ``BOILERPLATE_DEADLINE``: seconds per page, retries included (30)
* ``BOILERPLATE_MAX_ATTEMPTS``: attempts per page on UNAVAILABLE / AT_CAPACITY (4)
* ``BOILERPLATE_MARKDOWN`` (True), ``BOILERPLATE_PARAGRAPHS`` (True): fill ``markdown``, ``paragraphs``
* ``BOILERPLATE_BIAS`` (0.0), ``BOILERPLATE_KEEP_LABELS`` (["body"])
* ``BOILERPLATE_DROP_FAILED``: drop an item whose page fails (True), else keep it with ``boilerplate_error``
* ``BOILERPLATE_KEEP_BODY``: keep the raw ``body`` in the item (False: removed once sent, cleaned or not)

Cleaning runs in Twisted's thread pool (REACTOR_THREADPOOL_MAXSIZE bounds the calls in flight), so the reactor
keeps crawling while pages are cleaned. Counts go to the crawl stats under ``boilerplate/``.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, Optional

from google.protobuf.json_format import MessageToDict
from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem
from scrapy.http import Response
from twisted.internet.threads import deferToThread

from ._proto.boilerplate.v1 import boilerplate_pb2 as pb
from .client import BoilerplateClient, RetryPolicy
from .errors import BoilerplateError

_log = logging.getLogger("boilerplate_client.scrapy")


def page_item(response: Response, **fields: Any) -> Dict[str, Any]:
    """The item a spider yields for the pipeline: the response's URL, body as fetched and Content-Type, plus
    ``fields`` of the spider's own."""
    content_type = response.headers.get(b"Content-Type", b"") or b""
    return {
        "url": response.url,
        "body": response.body,
        "content_type": content_type.decode("latin-1"),
        **fields,
    }


class BoilerplatePipeline:
    """Item pipeline: cleans ``item["body"]`` (from ``item["url"]``) and stores the result in the item."""

    def __init__(self, client: BoilerplateClient, options: pb.CleanOptions, drop_failed: bool, keep_body: bool,
                 stats: Any = None) -> None:
        self._client = client
        self._options = options
        self._drop_failed = drop_failed
        self._keep_body = keep_body
        self._stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> "BoilerplatePipeline":
        settings = crawler.settings
        target = settings.get("BOILERPLATE_TARGET")
        if not target:
            raise ValueError("BOILERPLATE_TARGET is not set: the Boilerplate service, e.g. http://127.0.0.1:5000")
        deadline = settings.getfloat("BOILERPLATE_DEADLINE", 30.0)
        attempts = settings.getint("BOILERPLATE_MAX_ATTEMPTS", 4)
        bias = settings.getfloat("BOILERPLATE_BIAS", 0.0)
        if not -1.0 <= bias <= 1.0:
            raise ValueError(f"BOILERPLATE_BIAS is {bias}; it must lie in [-1, 1]")
        options = pb.CleanOptions(
            bias=bias,
            keep_labels=settings.getlist("BOILERPLATE_KEEP_LABELS", []),
            include_markdown=settings.getbool("BOILERPLATE_MARKDOWN", True),
            include_paragraphs=settings.getbool("BOILERPLATE_PARAGRAPHS", True),
        )
        client = BoilerplateClient(
            target,
            api_key=settings.get("BOILERPLATE_API_KEY") or None,
            deadline=deadline,
            retry=RetryPolicy(max_attempts=attempts),
        )
        return cls(client, options, settings.getbool("BOILERPLATE_DROP_FAILED", True),
                   settings.getbool("BOILERPLATE_KEEP_BODY", False), crawler.stats)

    def process_item(self, item: Any, spider: Any) -> Any:
        adapter = ItemAdapter(item)
        body = adapter.get("body")
        if body is None:
            return item  # not a page item: passed through untouched
        request = pb.CleanRequest(
            id=str(adapter.get("url") or ""),
            url=str(adapter.get("url") or ""),
            options=self._options,
        )
        content_type = str(adapter.get("content_type") or "")
        if isinstance(body, str):
            request.html = body
        elif content_type.split(";", 1)[0].strip().lower() == "text/plain":
            request.text = body.decode(_charset(content_type) or "utf-8", errors="replace")
        else:
            request.html_bytes = bytes(body)
            request.content_type = content_type
        return deferToThread(self._clean, request, item)

    def close_spider(self, spider: Any) -> None:
        self._client.close()

    def _clean(self, request: pb.CleanRequest, item: Any) -> Any:
        adapter = ItemAdapter(item)
        try:
            page = self._client.clean(request)
        except BoilerplateError as error:
            self._inc(f"boilerplate/failed/{error.reason or error.code.name}")
            if self._drop_failed:
                raise DropItem(f"Boilerplate could not clean {request.url}: {error}") from error
            _log.warning("Boilerplate could not clean %s: %s", request.url, error)
            adapter["boilerplate_error"] = {"code": error.code.name, "reason": error.reason, "message": error.message}
            self._drop_body(adapter)
            return item
        self._inc("boilerplate/cleaned")
        adapter["title"] = page.title
        adapter["text"] = page.text
        if self._options.include_markdown:
            adapter["markdown"] = page.markdown
        adapter["metadata"] = MessageToDict(page.metadata, preserving_proto_field_name=True)
        if self._options.include_paragraphs:
            adapter["paragraphs"] = [
                {"text": p.text, "label": p.label, "kept": p.kept, "reason": p.reason, "kind": p.kind,
                 "scores": dict(p.scores)}
                for p in page.paragraphs
            ]
        adapter["page_type"] = page.page_type
        adapter["model_version"] = page.model_version
        self._drop_body(adapter)
        return item

    def _drop_body(self, adapter: ItemAdapter) -> None:
        # Bytes do not go into JSON or CSV feeds, and the page is rarely worth storing twice.
        if not self._keep_body:
            del adapter["body"]

    def _inc(self, key: str) -> None:
        if self._stats is not None:
            self._stats.inc_value(key)


def _charset(content_type: str) -> Optional[str]:
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"')
            try:
                "".encode(charset)
                return charset
            except LookupError:
                return None
    return None
