#!/usr/bin/env python3
"""The report benchmark's client and table (run by `scripts/bench`, part `report`).

    bench-report.py time BASE_URL EMAIL PASSWORD BUDGET_SECONDS NAME=COUNT=PATH ...

Signs in through the sign-in form, then for each NAME=COUNT=PATH in order: two warm-up requests (not
counted), then COUNT requests one after another on one kept-alive connection, stopping early once
BUDGET_SECONDS have passed (never before 5 requests). Each request is timed from sending it to reading the
body's last byte, as a browser sending `Accept-Encoding: br, gzip` gets it, so the time includes the server's
work, compressing and the transfer. Prints one line per target:

    NAME n p50_ms p99_ms max_ms body_bytes errors

p50 and p99 are nearest-rank percentiles of the timed requests (with 100 or fewer, p99 is the slowest one);
an error is any status but 200.

    bench-report.py summary FIGURES FILLS

Prints the table: FIGURES has "ENGINE SIZE" and then a `time` line per line, FILLS "ENGINE SIZE WHAT SECONDS".
"""
import http.client
import math
import sys
import time
import urllib.parse

# Targets (issue 18 §5), in ms, at 1M responses on SQLite: (p50, p99). The PDF's is one second at most.
TARGETS = {
    "page-quarter": (50, 200),
    "page-year": (50, 200),
    "csv": (50, 200),
    "pdf": (1000, 1000),
    "results": (50, 200),
}


def percentile(sorted_ms, p):
    rank = max(1, math.ceil(p / 100 * len(sorted_ms)))
    return sorted_ms[rank - 1]


def time_targets(base, email, password, budget, targets):
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
    body = urllib.parse.urlencode({"email": email, "password": password, "next": "/"})
    conn.request(
        "POST",
        "/api/sign_in",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": base,
            "Referer": base + "/sign-in",
        },
    )
    response = conn.getresponse()
    response.read()
    cookies = [c.split(";", 1)[0] for c in response.headers.get_all("Set-Cookie") or []]
    if response.status not in (200, 302, 303) or not cookies:
        sys.exit(f"bench-report: signing in as {email} answered {response.status} with no session cookie")
    headers = {"Cookie": "; ".join(cookies), "Accept-Encoding": "br, gzip"}

    def fetch(path):
        started = time.perf_counter()
        conn.request("GET", path, headers=headers)
        r = conn.getresponse()
        data = r.read()
        return (time.perf_counter() - started) * 1000, r.status, len(data)

    for name, count, path in targets:
        count = int(count)
        for _ in range(2):
            _, status, _ = fetch(path)
            if status != 200:
                sys.exit(f"bench-report: GET {path} answered {status}")
        times, errors, size = [], 0, 0
        started = time.perf_counter()
        while len(times) < count and (len(times) < 5 or time.perf_counter() - started < budget):
            ms, status, size = fetch(path)
            times.append(ms)
            if status != 200:
                errors += 1
        times.sort()
        print(
            f"{name} {len(times)} {percentile(times, 50):.1f} {percentile(times, 99):.1f} {times[-1]:.1f} "
            f"{size} {errors}",
            flush=True,
        )


def summary(figures_file, fills_file):
    figures = {}
    engines = []
    for line in open(figures_file):
        if not line.strip():
            continue
        engine, size, target, n, p50, p99, top, size_bytes, errors = line.split()
        if engine not in engines:
            engines.append(engine)
        figures[(engine, int(size), target)] = (int(n), float(p50), float(p99), float(top), int(size_bytes), int(errors))
    fills = {}
    for line in open(fills_file):
        if line.strip():
            engine, size, what, seconds = line.split()
            fills[(engine, int(size), what)] = seconds
    for engine in engines:
        sizes = sorted({size for (e, size, _) in figures if e == engine})
        print(f"\n  {'SQLite' if engine == 'sqlite' else 'PostgreSQL'}")
        print(f"  {'target':<14}{'responses':>11}{'n':>6}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}{'KB':>9}{'errors':>8}")
        for target, (p50_limit, p99_limit) in TARGETS.items():
            for size in sizes:
                f = figures.get((engine, size, target))
                if f:
                    print(f"  {target:<14}{size:>11,}{f[0]:>6}{f[1]:>10.1f}{f[2]:>10.1f}{f[3]:>10.1f}{f[4] / 1000:>9.1f}{f[5]:>8}")
            verdicts = []
            small, large = sizes[0], sizes[-1]
            a, b = figures.get((engine, small, target)), figures.get((engine, large, target))
            if a and b and large > small:
                ratio = b[1] / a[1] if a[1] > 0 else float("inf")
                verdict = "PASS" if ratio <= 2 else "MISS"
                verdicts.append(f"t({large:,})/t({small:,}) at p50 = {ratio:.1f} (target <= 2: {verdict})")
            if b and large >= 1_000_000 and engine == "sqlite":
                if target == "pdf":
                    verdicts.append(f"p99 at 1M {b[2]:.0f} ms (target <= 1 s: {'PASS' if b[2] <= 1000 else 'MISS'})")
                else:
                    ok = b[1] <= p50_limit and b[2] <= p99_limit
                    verdicts.append(f"at 1M p50 <= {p50_limit} ms, p99 <= {p99_limit} ms: {'PASS' if ok else 'MISS'}")
            if verdicts:
                print("  " + " " * 14 + "; ".join(verdicts))
        for size in sizes:
            responses, activities = fills.get((engine, size, "responses")), fills.get((engine, size, "activities"))
            if responses:
                print(f"  fill: {size:,} responses in {responses} s, {size // 10:,} activities in {activities} s")


def main():
    if len(sys.argv) >= 6 and sys.argv[1] == "time":
        targets = [arg.split("=", 2) for arg in sys.argv[6:]]
        time_targets(sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5]), targets)
    elif len(sys.argv) == 4 and sys.argv[1] == "summary":
        summary(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
