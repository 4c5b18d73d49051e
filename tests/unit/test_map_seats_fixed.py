"""The seats of the network map are fixed: a person's place depends only on their seat number, and a new
version of the program must not move anyone. The seat tables of every quarter (for one, two and three or
more children; roomy and dense) are pinned by a digest of the tables the first version computed."""

from __future__ import annotations

import hashlib
import json

from facilitation.figures import map_layout as lay

PINNED = "6d8f0a89f247ff807cd770697c36ee84844ddf82e2be8c51d783076847be31d7"


def test_every_seat_table_is_as_it_always_was():
    tables = [
        [
            sector,
            n,
            dense,
            {str(r): [list(seat) for seat in seats] for r, seats in lay._quadrant(sector, n, dense).items()},
        ]
        for sector in sorted(lay.WEDGES)
        for n in (1, 2, 3)
        for dense in (False, True)
    ]
    assert hashlib.sha256(json.dumps(tables).encode()).hexdigest() == PINNED
