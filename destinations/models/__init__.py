"""Destinations room models: shared facts, pages, subscriptions and deliveries, emergency cards."""

from .cards import EmergencyCard
from .facts import ChangeNote, ConsularContact, Destination, VisaRequirement
from .pages import (
    AlertIndexPage,
    DestinationIndexPage,
    DestinationPage,
    SafetyAlertPage,
)
from .subscriptions import (
    AlertConfirmation,
    AlertDelivery,
    AlertFanout,
    AlertSubscription,
    FollowedDestination,
)

__all__ = [
    "AlertConfirmation",
    "AlertDelivery",
    "AlertFanout",
    "AlertIndexPage",
    "AlertSubscription",
    "ChangeNote",
    "ConsularContact",
    "Destination",
    "DestinationIndexPage",
    "DestinationPage",
    "EmergencyCard",
    "FollowedDestination",
    "SafetyAlertPage",
    "VisaRequirement",
]
