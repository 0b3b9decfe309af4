# Process timing for the benchmark: runs one command, returns wall time and peak memory
# (max RSS from os.wait4's rusage), with stdout sent to a file so printing costs stay comparable.
import os
import statistics
import subprocess
import time
from dataclasses import dataclass, field


@dataclass
class Run:
    """One finished process: wall seconds, peak RSS in bytes, exit status."""
    wall: float
    max_rss: int
    status: int
    exact_rss: bool = True


@dataclass
class Series:
    """Repeated runs of one tool on one task."""
    tool: str
    task: str
    runs: list = field(default_factory=list)
    memory_runs: list = field(default_factory=list)
    failed: str = ""

    def ok(self):
        return bool(self.runs) and not self.failed

    def median(self):
        return statistics.median(r.wall for r in self.runs) if self.ok() else None

    def minimum(self):
        return min(r.wall for r in self.runs) if self.ok() else None

    def peak_rss(self):
        """Max RSS: from the GNU time runs, else (no GNU time) from wait4 of the timed runs."""
        runs = [r for r in self.memory_runs + self.runs if r.exact_rss]
        return max(r.max_rss for r in runs) if runs else None


# A child forked from this (large) Python process inherits its RSS high-water mark across exec,
# so wait4's ru_maxrss would report ~50 MB for any tool. GNU time forks the tool from its own
# small process and reports the tool's true peak; the bench uses it when installed.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(argv, stdout_path, stdin_path=None, cwd=None, memory=False):
    """Runs argv to completion; stdout goes to stdout_path, stderr to stdout_path + '.err'.

    memory=True runs it under GNU time for a true peak RSS (adds ~1 ms of wall time, so timed
    runs use memory=False and take the peak from the memory runs)."""
    rss_path = stdout_path + ".rss"
    memory = memory and GNU_TIME
    if memory:
        argv = [GNU_TIME, "-f", "%M", "-o", rss_path, "--"] + list(argv)
    with open(stdout_path, "wb") as out, open(stdout_path + ".err", "wb") as err:
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        try:
            start = time.perf_counter()
            proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=stdin, cwd=cwd)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
        finally:
            if stdin_path:
                stdin.close()
    # Both report kilobytes on Linux.
    kilobytes = usage.ru_maxrss
    if memory:
        try:
            with open(rss_path, encoding="utf-8") as f:
                kilobytes = int(f.read().split()[-1])
        except (OSError, ValueError, IndexError):
            pass
    return Run(wall=wall, max_rss=kilobytes * 1024, status=proc.returncode, exact_rss=bool(memory) or not GNU_TIME)


def repeat(series_list, commands, repeats, out_dir):
    """Runs every command `repeats` times, round-robin so drift hits all tools alike.

    commands: dict tool -> (argv, stdin_path or None). One untimed warm-up run each first
    (it fills the page cache, so "cold" means a new process, not a cold disk), then two runs
    under GNU time for the peak RSS (when installed), then the timed runs."""
    by_tool = {s.tool: s for s in series_list}
    for tool, (argv, stdin_path) in commands.items():
        path = os.path.join(out_dir, f"{by_tool[tool].task}-{tool}.warmup.out")
        run = run_once(argv, path, stdin_path)
        if run.status != 0:
            by_tool[tool].failed = f"exit {run.status}, see {path}.err"
            continue
        if GNU_TIME:
            for _ in range(2):
                by_tool[tool].memory_runs.append(run_once(argv, path, stdin_path, memory=True))
    for i in range(repeats):
        for tool, (argv, stdin_path) in commands.items():
            series = by_tool[tool]
            if series.failed:
                continue
            path = os.path.join(out_dir, f"{series.task}-{tool}.out")
            run = run_once(argv, path, stdin_path)
            if run.status != 0:
                series.failed = f"exit {run.status}, see {path}.err"
                continue
            series.runs.append(run)
