# Compiled from templates/server/docs.py.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = '079e44176d6dcdb768c17785315d7e33816feefb057884e990615152ce3e3964'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'server/docs.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_is_async = resolve('is_async')
    l_0_page_csp = resolve('page_csp')
    try:
        t_1 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n"""The API\'s docs, served by the server: ``GET {base}`` the offline page ``sio-codegen docs``\nwrites (no script, nothing fetched from anywhere), ``{base}/asyncapi.json`` and\n``{base}/asyncapi.yaml`` the spec as given with its references resolved, ``{base}/catalog.json``\nthe event catalog. The same for every spec: the files beside this module are its data.\n\nOff unless asked for: ``create_app(docs=True)`` (or a base path such as ``"/api-docs"``), the\n``--docs [PATH]`` option of ``python -m``, or ``SIO_DOCS`` (``1``, or a base path; ``0`` off).\nSwitched off, no route exists. :func:`docs_response` knows no web framework (a runtime answers\nwith its result); :func:`serve_docs` puts it in front of the '
    yield str(('ASGI app' if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async) else 'Flask app'))
    yield '.\n"""\n\nfrom __future__ import annotations\n\nimport os\nimport re\nfrom collections.abc import Mapping\nfrom functools import cache\nfrom importlib import resources\nfrom typing import Any\n\nDEFAULT_BASE = "/docs"\nFILES: dict[str, tuple[str, str]] = {\n    "": ("docs.html", "text/html; charset=utf-8"),\n    "/asyncapi.json": ("spec.json", "application/json"),\n    "/asyncapi.yaml": ("spec.yaml", "application/yaml; charset=utf-8"),\n    "/catalog.json": ("catalog.json", "application/json"),\n}\n"""Each served path (after the base) and the file beside this module it answers with."""\nPAGE_CSP = '
    yield str(t_1((undefined(name='page_csp') if l_0_page_csp is missing else l_0_page_csp)))
    yield '\n"""The page\'s own Content-Security-Policy: its inline stylesheet (by hash) and nothing else."""\nDATA_CSP = "default-src \'none\'; sandbox"\n_BASE = re.compile(r"[A-Za-z0-9/._~-]+")  # one character class: no backtracking\n\nResponse = tuple[int, list[tuple[str, str]], bytes]\n"""(status, headers, body) of an HTTP response."""\n\n\ndef docs_base(value: str | bool | None = None, environ: Mapping[str, str] | None = None) -> str | None:\n    """The base path the docs are served under, or None when off: ``value`` when not None\n    (True: ``/docs``, False: off, else a path), else ``SIO_DOCS``; a ValueError names an\n    unusable path."""\n    if value is None:\n        text = (os.environ if environ is None else environ).get("SIO_DOCS", "").strip()\n        value = {"": False, "0": False, "false": False, "no": False, "off": False,\n                 "1": True, "true": True, "yes": True, "on": True}.get(text.lower(), text)  # fmt: skip\n    if value is True:\n        return DEFAULT_BASE\n    if value is False:\n        return None\n    base = value.rstrip("/")\n    base = base if base.startswith("/") and "//" not in base else ""\n    if len(base) > 200 or not _BASE.fullmatch(base) or "/." in base:\n        raise ValueError(f"SIO_DOCS: expected a path such as /docs, got {value[:40]!r}")\n    return base\n\n\n@cache\ndef _body(name: str) -> bytes:\n    return resources.files(__package__ or __name__).joinpath(name).read_bytes()\n\n\ndef docs_response(path: str, base: str = DEFAULT_BASE) -> Response | None:\n    """The response to ``GET path`` when it is one of the docs\' paths under ``base``, else\n    None (not ours: the runtime goes on routing)."""\n    if not path.startswith(base):\n        return None\n    rest = path[len(base) :]\n    found = FILES.get("" if rest == "/" else rest)\n    if found is None:\n        return None\n    name, content_type = found\n    body = _body(name)\n    headers = [\n        ("Content-Type", content_type),\n        ("Content-Length", str(len(body))),\n        ("Content-Security-Policy", PAGE_CSP if name == "docs.html" else DATA_CSP),\n        ("X-Content-Type-Options", "nosniff"),\n        ("Referrer-Policy", "no-referrer"),\n        ("Cache-Control", "no-cache"),\n    ]\n    return 200, headers, body\n\n\n'
    if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async):
        pass
        yield 'def serve_docs(app: Any, docs: str | bool | None = None) -> Any:\n    """``app`` (an ASGI application) with the docs\' paths answered in front of it, or ``app``\n    itself when the docs are off."""\n    base = docs_base(docs)\n    if base is None:\n        return app\n\n    async def with_docs(scope: dict[str, Any], receive: Any, send: Any) -> None:\n        if scope["type"] == "http" and scope.get("method") in ("GET", "HEAD"):\n            found = docs_response(scope["path"], base)\n            if found is not None:\n                status, headers, body = found\n                raw = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers]\n                await send({"type": "http.response.start", "status": status, "headers": raw})\n                await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})\n                return\n        await app(scope, receive, send)\n\n    return with_docs\n'
    else:
        pass
        yield 'def serve_docs(app: Any, docs: str | bool | None = None) -> str | None:\n    """Add the docs routes to a Flask ``app`` (none when off); returns the base path or None."""\n    base = docs_base(docs)\n    if base is None:\n        return None\n    from flask import Response as FlaskResponse\n    from flask import request\n\n    def view() -> FlaskResponse:\n        found = docs_response(request.path, base)\n        if found is None:  # pragma: no cover - only our own paths are routed here\n            return FlaskResponse(status=404)\n        status, headers, body = found\n        return FlaskResponse(body, status=status, headers=headers)\n\n    for rest in (*FILES, "/"):\n        app.add_url_rule(base + rest, endpoint=f"sio_docs{rest}", view_func=view, methods=["GET"])\n    return base\n'

blocks = {}
debug_info = '1=20&10=22&30=24&85=26'
