"""Imported by the process pool's forkserver (flows.pipeline.CpuPool), never by anything else:
it warms the extractor up once there, so every worker forked from it starts warm.

The first extraction in a fresh process costs about half a second of CPU beyond the page itself
(trafilatura's import, JusText's stop lists of every language, lazy parts of htmldate and the
date parsers); each pool worker paid it on its first page. Paid in the forkserver, the workers
inherit it (fork, copy-on-write).
"""

from flows.pipeline import warm_up

warm_up()
