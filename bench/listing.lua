-- wrk script: 10,000 rows (truncated listing), the largest sync answer.
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer dak_demo_full_access_0000000000000000000000000000"
wrk.headers["Content-Type"] = "application/json"
