"""The editing guide: how-to steps plus a field reference made from the models' field docs,
so the guide cannot drift from what the checker accepts."""

from __future__ import annotations

import types
import typing

from pydantic import BaseModel

from generator import meta
from generator.link import Index
from generator.model import KINDS, Site
from generator.pages import Page
from generator.text import escape


def _example(yaml: str) -> str:
    return f"<pre><code>{escape(yaml)}</code></pre>"


STEPS = [
    (
        "start",
        "Before you start",
        "<p>Everything on this site is made from small text files in <code>content/</code>, written in YAML: one "
        "<code>key: value</code> per line, lists with <code>- </code>, indented with spaces (never tabs). You never edit HTML. "
        "Open the project in an editor with YAML support (VS Code with the Red Hat YAML extension, for example): the first line "
        "of every file names its schema, so the editor suggests the keys, shows what each one means and underlines mistakes as you type.</p>"
        "<p>Run <code>make serve</code> and open <code>http://127.0.0.1:8000</code> to see your changes as you save. "
        "Run <code>make check</code> before you commit: it lists every mistake as <code>file:line:column: field: what is wrong</code>, "
        "and warnings about things an editor should look at.</p>",
    ),
    (
        "add-explainer",
        "Add an explainer",
        '<p>Run <code>python -m generator new explainer --title "Your headline"</code>. It creates '
        "<code>content/explainers/your-headline.yaml</code> with today's date and a line marked <code>TODO</code> for each "
        "thing to write. The file passes the check as it is, and <code>make check</code> points at each <code>TODO</code> left. "
        "<code>slug</code> is the page's address and cannot change once published; <code>conflict</code> is the file name of the "
        "conflict in <code>content/conflicts/</code> (add <code>--conflict id</code> to choose it). Write the story in "
        "<code>sections</code>, each with a <code>heading</code> and a <code>body</code> in Markdown; list every source under "
        "<code>sources</code>.</p>"
        + _example(
            "sections:\n  - heading: What happened\n    body: |\n      First paragraph, with **bold** and a [link](https://example.org/).\n\n"
            "      Second paragraph.\nsources:\n  - id: report\n    title: The report's own title\n    publisher: United Nations\n"
            "    published: 2016-10-18\n    url: https://example.org/report\n"
        ),
    ),
    (
        "add-quote",
        "Add a quote",
        "<p>Add an item under <code>quotes:</code> in the explainer. <code>speaker</code> is the file name of the person in "
        "<code>content/people/</code> (add them first if they are new); <code>source</code> is the <code>id</code> of one of the "
        "explainer's <code>sources</code>. The sidebar shows the role the speaker held on the quote's date, from their file. "
        "When the source does not date the words, give the report's date and add <code>date_is_report: true</code>. "
        "A quote said in another language than the site's needs <code>language</code> and <code>translated: true</code>, and "
        "the original words under <code>original</code> when you have them.</p>"
        + _example(
            "quotes:\n  - speaker: sergei-shoigu\n    date: 2016-10-18\n    venue: news-conference\n    source: report\n"
            "    language: ru\n    translated: true\n    text: >-\n      The words, exactly as published in English.\n"
        )
        + "<p>Every party to the conflict should be heard. If a party is not quoted, record that you asked them "
        "(right of reply), and what they said:</p>"
        + _example("sought_comment:\n  - party: syrian-opposition\n    date: 2016-10-18\n    response: Did not reply by publication.\n"),
    ),
    (
        "add-person",
        "Add a person",
        '<p>Run <code>python -m generator new person --name "Sergei Shoigu"</code>. The file name '
        "(<code>sergei-shoigu</code>) is the id that quotes use. List other spellings and transliterations under "
        "<code>other_names</code>, and every role with the party it was for and its dates, so each quote shows the right role. "
        "When someone leaves a post, add its <code>end</code> date and their new role; the check warns when a quote shows a role "
        "that had already ended.</p>"
        + _example(
            "name: Sergei Shoigu\nother_names:\n  - Sergey Shoigu\nroles:\n  - title: Russian defence minister\n"
            "    party: russian-government\n    start: 2012-11-06\n    end: 2024-05-12\n"
        ),
    ),
    (
        "add-event",
        "Add a conflict event",
        "<p>Add an item under <code>timeline:</code> in the conflict's file in <code>content/conflicts/</code>, in date order. "
        'Write only as much of the date as is known (<code>"2011"</code>, <code>2016-09</code> or <code>2016-10-18</code>) and '
        "add <code>approximate: true</code> when it is not certain. Every event needs its source. When you have checked the "
        "whole background, set <code>reviewed</code> to today's date: the check warns when a background has not been reviewed "
        "for longer than the site's <code>review_days</code>. A new conflict or party starts with "
        "<code>python -m generator new conflict</code> or <code>new party</code>.</p>"
        + _example(
            "timeline:\n  - date: 2016-09\n    approximate: true\n    text: A ceasefire brokered by Russia and the US collapses.\n"
            "    source: The report's own title\n    url: https://example.org/report\n"
        ),
    ),
    (
        "correct",
        "Correct a published explainer",
        "<p>Fix the text, then add an item under <code>corrections:</code> saying what was wrong and what is right now. "
        "Corrections are shown on the page and in the feeds. For a substantive update without a mistake, set <code>updated</code>.</p>"
        + _example("corrections:\n  - date: 2016-10-19\n    text: An earlier version gave the wrong time for the pause.\n"),
    ),
    (
        "publish",
        "Publish",
        "<p>Commit your change on a branch and open a pull request. The checks run on it and mark any mistake on the line it is "
        "on; when they pass and an editor has reviewed it, merging publishes the site.</p>",
    ),
]


