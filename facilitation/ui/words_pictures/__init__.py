"""Words and Pictures (Woord- en Beeldverhaal): the storyboard, the pen, the pictograms, reading together.

Other views (the family screen) draw a page as it is read with ``reading_page_html(case, page, lang)`` or a
whole story with ``reading_pages(case, story_id, lang)``; ``picture_html`` draws a drawing with pictograms.
"""

from .present import picture_html, reading_page_html, reading_pages
from .view import WordsPicturesView

__all__ = ["WordsPicturesView", "picture_html", "reading_page_html", "reading_pages"]
