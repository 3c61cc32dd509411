"""The voting server on 127.0.0.1: 30 phones answering at once, Server-Sent Events, and bad input refused."""

from __future__ import annotations

import asyncio
import json
import random
import socket
from collections import Counter
from typing import Any

import aiohttp
import pytest

from etrainer.core.classroom.quiz import classroom_question
from etrainer.core.classroom.voting import Phase, VoteOption, VoteQuestion, VotingRoom, from_classroom
from etrainer.core.ids import QuestionId
from etrainer.core.quiz.model import Question, QuestionKind
from etrainer.services.voting.limits import Limits
from etrainer.services.voting.server import SECURITY_HEADERS, VotingServer, phone_state

PHONES = 30


def _question(number: int = 1, kind: QuestionKind = QuestionKind.SINGLE_CHOICE,
              right: tuple[str, ...] = ("Б",)) -> VoteQuestion:
    options = tuple(VoteOption(letter, f"варіант {letter}") for letter in "АБВГ")
    return VoteQuestion(number, 3, kind, "Хто підписує заяву в Дії?", options, right)


@pytest.fixture
def server():
    changes: list[int] = []
    room = VotingRoom("4827")
    running = VotingServer(room, "127.0.0.1", 0, on_change=lambda: changes.append(1))
    running.start()
    running.changes = changes  # type: ignore[attr-defined]
    yield running
    running.stop()


async def _post(session: aiohttp.ClientSession, url: str, body: Any) -> tuple[int, dict[str, Any]]:
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    async with session.post(url, data=data, headers={"Content-Type": "application/json"}) as response:
        try:
            payload = await response.json(content_type=None)
        except (json.JSONDecodeError, aiohttp.ContentTypeError):
            payload = {}
        return response.status, payload


async def _join(session: aiohttp.ClientSession, base: str, name: str, room: str = "4827") -> str:
    status, data = await _post(session, base + "api/join", {"room": room, "name": name})
    assert status == 200, (name, status, data)
    return str(data["token"])


def test_thirty_phones_answer_at_once_and_every_answer_counts_once(server):
    base = server.url
    letters = "АБВГ"
    chosen = {f"Телефон {n:02d}": letters[n % 4] for n in range(PHONES)}
    steps = Question(QuestionId("steps"), QuestionKind.ORDERING, "Розставте кроки.",
                     ordering=("вхід", "заява", "підпис", "відповідь"))
    ordering = from_classroom(classroom_question(steps, random.Random(1)), 2, 3)
    right = ordering.right
    given = [right, (right[1], right[0], *right[2:]), tuple(reversed(right))]
    orders = {name: given[n % 3] for n, name in enumerate(chosen)}

    async def answer_all(session: aiohttp.ClientSession, tokens: list[str], number: int,
                         answers: list[list[str]], again: list[str]) -> tuple[list[int], list[int]]:
        async def answer(token: str, given: list[str]) -> tuple[int, int]:
            first, _ = await _post(session, base + "api/vote",
                                   {"room": "4827", "token": token, "question": number, "answer": given})
            second, _ = await _post(session, base + "api/vote",
                                    {"room": "4827", "token": token, "question": number, "answer": again})
            return first, second

        results = await asyncio.gather(*(answer(t, a) for t, a in zip(tokens, answers, strict=True)))
        return [r[0] for r in results], [r[1] for r in results]

    async def phones() -> list[tuple[list[int], list[int]]]:
        async with aiohttp.ClientSession() as session:
            tokens = list(await asyncio.gather(*(_join(session, base, name) for name in chosen)))
            server.open_question(_question(), 60)
            choice = await answer_all(session, tokens, 1, [[letter] for letter in chosen.values()], ["А"])
            choice_tally = server.tally()
            results.append(server.reveal())
            server.wait()
            server.open_question(ordering, 60)  # an ordering question: each phone sends a whole order
            order = await answer_all(session, tokens, 2, [list(o) for o in orders.values()], list(right))
            return [choice, order, ((choice_tally.answered, choice_tally.participants),
                                    [int(choice_tally.distribution is None)])]

    results: list[Any] = []
    choice, order, (choice_counts, hidden) = asyncio.run(phones())
    for firsts, seconds in (choice, order):
        assert firsts == [200] * PHONES
        assert seconds == [409] * PHONES  # a second answer to the same question is refused
    assert choice_counts == (PHONES, PHONES) and hidden == [1]  # the distribution is hidden until the reveal
    expected = Counter(chosen.values())
    (distribution,) = results
    assert distribution.per_option == tuple(expected[letter] for letter in letters)
    assert distribution.answered == PHONES and distribution.right == expected["Б"]

    tally = server.tally()
    assert (tally.answered, tally.participants, tally.distribution) == (PHONES, PHONES, None)
    distribution = server.reveal()
    counted = Counter("".join(o) for o in orders.values())
    assert distribution.answered == PHONES and distribution.right == counted["".join(right)] == PHONES // 3
    assert dict(distribution.orders) == dict(counted)  # each order given, counted once per phone
    firsts_counted = Counter(o[0] for o in orders.values())
    assert distribution.per_option == tuple(firsts_counted[letter] for letter in ordering.letters)
    assert server.tally().distribution == distribution
    assert sum(s.points for s in server.tally().scoreboard) == expected["Б"] + PHONES // 3
    assert len(server.changes) >= PHONES * 3  # joins and answers all reached the projector's callback


