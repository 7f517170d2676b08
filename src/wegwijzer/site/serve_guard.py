"""Keep the last good site visible during `mkdocs serve` (issue 11, item 15).

MkDocs' live-reload server holds every page request until the build it started has
finished. When that build fails (broken data: the plugin raises PluginError in on_config,
before MkDocs empties the site folder), MkDocs 1.6 never marks it finished, so every new
request hangs until a later build succeeds. `keep_last_good` wraps the server's builder:
a failed rebuild is logged (the Dutch messages with file:line are already in the log) and
then reported as done, so the waiting requests are answered from the files of the last
good build, which are still in place. The next good rebuild shows the new content.
"""

from __future__ import annotations

import logging
from typing import Any, Callable

from mkdocs.exceptions import Abort

log = logging.getLogger("mkdocs.plugins.wegwijzer")


def keep_last_good(server: Any) -> None:
    """Wrap `server.builder` (public attribute of mkdocs.livereload.LiveReloadServer) so a
    failed rebuild does not leave page requests waiting."""
    builder: Callable[[], None] | None = getattr(server, "builder", None)
    if builder is None or getattr(builder, "_wegwijzer_guard", False):
        return

    def guarded() -> None:
        try:
            builder()
        except Exception as exc:  # noqa: BLE001 - any failed rebuild keeps the old site
            if not isinstance(exc, Abort):  # not a data error MkDocs already reported
                log.exception("wegwijzer: onverwachte fout bij het opnieuw bouwen")
            log.error(
                "wegwijzer: de nieuwe versie is niet gebouwd (%s); de browser toont de vorige "
                "versie tot de fouten hierboven zijn verbeterd.",
                exc,
            )

    guarded._wegwijzer_guard = True  # type: ignore[attr-defined]
    server.builder = guarded
