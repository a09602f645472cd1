"""The parts of scripts/stress that talk HTTP: standard library only, bounded by counts.

    stress.py writes  BASE DB            8 administrators saving at once while 8 clients submit feedback
    stress.py lockout BASE DB            an attacker guessing a person's password; was the person kept out?
    stress.py fuzz    BASE DB LOG        malformed requests; 5xx answers
    stress.py burst   BASE DB FILE N     N anonymous submissions from 8 clients, each acknowledged one's comment
                                         appended to FILE (the shell kills the server meanwhile)
    stress.py check   BASE DB FILE       prints "acknowledged missing" for the comments in FILE
    stress.py lose    BASE DB            deletes the database file while submissions arrive
"""

import base64
import http.cookiejar
import json
import os
import random
import re
import sqlite3
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request

SLUG = "dbt-skills-group"
DEMO_PASSWORD = "demo-password-2026"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A browser without JavaScript: keeps cookies, follows no redirects, at a client address of its own."""

    def __init__(self, base, address=None):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        self.address = address

    def request(self, method, path, body=None, headers=None, accept="text/html"):
        all_headers = {"Accept": accept, "Origin": self.base, "Referer": self.base + "/"}
        if self.address:
            all_headers["X-Forwarded-For"] = self.address
        all_headers.update(headers or {})
        if isinstance(body, (list, dict)):
            body = urllib.parse.urlencode(body, doseq=True).encode()
            all_headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        req = urllib.request.Request(self.base + path, data=body, headers=all_headers, method=method)
        try:
            with self.opener.open(req, timeout=60) as res:
                return res.status, dict(res.headers), res.read()
        except urllib.error.HTTPError as err:
            return err.code, dict(err.headers), err.read()
        except Exception as err:  # refused connection, reset: the server is down
            return 0, {}, str(err).encode()

    def call(self, function, fields):
        """A server function as a plain form POST: (ok, what went wrong)."""
        status, headers, body = self.request("POST", "/api/" + function, fields)
        location = headers.get("Location", "")
        if status in (302, 303) and "__err" not in location:
            return True, location
        if "__err" in location:
            query = urllib.parse.parse_qs(urllib.parse.urlparse(location).query)
            try:
                error = json.loads(base64.urlsafe_b64decode(query["__err"][0] + "=="))
            except Exception:
                error = "undecodable"
            return False, error
        return False, f"{status} {body[:120]!r}"


# A stored response answers 303 to its thank-you page (post/redirect/get), and only once it is committed.
STORED = (200, 303)


def form_fields(base):
    """The rating question's field and values and the comment's field on the demo form."""
    from html.parser import HTMLParser

    status, _, body = Browser(base).request("GET", f"/f/{SLUG}")
    radios, textareas = [], []

    class Form(HTMLParser):
        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "input" and a.get("type") == "radio" and (a.get("name") or "").startswith("q-"):
                radios.append((a["name"], a.get("value")))
            elif tag == "textarea" and (a.get("name") or "").startswith("q-"):
                textareas.append(a["name"])

    Form().feed(body.decode("utf-8", "replace"))
    if not radios:
        raise SystemExit(f"no rating question on /f/{SLUG} (status {status})")
    rating = radios[0][0]
    return rating, [v for n, v in radios if n == rating], (textareas[0] if textareas else None)


def submit(base, fields, comment):
    rating, values, comment_field = fields
    answer = [(rating, random.choice(values))]
    if comment_field:
        answer.append((comment_field, comment))
    status, _, _ = Browser(base).request("POST", f"/f/{SLUG}", answer)
    return status


def service_id(db):
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id FROM service ORDER BY name LIMIT 1").fetchone()[0]


def writes(base, db):
    service = service_id(db)
    fields = form_fields(base)
    with sqlite3.connect(db) as conn:
        patient = conn.execute("SELECT id FROM person WHERE is_admin = 0 ORDER BY email LIMIT 1").fetchone()[0]
    failures, calls, lock = [], [0], threading.Lock()
    day = "2027-06-01"

    def writer(n):
        browser = Browser(base, f"10.1.0.{n}")
        ok, why = browser.call("sign_in", {"email": f"writer-{n}@stress.example", "password": f"stress-password-{n}-long", "next": "/"})
        if not ok:
            with lock:
                failures.append(f"sign in writer {n}: {why}")
            return
        target = None
        for i in range(12):
            tag = f"{n}-{i}"
            steps = [
                ("save_info_page", {"page_id": "", "service_id": service, "title": f"Stress page {tag}", "summary": "About", "body": "Text", "published": "yes"}),
                ("create_feedback_form", {"service_id": service, "title": f"Stress form {tag}", "intervention": "A group", "template": "fft", "answering": "anonymous"}),
                ("grant_role", {"person_id": patient, "service_id": service, "role": "carer"}),
                ("revoke_role", {"person_id": patient, "service_id": service, "role": "carer"}),
                ("save_event", {"event_id": "", "service_id": service, "title": f"Stress day {tag}", "description": "Come", "day": day, "start": "10:00", "end": "12:00", "place": "Here", "capacity": "20"}),
                ("invite_person", {"email": f"invited-{tag}@stress.example", "name": "Invited", "service_id": service, "role": "patient"}),
                ("set_administrator", {"person_id": patient, "administrator": "false"}),
            ]
            for function, fields_ in steps:
                ok, why = browser.call(function, fields_)
                with lock:
                    calls[0] += 1
                    if not ok:
                        failures.append(f"{function}: {why}")

    acknowledged, submitted = [0], [0]

    def submitter(n):
        for i in range(60):
            status = submit(base, fields, f"stress comment {n}-{i}")
            with lock:
                submitted[0] += 1
                acknowledged[0] += status in STORED

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(1, 9)]
    threads += [threading.Thread(target=submitter, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"write failures under concurrency: {len(failures)} of {calls[0]} staff saves (8 at once), "
          f"while {acknowledged[0]} of {submitted[0]} anonymous submissions were acknowledged")
    for failure in failures[:10]:
        print("  ", failure)


def lockout(base, db):
    # The real person: a demo account (all share the demo password).
    with sqlite3.connect(db) as conn:
        email = conn.execute("SELECT email FROM person WHERE is_admin = 0 AND email LIKE '%demo.example' ORDER BY email LIMIT 1").fetchone()[0]
    own = Browser(base, "192.0.2.10")
    ok, why = own.call("sign_in", {"email": email, "password": DEMO_PASSWORD, "next": "/"})
    if not ok:
        print(f"lockout: the person could not sign in to begin with: {why}")
        return
    own.call("sign_out", {})
    stop = threading.Event()
    guesses = [0]
    lock = threading.Lock()

    def attacker(n):
        for i in range(150):
            if stop.is_set():
                return
            # Half from addresses of its own, half from the person's own address.
            address = f"203.0.113.{(n * 150 + i) % 250}" if i % 2 else "192.0.2.10"
            Browser(base, address).call("sign_in", {"email": email, "password": f"guess {n}-{i}", "next": "/"})
            with lock:
                guesses[0] += 1

    attackers = [threading.Thread(target=attacker, args=(n,)) for n in range(4)]
    for t in attackers:
        t.start()
    # The person's own browser has its own limit (5, then one a minute), whoever attacks: their own sign-ins
    # count against it, so they sign in within it (5 times), as a person would, while the attack runs.
    refused_own, refused_new, tries, own_tries = 0, 0, 0, 0
    for i in range(20):
        tries += 1
        if i % 4 == 0:
            own_tries += 1
            ok, _ = own.call("sign_in", {"email": email, "password": DEMO_PASSWORD, "next": "/"})
            refused_own += not ok
            if ok:
                own.call("sign_out", {})
        ok, _ = Browser(base, f"198.51.100.{i + 1}").call("sign_in", {"email": email, "password": DEMO_PASSWORD, "next": "/"})
        refused_new += not ok
    for t in attackers:
        t.join()
    print(f"lockout of a real user by an attacker ({guesses[0]} guesses, half from the person's own address): "
          f"refused {refused_own} of {own_tries} times from their own browser, {refused_new} of {tries} from new "
          f"browsers at other addresses (the account's backstop, by design: a reset link still signs them in)")


def fuzz(base, db, log):
    rng = random.Random(2026)
    # Every server function, read from the app's sources.
    functions = re.findall(r'endpoint = "/([a-z_]+)"', "".join(
        open(os.path.join(root, name), encoding="utf-8").read()
        for root, _, names in os.walk(os.path.join(os.path.dirname(__file__), "..", "app", "src"))
        for name in names if name == "server.rs" or root.endswith("server")))
    junk = ["", "a" * 300, "<script>alert(1)</script>", "'; DROP TABLE person; --", "\u202e\u0000x", "-1",
            "99999999999999999999", "../../etc/passwd", "%00", "true", "null", "{}", "\ufeff", "😀" * 50]
    admin = Browser(base, "10.9.9.9")
    admin.call("sign_in", {"email": "writer-1@stress.example", "password": "stress-password-1-long", "next": "/"})
    anonymous = Browser(base, "10.9.9.8")
    statuses, count = {}, 0
    content_types = ["application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=",
                     "application/json", "text/plain", "application/cbor", ""]
    for i in range(4000):
        browser = admin if i % 2 else anonymous
        kind = rng.random()
        if kind < 0.55 and functions:
            function = rng.choice(functions)
            names = ["service_id", "form_id", "person_id", "email", "name", "title", "token", "slug", "id", "page",
                     "role", "state", "password", "question_id", "response_id", "day", "capacity", "file", "data"]
            fields = [(rng.choice(names), rng.choice(junk)) for _ in range(rng.randint(0, 6))]
            body = urllib.parse.urlencode(fields).encode()
            if rng.random() < 0.3:
                body = bytes(rng.randrange(256) for _ in range(rng.randint(0, 400)))
            ctype = rng.choice(content_types)
            accept = rng.choice(["text/html", "application/json", "*/*"])
            status, _, _ = browser.request("POST", "/api/" + function, body, {"Content-Type": ctype}, accept)
        elif kind < 0.8:
            segment = rng.choice(["", "info", "events", "f", "posters/f", "ledger", "consultation/forms",
                                  "admin/people", "leaflets", "reports/continuum-profile.csv"])
            tail = rng.choice(junk + ["x" * rng.randint(200, 2000)])
            path = "/" + segment + ("/" if segment else "") + urllib.parse.quote(tail, safe="")
            if rng.random() < 0.2:
                path += "?" + urllib.parse.urlencode({rng.choice(["service_id", "from_day", "from_year", "to_month", "next"]): rng.choice(junk)})
            status, _, _ = browser.request(rng.choice(["GET", "GET", "HEAD", "POST", "PUT", "DELETE"]), path)
        else:
            body = bytes(rng.randrange(256) for _ in range(rng.randint(0, 2000)))
            status, _, _ = browser.request("POST", f"/f/{SLUG}", body, {"Content-Type": rng.choice(content_types)})
        count += 1
        statuses[status] = statuses.get(status, 0) + 1
    five = sum(n for s, n in statuses.items() if s >= 500 or s == 0)
    panics = open(log, encoding="utf-8", errors="replace").read().count("panicked")
    print(f"fuzzed requests: {count}, 5xx (or no answer): {five}, panics in the log so far: {panics}")
    print("  statuses:", dict(sorted(statuses.items())))


def burst(base, db, path, total):
    fields = form_fields(base)
    lock = threading.Lock()
    out = open(path, "a", encoding="utf-8")
    counter = [0]

    def client(n):
        while True:
            with lock:
                if counter[0] >= int(total):
                    return
                counter[0] += 1
                i = counter[0]
            comment = f"burst {os.path.basename(path)} {n}-{i}"
            if submit(base, fields, comment) in STORED:
                with lock:
                    out.write(comment + "\n")
                    out.flush()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.close()


def check(base, db, path):
    acked = [line.strip() for line in open(path, encoding="utf-8") if line.strip()] if os.path.exists(path) else []
    with sqlite3.connect(db) as conn:
        stored = {v for (v,) in conn.execute("SELECT value FROM feedback_answer WHERE value LIKE 'burst %'")}
    print(len(acked), sum(1 for c in acked if c not in stored))


def flood(base, db):
    """100 anonymous posts of a risk sentence to one form, as an attacker would: how many are stored, how many
    are asked to wait, and how many duty-inbox mails they cause (the throttle and alert batching at their
    defaults)."""
    fields = form_fields(base)
    with sqlite3.connect(db) as conn:
        mails_before = conn.execute(
            "SELECT COUNT(*) FROM outbox_mail WHERE subject = 'Feedback to review today'").fetchone()[0]
    statuses = [submit(base, fields, "everyone would be better off without me") for _ in range(100)]
    with sqlite3.connect(db) as conn:
        mails = conn.execute(
            "SELECT COUNT(*) FROM outbox_mail WHERE subject = 'Feedback to review today'").fetchone()[0] - mails_before
    stored = sum(status in STORED for status in statuses)
    print(f"flood: 100 posts of a risk sentence: {stored} stored, {statuses.count(429)} asked to wait, "
          f"{len(statuses) - stored - statuses.count(429)} other; duty-inbox mails: {mails}")


def lose(base, db):
    fields = form_fields(base)
    before = sum(submit(base, fields, f"before loss {i}") in STORED for i in range(20))
    os.remove(db)
    status, _, _ = Browser(base).request("GET", "/readyz")
    after = sum(submit(base, fields, f"after loss {i}") in STORED for i in range(200))
    print(f"lost database: /readyz answered {status} once the file was deleted; {before} of 20 submissions "
          f"acknowledged before, {after} of 200 after (0 expected)")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"writes": writes, "lockout": lockout, "fuzz": fuzz, "burst": burst, "check": check, "lose": lose, "flood": flood}[command](*args)
