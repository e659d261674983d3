"""The editing guide: how-to steps plus a field reference made from the models' field docs,
so the guide cannot drift from what the checker accepts."""

from __future__ import annotations

import typing

from pydantic import BaseModel

from generator import meta
from generator.link import Index
from generator.model import KINDS, Site
from generator.pages import Page
from generator.text import escape

STEPS = [
    ("Add an explainer", "Run <code>make new-explainer</code> (or <code>python -m generator new explainer</code>). Fill in the headline, summary, sections, sources and quotes in the new file under <code>content/explainers/</code>, then run <code>make check</code>."),
    ("Add a quote", "Add an item under <code>quotes:</code> in the explainer. <code>speaker</code> is the file name of the person in <code>content/people/</code>; <code>source</code> is the <code>id</code> of an entry in the explainer's <code>sources</code>."),
    ("Add a person", "Run <code>python -m generator new person</code>. The file name is the person's id. List other spellings under <code>other_names</code> and each role with its dates."),
    ("Add a conflict event", "Add an item under <code>timeline:</code> in the conflict's file in <code>content/conflicts/</code>, with as much of the date as is known, the text and its source. Update <code>reviewed</code>."),
]


def _type_name(annotation) -> str:
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Literal:
        return "one of: " + ", ".join(str(a) for a in typing.get_args(annotation))
    if origin is list:
        return "list of " + _type_name(args[0])
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)) and args:
        return _type_name(args[0])
    if origin is typing.Annotated:
        return _type_name(args[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation.__name__.lower()
    return {"str": "text", "date": "date (YYYY-MM-DD)", "bool": "true or false", "int": "whole number"}.get(getattr(annotation, "__name__", ""), "text")


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
        required = "required" if field.is_required() else "optional"
        rows.append(f"<tr><td><code>{escape(name)}</code></td><td>{escape(_type_name(field.annotation))}</td><td>{required}</td><td>{escape(field.description or '')}</td></tr>")
    head = "<tr><th>Field</th><th>Type</th><th></th><th>What it is</th></tr>"
    doc = escape((model.__doc__ or "").strip())
    return f'<h3 id="{model.__name__.lower()}">{model.__name__}</h3><p>{doc}</p><table><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def guide_pages(index: Index) -> list[Page]:
    steps = "".join(f"<h2>{title}</h2><p>{text}</p>" for title, text in STEPS)
    sections = []
    for kind, model in [*KINDS.items(), ("site", Site)]:
        where = "content/site.yaml" if kind == "site" else f"content/{kind}/"
        tables = "".join(reference(m) for m in _models(model, []))
        sections.append(f'<h2 id="{kind}">Fields: <code>{where}</code></h2>{tables}')
    body = f'<div class="guide"><h1>Editing guide</h1><p>Everything on this site comes from YAML files in <code>content/</code>. Each field below is described where the model declares it.</p>{steps}{"".join(sections)}</div>'
    title = "Editing guide"
    return [Page("guide/", body, meta.website(index, title, "How to add and change explainers, quotes, people and conflicts.", "guide/"))]
