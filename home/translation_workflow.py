"""Translations go through the same moderation as any page.

wagtail-localize's translation editor replaces Wagtail's page editor for a synced translation, and
its only way to put a translation on the site is "Publish", which skips workflows and is shown only
to those who may publish. Here an editor submits the translation for moderation instead: the
translated draft is saved as a new revision (never published) and the page's workflow starts, or
resumes after a moderator asked for changes; approving it publishes it, as for any page. A
moderator finds Approve and Request changes in the translation editor too (Wagtail's own workflow
action view does the work).

- ``before_edit_page`` (ahead of wagtail-localize's): the button of
  templates/wagtail_localize/admin/edit_translation.html posts ``action=submit-for-moderation``; a
  "publish" posted by someone who may not publish becomes the same submission.
- "Sync translated pages" (wagtail-localize's update view) offers "Publish immediately" only to
  those who may publish every translation it updates.
- "Convert to alias page" is refused: the alias would be the original page, live, among the English
  pages. (wagtail-localize's locale synchronisation, set on a locale by an administrator, makes such
  aliases too: leave it off.)
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import DraftStateMixin, Page, WorkflowState
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation
from wagtail_localize.views.update_translations import UpdateTranslationsView

SUBMIT_ACTION = "submit-for-moderation"


def synced_translation(page):
    """The wagtail-localize translation whose editor edits this page, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def review_actions(page, user, state):
    """The moderation task's actions this user may take (approve, request changes), once each, with
    the address of Wagtail's own workflow action view."""
    task_state = state.current_task_state if state is not None else None
    if task_state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return []
    labels = {}
    for name, label, needs_data in task_state.task.specific.get_actions(page, user):
        if name not in labels or not needs_data:
            labels[name] = label
    return [
        {
            "name": name,
            "label": label,
            "url": reverse("wagtailadmin_pages:workflow_action", args=[page.pk, name, task_state.pk]),
        }
        for name, label in labels.items()
    ]


def moderation_status(page, user):
    """What the translation editor offers this user: submit, resubmit, approve, or nothing (and why)."""
    workflow = page.get_workflow()
    state = page.current_workflow_state
    lock = page.get_lock()
    return {
        "workflow": workflow,
        "review_actions": review_actions(page, user, state),
        "in_moderation": state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS,
        "needs_changes": state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES,
        "locked": lock is not None and lock.for_user(user),
        "can_submit": workflow is not None
        and (state is None or state.status == WorkflowState.STATUS_NEEDS_CHANGES)
        and not (lock is not None and lock.for_user(user)),
    }


def has_missing_strings(translation):
    segments = translation.source.stringsegment_set.all()
    return segments.annotate_translation(translation.target_locale).filter(translation__isnull=True).exists()


def submit_for_moderation(request, translation, page):
    """Save the translation as a draft revision and start (or resume) the page's workflow."""
    name = translation.target_locale.get_display_name()
    status = moderation_status(page, request.user)
    if not status["can_submit"]:
        if status["in_moderation"]:
            messages.warning(request, _("This translation is already awaiting moderation."))
        elif status["locked"]:
            messages.error(request, _("This page is locked: the translation cannot be submitted now."))
        else:
            messages.error(request, _("No moderation workflow covers this page: ask an administrator."))
        return redirect(request.path)
    try:
        with transaction.atomic():
            translation.save_target(user=request.user, publish=False)  # a new revision, not published
            page = Page.objects.get(pk=page.pk).specific
            state = page.current_workflow_state
            if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                state.resume(request.user)
            else:
                status["workflow"].start(page, request.user)
    except ValidationError:
        messages.error(
            request,
            _("The translation into %(language)s has errors: fix them, then submit it again.")
            % {"language": name},
        )
        return redirect(request.path)
    if has_missing_strings(translation):
        messages.warning(
            request,
            _(
                "'%(title)s' in %(language)s has been submitted for moderation, with some text not "
                "translated yet (it would appear in the original language)."
            )
            % {"title": page.title, "language": name},
        )
    else:
        messages.success(
            request,
            _("'%(title)s' in %(language)s has been submitted for moderation.")
            % {"title": page.title, "language": name},
        )
    return redirect(request.path)


@hooks.register("before_edit_page", order=-1)
def translation_goes_to_moderation(request, page):
    if request.method != "POST":
        return None
    action = request.POST.get("action")
    if action not in (SUBMIT_ACTION, "publish"):
        return None
    if action == "publish" and page.permissions_for_user(request.user).can_publish():
        return None  # wagtail-localize publishes it, as Wagtail's own "Publish" would
    translation = synced_translation(page)
    if translation is None:
        return None
    return submit_for_moderation(request, translation, page)


def may_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return user.is_superuser or user.has_perm(get_permission_name("publish", type(instance)))
    return True


class ModeratedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", whose "Publish immediately" needs publish permission
    on every translation it updates (without it the updates are saved as drafts, for moderation)."""

    def get_form(self):
        form = super().get_form()
        source = self.object.get_source_instance()
        locales = self.object.translations.filter(enabled=True).values("target_locale_id")
        targets = type(source).objects.filter(translation_key=source.translation_key, locale_id__in=locales)
        if not all(may_publish(self.request.user, target) for target in targets):
            # Hidden and disabled: whatever is posted, it stays unticked (the updates are saved as drafts).
            field = form.fields["publish_translations"]
            field.disabled = True
            field.widget = forms.HiddenInput()
        return form


def no_alias_of_another_language(request, page_id):
    """Instead of wagtail-localize's "Convert to alias page": an alias of the Chinese page would put it
    live, in Chinese, among the English pages (and follow each of its publications), unreviewed."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    messages.error(
        request,
        _(
            "A translation cannot become a copy of the original page: readers would see the original "
            "language as if it were theirs. Translate it, or delete it."
        ),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("register_admin_urls", order=-1)
def translation_moderation_urls():
    # The same addresses as wagtail-localize's views, registered before them, so these answer instead.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ModeratedUpdateTranslationsView.as_view(),
            name="moderated_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            no_alias_of_another_language,
            name="no_alias_of_another_language",
        ),
    ]
