"""The test LRS is a real one: it takes repeated writes, keeps statement ids, refuses a changed duplicate and
answers a query with `more` links — what the LRS tests rely on."""

import base64
import json
import urllib.error
import urllib.request
import uuid


def _request(server, method: str, path: str, body: object | None = None) -> tuple[int, object]:
    token = base64.b64encode(f"{server.user}:{server.password}".encode()).decode()
    request = urllib.request.Request(server.endpoint + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"Basic {token}", "Content-Type": "application/json",
                                              "X-Experience-API-Version": "1.0.3"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read()
            return response.status, json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        return error.code, None


def _statement(n: int) -> dict:
    return {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"test/{n}")),
            "actor": {"account": {"homePage": "https://etrainer.invalid/learners", "name": "learner-1"}},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
            "object": {"id": f"https://etrainer.invalid/xapi/course/question/q{n}"}}


def test_the_lrs_takes_repeated_writes_and_refuses_a_changed_duplicate(lrs_server) -> None:
    assert _request(lrs_server, "POST", "statements", [_statement(1), _statement(2)])[0] == 200
    assert _request(lrs_server, "POST", "statements", [_statement(3)])[0] == 200
    changed = {**_statement(1), "verb": {"id": "http://adlnet.gov/expapi/verbs/failed"}}
    assert _request(lrs_server, "POST", "statements", [changed])[0] == 409
    assert lrs_server.statement_count() == 3

    status, page = _request(lrs_server, "GET", "statements?limit=2")
    assert status == 200 and len(page["statements"]) == 2 and page["more"]
    assert {s["id"] for s in page["statements"]} <= {_statement(n)["id"] for n in (1, 2, 3)}


def test_the_lrs_refuses_a_wrong_password(lrs_server) -> None:
    lrs_server.password = "wrong"
    assert _request(lrs_server, "GET", "statements")[0] == 401
