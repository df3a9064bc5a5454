"""gunicorn's settings for the portal: `gunicorn -c deploy/gunicorn.conf.py portal.wsgi`.

Each setting can be changed through the environment (the systemd unit's EnvironmentFile, or
`make bench`, which serves the site with this file). portal/wsgi.py defaults to production settings.
"""

import multiprocessing
import os

# nginx on the same host proxies to this address (deploy/nginx/portal.conf). Several hosts: bind the
# host's private address and list every host in nginx's upstream.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Threads rather than many processes: most of a request's time is spent waiting for PostgreSQL and
# Redis. Two processes per core plus one is gunicorn's advice.
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))

# A request that takes longer than this is stuck: the worker is restarted. Certificates and emergency
# cards are rendered by the task worker, never in a request.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))

# A worker is replaced after this many requests (with jitter, so they are not all replaced at once):
# a slow leak never grows for weeks.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))

# The same limits as nginx's (deploy/nginx/portal.conf: large_client_header_buffers 4 8k).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# X-Forwarded-Proto is believed from nginx on this host only (SECURE_PROXY_SSL_HEADER in production
# settings reads it); the client address comes from X-Forwarded-For as TRUSTED_PROXY_COUNT says.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# Django logs to stdout (LOG_LEVEL); gunicorn's own errors to stderr, requests are logged by nginx.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
proc_name = "portal"
