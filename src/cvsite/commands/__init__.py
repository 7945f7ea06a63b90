"""Commands: the command line (`build`, `serve`, `check`, `new`, `schema`) and the preview server.

May import everything; nothing imports it.
"""
