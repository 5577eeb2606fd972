"""The chat's state, beside its handlers (plain Python: the SIO-AsyncAPI app and the handlers
moved into sio-codegen's generated classes both import it)."""

ROOMS: dict[str, list[str]] = {}


def members_of(room: str) -> list[str]:
    return ROOMS.get(room, [])
