"""Countries' names in Spanish and French, from maintained sources: never written by hand.

CLDR, through Babel, names every current ISO 3166-1 code in every language. IATI still uses a few
codes ISO has withdrawn (AN, the Netherlands Antilles, split in 2010), which CLDR no longer names:
those come from ISO 3166-3's own translations, shipped with pycountry. A country saved without a
name in a language gets this one (``Country.save``); staff may write another over it.
"""

from __future__ import annotations

import functools
import gettext

import pycountry
from babel import Locale


@functools.cache
def _withdrawn_names(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-3", pycountry.LOCALES_DIR, languages=[language], fallback=True)


def country_name(code: str, language: str) -> str | None:
    """The name of the country with ISO code ``code`` in ``language``, or None if no source names it."""
    name = Locale.parse(language).territories.get(code.upper())
    if name:
        return name
    withdrawn = pycountry.historic_countries.get(alpha_2=code.upper())
    if withdrawn is None:
        return None
    return _withdrawn_names(language).gettext(withdrawn.name)


def fill_country_names(country, languages: list[str]) -> None:
    """Give ``country`` (a Country, or a migration's historical one) the names it lacks in ``languages``."""
    for language in languages:
        column = f"name_{language}"
        if not getattr(country, column, None):
            setattr(country, column, country_name(country.code, language))
