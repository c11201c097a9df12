#!/bin/sh
# Restores a backup made by backup.sh into a database (made if missing), then prints the row count
# of every table, so the figures can be set beside those of the source.
#
#   restore.sh /var/backups/bestplace/bestplace-20261123T020000Z.sql.gz bestplace
#
# Restoring over the live database: stop the service first (systemctl stop bestplace), restore
# into a new name, check the counts, then point QUARKUS_DATASOURCE_JDBC_URL at it (or rename).
# Connection settings as for backup.sh (DB_HOST, DB_PORT, DB_USER, DB_PASSWORD); the user needs
# CREATE, INSERT, TRIGGER and, for the triggers' definer, SUPER or SET USER.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 BACKUP.sql.gz TARGET_DATABASE" >&2; exit 2; }
backup=$1
target=$2
[ -r /etc/bestplace/backup.env ] && . /etc/bestplace/backup.env
set -- --host="${DB_HOST:-127.0.0.1}" --port="${DB_PORT:-3306}" --user="${DB_USER:-root}"
if [ -n "${DB_PASSWORD:-}" ]; then
    export MYSQL_PWD="$DB_PASSWORD"
fi
source_name=$(gunzip -c "$backup" | sed -n 's/^CREATE DATABASE .*`\([^`]*\)`.*/\1/p' | head -1)

mariadb "$@" -e "CREATE DATABASE IF NOT EXISTS \`$target\` CHARACTER SET utf8mb4"
# The dump names its database (--databases): restore it under the target's name instead.
gunzip -c "$backup" \
    | sed -e "/^CREATE DATABASE /d" -e "s/^USE \`$source_name\`;/USE \`$target\`;/" \
    | mariadb "$@" "$target"

echo "restored $backup into $target:"
mariadb "$@" --batch --skip-column-names -e "
  SELECT table_name FROM information_schema.tables
  WHERE table_schema = '$target' AND table_type = 'BASE TABLE' ORDER BY table_name" |
while read -r table; do
    printf '  %-28s %s\n' "$table" "$(mariadb "$@" --batch --skip-column-names \
        -e "SELECT COUNT(*) FROM \`$target\`.\`$table\`")"
done
printf '  %-28s %s\n' "triggers" "$(mariadb "$@" --batch --skip-column-names \
    -e "SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema = '$target'")"
