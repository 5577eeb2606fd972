""".ci/run, with stand-ins for apt-get, node, npm and nox: it installs only what is missing,
never Debian's npm beside another Node, never into the system Python, and runs ``nox -s tests``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

CI_RUN = ROOT / ".ci" / "run"
NOX_PIN = re.search(r'^NOX="nox==(.+)"$', CI_RUN.read_text(), re.M)
APT_COMMANDS = ("git", "chromium", "redis-server")
"""The commands of APT_NEEDS besides python3 (the stand-in runs this Python)."""


def script(path: Path, body: str) -> None:
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)


@pytest.fixture
def ci(tmp_path: Path):
    """A checkout holding only .ci/run (nox already in .ci/venv, as stand-ins), and a PATH of
    stand-ins that log their arguments to ``log``."""
    assert NOX_PIN is not None
    checkout, bin_dir, log = tmp_path / "checkout", tmp_path / "bin", tmp_path / "log"
    (checkout / ".ci" / "venv" / "bin").mkdir(parents=True)
    shutil.copy(CI_RUN, checkout / ".ci" / "run")
    venv_bin = checkout / ".ci" / "venv" / "bin"
    script(venv_bin / "python", f'echo "venv-python $*" >> {log}; echo {NOX_PIN[1]} >&2')
    script(venv_bin / "nox", f'echo "nox $*" >> {log}')
    bin_dir.mkdir()
    for tool in ("dirname", "id", "env"):
        found = shutil.which(tool)
        assert found is not None
        (bin_dir / tool).symlink_to(found)
    script(bin_dir / "python3", f'echo "python3 $*" >> {log}; exec {sys.executable} "$@"')
    script(bin_dir / "apt-get", f'echo "apt-get $*" >> {log}')
    script(bin_dir / "sudo", 'exec "$@"')

    def run(
        *tools: str, absent: tuple[str, ...] = ()
    ) -> tuple[subprocess.CompletedProcess[str], list[str]]:
        """``tools``: which of node and npm exist; ``absent``: which of APT_NEEDS' other
        commands do not."""
        for command in APT_COMMANDS:
            (bin_dir / command).unlink(missing_ok=True)
            if command not in absent:
                script(bin_dir / command, "true")
        for tool in ("node", "npm"):
            (bin_dir / tool).unlink(missing_ok=True)
            if tool in tools:
                script(bin_dir / tool, "echo 1.0.0")
        log.write_text("")
        env = {**os.environ, "PATH": str(bin_dir)}
        done = subprocess.run(
            ["/bin/bash", str(checkout / ".ci" / "run")],
            env=env, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        return done, log.read_text().splitlines()

    return run


def test_node_and_npm_come_from_apt_only_when_both_are_missing(ci) -> None:
    done, calls = ci()
    assert done.returncode == 0, done.stderr
    assert [c for c in calls if c.startswith("apt-get")] == [
        "apt-get update",
        "apt-get install -y --no-install-recommends nodejs npm",
    ]
    assert calls[-1] == "nox -s tests"


@pytest.mark.parametrize("present", [("node",), ("npm",)])
def test_a_node_from_elsewhere_never_gets_debians_npm(ci, present: tuple[str, ...]) -> None:
    done, calls = ci(*present)
    assert done.returncode == 0, done.stderr
    assert not [c for c in calls if c.startswith("apt-get")]
    assert "only one of node and npm" in done.stderr


def test_nothing_missing_installs_nothing_and_nothing_goes_into_the_system_python(ci) -> None:
    for _ in range(2):  # idempotent: the second run does the same as the first
        done, calls = ci("node", "npm")
        assert done.returncode == 0, done.stderr
        assert not [c for c in calls if c.startswith("apt-get")]
        assert not [c for c in calls if c.startswith("python3") and "-m pip" in c]
        assert not [c for c in calls if c.startswith("venv-python -m pip")]  # nox is there
        assert calls[-1] == "nox -s tests"
        assert "==> nox -s tests" in done.stdout and "+ .ci/venv/bin/nox -s tests" in done.stdout


def test_a_missing_redis_server_is_installed_from_apt_and_only_then(ci) -> None:
    """The message queue tests start a real redis-server (tests/redis_server.py): .ci/run
    installs Debian's package when the command is missing, and nothing when it is there."""
    done, calls = ci("node", "npm", absent=("redis-server",))
    assert done.returncode == 0, done.stderr
    assert [c for c in calls if c.startswith("apt-get")] == [
        "apt-get update",
        "apt-get install -y --no-install-recommends redis-server",
    ]
    assert "missing: redis-server" in done.stdout
    done, calls = ci("node", "npm")
    assert not [c for c in calls if c.startswith("apt-get")]
