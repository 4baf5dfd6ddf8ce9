#!/usr/bin/env bash
# Emulated wireless testbed for COLLAB Fig. 15 (Sec. V-G): one edge server and 1-3 devices, each in
# its own network namespace, joined by veth pairs to a bridge in an "access point" namespace; tc
# rate-limits the links (tbf; netem delay too where the kernel has it). For N = 1, 2, 3 devices it
# runs 100 requests per device, local-only and split (latency-optimal), then writes table.md,
# table.csv and fig15.png/svg with the measured reduction beside the paper's and the error of
# COLLAB eq. (2)'s prediction.
#
# Usage (root; builds nothing, needs cli/target/edgeoffload.jar):
#   runtime/testbed/testbed.sh [--out DIR] [--rate-mbit 8] [--delay-ms 5] [--slowdown 30]
#                              [--requests 100] [--devices "1 2 3"] [--model mobilenetv2]
# Exit 0 with "SKIP testbed: <reason>" when namespaces, veth or tc are not allowed here.
# Everything it creates is named eot<pid>* and removed on exit, failure or interrupt.
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=runs/testbed-$(date -u +%Y%m%d-%H%M%S)
RATE=8; DELAY=5; SLOW=30; REQ=100; DEVICES="1 2 3"; MODEL=mobilenetv2
JAR=cli/target/edgeoffload.jar
while (($#)); do
  case "$1" in
    --out) OUT=$2; shift 2 ;;
    --rate-mbit) RATE=$2; shift 2 ;;
    --delay-ms) DELAY=$2; shift 2 ;;
    --slowdown) SLOW=$2; shift 2 ;;
    --requests) REQ=$2; shift 2 ;;
    --devices) DEVICES=$2; shift 2 ;;
    --model) MODEL=$2; shift 2 ;;
    --jar) JAR=$2; shift 2 ;;
    -h|--help) sed -n 2,14p "$0"; exit 0 ;;
    *) echo "testbed: unknown option $1" >&2; exit 2 ;;
  esac
done

