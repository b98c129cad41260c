"""gunicorn settings for `make serve`; each can be overridden from the environment."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# Synchronous workers: Django's views do blocking database work, one request at a time each.
workers = int(os.environ.get("GUNICORN_WORKERS") or multiprocessing.cpu_count() * 2 + 1)
# A request that outlives this is killed; a database outage answers long before (503).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# The proxy in front keeps connections open to the workers.
keepalive = 5
# Recycle workers now and then, so slow leaks cannot grow for ever.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# Access and error logs on stdout/stderr, for the service manager to collect.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
# Import the application before forking: a configuration error stops start-up at once.
preload_app = True
# No control socket: its default path is per user, so several instances on a host would clash.
control_socket_disable = True
