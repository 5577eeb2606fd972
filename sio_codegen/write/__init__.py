"""Stage 4, write: the manifest, safe atomic writes of generated files, user files left alone."""
