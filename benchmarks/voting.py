"""Classroom voting benchmark (not a test): 60 simulated phones × 20 questions against the real projector panel.

    .venv/bin/python benchmarks/voting.py [--phones 60] [--questions 20] [--spread 1.0]

The app process is the projector: an offscreen QApplication with the real `VotingPanel` (its VotingServer
on 127.0.0.1, aiohttp on its own thread). The phones run in a second process (so that the app's memory is
the app's alone): each joins, keeps its Server-Sent-Events stream open as the phone page does, and answers
every question once at a random moment within `--spread` seconds of its opening.

Measured:
1. Answer → projector: from the moment a phone sends its answer's POST to the moment the projector's GUI
   thread has the tally that counts it (the panel's queued Qt signal delivered and the tally read), median
   and 95th percentile, against a baseline measured in the same run: the bare HTTP round trip of the same
   phones' `GET /api/state` (the least any answer can cost).
2. Memory of the app process: peak resident set (VmHWM) after the run, against the same process before the
   panel and its server existed (Qt and the modules imported).
Both processes use CLOCK_MONOTONIC (time.monotonic), which is one clock for the whole machine on Linux.
Results are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

try:
    from ratios import ratio  # benchmarks/ratios.py: the one line format benchmarks/run-all gathers
except ImportError:  # a checkout without it: plain lines
    def ratio(name: str, value: float, baseline: float, unit: str, aim: float | None = None, *,
              baseline_name: str = "baseline") -> float:
        result = value / baseline if baseline else float("inf")
        print(f"{name}: {value:.2f} {unit} vs {baseline_name} {baseline:.2f} {unit} → {result:.2f}×")
        return result


def _memory(field: str) -> float:
    """A /proc/self/status field (VmRSS, VmHWM) in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# == the phones (a second process) =========================================================================
async def _phones(base: str, code: str, count: int, spread: float, seed: int) -> None:
    import aiohttp

    rng = random.Random(seed)
    records: list[dict[str, object]] = []
    baseline: list[float] = []
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        tokens = []
        for n in range(count):
            while True:  # all phones share 127.0.0.1 here: joins past the per-address burst wait their turn
                async with session.post(base + "api/join", json={"room": code, "name": f"Телефон {n:02d}"}) as response:
                    if response.status != 429:
                        tokens.append((await response.json())["token"])
                        break
                await asyncio.sleep(0.25)

        async def stream(token: str) -> None:
            async with session.get(base + f"api/events?room={code}&token={token}", timeout=None) as response:
                async for _ in response.content:
                    pass

        streams = [asyncio.create_task(stream(token)) for token in tokens]
        print("ready", flush=True)
        loop = asyncio.get_running_loop()
        while True:
            line = (await loop.run_in_executor(None, sys.stdin.readline)).strip()
            if not line or line == "end":
                break
            number, letters = int(line.split()[0]), line.split()[1]

            async def answer(token: str, number: int = number, letters: str = letters) -> None:
                await asyncio.sleep(rng.uniform(0, spread))
                started = time.monotonic()
                async with session.get(base + f"api/state?room={code}&token={token}") as response:
                    await response.read()
                baseline.append(time.monotonic() - started)
                await asyncio.sleep(0.02)
                sent = time.monotonic()
                async with session.post(base + "api/vote", json={"room": code, "token": token, "question": number,
                                                                 "answer": [rng.choice(letters)]}) as response:
                    status = response.status
                records.append({"question": number, "token": token, "sent": sent, "status": status})

            await asyncio.gather(*(answer(token) for token in tokens))
            print("answered", flush=True)
        for task in streams:
            task.cancel()
    print(json.dumps({"records": records, "baseline": baseline}), flush=True)


# == the projector (this process) ==========================================================================
def run(phones: int, questions: int, spread: float) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtWidgets import QApplication

    from etrainer.core.classroom.voting import VoteOption, VoteQuestion, VotingRoom
    from etrainer.core.quiz.model import QuestionKind
    from etrainer.ui.classroom.voting_panel import VotingPanel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    before = _memory("VmRSS")

    accepted: list[tuple[str, int, float]] = []

    class TimedRoom(VotingRoom):
        def vote(self, token, number, answer):  # type: ignore[no-untyped-def]
            result = super().vote(token, number, answer)
            accepted.append((token, number, time.monotonic()))
            return result

    panel = VotingPanel("127.0.0.1", TimedRoom(), port=0)
    panel.resize(320, 768)
    panel.show()
    panel.start()
    seen: list[tuple[float, int, int]] = []

    def on_changed() -> None:
        tally = panel.server.tally()
        seen.append((time.monotonic(), tally.question, tally.answered))

    panel._link.changed.connect(on_changed, Qt.ConnectionType.QueuedConnection)
    child = subprocess.Popen([sys.executable, __file__, "--phones-process", panel.server.url, panel.room.code,
                              str(phones), str(spread)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdin is not None and child.stdout is not None

    def wait_for(word: str) -> None:
        line = child.stdout.readline().strip()
        if line != word:
            raise SystemExit(f"the phones said {line!r}, not {word!r}")

    wait_for("ready")
    letters = "АБВГ"
    options = tuple(VoteOption(letter, f"варіант {letter}") for letter in letters)
    for number in range(1, questions + 1):
        panel.server.open_question(VoteQuestion(number, questions, QuestionKind.SINGLE_CHOICE, "Питання?", options,
                                                ("Б",)), 600)
        child.stdin.write(f"{number} {letters}\n")
        child.stdin.flush()
        deadline = time.monotonic() + 60
        while panel.server.tally().answered < phones and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        for _ in range(20):  # the last queued signals
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        wait_for("answered")
        panel.reveal()
        panel.wait()
    child.stdin.write("end\n")
    child.stdin.flush()
    result = json.loads(child.stdout.readline())
    child.wait(30)
    peak = _memory("VmHWM")
    panel.stop()

    rank: dict[tuple[str, int], int] = {}
    per_question: dict[int, int] = {}
    for token, number, _ in accepted:
        per_question[number] = per_question.get(number, 0) + 1
        rank[(token, number)] = per_question[number]
    latencies = []
    for record in result["records"]:
        if record["status"] != 200:
            continue
        key = (str(record["token"]), int(record["question"]))
        shown = next((t for t, q, n in seen if q == key[1] and n >= rank[key]), None)
        if shown is not None:
            latencies.append(shown - float(record["sent"]))
    statuses = [r["status"] for r in result["records"]]
    print(f"{phones} phones × {questions} questions: {len(statuses)} answers sent, "
          f"{statuses.count(200)} accepted, {len(accepted)} counted, {len(latencies)} timed")
    median, p95 = statistics.median(latencies) * 1000, _percentile(latencies, 0.95) * 1000
    floor = statistics.median(result["baseline"]) * 1000
    print(f"answer → projector tally: median {median:.1f} ms, 95th percentile {p95:.1f} ms, "
          f"worst {max(latencies) * 1000:.1f} ms")
    ratio("voting answer → projector, median", median, floor, "ms", baseline_name="bare GET round trip")
    ratio("voting answer → projector, p95", p95, floor, "ms", baseline_name="bare GET round trip")
    ratio("voting app memory (peak RSS)", peak, before, "MiB", baseline_name="Qt app before the panel")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--phones-process":
        base, code, count, spread = sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
        asyncio.run(_phones(base, code, count, spread, seed=7))
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--phones", type=int, default=60)
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--spread", type=float, default=1.0, help="seconds over which a question's answers come")
    args = parser.parse_args()
    run(args.phones, args.questions, args.spread)
    return 0


if __name__ == "__main__":
    sys.exit(main())
