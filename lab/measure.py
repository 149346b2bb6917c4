"""Run one command in a fresh process and report, as JSON on stdout, its wall time and memory.

    python -m lab.measure WORKING_DIR COMMAND ...

CPU seconds are those of the waited-for process tree.
Peak memory is given twice: the largest waited-for child's peak resident set (ru_maxrss), and the
peak of the whole process tree's resident memory sampled every half second (for Spark, whose JVM
dbt does not wait for).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time


def tree_rss_kib(root: int) -> int:
    """Resident memory of `root` and every process below it, from /proc."""
    children, rss = {}, {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
                with open(f"/proc/{entry}/statm") as statm:
                    rss[int(entry)] = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def main(working_dir: str, command: list[str]) -> dict:
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=working_dir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    tree_peak = [0]

    def sample() -> None:
        while process.poll() is None:
            tree_peak[0] = max(tree_peak[0], tree_rss_kib(process.pid))
            time.sleep(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "seconds": seconds,
        # CPU seconds (user and system) of the waited-for process tree: on a shared machine, a figure
        # less dependent on other work than the wall time
        "cpu_seconds": children.ru_utime + children.ru_stime,
        "peak_mib": children.ru_maxrss / 1024,
        "tree_peak_mib": tree_peak[0] / 1024,
        "returncode": process.returncode,
        "stdout": stdout,
        "stderr": stderr,
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2:])))
