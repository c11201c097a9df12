# Shared by the benchmark scripts: the database, the service under test, and the export figures.
# Source it after `cd` to the project folder; set PORT and HEAP first if the defaults will not do.

DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
PORT=${PORT:-18190}
HEAP=${HEAP:-256m}
ADMIN_PASSWORD=bench-lead-secret-2026
BASE="http://127.0.0.1:$PORT"
SERVICE_PID=

mysql_() { mariadb -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} "$@"; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }

# The service's configuration for database DB_NAME. Passwords made while it runs are hashed at
# bcrypt cost 4, so HTTP Basic on every API call costs about a millisecond (see BENCHMARKS.md).
service_env() {
  echo QUARKUS_DATASOURCE_JDBC_URL="jdbc:mariadb://$DB_HOST:$DB_PORT/$DB_NAME" \
    QUARKUS_DATASOURCE_USERNAME="$DB_USER" QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD" \
    BESTPLACE_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    BESTPLACE_PSEUDONYMISATION_KEY=benchmark-key-not-for-real-use-0123456789abcdef \
    QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=benchmark-session-key-not-for-real-use-0123456789 \
    BESTPLACE_PASSWORD_HASH_COST=4 QUARKUS_HTTP_PORT="$PORT" QUARKUS_MANAGEMENT_PORT=$(( PORT + 1000 )) \
    QUARKUS_LOG_LEVEL=WARN
}

# Starts the service with -Xmx$HEAP, logging to $1, and waits until it is ready; READY_SECONDS
# is the time from launching the JVM to the first ready answer, STARTED_AT the launch (epoch
# seconds). SERVICE_ENV_EXTRA adds environment settings (bench/startup's log format);
# SERVICE_ARCHIVE_OPTS= (empty) starts without the class-data archive.
start_service() {
  local log=$1 started criteria
  # Another service answering on the port would be measured instead of this one.
  if curl -s -o /dev/null "$BASE/q/health/ready"; then
    echo "something already answers on port $PORT: set PORT to a free one" >&2
    exit 1
  fi
  started=$(now)
  STARTED_AT=$started
  # As docs/startup.md ships it: from the package's folder with its class-data archive (the JVM
  # uses the archive only when started there with that class path); the criteria stay the project's.
  criteria=$PWD/criteria
  (cd target/quarkus-app && exec env $(service_env) BESTPLACE_CRITERIA_DIR="$criteria" ${SERVICE_ENV_EXTRA:-} \
    java -Xmx"$HEAP" ${SERVICE_ARCHIVE_OPTS--XX:SharedArchiveFile=app-cds.jsa} ${SERVICE_JAVA_OPTS:-} -jar quarkus-run.jar) \
    > "$log" 2>&1 &
  SERVICE_PID=$!
  until curl -fs "$BASE/q/health/ready" > /dev/null 2>&1; do
    kill -0 "$SERVICE_PID" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.05
  done
  READY_SECONDS=$(since "$started")
}
stop_service() {
  if [ -n "$SERVICE_PID" ]; then
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
    SERVICE_PID=
  fi
}
api() { curl -fsS -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' "$@"; }
id_of() { grep -o '"id":"\?[0-9]\+' | head -1 | grep -o '[0-9]\+$'; }

# Starts audit $1 collecting. An audit collects only with a chair and reviewers from two sectors,
# so a chair and a hospital and a community reviewer (who review nothing) join it first.
start_collecting() {
  local audit=$1 who name sector role
  for who in chair:HOSPITAL:CHAIR reviewer-h:HOSPITAL:REVIEWER reviewer-c:COMMUNITY:REVIEWER; do
    IFS=: read -r name sector role <<< "$who"
    api -X POST "$BASE/api/users" -d "{\"username\":\"quorum-$name-$audit\",\"displayName\":\"Quorum $name\",\"organisation\":\"Benchmark General\",\"sector\":\"$sector\",\"roles\":[\"$role\"],\"password\":\"quorum-secret-$audit-2026\"}" > /dev/null
    api -X POST "$BASE/api/audits/$audit/members" -d "{\"username\":\"quorum-$name-$audit\",\"role\":\"$role\",\"sector\":\"$sector\"}" > /dev/null
  done
  api -X POST "$BASE/api/audits/$audit/status" -d '{"status":"COLLECTING"}' > /dev/null
}

# Samples the service's used heap (survivor + eden + old, KB) every 200 ms while a command runs;
# writes the largest in MB to the file $1.
heap_during() {
  local out=$1 jstat_pid
  shift
  jstat -gc "$SERVICE_PID" 200 > "$out.jstat" 2>/dev/null &
  jstat_pid=$!
  "$@"
  kill "$jstat_pid" 2>/dev/null || true
  awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "%.0f", max / 1024 }' \
    "$out.jstat" > "$out"
}

