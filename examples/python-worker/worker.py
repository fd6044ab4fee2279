#!/usr/bin/env python3
"""A botfleet remote module in Python with only the standard library (urllib, json, threading).

The same loop as the TypeScript Worker (packages/client): register the module, long-poll claims
with backoff on errors, run the handler with heartbeats that extend the lease, complete or fail
with an error category, and stop gracefully on SIGTERM/SIGINT (finish what is running, claim
nothing more).

    BOTFLEET_URL=http://localhost:3000 BOTFLEET_API_KEY=bf_... python3 worker.py

Replace `handle` with your bot. Raise PermanentError for input that will never work (VALIDATION,
not retried) and RetryableError for a flaky dependency (EXTERNAL_API, retried with backoff).
"""

import json
import os
import random
import signal
import sys
import threading
import time
import urllib.error
import urllib.request

MODULE = os.environ.get("BOTFLEET_MODULE", "PythonWordCounter")
ROBOT_TYPES = os.environ.get("BOTFLEET_ROBOT_TYPES", "word_count").split(",")
CONCURRENCY = int(os.environ.get("BOTFLEET_CONCURRENCY", "2"))
POLL_WAIT_MS = int(os.environ.get("BOTFLEET_POLL_WAIT_MS", "5000"))
LEASE_SECONDS = int(os.environ.get("BOTFLEET_LEASE_SECONDS", "60"))
HEARTBEAT_SECONDS = float(os.environ.get("BOTFLEET_HEARTBEAT_SECONDS", "5"))


class PermanentError(Exception):
    category = "VALIDATION"


class RetryableError(Exception):
    category = "EXTERNAL_API"


class LeaseLost(Exception):
    """The server refused the lease: the robot was cancelled, or its lease expired and was reclaimed."""


class ApiError(Exception):
    def __init__(self, status, problem):
        self.status = status
        self.problem = problem or {}
        super().__init__(f"{status} {self.problem.get('detail') or self.problem.get('title') or ''}".strip())


class Client:
    def __init__(self, base_url, api_key):
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key

    def call(self, method, path, body=None, timeout=30):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        request.add_header("Accept", "application/json")
        request.add_header("X-API-Key", self.api_key)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                text = response.read()
                return json.loads(text) if text else None
        except urllib.error.HTTPError as error:
            try:
                problem = json.loads(error.read() or b"{}")
            except ValueError:
                problem = {}
            if error.code == 409 and problem.get("code") == "LEASE_LOST":
                raise LeaseLost(problem.get("detail")) from None
            raise ApiError(error.code, problem) from None


class Context:
    """What a handler gets: step() and progress() report and extend the lease; cancelled is set on a lost lease."""

    def __init__(self, client, robot):
        self.client = client
        self.robot = robot
        self.cancelled = threading.Event()

    def _report(self, **fields):
        if self.cancelled.is_set():
            return
        try:
            self.client.call(
                "POST",
                f"/api/v1/executions/{self.robot['execute_id']}/progress",
                {"lease_token": self.robot["lease_token"], **fields},
            )
        except LeaseLost:
            self.cancelled.set()
        except (ApiError, OSError) as error:
            log(f"progress report for {self.robot['robot_id']} failed: {error}")

    def step(self, name, category=None):
        self._report(current_step=name, **({"step_category": category} if category else {}))

    def progress(self, percentage, message=None):
        self._report(
            progress_percentage=max(0, min(100, int(percentage))),
            **({"step_details": {"message": message}} if message else {}),
        )

    def heartbeat(self):
        self._report()


def handle(input_data, ctx):
    """The example bot: counts the words of input_data.text."""
    ctx.step("COUNT", "PROCESSING")
    text = input_data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise PermanentError("input_data.text must be a non-empty string")
    if input_data.get("fail_first_attempt") and ctx.robot.get("retry_count", 0) == 0:
        raise RetryableError("the dictionary service answered 503")
    time.sleep(float(input_data.get("seconds", 0)))
    if ctx.cancelled.is_set():
        return None
    ctx.progress(100, "counted")
    return {"words": len(text.split())}


