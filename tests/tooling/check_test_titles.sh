#!/bin/sh
# Fails (and names them) when a doctest title holds a ';', which CTest discovery would split in two.
if grep -rnE '(TEST_CASE|TEST_CASE_TEMPLATE|SUBCASE)\("[^"]*;' "$1"; then
  echo "A test title above contains ';': CTest would not run that test. Use ',' instead." >&2
  exit 1
fi
