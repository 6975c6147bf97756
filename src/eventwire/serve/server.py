"""Running the dashboard: uvicorn in the foreground (the CLI) or in a thread (tests, scripts)."""
from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from collections.abc import Iterator

import uvicorn

from .app import create_app

LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1"]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def app_for(store, name: str, host: str):
    """The app over an open Store. Bound to loopback, it answers only requests
    addressed to a loopback name, so a web page elsewhere cannot reach it
    through a DNS name rebound to 127.0.0.1."""
    return create_app(store.con, name=name, allowed_hosts=LOOPBACK_NAMES if is_loopback(host) else None)


def listen(host: str, port: int) -> socket.socket:
    """A socket listening on host:port (port 0: any free one); OSError says why it cannot be."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)  # connections wait in the queue until uvicorn accepts them
    except OSError:
        sock.close()
        raise
    return sock


def run(app, sock: socket.socket) -> None:
    """Serve on a bound socket until Ctrl-C."""
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off"))
    server.run(sockets=[sock])


@contextlib.contextmanager
def running(app, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve `app` in a thread on a free port of `host`; yields its base URL and stops it on exit."""
    sock = listen(host, 0)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the dashboard server did not start")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
