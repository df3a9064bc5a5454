"""Where each member stands on an assignment, computed in the database (DESIGN.md rule 6: never a loop
over members). A course's status comes from training's expressions (a completion valid today, else
started); a quiz's from quizzes' passed-attempt `Exists`. A completion that has expired no longer counts
(recertification): the member is due again, and overdue once the due date has passed.
"""

from django.db.models import Case, Count, Q, Value, When
from django.db.models.enums import TextChoices
from django.utils.translation import gettext_lazy as _

from quizzes.results import attempt_exists, passed_attempt_exists
from training.completion import beijing_today, started_exists, valid_completion_exists

from .models import Assignment, Membership

# What training's enrolments made by an assignment say (training.enrolment.enrol(..., source=)).
ENROLMENT_SOURCE = "organisation"


class MemberStatus(TextChoices):
    NOT_STARTED = "not-started", _("Not started")
    IN_PROGRESS = "in-progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    OVERDUE = "overdue", _("Overdue")


def _done_and_started(assignment, user_ref, today):
    if assignment.kind == Assignment.Kind.COURSE:
        return (
            valid_completion_exists(assignment.course_key, user_ref, today),
            # Enrolled by the assignment itself is not a start: a lesson done (or enrolling oneself) is.
            started_exists(assignment.course_key, user_ref, enrolled_by_others=[ENROLMENT_SOURCE]),
        )
    return passed_attempt_exists(assignment.quiz_key, user_ref), attempt_exists(assignment.quiz_key, user_ref)


def status_expression(assignment, today=None, user_ref="user"):
    """A `Case` giving each membership's MemberStatus for the assignment (`user_ref` names the user's id
    in the outer queryset: "user" on memberships, "pk" on users)."""
    today = today or beijing_today()
    done, started = _done_and_started(assignment, user_ref, today)
    if assignment.due_on < today:
        return Case(When(done, then=Value(MemberStatus.COMPLETED)), default=Value(MemberStatus.OVERDUE))
    return Case(
        When(done, then=Value(MemberStatus.COMPLETED)),
        When(started, then=Value(MemberStatus.IN_PROGRESS)),
        default=Value(MemberStatus.NOT_STARTED),
    )


def assignees(assignment):
    """The current memberships an assignment applies to (its group's, or the whole organisation's)."""
    members = Membership.objects.current().filter(organization_id=assignment.organization_id)
    if assignment.group_label:
        members = members.filter(group_label=assignment.group_label)
    return members


def with_status(assignment, today=None):
    """The assignment's current memberships, each annotated with `status`."""
    return assignees(assignment).annotate(status=status_expression(assignment, today))


def status_counts(assignment, today=None):
    """{MemberStatus value: count} for the assignment, every status present (one query)."""
    counts = with_status(assignment, today).values("status").annotate(n=Count("id")).order_by()
    found = {row["status"]: row["n"] for row in counts}
    return {status.value: found.get(status.value, 0) for status in MemberStatus}


def _counted(total, done, started, overdue):
    """{status: count} from totals (the statuses add up to `total`)."""
    if overdue:
        return {
            MemberStatus.NOT_STARTED.value: 0,
            MemberStatus.IN_PROGRESS.value: 0,
            MemberStatus.COMPLETED.value: done,
            MemberStatus.OVERDUE.value: total - done,
        }
    return {
        MemberStatus.NOT_STARTED.value: total - done - started,
        MemberStatus.IN_PROGRESS.value: started,
        MemberStatus.COMPLETED.value: done,
        MemberStatus.OVERDUE.value: 0,
    }


def status_counts_for(organization, assignments, today=None):
    """{assignment pk: {MemberStatus value: count}} for several of one organisation's assignments, in
    one query over its current members (conditional counts per assignment, whatever their number)."""
    today = today or beijing_today()
    assignments = list(assignments)
    if not assignments:
        return {}
    aggregates = {}
    for assignment in assignments:
        in_scope = Q(group_label=assignment.group_label) if assignment.group_label else Q()
        done, started = _done_and_started(assignment, "user", today)
        aggregates[f"total_{assignment.pk}"] = Count("pk", filter=in_scope)
        aggregates[f"done_{assignment.pk}"] = Count("pk", filter=in_scope & Q(done))
        aggregates[f"started_{assignment.pk}"] = Count("pk", filter=in_scope & Q(started) & ~Q(done))
    row = Membership.objects.current().filter(organization=organization).aggregate(**aggregates)
    return {
        assignment.pk: _counted(
            row[f"total_{assignment.pk}"],
            row[f"done_{assignment.pk}"],
            row[f"started_{assignment.pk}"],
            assignment.due_on < today,
        )
        for assignment in assignments
    }


def status_counts_by_group(assignment, today=None):
    """{group label: {MemberStatus value: count}} for the assignment's members (one query)."""
    rows = with_status(assignment, today).values("group_label", "status").annotate(n=Count("id")).order_by()
    groups = {}
    for row in rows:
        counts = groups.setdefault(row["group_label"], {status.value: 0 for status in MemberStatus})
        counts[row["status"]] = row["n"]
    return dict(sorted(groups.items()))
