"""Stage 2, model: the one version-neutral model of the Socket.IO API (:mod:`.api`), built from a
resolved 2.x or 3.x document by :mod:`.from_v2` / :mod:`.from_v3` through :mod:`.builder`."""
