"""Localization: learner-facing strings as gettext catalogs, merged safely, checked for quality."""
