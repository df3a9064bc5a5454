"""Trip readiness (issue 16, item 6): a learner enters a trip (destination, departure and return, Beijing
calendar dates) and "My learning" says what to do before it: a certificate that expires before the trip
ends, a destination at "travel with caution" or higher (`destinations.levels.RiskLevel`) with the courses
recommended before such trips, and a one-click offer of that destination's safety alerts by email for
the trip only (`destinations.subscriptions.follow_for_trip`, ending a week after the return).

Bounded: the trips with their destinations' risk levels in one query, the recommended courses in one
(only when a trip is risky), what the person follows in two (`followed_by`, only with a trip), whatever
the number of trips."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django import forms
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from destinations.levels import RiskLevel, level_style
from destinations.models import Destination
from destinations.subscriptions import follow_for_trip, followed_by
from home.reader_language import copy_for_reader

from .completion import beijing_today
from .models.pages import CoursePage
from .models.trips import Trip

MAX_AHEAD = datetime.timedelta(days=731)  # dates at most two years ahead
MAX_TRIPS = 20  # trips not yet over, per person
ALERTS_AFTER_RETURN = datetime.timedelta(days=7)


class TripForm(forms.ModelForm):
    class Meta:
        model = Trip
        fields = ["destination", "departs_on", "returns_on"]
        widgets = {
            "departs_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "returns_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["destination"].help_text = ""

    def clean(self):
        cleaned = super().clean()
        departs, returns = cleaned.get("departs_on"), cleaned.get("returns_on")
        today = beijing_today()
        if departs is not None:
            unchanged = self.instance.pk is not None and departs == self.instance.departs_on
            if departs < today and not unchanged:
                self.add_error("departs_on", _("The departure date cannot be in the past (Beijing date)."))
            elif departs > today + MAX_AHEAD:
                self.add_error("departs_on", _("Enter a departure date within the next two years."))
        if returns is not None:
            if departs is not None and returns < departs:
                self.add_error("returns_on", _("The return date cannot be before the departure date."))
            elif returns > today + MAX_AHEAD:
                self.add_error("returns_on", _("Enter a return date within the next two years."))
            elif returns < today:
                self.add_error("returns_on", _("This trip is already over."))
        if self.instance.pk is None and self.user.trips.filter(returns_on__gte=today).count() >= MAX_TRIPS:
            raise forms.ValidationError(_("You have entered as many trips as you can. Delete one first."))
        return cleaned


def save_trip(form):
    """Save a valid TripForm; the same trip sent twice (or an edit into one the person has) is one
    trip: returns (trip, created)."""
    trip = form.save(commit=False)
    trip.user = form.user
    same = Trip.objects.filter(
        user=form.user, destination=trip.destination, departs_on=trip.departs_on, returns_on=trip.returns_on
    ).exclude(pk=trip.pk)
    existing = same.first()
    if existing is not None:
        if trip.pk is not None:
            Trip.objects.filter(pk=trip.pk).delete()  # the edit made it the same as another: keep one
        return existing, False
    try:
        with transaction.atomic():
            trip.save()
    except IntegrityError:
        existing = same.first()
        if existing is None:
            raise
        return existing, False
    return trip, True


def email_confirmed(user):
    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


def follow_trip_alerts(user, trip, client_address=None):
    """The one-click offer: the trip's destination's alerts until a week after the return."""
    return follow_for_trip(
        user.email,
        str(trip.destination),
        trip.returns_on + ALERTS_AFTER_RETURN,
        language=user.preferred_language,
        confirmed=email_confirmed(user),
        client_address=client_address,
    )


@dataclass(frozen=True)
class CertificateWarning:
    title: str
    valid_until: datetime.date


@dataclass(frozen=True)
class TripReadiness:
    trip: Trip
    risk_level: int | None  # None: no facts for that destination
    expiring: list  # CertificateWarning: valid until before the trip ends
    alerts_for_good: bool
    alerts_until: datetime.date | None
    alerts_offered: bool  # the destination has facts and is not followed yet

    @property
    def risky(self):
        return self.risk_level is not None and self.risk_level >= RiskLevel.TRAVEL_WITH_CAUTION

    @property
    def risk_label(self):
        return RiskLevel(self.risk_level).label if self.risk_level is not None else ""

    @property
    def risk_style(self):
        return level_style(self.risk_level) if self.risk_level is not None else None


@dataclass(frozen=True)
class Readiness:
    trips: list
    recommended: list  # live courses (reader's language) marked for risky trips, not validly completed

    @property
    def any_risky(self):
        return any(row.risky for row in self.trips)


def upcoming_trips(user):
    """The person's trips not yet over, with their destination's risk level (one query)."""
    level = Destination.objects.filter(country=OuterRef("destination")).values("risk_level")[:1]
    return list(
        Trip.objects.filter(user=user, returns_on__gte=beijing_today())
        .annotate(risk_level=Subquery(level))
        .order_by("departs_on", "pk")
    )


def _latest_validity(completed):
    """{course key: (title, valid until or None for no expiry)} of the person's certificates not revoked,
    the longest-lasting completion of each course."""
    best = {}
    for row in completed:
        certificate = row.certificate
        if certificate is None or certificate.revoked_at is not None:
            continue
        key = row.completion.course_key
        until = row.completion.valid_until
        if key not in best:
            best[key] = (row.title, until)
        else:
            title, known = best[key]
            if known is not None and (until is None or until > known):
                best[key] = (title, until)
    return best


def _recommended_courses(completed, today):
    done = {row.completion.course_key for row in completed if row.completion.is_valid_on(today)}
    copies = defaultdict(list)
    for course in CoursePage.objects.live().filter(recommended_for_risky_trips=True).select_related("locale"):
        copies[course.translation_key].append(course)
    chosen = [copy_for_reader(found) for key, found in copies.items() if key not in done]
    return sorted(chosen, key=lambda course: course.title)


def trip_readiness(user, completed):
    """Readiness for each of the person's upcoming trips; `completed` is My learning's completed rows
    (training.my_learning.CompletedCourse)."""
    trips = upcoming_trips(user)
    if not trips:
        return Readiness([], [])
    today = beijing_today()
    validity = _latest_validity(completed)
    every_destination, follows = followed_by(user.email)
    rows = []
    for trip in trips:
        expiring = [
            CertificateWarning(title, until)
            for title, until in validity.values()
            if until is not None and until < trip.returns_on
        ]
        code = str(trip.destination)
        for_good = every_destination or (code in follows and follows[code] is None)
        until = None if for_good else follows.get(code)
        rows.append(
            TripReadiness(
                trip=trip,
                risk_level=trip.risk_level,
                expiring=sorted(expiring, key=lambda warning: warning.valid_until),
                alerts_for_good=for_good,
                alerts_until=until,
                alerts_offered=trip.risk_level is not None
                and not for_good
                and (until is None or until < trip.returns_on + ALERTS_AFTER_RETURN),
            )
        )
    risky = any(row.risky for row in rows)
    return Readiness(rows, _recommended_courses(completed, today) if risky else [])
