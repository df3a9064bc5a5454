"""The visitors of `make bench` (scripts/bench.py runs this with `locust --headless`).

A crowd after an alert or a campus announcement, each visitor with their own cookies and address
(`X-Forwarded-For`, which the bench's gunicorn trusts, as it trusts nginx in production) and think
times between clicks:

- 70% read: the home page, the content index, articles, destinations, alerts, events, and search;
- 15% take the bench quiz to the end: open it, start, open the answer sheet, submit, see the result;
- 10% register for the bench event: open it, open the form, send it (a new address each time);
-  5% sign in with a bench account, open My portal and sign out.

Reads the plan scripts/bench.py wrote (BENCH_PLAN: page addresses, searches, the quiz, the event, the
accounts) and writes every request it made to BENCH_OUT as JSON when the run stops: its kind, page,
time, status, the `X-Bench-Queries` header, and the registrations and quiz submissions that were
answered as done, for the checks that nothing was lost.
"""

import itertools
import json
import os
import random
import re
import time
import uuid

from locust import HttpUser, between, events, task

PLAN = json.loads(open(os.environ["BENCH_PLAN"], encoding="utf-8").read())  # noqa: SIM115
THINK = tuple(float(value) for value in os.environ.get("BENCH_THINK", "1,5").split(","))
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CHOICE_INPUT = re.compile(r'<input[^>]*name="(q-[^"]+)"[^>]*value="([^"]+)"')
ADDRESSES = itertools.count(1)
# The visitors' whims (which page, which search): nothing secret.
WHIM = random.Random()  # noqa: S311

RECORDS = []  # (kind, page, milliseconds, status, queries, ok, rendered by a view)
DONE = {"registrations": [], "submissions": [], "started": time.time()}


def record(kind, page, started, response, ok):
    queries = response.headers.get("X-Bench-Queries") if response is not None else None
    rendered = response.headers.get("X-Bench-Rendered") == "1" if response is not None else None
    status = response.status_code if response is not None else 0
    milliseconds = (time.perf_counter() - started) * 1000
    RECORDS.append(
        (kind, page, milliseconds, status, None if queries is None else int(queries), ok, rendered)
    )


class Visitor(HttpUser):
    abstract = True
    wait_time = between(*THINK)

    def on_start(self):
        number = next(ADDRESSES)
        self.client.headers["X-Forwarded-For"] = (
            f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"
        )
        self.client.headers["Accept-Language"] = "zh-CN,zh;q=0.9,en;q=0.5"

    def get(self, kind, page, url, expect=200, **kwargs):
        started = time.perf_counter()
        with self.client.get(
            url, name=f"{kind}: {page}", catch_response=True, allow_redirects=False, **kwargs
        ) as response:
            ok = response.status_code == expect
            if ok:
                response.success()
            else:
                response.failure(f"{url} answered {response.status_code}")
            record(kind, page, started, response, ok)
            return response if ok else None

    def post(self, kind, page, url, data, expect_location):
        started = time.perf_counter()
        with self.client.post(
            url,
            data=data,
            name=f"{kind}: {page}",
            catch_response=True,
            allow_redirects=False,
            headers={"Referer": self.host + url},
        ) as response:
            location = response.headers.get("Location", "")
            ok = response.status_code == 302 and expect_location in location
            if ok:
                response.success()
            else:
                response.failure(f"{url} answered {response.status_code} {location}")
            record(kind, page, started, response, ok)
            return location if ok else None


class Reader(Visitor):
    """Reads pages and searches, the way most of a crowd does."""

    weight = 70

    @task(10)
    def read(self):
        page = WHIM.choices(list(PLAN["pages"]), weights=[PLAN["weights"][name] for name in PLAN["pages"]])[0]
        self.get("page", page, WHIM.choice(PLAN["pages"][page]))

    @task(2)
    def search(self):
        language, query = WHIM.choice(PLAN["searches"])
        self.get("search", "search", f"/{language}/search/", params={"q": query})


class QuizTaker(Visitor):
    """Takes the bench quiz to the end, as a guest."""

    weight = 15

    @task
    def take_quiz(self):
        quiz = PLAN["quiz"]
        page = self.get("page", "quiz page", quiz)
        if page is None:
            return
        self.wait()
        token = CSRF_INPUT.search(page.text).group(1)
        take = self.post(
            "submit", "quiz start", f"{quiz}start/", {"csrfmiddlewaretoken": token}, "/quizzes/attempts/"
        )
        if take is None:
            return
        sheet = self.get("page", "quiz answer sheet", take)
        if sheet is None:
            return
        self.wait()
        answers = {}
        for name, value in CHOICE_INPUT.findall(sheet.text):
            answers.setdefault(name, value)
        token = CSRF_INPUT.search(sheet.text).group(1)
        result = self.post(
            "submit",
            "quiz submit",
            take,
            {"csrfmiddlewaretoken": token, "action": "confirm", **answers},
            "/quizzes/results/",
        )
        if result is None:
            return
        DONE["submissions"].append(take.rstrip("/").rsplit("/", 1)[-1])
        self.get("page", "quiz result", result)


class Registrant(Visitor):
    """Registers for the bench event with a new address each time."""

    weight = 10

    @task
    def register(self):
        event = PLAN["event"]
        if self.get("page", "event page", event) is None:
            return
        self.wait()
        form = self.get("page", "registration form", f"{event}register/")
        if form is None:
            return
        self.wait()
        email = f"bench-{uuid.uuid4().hex[:16]}@example.org"
        data = {
            "csrfmiddlewaretoken": CSRF_INPUT.search(form.text).group(1),
            "name": "基准访客",
            "email": email,
            "phone": "",
            "organisation": "",
        }
        if self.post("submit", "registration", f"{event}register/", data, "/events/registered/"):
            DONE["registrations"].append(email)


class SignIn(Visitor):
    """Signs in with a bench account, opens My portal, signs out."""

    weight = 5

    @task
    def sign_in(self):
        login_url = PLAN["login"]
        form = self.get("page", "sign-in page", login_url)
        if form is None:
            return
        self.wait()
        data = {
            "csrfmiddlewaretoken": CSRF_INPUT.search(form.text).group(1),
            "login": WHIM.choice(PLAN["accounts"]),
            "password": PLAN["password"],
        }
        if self.post("sign-in", "sign-in", login_url, data, "/") is None:
            return
        portal = self.get("page", "my portal", PLAN["my_portal"])
        if portal is None:
            return
        self.wait()
        token = self.client.cookies.get("csrftoken", "")
        self.post("sign-in", "sign-out", PLAN["logout"], {"csrfmiddlewaretoken": token}, "/")


@events.test_stop.add_listener
def write_records(environment, **kwargs):
    with open(os.environ["BENCH_OUT"], "w", encoding="utf-8") as out:
        json.dump({"records": RECORDS, **DONE, "stopped": time.time()}, out)
