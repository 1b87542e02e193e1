#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal, as a person would in a terminal, and types Ctrl-C.

Usage: pty-run.py WAIT_FOR_REGEX DELAY TIMEOUT -- COMMAND...

The command gets a fresh terminal (80x24) as its controlling terminal, standard input, output
and error. Once its output matches WAIT_FOR_REGEX, DELAY seconds later, Ctrl-C is typed (the
byte 0x03: the terminal's line discipline turns it into SIGINT unless the program put the
terminal in raw mode). Prints one JSON object: how the command ended, how long after Ctrl-C,
whether the terminal's modes (stty -g) are as they were, and all it wrote (base64).
"""
import base64, fcntl, json, os, pty, re, select, signal, struct, subprocess, sys, termios, time

pattern, delay, timeout = re.compile(sys.argv[1].encode()), float(sys.argv[2]), float(sys.argv[3])
command = sys.argv[5:]

master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
modes_before = termios.tcgetattr(slave)


def controlling_terminal():
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


child = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, preexec_fn=controlling_terminal, close_fds=True)
start = time.monotonic()
output = b""
seen_at = sent_at = None
status = None


def drain(wait):
    global output
    while True:
        ready, _, _ = select.select([master], [], [], wait)
        if not ready:
            return
        output += os.read(master, 65536)
        wait = 0


while status is None:
    drain(0.02)
    now = time.monotonic()
    if seen_at is None and pattern.search(output):
        seen_at = now
    if sent_at is None and seen_at is not None and now - seen_at >= delay:
        os.write(master, b"\x03")
        sent_at = now
    if now - start > timeout:
        child.kill()
    status = child.poll()
ended_at = time.monotonic()
drain(0.1)
modes_after = termios.tcgetattr(slave)
print(json.dumps({
    "exitCode": status if status >= 0 else None,
    "signal": signal.Signals(-status).name if status < 0 else None,
    "sentCtrlC": sent_at is not None,
    "secondsAfterCtrlC": None if sent_at is None else ended_at - sent_at,
    "seconds": ended_at - start,
    "modesKept": modes_before == modes_after,
    "output": base64.b64encode(output).decode(),
}))
