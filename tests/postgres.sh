# Sourced by test.sh and the load scripts: PostgreSQL from Debian's packages, running on 127.0.0.1:5432, with
# a role the tests and benchmarks use. DEVELOPMENT CREDENTIAL ONLY: the password below guards a throwaway
# local database; a deployment takes its connection string from a secret store or the environment.
ensure_postgres() {
  local sudo
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  if ! command -v pg_lsclusters >/dev/null; then
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  local cluster
  cluster=$(pg_lsclusters --no-header | awk 'NR == 1 { print $1 " " $2 }')
  if [ -z "$cluster" ]; then
    $sudo pg_createcluster 15 main >/dev/null
    cluster="15 main"
  fi
  # shellcheck disable=SC2086
  pg_lsclusters --no-header | awk 'NR == 1 { print $4 }' | grep -q online || $sudo pg_ctlcluster $cluster start
  for _ in $(seq 1 50); do pg_isready -q -h 127.0.0.1 && break; sleep 0.2; done
  local as_postgres
  as_postgres=$([ "$(id -u)" = 0 ] && echo "runuser -u postgres --" || echo "sudo -u postgres")
  $as_postgres psql -q -v ON_ERROR_STOP=1 <<'SQL' >/dev/null
select 'create role decisions login createdb password ''decisions-dev-only'''
where not exists (select from pg_roles where rolname = 'decisions') \gexec
SQL
  # Test hosts run in parallel, each with its own pool: small pools keep them under the server's 100 connections.
  export DECISIONS_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=decisions;Password=decisions-dev-only;Maximum Pool Size=8"
}
