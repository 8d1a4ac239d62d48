"""Imported by the process pool's forkserver (flows.pipeline.CpuPool), never by anything else:
it warms the extractor up once there, so every worker forked from it starts warm.

The first extraction in a fresh process costs about half a second of CPU beyond the page itself
(trafilatura's import, JusText's stop lists of every language, lazy parts of htmldate and the
date parsers); each pool worker paid it on its first page. Paid in the forkserver, the workers
inherit it (fork, copy-on-write).

When its owner ends, the forkserver leaves without tearing its interpreter down: freeing the
warmed-up heap module by module took ~0.7 s, and the forkserver holds the command's output
pipes, so whoever reads them (a scheduler, a script) waited that long for the command to end.
It has nothing to flush or clean up (its workers are ended by their pool or with their owner).
"""

import atexit
import os

from flows.pipeline import warm_up

warm_up()
atexit.register(os._exit, 0)  # runs in the forkserver only: forked workers end through os._exit
