"""Report rendering: the brief in Markdown and HTML from the facts, the drafts and the verification."""

from .render import render_appendix, render_body, render_html

__all__ = ["render_appendix", "render_body", "render_html"]
