"""The whole handreiking as one accessible PDF (PDF/UA-1), rendered by WeasyPrint from the same
block templates as the chapter pages, so the PDF shows exactly what the reader may read there.

Access: the caller passes the chapters and bijlagen this reader may read; page references inside
chapters go through ``readable_ref_ids`` as on the HTML pages. Structure (tags, /Lang nl,
bookmarks per chapter, a linked table of contents with page numbers) comes from the HTML and
``static/css/print.css``.
"""

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from kennisbank.blocks import referenced_page_ids
from kennisbank.pages.common import readable_ids

PDF_VARIANT = "pdf/ua-1"


def handreiking_pdf(request, handreiking, chapters, bijlagen) -> bytes:
    referenced = set().union(*(referenced_page_ids(chapter.body) for chapter in chapters))
    html = render_to_string(
        "kennisbank/handreiking_pdf.html",
        {
            "handreiking": handreiking,
            "handreiking_url": handreiking.full_url,
            "chapters": chapters,
            "bijlagen": bijlagen,
            "readable_ref_ids": readable_ids(referenced, request.user),
        },
        request=request,
    )
    document = HTML(string=html, base_url=handreiking.get_site().root_url + "/", url_fetcher=_StaticFilesOnly())
    return document.write_pdf(pdf_variant=PDF_VARIANT, uncompressed_pdf=False)


class _StaticFilesOnly(URLFetcher):
    """Stylesheets come from our own static files on disk; nothing is fetched over the network
    (an editor's link or image URL must not make the server request it)."""

    def fetch(self, url, headers=None):
        path = urlsplit(url).path
        found = finders.find(path.removeprefix(settings.STATIC_URL)) if path.startswith(settings.STATIC_URL) else None
        if not found:
            raise ValueError(f"Niet opgehaald voor de pdf: {url}")
        content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
        return URLFetcherResponse(url, Path(found).read_bytes(), {"Content-Type": content_type})
