"""Limit the OpenAPI description to the open-data API (Wagtail's admin API is no part of it)."""


def only_open_data(endpoints):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
