"""Page metadata: titles, descriptions and JSON-LD, computed here so templates only print them."""

from __future__ import annotations

from datetime import date

from generator import paths
from generator.link import Index
from generator.model import Explainer, Person
from generator.pages import json_for_script
from generator.text import escape


def one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def basic(title: str, description: str, **extra) -> dict:
    """Front matter every page has: an escaped title and description."""
    return {"title": escape(one_line(title, 200)), "description": escape(one_line(description)), **extra}


def absolute(index: Index, url: str) -> str:
    return index.site.url.rstrip("/") + "/" + url


def _publisher(index: Index) -> dict:
    return {"@type": "Organization", "name": index.site.publisher, "url": index.site.url}


def article(index: Index, explainer: Explainer, modified: date) -> dict:
    """Front matter for an explainer, with its NewsArticle JSON-LD."""
    conflict = index.conflicts[explainer.conflict]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": explainer.headline,
        "description": one_line(explainer.summary),
        "datePublished": explainer.published.isoformat(),
        "dateModified": modified.isoformat(),
        "author": [{"@type": "Person", "name": a} for a in explainer.authors],
        "publisher": _publisher(index),
        "url": absolute(index, paths.explainer(explainer.slug)),
        "mainEntityOfPage": absolute(index, paths.explainer(explainer.slug)),
        "inLanguage": index.site.language,
        "about": {"@type": "Thing", "name": conflict.name},
        "keywords": list(explainer.tags),
    }
    return basic(
        explainer.headline,
        explainer.summary,
        hide=["navigation", "toc"],
        og_type="article",
        published=explainer.published.isoformat(),
        modified=modified.isoformat(),
        jsonld=json_for_script(data),
    )


def person(index: Index, pid: str, person: Person, description: str) -> dict:
    """Front matter for a person page, with Person JSON-LD."""
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.name,
        "alternateName": list(person.other_names),
        "jobTitle": person.roles[-1].title,
        "url": absolute(index, paths.person(pid)),
    }
    if person.summary:
        data["description"] = person.summary
    return basic(person.name, description, og_type="profile", jsonld=json_for_script(data))


def website(index: Index, title: str, description: str, url: str) -> dict:
    """Front matter for list pages, with WebPage JSON-LD."""
    data = {"@context": "https://schema.org", "@type": "CollectionPage", "name": title, "url": absolute(index, url), "publisher": _publisher(index)}
    return basic(title, description, jsonld=json_for_script(data))
