"""Static-site news explainer generator: YAML content in, Markdown pages out."""
