#!/bin/sh
# Dumps the Bestplace database to a compressed, dated file and keeps the last $BACKUP_KEEP_DAYS days.
# A consistent snapshot without locking the service out (--single-transaction, InnoDB), with the
# triggers that keep the summary cells and guard the activity log.
#
#   backup.sh                       # reads /etc/bestplace/backup.env if present
#
# Settings (environment): BACKUP_DIR (/var/backups/bestplace), BACKUP_KEEP_DAYS (14),
# DB_HOST (127.0.0.1), DB_PORT (3306), DB_NAME (bestplace), DB_USER (bestplace_backup),
# DB_PASSWORD (or a [client] section in ~/.my.cnf of the user running it).
set -eu
[ -r /etc/bestplace/backup.env ] && . /etc/bestplace/backup.env

dir=${BACKUP_DIR:-/var/backups/bestplace}
keep=${BACKUP_KEEP_DAYS:-14}
name=${DB_NAME:-bestplace}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
file="$dir/$name-$stamp.sql.gz"

mkdir -p "$dir"
umask 077
set -- --host="${DB_HOST:-127.0.0.1}" --port="${DB_PORT:-3306}" --user="${DB_USER:-bestplace_backup}"
if [ -n "${DB_PASSWORD:-}" ]; then
    export MYSQL_PWD="$DB_PASSWORD"
fi
mariadb-dump "$@" --single-transaction --quick --routines --triggers --events --hex-blob \
    --default-character-set=utf8mb4 --databases "$name" | gzip -6 > "$file.partial"
mv "$file.partial" "$file"
echo "backup: $file ($(du -h "$file" | cut -f1))"

find "$dir" -name "$name-*.sql.gz" -mtime +"$keep" -print -delete | sed 's/^/removed old backup: /'
