#!/usr/bin/env python3
"""The Tawasol bench's helper (Python 3 standard library only), called by bench/run.

Subcommands, each working in one backend's work folder (--work):

  free-port   print a free TCP port on 127.0.0.1
  setup       log in the admin and residents, raise the petition thresholds, discover what the
              scenarios need (ids, a deep cursor, search words, categories, collecting petitions)
              and write each scenario's data files; check every scenario answers as expected
  refresh     new access tokens for the write scenarios (refresh tokens: no argon2)
  pairs       the (resident, petition) pairs the signing scenario may still use, from the database
  measure     run wrk on one scenario in one mode (closed loop or fixed rate) and record the
              figures with the server's peak RSS and CPU (and PostgreSQL's CPU)
  capture     (PostgreSQL, server logging every statement) send each read once and turn the
              statements it ran into a pgbench script
  ceiling     run pgbench on each captured script (closed loop and fixed rate), and EXPLAIN
              (ANALYZE, BUFFERS) every captured statement
  report      gather everything into <out>.json and <out>.md

All traffic goes to 127.0.0.1 (the server and PostgreSQL); proxies from the environment are
ignored.
"""

import argparse
import collections
import concurrent.futures
import datetime
import glob
import json
import math
import os
import random
import re
import resource
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
LUA = os.path.join(HERE, "wrk.lua")
DEMO_DOMAIN = "demo.tawasol.ma"
THRESHOLD = 100_000  # the largest the admin API accepts: signing never ends collecting
COMMUNE = "tangier"

# name, kind, what it is (for the report). Reads first, then writes, in the order they run;
# the failure scenarios measure the list at the read rate while something else hits the server.
SCENARIOS = [
    ("list", "read", "issues list: Tangier, open, newest first, first page (20)"),
    ("deep", "read", "the same list at a deep cursor page"),
    ("thread", "read", "one issue with its thread and history (random public ids)"),
    ("search", "read", "issues list of Tangier with a text search (q=, common words in turn)"),
    ("stats", "read", "accountability figures of Tangier"),
    ("open311", "read", "Open311 requests.json of Tangier (last 90 days, at most 1000)"),
    ("commune_page", "read", "the web page of Tangier (HTML): its newest issues and figures"),
    ("issue_page", "read", "the web page of one issue with its thread (HTML, random public ids)"),
    ("create", "write", "report a new issue (unique text, random category and location)"),
    ("reply", "write", "reply on a random public issue"),
    ("sign", "write", "sign a collecting petition (each resident and petition pair once)"),
    ("stats_burst", "failure", "the list at the read rate while 200 figure requests, each for "
     "another period (cold), arrive at once"),
    ("search_storm", "failure", "the list at the read rate while 100 connections search "
     "without pause (closed loop)"),
]
KIND = {name: kind for name, kind, _ in SCENARIOS}
WHAT = {name: what for name, _, what in SCENARIOS}
# Scenarios whose request is chosen at random from paths.txt (the others take them in turn).
RANDOM_PATHS = ("thread", "issue_page")

# Targets (shown with ✓/✗ in the report). The fixed rate of each scenario is its own: reads at
# --rate (1000), writes at --write-rate (500), Open311 and search at theirs (100 and 500).
TARGET_FIXED_P99_READ_MS = 20.0
TARGET_FIXED_P99_WRITE_MS = 50.0
TARGET_FIXED_P99_MS = {"open311": 100.0, "search": 50.0}
TARGET_CLOSED_RPS = {
    "postgres": {"list": 5000.0, "search": 1000.0, "open311": 300.0, "create": 1000.0,
                 "reply": 2000.0, "sign": 2000.0},
    "sqlite": {"list": 5000.0, "search": 500.0, "open311": 300.0, "create": 1000.0,
               "reply": 1000.0, "sign": 1000.0},
}
TARGET_CEILING_SHARE = 0.7  # of the prepared ceiling (pgbench -M prepared)
TARGET_STATS_P99_MS = 100.0
TARGET_COLD_FIGURES_MS = 100.0
TARGET_RSS_MB = 150.0


def fixed_rate(cfg, name):
    """The offered rate of a scenario's fixed-rate run."""
    if name == "open311":
        return cfg.get("open311_rate", 100)
    if name == "search":
        return cfg.get("search_rate", 500)
    if KIND[name] == "write":
        return cfg.get("write_rate", 500)
    return cfg["rate"]


def fixed_p99_target(name):
    if name in TARGET_FIXED_P99_MS:
        return TARGET_FIXED_P99_MS[name]
    return TARGET_FIXED_P99_WRITE_MS if KIND[name] == "write" else TARGET_FIXED_P99_READ_MS


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def die(msg):
    print(f"bench: error: {msg}", file=sys.stderr, flush=True)
    sys.exit(1)


def read_json(path, default=None):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        return default


def write_json(path, value):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=2)
        f.write("\n")
    os.replace(tmp, path)


