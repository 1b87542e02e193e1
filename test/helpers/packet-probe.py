#!/usr/bin/env python3
"""Sends one real packet (or a few of one flow) for the packet lab (packet-lab.ts).

Usage: packet-probe.py FAMILY PROTOCOL SOURCE SPORT DESTINATION DPORT TTL MARK COUNT

FAMILY 4 or 6; PROTOCOL tcp (a SYN: a non-blocking connect, closed before the first
retransmission, which sends nothing more), udp (a datagram) or icmp (an echo request through a
ping socket: SPORT is its id, DPORT is ignored). The source address may be one the host does not
have (IP_TRANSPARENT: it binds the address and lets the route lookup take it; IP_FREEBIND binds
it only). TTL (hop limit) marks the lab's own packets: the lab drops every other packet
its namespaces send, before any ruleset sees it. MARK is SO_MARK (0: none). COUNT packets of the
same flow, 50 ms apart. Prints nothing; errors the kernel returns (a DROP in OUTPUT is EPERM) are
what the ruleset did, not failures.

Ordinary sockets rather than hping3: hping3 has no IPv6 and cannot set a socket's mark, and the
lab needs one sender for the peer and for the node's own (OUTPUT) packets in both families.
"""
import socket, sys, time

family, protocol, source, sport, destination, dport, ttl, mark, count = sys.argv[1:10]
af = socket.AF_INET if family == "4" else socket.AF_INET6
sport, dport, ttl, mark, count = int(sport), int(dport), int(ttl), int(mark, 0), int(count)
IP_TRANSPARENT, IPV6_TRANSPARENT = 19, 75

def open_socket():
    if protocol == "tcp":
        sock = socket.socket(af, socket.SOCK_STREAM)
    elif protocol == "udp":
        sock = socket.socket(af, socket.SOCK_DGRAM)
    else:
        sock = socket.socket(af, socket.SOCK_DGRAM, socket.IPPROTO_ICMP if af == socket.AF_INET else socket.IPPROTO_ICMPV6)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if mark:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_MARK, mark)
    if af == socket.AF_INET:
        sock.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, ttl)
        sock.setsockopt(socket.IPPROTO_IP, IP_TRANSPARENT, 1)
    else:
        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_UNICAST_HOPS, ttl)
        sock.setsockopt(socket.IPPROTO_IPV6, IPV6_TRANSPARENT, 1)
    sock.bind((source, sport))
    sock.setblocking(False)
    return sock


sockets = []
for n in range(count):
    if n:
        time.sleep(0.05)
    # Each TCP SYN from a socket of its own bound to the same port: the same flow (a second SYN of
    # the connection), and no retransmission by the kernel, which would come after 1 s.
    if protocol == "tcp" and sockets:
        sockets.pop().close()
    if not sockets:
        sockets.append(open_socket())
    try:
        if protocol == "tcp":
            sockets[0].connect_ex((destination, dport))
        elif protocol == "udp":
            sockets[0].sendto(b"iptlint-lab", (destination, dport))
        else:
            # type 8 (v4) or 128 (v6) echo request; the kernel fills in the id and checksum.
            header = bytes([8 if af == socket.AF_INET else 128, 0, 0, 0, 0, 0, 0, n + 1])
            sockets[0].sendto(header + b"iptlint-lab", (destination, 0))
    except OSError:
        pass
time.sleep(0.05)
for sock in sockets:
    sock.close()
