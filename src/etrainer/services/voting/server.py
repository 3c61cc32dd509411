"""The voting server: aiohttp on its own asyncio loop in a background thread, beside the Qt event loop.

It listens only while a classroom session runs, only on the address the trainer chose, and serves:

| method and path | what |
|---|---|
| `GET /`, `/app.js`, `/style.css` | the phone page, from package data held in memory (no file system access) |
| `POST /api/join` `{room, name}` | join: `{token, name}`; 403 wrong room, 400 bad name, 409 name taken |
| `POST /api/vote` `{room, token, question, answer: [letters]}` | answer the open question once |
| `GET /api/state?room=&token=` | the phone's view (the polling fallback) |
| `GET /api/events?room=&token=` | the same view as Server-Sent Events, sent on every change |

Every API request carries the room code; bodies are bounded (413), malformed ones refused (400), each
client is rate-limited (429). A phone sees its own answer and, after the reveal, the right one and its
points; it never sees how others answered. The trainer's side (the projector) calls the methods of
VotingServer from its own thread; each change is handed back by the `on_change` callback, called on the
server's thread (the UI turns it into a queued Qt signal).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from aiohttp import web

from etrainer.core.classroom.voting import (
    Distribution,
    Phase,
    Refusal,
    Standing,
    VoteQuestion,
    VoteRefused,
    VotingRoom,
)
from etrainer.services.voting.limits import Buckets, Limits

DEFAULT_PORT = 8765
HEARTBEAT_SECONDS = 15.0
TICK_SECONDS = 0.5
MAX_TOKEN = 64
MAX_RAW_NAME = 100

STATUS = {Refusal.BAD_NAME: 400, Refusal.NAME_TAKEN: 409, Refusal.ROOM_FULL: 409, Refusal.UNKNOWN: 401,
          Refusal.NOT_OPEN: 409, Refusal.WRONG_QUESTION: 409, Refusal.ALREADY_ANSWERED: 409,
          Refusal.BAD_ANSWER: 400}

SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                                "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class VotingServerError(Exception):
    """The server could not start (the address is not this computer's, the port is taken…)."""


def _page(name: str) -> bytes:
    return resources.files("etrainer.services.voting").joinpath("page", name).read_bytes()


PAGES = {"/": ("index.html", "text/html"), "/app.js": ("app.js", "application/javascript"),
         "/style.css": ("style.css", "text/css")}


@dataclass(frozen=True, slots=True)
class Tally:
    """What the projector shows: never the distribution of a question that is not revealed yet."""

    phase: Phase
    question: int
    """The number of the open (or last) question, 0 before the first."""
    answered: int
    names: tuple[str, ...]
    remaining: float
    distribution: Distribution | None
    scoreboard: tuple[Standing, ...]
    """After the reveal and at the end (empty while a question is open)."""
    tally_version: int

    @property
    def participants(self) -> int:
        return len(self.names)


def phone_state(room: VotingRoom, token: str) -> dict[str, Any]:
    """The phone's view of the room: its question, its own answer, after the reveal the right answer and its
    points, at the end its place. Never anybody else's answer."""
    participant = room.participant(token)
    if participant is None:
        return {"phase": "removed"}
    phase = room.current_phase()
    state: dict[str, Any] = {"room": room.code, "name": participant.name, "phase": phase.value,
                             "version": room.version}
    question = room.question
    if question is not None and phase in (Phase.OPEN, Phase.CLOSED, Phase.REVEALED):
        own = room.own_answer(token)
        state.update(question={"number": question.number, "total": question.total, "kind": question.kind.value,
                               "text": question.text,
                               "options": [{"letter": o.letter, "text": o.text} for o in question.options]},
                     remaining=round(room.remaining(), 1), paused=room.paused,
                     answer=list(own) if own is not None else None)
        if phase is Phase.REVEALED:
            state.update(right=list(question.right), correct=own is not None and question.is_right(own))
    if phase in (Phase.REVEALED, Phase.FINISHED):
        standing = room.standing(token)
        if standing is not None:
            state.update(points=standing.points, place=standing.place, of=len(room.participants))
    return state


def _error(status: int, code: str) -> web.Response:
    return web.json_response({"error": code}, status=status)


class VotingServer:
    """One room served on `host`:`port` (0: any free port) while the session runs."""

    def __init__(self, room: VotingRoom, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
                 on_change: Callable[[], None] | None = None, limits: Limits | None = None) -> None:
        self.room, self.host, self.port = room, host, port
        self._on_change = on_change
        self.limits = limits or Limits()
        self._lock = threading.RLock()
        self._pages = {path: (_page(name), kind) for path, (name, kind) in PAGES.items()}
        self._clients = Buckets(self.limits.client_burst, self.limits.client_per_second)
        self._joins = Buckets(self.limits.join_burst, self.limits.join_per_second)
        self._wrong_rooms = Buckets(self.limits.wrong_room_burst, self.limits.wrong_room_per_second)
        self._streams: dict[str, int] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._wake: asyncio.Event | None = None
        self._error: BaseException | None = None
        self._seen = (room.version, room.tally_version)
        self.refused: dict[int, int] = {}
        """HTTP status → how many requests were refused with it (for the tests and the benchmark)."""

    # -- life -----------------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, timeout: float = 10.0) -> str:
        """Start listening; returns the address. Raises VotingServerError when it cannot listen."""
        if self.running:
            return self.url
        self._ready.clear()
        self._error = None
        self._thread = threading.Thread(target=self._run, name="etrainer-voting", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise VotingServerError(f"the voting server did not start on {self.host}:{self.port}")
        if self._error is not None:
            self._thread.join(timeout)
            raise VotingServerError(str(self._error)) from self._error
        return self.url

    def stop(self, timeout: float = 5.0) -> None:
        """Stop listening and close every connection (idempotent)."""
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(stop.set)
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve())
        except BaseException as error:  # reported to start(); the thread must not die silently
            self._error = error
            self._ready.set()
        finally:
            loop.close()

    async def _serve(self) -> None:
        self._stop, self._wake = asyncio.Event(), asyncio.Event()
        app = web.Application(client_max_size=self.limits.body_bytes, middlewares=[self._guard])
        app.router.add_get("/", self._on_page)
        app.router.add_get("/app.js", self._on_page)
        app.router.add_get("/style.css", self._on_page)
        app.router.add_post("/api/join", self._on_join)
        app.router.add_post("/api/vote", self._on_vote)
        app.router.add_get("/api/state", self._on_state)
        app.router.add_get("/api/events", self._on_events)
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port, backlog=256)
            try:
                await site.start()
            except OSError as error:
                if self.port == 0:
                    raise
                site = web.TCPSite(runner, self.host, 0, backlog=256)  # the usual port is taken: any free one
                try:
                    await site.start()
                except OSError:
                    raise error from None
            self.port = runner.addresses[0][1]
            self._ready.set()
            ticker = asyncio.create_task(self._tick())
            await self._stop.wait()
            ticker.cancel()
            self._wake.set()
        finally:
            await runner.cleanup()

    async def _tick(self) -> None:
        """Notice a countdown running out (the room closes lazily) and tell the phones."""
        while True:
            await asyncio.sleep(TICK_SECONDS)
            with self._lock:
                self.room.current_phase()
            self._notify()

    # -- the trainer's side (any thread) ---------------------------------------------------------------
    def _trainer(self, action: Callable[[], Any]) -> Any:
        with self._lock:
            result = action()
        self._notify()
        return result

    def open_question(self, question: VoteQuestion, seconds: float) -> None:
        self._trainer(lambda: self.room.open_question(question, seconds))

    def pause(self) -> None:
        self._trainer(self.room.pause)

    def resume(self) -> None:
        self._trainer(self.room.resume)

    def close_question(self) -> None:
        self._trainer(self.room.close)

    def reveal(self) -> Distribution | None:
        return self._trainer(self.room.reveal)  # type: ignore[no-any-return]

    def wait(self) -> None:
        self._trainer(self.room.wait)

    def finish(self) -> None:
        self._trainer(self.room.finish)

    def remove(self, name: str) -> bool:
        return self._trainer(lambda: self.room.remove(name))  # type: ignore[no-any-return]

    def tally(self) -> Tally:
        with self._lock:
            room = self.room
            phase = room.current_phase()
            question = room.question
            revealed = phase is Phase.REVEALED
            shown = phase in (Phase.REVEALED, Phase.FINISHED)
            return Tally(phase, question.number if question else 0, room.answered(),
                         tuple(p.name for p in room.participants.values()), room.remaining(),
                         room.distribution(-1) if revealed else None, room.scoreboard() if shown else (),
                         room.tally_version)

    def scoreboard(self) -> tuple[Standing, ...]:
        with self._lock:
            return self.room.scoreboard()

    def distributions(self) -> tuple[Distribution, ...]:
        with self._lock:
            return self.room.distributions()

    def _notify(self) -> None:
        """Wake the phones' streams when their view changed; call on_change when anything changed."""
        with self._lock:
            seen = (self.room.version, self.room.tally_version)
            phones, anything = seen[0] != self._seen[0], seen != self._seen
            self._seen = seen
        if phones and self._loop is not None and self._wake is not None:
            with contextlib.suppress(RuntimeError):  # the loop has just closed
                self._loop.call_soon_threadsafe(self._wake_streams)
        if anything and self._on_change is not None:
            self._on_change()

    def _wake_streams(self) -> None:
        if self._wake is not None:
            wake, self._wake = self._wake, asyncio.Event()
            wake.set()

    # -- the phones' side (the server's thread) --------------------------------------------------------
    @web.middleware
    async def _guard(self, request: web.Request, handler: Callable[[web.Request], Any]) -> web.StreamResponse:
        try:
            response = await handler(request)
        except web.HTTPException as error:
            response = error if error.status < 400 else _error(error.status, error.reason.lower().replace(" ", "_"))
        except VoteRefused as refused:
            response = _error(STATUS[refused.reason], refused.reason.value)
        if response.status >= 400:
            self.refused[response.status] = self.refused.get(response.status, 0) + 1
        if not response.prepared:
            response.headers.update(SECURITY_HEADERS)
        return response  # type: ignore[no-any-return]

    def _address(self, request: web.Request) -> str:
        return request.remote or "?"

    def _limit(self, request: web.Request, token: str | None = None) -> None:
        key = token if token and self.room.participant(token) is not None else f"ip:{self._address(request)}"
        if not self._clients.allow(key):
            raise web.HTTPTooManyRequests()

    def _check_room(self, request: web.Request, room: object) -> None:
        if not isinstance(room, str) or not hmac.compare_digest(room.encode()[:16], self.room.code.encode()):
            if not self._wrong_rooms.allow(self._address(request)):
                raise web.HTTPTooManyRequests()
            raise web.HTTPForbidden(reason="Wrong room")

    async def _body(self, request: web.Request) -> dict[str, Any]:
        if request.content_length is not None and request.content_length > self.limits.body_bytes:
            raise web.HTTPRequestEntityTooLarge(max_size=self.limits.body_bytes,
                                                actual_size=request.content_length)
        raw = await request.read()
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError):  # not UTF-8, not JSON, a number too long, nested too deep
            raise web.HTTPBadRequest(reason="Malformed") from None
        if not isinstance(data, dict):
            raise web.HTTPBadRequest(reason="Malformed")
        return data

    def _token(self, value: object) -> str:
        if not isinstance(value, str) or not 0 < len(value) <= MAX_TOKEN:
            raise web.HTTPUnauthorized(reason="Unknown participant")
        return value

    async def _on_page(self, request: web.Request) -> web.Response:
        self._limit(request)
        body, kind = self._pages[request.path]
        return web.Response(body=body, content_type=kind, charset="utf-8")

    async def _on_join(self, request: web.Request) -> web.Response:
        if not self._joins.allow(self._address(request)):
            raise web.HTTPTooManyRequests()
        data = await self._body(request)
        self._check_room(request, data.get("room"))
        name = data.get("name")
        if not isinstance(name, str) or len(name) > MAX_RAW_NAME:
            raise VoteRefused(Refusal.BAD_NAME)
        with self._lock:
            participant = self.room.join(name)
        self._notify()
        return web.json_response({"token": participant.token, "name": participant.name})

    async def _on_vote(self, request: web.Request) -> web.Response:
        data = await self._body(request)
        token = self._token(data.get("token"))
        self._limit(request, token)
        self._check_room(request, data.get("room"))
        number, answer = data.get("question"), data.get("answer")
        if not isinstance(number, int) or isinstance(number, bool) or not isinstance(answer, list) or len(answer) > 8:
            raise VoteRefused(Refusal.BAD_ANSWER)
        with self._lock:
            accepted = self.room.vote(token, number, answer)
        self._notify()
        return web.json_response({"accepted": True, "answer": list(accepted)})

    def _query(self, request: web.Request) -> str:
        token = self._token(request.query.get("token"))
        self._limit(request, token)
        self._check_room(request, request.query.get("room"))
        return token

    async def _on_state(self, request: web.Request) -> web.Response:
        token = self._query(request)
        with self._lock:
            state = phone_state(self.room, token)
        return web.json_response(state, status=200 if state["phase"] != "removed" else 401)

    async def _on_events(self, request: web.Request) -> web.StreamResponse:
        token = self._query(request)
        with self._lock:
            if self.room.participant(token) is None:
                raise web.HTTPUnauthorized(reason="Unknown participant")
        if (self._streams.get(token, 0) >= self.limits.streams_per_client
                or sum(self._streams.values()) >= self.limits.streams_total):
            raise web.HTTPTooManyRequests()
        self._streams[token] = self._streams.get(token, 0) + 1
        try:
            return await self._stream(request, token)
        finally:
            self._streams[token] -= 1
            if not self._streams[token]:
                del self._streams[token]

    async def _stream(self, request: web.Request, token: str) -> web.StreamResponse:
        response = web.StreamResponse(headers={**SECURITY_HEADERS, "Content-Type": "text/event-stream",
                                               "X-Accel-Buffering": "no"})
        await response.prepare(request)
        await response.write(b"retry: 2000\n\n")
        last = ""
        assert self._stop is not None
        while not self._stop.is_set():
            wake = self._wake
            with self._lock:
                state = phone_state(self.room, token)
            key = json.dumps({k: v for k, v in state.items() if k != "remaining"}, ensure_ascii=False)
            if key != last:
                last = key
                data = json.dumps(state, ensure_ascii=False)
                await response.write(f"event: state\ndata: {data}\n\n".encode())
            if state["phase"] == "removed" or wake is None:
                break
            try:
                await asyncio.wait_for(wake.wait(), HEARTBEAT_SECONDS)
            except TimeoutError:
                await response.write(b": ping\n\n")
        return response
