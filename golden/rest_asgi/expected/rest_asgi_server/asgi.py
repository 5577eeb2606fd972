"""The ASGI entry point of this server, for uvicorn's command line (yours to edit)::

    uvicorn rest_asgi_server.asgi:app --host 127.0.0.1 --port 5000

(one process serves many connections; several processes need ``SIO_MESSAGE_QUEUE`` and sticky
sessions).
"""

from __future__ import annotations

from .app import create_app

app = create_app()
