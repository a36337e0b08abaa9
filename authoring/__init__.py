"""mcx-author: authoring toolchain for localized, hands-on cloud challenge packs."""

__version__ = "0.1.0"
