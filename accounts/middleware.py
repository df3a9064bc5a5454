from django.utils.cache import patch_cache_control


class PrivateCacheControlMiddleware:
    """A page rendered for a signed-in person is theirs alone: never kept by a shared cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response