class Worker:
    def __init__(self, client, handler):
        self.client = client
        self.handler = handler
        self.stopping = threading.Event()
        self.slots = threading.Semaphore(CONCURRENCY)
        self.threads = []

    def register(self):
        self.client.call(
            "POST",
            "/api/v1/modules",
            {
                "module_name": MODULE,
                "module_version": "1.0.0",
                "supported_robot_types": ROBOT_TYPES,
                "max_concurrent_robots": CONCURRENCY,
                "registration_data": {"language": "python", "pid": os.getpid()},
            },
        )
        log(f"registered {MODULE} for {', '.join(ROBOT_TYPES)}")

    def run(self):
        failures = 0
        while not self.stopping.is_set():
            self.slots.acquire()
            free = 1
            while free < CONCURRENCY and self.slots.acquire(blocking=False):
                free += 1
            if self.stopping.is_set():
                for _ in range(free):
                    self.slots.release()
                break
            try:
                robots = self.client.call(
                    "POST",
                    f"/api/v1/modules/{MODULE}/claims",
                    {"max_robots": free, "lease_seconds": LEASE_SECONDS, "wait_ms": POLL_WAIT_MS},
                    timeout=POLL_WAIT_MS / 1000 + 30,
                )
                failures = 0
            except (ApiError, OSError) as error:
                for _ in range(free):
                    self.slots.release()
                failures += 1
                delay = min(30.0, 0.5 * 2 ** (failures - 1))
                log(f"claim failed ({error}); retrying in {delay:.1f} s")
                self.stopping.wait(delay / 2 + random.random() * delay / 2)
                continue
            for _ in range(free - len(robots)):
                self.slots.release()
            for robot in robots:
                thread = threading.Thread(target=self.execute, args=(robot,))
                thread.start()
                self.threads.append(thread)
            self.threads = [thread for thread in self.threads if thread.is_alive()]
        for thread in self.threads:
            thread.join()
        log("stopped: in-flight robots finished")

    def execute(self, robot):
        ctx = Context(self.client, robot)
        done = threading.Event()

        def beat():
            while not done.wait(HEARTBEAT_SECONDS):
                ctx.heartbeat()

        heartbeat = threading.Thread(target=beat, daemon=True)
        heartbeat.start()
        attempt = f"/api/v1/executions/{robot['execute_id']}"
        token = robot["lease_token"]
        try:
            output = self.handler(robot.get("input_data") or {}, ctx)
            done.set()
            if ctx.cancelled.is_set():
                log(f"{robot['robot_id']}: lease lost, its result dropped")
            else:
                self.client.call("POST", f"{attempt}/complete", {"lease_token": token, "output_data": output or {}})
                log(f"{robot['robot_id']} completed")
        except LeaseLost:
            log(f"{robot['robot_id']}: lease lost")
        except Exception as error:  # noqa: BLE001 -- any handler error fails the attempt, with its category
            done.set()
            category = getattr(error, "category", "SYSTEM")
            try:
                self.client.call(
                    "POST",
                    f"{attempt}/fail",
                    {"lease_token": token, "error_category": category, "error_message": str(error)[:2000] or "failed"},
                )
                log(f"{robot['robot_id']} failed ({category}): {error}")
            except LeaseLost:
                log(f"{robot['robot_id']}: lease lost")
            except (ApiError, OSError) as report_error:
                log(f"{robot['robot_id']}: could not report the failure: {report_error}")
        finally:
            done.set()
            self.slots.release()


def log(message):
    print(f"[{MODULE}] {message}", file=sys.stderr, flush=True)


def main():
    base_url = os.environ.get("BOTFLEET_URL", "http://localhost:3000")
    api_key = os.environ.get("BOTFLEET_API_KEY")
    if not api_key:
        log("BOTFLEET_API_KEY is not set")
        return 2
    worker = Worker(Client(base_url, api_key), handle)
    try:
        worker.register()
    except (ApiError, OSError) as error:
        log(f"cannot register with {base_url}: {error}")
        return 1

    def stop(signum, _frame):
        log(f"{signal.Signals(signum).name}: finishing in-flight robots, claiming nothing more")
        worker.stopping.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    worker.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
