"""The cycle collector is left as it was found, whatever blocks freeze objects out of it."""

from __future__ import annotations

import gc

from cvsite.speed import collector


def test_an_inner_frozen_block_keeps_the_outer_ones_objects_frozen_until_it_ends() -> None:
    gc.unfreeze()  # whatever an earlier test in this process left frozen
    with collector.frozen():
        outer = gc.get_freeze_count()
        with collector.frozen():
            pass
        assert gc.get_freeze_count() >= outer > 0
    assert gc.get_freeze_count() == 0


def test_objects_kept_from_a_block_stay_frozen_until_the_enclosing_block_ends() -> None:
    gc.unfreeze()
    with collector.frozen():
        before = gc.get_freeze_count()
        with collector.held():
            made = [[i] for i in range(1000)]  # kept after the block
            assert not gc.isenabled()
        assert gc.isenabled() and gc.get_freeze_count() >= before + len(made)
    assert gc.get_freeze_count() == 0
