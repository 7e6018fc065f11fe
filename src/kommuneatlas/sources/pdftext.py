"""PDF → plain text, with PDFium (pypdfium2): the text layer page by page, one physical line per line.

PDFium joins a line that ends in a hyphen to the next one and marks the hyphen with a control
character; the hyphen and the line break are put back, so the export keeps the PDF's lines
(the extractors resolve hyphenation themselves). Pages follow each other with no separator.
Runs of spaces inside a line come out as one space.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import KommuneatlasError, Problem
from ..text.lines import source_lines

PDF_MAGIC = b"%PDF-"
# PDFium's markers for a hyphen at a line break (get_text_range gives U+FFFE, older builds U+0002).
_HYPHEN_MARKERS = ("\ufffe", "\x02")


@dataclass(frozen=True)
class PdfText:
    """The text of a PDF: one string, its page count, and the pages without any text (1-based)."""

    text: str
    pages: int
    empty_pages: tuple[int, ...]


def is_pdf(data: bytes) -> bool:
    """Whether the bytes start like a PDF (the header may follow a little junk, as readers allow)."""
    return PDF_MAGIC in data[:1024]


def _page_text(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        raw = textpage.get_text_range()
    finally:
        textpage.close()
        page.close()
    for marker in _HYPHEN_MARKERS:
        raw = raw.replace(marker, "-\n")
    lines = [line.rstrip() for line in source_lines(raw)]
    return "\n".join(lines).strip("\n")


def pdf_to_text(data: bytes, path: Path) -> PdfText:
    """The text layer of the PDF ``data`` (read from ``path``, named in errors).

    Errors, in Danish: not a PDF, damaged, password-protected, and no text at all (a scan,
    which needs OCR first).
    """
    if not is_pdf(data):
        raise KommuneatlasError(
            Problem(path, None, "filen hedder .pdf, men er ikke en PDF (den begynder ikke med '%PDF-')")
        )
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            message = "PDF'en er beskyttet med adgangskode; gem en udgave uden adgangskode og tilføj den"
        elif code == pdfium_c.FPDF_ERR_SECURITY:
            message = "PDF'en bruger en krypteringsform, der ikke kan læses; gem en udgave uden kryptering"
        else:
            message = "PDF'en er beskadiget og kan ikke læses"
        raise KommuneatlasError(Problem(path, None, message)) from exc
    try:
        texts = [_page_text(page) for page in document]
    finally:
        document.close()
    empty = tuple(number for number, text in enumerate(texts, 1) if not text.strip())
    if len(empty) == len(texts):
        raise KommuneatlasError(
            Problem(
                path,
                None,
                f"PDF'en har intet tekstlag ({len(texts)} sider uden tekst, formentlig scannede billeder): "
                "den skal OCR-behandles først, fx med ocrmypdf, og tilføjes igen",
            )
        )
    text = "\n".join(t for t in texts if t.strip())
    return PdfText(text=text + "\n", pages=len(texts), empty_pages=empty)
