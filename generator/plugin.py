"""A thin MkDocs plugin for `mkdocs serve`: regenerate the Markdown when content changes.
It forwards to the generator; a content error is printed and the last good pages stay."""

from __future__ import annotations

import gc
import logging
import sys
import time
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.plugins import BasePlugin

from generator.build import Preview
from generator.errors import ContentErrors

log = logging.getLogger("mkdocs.plugins.explainers")


class ExplainersPlugin(BasePlugin):
    config_scheme = (("content", config_options.Type(str, default="content")),)

    def on_startup(self, command, dirty):
        self.serving = command == "serve"
        self.preview = Preview()

    def _content(self, config) -> Path:
        # Absolute: MkDocs gives a relative config path on the first build and an absolute one
        # on rebuilds, and the preview cache is keyed by path.
        return Path(config.config_file_path).resolve().parent / self.config["content"]

    def on_pre_build(self, config):
        if not getattr(self, "serving", False):
            return
        start = time.perf_counter()
        # The engine's last build leaves a large heap; the cyclic collector would walk all of it
        # many times over while the generator allocates, so it waits until regeneration is done.
        gc.disable()
        try:
            written = self.preview.regenerate(self._content(config), Path(config.docs_dir))
        except ContentErrors as errors:
            # Printed, not logged: a logged error counts as an MkDocs warning, and a strict
            # `mkdocs serve` would then hold every request instead of serving the last good pages.
            print(f"content has errors; still showing the last good version:\n{errors}", file=sys.stderr, flush=True)
            return
        finally:
            gc.enable()
        if written:
            log.info("regenerated %d file(s) in %.2f s", len(written), time.perf_counter() - start)

    def on_serve(self, server, config, builder):
        server.watch(str(self._content(config)))
        return server
