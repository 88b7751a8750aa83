"""Run the WSGI app on gunicorn (a production-grade server), not Django's runserver."""

from __future__ import annotations

from gunicorn.app.base import BaseApplication


class _Gunicorn(BaseApplication):
    def __init__(self, app, options: dict):
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application


def run_server(host: str, port: int, workers: int = 2) -> None:
    from unionwatch.wsgi import application

    options = {
        "bind": f"{host}:{port}",
        "workers": max(1, workers),
        "threads": 4,
        "worker_class": "gthread",
        "timeout": 120,
        "accesslog": "-",
        # Path without the query string: feed tokens and search words stay out of logs.
        "access_log_format": '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)ss',
        "preload_app": True,
    }
    _Gunicorn(application, options).run()
