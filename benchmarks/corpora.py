"""Generated corpora, their built stores (cached) and a server over one, for the serving benchmarks.

Corpora come from ../shared/bench/gen_corpus.py (N distinct plans made from the samples), built
with `plangraph build --workers 2` once and kept under the work folder (`corpus-N`, `store-N`);
a store of an older layout is brought up to date by building nothing new into it.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.processes import free_port, tree_rss_mb  # noqa: E402

GENERATOR = ROOT.parent / "shared" / "bench" / "gen_corpus.py"
PLANGRAPH = [sys.executable, "-m", "plangraph.api.cli"]


def corpus(work: Path, size: int) -> Path:
    """The folder of `size` generated plans (made once)."""
    folder = work / f"corpus-{size}"
    if not folder.is_dir() or len(list(folder.glob("*.txt"))) != size:
        subprocess.run([sys.executable, str(GENERATOR), str(size), str(folder)], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    return folder


def store(work: Path, size: int) -> Path:
    """The store built from the corpus of `size` plans (built once, then reused)."""
    target = work / f"store-{size}"
    if not (target / "plangraph.json").is_file():
        texts = corpus(work, size)
        started = time.monotonic()
        subprocess.run([*PLANGRAPH, "build", str(texts), "--store", str(target), "--workers", "2"], cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL)
        print(f"built {size} plans in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return target


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of `values` fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))]


def summary(seconds: list[float]) -> dict[str, float]:
    return {"p50": statistics.median(seconds), "p95": percentile(seconds, 0.95), "rounds": len(seconds)}


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    ready_seconds: float

    def rss_mb(self) -> float:
        return tree_rss_mb(self.process.pid)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def serve(store_dir: Path, *extra: str, **env: str) -> Server:
    """`plangraph serve --store` on a free port; returns once /health answers, with the time that took."""
    port = free_port()
    started = time.monotonic()
    process = subprocess.Popen([*PLANGRAPH, "serve", "--store", str(store_dir), "--port", str(port), *extra],
                               cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    while time.monotonic() - started < 600:
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return Server(url, process, time.monotonic() - started)
        except httpx.TransportError:
            pass
        if process.poll() is not None:
            raise RuntimeError(f"the server ended with code {process.returncode}")
        time.sleep(0.05)
    process.kill()
    raise RuntimeError("the server did not answer /health within 600 s")
