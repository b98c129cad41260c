"""The throughput baseline: a bare WSGI app that runs the same SQL through psycopg.

For each benchmarked URL it replays the queries Django ran for it (captured by
``measure.py --capture``) and returns the rows as JSON. No framework, no templates:
what the database and a minimal Python server can do.
"""

import json
import os

import orjson
import psycopg

QUERIES = json.loads(open(os.environ["BENCH_BARE_QUERIES"]).read())  # noqa: SIM115
_connection = None


def _cursor():
    global _connection
    if _connection is None or _connection.closed:
        _connection = psycopg.connect(os.environ["BENCH_BARE_DSN"], autocommit=True)
    return _connection.cursor()


def application(environ, start_response):
    path = environ.get("PATH_INFO", "/")
    query = environ.get("QUERY_STRING", "")
    statements = QUERIES.get(f"{path}?{query}" if query else path)
    if statements is None:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"unknown benchmark URL"]
    results = []
    with _cursor() as cursor:
        for sql in statements:
            cursor.execute(sql.encode())
            results.append(cursor.fetchall() if cursor.description else None)
    body = orjson.dumps(results, default=str)
    start_response("200 OK", [("Content-Type", "application/json")])
    return [body]
