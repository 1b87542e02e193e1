#!/usr/bin/env bash
# The VXLAN double SNAT on a real kernel, and iptlint's fix for it.
#
# Two network namespaces play two Kubernetes nodes joined by a veth "underlay" and a flannel-style
# VXLAN device (VNI 1, UDP port 8472, static fdb and neighbour entries); a third namespace is a pod
# on node2. node1's nat table is what kube-proxy v1.16.0 to v1.18.5 wrote. node1's host network
# connects to a service IP whose endpoint is the pod, so the packet is marked for masquerading,
# MASQUERADEd when it leaves through flannel.1, encapsulated, and, still marked, MASQUERADEd a
# second time when the outer UDP packet leaves through the underlay. The script shows that from
# the kernel's own state (conntrack entries and rule counters), runs `iptlint lint` on node1's
# iptables-save, applies `iptlint fix --emit patch` with `iptables-restore --noflush`, and shows
# the outer flow no longer SNATed while the connection is still masqueraded once.
#
# Usage: sudo examples/vxlan-lab/run.sh [--backend nft|legacy] [--connections N]
# Needs root, iproute2 (ip, bridge), iptables, conntrack, coreutils' timeout, node. Exits 0 only
# when everything is as described, 1 when something is not (or a step fails), 2 on a usage
# error, 77 when it cannot run here (not root, a tool missing, no VXLAN in the kernel). Every
# number it prints is read from the kernel.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
readonly ROOT
readonly NODE="${NODE:-node}"
readonly IPTLINT=("$NODE" "$ROOT/dist/iptlint.js")

BACKEND=""        # "" = the system's iptables alternative
CONNECTIONS=3     # connections per phase

# Addresses exist only inside the namespaces this script creates (TEST-NET-1 underlay, flannel's
# default pod network, kube-proxy's default service network); nothing is sent anywhere else.
readonly NODE1_IP=192.0.2.1 NODE2_IP=192.0.2.2
readonly NODE1_VTEP=10.244.0.0 NODE2_VTEP=10.244.1.0      # flannel.1 addresses (flannel style /32)
readonly NODE1_VTEP_MAC=0a:58:0a:f4:00:00 NODE2_VTEP_MAC=0a:58:0a:f4:01:00
readonly POD_IP=10.244.1.2 POD_PORT=8080 CNI0_IP=10.244.1.1
readonly SERVICE_IP=10.96.0.10 SERVICE_PORT=80
readonly VXLAN_PORT=8472 MASQ_MARK=0x4000

# Unique per run so parallel runs do not clash.
readonly NS1="iptlint-vxlan-$$-node1" NS2="iptlint-vxlan-$$-node2" NSPOD="iptlint-vxlan-$$-pod"
CREATED_NS=()      # only what this run created is deleted
WORK=""
SERVER_PID=""
FAILURES=0

usage() {
  echo "usage: $0 [--backend nft|legacy] [--connections N]" >&2
  exit 2
}

while (($#)); do
  case "$1" in
    --backend) [[ ${2:-} == nft || ${2:-} == legacy ]] || usage; BACKEND="$2"; shift 2 ;;
    --connections) [[ ${2:-} =~ ^[1-9][0-9]?$ ]] || usage; CONNECTIONS="$2"; shift 2 ;;
    -h | --help) usage ;;
    *) usage ;;
  esac
done

readonly IPT="iptables${BACKEND:+-$BACKEND}"
readonly IPT_SAVE="$IPT-save" IPT_RESTORE="$IPT-restore"

# ---------------------------------------------------------------------------------------------
# Helpers

say() { printf '%s\n' "$*"; }
indent() { sed 's/^/    /'; }
heading() { printf '\n== %s\n' "$*"; }

# A check the report depends on: printed either way, counted when it fails.
check() {
  local description="$1"; shift
  if "$@"; then
    say "  ok    $description"
  else
    say "  FAIL  $description"
    FAILURES=$((FAILURES + 1))
  fi
}

die() {
  echo "run.sh: $*" >&2
  exit 1
}

# 77: "cannot run here" (the automake convention), which the test reports as a skip outside CI.
cannot_run() {
  echo "run.sh: $*" >&2
  exit 77
}

