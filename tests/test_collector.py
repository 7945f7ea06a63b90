"""The cycle collector is left as it was found, whatever blocks freeze objects out of it."""

from __future__ import annotations

import gc

from cvsite import collector


def test_an_inner_frozen_block_keeps_the_outer_ones_objects_frozen_until_it_ends() -> None:
    gc.unfreeze()  # whatever an earlier test in this process left frozen
    with collector.frozen():
        outer = gc.get_freeze_count()
        with collector.frozen():
            pass
        assert gc.get_freeze_count() >= outer > 0
    assert gc.get_freeze_count() == 0
