from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import pwa_views
from home import sitemaps as home_sitemaps
from home import views as home_views
from home.feeds import LatestContentFeed
from quizzes import exhibition_views as quiz_exhibition_views
from training import certificate_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz/", home_views.health, name="health"),
    path("sitemap.xml", home_sitemaps.sitemap, name="sitemap"),
    path("robots.txt", home_sitemaps.robots_txt, name="robots_txt"),
    # At the root, so the service worker's scope is the whole site (home/pwa.py).
    path("sw.js", pwa_views.service_worker, name="service_worker"),
    # Exhibition posters' short links: the quiz in the visitor's language (quizzes/exhibition_views.py).
    path("q/<str:code>/", quiz_exhibition_views.short_link, name="quiz_short_link"),
    # The address printed on certificates: the verification page in the visitor's language.
    path("verify/<str:code>/", certificate_views.verify_short, name="certificate_verify_short"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("site-map/", home_views.site_map, name="site_map"),
    path("feeds/latest/", LatestContentFeed(), name="latest_feed"),
    path("manifest.webmanifest", pwa_views.web_manifest, name="web_manifest"),
    path("offline/", pwa_views.offline, name="offline"),
    path("accounts/", include("allauth.urls")),
    path("", include("accounts.urls")),
    path("", include("destinations.urls")),
    path("", include("events.urls")),
    path("", include("quizzes.urls")),
    path("", include("training.certificate_urls")),
    path("", include("training.urls")),
    path("", include("organizations.urls")),
    # Wagtail serves every page not caught above: keep it last.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "home.views.page_not_found"
# The database out of reach answers 503 (home/db_unavailable.py); any other error, Django's 500 page.
handler500 = "home.db_unavailable.server_error"
