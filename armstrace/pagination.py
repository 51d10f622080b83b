"""The API's pages (settings REST_FRAMEWORK DEFAULT_PAGINATION_CLASS): a module of its own, as DRF imports it while
the viewsets are being defined."""

from rest_framework.pagination import LimitOffsetPagination


class Pagination(LimitOffsetPagination):
    """?limit=&offset= pages; a limit above max_limit gives max_limit rows, an offset past the end an empty page."""

    max_limit = 1000
    max_offset = 2**62  # fits the databases' 64-bit integers

    def get_offset(self, request):
        return min(super().get_offset(request), self.max_offset)
