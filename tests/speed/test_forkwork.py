"""Work shared with a forked child gives what doing it here gives, failures included."""

from __future__ import annotations

import os
import time

import pytest

from cvsite.speed import forkwork


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


def test_turns_give_every_task_once_in_order_with_bytes_through_shared_memory() -> None:
    def task(i: int) -> tuple[list[bytes], int]:
        time.sleep(0.005)  # long enough for the child to start and take turns
        return [bytes([i]) * (1000 * i), b"x%d" % i], os.getpid()

    made, last = forkwork.take_turns(50, task, lambda: "child")
    assert [[bytes(blob) for blob in blobs] for blobs, _ in made] == \
        [[bytes([i]) * (1000 * i), b"x%d" % i] for i in range(50)]
    assert last == "child"
    assert {pid for _, pid in made} - {os.getpid()}  # the child took some of them


def test_turns_past_the_shared_memory_come_through_the_pipe(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forkwork, "ARENA", 10)
    made, _ = forkwork.take_turns(20, lambda i: ([b"%06d" % i], None), lambda: None)
    assert [bytes(blobs[0]) for blobs, _ in made] == [b"%06d" % i for i in range(20)]


def test_a_failing_child_has_its_turns_taken_here() -> None:
    parent = os.getpid()

    def task(i: int) -> tuple[list[bytes], int]:
        if os.getpid() != parent:
            os._exit(3)  # the child dies at its first task
        time.sleep(0.005)
        return [b"%d" % i], i

    made, last = forkwork.take_turns(30, task, lambda: "child")
    assert [about for _, about in made] == list(range(30)) and last is None


def test_a_failing_turn_here_is_raised() -> None:
    def task(i: int) -> tuple[list[bytes], None]:
        if i == 5:
            raise KeyError("mine")
        return [b"x" * 100_000], None

    with pytest.raises(KeyError):
        forkwork.take_turns(400, task, lambda: None)
