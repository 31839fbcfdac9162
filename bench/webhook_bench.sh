#!/usr/bin/env bash
# Webhook delivery latency on loopback: a throwaway certificate for a local HTTPS receiver, trusted by
# the server through the standard JVM trust store options; then bench/webhook_bench.py.
# Run from the repository root after `mvn -q -DskipTests package`.
set -euo pipefail
work=$(mktemp -d)
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
keytool -importcert -noprompt -alias receiver -file "$work/cert.pem" -keystore "$work/trust.p12" \
  -storetype PKCS12 -storepass changeit >/dev/null
DATA_API_DATA_DIR="$work/data" DATA_API_PORT=18080 DATA_API_CATALOG=bench/bench-catalog.yaml \
DATA_API_WEBHOOK_ALLOW_PRIVATE_NETWORKS=true \
  java -Djavax.net.ssl.trustStore="$work/trust.p12" -Djavax.net.ssl.trustStorePassword=changeit \
  -jar app/target/data-api.jar > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf localhost:18080/health/ready >/dev/null && break; sleep 0.1; done
python3 bench/webhook_bench.py http://127.0.0.1:18080 "${1:-50}" "$work/cert.pem" "$work/key.pem"
