"""Write a small sample letter as a PDF, to try ``kommuneatlas add`` on (README: "Adding a PDF").

``python scripts/sample_pdf.py brev.pdf`` (needs reportlab: ``pip install -e '.[test]'``). The letter
is made up; it has a letterhead, a date, a subject line and references to two provisions.
"""

import sys
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

LETTER = """\
Styrelsen for Kommunal Forvaltning
Nørregade 12
5000 Odense C
Dato: 14. september 2023
Vedr.: Kommunernes frister for afgørelser om hjælpemidler
Styrelsen har gennemgået, hvor hurtigt kommunerne træffer afgørelse om hjælpemidler
efter servicelovens § 112. Efter § 3, stk. 1, i retssikkerhedsloven skal kommunen behandle
spørgsmål om hjælp så hurtigt som muligt, og kommunalbestyrelsen fastsætter frister
for behandlingen.
Styrelsen anbefaler, at fristerne offentliggøres på kommunens hjemmeside.
Med venlig hilsen
Karen Lundsgaard
"""

if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "brev.pdf")
    pdfmetrics.registerFont(TTFont("Vera", str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")))
    pdf = canvas.Canvas(str(target), pagesize=A4, invariant=1)
    pdf.setFont("Vera", 10)
    for number, line in enumerate(LETTER.splitlines()):
        pdf.drawString(50, 800 - 14 * number, line)
    pdf.save()
    print(target)
