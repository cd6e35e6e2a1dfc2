"""Crawls a site through the Boilerplate pipeline and writes the items as JSON lines (run by test_scrapy.py in a
process of its own: Twisted's reactor cannot be restarted within one).

    crawl_site.py START_URL SERVICE_TARGET OUT_FILE [SETTING=VALUE...]
"""

import sys

import scrapy
from scrapy.crawler import CrawlerProcess

from boilerplate_client.scrapy_pipeline import page_item


class SiteSpider(scrapy.Spider):
    name = "site"

    def __init__(self, start_url: str, **kwargs):
        super().__init__(**kwargs)
        self.start_urls = [start_url]

    def parse(self, response):
        # The index lists the pages; every page it links to goes through the pipeline.
        for href in response.css("a.page::attr(href)").getall():
            yield response.follow(href, callback=self.parse_page)

    def parse_page(self, response):
        yield page_item(response, section="news")


def main() -> None:
    start_url, target, out = sys.argv[1:4]
    extra = dict(arg.split("=", 1) for arg in sys.argv[4:])
    process = CrawlerProcess(settings={
        "ITEM_PIPELINES": {"boilerplate_client.scrapy_pipeline.BoilerplatePipeline": 300},
        "BOILERPLATE_TARGET": target,
        "BOILERPLATE_DEADLINE": 20,
        "FEEDS": {out: {"format": "jsonlines", "encoding": "utf-8"}},
        "ROBOTSTXT_OBEY": False,
        "TELNETCONSOLE_ENABLED": False,
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
        "LOG_LEVEL": "INFO",
        **extra,
    })
    process.crawl(SiteSpider, start_url=start_url)
    process.start()


if __name__ == "__main__":
    main()
