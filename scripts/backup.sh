#!/usr/bin/env bash
# Copies a Tandem SQLite database, while the server runs, into a folder: a consistent copy made by
# SQLite itself (VACUUM INTO, which readers and the writer go on beside), and the invite key file
# beside it; with a number, only that many of the newest copies are kept. Prints the copy's path.
# Usage: scripts/backup.sh <database file> <backup folder> [copies to keep]
set -euo pipefail
[ $# -eq 2 ] || [ $# -eq 3 ] || { echo "usage: $0 <database file> <backup folder> [copies to keep]" >&2; exit 2; }
db=$1
into=$2
keep=${3:-0}
[[ $keep =~ ^[0-9]+$ ]] || { echo "copies to keep must be a number, not $keep" >&2; exit 2; }
[ -f "$db" ] || { echo "no database at $db" >&2; exit 1; }
# Copies are readable by their owner only from the first byte.
umask 077
mkdir -p "$into"
copy="$into/tandem-$(date -u +%Y%m%dT%H%M%SZ).db"
# Written under another name first: a copy cut short (a full disk) never counts as one.
python3 - "$db" "$copy.partial" <<'PY'
import sqlite3, sys
source, copy = sys.argv[1], sys.argv[2]
# Waits for the server's writer rather than failing while it commits.
db = sqlite3.connect(source, timeout=60)
db.execute("VACUUM INTO ?", (copy,))
db.close()
PY
# The key turns the database's invite hashes into links: without it open invites are lost, with
# it (and the database) they can be rebuilt, so both copies are kept from other users.
if [ -f "$db.key" ]; then
	install -m 600 "$db.key" "$copy.key"
fi
mv "$copy.partial" "$copy"
# Named by the time they were taken, so the newest sort last by name whatever their files' times.
if [ "$keep" -gt 0 ]; then
	printf '%s\n' "$into"/tandem-*.db | sort -r | tail -n +$((keep + 1)) | while read -r old; do
		rm -f "$old" "$old.key"
	done
fi
echo "$copy"