# Every command inside a namespace is bounded, so nothing can hang the run.
in_ns() {
  local ns="$1"; shift
  timeout 15 ip netns exec "$ns" "$@"
}

cleanup() {
  local status=$?
  # Once started, the cleanup is not to be cut short by a second signal (it takes well under a
  # second): a Ctrl-C pressed twice must not leave namespaces behind.
  trap - EXIT
  trap '' INT TERM
  # Our background jobs (the pod's listener; its `timeout` passes the signal on to node), taken
  # from the job table rather than $SERVER_PID, which a signal can beat to its assignment.
  local pids
  pids=$(jobs -p)
  if [[ -n $pids ]]; then
    # shellcheck disable=SC2086 # one PID a word
    kill $pids 2>/dev/null || true
    wait 2>/dev/null || true
  fi
  # Deleting a namespace destroys the veth, bridge and VXLAN devices in it; none was ever
  # created in the host's namespace, so nothing is left behind there.
  local ns
  for ns in "${CREATED_NS[@]}"; do
    ip netns delete "$ns" 2>/dev/null || true
  done
  [[ -n $WORK ]] && rm -rf "$WORK"
  exit "$status"
}

preflight() {
  [[ $(id -u) == 0 ]] || cannot_run "needs root (network namespaces, iptables, conntrack)"
  local tool
  for tool in ip bridge "$IPT" "$IPT_SAVE" "$IPT_RESTORE" conntrack timeout "$NODE"; do
    command -v "$tool" >/dev/null || cannot_run "needs $tool (Debian packages: iproute2 iptables conntrack coreutils; and Node.js)"
  done
}

# ---------------------------------------------------------------------------------------------
# The two nodes, the underlay, the VXLAN overlay and the pod

create_topology() {
  local ns
  for ns in "$NS1" "$NS2" "$NSPOD"; do
    # Recorded before it exists: a signal that arrives during `ip netns add` runs the cleanup
    # right after it, and deleting a namespace that was never added does no harm.
    CREATED_NS+=("$ns")
    ip netns add "$ns"
    ip -n "$ns" link set lo up
  done

  # Underlay: one veth, created directly inside the two namespaces.
  ip -n "$NS1" link add eth0 type veth peer name eth0 netns "$NS2"
  ip -n "$NS1" addr add "$NODE1_IP/24" dev eth0
  ip -n "$NS2" addr add "$NODE2_IP/24" dev eth0
  ip -n "$NS1" link set eth0 up
  ip -n "$NS2" link set eth0 up

  # Overlay, the way flannel's vxlan backend sets it up: flannel.1 with VNI 1 on port 8472, no
  # learning, the node's subnet .0 as a /32, a route to the other node's subnet through its
  # VTEP address, and a permanent neighbour entry plus an fdb entry saying where that VTEP is.
  vxlan_node "$NS1" "$NODE1_IP" "$NODE1_VTEP" "$NODE1_VTEP_MAC" "$NODE2_IP" "$NODE2_VTEP" "$NODE2_VTEP_MAC" 10.244.1.0/24
  vxlan_node "$NS2" "$NODE2_IP" "$NODE2_VTEP" "$NODE2_VTEP_MAC" "$NODE1_IP" "$NODE1_VTEP" "$NODE1_VTEP_MAC" 10.244.0.0/24

  # The pod: its own namespace behind node2's cni0 bridge; node2 forwards between the two.
  ip -n "$NS2" link add cni0 type bridge
  ip -n "$NS2" addr add "$CNI0_IP/24" dev cni0
  ip -n "$NS2" link set cni0 up
  ip -n "$NS2" link add veth0 type veth peer name eth0 netns "$NSPOD"
  ip -n "$NS2" link set veth0 master cni0 up
  ip -n "$NSPOD" addr add "$POD_IP/24" dev eth0
  ip -n "$NSPOD" link set eth0 up
  ip -n "$NSPOD" route add default via "$CNI0_IP"
  in_ns "$NS2" bash -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'

  # node1 reaches the service network through its underlay, as a node's default route would:
  # the source address of a host connection to a ClusterIP is then the node IP, which is why
  # kube-proxy marks it for masquerading. (DNAT to the pod re-routes it into flannel.1 before
  # it leaves, so nothing is sent to the service IP itself.)
  ip -n "$NS1" route add 10.96.0.0/12 via "$NODE2_IP" dev eth0
}

