"""The one exception type for problems a user can cause and fix."""


class TransdeskError(Exception):
    """Bad input, an unknown language, a missing file: anything a person can fix.

    The message is shown to the user as one line, so it must make sense on its own.
    """
