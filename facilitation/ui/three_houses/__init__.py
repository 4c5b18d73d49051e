"""Three Houses (Drie Huizen) per child. Another view shows a child's houses on a shared screen with
``houses_html(case, child_id, lang)``: only the entries the child allowed to be shown."""

from .present import houses_html
from .view import ThreeHousesView

__all__ = ["ThreeHousesView", "houses_html"]
