"""A JSON spec's syntax error reads the same on every supported Python."""

from __future__ import annotations

from pathlib import Path

import pytest

from sio_codegen.diagnostics import SpecError
from sio_codegen.load.source import read_source

CASES = {
    '{"asyncapi": "2.6.0", "info": {},}': "1:33: error: invalid JSON: Illegal trailing comma "
    "before end of object",
    '{"asyncapi": "2.6.0",\n "tags": [1, 2 ,\n ]}': "2:16: error: invalid JSON: Illegal trailing "
    "comma before end of array",
    '{"asyncapi": "2.6.0", "tags": [1,,]}': "1:34: error: invalid JSON: Expecting value",
    '{"asyncapi": ,}': "1:14: error: invalid JSON: Expecting value",
}


@pytest.mark.parametrize("text", CASES)
def test_json_syntax_errors_are_the_same_on_every_python(tmp_path: Path, text: str) -> None:
    path = tmp_path / "asyncapi.json"
    path.write_text(text)
    with pytest.raises(SpecError) as failure:
        read_source(path)
    lines = [d.format() for d in failure.value.diagnostics]
    assert len(lines) == 1 and f"asyncapi.json:{CASES[text]}" in lines[0], lines
