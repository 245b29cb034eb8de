#!/usr/bin/env python3
"""Benchmark of zoho-provisioning against its own sandbox (docs/benchmark.md).

For each scenario: start the sandbox as its own process with injected latency L and a concurrency limit C
(429 above it), generate a file of N records (mostly valid, a few invalid) for each feed, run the real jar in
--once mode on it, and report records/s, the ratio to C/L, API calls per record by endpoint (from the sandbox's
counters), 429s, peak heap (GC log), peak RSS and CPU (/usr/bin/time -v) and wall time. A naive sequential client
(look role, profile and user up for each record, then call: what a hand-written script does) runs against the
same sandbox, on the first records of the same file, and its rate is printed beside the routes'.

    python3 bench/bench.py                      # the five scenarios of docs/benchmark.md
    python3 bench/bench.py --scenario ceiling   # one of: ceiling, overhead, million, bottleneck, adaptive
    python3 bench/bench.py --scenario adaptive  # default settings (auto) vs pinned at C, for C = 5, 10, 25
    python3 bench/bench.py --quick              # small N, to check the bench itself

The bottleneck scenario runs the sandbox on CPU 0 and the routes on CPU 1 (taskset): in the steady state, the
process whose CPU is busier is the bottleneck.

Needs: java 17, python3, /usr/bin/time, taskset (util-linux), and the jar (./mvnw -B -ntp -q package -DskipTests).
"""
import argparse
import csv
import datetime
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "target", "zoho-provisioning.jar")
SEED = os.path.join(ROOT, "config", "sandbox-seed.json")

# name, C, L (ms), records, feeds, routes heap, baseline records
SCENARIOS = {
    "ceiling": dict(c=10, l=100, n=5000, feeds=["bigin-users", "crm-user-groups", "mail-users"], xmx=None, base=200),
    "overhead": dict(c=4, l=0, n=50000, feeds=["bigin-users"], xmx=None, base=2000),
    "million": dict(c=10, l=0, n=1000000, feeds=["bigin-users"], xmx="256m", base=0, live=20),
    # the overhead scenario past the JIT's warm-up, with each process on a CPU of its own: which one is the bottleneck
    "bottleneck": dict(c=4, l=0, n=300000, feeds=["bigin-users"], xmx=None, base=0, pin=True),
    # zoho.max-concurrent = auto (the default) against orgs allowing C = 5, 10, 25, beside the same C pinned
    "adaptive": dict(c=None, cs=[5, 10, 25], l=100, n=5000, feeds=["bigin-users"], xmx=None, base=0),
}
QUICK = {"ceiling": 300, "overhead": 3000, "million": 20000, "bottleneck": 20000, "adaptive": 500}
CRM_GROUPS = 50


# ---------------------------------------------------------------------------------------------- data
def bigin_file(path, n):
    """n Bigin users, ~2 % invalid: bad e-mail, unknown role, missing last name, duplicate e-mail."""
    roles = ["Manager", "CEO", "Sales Representative"]
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["email", "first_name", "last_name", "role", "profile", "phone", "action"])
        for i in range(1, n + 1):
            email, last, role = f"user{i}@bench.example.com", f"Last{i}", roles[i % 3]
            if i % 200 == 50:
                email = f"user{i}-at-bench.example.com"
            elif i % 200 == 100:
                role = "Astronaut"
            elif i % 200 == 150:
                last = ""
            elif i % 200 == 199:
                email = f"user{i - 1}@bench.example.com"
            w.writerow([email, f"First{i}", last, role, "Standard", f"555-{i:07d}", "add"])


def crm_file(path, n):
    """n member additions spread over the generated groups, ~2 % invalid (unknown user, unknown group)."""
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["group", "member_type", "member", "action"])
        for i in range(1, n + 1):
            group, member = f"Bench Group {i % CRM_GROUPS}", f"crm.user{i}@bench.example.com"
            if i % 100 == 50:
                member = f"nobody{i}@bench.example.com"
            elif i % 200 == 99:
                group = "No Such Group"
            w.writerow([group, "users", member, "add"])