def test_a_phone_hears_the_question_and_the_reveal_by_server_sent_events(server):
    base = server.url

    async def phone() -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = []
        async with aiohttp.ClientSession() as session:
            token = await _join(session, base, "Оля")
            other = await _join(session, base, "Петро")
            async with session.get(base + f"api/events?room=4827&token={token}") as stream:
                assert stream.headers["Content-Type"].startswith("text/event-stream")

                async def read_until(phase: str) -> dict[str, Any]:
                    while True:
                        line = (await asyncio.wait_for(stream.content.readline(), 5)).decode()
                        if line.startswith("data: "):
                            events.append(json.loads(line[6:]))
                            if events[-1]["phase"] == phase:
                                return events[-1]

                await read_until("lobby")
                server.open_question(_question(), 30)
                opened = await read_until("open")
                assert opened["question"]["options"][0] == {"letter": "А", "text": "варіант А"}
                assert "right" not in opened
                await _post(session, base + "api/vote", {"room": "4827", "token": other, "question": 1,
                                                         "answer": ["Б"]})
                await _post(session, base + "api/vote", {"room": "4827", "token": token, "question": 1,
                                                         "answer": ["В"]})
                server.reveal()
                revealed = await read_until("revealed")
                server.finish()
                finished = await read_until("finished")
        return [opened, revealed, finished]

    opened, revealed, finished = asyncio.run(phone())
    assert (revealed["right"], revealed["answer"], revealed["correct"], revealed["points"]) == (["Б"], ["В"], False, 0)
    assert (finished["place"], finished["of"]) == (2, 2)
    text = json.dumps([opened, revealed, finished], ensure_ascii=False)
    assert "Петро" not in text  # another participant's name or answer never reaches this phone


def test_a_phone_sees_only_its_own_answer_before_the_reveal():
    room = VotingRoom("1234")
    a, b = room.join("a"), room.join("b")
    room.open_question(_question(), 30)
    room.vote(a.token, 1, ["А"])
    state = phone_state(room, b.token)
    assert state["answer"] is None and "right" not in state and "points" not in state
    assert phone_state(room, a.token)["answer"] == ["А"]
    assert phone_state(room, "forged") == {"phase": "removed"}


