-- wrk script: the demo aggregate, as a partner would call it.
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer dak_demo_full_access_0000000000000000000000000000"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"parameter_values": {"since": "2025-01-01", "regions": ["Sul", "Sudeste"]}}'
