"""The WSGI entry point of this server, for a production server (yours to edit)::

    gunicorn -c python:rest_server._generated.gunicorn_conf rest_server.wsgi:app

(one process of threads; several processes need ``SIO_MESSAGE_QUEUE`` and sticky sessions).
"""

from __future__ import annotations

from .app import create_app

app, socketio = create_app()
