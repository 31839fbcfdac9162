#!/usr/bin/env python3
"""Webhook delivery latency on loopback, against a server started with
DATA_API_CATALOG=bench/bench-catalog.yaml DATA_API_WEBHOOK_ALLOW_PRIVATE_NETWORKS=true and a JVM trust
store holding the receiver's certificate (bench/webhook_bench.sh does all of it).

For each of N jobs (one at a time): submit with a callback to a local receiver, poll the job every
2 ms until it reads completed, and time the webhook's arrival. Reports submit->receipt and
completed-seen->receipt. Usage: python3 bench/webhook_bench.py base_url jobs cert.pem key.pem
"""
import http.server
import json
import ssl
import sys
import threading
import time
import urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
JOBS = int(sys.argv[2]) if len(sys.argv) > 2 else 50
TOKEN = "dak_demo_full_access_0000000000000000000000000000"
PATH = "/api/v1/data-api/bench/trivial-async"
arrivals = {}
arrived = threading.Condition()


class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        now = time.perf_counter()
        self.send_response(204)
        self.end_headers()
        with arrived:
            arrivals[json.loads(body)["job_id"]] = now
            arrived.notify_all()

    def log_message(self, *args):
        pass


def call(method, path, body=None):
    request = urllib.request.Request(BASE + path, method=method, data=body,
                                     headers={"Authorization": "Bearer " + TOKEN, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(sys.argv[3], sys.argv[4])
    server.socket = tls.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    callback = f"https://127.0.0.1:{server.server_address[1]}/hook"
    total, after_completion = [], []
    for _ in range(JOBS):
        started = time.perf_counter()
        job = call("POST", PATH + "/execute", json.dumps({"callback_url": callback}).encode())["job_id"]
        while call("GET", PATH + "/jobs/" + job)["status"] == "processing":
            time.sleep(0.002)
        completed_seen = time.perf_counter()
        with arrived:
            while job not in arrivals:
                arrived.wait(10)
        total.append((arrivals[job] - started) * 1000)
        after_completion.append((arrivals[job] - completed_seen) * 1000)
    for name, samples in (("submit->webhook received", total), ("completed seen->webhook received", after_completion)):
        samples.sort()
        print(f"{name} over {len(samples)} jobs: p50 {samples[len(samples) // 2]:.1f} ms, "
              f"p90 {samples[int(len(samples) * 0.9)]:.1f} ms, max {samples[-1]:.1f} ms")


if __name__ == "__main__":
    main()
