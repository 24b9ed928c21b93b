#!/bin/sh
# First start of the PostgreSQL container only (docker-entrypoint-initdb.d): the
# two roles of decision 011 and the database. lianxin_owner owns the schema and
# runs migrations (the migrate job); lianxin_app, which the servers and the
# worker use, only reads and writes rows (start.mjs grants it after migrating).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$LIANXIN_DB_OWNER_PASSWORD" -v app_password="$LIANXIN_DB_APP_PASSWORD" <<'SQL'
CREATE ROLE lianxin_owner LOGIN CREATEDB PASSWORD :'owner_password';
CREATE ROLE lianxin_app LOGIN PASSWORD :'app_password';
CREATE DATABASE lianxin OWNER lianxin_owner;
REVOKE ALL ON DATABASE lianxin FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE lianxin TO lianxin_app;
SQL
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname lianxin <<'SQL'
ALTER SCHEMA public OWNER TO lianxin_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
