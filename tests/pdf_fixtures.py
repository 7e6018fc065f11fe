"""PDFs made in the tests with reportlab (pinned) and its bundled Vera font (æøå, §, – and “”)."""

from __future__ import annotations

from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT = "Vera"
pdfmetrics.registerFont(TTFont(FONT, str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")))
LINES_PER_PAGE = 60


def text_pdf(path: Path, lines: list[str], password: str | None = None) -> Path:
    """A PDF with one text line per line of ``lines`` (blank ones left out), 60 to a page."""
    encrypt = StandardEncryption(password, ownerPassword=password + "-ejer") if password else None
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1, encrypt=encrypt)
    y = 800.0
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if y < 60:
            pdf.showPage()
            y = 800.0
        pdf.setFont(FONT, 9)
        pdf.drawString(40, y, line)
        y -= 12
    pdf.showPage()
    pdf.save()
    return path


def image_pdf(path: Path, pages: int = 2) -> Path:
    """A scan: pages with only a drawn picture on them, no text layer."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for _ in range(pages):
        pdf.setFillGray(0.3)
        for row in range(40):
            pdf.rect(40, 780 - row * 18, 400 - (row % 5) * 40, 9, fill=1, stroke=0)
        pdf.showPage()
    pdf.save()
    return path
