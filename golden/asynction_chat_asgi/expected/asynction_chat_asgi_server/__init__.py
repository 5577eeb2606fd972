"""Socket.IO chat demo service server, generated from its AsyncAPI document by sio-codegen (yours to edit)."""
