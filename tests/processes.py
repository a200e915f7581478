"""Processes as Linux's /proc shows them, for tests and benchmarks that watch a server and its
workers: the process tree below a pid, its memory (resident or proportional), and a free local port."""
from __future__ import annotations

import os
import socket
from dataclasses import dataclass


@dataclass
class ProcessTable:
    children: dict[int, list[int]]  # parent pid -> child pids
    rss: dict[int, int]  # pid -> resident bytes
    zombies: set[int]


def process_table() -> ProcessTable:
    """Every process /proc lists now, with its parent, resident memory and whether it is a zombie."""
    table = ProcessTable({}, {}, set())
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        table.children.setdefault(int(fields[1]), []).append(pid)
        table.rss[pid] = int(fields[21]) * page
        if fields[0] == "Z":
            table.zombies.add(pid)
    return table


def _below(table: ProcessTable, root: int) -> list[int]:
    found, todo = [], [root]
    while todo:
        for child in table.children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def descendants(root: int) -> set[int]:
    """Every live process below `root`."""
    table = process_table()
    return {pid for pid in _below(table, root) if pid not in table.zombies}


def tree_rss_mb(root: int) -> float:
    """Resident memory of a process and all its descendants, in MiB."""
    table = process_table()
    return sum(table.rss.get(pid, 0) for pid in [root, *_below(table, root)]) / 2**20


def _pss_bytes(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def tree_pss_mb(root: int) -> float:
    """Memory of a process and all its descendants in MiB, each shared page counted once (its
    proportional set size): forked workers share their parent's pages, which a sum of resident
    sizes counts once per worker. Resident size where the kernel gives no PSS."""
    table = process_table()
    total = 0
    for pid in [root, *_below(table, root)]:
        pss = _pss_bytes(pid)
        total += table.rss.get(pid, 0) if pss is None else pss
    return total / 2**20


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
