"""The command line: check, new, generate, build, serve and schema. Each verb forwards to the
module that does the work; this file only parses arguments and prints."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from generator import schema
from generator.advice import review
from generator.build import BuildFailed, generate_to, run_engine
from generator.errors import ContentError, ContentErrors
from generator.scaffold import FOLDERS, ScaffoldError, new


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, item: ContentError) -> str:
    """A GitHub Actions workflow command that shows `item` on the pull request's diff."""
    props = {"file": item.path, "line": item.line, "col": item.column, "title": item.field or "file"}
    joined = ",".join(f"{key}={_escape_property(str(value))}" for key, value in props.items())
    return f"::{level} {joined}::{_escape_data(item.message)}"


def _print(level: str, items: list[ContentError], fmt: str) -> None:
    for item in items:
        if fmt == "github":
            print(annotation(level, item))
        else:
            print(item, file=sys.stderr)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _report(errors: ContentErrors, fmt: str) -> int:
    _print("error", errors.errors, fmt)
    print(f"{_plural(len(errors.errors), 'error')}; nothing was written.", file=sys.stderr)
    return 1


def cmd_check(args) -> int:
    try:
        result = review(args.content, args.today)
    except ContentErrors as errors:
        return _report(errors, args.format)
    _print("warning", result.advice, args.format)
    index = result.index
    print(
        f"content OK: {len(index.explainers)} explainers, {len(index.people)} people, {len(index.conflicts)} conflicts; {_plural(len(result.advice), 'warning')}"
    )
    if args.strict and result.advice:
        print(f"{_plural(len(result.advice), 'warning')}, and --strict makes warnings fail.", file=sys.stderr)
        return 1
    return 0


def cmd_new(args) -> int:
    try:
        path = new(args.content, args.kind, slug=args.slug, title=args.title or args.name, link=args.conflict or args.party, today=args.today)
    except ScaffoldError as problem:
        print(f"new {args.kind}: {problem}", file=sys.stderr)
        return 1
    print(f"created {path.as_posix()}\nreplace the TODO lines, then run: make check")
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
    # Not strict: in strict mode the plugin's report of a content error aborts the rebuild, and
    # mkdocs then holds every page request until a build succeeds; the preview must keep showing
    # the last good pages instead. `build` stays strict.
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dirty", "-f", str(args.config), "-a", args.address]
    return subprocess.call(command, env=env)


def cmd_schema(args) -> int:
    if args.show:
        print(schema.schema_files()[f"{args.show}.schema.json"], end="")
        return 0
    if args.write:
        changed = schema.write(args.dir)
        print(f"wrote {', '.join(changed)}" if changed else f"{args.dir.as_posix()}/ is up to date")
        return 0
    if stale := schema.stale(args.dir):
        print(f"{args.dir.as_posix()}/: {', '.join(stale)} differ from the models; run: python -m generator schema --write", file=sys.stderr)
        return 1
    print(f"{args.dir.as_posix()}/ is up to date")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m generator", description="Turn the newsroom's YAML into explainer pages.")
    verbs = main.add_subparsers(dest="verb", required=True, metavar="VERB")

    def verb(name: str, help: str, func) -> argparse.ArgumentParser:
        p = verbs.add_parser(name, help=help, description=help)
        p.add_argument("--content", type=Path, default=Path("content"), help="the content folder (default: content)")
        p.set_defaults(func=func)
        return p

    def today(p: argparse.ArgumentParser) -> None:
        p.add_argument("--today", type=date.fromisoformat, default=date.today(), metavar="YYYY-MM-DD", help="the date to treat as today (default: today)")

    p = verb("check", "validate all content; print every error as path:line:col: field: message, and warnings", cmd_check)
    p.add_argument("--format", choices=["text", "github"], default="text", help="'github' prints GitHub Actions annotations")
    p.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    today(p)

    p = verb("new", "write a skeleton content file that passes check, with today's date and a free file name", cmd_new)
    p.add_argument("kind", choices=list(FOLDERS), help="what to add")
    p.add_argument("--slug", help="the id and file name (default: made from the title or name)")
    p.add_argument("--title", help="explainer: the headline")
    p.add_argument("--name", help="person, party or conflict: the name")
    p.add_argument("--conflict", help="explainer: the id of the conflict (default: the first in content/conflicts)")
    p.add_argument("--party", help="person: the party of their role; conflict: its first party (default: the first in content/parties)")
    today(p)

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

    p = verbs.add_parser(
        "schema", help="check that schemas/ matches the models, or --write it", description="check that schemas/ matches the models, or --write it"
    )
    p.set_defaults(func=cmd_schema)
    p.add_argument("--write", action="store_true", help="write the schema files that changed")
    p.add_argument("--show", choices=schema.KIND_NAMES, metavar="KIND", help="print the schema of one kind: " + ", ".join(schema.KIND_NAMES))
    p.add_argument("--dir", type=Path, default=schema.SCHEMA_DIR, help="the schema folder (default: schemas)")
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)
