"""Localization: learner-facing strings as gettext catalogs, merged safely, checked for quality.

Other features use it through this package: `localize` gives a pack in one locale, `keys` spells
the msgctxt keys, `pack_locales` and `locale_tag` give canonical locale tags.
"""

from . import keys
from .localize import LocalizedPack, locale_tag, localize, pack_locales

__all__ = ["LocalizedPack", "keys", "locale_tag", "localize", "pack_locales"]
