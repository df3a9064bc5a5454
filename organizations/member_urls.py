"""See organizations/urls.py: members, join links and joining, invitations, uploaded member lists."""

from django.urls import path

from . import member_views

MEMBERS = "my/organisations/<int:organization_id>/members/"

urlpatterns = [
    path(MEMBERS, member_views.member_list, name="members"),
    path(f"{MEMBERS}add-manager/", member_views.add_manager, name="add_manager"),
    path(f"{MEMBERS}<int:membership_id>/", member_views.member_detail, name="member"),
    path(f"{MEMBERS}join-links/", member_views.join_links, name="join_links"),
    path(f"{MEMBERS}upload/", member_views.import_upload, name="import_upload"),
    path(f"{MEMBERS}upload/<int:import_id>/", member_views.import_preview, name="import_preview"),
    path(f"{MEMBERS}upload/<int:import_id>/confirm/", member_views.import_confirm, name="import_confirm"),
    path(
        f"{MEMBERS}upload/template.<str:format>",
        member_views.import_template,
        name="import_template",
    ),
    path("my/organisations/join/", member_views.join_code, name="join_code"),
    path("join/<str:token>/", member_views.join, name="join"),
    path("my/organisations/invitation/<str:token>/", member_views.invitation, name="invitation"),
]
