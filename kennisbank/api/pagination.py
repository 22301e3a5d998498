"""Page-number pagination with the pages' parameter names (``pagina``, ``per_pagina``)."""

from django.core.paginator import InvalidPage
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination

from kennisplatform.words import counted


class OpenDataPagination(PageNumberPagination):
    page_query_param = "pagina"
    page_size_query_param = "per_pagina"
    page_size = 20
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        # The numbers were validated already (params.QueryParams); only the range is left.
        self.request = request
        page_size = self.get_page_size(request)
        paginator = self.django_paginator_class(queryset, page_size)
        number = int(request.query_params.get(self.page_query_param) or 1)
        try:
            self.page = paginator.page(number)
        except InvalidPage:
            pages = counted(paginator.num_pages, "pagina", "pagina's")
            raise NotFound(f"Pagina {number} bestaat niet; er {'is' if paginator.num_pages == 1 else 'zijn'} {pages}.")
        return list(self.page)