# The machine's load average over the last minute, to print beside a figure (other work on a
# shared machine moves every timing).
load_now() { cut -d' ' -f1 /proc/loadavg; }

# Exports audit $1 as internal CSV and XLSX into folder $2, and runs through `mariadb --batch --quick`
# both the export's case-row query and a plain dump of the review rows joined to their cases (the
# physical limit), and downloads the cases table alone (tables/cases.csv). Sets
# EXPORT_{QUERY,DUMP,CSV,XLSX,TABLE}_{ROWS,SECONDS}, EXPORT_{CSV,XLSX,TABLE}_FIRST (seconds
# to the first byte), EXPORT_{CSV,XLSX}_HEAP (MB), EXPORT_LOAD (load average before the exports) and
# EXPORT_RSS (the service's peak resident memory so far, MB). EXPORT_BATCH_* are the query's figures.
measure_exports() {
  local audit=$1 dir=$2 query started
  download() {
    curl -fsS -u "admin:$ADMIN_PASSWORD" -o "$dir/export.$1" -w '%{time_total} %{time_starttransfer}\n' \
      "$BASE/api/audits/$audit/export?format=$1&mode=internal" > "$dir/export.$1.time"
  }
  # One small export first, so the figures are not those of a cold JVM.
  curl -fsS -u "admin:$ADMIN_PASSWORD" -o /dev/null "$BASE/api/audits/$audit/export?format=csv&mode=publication"
  EXPORT_LOAD=$(load_now)
  heap_during "$dir/export.csv.heap" download csv
  heap_during "$dir/export.xlsx.heap" download xlsx
  # The case rows alone through the service (the table's own CSV: no long tables, same small tables first).
  curl -fsS -u "admin:$ADMIN_PASSWORD" -o "$dir/cases.csv" -w '%{time_total} %{time_starttransfer}\n' \
    "$BASE/api/audits/$audit/tables/cases.csv?mode=internal" > "$dir/cases.csv.time"
  EXPORT_RSS=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVICE_PID/status")
  # Each query through the client runs once unmeasured first: the service's exports read only the
  # case rows, so the plain dump's tables would otherwise be measured from the disk.
  query=$(grep -v '^--' src/main/resources/sql/export/case-rows.sql | sed "s/:audit/$audit/")
  mysql_ --batch --quick "$DB_NAME" -e "$query" > /dev/null
  started=$(now)
  mysql_ --batch --quick "$DB_NAME" -e "$query" > "$dir/export.tsv"
  EXPORT_QUERY_SECONDS=$(since "$started")
  EXPORT_QUERY_ROWS=$(( $(wc -l < "$dir/export.tsv") - 1 ))
  query=$(grep -v '^--' src/main/resources/sql/export/review-dump.sql | sed "s/:audit/$audit/")
  mysql_ --batch --quick "$DB_NAME" -e "$query" > /dev/null
  started=$(now)
  mysql_ --batch --quick "$DB_NAME" -e "$query" > "$dir/dump.tsv"
  EXPORT_DUMP_SECONDS=$(since "$started")
  EXPORT_DUMP_ROWS=$(( $(wc -l < "$dir/dump.tsv") - 1 ))
  EXPORT_BATCH_SECONDS=$EXPORT_QUERY_SECONDS
  EXPORT_BATCH_ROWS=$EXPORT_QUERY_ROWS
  read -r EXPORT_CSV_SECONDS EXPORT_CSV_FIRST < "$dir/export.csv.time"
  read -r EXPORT_XLSX_SECONDS EXPORT_XLSX_FIRST < "$dir/export.xlsx.time"
  read -r EXPORT_TABLE_SECONDS EXPORT_TABLE_FIRST < "$dir/cases.csv.time"
  EXPORT_TABLE_ROWS=$(( $(wc -l < "$dir/cases.csv") - 1 ))
  # Case rows are the CSV lines of the cases table: between its header and the next table's comment.
  EXPORT_CSV_ROWS=$(awk '/^# table: cases/ { inside = 1; getline; next } /^# table:/ { inside = 0 } inside' \
    "$dir/export.csv" | wc -l)
  EXPORT_XLSX_ROWS=$EXPORT_QUERY_ROWS
  EXPORT_CSV_HEAP=$(cat "$dir/export.csv.heap")
  EXPORT_XLSX_HEAP=$(cat "$dir/export.xlsx.heap")
}

