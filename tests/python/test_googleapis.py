"""Beside googleapis-common-protos (which many Python programs carry, e.g. through grpcio-status), whose
google/rpc/*.proto may differ from the stubs' copies: both must load, in either order, and errors still read.
A fake googleapis package is generated here, newer than the vendored copy by one message."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

USE_BOTH = """
import importlib, sys
from google.protobuf import any_pb2, duration_pb2
order = sys.argv[1]
if order == "googleapis-first":
    import google.rpc.error_details_pb2, google.rpc.status_pb2
import boilerplate_client
from boilerplate_client import CleanResponse, RetryLaterError, error_from_status, page_error
import google.rpc.error_details_pb2 as details, google.rpc.status_pb2 as status
assert hasattr(details, "NewerDetail"), "not the fake googleapis"
info, retry = any_pb2.Any(), any_pb2.Any()
info.Pack(details.ErrorInfo(domain="boilerplate.v1", reason="AT_CAPACITY"))
retry.Pack(details.RetryInfo(retry_delay=duration_pb2.Duration(nanos=250_000_000)))
error = page_error(CleanResponse(id="p", error=status.Status(code=8, message="busy", details=[info, retry])))
assert isinstance(error, RetryLaterError) and error.reason == "AT_CAPACITY" and error.retry_after == 0.25, error
print("ok")
"""

# What fails without the stubs' fallback: the vendored google/rpc/error_details.proto loaded beside the newer one.
LOAD_VENDORED_TOO = """
import google.rpc.error_details_pb2
import boilerplate_client._proto.google.rpc.error_details_pb2
"""


@pytest.fixture(scope="module")
def googleapis(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("googleapis")
    protos = root / "protos/google/rpc"
    protos.mkdir(parents=True)
    shutil.copy(REPO / "protos/third_party/google/rpc/status.proto", protos)
    details = (REPO / "src/python/proto/google/rpc/error_details.proto").read_text()
    newer = "\n// Newer than the vendored copy.\nmessage NewerDetail {\n  string note = 1;\n}\n"
    (protos / "error_details.proto").write_text(details + newer)
    site = root / "site"
    site.mkdir()
    subprocess.run(["protoc", f"-I{root / 'protos'}", f"--python_out={site}",
                    "google/rpc/status.proto", "google/rpc/error_details.proto"], check=True, timeout=60)
    return site


def run(script: str, googleapis: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(googleapis), str(REPO / "src/python")])}
    return subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("order", ["googleapis-first", "client-first"])
def test_the_client_loads_and_reads_errors_beside_googleapis(googleapis: Path, order: str) -> None:
    result = run(USE_BOTH, googleapis, order)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_the_vendored_copy_would_conflict(googleapis: Path) -> None:
    result = run(LOAD_VENDORED_TOO, googleapis)
    assert result.returncode != 0
    assert "google/rpc/error_details.proto" in result.stderr, result.stderr