def mail_file(path, n):
    """n personal-info updates of existing accounts, ~2 % invalid (unknown account, bad gender)."""
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["email", "first_name", "last_name", "gender", "city"])
        for i in range(1, n + 1):
            email, gender = f"mail.user{i}@bench.example.com", ["female", "male", "not specified"][i % 3]
            if i % 100 == 50:
                email = f"nobody{i}@bench.example.com"
            elif i % 200 == 99:
                gender = "sometimes"
            w.writerow([email, f"First{i}", f"Last{i}", gender, "Bench City"])


GENERATORS = {"bigin-users": bigin_file, "crm-user-groups": crm_file, "mail-users": mail_file}


def seed_file(path, n, feeds):
    """The default seed plus, for the CRM and Mail feeds, the users, groups and accounts the files name."""
    with open(SEED) as f:
        seed = json.load(f)
    if "crm-user-groups" in feeds:
        for i in range(1, n + 1):
            seed["crm"]["users"].append({"id": str(3652397100000000000 + i), "full_name": f"Crm User{i}",
                                         "first_name": "Crm", "last_name": f"User{i}",
                                         "email": f"crm.user{i}@bench.example.com", "status": "active"})
        for g in range(CRM_GROUPS):
            seed["crm"]["user_groups"].append({"id": str(3652397200000000000 + g), "name": f"Bench Group {g}",
                                               "description": "bench", "sources": []})
    if "mail-users" in feeds:
        for i in range(1, n + 1):
            seed["mail"]["accounts"].append({"accountId": str(2560636100000000000 + i), "zuid": str(200000000 + i),
                                             "emailAddress": f"mail.user{i}@bench.example.com",
                                             "firstName": "Old", "lastName": "Name", "displayName": "Old Name",
                                             "gender": "NOT_SPECIFIED", "country": "US", "phoneNumber": "",
                                             "mobileNumber": "", "address": {}})
    with open(path, "w") as f:
        json.dump(seed, f)


