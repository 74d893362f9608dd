"""A PDF's pages as PNG images, rendered on the server with PDFium (pypdfium2). Pure; no Streamlit.

The handout section shows these before the download, so the physiotherapist sees the sheet as it
will print. Nothing is written to disk: bytes in, bytes out.
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium  # type: ignore[import-untyped]

#: Width of a preview image. [px] About 100 dpi for A4: every line of 11 pt text stays legible.
PREVIEW_WIDTH_PX = 820


def page_images(pdf: bytes, width_px: int = PREVIEW_WIDTH_PX) -> tuple[bytes, ...]:
    """Each page of `pdf` as a PNG `width_px` wide, in order.

    >>> from fpdf import FPDF
    >>> doc = FPDF(format="A4")
    >>> doc.add_page()
    >>> pngs = page_images(bytes(doc.output()), width_px=200)
    >>> len(pngs), pngs[0][:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    (1, True)
    """
    if width_px < 50:
        raise ValueError(f"A preview needs to be at least 50 px wide (got {width_px}).")
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for page in document:
            scale = width_px / page.get_width()
            bitmap = page.render(scale=scale)
            buffer = io.BytesIO()
            bitmap.to_pil().save(buffer, format="PNG", optimize=True)
            images.append(buffer.getvalue())
        return tuple(images)
    finally:
        document.close()
