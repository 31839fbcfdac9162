#!/usr/bin/env python3
"""Async job benchmark against a running server started with DATA_API_CATALOG=bench/bench-catalog.yaml.

Measures (1) throughput: N jobs submitted by 8 client threads, jobs/s from the first submit until the
last job reads completed; (2) latency: one job at a time, submit to first poll that reads completed
(polling every 2 ms), repeated. Usage: python3 bench/async_bench.py [base_url] [jobs] [latency_runs]
"""
import json
import sys
import threading
import time
import urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
JOBS = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
LATENCY_RUNS = int(sys.argv[3]) if len(sys.argv) > 3 else 50
TOKEN = "dak_demo_full_access_0000000000000000000000000000"
PATH = "/api/v1/data-api/bench/trivial-async"


def call(method, path):
    request = urllib.request.Request(BASE + path, method=method, data=b"{}" if method == "POST" else None,
                                     headers={"Authorization": "Bearer " + TOKEN, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def submit():
    return call("POST", PATH + "/execute")["job_id"]


def status(job_id):
    return call("GET", PATH + "/jobs/" + job_id)["status"]


def throughput():
    ids, lock = [], threading.Lock()
    per_thread = JOBS // 8

    def worker():
        mine = [submit() for _ in range(per_thread)]
        with lock:
            ids.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    submitted = time.perf_counter()
    pending = list(ids)
    while pending:
        pending = [j for j in pending if status(j) == "processing"]
    done = time.perf_counter()
    failed = sum(1 for j in ids if status(j) != "completed")
    print(f"throughput: {len(ids)} jobs in {done - started:.2f} s = {len(ids) / (done - started):.0f} jobs/s "
          f"(submission alone {len(ids) / (submitted - started):.0f} jobs/s), not completed: {failed}")


def latency():
    samples = []
    for _ in range(LATENCY_RUNS):
        started = time.perf_counter()
        job = submit()
        while status(job) == "processing":
            time.sleep(0.002)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    print(f"latency submit->completed over {len(samples)} jobs: p50 {samples[len(samples) // 2]:.1f} ms, "
          f"p90 {samples[int(len(samples) * 0.9)]:.1f} ms, max {samples[-1]:.1f} ms")


if __name__ == "__main__":
    latency()
    throughput()
