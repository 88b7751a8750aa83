"""Scale benchmarks: ingest throughput and peak memory, search and case page latency.

Every figure is printed next to a baseline measured in the same run:
- ingest documents/s and peak RSS (the whole process tree, pool workers included)
  against a raw insert of the same files without extraction or facts, extraction
  alone through the same pool, and everything the pool's workers do during ingest
  (extraction plus the part of storing they take off the main process);
- search p50/p95 through the HTTP API (gunicorn via `unionwatch serve`), and case
  page p95, with a threaded keep-alive load client, against a static file served
  by the same server through the same client.

The latency store is filled by `fill()` — documents from `generate.py`, plus
synthetic events, evidence, persons and cases written in bulk up to the target
sizes (e.g. 100,000 documents and 1,000,000 events) — then indexed by the real
`search.index.reindex`. Extraction at that size would take hours on this machine;
the ingest figures measure the real extraction path at the sizes given.

    python bench/bench_scale.py                       # ingest at 1k, latency at 10k docs
    BENCH_FULL=1 python bench/bench_scale.py          # ingest at 10k and 100k, latency at 100k
    python bench/bench_scale.py --sizes 10000 --latency-docs 100000 --events 1000000
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from generate import Generator, generate  # noqa: E402

PYTHON = sys.executable


# --- helpers ---------------------------------------------------------------------------------


def env_for(data_dir: Path) -> dict[str, str]:
    env = {**os.environ, "UNIONWATCH_DATA_DIR": str(data_dir)}
    for name in ("UNIONWATCH_DATABASE_URL", "UNIONWATCH_BROKER_URL"):
        if not os.environ.get("BENCH_KEEP_" + name.removeprefix("UNIONWATCH_")):
            env.pop(name, None)
    return env


def unionwatch(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "unionwatch", *args], env=env_for(data_dir),
                          capture_output=True, text=True, check=True)


def run_measured(cmd: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS in bytes of the whole process tree, and stdout. The CPU
    seconds of the command's own process (not its children) are left in `LAST_CPU`."""
    global LAST_CPU
    import tempfile

    # Output goes to files, not pipes: a pipe is read only at the end, and a run that
    # reports many failed files would block once the pipe is full.
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = psutil.Popen(cmd, env=env, stdout=out, stderr=err, text=True)
        peak, LAST_CPU = 0, 0.0
        while process.poll() is None:
            peak = max(peak, _tree_rss(process))
            LAST_CPU = _own_cpu(process, LAST_CPU)
            time.sleep(0.1)
        elapsed = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed: {stderr.strip()[-500:]}")
    if process.returncode == 1:
        print(f"{' '.join(cmd[-3:])}: some files failed: {stderr.strip()[:300]}", file=sys.stderr)
    return elapsed, peak, stdout


LAST_CPU = 0.0


def _own_cpu(process: psutil.Process, last: float) -> float:
    """User and system seconds of this process alone, as last seen (read while it
    runs: a process that has exited cannot be asked)."""
    try:
        times = process.cpu_times()
    except psutil.Error:
        return last
    return times.user + times.system


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    try:
        for proc in [process, *process.children(recursive=True)]:
            total += proc.memory_info().rss
    except psutil.Error:
        pass
    return total


def corpus(work: Path, count: int) -> Path:
    folder = work / f"docs-{count}"
    marker = folder / ".complete"
    if not marker.exists():
        generate(folder, count, seed=7)
        marker.write_text(str(count))
    return folder


def fresh_store(path: Path) -> Path:
    if path.exists():
        subprocess.run(["rm", "-rf", str(path)], check=True)
    unionwatch(path, "init", "--quiet")
    return path


# --- ingest ----------------------------------------------------------------------------------


