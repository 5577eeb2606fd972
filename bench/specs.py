"""Synthetic specs for scaling measurements: N client events, each with its own payload and ack."""

from __future__ import annotations

from pathlib import Path

import yaml


def synthetic(events: int) -> dict[str, object]:
    messages = {}
    for i in range(events):
        messages[f"Event{i}"] = {
            "name": f"event_{i}",
            "payload": {
                "type": "object",
                "properties": {"id": {"type": "integer"}, "text": {"type": "string", "maxLength": 80},
                               "tags": {"type": "array", "items": {"type": "string"}}},
                "required": ["id"],
            },
            "x-ack": {"type": "object", "properties": {"ok": {"type": "boolean"}}, "required": ["ok"]},
        }  # fmt: skip
    return {
        "asyncapi": "2.6.0",
        "info": {"title": f"Synthetic {events}", "version": "1"},
        "channels": {
            "/": {
                "publish": {
                    "message": {
                        "oneOf": [
                            {"$ref": f"#/components/messages/Event{i}"} for i in range(events)
                        ]
                    }
                }
            }
        },
        "components": {"messages": messages},
    }


def write_synthetic(folder: Path, events: int) -> Path:
    path = folder / f"synthetic-{events}.yaml"
    path.write_text(yaml.safe_dump(synthetic(events), sort_keys=False))
    return path


ECHO_SPEC = """\
asyncapi: 2.6.0
info: {title: Bench, version: "1"}
channels:
  /:
    publish:
      message:
        name: echo
        payload:
          type: object
          properties:
            id: {type: integer}
            text: {type: string, maxLength: 200}
            tags: {type: array, items: {type: string}}
          required: [id, text]
        x-ack:
          type: object
          properties:
            id: {type: integer}
            length: {type: integer}
          required: [id, length]
"""
