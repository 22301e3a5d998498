"""Page-number pagination with the pages' parameter names (``pagina``, ``per_pagina``)."""

from django.core.paginator import InvalidPage
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination


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
            raise NotFound(f"Pagina {number} bestaat niet; er zijn {paginator.num_pages} pagina's.")
        return list(self.page)
