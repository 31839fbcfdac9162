-- wrk script: the trivial sync endpoint, the baseline for the async numbers.
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer dak_demo_full_access_0000000000000000000000000000"