# vxlan_node NS UNDERLAY_IP VTEP_IP VTEP_MAC PEER_IP PEER_VTEP_IP PEER_VTEP_MAC PEER_SUBNET
vxlan_node() {
  local ns=$1 ip=$2 vtep=$3 mac=$4 peer=$5 peer_vtep=$6 peer_mac=$7 peer_subnet=$8
  if ! ip -n "$ns" link add flannel.1 address "$mac" mtu 1450 \
    type vxlan id 1 local "$ip" dev eth0 dstport "$VXLAN_PORT" nolearning; then
    cannot_run "this kernel cannot create a VXLAN device (CONFIG_VXLAN)"
  fi
  ip -n "$ns" addr add "$vtep/32" dev flannel.1
  ip -n "$ns" link set flannel.1 up
  ip -n "$ns" route add "$peer_subnet" via "$peer_vtep" dev flannel.1 onlink
  ip -n "$ns" neigh add "$peer_vtep" lladdr "$peer_mac" dev flannel.1 nud permanent
  bridge -n "$ns" fdb append "$peer_mac" dev flannel.1 dst "$peer"
}

# ---------------------------------------------------------------------------------------------
# node1's tables

# The nat table as kube-proxy v1.16.0-v1.18.5 (iptables mode, --cluster-cidr 10.244.0.0/16)
# writes it for one ClusterIP service with one endpoint: a host connection to the ClusterIP is
# marked by KUBE-MARK-MASQ and DNATed to the pod, and KUBE-POSTROUTING masquerades on the mark
# with --random-fully without clearing it.
load_kube_proxy_rules() {
  in_ns "$NS1" "$IPT_RESTORE" <<EOF
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:KUBE-MARK-DROP - [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-NODEPORTS - [0:0]
:KUBE-POSTROUTING - [0:0]
:KUBE-SEP-LABECHOPOD1VXLAN - [0:0]
:KUBE-SERVICES - [0:0]
:KUBE-SVC-LABECHOVXLAN2NX6 - [0:0]
-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
-A KUBE-MARK-DROP -j MARK --set-xmark 0x8000/0x8000
-A KUBE-MARK-MASQ -j MARK --set-xmark $MASQ_MARK/$MASQ_MARK
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -m mark --mark $MASQ_MARK/$MASQ_MARK -j MASQUERADE --random-fully
-A KUBE-SEP-LABECHOPOD1VXLAN -s $POD_IP/32 -m comment --comment "vxlan-lab/echo:http" -j KUBE-MARK-MASQ
-A KUBE-SEP-LABECHOPOD1VXLAN -p tcp -m comment --comment "vxlan-lab/echo:http" -m tcp -j DNAT --to-destination $POD_IP:$POD_PORT
-A KUBE-SERVICES ! -s 10.244.0.0/16 -d $SERVICE_IP/32 -p tcp -m comment --comment "vxlan-lab/echo:http cluster IP" -m tcp --dport $SERVICE_PORT -j KUBE-MARK-MASQ
-A KUBE-SERVICES -d $SERVICE_IP/32 -p tcp -m comment --comment "vxlan-lab/echo:http cluster IP" -m tcp --dport $SERVICE_PORT -j KUBE-SVC-LABECHOVXLAN2NX6
-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
-A KUBE-SVC-LABECHOVXLAN2NX6 -m comment --comment "vxlan-lab/echo:http" -j KUBE-SEP-LABECHOPOD1VXLAN
COMMIT
EOF

  # The lab's own probe, in mangle (which sees every packet, where nat sees the first packet of
  # each flow): count the outer VXLAN packets node1 sends, and those that still carry the mark.
  in_ns "$NS1" "$IPT_RESTORE" <<EOF
*mangle
:POSTROUTING ACCEPT [0:0]
:VXLAN-LAB-PROBE - [0:0]
-A POSTROUTING -o eth0 -p udp -m udp --dport $VXLAN_PORT -j VXLAN-LAB-PROBE
-A VXLAN-LAB-PROBE -m comment --comment "vxlan-lab: outer VXLAN packets"
-A VXLAN-LAB-PROBE -m mark --mark $MASQ_MARK/$MASQ_MARK -m comment --comment "vxlan-lab: outer VXLAN packets carrying the masquerade mark"
COMMIT
EOF

  # node2 needs no rules. This one only counts, but a conntrack match turns connection tracking
  # on in its namespace (a kernel tracks nothing in a namespace whose rules do not need it), so
  # node2's conntrack table shows the source port the tunnel packets really arrive from.
  in_ns "$NS2" "$IPT_RESTORE" <<EOF
*filter
:INPUT ACCEPT [0:0]
-A INPUT -i eth0 -p udp -m udp --dport $VXLAN_PORT -m conntrack --ctstate NEW -m comment --comment "vxlan-lab: new tunnel flows from node1"
COMMIT
EOF
}

# Packets counted by the rules of TABLE whose iptables-save line matches REGEX (summed).
rule_packets() {
  local table=$1 regex=$2 line packets total=0
  while IFS= read -r line; do
    [[ $line =~ ^\[([0-9]+):[0-9]+\]\ (.*)$ ]] || continue
    packets=${BASH_REMATCH[1]}
    [[ ${BASH_REMATCH[2]} =~ $regex ]] && total=$((total + packets))
  done < <(in_ns "$NS1" "$IPT_SAVE" -c -t "$table")
  echo "$total"
}

masquerade_packets() { rule_packets nat '^-A KUBE-POSTROUTING .*-j MASQUERADE'; }
outer_packets() { rule_packets mangle '^-A VXLAN-LAB-PROBE .*"vxlan-lab: outer VXLAN packets"'; }
marked_outer_packets() { rule_packets mangle '^-A VXLAN-LAB-PROBE .*carrying the masquerade mark'; }

# ---------------------------------------------------------------------------------------------
# The pod's listener and node1's client (node, which the project needs anyway)

start_pod_server() {
  # Answers every connection with the address and port it came from, as the pod sees it.
  # Bounded like everything else: it outlives the run only if cleanup itself is killed.
  # shellcheck disable=SC2016 # JavaScript, expanded by node
  timeout 120 ip netns exec "$NSPOD" "$NODE" -e '
    const server = require("net").createServer((socket) =>
      socket.end(`${socket.remoteAddress}:${socket.remotePort}\n`));
    server.listen(Number(process.argv[2]), process.argv[1], () => console.log("listening"));
  ' "$POD_IP" "$POD_PORT" >"$WORK/server.out" 2>&1 &
  SERVER_PID=$!
  local i
  for ((i = 0; i < 50; i++)); do
    grep -q listening "$WORK/server.out" 2>/dev/null && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  die "the pod's listener did not start: $(cat "$WORK/server.out")"
}

# One TCP connection from node1's host network to the service; prints
# "LOCAL_ADDRESS:PORT SEEN_BY_POD_ADDRESS:PORT".
connect_once() {
  # shellcheck disable=SC2016 # JavaScript, expanded by node
  in_ns "$NS1" "$NODE" -e '
    const socket = require("net").connect(Number(process.argv[2]), process.argv[1]);
    let local = "", reply = "";
    socket.setTimeout(5000, () => { console.error("timed out"); process.exit(1); });
    socket.on("connect", () => { local = `${socket.localAddress}:${socket.localPort}`; });
    socket.on("data", (chunk) => { reply += chunk; });
    socket.on("error", (error) => { console.error(error.message); process.exit(1); });
    socket.on("close", () => { console.log(`${local} ${reply.trim()}`); process.exit(reply ? 0 : 1); });
  ' "$SERVICE_IP" "$SERVICE_PORT"
}

# ---------------------------------------------------------------------------------------------
# Reading conntrack

# The first entry `conntrack -L ARGS` lists in NS, split into CT_LINE and CT_O_SRC, CT_O_DST,
# CT_O_SPORT, CT_O_DPORT (original direction) and CT_R_SRC, CT_R_DST, CT_R_SPORT, CT_R_DPORT
# (reply direction). Returns 1 when there is none.
ct_entry() {
  local ns=$1; shift
  CT_LINE=$(in_ns "$ns" conntrack -L "$@" 2>/dev/null | head -n 1)
  local tuple='src=([^ ]+) dst=([^ ]+) sport=([0-9]+) dport=([0-9]+)'
  [[ $CT_LINE =~ $tuple.*\ $tuple ]] || return 1
  CT_O_SRC=${BASH_REMATCH[1]} CT_O_DST=${BASH_REMATCH[2]} CT_O_SPORT=${BASH_REMATCH[3]} CT_O_DPORT=${BASH_REMATCH[4]}
  CT_R_SRC=${BASH_REMATCH[5]} CT_R_DST=${BASH_REMATCH[6]} CT_R_SPORT=${BASH_REMATCH[7]} CT_R_DPORT=${BASH_REMATCH[8]}
}

# The number of entries `conntrack -L ARGS` lists in NS.
ct_count() {
  local ns=$1; shift
  in_ns "$ns" conntrack -L "$@" 2>/dev/null | grep -c . || true
}

# ---------------------------------------------------------------------------------------------
# One phase: CONNECTIONS connections, each measured on its own

# Results of the last phase, for the summary.
PHASE_OUTER_SNATED=0 PHASE_INNER_MASQ=0 PHASE_OK=0 PHASE_MASQ_COUNTS=() PHASE_MARKED=0 PHASE_OUTER=0 PHASE_NODE2_AGREES=0

run_phase() {
  local i
  PHASE_OUTER_SNATED=0 PHASE_INNER_MASQ=0 PHASE_OK=0 PHASE_MASQ_COUNTS=() PHASE_MARKED=0 PHASE_OUTER=0 PHASE_NODE2_AGREES=0
  for ((i = 1; i <= CONNECTIONS; i++)); do
    measure_connection "$i"
  done
}

# measure_connection N: connection number N of the phase, from empty conntrack tables.
measure_connection() {
  local n=$1
  # Each connection starts from empty conntrack tables on both nodes, so the entries read
  # afterwards are exactly this connection's: its TCP flow and its outer VXLAN flow.
  in_ns "$NS1" conntrack -F >/dev/null 2>&1
  in_ns "$NS2" conntrack -F >/dev/null 2>&1
  # One command substitution per command: bash 5.2 can misparse its INT trap when the signal
  # arrives while it expands several in one command (the run then exits 2, cleaned up all the same).
  local masq0 outer0 marked0
  masq0=$(masquerade_packets)
  outer0=$(outer_packets)
  marked0=$(marked_outer_packets)

  local result local_end seen_by_pod
  if ! result=$(connect_once 2>&1); then
    say "  connection $n: FAILED: $result"
    FAILURES=$((FAILURES + 1))
    return 0
  fi
  read -r local_end seen_by_pod <<<"$result"
  PHASE_OK=$((PHASE_OK + 1))

  local masq outer marked
  masq=$(masquerade_packets)
  outer=$(outer_packets)
  marked=$(marked_outer_packets)
  masq=$((masq - masq0)) outer=$((outer - outer0)) marked=$((marked - marked0))
  PHASE_MASQ_COUNTS+=("$masq")
  PHASE_OUTER=$((PHASE_OUTER + outer)) PHASE_MARKED=$((PHASE_MARKED + marked))

  say "  connection $n: node1 $local_end -> service $SERVICE_IP:$SERVICE_PORT; the pod saw it come from $seen_by_pod"

  # The inner flow: node1's conntrack entry for this connection.
  local inner_line
  if ct_entry "$NS1" -p tcp --orig-src "$NODE1_IP" --orig-port-src "${local_end##*:}"; then
    inner_line=$CT_LINE
    local snat_text="not SNATed"
    if [[ $CT_R_DST != "$CT_O_SRC" ]]; then
      snat_text="SNATed to $CT_R_DST:$CT_R_DPORT"
      PHASE_INNER_MASQ=$((PHASE_INNER_MASQ + 1))
    fi
    say "    inner TCP flow:    $CT_O_SRC:$CT_O_SPORT -> $CT_O_DST:$CT_O_DPORT, DNATed to $CT_R_SRC:$CT_R_SPORT, $snat_text"
  else
    inner_line="(no entry)"
    say "    inner TCP flow:    no conntrack entry on node1"
  fi

  # The outer flow: the tunnel packets node1's VXLAN driver sends to node2.
  local outer_line outer_snat=no flows
  flows=$(ct_count "$NS1" -p udp --orig-src "$NODE1_IP" --orig-dst "$NODE2_IP" --orig-port-dst "$VXLAN_PORT")
  if ct_entry "$NS1" -p udp --orig-src "$NODE1_IP" --orig-dst "$NODE2_IP" --orig-port-dst "$VXLAN_PORT"; then
    outer_line=$CT_LINE
    local vxlan_sport=$CT_O_SPORT wire_sport=$CT_R_DPORT
    if [[ $CT_R_DPORT != "$CT_O_SPORT" || $CT_R_DST != "$CT_O_SRC" ]]; then
      outer_snat=yes
      PHASE_OUTER_SNATED=$((PHASE_OUTER_SNATED + 1))
      say "    outer VXLAN flow:  $CT_O_SRC:$vxlan_sport -> $CT_O_DST:$CT_O_DPORT, SNATed to $CT_R_DST:$wire_sport" \
        "(the VXLAN driver chose port $vxlan_sport, --random-fully replaced it)"
    else
      say "    outer VXLAN flow:  $CT_O_SRC:$vxlan_sport -> $CT_O_DST:$CT_O_DPORT, not SNATed (reply tuple is the original reversed)"
    fi
    # What node2's kernel saw arrive: the port on the wire.
    if ct_entry "$NS2" -p udp --orig-src "$NODE1_IP" --orig-port-dst "$VXLAN_PORT"; then
      if [[ $CT_O_SPORT == "$wire_sport" ]]; then
        PHASE_NODE2_AGREES=$((PHASE_NODE2_AGREES + 1))
        local which_port="the VXLAN driver's own port"
        [[ $outer_snat == yes ]] && which_port="the rewritten port"
        say "    node2's conntrack: the tunnel packets arrived from $CT_O_SRC:$CT_O_SPORT ($which_port)"
      else
        say "    node2's conntrack: the tunnel packets arrived from $CT_O_SRC:$CT_O_SPORT, not from port $wire_sport as node1's says"
      fi
    else
      say "    node2's conntrack: no entry for the tunnel packets"
    fi
  else
    outer_line="(no entry)"
    say "    outer VXLAN flow:  no conntrack entry on node1"
  fi
  ((flows <= 1)) || say "    note: $flows outer flows for one connection (the first is shown)"

  say "    KUBE-POSTROUTING MASQUERADE counter: +$masq packets;" \
    "outer VXLAN packets sent: $outer, carrying mark $MASQ_MARK: $marked"
  if ((n == 1)); then
    say "    conntrack -L on node1 (this connection's entries):"
    printf '%s\n%s\n' "$inner_line" "$outer_line" | sed 's/^/      /'
  fi
}

# ---------------------------------------------------------------------------------------------
# The run

main() {
  preflight
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/iptlint-vxlan-lab.XXXXXX")
  # iptables-legacy takes the machine-wide /run/xtables.lock even inside a namespace; a lock
  # file of our own keeps parallel runs (and other iptables users) from waiting on each other.
  export XTABLES_LOCKFILE="$WORK/xtables.lock"
  local started=$SECONDS

  local kernel iptables_version node_version
  kernel=$(uname -r)
  iptables_version=$("$IPT" --version)
  node_version=$("$NODE" --version)
  say "VXLAN double SNAT lab: kernel $kernel, $iptables_version, node $node_version"
  say "node1 $NODE1_IP (flannel.1 $NODE1_VTEP)  ==underlay veth, VXLAN VNI 1 udp/$VXLAN_PORT==  node2 $NODE2_IP (flannel.1 $NODE2_VTEP)"
  say "pod $POD_IP:$POD_PORT on node2, endpoint of service $SERVICE_IP:$SERVICE_PORT; namespaces $NS1, $NS2, $NSPOD"

  create_topology
  load_kube_proxy_rules
  start_pod_server

  # --- Before ---------------------------------------------------------------------------------
  heading "BEFORE: node1's KUBE-POSTROUTING as kube-proxy v1.16.0-v1.18.5 wrote it"
  in_ns "$NS1" "$IPT" -t nat -S KUBE-POSTROUTING | indent
  run_phase
  local before_masq=("${PHASE_MASQ_COUNTS[@]}")
  say "  counters (iptables -t nat -L KUBE-POSTROUTING -v -x -n):"
  in_ns "$NS1" "$IPT" -t nat -L KUBE-POSTROUTING -v -x -n | indent

  say "  checks:"
  check "all $CONNECTIONS connections reached the pod ($PHASE_OK)" test "$PHASE_OK" -eq "$CONNECTIONS"
  check "outer VXLAN flow SNATed in every connection ($PHASE_OUTER_SNATED of $CONNECTIONS)" test "$PHASE_OUTER_SNATED" -eq "$CONNECTIONS"
  check "node2 received the tunnel packets from the port node1's conntrack says ($PHASE_NODE2_AGREES of $CONNECTIONS)" test "$PHASE_NODE2_AGREES" -eq "$CONNECTIONS"
  check "MASQUERADE counted >= 2 packets per connection, the inner and the outer one (${before_masq[*]})" all_at_least 2 "${before_masq[@]}"
  check "outer VXLAN packets carried mark $MASQ_MARK ($PHASE_MARKED of $PHASE_OUTER)" test "$PHASE_MARKED" -ge 1
  check "inner connection masqueraded in every connection ($PHASE_INNER_MASQ of $CONNECTIONS)" test "$PHASE_INNER_MASQ" -eq "$CONNECTIONS"
  local b_snated=$PHASE_OUTER_SNATED b_inner=$PHASE_INNER_MASQ b_marked=$PHASE_MARKED b_outer=$PHASE_OUTER

  # --- iptlint ----------------------------------------------------------------------------------
  heading "iptlint lint on node1's own iptables-save"
  in_ns "$NS1" "$IPT_SAVE" >"$WORK/node1.rules"
  local lint_status=0
  (cd "$WORK" && "${IPTLINT[@]}" lint node1.rules) >"$WORK/lint.out" 2>&1 || lint_status=$?
  indent <"$WORK/lint.out"
  say "  exit status $lint_status"
  check "iptlint reports masquerade-mark-not-cleared as an error and exits 1" \
    lint_found_error "$lint_status" "$WORK/lint.out"
  # What iptlint says once it knows this kernel has the checksum fix: the double SNAT stays.
  local weighed_status=0 weighed severity="no finding" reason=""
  weighed=$(cd "$WORK" && "${IPTLINT[@]}" lint --kernel-version "$kernel" node1.rules 2>&1) || weighed_status=$?
  [[ $weighed =~ (error|warning)\ +[^\ ]+\ MASQUERADE ]] && severity=${BASH_REMATCH[1]}
  [[ $weighed =~ \((kernel\ [^\)]*\ has\ the\ checksum\ fix)\) ]] && reason=" (${BASH_REMATCH[1]}; the double SNAT above remains)"
  say "  with --kernel-version $kernel: $severity, exit status $weighed_status$reason"

  heading "iptlint fix --emit patch, applied with $IPT_RESTORE --noflush"
  (cd "$WORK" && "${IPTLINT[@]}" fix --emit patch node1.rules) >"$WORK/fix.rules" 2>"$WORK/fix.err" ||
    die "iptlint fix --emit patch failed: $(cat "$WORK/fix.err")"
  indent <"$WORK/fix.rules"
  in_ns "$NS1" "$IPT_RESTORE" --noflush <"$WORK/fix.rules" || die "$IPT_RESTORE --noflush refused the patch"
  say "  applied. KUBE-POSTROUTING now:"
  in_ns "$NS1" "$IPT" -t nat -S KUBE-POSTROUTING | indent
  say "  (kube-proxy is not running here; on a real node an affected kube-proxy would rewrite this"
  say "  chain on its next sync: the patch is a stopgap, upgrading kube-proxy is the fix)"
  in_ns "$NS1" "$IPT_SAVE" >"$WORK/node1.rules"
  local relint_status=0
  (cd "$WORK" && "${IPTLINT[@]}" lint node1.rules) >"$WORK/relint.out" 2>&1 || relint_status=$?
  indent <"$WORK/relint.out"
  check "iptlint lint on the patched node's iptables-save: no finding, exit status $relint_status" \
    no_finding "$relint_status" "$WORK/relint.out"

  # --- After ----------------------------------------------------------------------------------
  heading "AFTER: the same connections with the patched KUBE-POSTROUTING"
  run_phase
  local after_masq=("${PHASE_MASQ_COUNTS[@]}")
  say "  counters (iptables -t nat -L KUBE-POSTROUTING -v -x -n):"
  in_ns "$NS1" "$IPT" -t nat -L KUBE-POSTROUTING -v -x -n | indent

  say "  checks:"
  check "all $CONNECTIONS connections reached the pod ($PHASE_OK)" test "$PHASE_OK" -eq "$CONNECTIONS"
  check "outer VXLAN flow not SNATed in any connection ($PHASE_OUTER_SNATED of $CONNECTIONS SNATed)" test "$PHASE_OUTER_SNATED" -eq 0
  check "node2 received the tunnel packets from the port node1's conntrack says ($PHASE_NODE2_AGREES of $CONNECTIONS)" test "$PHASE_NODE2_AGREES" -eq "$CONNECTIONS"
  check "MASQUERADE counted exactly 1 packet per connection, the inner one (${after_masq[*]})" all_equal 1 "${after_masq[@]}"
  check "no outer VXLAN packet carried mark $MASQ_MARK ($PHASE_MARKED of $PHASE_OUTER)" test "$PHASE_MARKED" -eq 0
  check "inner connection still masqueraded in every connection ($PHASE_INNER_MASQ of $CONNECTIONS)" test "$PHASE_INNER_MASQ" -eq "$CONNECTIONS"

  # --- Report -----------------------------------------------------------------------------------
  heading "REPORT"
  say "before: outer VXLAN flow SNATed: $b_snated of $CONNECTIONS connections"
  say "before: MASQUERADE packets per connection: ${before_masq[*]} (inner TCP packet + outer VXLAN packet)"
  say "before: outer VXLAN packets carrying mark $MASQ_MARK: $b_marked of $b_outer"
  say "before: inner connection masqueraded: $b_inner of $CONNECTIONS connections"
  local found_before found_after
  found_before=$(findings "$WORK/lint.out")
  found_after=$(findings "$WORK/relint.out")
  say "iptlint before: lint exit status $lint_status, findings: $found_before"
  say "iptlint after: patch applied with $IPT_RESTORE --noflush; lint exit status $relint_status, findings: $found_after"
  say "after: outer VXLAN flow SNATed: $PHASE_OUTER_SNATED of $CONNECTIONS connections"
  say "after: MASQUERADE packets per connection: ${after_masq[*]} (inner TCP packet only)"
  say "after: outer VXLAN packets carrying mark $MASQ_MARK: $PHASE_MARKED of $PHASE_OUTER"
  say "after: inner connection masqueraded: $PHASE_INNER_MASQ of $CONNECTIONS connections"
  say "took $((SECONDS - started)) s"
  if ((FAILURES > 0)); then
    say "RESULT: FAIL ($FAILURES checks failed)"
    exit 1
  fi
  say "RESULT: PASS: the double SNAT is real on this kernel, and iptlint's patch removes it"
}

