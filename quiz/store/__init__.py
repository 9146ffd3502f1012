"""The score database: the only owner of SQL and of the schema, on SQLite or PostgreSQL.

    from quiz.store import Store, StoreError
    store = Store.open(path_or_url, profile="amal")

Modules: model (the rows handed out, StoreError, times), store (the Store door), sessions,
cards, reads and profiles (the queries, written once for both back ends), backend (what a back
end provides), sqlite and sqlite_schema, postgresql and postgresql_schema (the back ends).
"""

from quiz.store.model import (
    DEFAULT_PROFILE,
    MODES,
    AnswerTime,
    BankScore,
    CardState,
    DamagedRow,
    ExportAnswer,
    NewCardScan,
    QuarterTotal,
    QuestionTotal,
    SessionInfo,
    SessionSummary,
    StoreError,
    as_utc,
    bank_key,
    choice_lists,
    json_time,
    percent,
    utc_now,
)
from quiz.store.profiles import ProfileSize, ProfileTaken
from quiz.store.reads import StatisticsReads
from quiz.store.store import Store, is_server_url

__all__ = [
    "DEFAULT_PROFILE",
    "MODES",
    "AnswerTime",
    "BankScore",
    "CardState",
    "DamagedRow",
    "ExportAnswer",
    "NewCardScan",
    "ProfileSize",
    "ProfileTaken",
    "QuarterTotal",
    "QuestionTotal",
    "SessionInfo",
    "SessionSummary",
    "StatisticsReads",
    "Store",
    "StoreError",
    "as_utc",
    "bank_key",
    "choice_lists",
    "is_server_url",
    "json_time",
    "percent",
    "utc_now",
]