KINDS_OF_TEXT = {
    "_slug": "id: lowercase words joined by hyphens",
    "_partial_date": "date: YYYY, YYYY-MM or YYYY-MM-DD",
    "_url": "https:// link",
    "_language": "language code (en, ar, ru, fa ...)",
    "_line": "text, one line",
    "_name": "name, one line",
    "_text": "text",
}


def _type_name(annotation, metadata: tuple = ()) -> str:
    """How the guide describes a field's type to an editor."""
    for item in metadata:
        name = getattr(getattr(item, "func", None), "__name__", "")
        if name in KINDS_OF_TEXT:
            return KINDS_OF_TEXT[name]
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Literal:
        return "one of: " + ", ".join(str(a) for a in typing.get_args(annotation))
    if origin is list:
        return "list of " + _type_name(args[0])
    if origin in (typing.Union, types.UnionType) and args:
        return _type_name(args[0])
    if origin is typing.Annotated:
        return _type_name(args[0], annotation.__metadata__)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f'<a href="#{annotation.__name__.lower()}">{annotation.__name__.lower()}</a>'
    return {"str": "text", "date": "date (YYYY-MM-DD)", "bool": "true or false", "int": "whole number"}.get(getattr(annotation, "__name__", ""), "text")


def _needed(field) -> str:
    if field.is_required():
        return "required"
    if field.default in (None, []):
        return "optional"
    default = str(field.default).lower() if isinstance(field.default, bool) else field.default
    return f"optional (default: {escape(str(default))})"


def _models(model: type[BaseModel], seen: list) -> list[type[BaseModel]]:
    if model in seen:
        return seen
    seen.append(model)
    for field in model.model_fields.values():
        for arg in [field.annotation, *typing.get_args(field.annotation)]:
            for inner in [arg, *typing.get_args(arg)]:
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    _models(inner, seen)
    return seen


def reference(model: type[BaseModel]) -> str:
    rows = []
    for name, field in model.model_fields.items():
        kind = _type_name(field.annotation, tuple(field.metadata))
        rows.append(f"<tr><td><code>{escape(name)}</code></td><td>{kind}</td><td>{_needed(field)}</td><td>{escape(field.description or '')}</td></tr>")
    head = "<tr><th>Field</th><th>Type</th><th></th><th>What it is</th></tr>"
    doc = escape((model.__doc__ or "").strip())
    return f'<h3 id="{model.__name__.lower()}">{model.__name__}</h3><p>{doc}</p><table><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def guide_pages(index: Index) -> list[Page]:
    contents = "".join(f'<li><a href="#{anchor}">{title}</a></li>' for anchor, title, _ in STEPS)
    steps = "".join(f'<h2 id="{anchor}">{title}</h2>{text}' for anchor, title, text in STEPS)
    sections = []
    for kind, model in [*KINDS.items(), ("site", Site)]:
        where = "content/site.yaml" if kind == "site" else f"content/{kind}/"
        tables = "".join(reference(m) for m in _models(model, []))
        sections.append(f'<h2 id="fields-{kind}">Fields: <code>{where}</code></h2>{tables}')
    fields = "".join(
        f'<li><a href="#fields-{kind}"><code>{"content/site.yaml" if kind == "site" else f"content/{kind}/"}</code></a></li>' for kind in [*KINDS, "site"]
    )
    body = (
        '<div class="guide"><h1>Editing guide</h1>'
        "<p>How to add and change explainers, quotes, people and conflicts, and what every field means. "
        "The field lists below are made from the same definitions the checker uses, so they are always up to date.</p>"
        f"<ul>{contents}<li>Fields: <ul>{fields}</ul></li></ul>{steps}"
        '<h2 id="fields">Every field</h2><p>Required fields must be there; optional ones can be left out.</p>'
        f"{''.join(sections)}</div>"
    )
    title = "Editing guide"
    return [Page("guide/", body, meta.website(index, title, "How to add and change explainers, quotes, people and conflicts.", "guide/"))]