def bench_ingest(work: Path, count: int) -> dict:
    docs = corpus(work, count)
    raw_store = fresh_store(work / f"raw-{count}")
    raw_s, raw_rss, _ = run_measured([PYTHON, __file__, "--raw-insert", str(docs)], env_for(raw_store))
    extract_s, _, _ = run_measured([PYTHON, __file__, "--extract-only", str(docs)], env_for(raw_store))
    prepare_s, _, _ = run_measured([PYTHON, __file__, "--extract-only", str(docs), "--with-aids"],
                                   env_for(fresh_store(work / f"prepare-{count}")))
    store = fresh_store(work / f"ingest-{count}")
    cmd = [PYTHON, "-m", "unionwatch", "ingest", str(docs), "--quiet"]
    ingest_s, ingest_rss, out = run_measured(cmd, env_for(store))
    main_cpu = LAST_CPU
    resume_s, _, resume_out = run_measured(cmd, env_for(store))
    return {
        "documents": count,
        "ingest_docs_per_s": round(count / ingest_s, 1), "ingest_seconds": round(ingest_s, 1),
        "ingest_peak_rss_mb": round(ingest_rss / 2**20), "summary": out.strip().splitlines()[-1:],
        # The storing process (the pool's workers not counted): the bottleneck of ingest.
        "ingest_main_cpu_ms_per_doc": round(1000 * main_cpu / count, 2),
        "load_average": os.getloadavg()[0],
        "baseline_raw_insert_docs_per_s": round(count / raw_s, 1),
        "baseline_raw_insert_peak_rss_mb": round(raw_rss / 2**20),
        "baseline_extract_only_docs_per_s": round(count / extract_s, 1),
        "baseline_worker_side_docs_per_s": round(count / prepare_s, 1),
        "rerun_skip_seconds": round(resume_s, 1), "rerun_summary": resume_out.strip().splitlines()[-1:],
    }


def extract_only(folder: Path, with_aids: bool = False) -> None:
    """Baseline: reading and extraction alone, through the same process pool as ingest
    (default workers), results thrown away: the ceiling ingest could reach if storing
    cost nothing. `with_aids`: also the part of storing the workers do (quotes sealed,
    file encrypted and written...): the ceiling with the main process's work free."""
    from unionwatch.cli import setup_django

    setup_django()
    from unionwatch.documents import ingest
    from unionwatch.documents.ingest import _Extractor, chunked, sha256_of, stream_files

    if not with_aids and hasattr(ingest, "_store_aids"):
        ingest._store_aids = lambda *_args: None  # forked workers inherit this

    with _Extractor(None) as extractor:
        for chunk in chunked(stream_files([folder], lambda _outcome: None), 200):
            for _prepared in extractor.map([(str(p), sha256_of(p)) for p in chunk]):
                pass


def raw_insert(folder: Path, batch: int = 500) -> None:
    """Baseline: the same files stored as bare documents (no reading pipeline, no facts)."""
    import hashlib

    from unionwatch.cli import setup_django

    setup_django()
    from django.db import transaction

    from unionwatch.documents.models import Document

    rows: list[Document] = []
    for path in sorted(folder.rglob("*.md")):
        raw = path.read_bytes()
        rows.append(Document(original_name=path.name, sha256=hashlib.sha256(raw).hexdigest(),
                             text=raw.decode("utf-8"), title=path.stem, confidentiality="internal"))
        if len(rows) >= batch:
            with transaction.atomic():
                Document.objects.bulk_create(rows)
            rows = []
    with transaction.atomic():
        Document.objects.bulk_create(rows)


# --- a store of the target size for latency --------------------------------------------------


