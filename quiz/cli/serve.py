"""`quiz serve`: the app in a class's browsers, each student signed in, one score database."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from quiz import locations
from quiz.cli.common import EXIT_OK, bank_dirs, interface
from quiz.cli.parser import UsageError
from quiz.errors import QuizError
from quiz.text.i18n import t
from quiz.text.safe import printable_name


def serve(args: argparse.Namespace) -> int:
    """Serve the app until Ctrl+C: print the address, the class code and the teacher key."""
    try:
        from quiz.web.server import ClassServer, ServeConfig
        from quiz.web.signing import new_code, new_key
    except ImportError as error:
        missing = error.name or "textual_serve"
        raise QuizError(t("cli.serve.needs_extra", missing=missing)) from None
    settings = interface(args)
    database = locations.database_path(args.db)
    if isinstance(database, Path):
        database = database.absolute()
    where = _need_database(database)
    class_code = args.class_code or new_code()
    if not class_code.strip() or len(class_code) > 64:
        raise UsageError(t("cli.serve.bad_class_code"))
    teacher_key = args.teacher_key or os.environ.get("QUIZ_TEACHER_KEY", "").strip() or new_key()
    if len(teacher_key) < 8:
        raise UsageError(t("cli.serve.short_teacher_key"))
    if args.public_url and not args.public_url.startswith(("http://", "https://")):
        raise UsageError(t("cli.serve.bad_public_url"))
    if args.public_url and urlsplit(args.public_url).path.strip("/"):
        # Its pages link to /signin, /ws and /static/: under a path they would miss.
        raise UsageError(t("cli.serve.public_url_path", url=args.public_url))
    state = Path(tempfile.mkdtemp(prefix="quiz-serve-"))
    config = ServeConfig(
        host=args.host,
        port=args.port,
        database=database,
        banks=[path.absolute() for path in bank_dirs(args)],
        language=settings.language,
        digits=settings.digits,
        class_code=class_code.strip(),
        teacher_key=teacher_key,
        state=state,
        max_sessions=args.max_sessions,
        public_url=args.public_url.rstrip("/") if args.public_url else None,
        proxies=frozenset(args.proxy or ()),
    )
    address = config.public_url or f"http://{_url_host(args.host)}:{args.port}"
    print(t("cli.serve.students", url=f"{address}/", code=config.class_code))
    print(t("cli.serve.teacher", url=f"{address}/teacher", teacher_key=teacher_key))
    # A server's URL is shown without its password (the app processes are given it whole).
    print(t("cli.serve.database", database=printable_name(where)))
    sys.stdout.flush()
    try:
        ClassServer(config).serve()
    finally:
        shutil.rmtree(state, ignore_errors=True)
    return EXIT_OK


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _need_database(database: Path | str) -> str:
    """Open the database once before serving: a bad one is one line now, not in each tab.
    Returns how messages name it (a server's URL without its password)."""
    from quiz.cli.play import _need_writable
    from quiz.store import Store

    _need_writable(database)
    if isinstance(database, Path):
        database.parent.mkdir(parents=True, exist_ok=True)
    with Store.open(database) as store:
        return str(store.where)
