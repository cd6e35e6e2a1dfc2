"""A Scrapy crawl of a static site on loopback through BoilerplatePipeline against the real service."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from conftest import API_KEY, ARTICLE, ARTICLE_SENTENCE, Service, free_port

HERE = Path(__file__).resolve().parent

SECOND = """<!DOCTYPE html>
<html lang="en"><head><meta charset="windows-1252"><title>Night ferry timetable changes from May | Coastal News</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Night ferry timetable changes from May","author":{"@type":"Person","name":"Tom Reed"},"datePublished":"2026-04-02T09:30:00Z"}</script></head>
<body>
<div class="cookie-banner"><p>We use cookies to improve your experience. By continuing you accept our use of cookies.</p><button>Accept all cookies</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/travel">Travel</a></li><li><a href="/contact">Contact</a></li></ul></nav>
<main><article>
<h1>Night ferry timetable changes from May</h1>
<p>The night ferry across the bay will leave half an hour later from the first of May, the operator said, so that passengers arriving on the last train from the city no longer miss it.</p>
<p>The crossing will take the same time, but the return sailing in the morning moves to six o\u2019clock, which the caf\u00e9 owners at the harbour welcomed after years of complaints.</p>
<p>Season tickets bought before the change remain valid, and the operator will refund the difference to anyone whose journey no longer fits the new timetable.</p>
</article></main>
<footer><p>&copy; 2026 Coastal News Ltd. All rights reserved.</p><p><a href="/privacy">Privacy policy</a> | <a href="/cookies">Cookie settings</a></p></footer>
</body></html>
"""

INDEX = """<!DOCTYPE html><html><head><title>Coastal News</title></head><body>
<a class="page" href="seals.html">Seals</a> <a class="page" href="ferry.html">Ferry</a>
<a class="page" href="empty.html">Empty</a></body></html>"""


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "site"
    root.mkdir()
    (root / "index.html").write_text(INDEX, encoding="utf-8")
    (root / "seals.html").write_text(ARTICLE, encoding="utf-8")
    # Served as bytes in windows-1252: the service decodes them by the page's <meta charset>.
    (root / "ferry.html").write_bytes(SECOND.encode("windows-1252"))
    (root / "empty.html").write_bytes(b"")  # refused as EMPTY_PAGE: the pipeline drops the item
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(root)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/index.html"
    try:
        ends = time.monotonic() + 10
        while True:
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except OSError:
                if time.monotonic() > ends:
                    pytest.fail("the static site did not start")
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(10)


def crawl(site: str, target: str, out: Path, *settings: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, str(HERE / "crawl_site.py"), site, target, str(out), *settings],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-4000:]
    assert "log_count/ERROR" not in result.stderr, result.stderr[-4000:]
    return result


def read_items(out: Path) -> dict:
    return {item["url"].rsplit("/", 1)[1]: item for item in map(json.loads, out.read_text().splitlines())}


def test_a_crawl_stores_cleaned_pages_in_the_items(site: str, tight_service: Service, tmp_path: Path) -> None:
    # The one-slot service: pages the pipeline sends together may meet AT_CAPACITY and are then resent.
    out = tmp_path / "items.jsonl"
    crawl_ = crawl(site, tight_service.target, out)
    assert "'boilerplate/cleaned': 2" in crawl_.stderr, crawl_.stderr[-4000:]
    assert "'boilerplate/failed/EMPTY_PAGE': 1" in crawl_.stderr, crawl_.stderr[-4000:]

    items = read_items(out)
    assert sorted(items) == ["ferry.html", "seals.html"]

    seals = items["seals.html"]
    assert ARTICLE_SENTENCE in seals["text"]
    assert seals["title"] == "Harbour seals return to the estuary"
    assert seals["metadata"]["headline"] == "Harbour seals return to the estuary"
    assert seals["markdown"].startswith("# Harbour seals return to the estuary")
    assert seals["metadata"]["authors"] == ["Mary Stone"]
    assert seals["metadata"]["language"] == "en"
    assert seals["page_type"] in ("article", "forum", "product", "collection", "listing", "documentation", "service")
    assert len(seals["model_version"]) == 64
    assert seals["section"] == "news"  # the spider's own fields stay
    assert "body" not in seals  # the raw page is not stored once cleaned

    ferry = items["ferry.html"]
    assert "six o\u2019clock, which the caf\u00e9 owners at the harbour welcomed" in ferry["text"]
    assert ferry["metadata"]["authors"] == ["Tom Reed"]
    assert ferry["metadata"]["published_time"] == "2026-04-02T09:30:00Z"

    for item in (seals, ferry):
        for boilerplate in ("cookies", "Cookie settings", "All rights reserved", "Contact"):
            assert boilerplate not in item["text"]
        labels = {p["text"]: p["label"] for p in item["paragraphs"]}
        kept = [p for p in item["paragraphs"] if p["kept"]]
        assert labels["\u00a9 2026 Coastal News Ltd. All rights reserved."] == "legal"
        assert any(p["label"] == "navigation" and not p["kept"] for p in item["paragraphs"])
        assert all(p["label"] == "body" for p in kept if len(p["text"]) > 80)


def test_failed_pages_can_be_kept_and_the_api_key_is_sent(site: str, main_service: Service, tmp_path: Path) -> None:
    out = tmp_path / "items.jsonl"
    crawl(site, main_service.target, out, f"BOILERPLATE_API_KEY={API_KEY}", "BOILERPLATE_DROP_FAILED=False",
          "BOILERPLATE_MARKDOWN=False", "BOILERPLATE_PARAGRAPHS=False")
    items = read_items(out)
    assert sorted(items) == ["empty.html", "ferry.html", "seals.html"]
    error = items["empty.html"]["boilerplate_error"]
    assert (error["code"], error["reason"]) == ("INVALID_ARGUMENT", "EMPTY_PAGE") and error["message"]
    assert "text" not in items["empty.html"] and "body" not in items["empty.html"]
    seals = items["seals.html"]
    assert ARTICLE_SENTENCE in seals["text"]
    assert "markdown" not in seals and "paragraphs" not in seals


def test_a_crawl_without_the_api_key_drops_every_page(site: str, main_service: Service, tmp_path: Path) -> None:
    out = tmp_path / "items.jsonl"
    result = crawl(site, main_service.target, out)
    assert "'boilerplate/failed/UNAUTHENTICATED': 3" in result.stderr, result.stderr[-4000:]
    assert not out.exists() or out.read_text() == ""
