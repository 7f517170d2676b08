"""Rendering many flyers over the cores: worker processes with one Typst compiler each.

Jobs are grouped into tasks of one gemeente (its languages share the layout work), handed
out a few ahead of the results and read lazily, so the data of the next flyers is built
while the workers render. A worker ends with the process that started it: on Linux the
kernel kills it when its parent dies (``PR_SET_PDEATHSIG``), and everywhere a watcher thread
ends it when its parent process is gone, so a killed ``wegwijzer`` leaves no renderers behind.
"""

from __future__ import annotations

import functools
import itertools
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wegwijzer.flyer.compiler import Renderer, render_inhoud
from wegwijzer.flyer.fouten import FlyerFout

#: Fewer flyers than this are rendered in this process (starting workers costs more).
PARALLEL_MIN = 8
#: At most this many flyers go to a worker as one task (one gemeente's languages at most).
TAAK_MAX = 8
#: Tasks handed out per worker ahead of the results: keeps every worker busy while the data
#: for the next tasks is built, without building (and holding) all of it first.
VOORUIT = 3
#: Seconds between a worker's checks that its parent still lives (where the kernel cannot tell it).
OUDER_CONTROLE_S = 1.0

Job = tuple[int, dict[str, Any], str, str]  # index, inhoud, naam, taal
Outcome = tuple[int, "dict[str, bytes] | str"]  # index, files or error message

_worker_renderer: Renderer | None = None


def workers() -> int:
    """Processes for rendering: WEGWIJZER_WERKERS, else the cores this process may use."""
    configured = os.environ.get("WEGWIJZER_WERKERS", "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def render_each(renderer: Renderer, jobs: Iterable[Job], formats: tuple[str, ...]) -> Iterator[Outcome]:
    """Render jobs one after the other: (index, files) or (index, the Dutch message)."""
    for index, inhoud, naam, taal in jobs:
        try:
            yield index, render_inhoud(renderer, inhoud, naam, taal, formats)
        except FlyerFout as exc:
            yield index, str(exc)


def tasks(jobs: Iterable[Job]) -> Iterator[list[Job]]:
    """Consecutive jobs of one gemeente (same address), at most TAAK_MAX per task."""
    task: list[Job] = []
    for job in jobs:
        if task and (len(task) >= TAAK_MAX or task[0][1].get("url") != job[1].get("url")):
            yield task
            task = []
        task.append(job)
    if task:
        yield task


@dataclass
class Werk:
    """How a run rendered: worker processes started (0: all in this process)."""

    werkers: int = 0


def render_many(
    template_dir: Path, jobs: Iterable[Job], formats: tuple[str, ...], werk: Werk | None = None
) -> Iterator[Outcome]:
    """Render the jobs over the cores (processes: one Typst compiler each); in this process
    when there are fewer than PARALLEL_MIN or one core. Yields (index, files or error message)
    as flyers are done, not in job order. `jobs` is read lazily, while the workers render.
    `werk` (when given) is told how many workers were used."""
    jobs = iter(jobs)
    werk = werk if werk is not None else Werk()
    count = workers()
    first: list[Job] = []
    for job in jobs:
        first.append(job)
        if len(first) >= PARALLEL_MIN:
            break
    if count <= 1 or len(first) < PARALLEL_MIN:
        renderer = Renderer(template_dir)
        yield from render_each(renderer, [*first, *jobs], formats)
        return
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    # spawn, not fork: a Typst compiler made earlier in this process has threads whose locks a
    # forked child could inherit held (a hang). Each worker loads Typst and the fonts once.
    context = multiprocessing.get_context("spawn")
    render = functools.partial(_render_task, formats=formats, template_dir=template_dir)
    werk.werkers = count
    pool = ProcessPoolExecutor(
        max_workers=count, mp_context=context, initializer=_worker_start, initargs=(os.getpid(),)
    )
    try:
        running: set[Future[list[Outcome]]] = set()
        for task in tasks(itertools.chain(first, jobs)):
            running.add(pool.submit(render, task))
            while len(running) >= VOORUIT * count:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    yield from future.result()
        while running:
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                yield from future.result()
    finally:
        # Stopped early (an error, Ctrl-C, SIGTERM, a consumer that let go): drop the tasks
        # not started instead of rendering them all first.
        pool.shutdown(wait=True, cancel_futures=True)


def _render_task(task: list[Job], formats: tuple[str, ...], template_dir: Path) -> list[Outcome]:
    """In a worker: render the flyers of one task with this process's renderer."""
    global _worker_renderer
    if _worker_renderer is None or _worker_renderer.dir != template_dir:
        _worker_renderer = Renderer(template_dir)
    return list(render_each(_worker_renderer, task, formats))


# --- workers end with their parent ------------------------------------------------------------


def _worker_start(parent: int) -> None:
    """Initializer of every worker: die with `parent` (the process that started the pool)."""
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    watcher = threading.Thread(target=_watch_parent, args=(parent,), name="wegwijzer-ouder", daemon=True)
    watcher.start()


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies; elsewhere a no-op."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl: the watcher thread still ends the worker
        pass


def _watch_parent(parent: int) -> None:
    """End this worker as soon as its parent is gone (it is then adopted by another process)."""
    while os.getppid() == parent:
        time.sleep(OUDER_CONTROLE_S)
    os._exit(1)
