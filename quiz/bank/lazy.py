"""A sequence whose items are made only when asked for: a bank's cached questions, a run's."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class LazySequence(Sequence[T]):
    """`count` items, the one at an index made by `_item` when it is read (slices read each)."""

    def __init__(self, count: int) -> None:
        self._count = count

    @abstractmethod
    def _item(self, index: int) -> T:
        """The item at `index`, 0 <= index < len(self)."""

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        return self._item(index)
