#!/bin/sh
# Fossil's own HTTP server for the repository setup.sh made in the current directory, on 127.0.0.1:$FOSSIL_PORT alone
# (`--localhost`), in the foreground.
exec fossil server --port "$FOSSIL_PORT" --localhost repo.fossil
