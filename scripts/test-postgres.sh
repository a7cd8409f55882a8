#!/usr/bin/env bash
# Makes sure the PostgreSQL server the tests use is running, and prints its connection string (without a database).
# With PIXHAVEN_TEST_POSTGRES set, that server is used as it is. Otherwise the local Debian cluster is started when it
# is down, and a role pixhaven_test (login, create databases, no superuser) is made on it once.
set -euo pipefail

if [[ -n "${PIXHAVEN_TEST_POSTGRES:-}" ]]; then
  echo "$PIXHAVEN_TEST_POSTGRES"
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then as_root=(); as_postgres=(runuser -u postgres --); else as_root=(sudo); as_postgres=(sudo -u postgres); fi

if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  "${as_root[@]}" pg_createcluster "$version" main >&2
fi

read -r version cluster port status _ < <(pg_lsclusters -h | head -1)
if [[ $status != online* ]]; then
  # Its notes (such as "removed stale pid file") go to stderr: stdout carries only the connection string.
  "${as_root[@]}" pg_ctlcluster "$version" "$cluster" start >&2
fi

"${as_postgres[@]}" psql -p "$port" -qtAX -d postgres >&2 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pixhaven_test') THEN
    CREATE ROLE pixhaven_test LOGIN CREATEDB PASSWORD 'pixhaven_test';
  END IF;
END $$;
SQL

echo "Host=127.0.0.1;Port=$port;Username=pixhaven_test;Password=pixhaven_test"
