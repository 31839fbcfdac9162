-- wrk script: baseline, the HTTP stack without a query.
wrk.method = "GET"
