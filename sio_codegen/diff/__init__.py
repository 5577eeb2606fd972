"""``sio-codegen diff``: what changes for clients and servers between two versions of a spec.

schema.py compares two JSON Schemas (narrowed, widened or unknown); changes.py compares two
Api models and says whom each change breaks; git.py reads a spec from a git revision;
command.py is the command.
"""
