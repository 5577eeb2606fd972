"""Rest arguments server, generated from its AsyncAPI document by sio-codegen (yours to edit)."""