# The export figures as a table, each with its target (bench/run and bench/export print the same).
print_exports() {
  local r
  rate() { echo "$1 / $2" | bc; }
  printf '%-34s | %9s | %8s | %9s | %12s | %s\n' "" "rows" "seconds" "rows/s" "first byte s" "peak heap MB"
  printf '%-34s | %9s | %8.2f | %9s | %12s | %s\n' "mariadb --batch --quick, plain dump" "$EXPORT_DUMP_ROWS" \
    "$EXPORT_DUMP_SECONDS" "$(rate "$EXPORT_DUMP_ROWS" "$EXPORT_DUMP_SECONDS")" "-" "-"
  printf '%-34s | %9s | %8.2f | %9s | %12s | %s\n' "mariadb --batch --quick, case rows" "$EXPORT_QUERY_ROWS" \
    "$EXPORT_QUERY_SECONDS" "$(rate "$EXPORT_QUERY_ROWS" "$EXPORT_QUERY_SECONDS")" "-" "-"
  printf '%-34s | %9s | %8.2f | %9s | %12.2f | %s\n' "service CSV (internal)" "$EXPORT_CSV_ROWS" "$EXPORT_CSV_SECONDS" \
    "$(rate "$EXPORT_CSV_ROWS" "$EXPORT_CSV_SECONDS")" "$EXPORT_CSV_FIRST" "$EXPORT_CSV_HEAP"
  printf '%-34s | %9s | %8.2f | %9s | %12.2f | %s\n' "service CSV, cases table alone" "$EXPORT_TABLE_ROWS" \
    "$EXPORT_TABLE_SECONDS" "$(rate "$EXPORT_TABLE_ROWS" "$EXPORT_TABLE_SECONDS")" "$EXPORT_TABLE_FIRST" "-"
  printf '%-34s | %9s | %8.2f | %9s | %12.2f | %s\n' "service XLSX (internal)" "$EXPORT_XLSX_ROWS" "$EXPORT_XLSX_SECONDS" \
    "$(rate "$EXPORT_XLSX_ROWS" "$EXPORT_XLSX_SECONDS")" "$EXPORT_XLSX_FIRST" "$EXPORT_XLSX_HEAP"
  r=$(echo "scale=2; $EXPORT_DUMP_SECONDS / $EXPORT_CSV_SECONDS" | bc | sed 's/^\./0./')
  printf 'CSV: %s rows in %.2f s (target 1,000,000 in under 10 s); %s of the plain dump'"'"'s speed (target at least 0.8)\n' \
    "$EXPORT_CSV_ROWS" "$EXPORT_CSV_SECONDS" "$r"
  echo "heap: CSV $EXPORT_CSV_HEAP MB, XLSX $EXPORT_XLSX_HEAP MB (target at most 256 MB); XLSX $(rate "$EXPORT_XLSX_ROWS" "$EXPORT_XLSX_SECONDS") rows/s (target at least 50,000)"
  echo "load average (1 min) before the exports: $EXPORT_LOAD on $(nproc) cores"
}
