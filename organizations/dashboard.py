"""What the manager's dashboard and "My organisations" show, prepared in a bounded number of queries
(DESIGN.md rule 6): statuses and counts are computed in the database (organizations/progress.py), never
by looping over members; charts are drawn on the server (home.charts).

Managers see only their own organisation's people, and of them only what is needed: name, group,
status and dates.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils.translation import gettext as _

from home.charts import Bar, chart
from training.completion import beijing_today

from .models import Assignment, Membership, Organization
from .progress import MemberStatus, status_counts_by_group, status_counts_for, status_expression, with_status

# Managed organisations whose completion is summed up on "My organisations" and in My portal.
SUMMARY_LIMIT = 5
STATUS_FILTERS = [status.value for status in MemberStatus]


# What fits left of a bar (the bar's description, read out, has the whole label).
BAR_LABEL_LENGTH = 8


def bar_label(text):
    return text if len(text) <= BAR_LABEL_LENGTH else text[: BAR_LABEL_LENGTH - 1] + "…"


def percent_text(share):
    return f"{round(share * 100)}%" if share is not None else "–"


def completion_share(counts):
    total = sum(counts.values())
    return counts[MemberStatus.COMPLETED.value] / total if total else None


# The dashboard ------------------------------------------------------------------------------------


@dataclass
class AssignmentRow:
    assignment: Assignment
    counts: dict
    total: int
    share: float | None
    overdue: bool
    reminded_today: bool

    @property
    def count_items(self):
        """(label, count) per status, in the statuses' order."""
        return [(status.label, self.counts[status.value]) for status in MemberStatus]


def assignment_rows(organization, today=None):
    """The open assignments with their status counts (two queries whatever their number)."""
    today = today or beijing_today()
    assignments = list(Assignment.objects.filter(organization=organization, ended_at__isnull=True))
    counts = status_counts_for(organization, assignments, today)
    return [
        AssignmentRow(
            assignment=assignment,
            counts=counts[assignment.pk],
            total=sum(counts[assignment.pk].values()),
            share=completion_share(counts[assignment.pk]),
            overdue=assignment.due_on < today,
            reminded_today=assignment.reminded_on == today,
        )
        for assignment in assignments
    ]


def _status_description(label, counts):
    return _(
        "%(label)s: %(completed)s completed, %(progress)s in progress, %(not_started)s not started, "
        "%(overdue)s overdue"
    ) % {
        "label": label,
        "completed": counts[MemberStatus.COMPLETED.value],
        "progress": counts[MemberStatus.IN_PROGRESS.value],
        "not_started": counts[MemberStatus.NOT_STARTED.value],
        "overdue": counts[MemberStatus.OVERDUE.value],
    }


def assignments_chart(rows):
    bars = [
        Bar(
            bar_label(row.assignment.title),
            row.share,
            percent_text(row.share),
            _status_description(row.assignment.title, row.counts),
        )
        for row in rows
    ]
    return chart(
        _("Completion per assignment"), "; ".join(bar.description for bar in bars), bars, "chart-assignments"
    )


def groups_chart(assignment, today=None):
    groups = status_counts_by_group(assignment, today)
    bars = []
    for label, counts in groups.items():
        share = completion_share(counts)
        name = label or _("No group")
        bars.append(Bar(bar_label(name), share, percent_text(share), _status_description(name, counts)))
    title = _("Completion per group: %(title)s") % {"title": assignment.title}
    return chart(title, "; ".join(bar.description for bar in bars), bars, "chart-groups")


# The member list ----------------------------------------------------------------------------------


def member_statuses(assignment, *, text="", group=None, status=None, today=None):
    """The assignment's current members with their status, name and dates only, filtered (one query
    when evaluated); ordered by group and name."""
    rows = with_status(assignment, today)
    if text:
        rows = rows.filter(Q(user__name__icontains=text) | Q(name__icontains=text) | Q(member_number=text))
    if group is not None:
        rows = rows.filter(group_label=group)
    if status in STATUS_FILTERS:
        rows = rows.filter(status=status)
    return rows.order_by("group_label", "user__name", "pk").values(
        "pk", "user__name", "name", "group_label", "status", "joined_at"
    )


def status_labels():
    return dict(MemberStatus.choices)


# My organisations (the page and the My portal section) --------------------------------------------


@dataclass
class MyAssignment:
    assignment: Assignment
    status: str
    status_label: str


@dataclass
class MyOrganisation:
    organization: Organization
    is_manager: bool
    member_count: int = 0
    open_assignments: int = 0
    share: float | None = None
    share_text: str = ""
    assignments: list = None


def my_organisations(user, today=None, summary_limit=SUMMARY_LIMIT):
    """The approved organisations `user` belongs to now (managers first), each with, for managers, its
    member count, open assignments and completion (for the first few), and for members, what is
    assigned to them with due dates and their status. Three or four queries whatever the numbers, plus
    one per managed organisation summed up (at most `summary_limit`)."""
    today = today or beijing_today()
    current = Membership.objects.current()
    memberships = list(
        current.filter(user=user, organization__status=Organization.Status.APPROVED)
        .select_related("organization")
        .annotate(
            member_count=Subquery(
                current.filter(organization=OuterRef("organization"))
                .order_by()
                .values("organization")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
            open_assignments=Subquery(
                Assignment.objects.filter(organization=OuterRef("organization"), ended_at__isnull=True)
                .order_by()
                .values("organization")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
        )
        .order_by("organization__name", "pk")
    )
    if not memberships:
        return []
    by_org = {}
    for membership in memberships:
        entry = by_org.get(membership.organization_id)
        manager = membership.role == Membership.Role.MANAGER
        if entry is None:
            entry = by_org[membership.organization_id] = MyOrganisation(
                membership.organization,
                manager,
                membership.member_count or 0,
                membership.open_assignments or 0,
                assignments=[],
            )
        entry.is_manager = entry.is_manager or manager
    groups = {m.organization_id: m.group_label for m in memberships}
    assigned = list(
        Assignment.objects.filter(organization_id__in=list(by_org), ended_at__isnull=True).order_by(
            "due_on", "pk"
        )
    )
    mine = [a for a in assigned if not a.group_label or a.group_label == groups[a.organization_id]]
    if mine:
        annotations = {f"status_{a.pk}": status_expression(a, today, user_ref="pk") for a in mine}
        row = get_user_model().objects.filter(pk=user.pk).annotate(**annotations).values(*annotations).first()
        labels = status_labels()
        for assignment in mine:
            status = row[f"status_{assignment.pk}"]
            by_org[assignment.organization_id].assignments.append(
                MyAssignment(assignment, status, labels[status])
            )
    summed = 0
    for entry in by_org.values():
        if entry.is_manager and summed < summary_limit:
            summed += 1
            open_ones = [a for a in assigned if a.organization_id == entry.organization.pk]
            counts = status_counts_for(entry.organization, open_ones, today)
            totals = {status.value: sum(c[status.value] for c in counts.values()) for status in MemberStatus}
            entry.share = completion_share(totals)
            entry.share_text = percent_text(entry.share)
    return sorted(by_org.values(), key=lambda entry: (not entry.is_manager, entry.organization.name))
