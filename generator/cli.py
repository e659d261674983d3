"""The command line: check, generate, build, serve, new and schema."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from generator.build import BuildFailed, generate_to, run_engine
from generator.errors import ContentErrors
from generator.generate import check


def _report(errors: ContentErrors, fmt: str) -> int:
    for e in errors.errors:
        if fmt == "github":
            print(f"::error file={e.path},line={e.line},col={e.column},title={e.field or 'file'}::{e.message}")
        else:
            print(e, file=sys.stderr)
    noun = "error" if len(errors.errors) == 1 else "errors"
    print(f"{len(errors.errors)} {noun}; nothing was written.", file=sys.stderr)
    return 1


def cmd_check(args) -> int:
    try:
        index = check(args.content)
    except ContentErrors as errors:
        return _report(errors, args.format)
    print(f"content OK: {len(index.explainers)} explainers, {len(index.people)} people, {len(index.conflicts)} conflicts")
    return 0


def cmd_generate(args) -> int:
    try:
        index, written = generate_to(args.content, args.docs)
    except ContentErrors as errors:
        return _report(errors, "text")
    print(f"generated {len(index.explainers)} explainers into {args.docs} ({len(written)} files changed)")
    return 0


def cmd_build(args) -> int:
    try:
        index, _ = generate_to(args.content, args.docs)
        run_engine(args.config, args.site, index, args.engine)
    except ContentErrors as errors:
        return _report(errors, "text")
    except BuildFailed as failure:
        print(f"{failure}\nthe build failed; {args.site} was left as it was.", file=sys.stderr)
        return 1
    print(f"built {len(index.explainers)} explainers into {args.site}")
    return 0


def cmd_serve(args) -> int:
    code = cmd_generate(args)
    if code:
        return code
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "-f", str(args.config), "-a", args.address], env=env)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m generator", description="Turn the newsroom's YAML into explainer pages.")
    verbs = main.add_subparsers(dest="verb", required=True, metavar="VERB")

    def verb(name: str, help: str, func) -> argparse.ArgumentParser:
        p = verbs.add_parser(name, help=help, description=help)
        p.add_argument("--content", type=Path, default=Path("content"), help="the content folder (default: content)")
        p.set_defaults(func=func)
        return p

    p = verb("check", "validate all content and print every error as path:line:col: field: message", cmd_check)
    p.add_argument("--format", choices=["text", "github"], default="text", help="'github' prints GitHub Actions annotations")
    for name, help, func in [
        ("generate", "write the Markdown pages into the docs folder", cmd_generate),
        ("build", "generate, then build the site with the engine; the old site stays if anything fails", cmd_build),
        ("serve", "generate, then preview the site live, regenerating when content changes", cmd_serve),
    ]:
        p = verb(name, help, func)
        p.add_argument("--docs", type=Path, default=Path("build/docs"), help="where the Markdown goes (default: build/docs)")
        if name != "generate":
            p.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the engine's configuration (default: mkdocs.yml)")
        if name == "build":
            p.add_argument("--site", type=Path, default=Path("site"), help="where the built site goes (default: site)")
            p.add_argument("--engine", choices=["mkdocs", "properdocs"], default="mkdocs", help="which engine builds the site")
        if name == "serve":
            p.add_argument("--address", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)
