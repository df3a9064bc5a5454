"""The private storage for files holding personal data: outside MEDIA_ROOT, with no URL."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.test import override_settings

from home.checks import private_media_outside_public_folders
from home.private_storage import PrivateFileSystemStorage, private_storage


def test_the_private_storage_is_a_file_system_at_private_media_root_outside_media_root():
    storage = storages["private"]
    assert isinstance(storage, PrivateFileSystemStorage)
    location = Path(storage.location).resolve()
    assert location == Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    assert media_root not in location.parents and location != media_root
    assert private_storage() is storage


def test_a_private_file_is_stored_on_disk_outside_media_root_and_has_no_url():
    storage = storages["private"]
    name = storage.save("certificates/test.pdf", ContentFile(b"%PDF-1.7 test"))
    try:
        path = Path(storage.path(name)).resolve()
        assert path.read_bytes() == b"%PDF-1.7 test"
        assert Path(settings.MEDIA_ROOT).resolve() not in path.parents
        with pytest.raises(ValueError, match="no public URL"):
            storage.url(name)
    finally:
        storage.delete(name)


def test_no_option_gives_the_private_storage_a_public_base_url():
    storage = PrivateFileSystemStorage(base_url="/media/")
    with pytest.raises(ValueError):
        storage.url("x.pdf")


def test_the_private_storage_follows_a_changed_private_media_root(tmp_path):
    with override_settings(PRIVATE_MEDIA_ROOT=str(tmp_path)):
        assert Path(storages["private"].location) == tmp_path


def test_the_default_private_media_root_is_its_own_folder_beside_media():
    from portal.settings import base

    assert base.PRIVATE_MEDIA_ROOT == base.BASE_DIR / "private_media"
    assert base.STORAGES["private"]["BACKEND"] == "home.private_storage.PrivateFileSystemStorage"


def test_the_check_is_quiet_when_private_media_is_apart(tmp_path):
    with override_settings(
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "staticfiles"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private_media"),
    ):
        assert private_media_outside_public_folders(None) == []


@pytest.mark.parametrize(
    "private, public_setting",
    [
        ("media/private", "MEDIA_ROOT"),
        ("media", "MEDIA_ROOT"),
        ("staticfiles/certificates", "STATIC_ROOT"),
        (".", "MEDIA_ROOT"),  # MEDIA_ROOT inside the private folder: the server would serve part of it
    ],
)
def test_the_check_warns_when_private_media_overlaps_a_public_folder(tmp_path, private, public_setting):
    with override_settings(
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "staticfiles"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / private),
    ):
        warnings = private_media_outside_public_folders(None)
    assert warnings
    assert {w.id for w in warnings} == {"home.W003"}
    assert any(public_setting in w.msg for w in warnings)


def test_the_check_runs_with_manage_py_check(tmp_path, capsys):
    with override_settings(MEDIA_ROOT=str(tmp_path), PRIVATE_MEDIA_ROOT=str(tmp_path / "private")):
        call_command("check")
    assert "home.W003" in capsys.readouterr().err
