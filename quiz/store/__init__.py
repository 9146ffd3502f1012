"""The score database: the only owner of SQL and of the schema."""

from quiz.store.sqlite import (
    DEFAULT_PROFILE,
    MODES,
    BankScore,
    CardState,
    NewCardScan,
    SessionGroup,
    SessionSummary,
    Store,
    StoreError,
    bank_key,
)

__all__ = [
    "DEFAULT_PROFILE",
    "MODES",
    "BankScore",
    "CardState",
    "NewCardScan",
    "SessionGroup",
    "SessionSummary",
    "Store",
    "StoreError",
    "bank_key",
]