# ---------------------------------------------------------------------------------------------- sandbox
class Sandbox:
    def __init__(self, jar, c, l, seed, heap, workdir, pin=None):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        self.port = s.getsockname()[1]
        s.close()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(os.path.join(workdir, "sandbox.log"), "w")
        self.proc = subprocess.Popen(
            pinned(pin) + ["java", f"-Xmx{heap}", f"-Dsandbox.latency-ms={l}", f"-Dsandbox.max-concurrent={c}",
             "-Dsandbox.licences=100000000", f"-Dsandbox.seed=file:{seed}", "-jar", jar, "sandbox",
             "--port", str(self.port)], stdout=self.log, stderr=subprocess.STDOUT, cwd=workdir)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                self.get("/__sandbox/faults")
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise SystemExit("the sandbox did not start: see " + self.log.name)
                time.sleep(0.2)
        raise SystemExit("the sandbox did not answer within 60 s")

    def get(self, path):
        with urllib.request.urlopen(self.url + path, timeout=30) as r:
            return json.loads(r.read() or b"null")

    def post(self, path, body=None):
        data = json.dumps(body or {}).encode()
        req = urllib.request.Request(self.url + path, data=data, method="POST",
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.loads(r.read() or b"null")

    def cpu_seconds(self):
        return cpu_seconds(self.proc.pid)

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


# ---------------------------------------------------------------------------------------------- the routes
def gc_heap(log):
    """(peak heap used before a GC, max heap live after a GC, live after the last GC) in MB, from -Xlog:gc."""
    unit = {"K": 1 / 1024, "M": 1, "G": 1024}
    before, after = [], []
    if os.path.exists(log):
        with open(log) as f:
            for line in f:
                m = re.search(r"Pause.*?(\d+)([KMG])->(\d+)([KMG])\((\d+)([KMG])\)", line)
                if m:
                    before.append(int(m.group(1)) * unit[m.group(2)])
                    after.append(int(m.group(3)) * unit[m.group(4)])
    if not before:
        return None, None, None
    return max(before), max(after), after[-1]


def time_v(path):
    out = {}
    with open(path) as f:
        for line in f:
            k, _, v = line.strip().rpartition(": ")
            out[k] = v
    return (int(out.get("Maximum resident set size (kbytes)", "0")) / 1024,
            float(out.get("User time (seconds)", "0")) + float(out.get("System time (seconds)", "0")))


def pinned(cpu):
    """The command prefix that keeps a process (and every thread of it, the JIT's and GC's too) on one CPU."""
    return [] if cpu is None else ["taskset", "-c", str(cpu)]


def run_routes(jar, sandbox, feed, n, c, xmx, workdir, extra, live_every=0, pin=None):
    work = os.path.join(workdir, "work-" + feed)
    shutil.rmtree(work, ignore_errors=True)
    inbox = os.path.join(work, "inbox", feed)
    os.makedirs(inbox)
    gen = os.path.join(workdir, f"{feed}-{n}.csv")
    if not os.path.exists(gen):
        GENERATORS[feed](gen, n)
    shutil.copy(gen, os.path.join(inbox, f"{feed}.csv"))
    sandbox.post("/__sandbox/reset")
    gclog = os.path.join(workdir, f"gc-{feed}.log")
    timev = os.path.join(workdir, f"time-{feed}.txt")
    cmd = ["/usr/bin/time", "-v", "-o", timev] + pinned(pin) + ["java"] + ([f"-Xmx{xmx}"] if xmx else []) + [
        f"-Xlog:gc:file={gclog}", f"-Dwork.dir={work}", f"-Dzoho.api-url={sandbox.url}",
        *([f"-Dzoho.max-concurrent={c}"] if c else []), f"-Dprovisioning.feeds={feed}", "-Dprovisioning.progress-seconds=30",
        "-Dmail.account-lookup=list"] + extra + ["-jar", jar, "--once"]
    cpu0 = sandbox.cpu_seconds()
    t0 = time.time()
    # (time, routes CPU s, sandbox CPU s, routes JIT-compiler CPU s, sandbox JIT-compiler CPU s, result bytes written
    # so far): CPU while the file is processed, and how far the file is
    samples = []
    live = []  # (elapsed s, records written, live heap MB, top classes), from a full-GC class histogram
    with open(os.path.join(workdir, f"routes-{feed}.log"), "w") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=workdir)
        java = None
        next_live = time.time() + live_every if live_every else None
        while proc.poll() is None:
            java = java or child_pid(proc.pid)
            if java:
                try:
                    routes_cpu, routes_jit = cpu_split(java)
                    sandbox_cpu, sandbox_jit = cpu_split(sandbox.proc.pid)
                    samples.append((time.time(), routes_cpu, sandbox_cpu, routes_jit, sandbox_jit,
                                    bytes_in(os.path.join(work, ".tmp"))))
                except OSError:
                    pass
                if next_live and time.time() > next_live:
                    h = live_heap(java)
                    if h:
                        live.append((time.time() - t0, lines_in(os.path.join(work, ".tmp")), *h))
                    next_live = time.time() + live_every
            time.sleep(0.2)
        rc = proc.returncode
    wall = time.time() - t0
    sandbox_cpu = sandbox.cpu_seconds() - cpu0
    reports = os.path.join(work, "reports", feed)
    summaries = [f for f in os.listdir(reports)] if os.path.isdir(reports) else []
    if not summaries:
        raise SystemExit(f"{feed}: no summary (exit code {rc}); see {workdir}/routes-{feed}.log")
    with open(os.path.join(reports, summaries[0])) as f:
        summary = json.load(f)
    requests = sandbox.get("/__sandbox/requests")
    rss, cpu = time_v(timev)
    peak, live_max, live_last = gc_heap(gclog)
    start, end = instant(summary["started"]), instant(summary["ended"])
    file_cpu = (at(samples, end, 1) - at(samples, start, 1)) if samples else None
    file_sandbox_cpu = (at(samples, end, 2) - at(samples, start, 2)) if samples else None
    file_jit = (at(samples, end, 3) - at(samples, start, 3)) if samples else None
    file_sandbox_jit = (at(samples, end, 4) - at(samples, start, 4)) if samples else None
    with open(os.path.join(workdir, f"samples-{feed}.json"), "w") as f:
        # kept with --keep: (time, routes CPU s, sandbox CPU s, routes JIT s, sandbox JIT s, result bytes)
        json.dump(samples, f)
    steady = steady_state(samples, bytes_in(os.path.join(work, "success", feed)) + bytes_in(
        os.path.join(work, "error", feed)))
    return dict(exit=rc, wall=wall, summary=summary, requests=requests, rss=rss, cpu=cpu, heap_peak=peak,
                heap_live_max=live_max, heap_live_last=live_last, sandbox_cpu=sandbox_cpu, file_cpu=file_cpu,
                file_sandbox_cpu=file_sandbox_cpu, file_jit=file_jit, file_sandbox_jit=file_sandbox_jit, steady=steady, live=live)


