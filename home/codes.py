"""Random codes and tokens for links and records people keep.

A token goes into a URL that is the permission itself (a cancel link, an unsubscribe link): long and
unguessable. A code is read out or typed by a person (a result code at the exhibition stand, a
check-in code at the door): short, upper case, without look-alikes (0/O, 1/I). Uniqueness is the
database's job (unique columns); callers try again on the rare clash.
"""

import secrets

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_token():
    """43 URL-safe characters (256 random bits)."""
    return secrets.token_urlsafe(32)


def new_code(length=6):
    """`length` characters a person can read out or type."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))