def test_the_page_comes_from_memory_with_a_strict_policy_and_no_files_are_served(server):
    async def fetch() -> dict[str, tuple[int, str, str]]:
        out = {}
        async with aiohttp.ClientSession() as session:
            for path in ("", "app.js", "style.css", "static/app.js", "..%2f..%2fetc%2fpasswd", "index.html",
                         "page/app.js"):
                async with session.get(server.url + path) as response:
                    out[path] = (response.status, response.headers.get("Content-Security-Policy", ""),
                                 await response.text())
        return out

    pages = asyncio.run(fetch())
    status, policy, html = pages[""]
    assert status == 200 and "script-src 'self'" in policy and 'lang="uk"' in html
    assert "http://" not in html and "https://" not in html  # nothing from outside: no CDN, no web fonts
    assert pages["app.js"][0] == pages["style.css"][0] == 200
    assert "https://" not in pages["app.js"][2] + pages["style.css"][2]
    assert "=>" not in pages["app.js"][2] and "const " not in pages["app.js"][2]  # ES5 for old Android
    for path in ("static/app.js", "..%2f..%2fetc%2fpasswd", "index.html", "page/app.js"):
        assert pages[path][0] == 404, path


def test_bad_input_is_refused_with_a_status_and_the_session_goes_on(server):
    base = server.url

    async def attack() -> dict[str, Any]:
        out: dict[str, Any] = {}
        async with aiohttp.ClientSession() as session:
            token = await _join(session, base, "Оля")
            server.open_question(_question(), 60)
            out["wrong room"] = (await _post(session, base + "api/join", {"room": "0000", "name": "x"}))[0]
            out["room as number"] = (await _post(session, base + "api/join", {"room": 4827, "name": "x"}))[0]
            out["oversized"] = (await _post(session, base + "api/join",
                                            {"room": "4827", "name": "я" * 5000}))[0]
            out["malformed"] = (await _post(session, base + "api/join", b"{not json"))[0]
            out["not an object"] = (await _post(session, base + "api/join", b"[1, 2]"))[0]
            out["long name"] = (await _post(session, base + "api/join", {"room": "4827", "name": "x" * 101}))[0]
            out["empty name"] = (await _post(session, base + "api/join", {"room": "4827", "name": "\u200b "}))[0]
            out["forged token"] = (await _post(session, base + "api/vote", {"room": "4827", "token": "f" * 30,
                                                                            "question": 1, "answer": ["А"]}))[0]
            out["bad letters"] = (await _post(session, base + "api/vote", {"room": "4827", "token": token,
                                                                           "question": 1, "answer": ["Z"] * 9}))[0]
            out["bool question"] = (await _post(session, base + "api/vote", {"room": "4827", "token": token,
                                                                             "question": True, "answer": ["А"]}))[0]
            out["vote wrong room"] = (await _post(session, base + "api/vote", {"room": "1111", "token": token,
                                                                               "question": 1, "answer": ["А"]}))[0]
            async with session.get(base + "api/state?room=4827&token=" + "x" * 500) as response:
                out["long token"] = response.status
            async with session.get(base + "api/nothing") as response:
                out["unknown path"] = response.status
            async with session.put(base + "api/join", data=b"{}") as response:
                out["wrong method"] = response.status
            flood = await asyncio.gather(*(session.get(base + f"api/state?room=4827&token={token}")
                                           for _ in range(120)))
            out["flood"] = Counter(r.status for r in flood)
            for response in flood:
                response.release()
            joins = await asyncio.gather(*(_post(session, base + "api/join", {"room": "4827", "name": f"n{i}"})
                                           for i in range(80)))
            out["join flood"] = Counter(status for status, _ in joins)
            guesses = await asyncio.gather(*(_post(session, base + "api/join", {"room": f"{1000 + i}", "name": "g"})
                                             for i in range(30)))
            out["guesses"] = Counter(status for status, _ in guesses)
            await asyncio.sleep(1.2)  # the phone's own bucket refills
            out["still votes"] = (await _post(session, base + "api/vote", {"room": "4827", "token": token,
                                                                           "question": 1, "answer": ["Б"]}))[0]
        return out

    out = asyncio.run(attack())
    assert out["wrong room"] == out["room as number"] == out["vote wrong room"] == 403
    assert out["oversized"] == 413
    assert out["malformed"] == out["not an object"] == out["long name"] == out["empty name"] == 400
    assert out["forged token"] == out["long token"] == 401
    assert out["bad letters"] == out["bool question"] == 400
    assert out["unknown path"] == 404 and out["wrong method"] == 405
    assert out["flood"][429] > 0 and out["flood"][200] > 0  # a flood from one phone is cut off
    assert out["join flood"][429] > 0
    assert out["guesses"][429] > 0  # guessing room codes is slowed down
    assert out["still votes"] == 200  # … and the session goes on
    tally = server.tally()
    assert tally.phase is Phase.OPEN and tally.answered == 1
    assert server.refused[429] > 0


