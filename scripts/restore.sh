#!/usr/bin/env bash
# Puts a copy made by scripts/backup.sh back as the database, after checking it whole, owned like
# the folder it goes into. The server must be stopped first, and started again after.
# Usage: scripts/restore.sh <copy> <database file>
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 <copy> <database file>" >&2; exit 2; }
copy=$1
db=$2
[ -f "$copy" ] || { echo "no copy at $copy" >&2; exit 1; }
check=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True).execute("PRAGMA integrity_check").fetchone()[0])' "$copy")
[ "$check" = ok ] || { echo "$copy is damaged: $check" >&2; exit 1; }
if [ -f "$db" ] && command -v fuser >/dev/null && fuser "$db" >/dev/null 2>&1; then
	echo "$db is open: stop the server first" >&2
	exit 1
fi
folder=$(dirname "$db")
mkdir -p "$folder"
install -m 600 "$copy" "$db.restoring"
chown --reference="$folder" "$db.restoring"
# The old database's journal belongs to it, not to the copy.
rm -f "$db-wal" "$db-shm"
mv -f "$db.restoring" "$db"
if [ -f "$copy.key" ]; then
	install -m 600 "$copy.key" "$db.key"
	chown --reference="$folder" "$db.key"
fi
echo "restored $copy to $db"