# The findings in iptlint's report FILE as "rule-id (severity)", comma separated, or "none".
findings() {
  local line list=()
  while IFS= read -r line; do
    [[ $line =~ ^\ +[0-9]+:[0-9]+\ +(error|warning|info)\ .*\ ([a-z][a-z0-9-]*)$ ]] &&
      list+=("${BASH_REMATCH[2]} (${BASH_REMATCH[1]})")
  done <"$1"
  local IFS=,
  if ((${#list[@]})); then echo "${list[*]}"; else echo none; fi
}

# lint_found_error STATUS FILE: iptlint exited 1 and reported the rule as an error.
lint_found_error() {
  [[ $1 == 1 ]] && grep -Eq 'error .*masquerade-mark-not-cleared' "$2"
}

# no_finding STATUS FILE: iptlint exited 0 and did not mention the rule.
no_finding() {
  [[ $1 == 0 ]] && ! grep -q masquerade-mark-not-cleared "$2"
}

all_at_least() {
  local min=$1 value; shift
  (($# > 0)) || return 1
  for value; do ((value >= min)) || return 1; done
}

all_equal() {
  local want=$1 value; shift
  (($# > 0)) || return 1
  for value; do ((value == want)) || return 1; done
}

on_error() { echo "run.sh: line $1: command failed with status $2: $3" >&2; }

trap 'on_error "$LINENO" "$?" "$BASH_COMMAND"' ERR
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
main