def test_a_removed_nickname_is_told_and_its_answer_no_longer_counts(server):
    base = server.url

    async def run() -> tuple[int, int, int]:
        async with aiohttp.ClientSession() as session:
            token = await _join(session, base, "Погане слово")
            server.open_question(_question(), 60)
            await _post(session, base + "api/vote", {"room": "4827", "token": token, "question": 1, "answer": ["Б"]})
            before = server.tally().answered
            server.remove("Погане слово")
            async with session.get(base + f"api/state?room=4827&token={token}") as response:
                state = response.status
            rejoin = (await _post(session, base + "api/join", {"room": "4827", "name": "погане слово"}))[0]
            return before, state, rejoin

    before, state, rejoin = asyncio.run(run())
    assert (before, state, rejoin) == (1, 401, 409)
    assert server.tally().answered == 0 and server.tally().names == ()


def test_stopping_the_session_stops_listening():
    room = VotingRoom("4827")
    server = VotingServer(room, "127.0.0.1", 0)
    server.start()
    port = server.port
    with socket.create_connection(("127.0.0.1", port), timeout=2):
        pass
    server.stop()
    assert not server.running
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass


def test_a_taken_port_falls_back_to_a_free_one_and_a_foreign_address_is_refused():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        server = VotingServer(VotingRoom("4827"), "127.0.0.1", taken)
        server.start()
        try:
            assert server.port not in (taken, 0)
        finally:
            server.stop()
    from etrainer.services.voting.server import VotingServerError

    with pytest.raises(VotingServerError):
        VotingServer(VotingRoom("4827"), "192.0.2.1", 0, limits=Limits()).start()  # not this computer's


def test_a_body_nested_too_deep_is_refused_like_any_malformed_one(server, caplog):
    base = server.url

    async def attack() -> list[tuple[int, dict[str, str]]]:
        out = []
        async with aiohttp.ClientSession() as session:
            token = await _join(session, base, "Оля")
            for path, body in (("api/join", b"[" * 2000), ("api/vote", b"[" * 2000),
                               ("api/join", b'{"room": "4827", "name": ' + b"[" * 1500 + b"}")):
                async with session.post(base + path, data=body,
                                        headers={"Content-Type": "application/json"}) as response:
                    out.append((response.status, dict(response.headers)))
            out.append(((await _post(session, base + "api/vote", {"room": "4827", "token": token,
                                                                 "question": 1, "answer": ["Б"]}))[0], {}))
        return out

    server.open_question(_question(), 60)
    with caplog.at_level("ERROR"):
        *refused, (still_votes, _) = asyncio.run(attack())
    assert [status for status, _ in refused] == [400, 400, 400]
    assert all(headers.get(name) == value for _, headers in refused for name, value in SECURITY_HEADERS.items())
    assert server.refused.get(400) == 3 and 500 not in server.refused
    assert not [r for r in caplog.records if r.levelname == "ERROR"]  # no traceback in the log
    assert still_votes == 200 and server.tally().answered == 1
