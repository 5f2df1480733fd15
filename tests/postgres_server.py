"""A private, throw-away PostgreSQL server for the tests: initdb in a temporary folder, a free port
on 127.0.0.1, stopped and deleted afterwards.

Used two ways:

* ``python tests/postgres_server.py -- COMMAND ...`` (what ``make test`` does): starts a server,
  runs COMMAND with ``$TALAIA_TEST_POSTGRES`` set to its URL, stops it, exits with COMMAND's
  status. Where no server can be started it says why and runs COMMAND anyway (the tests that
  need PostgreSQL then skip, with that reason).
* :func:`start` from the tests' conftest, when ``$TALAIA_TEST_POSTGRES`` is not set.

PostgreSQL refuses to run as root, so as root the server runs as the ``postgres`` user (made by
Debian's packages), else as ``nobody``.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ENV = "TALAIA_TEST_POSTGRES"
_USER = "talaia"


class ServerUnavailableError(RuntimeError):
    """No PostgreSQL server can be started here; the message says why."""


@dataclass
class Server:
    folder: Path
    bin: Path
    port: int
    uid: int | None  # the user the server runs as (None: this process's)

    @property
    def url(self) -> str:
        return f"postgresql://{_USER}@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        subprocess.run([str(self.bin / "pg_ctl"), "stop", "-D", str(self.folder / "data"), "-m", "immediate"],
                       user=self.uid, capture_output=True, check=False, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


def find_binaries() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: $PATH, else Debian's newest /usr/lib/postgresql/N/bin."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                      key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    return versions[-1].parent if versions else None


def _server_uid() -> int | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name).pw_uid
        except KeyError:
            continue
    raise ServerUnavailableError("running as root and there is no 'postgres' or 'nobody' user to run PostgreSQL as")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start() -> Server:
    """Start a private server (raises ServerUnavailableError with the reason when it cannot)."""
    binaries = find_binaries()
    if binaries is None:
        raise ServerUnavailableError("PostgreSQL is not installed (no initdb; `make test` installs Debian's postgresql "
                                "when run as root)")
    uid = _server_uid()
    # as root the server runs as another user, who must reach the folder: /tmp rather than $TMPDIR
    folder = Path(tempfile.mkdtemp(prefix="talaia-pg-", dir="/tmp" if uid is not None and Path("/tmp").is_dir()
                                   else None))
    if uid is not None:
        os.chown(folder, uid, -1)
    data = folder / "data"
    try:
        subprocess.run([str(binaries / "initdb"), "-D", str(data), "-U", _USER, "--auth=trust", "-E", "UTF8",
                        "--locale=C", "--no-sync"], user=uid, capture_output=True, check=True, timeout=120)
        for _attempt in range(3):
            port = _free_port()
            options = (f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
            started = subprocess.run([str(binaries / "pg_ctl"), "start", "-D", str(data), "-w", "-t", "60",
                                      "-l", str(folder / "server.log"), "-o", options],
                                     user=uid, capture_output=True, check=False, timeout=90)
            if started.returncode == 0:
                return Server(folder, binaries, port, uid)
        log = (folder / "server.log").read_text(errors="replace")[-2000:] if (folder / "server.log").exists() else ""
        raise ServerUnavailableError(f"PostgreSQL did not start: {started.stderr.decode(errors='replace')}{log}")
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise ServerUnavailableError(f"initdb failed: {exc.stderr.decode(errors='replace')[-2000:]}") from None
    except (OSError, subprocess.TimeoutExpired, ServerUnavailableError):
        shutil.rmtree(folder, ignore_errors=True)
        raise


def main(argv: list[str]) -> int:
    if "--" not in argv or argv.index("--") == len(argv) - 1:
        print("usage: postgres_server.py -- COMMAND [ARGS...]", file=sys.stderr)
        return 2
    command = argv[argv.index("--") + 1:]
    if os.environ.get(ENV):
        return subprocess.run(command, check=False).returncode
    try:
        server = start()
    except ServerUnavailableError as exc:
        print(f"postgres_server: no PostgreSQL for the tests ({exc}); its tests will be skipped", file=sys.stderr)
        return subprocess.run(command, check=False).returncode
    print(f"postgres_server: PostgreSQL for the tests at {server.url}", file=sys.stderr)
    try:
        return subprocess.run(command, env={**os.environ, ENV: server.url}, check=False).returncode
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
