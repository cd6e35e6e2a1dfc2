"""The committed stubs are what src/python/generate.sh makes from protos/ today."""

import subprocess

from conftest import REPO


def test_committed_stubs_are_current() -> None:
    result = subprocess.run([str(REPO / "src/python/generate.sh"), "--check"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
