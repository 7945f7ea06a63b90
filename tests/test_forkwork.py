"""Work shared with a forked child gives what doing it here gives, failures included."""

from __future__ import annotations

import os

import pytest

from cvsite import forkwork


@pytest.fixture(autouse=True)
def allow_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    """Other tests leave threads behind; these tests fork anyway (the children only compute)."""
    monkeypatch.setattr(forkwork, "_harmless", lambda thread: True)
    if not forkwork.can_fork():
        pytest.skip("no fork or a single core here")


def test_the_child_computes_its_part() -> None:
    theirs, mine = forkwork.alongside(lambda: [os.getpid(), "x" * 100_000], lambda: os.getpid())
    assert theirs[0] != mine == os.getpid()
    assert theirs[1] == "x" * 100_000


def test_a_failing_part_fails_here_as_without_the_fork() -> None:
    def fails() -> list[int]:
        raise ValueError("bad entry")

    with pytest.raises(ValueError, match="bad entry"):
        forkwork.alongside(fails, lambda: 1)


def test_a_failure_here_is_raised_without_waiting_on_a_blocked_child() -> None:
    def fails() -> int:
        raise KeyError("mine")

    with pytest.raises(KeyError):  # the child's result is larger than a pipe holds
        forkwork.alongside(lambda: list(range(1_000_000)), fails)
