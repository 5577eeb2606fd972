"""``sio-codegen init --from-app MODULE:ATTR``: a first spec from a running app's handlers.

app_reader.py finds what the app registered; spec_writer.py writes the AsyncAPI 3.0 document;
command.py is the command.
"""
