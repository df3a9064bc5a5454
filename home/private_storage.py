"""Files that hold personal data (certificates, later uploads and exports): `STORAGES["private"]`.

They live under `PRIVATE_MEDIA_ROOT`, never under `MEDIA_ROOT` (which the web server serves to anyone
who guesses a path), and have no URL at all: a view that checks the owner reads the file and sends it
(`Cache-Control: private, no-store`). `manage.py check` warns (home.W003) when the folder sits inside
`MEDIA_ROOT` or `STATIC_ROOT`.

A model field takes the storage as the callable, so migrations name the function, not the settings:

    file = models.FileField(storage=private_storage, upload_to="certificates/", blank=True)
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property


@deconstructible(path="home.private_storage.PrivateFileSystemStorage")
class PrivateFileSystemStorage(FileSystemStorage):
    """The file system at `PRIVATE_MEDIA_ROOT` (unless given a `location`); `url()` refuses."""

    def __init__(self, location=None, **options):
        options.pop("base_url", None)  # nothing may turn a private file into a public address
        super().__init__(location=location, base_url=None, **options)

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError(
            "A private file has no public URL: serve it through a view that checks who is asking."
        )


def private_storage():
    """`STORAGES["private"]`, as a callable for `FileField(storage=...)`."""
    return storages["private"]
