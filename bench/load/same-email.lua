-- The same subject every time: after the first request every answer comes from the cache.
wrk.method = "POST"
wrk.path = "/v1/enrich"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"jane.doe@acme.com"}'
