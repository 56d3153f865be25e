#!/bin/sh
# Ends the managed Neo4j JVM ($2) when its owner process ($1) dies without stopping it: even a
# SIGKILLed owner leaves no JVM behind for long. TERM first, then KILL after 30 s.
owner="$1"
jvm="$2"
while kill -0 "$owner" 2>/dev/null && kill -0 "$jvm" 2>/dev/null; do sleep 1; done
kill -0 "$jvm" 2>/dev/null || exit 0
kill -TERM "$jvm"
i=0
while kill -0 "$jvm" 2>/dev/null && [ "$i" -lt 60 ]; do
  sleep 0.5
  i=$((i + 1))
done
kill -KILL "$jvm" 2>/dev/null
exit 0
