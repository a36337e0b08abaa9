"""Localization: learner-facing strings as gettext catalogs, merged safely, checked for quality.

Other features use it through this package: `localize` gives a pack in one locale, `keys` spells
the msgctxt keys, `pack_locales` and `locale_tag` give canonical locale tags; `report_locales` is
`i18n report` (a PackReport per declared locale) and `compile_catalogs` is `i18n compile`.
"""

from . import keys
from .localize import LocalizedPack, locale_tag, localize, pack_locales
from .locales import resolve_locale  # noqa: F401  (a --locale from the command line: UsageError when unknown)
from .workflow import compile_catalogs
from .workflow import report as report_locales

__all__ = ["LocalizedPack", "compile_catalogs", "keys", "locale_tag", "localize", "pack_locales", "report_locales"]
