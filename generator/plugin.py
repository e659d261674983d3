"""A thin MkDocs plugin for `mkdocs serve`: regenerate the Markdown when content changes.
It forwards to the generator; a content error is printed and the last good pages stay."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.plugins import BasePlugin

from generator.build import generate_to
from generator.errors import ContentErrors

log = logging.getLogger("mkdocs.plugins.explainers")


class ExplainersPlugin(BasePlugin):
    config_scheme = (("content", config_options.Type(str, default="content")),)

    def on_startup(self, command, dirty):
        self.serving = command == "serve"

    def _content(self, config) -> Path:
        return Path(config.config_file_path).parent / self.config["content"]

    def on_pre_build(self, config):
        if not getattr(self, "serving", False):
            return
        try:
            _, written = generate_to(self._content(config), Path(config.docs_dir))
        except ContentErrors as errors:
            # Printed, not logged: a logged error counts as an MkDocs warning, and a strict
            # `mkdocs serve` would then hold every request instead of serving the last good pages.
            print(f"content has errors; still showing the last good version:\n{errors}", file=sys.stderr, flush=True)
            return
        if written:
            log.info("regenerated %d page(s)", len(written))

    def on_serve(self, server, config, builder):
        server.watch(str(self._content(config)))
        return server