def write_lines(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(f"{line}\n")


# ---------------------------------------------------------------- HTTP (loopback only)

_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class Http:
    def __init__(self, base):
        self.base = base.rstrip("/")
        host = urllib.parse.urlsplit(self.base).hostname
        if host not in ("127.0.0.1", "localhost", "::1"):
            die(f"refusing to send traffic to {host}: the bench only talks to 127.0.0.1")

    def call(self, method, path, body=None, token=None, timeout=60):
        """(status, parsed JSON or text, seconds)."""
        data = None
        headers = {"Accept": "application/json"}
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = f"Bearer {token}"
        req = urllib.request.Request(self.base + path, data=data, headers=headers, method=method)
        started = time.monotonic()
        try:
            with _OPENER.open(req, timeout=timeout) as res:
                status, raw = res.status, res.read()
        except urllib.error.HTTPError as e:
            status, raw = e.code, e.read()
        except (urllib.error.URLError, TimeoutError, OSError) as e:
            # No answer within the timeout (or the connection dropped): status 0.
            status, raw = 0, str(e).encode()
        elapsed = time.monotonic() - started
        text = raw.decode("utf-8", "replace")
        try:
            parsed = json.loads(text) if text else None
        except ValueError:
            parsed = text
        return status, parsed, elapsed

    def ok(self, method, path, body=None, token=None, expect=(200,)):
        status, parsed, _ = self.call(method, path, body, token)
        if status not in expect:
            die(f"{method} {path} answered {status}: {str(parsed)[:400]}")
        return parsed


# ---------------------------------------------------------------- the database, read-only

class Db:
    """Small read-only queries the bench needs (ids, signatures), on either backend."""

    def __init__(self, backend, url):
        self.backend, self.url = backend, url

    def rows(self, sql):
        if self.backend == "sqlite":
            path = self.url[len("sqlite://"):] if self.url.startswith("sqlite://") else self.url
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
            try:
                return [tuple(r) for r in con.execute(sql).fetchall()]
            finally:
                con.close()
        out = psql(self.url, sql)
        return [tuple(line.split("\t")) for line in out.splitlines() if line]

    def ints(self, sql):
        return [int(r[0]) for r in self.rows(sql)]


def psql(url, sql, check=True):
    res = subprocess.run(
        ["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", url, "-c", sql],
        capture_output=True, text=True,
    )
    if check and res.returncode != 0:
        die(f"psql failed: {res.stderr.strip()[:500]}")
    return res.stdout


# ---------------------------------------------------------------- children

_CHILD = None


def run_child(cmd, env=None, timeout=None):
    """subprocess.run for the long runs (wrk, pgbench): stopped with us on SIGTERM or SIGINT."""
    global _CHILD
    _CHILD = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    try:
        out, err = _CHILD.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _CHILD.kill()
        out, err = _CHILD.communicate()
        err += f"\n(killed after {timeout} s)"
    rc, _CHILD = _CHILD.returncode, None
    return subprocess.CompletedProcess(cmd, rc, out, err)


def _stop(signum, _frame):
    if _CHILD is not None and _CHILD.poll() is None:
        _CHILD.terminate()
        try:
            _CHILD.wait(5)
        except subprocess.TimeoutExpired:
            _CHILD.kill()
    sys.exit(128 + signum)


signal.signal(signal.SIGTERM, _stop)
if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
    signal.signal(signal.SIGINT, _stop)


# ---------------------------------------------------------------- /proc

CLK_TCK = os.sysconf("SC_CLK_TCK")


def proc_ticks(pid, children_reaped=False):
    """utime + stime (and cutime + cstime) of a process, in clock ticks; None if gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            text = f.read()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    # fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
    ticks = int(fields[11]) + int(fields[12])
    if children_reaped:
        ticks += int(fields[13]) + int(fields[14])
    return ticks


def proc_ppid(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            text = f.read()
        return int(text[text.rindex(")") + 2:].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def backend_database(pid):
    """The database a PostgreSQL backend serves, from its process title; None for the
    cluster's own processes (checkpointer, WAL writer, autovacuum launcher…)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            title = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return None
    # "postgres: 15/main: postgres tawasol_bench 127.0.0.1(48296) idle"
    rest = title.split(": ", 2)[-1].split()
    if len(rest) >= 3 and (rest[2].endswith(")") or rest[2] == "[local]"):
        return rest[1]
    return None


def postgres_ticks(postmaster, database=None):
    """CPU of the postmaster and the backends it forked: live ones (those of `database` and the
    cluster's own processes, not other databases'), plus every child already reaped."""
    if not postmaster:
        return None
    total = proc_ticks(postmaster, children_reaped=True)
    if total is None:
        return None
    for entry in os.listdir("/proc"):
        if entry.isdigit() and proc_ppid(int(entry)) == postmaster:
            db = backend_database(int(entry))
            if database is None or db is None or db == database:
                total += proc_ticks(int(entry)) or 0
    return total


def db_name(url):
    return urllib.parse.urlsplit(url).path.lstrip("/") if "://" in url else None


def proc_status_kb(pid, key):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def reset_peak_rss(pid):
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as f:
            f.write("5\n")
        return True
    except OSError as e:
        log(f"cannot reset the peak RSS of {pid} ({e}); VmHWM is then the peak since start")
        return False


def pg_cluster():
    """(postmaster pid, log file) of the cluster on port 5432, from pg_lsclusters."""
    try:
        out = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout
    except FileNotFoundError:
        return None, None
    for line in out.splitlines():
        f = line.split()
        if len(f) >= 7 and f[2] == "5432":
            pid = None
            try:
                with open(os.path.join(f[5], "postmaster.pid")) as p:
                    pid = int(p.readline().strip())
            except (OSError, ValueError):
                pass
            return pid, f[6]
    return None, None


# ---------------------------------------------------------------- common options

def common_args(p):
    p.add_argument("--work", required=True, help="this backend's work folder")
    p.add_argument("--backend", choices=["postgres", "sqlite"], required=True)
    p.add_argument("--db-url", required=True)


def server_args(p):
    p.add_argument("--url", required=True, help="http://127.0.0.1:PORT")
    p.add_argument("--pid", type=int, required=True, help="the server's process id")


def config(work):
    cfg = read_json(os.path.join(work, "setup.json"))
    if cfg is None:
        die(f"{work}/setup.json is missing: run setup first")
    return cfg


# ---------------------------------------------------------------- setup

def login_all(http, emails, password, parallel=4):
    """Logs every address in; {email: (access, refresh)}."""
    tokens = {}

    def one(email):
        status, body, _ = http.call("POST", "/api/v1/auth/login",
                                    {"email": email, "password": password})
        if status != 200:
            raise RuntimeError(f"login {email}: {status} {str(body)[:300]}")
        return email, (body["access_token"], body["refresh_token"])

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(parallel) as pool:
        for i, (email, pair) in enumerate(pool.map(one, emails), 1):
            tokens[email] = pair
            if i % 200 == 0:
                log(f"  {i}/{len(emails)} logged in ({time.monotonic() - started:.0f} s)")
    return tokens


def frequent_title_words(items, how_many):
    counts = collections.Counter()
    for item in items:
        for word in re.findall(r"\w+", item.get("title", "")):
            if len(word) >= 5 and not word.isdigit():
                counts[word.lower()] += 1
    return [w for w, _ in counts.most_common(how_many)]


def cmd_free_port(_args):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        print(s.getsockname()[1])


def cmd_setup(args):
    http = Http(args.url)
    db = Db(args.backend, args.db_url)
    work = args.work
    data = os.path.join(work, "scenarios")
    shutil.rmtree(data, ignore_errors=True)
    info = {"notes": []}

    # Admin: thresholds out of reach, so that signing never moves a petition out of collecting.
    admin_email = f"admin@{DEMO_DOMAIN}"
    admin = login_all(http, [admin_email], args.password, 1)[admin_email][0]
    communes = http.ok("GET", "/api/v1/communes?limit=100")["items"]
    slugs = [c["slug"] for c in communes]
    if COMMUNE not in slugs:
        die(f"commune {COMMUNE!r} is not in the database ({slugs})")
    for slug in slugs:
        http.ok("PATCH", f"/api/v1/admin/communes/{slug}",
                {"petition_threshold": THRESHOLD}, token=admin)
    log(f"petition thresholds of {', '.join(slugs)} raised to {THRESHOLD}")
    detail = http.ok("GET", f"/api/v1/communes/{COMMUNE}?lang=fr")
    categories = [c["code"] for c in detail["categories"]]
    box = detail["bounding_box"]

    # What the database holds.
    lo, hi, total = db.rows("SELECT MIN(id), MAX(id), COUNT(*) FROM issues")[0]
    public = db.ints("SELECT id FROM issues WHERE visibility = 'public' ORDER BY id")
    info["issues"] = {"min_id": int(lo or 0), "max_id": int(hi or 0), "count": int(total),
                      "public": len(public)}
    info["residents"] = int(db.rows(
        f"SELECT COUNT(*) FROM users WHERE email LIKE 'resident-%@{DEMO_DOMAIN}'")[0][0])
    log(f"database: {total} issues (ids {lo}..{hi}, {len(public)} public), "
        f"{info['residents']} demo residents")
    rng = random.Random(42)
    sample = rng.sample(public, min(len(public), 20_000)) if public else []
    if not sample:
        info["notes"].append("no public issue: thread and reply scenarios have nothing to fetch")

    def paths(name, lines):
        write_lines(os.path.join(data, name, "paths.txt"), lines)

    list_path = f"/api/v1/issues?commune={COMMUNE}&status=open"
    paths("list", [list_path])

    # A deep page: follow next_cursor from the first page.
    cursor, depth = None, 0
    path = list_path
    for _ in range(args.deep_pages):
        page = http.ok("GET", path)
        if not page.get("next_cursor"):
            break
        cursor = page["next_cursor"]
        depth += 1
        path = f"{list_path}&cursor={urllib.parse.quote(cursor, safe='')}"
    if cursor is None:
        info["notes"].append("the list has a single page: the deep scenario reads page 1")
        path = list_path
    paths("deep", [path])
    info["deep"] = {"pages_walked": depth, "issues_skipped": depth * 20, "asked": args.deep_pages}
    log(f"deep cursor: page {depth + 1} ({depth * 20} issues in)")

    paths("thread", [f"/api/v1/issues/{i}" for i in (sample or [1])])

    # Search words that occur: a few known ones if they fill a page, else frequent title words.
    candidates = ["éclairage", "الإنارة", "trottoir", "النفايات", "déchets", "lampadaire"]
    first = http.ok("GET", f"/api/v1/issues?commune={COMMUNE}&limit=100")["items"]
    candidates += frequent_title_words(first, 10)
    words, hits = [], {}
    for word in candidates:
        q = urllib.parse.quote(word)
        found = len(http.ok("GET", f"/api/v1/issues?commune={COMMUNE}&q={q}")["items"])
        hits[word] = found
        if found >= 20 and word not in words:
            words.append(word)
        if len(words) == 4:
            break
    if not words:
        words = [w for w in candidates if hits.get(w)][:4] or candidates[:2]
        info["notes"].append(f"no search word fills a page; searching {words}")
    paths("search", [f"/api/v1/issues?commune={COMMUNE}&q={urllib.parse.quote(w)}" for w in words])
    info["search_words"] = {w: hits.get(w) for w in words}
    log(f"search words: {', '.join(words)}")

    paths("stats", [f"/api/v1/stats?commune={COMMUNE}"])
    paths("open311", [f"/open311/v2/requests.json?jurisdiction_id={COMMUNE}"])
    # The two most visited web pages, as a visitor's browser asks for them (French).
    paths("commune_page", [f"/communes/{COMMUNE}?lang=fr"])
    paths("issue_page", [f"/issues/{i}?lang=fr" for i in (sample or [1])])
    # The failure scenarios measure the list; the storm searches with the search's words.
    paths("stats_burst", [list_path])
    paths("search_storm", [list_path])

    # Writes: residents' tokens, categories, issue ids, collecting petitions.
    write_lines(os.path.join(data, "create", "create.txt"),
                [f"{COMMUNE} {box['south']} {box['west']} {box['north']} {box['east']}"]
                + categories)
    write_lines(os.path.join(data, "reply", "ids.txt"), sample[:5000] or [1])
    collecting, path = [], "/api/v1/petitions?status=collecting&limit=100"
    while path:
        page = http.ok("GET", path)
        collecting += [p["id"] for p in page["items"]]
        nxt = page.get("next_cursor")
        path = (f"/api/v1/petitions?status=collecting&limit=100&cursor="
                f"{urllib.parse.quote(nxt, safe='')}") if nxt else None
    info["collecting_petitions"] = len(collecting)
    # Enough residents that neither signing run runs out of pairs: the closed loop at an assumed
    # ceiling of --sign-rate-guess, plus the fixed-rate run, plus a margin.
    need = int(args.duration * (args.sign_rate_guess + args.write_rate) * 1.2) + 1000
    signers = args.signers or math.ceil(need / max(1, len(collecting)))
    signers = max(args.connections, min(signers, info["residents"]))
    if len(collecting) * signers < need:
        info["notes"].append(
            f"{len(collecting)} collecting petitions x {signers} residents = "
            f"{len(collecting) * signers} signatures at most, {need} wanted: the sign runs may "
            f"run out of pairs (then they stop early, see pairs_exhausted)")
    emails = [f"resident-{i}@{DEMO_DOMAIN}" for i in range(1, signers + 1)]
    log(f"logging in {len(emails)} residents (argon2: a few per second per core)")
    started = time.monotonic()
    tokens = login_all(http, emails, args.password)
    info["logins"] = {"count": len(emails), "seconds": round(time.monotonic() - started, 1)}
    ids = dict((email, int(uid)) for uid, email in db.rows(
        f"SELECT id, email FROM users WHERE email LIKE 'resident-%@{DEMO_DOMAIN}'"))
    residents = [{"email": e, "user_id": ids[e], "access": tokens[e][0], "refresh": tokens[e][1]}
                 for e in emails]
    write_json(os.path.join(work, "tokens.json"), {"residents": residents})
    write_json(os.path.join(work, "setup.json"), {
        "url": args.url, "backend": args.backend, "db_url": args.db_url,
        "password": args.password, "duration": args.duration, "connections": args.connections,
        "threads": args.threads, "rate": args.rate, "write_rate": args.write_rate,
        "open311_rate": args.open311_rate, "search_rate": args.search_rate,
        "warmup": args.warmup,
        "collecting": collecting, "info": info, "data": data,
    })
    write_tokens(work, residents)

    # Every scenario answers what it should before anything is measured.
    checks = {}
    for name, kind, _ in SCENARIOS:
        if kind != "read":
            continue
        first_path = open(os.path.join(data, name, "paths.txt")).readline().strip()
        status, body, secs = http.call("GET", first_path)
        if status != 200:
            die(f"scenario {name}: GET {first_path} answered {status}: {str(body)[:300]}")
        size = len(body) if isinstance(body, list) else len(body.get("items", [])) \
            if isinstance(body, dict) and "items" in body else None
        checks[name] = {"request": f"GET {first_path}", "first_ms": round(secs * 1000, 1),
                        "items": size}
    info["checks"] = checks
    info["cold_figures"] = cold_figures(http)
    write_json(os.path.join(work, "setup.json"), {**config(work), "info": info})
    log("setup done: " + ", ".join(f"{k} {v['first_ms']} ms" for k, v in checks.items()))


def distinct_periods(count, offset=0):
    """`count` periods nobody asked for yet (so each figures request is computed, not cached):
    one to three months each, starting on different days of the last years."""
    base = datetime.date(2024, 1, 1)
    periods = []
    for i in range(count):
        start = base + datetime.timedelta(days=(offset + i) * 7 % 900 + (offset + i) // 128)
        end = start + datetime.timedelta(days=30 * (1 + i % 3))
        periods.append((start.isoformat(), end.isoformat()))
    return periods


def cold_figures(http):
    """The figures computed cold: one request at a time, each for a period no one asked for
    yet, for Tangier (the largest), Sefrou, and every commune at once (its whole history too)."""
    timings = {}
    asks = [(f"commune={COMMUNE}", p) for p in distinct_periods(8, 1000)]
    asks += [("commune=sefrou", p) for p in distinct_periods(4, 2000)]
    asks += [("", p) for p in distinct_periods(4, 3000)]
    asks += [("commune=sefrou", None), ("", None)]
    for where, period in asks:
        query = where + (f"&from={period[0]}&to={period[1]}" if period else "")
        status, _, secs = http.call("GET", f"/api/v1/stats?{query.lstrip('&')}")
        key = where.split("=")[-1] if where else "all communes"
        timings.setdefault(key, []).append({"query": query.lstrip("&"), "status": status,
                                            "ms": round(secs * 1000, 1)})
    flat = [t["ms"] for ts in timings.values() for t in ts if t["status"] == 200]
    log("cold figures: " + ", ".join(
        f"{k} max {max(t['ms'] for t in ts):.0f} ms" for k, ts in timings.items()))
    return {"requests": timings, "max_ms": max(flat) if flat else None,
            "failed": sum(1 for ts in timings.values() for t in ts if t["status"] != 200)}


def write_tokens(work, residents):
    # create and reply rotate over the first residents; sign uses pairs.txt's token indexes.
    access = [r["access"] for r in residents]
    data = os.path.join(work, "scenarios")
    write_lines(os.path.join(data, "create", "tokens.txt"), access[:256])
    write_lines(os.path.join(data, "reply", "tokens.txt"), access[:256])
    write_lines(os.path.join(data, "sign", "tokens.txt"), access)


def cmd_refresh(args):
    """Access tokens live 15 minutes: fresh ones before each write scenario."""
    http = Http(args.url)
    cfg = config(args.work)
    path = os.path.join(args.work, "tokens.json")
    residents = read_json(path)["residents"]

    def one(r):
        status, body, _ = http.call("POST", "/api/v1/auth/refresh",
                                    {"refresh_token": r["refresh"]})
        if status == 200:
            return {**r, "access": body["access_token"], "refresh": body["refresh_token"]}
        # A lost refresh token (e.g. a database regenerated underneath): log in again.
        pair = login_all(http, [r["email"]], cfg["password"], 1)[r["email"]]
        return {**r, "access": pair[0], "refresh": pair[1]}

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        residents = list(pool.map(one, residents))
    write_json(path, {"residents": residents})
    write_tokens(args.work, residents)
    log(f"{len(residents)} access tokens refreshed")


def cmd_pairs(args):
    """Pairs (resident, petition) nobody used yet, spread over petitions and residents."""
    cfg = config(args.work)
    db = Db(cfg["backend"], cfg["db_url"])
    residents = read_json(os.path.join(args.work, "tokens.json"))["residents"]
    petitions = cfg["collecting"]
    signed = set((int(p), int(u)) for p, u in db.rows(
        "SELECT petition_id, user_id FROM signatures"))
    k, n = len(residents), len(petitions)
    limit = args.limit
    lines = []
    # Round r pairs petition j with resident (j + r) mod k: every pair once, and consecutive
    # requests go to different petitions and residents.
    for r in range(k):
        for j, pid in enumerate(petitions):
            t = (j + r) % k
            uid = residents[t]["user_id"]
            if (pid, uid) in signed:
                continue
            # A CIN of the signer's own (one per person: unique on each petition).
            lines.append(f"{t} {pid} ZZ{uid:07d}")
            if len(lines) >= limit:
                break
        if len(lines) >= limit:
            break
    write_lines(os.path.join(cfg["data"], "sign", "pairs.txt"), lines)
    log(f"{len(lines)} unused signing pairs ({k} residents x {n} collecting petitions, "
        f"{len(signed)} signatures already in the database)")


def cmd_note_rss(args):
    """The server's memory after set-up (the logins), kept for the report."""
    path = os.path.join(args.work, "setup.json")
    cfg = config(args.work)
    cfg["info"]["after_setup"] = {
        "rss_mb": (proc_status_kb(args.pid, "VmRSS") or 0) / 1024,
        "peak_rss_mb": (proc_status_kb(args.pid, "VmHWM") or 0) / 1024,
        "threads": proc_status_kb(args.pid, "Threads"),
    }
    write_json(path, cfg)
    a = cfg["info"]["after_setup"]
    log(f"server after set-up ({cfg['info']['logins']['count']} logins): RSS {a['rss_mb']:.0f} MB "
        f"(peak {a['peak_rss_mb']:.0f} MB, {a['threads']} threads); restarting it for the measures")


# ---------------------------------------------------------------- measure

def wrk_command(cfg, url, name, rate, duration, out, connections=None):
    env = dict(os.environ)
    env.update({
        "BENCH_SCENARIO": name,
        "BENCH_DATA": os.path.join(cfg["data"], name),
        "BENCH_RATE": str(rate),
        "BENCH_THREADS": str(cfg["threads"]),
        "BENCH_EXPECT": "201" if KIND[name] == "write" else "200",
        "BENCH_TAG": "".join(random.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(8)),
        "BENCH_OUT": out,
    })
    cmd = ["wrk", "-t", str(cfg["threads"]), "-c", str(connections or cfg["connections"]),
           "-d", f"{duration}s", "--timeout", "10s", "-s", LUA, url]
    return cmd, env


def run_wrk(cfg, url, name, rate, duration, out, connections=None):
    cmd, env = wrk_command(cfg, url, name, rate, duration, out, connections)
    res = run_child(cmd, env=env, timeout=duration + 120)
    if res.returncode != 0 or not os.path.exists(out):
        die(f"wrk failed ({res.returncode}): {res.stderr.strip()[:800]}")
    return cmd, res.stdout


def wrk_summary(out):
    result = read_json(out)
    lat = result["latency_ms"]
    return {"rps": result["rps"], "requests": result["requests"], "latency_ms": lat,
            "errors": sum(result["socket_errors"].values()) + result["unexpected_status"],
            "statuses": result["statuses"], "first_error": result.get("first_error")}


def stats_burst(cfg, url, count=200):
    """`count` figure requests at once, each for a period nobody asked for (so each is
    computed): what a crawler or a hostile visitor can send."""
    http = Http(url)
    periods = distinct_periods(count, 5000)
    barrier = threading.Barrier(count)

    def one(period):
        barrier.wait()
        status, _, secs = http.call(
            "GET", f"/api/v1/stats?commune={COMMUNE}&from={period[0]}&to={period[1]}",
            timeout=60)
        return status, secs * 1000

    with concurrent.futures.ThreadPoolExecutor(count) as pool:
        answers = list(pool.map(one, periods))
    times = sorted(ms for _, ms in answers)
    statuses = collections.Counter(str(st) for st, _ in answers)
    return {"requests": count, "statuses": dict(statuses),
            "latency_ms": {"p50": percentile(times, 50), "p99": percentile(times, 99),
                           "max": times[-1] if times else None}}


def search_storm(cfg, url, duration, runs, connections=100):
    """`connections` searches without pause for `duration` seconds (a second wrk)."""
    out = os.path.join(runs, "search_storm-storm.wrk.json")
    run_wrk(cfg, url, "search", 0, duration, out, connections)
    return {"connections": connections, "seconds": duration, **wrk_summary(out)}


def cmd_measure(args):
    cfg = config(args.work)
    name, mode = args.scenario, args.mode
    failure = KIND[name] == "failure"
    if failure:
        mode = "during"
    rate = fixed_rate(cfg, name) if mode in ("fixed", "during") else 0
    runs = os.path.join(args.work, "runs")
    os.makedirs(runs, exist_ok=True)
    out = os.path.join(runs, f"{name}-{mode}.wrk.json")
    if os.path.exists(out):
        os.remove(out)
    measured = "list" if failure else name
    if mode == "closed" and KIND[name] == "read" and cfg["warmup"] > 0:
        run_wrk(cfg, args.url, name, 0, cfg["warmup"], out + ".warmup")
        os.remove(out + ".warmup")
    postmaster, _ = pg_cluster() if cfg["backend"] == "postgres" else (None, None)
    reset_peak_rss(args.pid)
    database = db_name(cfg["db_url"])
    c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0, s0, p0 = time.monotonic(), proc_ticks(args.pid), postgres_ticks(postmaster, database)
    burst = None
    if failure:
        # The list runs for the whole duration; the burst or the storm starts a quarter in.
        cmd, env = wrk_command(cfg, args.url, measured, rate, cfg["duration"], out)
        child = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True)
        time.sleep(cfg["duration"] / 4)
        if name == "stats_burst":
            burst = stats_burst(cfg, args.url)
        else:
            burst = search_storm(cfg, args.url, max(1, cfg["duration"] // 2), runs)
        stdout, stderr = child.communicate(timeout=cfg["duration"] + 120)
        if child.returncode != 0 or not os.path.exists(out):
            die(f"wrk failed ({child.returncode}): {stderr.strip()[:800]}")
    else:
        cmd, stdout = run_wrk(cfg, args.url, name, rate, cfg["duration"], out)
    t1, s1, p1 = time.monotonic(), proc_ticks(args.pid), postgres_ticks(postmaster, database)
    c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if s1 is None:
        die(f"the server (pid {args.pid}) is gone after {name} {mode}; see its log")
    wall = t1 - t0
    result = read_json(out)
    errors = sum(result["socket_errors"].values()) + result["unexpected_status"]
    record = {
        "scenario": name, "mode": mode, "offered_rate": rate or None,
        "connections": cfg["connections"], "threads": cfg["threads"],
        "rps": result["rps"], "requests": result["requests"],
        "latency_ms": result["latency_ms"], "errors": errors,
        "socket_errors": result["socket_errors"], "unexpected_status": result["unexpected_status"],
        "statuses": result["statuses"], "first_error": result.get("first_error"),
        "schedule": result["schedule"], "pairs_exhausted": result["pairs_exhausted"],
        "peak_rss_mb": (proc_status_kb(args.pid, "VmHWM") or 0) / 1024,
        "rss_after_mb": (proc_status_kb(args.pid, "VmRSS") or 0) / 1024,
        "server_cpu_pct": 100.0 * (s1 - s0) / CLK_TCK / wall,
        "postgres_cpu_pct": (100.0 * (p1 - p0) / CLK_TCK / wall) if p0 is not None and p1 else None,
        "wrk_cpu_pct": 100.0 * (c1.ru_utime + c1.ru_stime - c0.ru_utime - c0.ru_stime) / wall,
        "wall_s": wall, "command": " ".join(cmd), "wrk_stdout": stdout,
    }
    if burst is not None:
        record["burst"] = burst
    write_json(os.path.join(runs, f"{name}-{mode}.json"), record)
    lat = record["latency_ms"]
    log(f"{name:8} {mode:6} {record['rps']:9.1f} req/s  p50 {lat['p50']:.2f}  "
        f"p99 {lat['p99']:.2f}  max {lat['max']:.1f} ms  errors {errors}  "
        f"rss {record['peak_rss_mb']:.0f} MB  cpu {record['server_cpu_pct']:.0f}%"
        + (f"  pg {record['postgres_cpu_pct']:.0f}%" if record["postgres_cpu_pct"] else "")
        + f"  wrk {record['wrk_cpu_pct']:.0f}%"
        + ("  (pairs exhausted)" if record["pairs_exhausted"] else ""))
    if burst is not None:
        bl = burst["latency_ms"]
        log(f"  {name}: {burst.get('requests')} requests, statuses {burst['statuses']}, "
            f"p50 {fmt(bl['p50'], 1)}  p99 {fmt(bl['p99'], 1)}  max {fmt(bl['max'], 1)} ms")
    if record["first_error"]:
        log(f"  first unexpected answer: {record['first_error'][:200]}")


# ---------------------------------------------------------------- capture (PostgreSQL)

LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[(\d+)\] (\S*?)@(\S*) ([A-Z]+):  (.*)$")
PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")


def parse_pg_log(text, database):
    """[(pid, sql)] of the statements logged for `database`, parameters substituted."""
    messages = []  # [pid, level, text]
    for line in text.split("\n"):
        m = LOG_LINE.match(line)
        if m:
            pid, _user, db, level, msg = m.groups()
            messages.append([int(pid), db, level, msg])
        elif messages and line:
            messages[-1][3] += "\n" + line
    statements = []
    for pid, db, level, msg in messages:
        if db != database:
            continue
        if level == "LOG":
            m = re.match(r"(?:execute [^:]*|statement): (.*)$", msg, re.S)
            if m:
                statements.append([pid, m.group(1).strip()])
        elif level == "DETAIL" and msg.startswith("parameters: ") and statements:
            params = {int(n): v for n, v in PARAM.findall(msg)}
            pid_, sql = statements[-1]
            statements[-1][1] = re.sub(
                r"\$(\d+)(?!\d)", lambda m: params.get(int(m.group(1)), m.group(0)), sql)
    return [(pid, sql) for pid, sql in statements]


def session_setup(sql):
    s = sql.strip().rstrip(";").strip().upper()
    return s.startswith("SET ") or s.startswith("SHOW ") or s.startswith("RESET ")


def cmd_capture(args):
    cfg = config(args.work)
    http = Http(args.url)
    _, log_file = pg_cluster()
    log_file = args.log or log_file
    if not log_file or not os.path.exists(log_file):
        die(f"PostgreSQL's log file {log_file!r} is not readable")
    database = urllib.parse.urlsplit(cfg["db_url"]).path.lstrip("/")
    out = os.path.join(args.work, "ceiling")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    captured = {}
    wanted = args.scenarios.split()
    tokens = [r["access"] for r in read_json(os.path.join(args.work, "tokens.json"))["residents"]]

    def one_write(name, n):
        """One request of a write scenario, as wrk.lua sends it: (method, path, body, token)."""
        if name == "create":
            lines = open(os.path.join(cfg["data"], "create", "create.txt")).read().split()
            commune, south, west, north, east = lines[:5]
            lat = float(south) + (float(north) - float(south)) * 0.5
            lon = float(west) + (float(east) - float(west)) * 0.5
            return ("POST", "/api/v1/issues", {
                "commune": commune, "category": lines[5],
                "title": f"Banc d'essai lampadaire capture essai {n}",
                "description": f"Description de charge capture pour lampadaire (الإنارة), essai "
                               f"{n}, pas de données personnelles.",
                "location": {"lat": lat, "lon": lon}}, tokens[n % len(tokens)])
        if name == "reply":
            ids = open(os.path.join(cfg["data"], "reply", "ids.txt")).read().split()
            return ("POST", f"/api/v1/issues/{ids[n]}/replies",
                    {"body": f"Réponse de charge capture, essai {n} : trottoir الرصيف."},
                    tokens[n % len(tokens)])
        pairs = open(os.path.join(cfg["data"], "sign", "pairs.txt")).read().splitlines()
        t, pid, cin = pairs[-1 - n].split()
        return ("POST", f"/api/v1/petitions/{pid}/signatures", {
            "full_name": "Signataire de charge", "cin": cin,
            "address": "Rue de l'essai, Tanger",
            "declarations": {"lives_or_works_in_commune": True, "on_electoral_roll": True,
                             "direct_interest": True},
            "consent": True, "show_name": False}, tokens[int(t)])

    if "sign" in wanted:
        cmd_pairs(argparse.Namespace(work=args.work, limit=1000))
    for name, kind, _ in SCENARIOS:
        if kind not in ("read", "write") or name not in wanted:
            continue
        if kind == "read":
            path = open(os.path.join(cfg["data"], name, "paths.txt")).readline().strip()
        requests = iter(range(2))

        def logged():
            """The request's status and the statements it made PostgreSQL run."""
            time.sleep(0.3)
            before = os.path.getsize(log_file)
            if kind == "read":
                status, _, _ = http.call("GET", path)
                shown = f"GET {path}"
            else:
                method, where, body, token = one_write(name, next(requests))
                status, _, _ = http.call(method, where, body, token)
                status = 200 if status == 201 else status
                shown = f"{method} {where}"
            time.sleep(0.5)
            after = os.path.getsize(log_file)
            with open(log_file, "rb") as f:
                f.seek(before)
                text = f.read(after - before).decode("utf-8", "replace")
            return status, shown, [sql for _, sql in parse_pg_log(text, database)
                                   if not session_setup(sql)]

        # The second request is the one kept (pool connections open, statements prepared),
        # unless the server answered it from a cache of its own: then the first, cold one.
        status1, _, first = logged()
        status, shown, statements = logged()
        cached = False
        if status == 200 and not statements and status1 == 200 and first:
            statements, cached = first, True
            log(f"capture {name}: the second request ran no SQL (a cache in the server): "
                "replaying the first, cold one")
        if status != 200 or not statements:
            log(f"capture {name}: status {status}, {len(statements)} statements: skipped")
            continue
        script = os.path.join(out, f"{name}.sql")
        with open(script, "w", encoding="utf-8") as f:
            f.write(f"-- {name}: the statements of {shown}, in order\n")
            for sql in statements:
                f.write(sql.rstrip().rstrip(";") + ";\n")
        checkouts = sum(1 for sql in statements if re.fullmatch(r"SELECT\s+1;?", sql.strip(), re.I))
        captured[name] = {"request": shown, "script": script, "statements": statements,
                          "kind": kind, "pings": checkouts, "cold_request": cached}
        log(f"capture {name}: {len(statements)} statements")
    write_json(os.path.join(out, "captured.json"), captured)


# ---------------------------------------------------------------- ceiling (pgbench, EXPLAIN)

def pgbench_args(url):
    u = urllib.parse.urlsplit(url)
    args = ["-h", u.hostname or "127.0.0.1", "-p", str(u.port or 5432)]
    if u.username:
        args += ["-U", urllib.parse.unquote(u.username)]
    return args, u.path.lstrip("/")


def percentile(sorted_values, q):
    if not sorted_values:
        return None
    k = max(0, min(len(sorted_values) - 1, math.ceil(q / 100 * len(sorted_values)) - 1))
    return sorted_values[k]


def run_pgbench(cfg, script, rate, duration, postmaster, protocol="prepared"):
    conn, dbname = pgbench_args(cfg["db_url"])
    logdir = tempfile.mkdtemp(prefix="pgbench-")
    cmd = (["pgbench", "-n", "-M", protocol, "-c", str(cfg["ceiling_clients"]),
            "-j", str(cfg["threads"]),
            "-T", str(duration), "-f", script, "-l", f"--log-prefix={logdir}/tx"]
           + (["-R", str(rate)] if rate else []) + conn + [dbname])
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    database = db_name(cfg["db_url"])
    c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    p0, t0 = postgres_ticks(postmaster, database), time.monotonic()
    res = run_child(cmd, env=env, timeout=duration + 120)
    p1, t1 = postgres_ticks(postmaster, database), time.monotonic()
    c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if res.returncode != 0:
        shutil.rmtree(logdir, ignore_errors=True)
        return {"error": res.stderr.strip()[-800:], "command": " ".join(cmd)}
    tps = re.search(r"tps = ([\d.]+) \(without initial", res.stdout)
    failed = re.search(r"number of failed transactions: (\d+)", res.stdout)
    latencies, lags = [], []
    for path in glob.glob(os.path.join(logdir, "tx*")):
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 6 and parts[2].isdigit():
                    latencies.append(int(parts[2]) / 1000)
                    if len(parts) >= 7:
                        lags.append(int(parts[6]) / 1000)
    shutil.rmtree(logdir, ignore_errors=True)
    latencies.sort()
    return {
        "tps": float(tps.group(1)) if tps else None,
        "transactions": len(latencies),
        "failed": int(failed.group(1)) if failed else 0,
        "latency_ms": {"p50": percentile(latencies, 50), "p90": percentile(latencies, 90),
                       "p99": percentile(latencies, 99),
                       "max": latencies[-1] if latencies else None},
        "schedule_lag_max_ms": max(lags) if lags else None,
        "postgres_cpu_pct": (100.0 * (p1 - p0) / CLK_TCK / (t1 - t0))
        if p0 is not None and p1 else None,
        "pgbench_cpu_pct": 100.0 * (c1.ru_utime + c1.ru_stime - c0.ru_utime - c0.ru_stime)
        / (t1 - t0),
        "command": " ".join(cmd),
    }


def cmd_ceiling(args):
    cfg = config(args.work)
    out = os.path.join(args.work, "ceiling")
    captured = read_json(os.path.join(out, "captured.json"), {})
    if not captured:
        die("nothing captured: run capture first")
    postmaster, _ = pg_cluster()
    conn, dbname = pgbench_args(cfg["db_url"])
    max_conn = int(psql(cfg["db_url"], "SHOW max_connections").strip() or 100)
    cfg["ceiling_clients"] = args.clients or cfg["connections"]
    cfg["ceiling_duration"] = args.duration or cfg["duration"]
    if max_conn < cfg["ceiling_clients"] + 5:
        log(f"max_connections is {max_conn}: pgbench with {cfg['ceiling_clients']} clients may fail")
    results = {}
    for name, cap in captured.items():
        if cap.get("kind", "read") != "read":
            continue
        check = subprocess.run(["pgbench", "-n", "-c", "1", "-t", "1", "-f", cap["script"]]
                               + conn + [dbname], capture_output=True, text=True)
        if check.returncode != 0:
            results[name] = {"error": check.stderr.strip()[-800:]}
            log(f"ceiling {name}: the script does not run: {check.stderr.strip()[-300:]}")
            continue
        entry = {"statements": len(cap["statements"]), "script": cap["script"],
                 "clients": cfg["ceiling_clients"], "cold_request": cap.get("cold_request")}
        # Prepared (the statements planned once per connection, as a server that prepares
        # them sends them) is the ceiling; simple (planned on every call) is shown beside it.
        for mode, rate, protocol in (("closed", 0, "prepared"), ("simple", 0, "simple"),
                                     ("fixed", fixed_rate(cfg, name), "prepared")):
            entry[mode] = run_pgbench(cfg, cap["script"], rate, cfg["ceiling_duration"],
                                      postmaster, protocol)
            r = entry[mode]
            if "error" in r:
                log(f"ceiling {name} {mode}: pgbench failed: {r['error'][-300:]}")
            else:
                log(f"ceiling {name:8} {mode:6} {r['tps']:9.1f} tps  p50 "
                    f"{r['latency_ms']['p50']:.2f}  p99 {r['latency_ms']['p99']:.2f} ms"
                    + (f"  pg {r['postgres_cpu_pct']:.0f}%" if r["postgres_cpu_pct"] else ""))
        results[name] = entry

    # The plans, and the sequential scans on issues (a target failure).
    seq_scans, seen = [], set()
    report = os.path.join(args.results_dir, f"explain-{cfg['backend']}.txt")
    os.makedirs(args.results_dir, exist_ok=True)
    with open(report, "w", encoding="utf-8") as f:
        f.write(f"EXPLAIN (ANALYZE, BUFFERS) of every statement the reads send "
                f"({datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC)\n")
        for name, cap in captured.items():
            f.write(f"\n{'=' * 100}\n{name}: {cap['request']}\n")
            for i, sql in enumerate(cap["statements"], 1):
                upper = sql.lstrip().upper()
                if not (upper.startswith("SELECT") or upper.startswith("WITH")) \
                        or re.fullmatch(r"SELECT\s+1;?", sql.strip(), re.I):
                    continue
                f.write(f"\n--- {name} statement {i}\n{sql}\n\n")
                plan = psql(cfg["db_url"], f"EXPLAIN (ANALYZE, BUFFERS) {sql}", check=False)
                f.write(plan or "(EXPLAIN failed)\n")
                for m in re.finditer(r"Seq Scan on (\w+)", plan or ""):
                    if m.group(1) == "issues" and (name, i) not in seen:
                        seen.add((name, i))
                        seq_scans.append({"scenario": name, "statement": i, "sql": sql[:300]})
        f.write("\nSequential scans on issues: "
                + (", ".join(f"{s['scenario']} #{s['statement']}" for s in seq_scans) or "none")
                + "\n")
    results["_explain"] = {"file": report, "seq_scans_on_issues": seq_scans}
    write_json(os.path.join(out, "results.json"), results)
    log(f"plans in {report}; sequential scans on issues: "
        + (", ".join(f"{s['scenario']} #{s['statement']}" for s in seq_scans) or "none"))


# ---------------------------------------------------------------- report

def machine_info(backend, db_url, binary):
    def run(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=10).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            return ""
    model = next((line.split(":", 1)[1].strip() for line in run(["lscpu"]).splitlines()
                  if line.startswith("Model name")), "")
    mem = proc_status_like("/proc/meminfo", "MemTotal")
    info = {
        "cpu": model, "cores": os.cpu_count(),
        "memory_gb": round(mem / 1024 / 1024, 1) if mem else None,
        "kernel": run(["uname", "-r"]),
        "wrk": " ".join(run(["wrk", "-v"]).split()[:2]),
        "tawasol": run([binary, "--version"]),
        "commit": run(["git", "-C", os.path.dirname(HERE), "rev-parse", "--short", "HEAD"]),
        "dirty": bool(run(["git", "-C", os.path.dirname(HERE), "status", "--porcelain",
                           "--", ".."])),
    }
    if backend == "postgres":
        info["postgres"] = psql(db_url, "SHOW server_version", check=False).strip()
        rows = psql(db_url, "SELECT name, setting || COALESCE(unit, '') FROM pg_settings WHERE "
                    "name IN ('shared_buffers', 'max_connections', 'work_mem', "
                    "'effective_cache_size', 'synchronous_commit', 'random_page_cost')",
                    check=False)
        info["postgres_settings"] = dict(line.split("\t", 1) for line in rows.splitlines()
                                         if "\t" in line)
    return info


def proc_status_like(path, key):
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def show_value(v):
    if isinstance(v, float):
        return f"{v:.2f}" if v < 10 else f"{v:.0f}"
    return str(v)[:60]


def mark(ok):
    return "✓" if ok else "✗"


def fmt(v, digits=1):
    return "–" if v is None else f"{v:.{digits}f}"


def ceiling_clients(ceiling):
    return next((c.get("clients") for c in ceiling.values() if isinstance(c, dict)
                 and c.get("clients")), None)


def table_head(backend):
    return ("| scenario | mode | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | "
            "peak RSS MB | server CPU | " + ("PG CPU | " if backend == "postgres" else "")
            + "ceiling tps | simple tps | ratio |")


def head_columns(backend):
    return table_head(backend).count("|") - 1


def cmd_report(args):
    cfg = config(args.work)
    backend = cfg["backend"]
    runs = {}
    for path in glob.glob(os.path.join(args.work, "runs", "*.json")):
        if path.endswith(".wrk.json"):
            continue
        r = read_json(path)
        runs[(r["scenario"], r["mode"])] = r
    ceiling = read_json(os.path.join(args.work, "ceiling", "results.json"), {})
    load = read_json(os.path.join(args.work, "load.json"), {})
    targets = []

    def target(what, who, ok, value):
        """One check of a target (`what`) on one run (`who`); the ✓ or ✗ to show beside it."""
        targets.append({"target": what, "run": who, "ok": bool(ok), "value": value})
        return mark(ok)

    scenarios, rows = [], []
    for name, kind, what in SCENARIOS:
        entry = {"name": name, "kind": kind, "what": what,
                 "request": cfg["info"].get("checks", {}).get(name, {}).get("request"),
                 "runs": {}}
        ceil = ceiling.get(name) or {}
        if ceil:
            entry["ceiling"] = {k: v for k, v in ceil.items()}
        for mode in ("closed", "fixed", "during"):
            r = runs.get((name, mode))
            if not r:
                continue
            entry["runs"][mode] = {k: v for k, v in r.items() if k != "wrk_stdout"}
            lat = r["latency_ms"]
            rate = r.get("offered_rate") or fixed_rate(cfg, name)
            mode_label = (f"closed, {r['connections']} conn" if mode == "closed"
                          else f"list at {rate} req/s during" if mode == "during"
                          else f"{rate} req/s")
            if not r["requests"]:
                why = "signing pairs ran out" if r.get("pairs_exhausted") else "no answer"
                target("every run measured", f"{name} {mode}", False, why)
                rows.append(f"| {name} | {mode_label} | ✗ not measured: {why} |"
                            + " |" * (head_columns(backend) - 3))
                continue
            p99_mark = err_mark = rps_mark = ratio_mark = ""
            if mode == "fixed":
                limit = fixed_p99_target(name)
                p99_mark = " " + target(f"at the fixed rate, p99 < {limit:g} ms", f"{name} "
                                        f"({rate} req/s)", lat["p99"] < limit, lat["p99"])
                err_mark = " " + target("at the fixed rate, no errors", name,
                                        r["errors"] == 0, r["errors"])
                sustained = r["rps"] >= 0.95 * rate
                rps_mark = " " + target("the fixed rate sustained (95 %)", f"{name} ({rate})",
                                        sustained, r["rps"])
            if mode == "during":
                p99_mark = " " + target(f"the list's p99 < {TARGET_FIXED_P99_READ_MS:g} ms "
                                        "while something else hits the server", name,
                                        lat["p99"] < TARGET_FIXED_P99_READ_MS, lat["p99"])
                err_mark = " " + target("the list without errors while something else hits "
                                        "the server", name, r["errors"] == 0, r["errors"])
            if name == "stats" and mode != "during":
                p99_mark = " " + target(f"stats: p99 < {TARGET_STATS_P99_MS:g} ms", mode,
                                        lat["p99"] < TARGET_STATS_P99_MS, lat["p99"])
            closed_target = TARGET_CLOSED_RPS.get(backend, {}).get(name)
            if mode == "closed" and closed_target:
                rps_mark = " " + target(f"closed loop: ≥ {closed_target:g} req/s", name,
                                        r["rps"] >= closed_target, r["rps"])
            rss_mark = " " + target(f"peak RSS < {TARGET_RSS_MB:g} MB", f"{name} {mode}",
                                    r["peak_rss_mb"] < TARGET_RSS_MB, r["peak_rss_mb"])
            c = ceil.get(mode) if ceil and mode != "during" else None
            ceiling_tps = c.get("tps") if c and "error" not in c else None
            simple = ceil.get("simple") if ceil and mode == "closed" else None
            simple_tps = simple.get("tps") if simple and "error" not in simple else None
            ratio = (r["rps"] / ceiling_tps if ceiling_tps and mode == "closed"
                     and not ceil.get("cold_request") else None)
            if ratio is not None and kind == "read" and not ceil.get("cold_request"):
                ratio_mark = " " + target(f"reads ≥ {TARGET_CEILING_SHARE:.0%} of the "
                                          "database's prepared ceiling (closed loop)", name,
                                          ratio >= TARGET_CEILING_SHARE, ratio)
            entry["runs"][mode]["ceiling_ratio"] = ratio
            errors = f"{r['errors']}"
            if r.get("pairs_exhausted"):
                errors += " (pairs ran out)"
            pg_cpu = r.get("postgres_cpu_pct")
            rows.append(
                f"| {name} | {mode_label} | {r['rps']:.0f}{rps_mark} | {lat['p50']:.2f} | "
                f"{lat['p90']:.2f} | {lat['p99']:.2f}{p99_mark} | {lat['max']:.1f} | "
                f"{errors}{err_mark} | {r['peak_rss_mb']:.0f}{rss_mark} | "
                f"{r['server_cpu_pct']:.0f} % | "
                + (f"{pg_cpu:.0f} % | " if backend == "postgres" else "")
                + (f"{fmt(ceiling_tps, 0)} | {fmt(simple_tps, 0)} | {fmt(ratio, 2)}{ratio_mark} |"
                   if backend == "postgres" else "– | – | – |"))
        scenarios.append(entry)

    after = cfg["info"].get("after_setup")
    if after:
        target(f"peak RSS < {TARGET_RSS_MB:g} MB", f"after {cfg['info']['logins']['count']} logins",
               after["peak_rss_mb"] < TARGET_RSS_MB, after["peak_rss_mb"])

    cold = cfg["info"].get("cold_figures")
    if cold and cold.get("max_ms") is not None:
        target(f"figures computed cold < {TARGET_COLD_FIGURES_MS:g} ms (any commune, any period)",
               "slowest of " + str(sum(len(v) for v in cold["requests"].values())),
               cold["max_ms"] < TARGET_COLD_FIGURES_MS and not cold.get("failed"),
               cold["max_ms"])
    ready = []
    if os.path.exists(os.path.join(args.work, "ready.txt")):
        ready = [float(x) for x in open(os.path.join(args.work, "ready.txt")).read().split()]
    captured = read_json(os.path.join(args.work, "ceiling", "captured.json"), {})

    explain = ceiling.get("_explain", {})
    for s in explain.get("seq_scans_on_issues", []):
        target("no sequential scan on issues", f"{s['scenario']} statement {s['statement']}",
               False, "")
    if explain and not explain.get("seq_scans_on_issues"):
        target("no sequential scan on issues", "every read", True, "")

    machine = machine_info(backend, cfg["db_url"], args.binary)
    result = {
        "backend": backend,
        "generated_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine,
        "config": {k: cfg[k] for k in ("duration", "connections", "threads", "rate", "warmup")},
        "demo_data": load,
        "database": cfg["info"],
        "server": read_json(os.path.join(args.work, "server.json"), {}),
        "scenarios": scenarios,
        "explain": explain,
        "targets": targets,
        "ready_seconds": ready,
        "statements": {k: {"request": v["request"], "count": len(v["statements"]),
                           "pings": v.get("pings"), "cold_request": v.get("cold_request")}
                       for k, v in captured.items()},
    }
    out_json = args.out
    out_md = re.sub(r"\.json$", "", out_json) + ".md"
    write_json(out_json, result)

    info = cfg["info"]
    server = result["server"]
    md = [f"# Tawasol load bench: {backend}", ""]
    md.append(f"Generated {result['generated_at']} by `bench/run` "
              f"(commit {machine.get('commit')}{' with local changes' if machine.get('dirty') else ''}).")
    md.append("")
    md.append("**Machine.** " + "; ".join(x for x in [
        machine.get("cpu"), f"{machine.get('cores')} cores", f"{machine.get('memory_gb')} GB",
        f"Linux {machine.get('kernel')}",
        (f"PostgreSQL {machine['postgres']} ("
         + ", ".join(f"{k} {v}" for k, v in machine.get("postgres_settings", {}).items()) + ")")
        if machine.get("postgres") else "SQLite (bundled)",
        machine.get("wrk"), machine.get("tawasol")] if x))
    md.append("")
    d = load.get("arguments", {})
    md.append("**Data.** " + (
        f"`tawasol demo-data --issues {d.get('issues')} --residents {d.get('residents')} "
        f"--replies-per-issue {d.get('replies_per_issue')} --petitions {d.get('petitions')} "
        f"--signatures {d.get('signatures')} --seed {d.get('seed')}`"
        + (f" (loaded in {load['seconds']:.0f} s)" if load.get("seconds") else " (cached)")
        if d else "the database as it was (`--no-load`)")
        + f"; at the start: {info['issues']['count']} issues (ids {info['issues']['min_id']}.."
        f"{info['issues']['max_id']}, {info['issues']['public']} public), "
        f"{info['collecting_petitions']} collecting petitions. Deep page: "
        f"{info['deep']['pages_walked']} pages in. Search words: "
        + ", ".join(f"{w} ({n}+)" for w, n in info.get("search_words", {}).items()) + ".")
    md.append("")
    md.append(f"**Load.** wrk, {cfg['threads']} threads, {cfg['connections']} connections, "
              f"{cfg['duration']} s per run; closed loop (each connection sends its next request "
              f"when the answer arrives) and paced at a fixed rate in total: {cfg['rate']} req/s "
              f"for reads, {fixed_rate(cfg, 'search')} for searches, "
              f"{fixed_rate(cfg, 'open311')} for Open311, {fixed_rate(cfg, 'create')} for writes "
              f"(each connection on a monotonic schedule: a paced closed loop, see the caveats). "
              f"Server: "
              + ", ".join(f"{k}={v}" for k, v in server.get("env", {}).items()) + ".")
    md.append("")
    head = table_head(backend)
    md.append(head)
    md.append("|" + "|".join("---" for _ in range(head.count("|") - 1)) + "|")
    md += rows
    md.append("")
    md.append("CPU: 100 % is one core (this machine has "
              f"{machine.get('cores')}). Errors: socket errors and timeouts (10 s) plus answers "
              "other than 200 (reads) or 201 (writes). Ceiling: pgbench running the very "
              "statements the server sent for that request, with literal values, "
              f"{ceiling_clients(ceiling) or cfg['connections']} clients, prepared (`-M prepared`: "
              "each statement planned once per connection) and simple (planned on every call); "
              "ratio = API req/s ÷ prepared pgbench tps (closed loop).")
    md.append("")
    md.append("## Requests")
    md.append("")
    for s in scenarios:
        md.append(f"- **{s['name']}** ({s['kind']}): {s['what']}"
                  + (f" — e.g. `{s['request']}`" if s.get("request") else ""))
    md.append("")
    if backend == "postgres" and ceiling:
        md.append("## The database's ceiling")
        md.append("")
        md.append("| scenario | statements | prepared tps | p99 ms | PG CPU | simple tps | "
                  "p99 ms | fixed (prepared) tps | p99 ms |")
        md.append("|---|---|---|---|---|---|---|---|---|")
        for name, _, _ in SCENARIOS:
            c = ceiling.get(name)
            if not c:
                continue
            if "error" in c:
                md.append(f"| {name} | – | script failed: {c['error'][:80]} | | | | |")
                continue
            cl, fx, sm = c.get("closed", {}), c.get("fixed", {}), c.get("simple", {})
            mark_cold = " (cold†)" if c.get("cold_request") else ""
            md.append(f"| {name} | {c['statements']}{mark_cold} | {fmt(cl.get('tps'), 0)} | "
                      f"{fmt((cl.get('latency_ms') or {}).get('p99'), 2)} | "
                      f"{fmt(cl.get('postgres_cpu_pct'), 0)} % | {fmt(sm.get('tps'), 0)} | "
                      f"{fmt((sm.get('latency_ms') or {}).get('p99'), 2)} | "
                      f"{fmt(fx.get('tps'), 0)} | "
                      f"{fmt((fx.get('latency_ms') or {}).get('p99'), 2)} |")
        md.append("")
        if any(isinstance(c, dict) and c.get("cold_request") for c in ceiling.values()):
            md.append("† The server answered the second request from a cache of its own, without "
                      "SQL: the script replays the first, cold request, so its ratio is not a "
                      "target.")
            md.append("")
        scans = explain.get("seq_scans_on_issues", [])
        md.append(f"Plans: `{os.path.relpath(explain.get('file', ''), os.path.dirname(out_md))}`. "
                  "Sequential scans on issues: "
                  + (", ".join(f"{s['scenario']} statement {s['statement']} ✗" for s in scans)
                     if scans else "none ✓") + ".")
        md.append("")
    if captured:
        md.append("## Statements per request")
        md.append("")
        md.append("What the server sent PostgreSQL for one request (the second of two, after "
                  "the pool is warm), counted from the database's statement log: `BEGIN` and "
                  "`COMMIT` count, the pool's check-out ping (`SELECT 1`) is shown apart.")
        md.append("")
        md.append("| scenario | request | statements | of which pings |")
        md.append("|---|---|---|---|")
        for name, _, _ in SCENARIOS:
            v = captured.get(name)
            if v:
                md.append(f"| {name} | `{v['request'][:70]}` | {len(v['statements'])}"
                          f"{' (cold†)' if v.get('cold_request') else ''} | {v.get('pings', 0)} |")
        md.append("")
    if cold:
        md.append("## Figures computed cold")
        md.append("")
        md.append("One request at a time after start-up, each for a period nobody asked for yet "
                  "(so the server computes it): milliseconds per request.")
        md.append("")
        for where, ts in cold["requests"].items():
            md.append(f"- {where}: " + ", ".join(
                f"{t['ms']:.0f}" + ("" if t["status"] == 200 else f" ({t['status']})")
                for t in ts))
        md.append("")
    md.append("## Targets")
    md.append("")
    failed = [t for t in targets if not t["ok"]]
    md.append(f"{len(targets) - len(failed)} of {len(targets)} checks met.")
    md.append("")
    groups = collections.OrderedDict()
    for t in targets:
        groups.setdefault(t["target"], []).append(t)
    for what, checks in groups.items():
        ok = all(t["ok"] for t in checks)
        shown = ", ".join(" ".join(x for x in (t["run"], show_value(t["value"]), mark(t["ok"])) if x)
                          for t in checks if ok or not t["ok"])
        if not ok and any(t["ok"] for t in checks):
            shown += f" (met by {', '.join(t['run'] for t in checks if t['ok'])})"
        md.append(f"- {mark(ok)} {what}: {shown}")
    md.append("")
    notes = list(info.get("notes", []))
    after = info.get("after_setup")
    if after:
        notes.append(
            f"After set-up ({info['logins']['count']} logins in {info['logins']['seconds']} s) the "
            f"server's RSS was {after['rss_mb']:.0f} MB (peak {after['peak_rss_mb']:.0f} MB) "
            f"{mark(after['peak_rss_mb'] < TARGET_RSS_MB)}; it was restarted before the "
            "measures, so each run's peak RSS is its own.")
    if ready:
        notes.append(f"Time to ready (process start to `/health/ready` answering) on the loaded "
                     f"database: {ready[0]:.2f} s at the first start, "
                     f"{min(ready):.2f} to {max(ready):.2f} s over {len(ready)} starts.")
    for (name, mode), r in sorted(runs.items()):
        b = r.get("burst")
        if b:
            bl = b["latency_ms"]
            what = (f"{b['requests']} figure requests at once" if name == "stats_burst"
                    else f"{b['connections']} connections searching for {b['seconds']} s "
                         f"({b['rps']:.0f} req/s)")
            notes.append(f"{name}: {what}: answers {b['statuses']}, p50 {fmt(bl['p50'], 1)} ms, "
                         f"p99 {fmt(bl['p99'], 1)} ms, max {fmt(bl['max'], 1)} ms")
        if r.get("first_error"):
            notes.append(f"{name} {mode}: first unexpected answer: `{r['first_error'][:200]}`")
        if r.get("schedule", {}).get("late") and mode in ("fixed", "during"):
            s = r["schedule"]
            notes.append(f"{name} {mode}: {s['late']} requests left behind their slot "
                         f"(lag up to {s['lag_max_ms']:.0f} ms, {s['lag_mean_ms']:.1f} ms on "
                         f"average): the server did not keep up with the schedule")
    if notes:
        md.append("## Notes")
        md.append("")
        md += [f"- {n}" for n in notes]
        md.append("")
    md.append("## Caveats")
    md.append("")
    md += [
        "- The fixed rate is a paced closed loop: wrk measures latency from the moment a request "
        "is written, so when the server falls behind, the time a request waited for its "
        "connection is not counted (coordinated omission); the achieved req/s and the schedule "
        "lag in the notes show when that happened. Open-loop tools (wrk2, vegeta) would count it.",
        "- wrk, the server and the database share the same cores: the load generator takes CPU "
        "from the server, most in the closed loop.",
        "- Writes change the data: a cached database grows with each run (`--fresh` starts over).",
        "- The ceiling replays one request's statements with the same literal values, which the "
        "database soon serves from its caches; the API scenarios vary ids and cursors only where "
        "stated above.",
    ]
    with open(out_md, "w", encoding="utf-8") as f:
        f.write("\n".join(md) + "\n")
    log(f"results: {out_json} and {out_md}")
    print("\n".join([head, "|" + "|".join("---" for _ in range(head.count("|") - 1)) + "|"]
                    + rows))


# ----------------------------------------------------------------

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)

    sub.add_parser("free-port").set_defaults(func=cmd_free_port)

    s = sub.add_parser("setup")
    common_args(s)
    server_args(s)
    s.add_argument("--password", required=True)
    s.add_argument("--duration", type=int, required=True)
    s.add_argument("--connections", type=int, required=True)
    s.add_argument("--threads", type=int, required=True)
    s.add_argument("--rate", type=int, required=True)
    s.add_argument("--write-rate", type=int, default=500)
    s.add_argument("--open311-rate", type=int, default=100)
    s.add_argument("--search-rate", type=int, default=500)
    s.add_argument("--warmup", type=int, default=3)
    s.add_argument("--deep-pages", type=int, default=200)
    s.add_argument("--signers", type=int, default=0, help="residents to log in (0: enough)")
    s.add_argument("--sign-rate-guess", type=int, default=3000,
                   help="signatures/s the closed loop may reach, to size the pairs")
    s.set_defaults(func=cmd_setup)

    s = sub.add_parser("note-rss")
    s.add_argument("--work", required=True)
    s.add_argument("--pid", type=int, required=True)
    s.set_defaults(func=cmd_note_rss)

    s = sub.add_parser("refresh")
    s.add_argument("--work", required=True)
    s.add_argument("--url", required=True)
    s.set_defaults(func=cmd_refresh)

    s = sub.add_parser("pairs")
    s.add_argument("--work", required=True)
    s.add_argument("--limit", type=int, default=500_000)
    s.set_defaults(func=cmd_pairs)

    s = sub.add_parser("measure")
    s.add_argument("--work", required=True)
    server_args(s)
    s.add_argument("--scenario", choices=list(KIND), required=True)
    s.add_argument("--mode", choices=["closed", "fixed", "during"], required=True)
    s.set_defaults(func=cmd_measure)

    s = sub.add_parser("capture")
    s.add_argument("--work", required=True)
    server_args(s)
    s.add_argument("--log", help="PostgreSQL's log file (default: from pg_lsclusters)")
    s.add_argument("--scenarios", default=" ".join(KIND), help="the reads to capture, of these")
    s.set_defaults(func=cmd_capture)

    s = sub.add_parser("ceiling")
    s.add_argument("--work", required=True)
    s.add_argument("--results-dir", required=True)
    s.add_argument("--clients", type=int, default=0, help="pgbench -c (default: --connections)")
    s.add_argument("--duration", type=int, default=0, help="pgbench -T (default: --duration)")
    s.set_defaults(func=cmd_ceiling)

    s = sub.add_parser("report")
    s.add_argument("--work", required=True)
    s.add_argument("--out", required=True, help="the JSON file; the markdown goes beside it")
    s.add_argument("--binary", required=True)
    s.set_defaults(func=cmd_report)

    args = p.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
