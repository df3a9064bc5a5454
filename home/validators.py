"""Validators more than one room uses."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAP_HOSTS = (
    "uri.amap.com",
    "www.amap.com",
    "amap.com",
    "ditu.amap.com",
    "map.baidu.com",
    "api.map.baidu.com",
)


def validate_map_url(value):
    """A map link opens in the apps people in China use: Amap or Baidu Maps, over https."""
    parts = urlsplit(value)
    if parts.scheme != "https" or parts.hostname not in MAP_HOSTS:
        raise ValidationError(_("Give an https link to Amap (amap.com) or Baidu Maps (map.baidu.com)."))
