"""Kennisbank models: reference data, themes and the Wagtail page types.

They live in small modules; importing them here registers them with Django.
"""

from kennisbank.geo import Gemeente, Provincie  # noqa: F401
from kennisbank.page_creation import PageCreation  # noqa: F401
from kennisbank.pages.handreiking import HandreikingIndexPage, HandreikingPage, HoofdstukPage, HoofdstukTag  # noqa: F401
from kennisbank.pages.instrumenten import InstrumentIndexPage, InstrumentKind, InstrumentPage  # noqa: F401
from kennisbank.pages.publicaties import PublicatieIndexPage, PublicatiePage, PublicatieTag  # noqa: F401
from kennisbank.pages.verordening import VerordeningPage  # noqa: F401
from kennisbank.pages.voorbeelden import PropertyType, VoorbeeldIndexPage, VoorbeeldPage, VoorbeeldTag  # noqa: F401
from kennisbank.review_mail import ReviewMail  # noqa: F401
from kennisbank.themes import Thema  # noqa: F401
