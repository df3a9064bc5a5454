"""Signals other rooms listen to (DESIGN.md: a higher room learns what happened here by a signal).

`attempt_submitted` (keyword `attempt`) is sent once the transaction that scored an attempt has
committed (quizzes.attempts.submit_attempt), and for each submitted attempt a guest's sign-in claims
(claim_guest_attempts, which uses update(), so post_save would miss it). Receivers read `attempt.user`
and `attempt.passed`."""

from django.dispatch import Signal

attempt_submitted = Signal()