def fill(documents: int, events: int, seed: int = 11) -> dict:
    """Bulk-write a store of `documents` documents and about `events` events, then index it."""
    from unionwatch.cli import setup_django

    setup_django()
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from unionwatch.cases.models import Case
    from unionwatch.documents.models import Document
    from unionwatch.facts.models import Event, Evidence, Organization, Person
    from unionwatch.search.index import reindex

    rng = random.Random(seed)
    generator = Generator(seed=seed, cases=max(50, documents // 20))
    cases = generator.cases
    started = time.perf_counter()
    with transaction.atomic():
        persons = Person.objects.bulk_create(
            [Person(name=v, country=c.country, roles=[f"Chairperson of {c.union_short}"])
             for c in cases for v in c.victims], batch_size=2000)
        orgs = Organization.objects.bulk_create(
            [Organization(name=c.union, aliases=[c.union_short], country=c.country, kind="union")
             for c in cases], batch_size=2000)
        victims_of, offset = [], 0
        for case in cases:
            victims_of.append(persons[offset: offset + len(case.victims)])
            offset += len(case.victims)
        case_rows = Case.objects.bulk_create(
            [Case(title=f"{c.country}: {c.victims[0]}", country=c.country) for c in cases], batch_size=2000)
        _link_cases(case_rows, victims_of, orgs)
    doc_case = _fill_documents(generator, documents, rng)
    docs_of_case: dict[int, list[int]] = {}
    for doc_id, case_index in doc_case:
        docs_of_case.setdefault(case_index, []).append(doc_id)
    ct_event = ContentType.objects.get_for_model(Event)
    ct_person = ContentType.objects.get_for_model(Person)
    types = [t for t in ("arrest", "detention", "dismissal", "raid", "interrogation", "threat",
                         "assault", "charges", "sentencing", "deregistration")]
    made = 0
    while made < events:
        with transaction.atomic():
            chunk = min(20000, events - made)
            picks = [rng.choice(list(docs_of_case)) for _ in range(chunk)]
            rows = []
            for case_index in picks:
                day = cases[case_index].start.toordinal() + rng.randint(0, 2000)
                date = time.strftime("%Y-%m-%d", time.gmtime((day - 719163) * 86400))
                event = Event(type=rng.choice(types), confidence=0.8)
                event.set_date(date, "day")
                rows.append(event)
            rows = Event.objects.bulk_create(rows, batch_size=2000)
            through = Event.victim_persons.through
            through.objects.bulk_create(
                [through(event_id=e.pk, person_id=rng.choice(victims_of[c]).pk) for e, c in zip(rows, picks, strict=True)],
                batch_size=5000)
            case_through = Case.events.through
            case_through.objects.bulk_create(
                [case_through(case_id=case_rows[c].pk, event_id=e.pk) for e, c in zip(rows, picks, strict=True)],
                batch_size=5000)
            Evidence.objects.bulk_create(
                [Evidence(content_type=ct_event, object_id=e.pk, document_id=rng.choice(docs_of_case[c]),
                          role="statement", start=0, end=40, sentence="(synthetic event for the benchmark)",
                          confidence=0.8) for e, c in zip(rows, picks, strict=True)], batch_size=2000)
            made += chunk
    with transaction.atomic():
        mentions = [Evidence(content_type=ct_person, object_id=rng.choice(victims_of[c]).pk, document_id=d,
                             role="mention", start=0, end=10) for d, c in doc_case]
        Evidence.objects.bulk_create(mentions, batch_size=2000)
    filled = time.perf_counter() - started
    index_started = time.perf_counter()
    reindex()
    return {"fill_seconds": round(filled), "reindex_seconds": round(time.perf_counter() - index_started),
            "documents": Document.objects.count(), "events": Event.objects.count(),
            "cases": Case.objects.count(), "persons": Person.objects.count()}


def _link_cases(case_rows, victims_of, orgs) -> None:
    from unionwatch.cases.models import Case

    through = Case.victims.through
    through.objects.bulk_create([through(case_id=case.pk, person_id=p.pk)
                                 for case, victims in zip(case_rows, victims_of, strict=True) for p in victims],
                                batch_size=5000)
    org_through = Case.organizations.through
    org_through.objects.bulk_create([org_through(case_id=case.pk, organization_id=org.pk)
                                     for case, org in zip(case_rows, orgs, strict=True)], batch_size=5000)


def _fill_documents(generator: Generator, documents: int, rng: random.Random) -> list[tuple[int, int]]:
    import datetime as dt
    import hashlib

    from django.db import transaction

    from unionwatch.documents.models import Document

    pairs: list[tuple[int, int]] = []
    case_index = {id(c): i for i, c in enumerate(generator.cases)}
    for start in range(0, documents, 5000):
        rows, owners = [], []
        for number in range(start, min(documents, start + 5000)):
            name, text = generator.document(number)
            head, _, body = text[4:].partition("\n---\n")
            meta = dict(line.split(": ", 1) for line in head.splitlines())
            rows.append(Document(original_name=name, sha256=hashlib.sha256(text.encode()).hexdigest(),
                                 text=body, title=meta["title"].strip('"')[:500], kind=meta["kind"],
                                 country=meta["country"], date=dt.date.fromisoformat(meta["published"]),
                                 date_precision="day",
                                 confidentiality=rng.choices(["public", "internal"], [7, 3])[0]))
            owners.append(case_index[id(generator.last_case)])
        with transaction.atomic():
            rows = Document.objects.bulk_create(rows, batch_size=1000)
        pairs += [(doc.pk, owner) for doc, owner in zip(rows, owners, strict=True)]
    return pairs


def credentials(data_dir: Path) -> dict:
    """An editor with an API token and a browser session, written into the store."""
    from unionwatch.cli import setup_django

    setup_django()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from unionwatch.accounts.models import User
    from unionwatch.accounts.tokens import create_token

    user, _ = User.objects.get_or_create(username="bench-editor", defaults={"role": "editor"})
    user.set_password("bench-password-not-secret")
    user.save()
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return {"token": create_token(user, name="bench"), "session": session.session_key}


# --- latency ---------------------------------------------------------------------------------

QUERIES = [
    "arrested", "dismissed", "sentenced prison", '"restriction of freedom"', "appeal hearing",
    "union leader", "strike illegal", "raided offices", "shot dead", "interrogated investigators",
    "Kazakhstan", "Colombia union", "Cambodia garment", "ILO Convention", "forced labour",
]
FACETS = [
    {}, {"country": "Belarus"}, {"type": "arrest"}, {"since": "2020"}, {"type": "sentencing", "since": "2018"},
    {"country": "Philippines", "type": "dismissal"}, {"until": "2015-06"}, {"confidentiality": "public"},
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(data_dir: Path, port: int) -> subprocess.Popen:
    process = subprocess.Popen([PYTHON, "-m", "unionwatch", "serve", "--port", str(port), "--workers", "2"],
                               env={**env_for(data_dir), "UNIONWATCH_LOG_LEVEL": "ERROR"},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("the server did not start")


LOCUSTFILE = """
import json, os, random
from locust import FastHttpUser, constant, task

PATHS = json.loads(os.environ["BENCH_PATHS"])
HEADERS = json.loads(os.environ["BENCH_HEADERS"])
NAME = os.environ["BENCH_NAME"]


class Client(FastHttpUser):
    wait_time = constant(0)  # closed loop: each user sends its next request at once

    @task
    def get(self):
        self.client.get(random.choice(PATHS), headers=HEADERS, name=NAME)
"""


def load(port: int, paths: list[str], headers: dict[str, str], threads: int = 4,
         seconds: int = 0, name: str = "load", work: Path | None = None) -> dict:
    """Latency under load: `threads` concurrent keep-alive clients requesting `paths`.

    With locust installed (`pip install -e .[bench]`) and `seconds` > 0, locust runs
    headless for that long and its percentiles are reported; otherwise a threaded
    client requests every path once.
    """
    if seconds > 0 and shutil.which("locust", path=str(Path(PYTHON).parent)):
        return _locust(port, paths, headers, threads, seconds, name, work or Path("/tmp"))
    return _threaded(port, paths, headers, threads)


def _locust(port: int, paths: list[str], headers: dict[str, str], users: int, seconds: int,
            name: str, work: Path) -> dict:
    import csv

    locustfile = work / "locustfile.py"
    locustfile.write_text(LOCUSTFILE)
    prefix = work / f"locust-{name}"
    env = {**os.environ, "BENCH_PATHS": json.dumps(paths), "BENCH_HEADERS": json.dumps(headers),
           "BENCH_NAME": name}
    subprocess.run([str(Path(PYTHON).parent / "locust"), "-f", str(locustfile), "--headless",
                    "-u", str(users), "-r", str(users), "--run-time", f"{seconds}s",
                    "--host", f"http://127.0.0.1:{port}", "--csv", str(prefix),
                    "--only-summary", "--loglevel", "ERROR"],
                   env=env, check=False, capture_output=True, text=True, timeout=seconds + 120)
    with open(f"{prefix}_stats.csv", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["Name"] == name)
    return {"tool": f"locust headless, {users} users, {seconds} s",
            "requests": int(row["Request Count"]), "errors": int(row["Failure Count"]),
            "p50_ms": float(row["50%"]), "p95_ms": float(row["95%"]), "p99_ms": float(row["99%"]),
            "requests_per_s": round(float(row["Requests/s"]), 1)}


def _threaded(port: int, paths: list[str], headers: dict[str, str], threads: int = 4) -> dict:
    """Request every path once, spread over `threads` keep-alive connections."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    queue = list(enumerate(paths))

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                if not queue:
                    break
                _, path = queue.pop()
            started = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if response.status != 200:
                    errors.append(f"{response.status} {path}")
        connection.close()

    workers = [threading.Thread(target=worker) for _ in range(threads)]
    started = time.perf_counter()
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    total = time.perf_counter() - started
    latencies.sort()
    return {"tool": f"threaded client, {threads} connections",
            "requests": len(latencies), "errors": len(errors), "first_error": errors[:1],
            "p50_ms": round(1000 * statistics.median(latencies), 1),
            "p95_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 1),
            "requests_per_s": round(len(latencies) / total, 1)}


def search_paths(n: int, rng: random.Random) -> list[str]:
    from urllib.parse import urlencode

    paths = []
    for _ in range(n):
        params = {"q": rng.choice(QUERIES), **rng.choice(FACETS)}
        paths.append("/api/search?" + urlencode(params))
    return paths


def bench_latency(work: Path, documents: int, events: int, requests: int, seconds: int = 60) -> dict:
    store = work / f"latency-{documents}-{events}"
    result: dict = {}
    if not (store / ".filled").exists():
        fresh_store(store)
        out = subprocess.run([PYTHON, __file__, "--fill", str(documents), str(events)], env=env_for(store),
                             capture_output=True, text=True, check=True)
        result["fill"] = json.loads(out.stdout.strip().splitlines()[-1])
        (store / ".filled").write_text(json.dumps(result["fill"]))
    else:
        result["fill"] = json.loads((store / ".filled").read_text())
    unionwatch(store, "init", "--quiet")  # migrations added since the fill (new indexes)
    creds = json.loads(subprocess.run([PYTHON, __file__, "--credentials"], env=env_for(store),
                                      capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1])
    rng = random.Random(5)
    port = free_port()
    server = serve(store, port)
    try:
        static = ["/static/unionwatch/app.css"] * requests
        api = {"Authorization": f"Bearer {creds['token']}"}
        browser = {"Cookie": f"sessionid={creds['session']}"}
        run = dict(seconds=seconds, work=work)
        load(port, static[:50], {})  # warm up both workers
        load(port, search_paths(50, rng), api)
        result["baseline_static_file"] = load(port, static, {}, name="static", **run)
        searches = search_paths(requests, rng)
        # One user: the service time of a request (no queueing behind the others).
        result["search_api_1_user"] = load(port, searches, api, threads=1, name="search1", **run)
        result["search_api"] = load(port, searches, api, name="search", **run)
        case_ids = _case_ids(store)
        case_paths = [f"/cases/{rng.choice(case_ids)}/" for _ in range(requests)]
        load(port, case_paths[:20], browser)
        result["case_page_1_user"] = load(port, case_paths, browser, threads=1, name="case1", **run)
        result["case_page"] = load(port, case_paths, browser, name="case", **run)
    finally:
        server.terminate()
        server.wait(timeout=30)
    result["load_average_after"] = os.getloadavg()[0]
    return result


def _case_ids(store: Path) -> list[int]:
    import sqlite3

    with sqlite3.connect(store / "unionwatch.sqlite3") as db:
        return [row[0] for row in db.execute("SELECT id FROM cases_case ORDER BY id")]


# --- main ------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    full = os.environ.get("BENCH_FULL") == "1"
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("BENCH_WORK", "/tmp/unionwatch-bench")))
    parser.add_argument("--sizes", default="10000,100000" if full else "1000",
                        help="ingest benchmark sizes, comma-separated (0 to skip)")
    parser.add_argument("--latency-docs", type=int, default=100000 if full else 10000)
    parser.add_argument("--events", type=int, default=1000000 if full else 100000)
    parser.add_argument("--requests", type=int, default=400,
                        help="distinct request paths (and the request count without locust)")
    parser.add_argument("--seconds", type=int, default=60,
                        help="locust run time per measurement (0: threaded client, one pass)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--raw-insert", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--extract-only", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--with-aids", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--fill", nargs=2, type=int, help=argparse.SUPPRESS)
    parser.add_argument("--credentials", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.raw_insert:
        raw_insert(args.raw_insert)
        return 0
    if args.extract_only:
        extract_only(args.extract_only, args.with_aids)
        return 0
    if args.fill:
        print(json.dumps(fill(*args.fill)))
        return 0
    if args.credentials:
        print(json.dumps(credentials(Path(os.environ["UNIONWATCH_DATA_DIR"]))))
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    figures: dict = {"machine": {"cpus": os.cpu_count(), "load_average": os.getloadavg()[0]}}
    for size in [int(s) for s in args.sizes.split(",") if s.strip() and int(s) > 0]:
        print(f"ingest benchmark at {size} documents ...", file=sys.stderr)
        figures[f"ingest_{size}"] = bench_ingest(args.work, size)
        print(json.dumps(figures[f"ingest_{size}"]), file=sys.stderr)
    if args.latency_docs > 0:
        print(f"latency benchmark at {args.latency_docs} documents, {args.events} events ...", file=sys.stderr)
        figures["latency"] = bench_latency(args.work, args.latency_docs, args.events, args.requests,
                                           args.seconds)
    text = json.dumps(figures, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
