# Sourced by the test scripts that drive a running demo (test-e2e.sh, test-api-fuzz.sh): free ports,
# starting `huoyan demo` over a data directory, and waiting until it is healthy. Needs python3.

# A free TCP port on 127.0.0.1.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_demo BIN DATA [GATEWAY]: starts `BIN --data DATA demo` on a free port, its GB/T 26875.3
# gateway on GATEWAY (default any free port), its output in DATA/server.log. Sets `port`, `url`,
# `log` and `server` (the pid): set the caller's cleanup trap right after.
start_demo() {
  port=$(free_port)
  url="http://127.0.0.1:${port}"
  log="$2/server.log"
  HUOYAN_GATEWAY_LISTEN="${3:-127.0.0.1:0}" "$1" --data "$2" demo --listen "127.0.0.1:${port}" >"$log" 2>&1 &
  server=$!
}

# wait_demo NAME: waits up to 3 minutes for the demo started by start_demo to answer
# /api/v1/health; exits 1 with the log's tail if it stops first.
wait_demo() {
  echo "$1: waiting for huoyan demo on ${url}"
  for _ in $(seq 1 180); do
    if python3 -c "import urllib.request; urllib.request.urlopen('${url}/api/v1/health', timeout=2)" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$server" 2>/dev/null; then
      echo "$1: the server stopped:" >&2
      tail -20 "$log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "$1: the demo did not answer in 3 minutes" >&2
  exit 1
}
