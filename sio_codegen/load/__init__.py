"""Stage 1, load: read the document (YAML/JSON), resolve its ``$ref``s, validate it against the
official AsyncAPI JSON Schema; :mod:`.loader` then hands it to :mod:`sio_codegen.model`."""
