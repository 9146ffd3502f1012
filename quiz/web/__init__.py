"""Serving quiz in students' browsers (`quiz serve`), on textual-serve.

Modules: signing (the signed cookies), roster (who is signed in, the session limit), status
(what each student's app reports it is doing, and the plan a reconnect resumes), pages (the
sign-in and teacher pages' HTML), teacher (the class report and the results export), server
(the web server: routes, cookies, one app process per browser tab).

Only `quiz serve` imports this package's server; the app imports `status` when served.
"""