T=eot$$                      # prefix of every namespace and interface (<= 15 characters)
NETS=()
PIDS=()
skip() { echo "SKIP testbed: $*"; exit 0; }
cleanup() {
  set +e
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
  for n in "${NETS[@]}"; do ip netns del "$n" 2>/dev/null; done   # deleting a namespace deletes its veths
  for i in $(ip -o link show 2>/dev/null | awk -F': ' '{print $2}' | cut -d@ -f1 | grep "^$T" || true); do
    ip link del "$i" 2>/dev/null
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[[ $(id -u) == 0 ]] || skip "needs root for ip netns (run as root or with sudo)"
command -v ip >/dev/null || skip "ip not found (apt-get install iproute2)"
command -v tc >/dev/null || skip "tc not found (apt-get install iproute2)"
command -v java >/dev/null || skip "java not found"
[[ -f $JAR ]] || skip "$JAR missing: mvn -B -q -DskipTests package -pl cli -am"
ip netns add "${T}probe" 2>/dev/null || skip "network namespaces not allowed here (ip netns add failed)"
NETS+=("${T}probe")
ip netns exec "${T}probe" ip link add "${T}x" type veth peer name "${T}y" 2>/dev/null \
  || skip "veth pairs not allowed here"
ip netns exec "${T}probe" tc qdisc add dev "${T}x" root tbf rate 1mbit burst 32kbit latency 100ms 2>/dev/null \
  || skip "tc tbf not available"
NETEM=1
ip netns exec "${T}probe" tc qdisc replace dev "${T}x" root netem delay 1ms 2>/dev/null || NETEM=0
ip netns del "${T}probe"; NETS=()

# Shapes egress of an interface inside a namespace: rate limit, plus delay where netem exists.
shape() {
  local ns=$1 dev=$2
  if ((NETEM)); then
    ip netns exec "$ns" tc qdisc add dev "$dev" root netem delay "${DELAY}ms" rate "${RATE}mbit" limit 1000
  else
    ip netns exec "$ns" tc qdisc add dev "$dev" root tbf rate "${RATE}mbit" burst 32kbit latency 2000ms
  fi
}

mkdir -p "$OUT"
echo "testbed: $MODEL, links ${RATE} Mbit/s, devices ${SLOW}x slower than this machine, $REQ requests per device"
((NETEM)) || echo "testbed: netem is not in this kernel: links are rate-limited (tbf) without added delay"

AP=${T}ap; SV=${T}sv
ip netns add "$AP"; NETS+=("$AP")
ip netns add "$SV"; NETS+=("$SV")
ip netns exec "$AP" ip link add br0 type bridge
ip netns exec "$AP" ip link set br0 up
ip netns exec "$AP" ip link set lo up
ip link add "${T}s" type veth peer name "${T}sa"
ip link set "${T}s" netns "$SV"; ip link set "${T}sa" netns "$AP"
ip netns exec "$SV" ip addr add 10.77.0.1/24 dev "${T}s"
ip netns exec "$SV" ip link set "${T}s" up
ip netns exec "$SV" ip link set lo up
ip netns exec "$AP" ip link set "${T}sa" master br0 up
shape "$AP" "${T}sa"   # access point -> server: every device's uplink shares this rate
shape "$SV" "${T}s"    # server -> access point: the shared downlink
for k in 1 2 3; do
  D=${T}d$k
  ip netns add "$D"; NETS+=("$D")
  ip link add "${T}d$k" type veth peer name "${T}a$k"
  ip link set "${T}d$k" netns "$D"; ip link set "${T}a$k" netns "$AP"
  ip netns exec "$D" ip addr add "10.77.0.$((10 + k))/24" dev "${T}d$k"
  ip netns exec "$D" ip link set "${T}d$k" up
  ip netns exec "$D" ip link set lo up
  ip netns exec "$AP" ip link set "${T}a$k" master br0 up
  shape "$D" "${T}d$k"  # the device's own radio
done

JAVA=(java -Djava.awt.headless=true -Xmx1g)
echo "testbed: profiling $MODEL on this machine"
"${JAVA[@]}" -jar "$JAR" profile --model "$MODEL" --runs 10 --out "$OUT/profile.csv" | tail -1
ip netns exec "$SV" "${JAVA[@]}" -jar "$JAR" edge-server --host 10.77.0.1 --port 50051 --model "$MODEL" \
  --max-sessions 8 --workers 1 --port-file "$OUT/port" >"$OUT/server.log" 2>&1 &
SERVER=$!; PIDS+=("$SERVER")
for _ in $(seq 240); do [[ -f $OUT/port ]] && break; kill -0 "$SERVER" 2>/dev/null || break; sleep 0.5; done
[[ -f $OUT/port ]] || { echo "testbed: the server did not start:" >&2; cat "$OUT/server.log" >&2; exit 1; }
for k in 1 2 3; do   # every device reaches the server through the access point
  ip netns exec "${T}d$k" timeout 5 bash -c 'exec 3<>/dev/tcp/10.77.0.1/50051' \
    || { echo "testbed: device $k cannot reach the server" >&2; exit 1; }
done

for n in $DEVICES; do
  for policy in local-only latency-optimal; do
    echo "testbed: $n device(s), $policy"
    DEV=()
    for k in $(seq "$n"); do
      ip netns exec "${T}d$k" "${JAVA[@]}" -jar "$JAR" device --server 10.77.0.1:50051 --model "$MODEL" \
        --policy "$policy" --requests "$REQ" --device-slowdown "$SLOW" --deadline 10 --time-limit 900 \
        --id "d$k" --input-seed $((1000 * k)) --out "$OUT/n$n-$policy-d$k.csv" >"$OUT/n$n-$policy-d$k.log" 2>&1 &
      DEV+=($!); PIDS+=($!)
    done
    rc=0
    for p in "${DEV[@]}"; do wait "$p" || rc=1; done
    ((rc == 0)) || { echo "testbed: a device failed, see $OUT/*.log" >&2; exit 1; }
  done
done
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
java -Djava.awt.headless=true -cp "$JAR" io.edgeoffload.cli.TestbedReport "$OUT" "$MODEL" "$OUT/profile.csv" "$SLOW" "$RATE"
echo "testbed: wrote $OUT/table.md, $OUT/table.csv, $OUT/fig15.png"
