"""brief.pdf from brief.html with WeasyPrint (the optional `pdf` extra).

The HTML carries the print CSS (A4 pages, "page / pages" in the footer, page numbers in the table of
contents through `target-counter`), so the PDF has the same content as the HTML. WeasyPrint is
imported lazily: without it the run still writes everything else, and says which extra to install.
"""

from __future__ import annotations

from interpret.errors import ConfigError

INSTALL_HINT = "pip install 'interpret[pdf]'"


def pdf_available() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: the Pango/Cairo system libraries are missing
        return False
    return True


def missing_message() -> str:
    return (
        f"brief.pdf needs WeasyPrint, which is not installed: {INSTALL_HINT} "
        "(on Debian/Ubuntu also `apt-get install libpango-1.0-0 libpangoft2-1.0-0`)."
    )


def html_to_pdf(html: str) -> bytes:
    """The PDF bytes of a self-contained HTML page (no base URL: nothing is fetched)."""
    try:
        import weasyprint
    except (ImportError, OSError):
        raise ConfigError(missing_message() + " Or run with --no-pdf.") from None
    import logging

    # WeasyPrint logs every CSS property it does not know (e.g. the browser-only ones) as a warning:
    # noise for a user who asked for a PDF, so only errors are shown.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return weasyprint.HTML(string=html, base_url=None).write_pdf(uncompressed_pdf=False)


def brief_pdf(html: str, mode: str) -> tuple[bytes | None, str | None]:
    """(PDF bytes or None, a note for the user or None) for the `pdf` setting auto | on | off."""
    if mode == "off":
        return None, None
    if mode == "auto" and not pdf_available():
        return None, missing_message()
    return html_to_pdf(html), None
