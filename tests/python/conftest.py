"""The real service for the Python tests: the built Boilerplate.Service run as a process on free loopback ports,
the way deploy/smoke-test.sh runs it in process mode (tests/python/run.sh builds it when it is missing or stale)."""

from __future__ import annotations

import os
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, List

import pytest

from boilerplate_client import NO_RETRY, BoilerplateClient, BoilerplateError

REPO = Path(__file__).resolve().parents[2]
API_KEY = "python-tests-key"
# The tight service's AT_CAPACITY retry delay, which its refusals' RetryInfo must carry.
CAPACITY_RETRY_DELAY = 0.2


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Service:
    target: str
    process: subprocess.Popen
    log: Path
    settings: List[str] = field(default_factory=list)

    def wait_serving(self, api_key: str | None, timeout: float = 90.0) -> None:
        ends = time.monotonic() + timeout
        with BoilerplateClient(self.target, api_key=api_key, retry=NO_RETRY, deadline=3) as client:
            while True:
                if self.process.poll() is not None:
                    pytest.fail(f"the service exited ({self.process.returncode}):\n{self.log.read_text()[-4000:]}")
                try:
                    client.model_info()
                    return
                except BoilerplateError:
                    if time.monotonic() > ends:
                        pytest.fail(f"the service did not serve within {timeout} s:\n{self.log.read_text()[-4000:]}")
                    time.sleep(0.3)


def start_service(work: Path, name: str, settings: List[str], port: int | None = None) -> Service:
    dll = Path(os.environ.get("BOILERPLATE_SERVICE_DLL",
                              REPO / "src/Boilerplate.Service/bin/Release/net10.0/Boilerplate.Service.dll"))
    if not dll.is_file():
        pytest.fail(f"{dll} is not built: run tests/python/run.sh, which builds it")
    port = port or free_port()
    log = work / f"{name}.log"
    with open(log, "ab") as out:
        process = subprocess.Popen(
            ["dotnet", str(dll), "--urls", f"http://127.0.0.1:{port}", "--Model:Warmup=00:00:00", *settings],
            cwd=dll.parent, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1", "DOTNET_NOLOGO": "1"},
        )
    return Service(f"127.0.0.1:{port}", process, log, settings)


def restart_service(service: Service) -> None:
    """Stops the service with SIGTERM (what an orchestrator sends) and starts it again on the same port; the
    fixture's teardown stops the new process."""
    service.process.terminate()
    service.process.wait(timeout=30)
    port = int(service.target.rsplit(":", 1)[1])
    service.process = start_service(service.log.parent, service.log.stem, service.settings, port).process


@pytest.fixture(scope="session")
def services() -> Iterator[dict]:
    """Three services started together: "main" requires an API key; "tight" cleans one page at a time with no
    queue, so concurrent calls meet AT_CAPACITY; "restartable" is for the one test that stops and restarts it."""
    with tempfile.TemporaryDirectory(prefix="boilerplate-py-") as work:
        started = {
            "main": start_service(Path(work), "main", [f"--Security:ApiKeys:0={API_KEY}"]),
            "tight": start_service(Path(work), "tight", [
                "--Limits:MaxConcurrentRequests=1", "--Limits:MaxQueuedRequests=0", "--Limits:StreamParallelism=1",
                f"--Limits:CapacityRetryDelay=00:00:0{CAPACITY_RETRY_DELAY}",
            ]),
            "restartable": start_service(Path(work), "restartable", []),
        }
        try:
            started["main"].wait_serving(API_KEY)
            started["tight"].wait_serving(None)
            started["restartable"].wait_serving(None)
            yield started
        finally:
            for service in started.values():
                service.process.terminate()
            for service in started.values():
                try:
                    service.process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    service.process.kill()


@pytest.fixture(scope="session")
def main_service(services: dict) -> Service:
    return services["main"]


@pytest.fixture(scope="session")
def tight_service(services: dict) -> Service:
    return services["tight"]


@pytest.fixture(scope="session")
def restartable_service(services: dict) -> Service:
    return services["restartable"]


@pytest.fixture()
def client(main_service: Service) -> Iterator[BoilerplateClient]:
    with BoilerplateClient(main_service.target, api_key=API_KEY, deadline=30) as c:
        yield c


ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour seals return to the estuary | Coastal News</title>
<meta name="author" content="Mary Stone"><meta property="og:site_name" content="Coastal News"></head>
<body>
<div class="cookie-banner"><p>We use cookies to improve your experience. By continuing you accept our use of cookies.</p><button>Accept all cookies</button></div>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li><li><a href="/contact">Contact</a></li></ul></nav>
<main><article>
<h1>Harbour seals return to the estuary</h1>
<p>For the first time in three decades, a colony of harbour seals has settled on the sandbanks at the mouth of the estuary, volunteers counting the animals said on Tuesday.</p>
<p>The group, which began surveying the coast in 1994, recorded forty-two adults and eleven pups during a low-tide count, far more than the handful of stray visitors seen in previous summers.</p>
<p>Biologists credit the recovery to cleaner water after upstream treatment works were upgraded, and to a seasonal ban on boat landings that keeps the sandbanks quiet while the pups are born.</p>
<p>The volunteers will repeat the count every month until October and publish their figures so that the council can decide whether the landing ban should become permanent.</p>
</article></main>
<footer class="site-footer"><p>&copy; 2026 Coastal News Ltd. All rights reserved.</p><p><a href="/privacy">Privacy policy</a> | <a href="/cookies">Cookie settings</a> | <a href="/terms">Terms of use</a></p></footer>
</body></html>
"""
ARTICLE_SENTENCE = "a colony of harbour seals has settled on the sandbanks"
