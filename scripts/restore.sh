#!/usr/bin/env bash
# Puts a copy made by scripts/backup.sh back as the database, after checking it whole. The server
# must be stopped first, and started again after. Usage: scripts/restore.sh <copy> <database file>
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 <copy> <database file>" >&2; exit 2; }
copy=$1
db=$2
check=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$copy")
[ "$check" = ok ] || { echo "$copy is damaged: $check" >&2; exit 1; }
mkdir -p "$(dirname "$db")"
# The old database's journal belongs to it, not to the copy.
rm -f "$db-wal" "$db-shm"
install -m 600 "$copy" "$db.restoring"
mv -f "$db.restoring" "$db"
if [ -f "$copy.key" ]; then
	install -m 600 "$copy.key" "$db.key"
fi
echo "restored $copy to $db"
