"""``sio-codegen mock``: a spec's server package generated and imported in memory, run in mock
mode (see the generated ``_generated/mock.py``); nothing is written anywhere."""
