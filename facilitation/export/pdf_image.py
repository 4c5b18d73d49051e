"""A PNG picture in a PDF, its PDF image made once per picture rather than once per document.

For every picture it draws, reportlab decodes the PNG, hashes the pixels, and deflates them again (and the
alpha channel beside them): about 35 ms for the large case's network map, paid by every judge's PDF. The map
and the genogram are drawn once per case content (``charts`` caches their PNG bytes), so the same bytes come
back each time the documents are made again; here their PDF image objects are kept, keyed by those bytes.

The key is the picture itself (immutable bytes), so a picture can never stand in for another. The objects
are made by reportlab's own code (``PDFImageXObject``), and placed in each document as
``Canvas.drawImage`` places them (the same name, the same soft mask), so the PDF is byte for byte what
``platypus.Image`` writes (``tests/unit/test_export_pdf_speed.py`` holds that).
"""

from __future__ import annotations

import copy
import io
from functools import lru_cache
from typing import Any

from reportlab.lib.utils import ImageReader, _digester  # type: ignore[attr-defined]
from reportlab.pdfbase import pdfdoc
from reportlab.platypus import Image


@lru_cache(maxsize=8)
def _prepared(png: bytes) -> tuple[str, Any]:
    """The image's name (reportlab's digest of its pixels and mask) and its PDF object, as drawImage makes them
    for an ``ImageReader`` with ``mask="auto"``."""
    image: Any = ImageReader(io.BytesIO(png))  # its pixels and alpha, as drawImage reads them
    rawdata = image.getRGBData()
    smask = image._dataA
    mdata = smask.getRGBData() if smask else b"auto"
    name: str = _digester(rawdata + mdata)
    obj: Any = pdfdoc.PDFImageXObject(name, image, mask="auto")
    obj.name = name
    return name, obj


def draw_png(canv: Any, png: bytes, x: float, y: float, width: float, height: float) -> None:
    """Draw the picture as ``canv.drawImage(ImageReader(png), x, y, width, height, mask="auto")`` does."""
    name, template = _prepared(png)
    canv._currentPageHasImages = 1
    doc = canv._doc
    reg_name = doc.getXObjectName(name)
    if not doc.idToObject.get(reg_name, None):
        obj: Any = copy.copy(template)  # registering marks the object as this document's: each document its own
        canv._setXObjects(obj)
        doc.Reference(obj, reg_name)
        doc.addForm(name, obj)
        smask: Any = getattr(template, "_smask", None)
        if smask:
            m_reg_name = doc.getXObjectName(smask.name)
            if not doc.idToObject.get(m_reg_name, None):
                smask = copy.copy(smask)
                canv._setXObjects(smask)
                obj.smask = doc.Reference(smask, m_reg_name)
            else:
                obj.smask = pdfdoc.PDFObjectReference(m_reg_name)
            del obj._smask
    canv.saveState()
    canv.translate(x, y)
    canv.scale(width, height)
    canv._code.append(f"/{reg_name} Do")
    canv.restoreState()
    canv._formsinuse.append(name)


class PngImage(Image):
    """``platypus.Image`` of PNG bytes whose PDF image is made once per picture (see the module)."""

    def __init__(self, png: bytes, width: float, height: float) -> None:
        super().__init__(io.BytesIO(png), width=width, height=height)
        self._png = png

    def draw(self) -> None:
        x, y = getattr(self, "_offs_x", 0), getattr(self, "_offs_y", 0)
        draw_png(self.canv, self._png, x, y, self.drawWidth, self.drawHeight)
