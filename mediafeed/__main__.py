"""``python -m mediafeed`` and the ``mediafeed`` console script (``run``).

This module imports nothing at its top: a Ctrl-C while the program loads (mediafeed's own modules, the
command line's) is caught here, as early as the program can catch it, and ends as every interruption ends (one
line, exit code 130), not with Python's KeyboardInterrupt traceback. Only Python's own start-up comes before.
"""

#: what an interrupted run says on stderr (here, where nothing is imported yet; terminal takes it from here)
INTERRUPTED = "Interrupted; nothing half-written was left behind."


def run() -> None:
    """The program: :func:`mediafeed.commands.shortcut.main`, loaded inside the handler for Ctrl-C."""
    try:
        from .commands.shortcut import main

        main(prog_name="mediafeed")
    except KeyboardInterrupt:
        interrupted()


def interrupted() -> None:
    """One line on stderr and exit code 130 (``sys`` is built in: importing it now cannot be interrupted)."""
    import sys

    try:
        sys.stderr.write(INTERRUPTED + "\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # no stderr (pythonw), or a closed one
        pass
    sys.exit(130)


if __name__ == "__main__":
    run()
