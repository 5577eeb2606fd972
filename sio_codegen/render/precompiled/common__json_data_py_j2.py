# Compiled from templates/common/json_data.py.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = 'fe42efffd167a73c47b04baf604b8a628fc9a35577b76960accb0d4cf81dc355'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'common/json_data.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield 'def pydantic_errors(exc: ValidationError) -> list[dict[str, Any]]:\n    """Pydantic\'s error details, JSON-ready and without echoing the input."""\n    return [\n        {"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]}\n        for e in exc.errors(include_url=False, include_context=False, include_input=False)\n    ]\n\n\ndef dump(value: Any) -> Any:\n    """A model as JSON data (an object, never a JSON string); other values as they are. Fields\n    never set are left out: an absent optional field is not sent as ``null``."""\n    if isinstance(value, BaseModel):\n        # model_dump(mode="json", by_alias=True, exclude_unset=True) without its Python\n        # wrapper: a hot path\n        return type(value).__pydantic_serializer__.to_python(\n            value, mode="json", by_alias=True, exclude_unset=True\n        )\n    return value\n\n\nNOT_JSON = {"loc": [], "msg": "not JSON data (binary, NaN or infinity)", "type": "json_type"}\n\n\n_WIRE_ENCODER = json.JSONEncoder(allow_nan=False, separators=(",", ":"))  # made once: a hot path\n\n\ndef wire_json(raw: Any) -> str | None:\n    """What arrived, as the JSON it stands for; None when JSON cannot carry it.\n\n    Data that arrives is validated as JSON, strictly, as JSON Schema reads it: ``true`` is no\n    integer and ``"5"`` no number (Python\'s lax coercions would let both through)."""\n    try:\n        return _WIRE_ENCODER.encode(raw)\n    except (TypeError, ValueError):\n        return None\n'

blocks = {}
debug_info = ''
