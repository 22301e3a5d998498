"""Wagtail page types of the kennisbank, one module per section of the site."""
