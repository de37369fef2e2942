"""`align review`: a local web page over one review project.

Bound to 127.0.0.1 on a free port, every request must carry the session's random token, and the
Host header must name this machine (so another web page cannot reach the server through DNS
rebinding). It serves the page, the project, and exports; nothing else, and no file but the
project is ever read or written after start.
"""
from __future__ import annotations

import hashlib
import json
import logging
import secrets
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from ..errors import AlignError
from ..model import dumps
from . import project as projects

logger = logging.getLogger("align")

EXPORT_TYPES = {"tmx": "application/x-tmx+xml", "xliff": "application/xliff+xml", "xliff12": "application/xliff+xml",
                "json": "application/json", "tsv": "text/tab-separated-values", "html": "text/html",
                "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
MAX_BODY = 64 * 1024 * 1024
# The project file as a page read it: sent with the project, given back with every save.
REVISION = "X-Align-Revision"
CHANGED = ("{name} has changed since this page read it (saved from another tab or window, or edited on disk): "
           "this change is not saved, so as not to overwrite that one; reload the page to see the project as it "
           "is now")


def _revision(body: bytes) -> str:
    return hashlib.sha1(body).hexdigest()


class ReviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, project_file: Path, port: int = 0):
        super().__init__(("127.0.0.1", port), _Handler)
        self.project_file = Path(project_file)
        self.token = secrets.token_urlsafe(24)
        self.lock = threading.Lock()
        # The texts never change during a review: kept from the start, not re-read on every save.
        start = projects.load(self.project_file)
        if projects.current_findings(start) != start["findings"]:
            # Saved by an align that left a corrected pair's findings standing: the page, a reload
            # and the exports read the findings as the beads now stand.
            projects.save(start, self.project_file)
        self.fixed = {key: start[key] for key in ("format", "version", "signature", "source", "target", "summary")}
        self.page = files("align.review").joinpath("app.html").read_text(encoding="utf-8")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/?token={self.token}"


class _Handler(BaseHTTPRequestHandler):
    server: ReviewServer

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        logger.debug("review: " + format, *args)

    # ------------------------------------------------------------------ routing

    def _allowed(self) -> dict | None:
        """The query, when the request carries the token and names this machine; else answered."""
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        query = parse_qs(urlparse(self.path).query)
        if host not in ("127.0.0.1", "localhost"):
            self._send(HTTPStatus.FORBIDDEN, b"wrong host", "text/plain")
            return None
        given = query.get("token", [""])[0] or self.headers.get("X-Align-Token", "")
        if not secrets.compare_digest(given, self.server.token):
            self._send(HTTPStatus.FORBIDDEN, b"missing or wrong token", "text/plain")
            return None
        return query

    def do_GET(self):  # noqa: N802 - the base class's name
        if urlparse(self.path).path == "/favicon.ico":  # asked by every browser, without our token
            self._send(HTTPStatus.NO_CONTENT, b"", "image/x-icon")
            return
        query = self._allowed()
        if query is None:
            return
        route = urlparse(self.path).path
        if route == "/":
            self._send(HTTPStatus.OK, self.server.page.encode("utf-8"), "text/html; charset=utf-8")
        elif route == "/api/project":
            # Checked before the page reads it: a project edited by hand into one that loses a
            # sentence was shown without it, "loaded", and a bad JSON left the page at "loading".
            try:
                with self.server.lock:
                    body = self.server.project_file.read_bytes()
                projects.validate(json.loads(body.decode("utf-8")))
            except (OSError, UnicodeError, ValueError, AlignError) as error:
                self._send(HTTPStatus.CONFLICT, f"{self.server.project_file.name} cannot be read: {error}".encode(),
                           "text/plain; charset=utf-8")
                return
            self._send(HTTPStatus.OK, body, "application/json; charset=utf-8", {REVISION: _revision(body)})
        elif route == "/api/export":
            self._export(query.get("format", ["tmx"])[0])
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")

    def do_POST(self):  # noqa: N802
        if self._allowed() is None:
            return
        if urlparse(self.path).path != "/api/project":
            self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length <= 0 or length > MAX_BODY:
            self._send(HTTPStatus.BAD_REQUEST, b"no project, or one too large", "text/plain")
            return
        try:
            project = json.loads(self.rfile.read(length).decode("utf-8"))
            if not isinstance(project, dict):
                raise ValueError("the body is no project (a JSON object)")
            # Only the reviewer's part may change: the texts stay the ones read at start.
            project.update(self.server.fixed)
            with self.server.lock:
                # A page saves the whole project: one saving over a file it has not read (a second
                # tab's, or one edited on disk) threw away the other's corrections, and said "saved".
                base = self.headers.get(REVISION)
                now = self._revision_on_disk()
                if base is not None and now is not None and base != now:
                    self._send(HTTPStatus.CONFLICT, CHANGED.format(name=self.server.project_file.name).encode(),
                               "text/plain; charset=utf-8")
                    return
                projects.save(project, self.server.project_file)
                revision = self._revision_on_disk()
        except (ValueError, KeyError, TypeError, AlignError, RecursionError, OSError) as error:
            # Nothing is written (a disk full or a folder made read-only is said too: the page had
            # read no answer as "the review server is gone"): the file keeps the last edit that was whole.
            self._send(HTTPStatus.BAD_REQUEST, f"not saved: {error}".encode(), "text/plain; charset=utf-8")
            return
        # The findings as saved, brought to the corrected beads: the page lists these, not its own.
        # A NaN score is written null; the revision is the one the page's next save is based on.
        body = dumps({"saved": True, "findings": project["findings"], "revision": revision}, None)
        self._send(HTTPStatus.OK, body.encode("utf-8"), "application/json; charset=utf-8")

    def _revision_on_disk(self) -> str | None:
        """The revision of the project file as it is now; None when it is gone (then a save makes it again)."""
        try:
            return _revision(self.server.project_file.read_bytes())
        except FileNotFoundError:
            return None

    def _export(self, fmt: str) -> None:
        from ..reports import render

        if fmt not in EXPORT_TYPES:
            self._send(HTTPStatus.BAD_REQUEST, b"unknown format", "text/plain")
            return
        try:
            with self.server.lock:
                result = projects.to_result(projects.load(self.server.project_file))
        except AlignError as error:  # the file was edited by hand while the server ran
            self._send(HTTPStatus.CONFLICT, f"cannot export: {error}".encode(), "text/plain; charset=utf-8")
            return
        body = render(result, fmt)
        data = body if isinstance(body, bytes) else body.encode("utf-8")
        name = f"{self.server.project_file.name.removesuffix('.review.json')}.{fmt if fmt != 'xliff12' else 'xlf'}"
        self._send(HTTPStatus.OK, data, EXPORT_TYPES[fmt], {"Content-Disposition": f'attachment; filename="{name}"'})

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        # The page runs our script only, and talks only to this server.
        self.send_header("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; "
                         "style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:")
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)


def serve(project_file: Path, open_browser: bool = True, port: int = 0, ready=None) -> None:
    """Serve until interrupted; `ready(server)` is called once it listens (tests use it)."""
    server = ReviewServer(project_file, port)
    if ready is not None:
        ready(server)
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    try:
        server.serve_forever()
    finally:
        server.server_close()