def live_heap(pid):
    """Live heap in MB and the three biggest classes, from jcmd GC.class_histogram (runs a full GC)."""
    try:
        out = subprocess.run(["jcmd", str(pid), "GC.class_histogram"], capture_output=True, text=True,
                             timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    total = re.search(r"^Total\s+\d+\s+(\d+)", out, re.M)
    rows = re.findall(r"^\s*\d+:\s+\d+\s+(\d+)\s+(\S+)", out, re.M)
    if not total:
        return None
    return int(total.group(1)) / 2 ** 20, ", ".join(f"{c} {int(b) / 2 ** 20:.0f} MB" for b, c in rows[:3])


def lines_in(folder):
    """Result lines written so far (the result files are in the run's temp folder until the file is done)."""
    n = 0
    for path in result_files(folder):
        try:
            with open(path, "rb") as fh:
                n += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
        except OSError:
            pass
    return n


def child_pid(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            kids = f.read().split()
        return int(kids[0]) if kids else None
    except OSError:
        return None


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_split(pid):
    """(CPU s of the whole process, CPU s of its JIT compiler threads), from /proc/PID/task/*/stat."""
    total = jit = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                head, rest = f.read().rsplit(")", 1)
        except OSError:
            continue
        fields = rest.split()
        ticks = int(fields[11]) + int(fields[12])
        total += ticks
        if "CompilerThre" in head:
            jit += ticks
    # threads that ended are counted in the process's own line, not in any task
    total = max(total, cpu_seconds(pid) * os.sysconf("SC_CLK_TCK"))
    return total / os.sysconf("SC_CLK_TCK"), jit / os.sysconf("SC_CLK_TCK")


def instant(iso):
    """Java's Instant.toString() (UTC, up to 9 fraction digits) as epoch seconds."""
    m = re.match(r"(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z", iso)
    t = datetime.datetime.fromisoformat(m.group(1)).replace(tzinfo=datetime.timezone.utc).timestamp()
    return t + (float("0." + m.group(2)) if m.group(2) else 0.0)


def result_files(folder):
    """The result files below a folder (not the hidden ones, such as the duplicate-key index)."""
    for dirpath, _, files in os.walk(folder):
        for f in files:
            if not f.startswith("."):
                yield os.path.join(dirpath, f)


def bytes_in(folder):
    """Bytes in the result files of a folder tree (written so far: a cheap stand-in for records done)."""
    n = 0
    for path in result_files(folder):
        try:
            n += os.path.getsize(path)
        except OSError:
            pass
    return n


STEADY = (0.5, 0.95)  # the share of the file over which the steady state is measured


def steady_state(samples, total_bytes):
    """CPU s of (routes, sandbox, routes JIT, sandbox JIT) while the file went from 50 % to 95 % of its results,
    when the JIT has compiled what is hot: the cost of one more record, start-up and warm-up left out; and the
    window's wall seconds."""
    if not samples or not total_bytes:
        return None
    times = []
    for share in STEADY:
        hit = next((k for k, s in enumerate(samples) if s[5] >= share * total_bytes), None)
        if hit is None or hit == 0:
            return None
        a, b = samples[hit - 1], samples[hit]
        f = (share * total_bytes - a[5]) / max(b[5] - a[5], 1)
        times.append(a[0] + f * (b[0] - a[0]))
    if times[1] - times[0] < 2:
        return None  # too short to measure
    return tuple(at(samples, times[1], i) - at(samples, times[0], i) for i in (1, 2, 3, 4)) + (times[1] - times[0],)


def at(samples, t, i):
    """Column i of the samples, interpolated at time t."""
    prev = samples[0]
    for s in samples:
        if s[0] >= t:
            if s[0] == prev[0]:
                return s[i]
            return prev[i] + (s[i] - prev[i]) * (t - prev[0]) / (s[0] - prev[0])
        prev = s
    return samples[-1][i]


# ---------------------------------------------------------------------------------------------- naive baseline
class Naive:
    """A hand-written script: for each record, GET roles, GET profiles, GET users, then POST or PUT; one at a time."""

    def __init__(self, url):
        self.url = url
        body = urllib.parse.urlencode({"refresh_token": "sandbox-refresh-token", "client_id": "sandbox-client",
                                       "client_secret": "sandbox-secret", "grant_type": "refresh_token"}).encode()
        with urllib.request.urlopen(urllib.request.Request(url + "/oauth/v2/token", data=body), timeout=30) as r:
            self.token = json.loads(r.read())["access_token"]

    def call(self, method, path, body=None):
        for attempt in range(8):
            req = urllib.request.Request(self.url + path, method=method,
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"Authorization": "Zoho-oauthtoken " + self.token,
                                                  "Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(req, timeout=60) as r:
                    return r.status, json.loads(r.read() or b"null")
            except urllib.error.HTTPError as e:
                if e.code == 429:
                    time.sleep(0.5 * 2 ** attempt)
                    continue
                return e.code, json.loads(e.read() or b"null")
        return 429, None

    def bigin(self, row):
        _, roles = self.call("GET", "/bigin/v1/settings/roles")
        _, profiles = self.call("GET", "/bigin/v1/settings/profiles")
        _, users = self.call("GET", "/bigin/v1/users?type=AllUsers&page=1&per_page=200")
        role = next((r["id"] for r in roles["roles"] if row["role"] in (r["name"], r.get("display_label"))), None)
        profile = next((p["id"] for p in profiles["profiles"] if row["profile"] == p["name"]), None)
        if role is None or profile is None or not row["last_name"] or "@" not in row["email"]:
            return False
        user = {"email": row["email"], "first_name": row["first_name"], "last_name": row["last_name"],
                "role": role, "profile": profile, "phone": row["phone"]}
        existing = next((u for u in (users or {}).get("users", []) if u["email"].lower() == row["email"].lower()), None)
        if existing:
            status, _ = self.call("PUT", "/bigin/v1/users/" + existing["id"], {"users": [user]})
        else:
            status, _ = self.call("POST", "/bigin/v1/users", {"users": [user]})
        return status < 300


def run_naive(sandbox, workdir, n, records):
    sandbox.post("/__sandbox/reset")
    client = Naive(sandbox.url)
    t0 = time.time()
    done = 0
    with open(os.path.join(workdir, f"bigin-users-{n}.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if done >= records:
                break
            client.bigin(row)
            done += 1
    secs = time.time() - t0
    req = sandbox.get("/__sandbox/requests")
    calls = sum(v for k, v in req["counts"].items() if not k.startswith(("POST /oauth", "POST /__sandbox", "GET /__sandbox")))
    return dict(records=done, secs=secs, rate=done / secs, calls_per_record=calls / max(done, 1))


# ---------------------------------------------------------------------------------------------- report
def report(name, sc, n, feed, r, naive, pin=False):
    s = r["summary"]
    ms = max(s["duration_ms"], 1)
    records = s["succeeded"] + s["failed"]
    rate = records * 1000.0 / ms
    counts = {k: v for k, v in r["requests"]["counts"].items() if not k.startswith(("POST /oauth", "POST /__sandbox", "GET /__sandbox"))}
    calls = sum(counts.values())
    ceiling = sc["c"] * 1000.0 / sc["l"] if sc["l"] else None
    unretried_429 = s["by_error_code"].get("TOO_MANY_REQUESTS", 0)
    print(f"\n== {name}: {feed}, C={sc['c']}, L={sc['l']} ms, {n:,} records"
          + (f", routes -Xmx{sc['xmx']}" if sc["xmx"] else "")
          + (", sandbox on CPU 0, routes on CPU 1" if pin else ""))
    print(f"  outcome           {s['succeeded']:,} succeeded, {s['failed']:,} failed "
          f"{dict(s['by_error_code'])}, exit code {r['exit']}")
    print(f"  records/s         {rate:,.1f} (file: {ms / 1000:.1f} s; whole --once run incl. JVM start: "
          f"{r['wall']:.1f} s = {records / r['wall']:,.1f} records/s)")
    if ceiling:
        print(f"  ratio to C/L      {rate / ceiling:.1%} of {ceiling:,.0f} records/s "
              f"(Zoho calls/s: {calls * 1000.0 / ms / ceiling:.1%} of C/L)")
    print(f"  API calls/record  {calls / records:.4f} ({calls:,} calls; "
          f"{calls / max(s['succeeded'], 1):.4f} per succeeded record)")
    for k, v in sorted(counts.items()):
        print(f"      {k:<48} {v:>9,}  {v / records:.4f}/record")
    print(f"  429s              {r['requests']['rejected_429']} answered by the sandbox, all retried: "
          f"{'yes' if unretried_429 == 0 else 'NO, %d records failed with 429' % unretried_429}; "
          f"peak in flight {r['requests']['peak_in_flight']}")
    heap = ("n/a" if r["heap_peak"] is None else
            f"peak used {r['heap_peak']:.0f} MB, max live after GC {r['heap_live_max']:.0f} MB, "
            f"after the last GC {r['heap_live_last']:.0f} MB")
    print(f"  heap              {heap}")
    for t, done, mb, top in r["live"]:
        print(f"  live heap         {mb:6.1f} MB at {t:5.0f} s, ~{done:,} records written ({top})")
    print(f"  RSS               {r['rss']:.0f} MB peak")
    print(f"  CPU               whole run: routes {r['cpu']:.1f} s, sandbox {r['sandbox_cpu']:.1f} s")
    if r["file_cpu"] is not None:
        print(f"  CPU per record    while the file ran: routes {r['file_cpu'] * 1e6 / records:.0f} µs, "
              f"sandbox {r['file_sandbox_cpu'] * 1e6 / records:.0f} µs ({os.cpu_count()} CPUs: "
              f"{(r['file_cpu'] + r['file_sandbox_cpu']) * 1000.0 / ms / os.cpu_count():.0%} busy)")
        # the JIT compiler's threads: a one-off warm-up cost of each JVM, spread over the file's records
        work, sandbox_work = r["file_cpu"] - r["file_jit"], r["file_sandbox_cpu"] - r["file_sandbox_jit"]
        print(f"    of which JIT    compiling (one-off warm-up): routes {r['file_jit'] * 1e6 / records:.0f} µs "
              f"({r['file_jit']:.1f} s), sandbox {r['file_sandbox_jit'] * 1e6 / records:.0f} µs "
              f"({r['file_sandbox_jit']:.1f} s)")
        print(f"    without JIT     routes {work * 1e6 / records:.0f} µs, sandbox {sandbox_work * 1e6 / records:.0f} µs "
              f"per record: routes/sandbox = {work / max(sandbox_work, 1e-9):.2f}")
    if r["steady"]:
        rc, sc_, rj, sj, secs = r["steady"]
        k = (STEADY[1] - STEADY[0]) * records
        print(f"  steady state      records {STEADY[0]:.0%} to {STEADY[1]:.0%} of the file: CPU per record routes "
              f"{rc * 1e6 / k:.0f} µs (JIT {rj * 1e6 / k:.0f}), sandbox {sc_ * 1e6 / k:.0f} µs (JIT {sj * 1e6 / k:.0f}): "
              f"routes/sandbox = {rc / max(sc_, 1e-9):.2f}")
        # with --pin each process has one CPU of its own: the one near 100 % is the bottleneck
        print(f"    CPU busy        routes {rc / secs:.0%}, sandbox {sc_ / secs:.0%} of one CPU, "
              f"{k / secs:,.0f} records/s" + (" (each on a CPU of its own)" if pin else ""))
    if naive:
        print(f"  naive baseline    {naive['rate']:,.1f} records/s over the first {naive['records']:,} records, "
              f"{naive['calls_per_record']:.2f} calls/record; routes are {rate / naive['rate']:,.1f}x faster, "
              f"{naive['calls_per_record'] / (calls / records):.1f}x fewer calls")
    return dict(scenario=name, feed=feed, c=sc["c"], l=sc["l"], n=n, records_per_s=rate,
                ratio=(rate / ceiling if ceiling else None), calls_per_record=calls / records, counts=counts,
                rejected_429=r["requests"]["rejected_429"], unretried_429=unretried_429,
                heap_peak_mb=r["heap_peak"], heap_live_max_mb=r["heap_live_max"], rss_mb=r["rss"],
                cpu_s=r["cpu"], sandbox_cpu_s=r["sandbox_cpu"], file_cpu_s=r["file_cpu"],
                file_sandbox_cpu_s=r["file_sandbox_cpu"], file_jit_s=r["file_jit"],
                file_sandbox_jit_s=r["file_sandbox_jit"], steady_cpu_s=r["steady"], wall_s=r["wall"],
                file_s=ms / 1000,
                naive=naive, exit=r["exit"], summary=s)


def adaptive_line(label, c, l, r):
    """One line of the adaptive scenario: % of C/L, records failed with TOO_MANY_REQUESTS, % of calls answered 429."""
    s = r["summary"]
    ms = max(s["duration_ms"], 1)
    records = s["succeeded"] + s["failed"]
    rate = records * 1000.0 / ms
    counts = {k: v for k, v in r["requests"]["counts"].items()
              if not k.startswith(("POST /oauth", "POST /__sandbox", "GET /__sandbox", "DELETE /__sandbox"))}
    calls = max(sum(counts.values()), 1)
    rejected = r["requests"]["rejected_429"]
    failed_429 = s["by_error_code"].get("TOO_MANY_REQUESTS", 0)
    limit = s.get("concurrency", {}).get("bigin", {}).get("limit")
    ratio = rate / (c * 1000.0 / l)
    print(f"  {label:<10} {ratio:6.1%} of C/L ({rate:,.1f} records/s), limit at the end {limit}, "
          f"{failed_429} TOO_MANY_REQUESTS failures, 429s {rejected / calls:.2%} of {calls:,} calls, "
          f"{s['failed']:,} failed in all, exit {r['exit']}")
    return dict(mode=label, c=c, l=l, records_per_s=rate, ratio=ratio, limit=limit, too_many_requests_failures=failed_429,
                rejected_429=rejected, calls=calls, share_429=rejected / calls, summary=s)


def run_adaptive(args, sc, n, base, results):
    """Per C: the sandbox limited to C, then the routes with default settings (auto), then pinned at C (ceiling)."""
    for c in sc["cs"]:
        workdir = os.path.join(base, f"adaptive-c{c}")
        os.makedirs(workdir)
        seed = os.path.join(workdir, "seed.json")
        seed_file(seed, n, sc["feeds"])
        sandbox = Sandbox(args.jar, c, sc["l"], seed, args.sandbox_heap, workdir)
        try:
            print(f"\n== adaptive: bigin-users, C={c}, L={sc['l']} ms, {n:,} records "
                  f"(target: auto >= 90 % of C/L, 0 failures, <= 2 % of calls answered 429)")
            for label, pin in (("auto", None), (f"pinned {c}", c)):
                sandbox.post("/__sandbox/reset")
                r = run_routes(args.jar, sandbox, "bigin-users", n, pin, None, workdir, list(args.java_opt))
                results.append(dict(scenario="adaptive", **adaptive_line(label, c, sc["l"], r)))
        finally:
            sandbox.stop()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scenario", action="append", choices=list(SCENARIOS), help="default: all")
    ap.add_argument("--feed", action="append", help="only these feeds")
    ap.add_argument("--records", type=int, help="override N")
    ap.add_argument("--quick", action="store_true", help="small N to check the bench")
    ap.add_argument("--jar", default=JAR)
    ap.add_argument("--sandbox-heap", default="4g")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--live-every", type=float, help="seconds between live-heap histograms (full GC); "
                    "default 20 for the million scenario, off for the others")
    ap.add_argument("--jfr", action="store_true", help="record a JFR profile of the routes")
    ap.add_argument("--pin", action="store_true",
                    help="one CPU each: the sandbox on CPU 0, the routes on CPU 1 (taskset), to see which one is the "
                         "bottleneck (the one whose CPU is busy near 100 %%)")
    ap.add_argument("--java-opt", action="append", default=[], metavar="OPT",
                    help="extra JVM option for the routes, e.g. -Dzoho.max-concurrent=8 (repeatable)")
    args = ap.parse_args()
    if not os.path.exists(args.jar):
        raise SystemExit(f"{args.jar} not found: ./mvnw -B -ntp -q package -DskipTests")
    results = []
    failed = True
    base = tempfile.mkdtemp(prefix="zp-bench-")
    print(f"work folder {base}; {os.cpu_count()} CPUs; figures are noisy on a shared machine")
    try:
        for name in args.scenario or list(SCENARIOS):
            sc = SCENARIOS[name]
            n = args.records or (QUICK[name] if args.quick else sc["n"])
            if name == "adaptive":
                run_adaptive(args, sc, n, base, results)
                continue
            feeds = [f for f in sc["feeds"] if not args.feed or f in args.feed]
            workdir = os.path.join(base, name)
            os.makedirs(workdir)
            seed = os.path.join(workdir, "seed.json")
            seed_file(seed, n, feeds)
            extra = [f"-XX:StartFlightRecording=filename={workdir}/routes.jfr,settings=profile"] if args.jfr else []
            extra += args.java_opt
            pin = args.pin or sc.get("pin", False)
            sandbox = Sandbox(args.jar, sc["c"], sc["l"], seed, args.sandbox_heap, workdir, 0 if pin else None)
            try:
                for feed in feeds:
                    r = run_routes(args.jar, sandbox, feed, n, sc["c"], sc["xmx"], workdir, extra,
                                   args.live_every if args.live_every is not None else sc.get("live", 0),
                                   1 if pin else None)
                    naive = None
                    if feed == "bigin-users" and sc["base"]:
                        naive = run_naive(sandbox, workdir, n, min(sc["base"], n))
                    results.append(report(name, sc, n, feed, r, naive, pin))
            finally:
                sandbox.stop()
        failed = False
    finally:
        if args.json:
            with open(args.json, "w") as f:
                json.dump(results, f, indent=1)
        if args.keep or failed:
            print(f"\nkept {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
