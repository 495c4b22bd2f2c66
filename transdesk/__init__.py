"""transdesk: align, check and score translations between Russian or Belarusian and English."""

__version__ = "0.1.0"
