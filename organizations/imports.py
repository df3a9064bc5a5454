"""Member lists uploaded by a manager: a CSV or XLSX file (name, email, group, optional number and
under 14) read into a preview with an outcome for every row, then applied all at once or not at all.

- CSV as Excel saves it: UTF-8 with or without a byte order mark, or GB18030 (Excel in Chinese); the
  first that decodes wins (UTF-8 first: a GB18030 decoder accepts almost any bytes).
- XLSX read by openpyxl in read-only mode (defusedxml is installed, so its XML parsing is safe).
- Headers in English or Chinese (姓名, 邮箱, 分组/班级/部门, 工号/学号, 未满14岁, 出生年份), in any order.
- A wrong file type, an empty file, more than `MAX_BYTES` or `MAX_ROWS`, or a missing column: one
  clear message (`ImportRefused`), nothing stored.

The uploaded file is not kept: the preview (`MemberImport.rows`) holds what each row said and its
outcome. Applying re-checks every row against the database as it is then (one query for accounts, one
for memberships), creates the memberships with one `bulk_create`, queues the invitations and the
"you were added" emails as one batch each, and marks the import applied with a conditional UPDATE, all
in one transaction: a second confirmation applies nothing, and a failure anywhere leaves nothing.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from home.codes import new_token

from . import invitations
from .assignments import enrol_new_members
from .members import is_under_14
from .models import MemberImport, Membership

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
NAME_LENGTH = 100
GROUP_LENGTH = 100
NUMBER_LENGTH = 50


class Outcome:
    INVITE = "invite"
    ADD = "add"
    MEMBER = "member"
    DUPLICATE = "duplicate"
    INVALID_EMAIL = "invalid-email"
    MISSING_NAME = "missing-name"

    APPLIED = (INVITE, ADD)
    ORDER = (INVITE, ADD, MEMBER, DUPLICATE, INVALID_EMAIL, MISSING_NAME)
    LABELS = {
        INVITE: gettext_lazy("New person: will be invited to sign up"),
        ADD: gettext_lazy("Has an account: will be added"),
        MEMBER: gettext_lazy("Already a member or invited"),
        DUPLICATE: gettext_lazy("Duplicate of an earlier row"),
        INVALID_EMAIL: gettext_lazy("Email address not valid"),
        MISSING_NAME: gettext_lazy("Name missing"),
    }


# Column: the headers that name it (compared without case, spaces, "-" and "_").
COLUMNS = {
    "name": ("name", "fullname", "姓名", "名字"),
    "email": ("email", "e-mail", "emailaddress", "邮箱", "电子邮箱", "电子邮件", "邮箱地址"),
    "group": ("group", "class", "department", "分组", "班级", "部门", "组别"),
    "number": ("number", "staffnumber", "studentnumber", "stafforstudentnumber", "工号", "学号", "编号"),
    "under_14": ("under14", "未满14岁", "未满14周岁"),
    "birth_year": ("birthyear", "出生年份"),
}
REQUIRED = ("name", "email", "group")
TRUE_WORDS = {"1", "y", "yes", "true", "x", "✓", "是", "对", "√"}

# The downloadable template's headings, per language.
TEMPLATE_HEADINGS = {
    "zh-hans": ["姓名", "邮箱", "分组", "工号/学号", "未满14岁"],
    "en": ["Name", "Email", "Group", "Number", "Under 14"],
}


class ImportRefused(Exception):  # noqa: N818 (reads as what happened to the file)
    """The whole file is refused; the message says why."""


@dataclass
class ImportReport:
    file_name: str
    rows: list = field(default_factory=list)

    @property
    def counts(self):
        counts = dict.fromkeys(Outcome.ORDER, 0)
        for row in self.rows:
            counts[row["outcome"]] += 1
        return counts

    @property
    def applicable(self):
        return sum(1 for row in self.rows if row["outcome"] in Outcome.APPLIED)


def _normal_header(text):
    return "".join(str(text or "").split()).replace("_", "").replace("-", "").replace("（", "(").lower()


HEADER_LOOKUP = {_normal_header(header): column for column, headers in COLUMNS.items() for header in headers}


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _read_csv(data):
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        break
    else:
        raise ImportRefused(_("The file could not be read: save it as CSV (UTF-8) or as XLSX."))
    if "\x00" in text:
        raise ImportRefused(_("The file could not be read: save it as CSV (UTF-8) or as XLSX."))
    return list(csv.reader(io.StringIO(text, newline="")))


def _read_xlsx(data):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ImportRefused(_("The file could not be read as an XLSX workbook.")) from error
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            return []
        rows = []
        for values in sheet.iter_rows(values_only=True):
            rows.append([_cell(value) for value in values])
            if len(rows) > MAX_ROWS + 1 and any(rows[-1]):
                break
        return rows
    finally:
        workbook.close()


def read_table(upload):
    """The file's rows as lists of text, header first. Raises ImportRefused."""
    name = getattr(upload, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ("csv", "xlsx"):
        raise ImportRefused(_("Upload a CSV or XLSX file (other kinds of file cannot be read)."))
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_BYTES:
        raise ImportRefused(_("The file is larger than 5 MB: split it into smaller files."))
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ImportRefused(_("The file is larger than 5 MB: split it into smaller files."))
    if not data.strip():
        raise ImportRefused(_("The file is empty."))
    if extension == "xlsx":
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise ImportRefused(_("The file could not be read as an XLSX workbook."))
        rows = _read_xlsx(data)
    else:
        if data.startswith(b"PK\x03\x04"):
            raise ImportRefused(_("This is not a CSV file: save it as CSV, or upload it as XLSX."))
        rows = _read_csv(data)
    return [[_cell(value) for value in row] for row in rows if any(_cell(value) for value in row)]


def _columns(header):
    found = {}
    for index, text in enumerate(header):
        column = HEADER_LOOKUP.get(_normal_header(text))
        if column and column not in found:
            found[column] = index
    missing = [column for column in REQUIRED if column not in found]
    if missing:
        names = {"name": _("name (姓名)"), "email": _("email (邮箱)"), "group": _("group (分组)")}
        raise ImportRefused(
            _("The first row must name the columns; missing: %(columns)s. Download the template to see how.")
            # Translators: what separates the items of a list ("、" in Chinese).
            % {"columns": pgettext("list separator", ", ").join(str(names[column]) for column in missing)}
        )
    return found


def _truthy(text):
    return text.strip().lower() in TRUE_WORDS


def _birth_year(text):
    text = text.strip()
    if text.isdigit() and 1900 <= int(text) <= timezone.localdate().year:
        return int(text)
    return None


def parse_rows(table):
    """Rows as dicts (row number as the spreadsheet shows it, header = 1), outcome not yet set."""
    if not table:
        raise ImportRefused(_("The file is empty."))
    columns = _columns(table[0])
    body = table[1:]
    if not body:
        raise ImportRefused(_("The file has a header row but no people in it."))
    if len(body) > MAX_ROWS:
        raise ImportRefused(
            _("The file has more than %(count)s rows: split it into smaller files.")
            % {"count": f"{MAX_ROWS:,}"}
        )

    def value(row, column, length=None):
        index = columns.get(column)
        text = row[index] if index is not None and index < len(row) else ""
        return text[:length] if length else text

    return [
        {
            "row": number,
            "name": " ".join(value(row, "name").split())[:NAME_LENGTH],
            "email": value(row, "email", 254).strip(),
            "group": value(row, "group", GROUP_LENGTH),
            "number": value(row, "number", NUMBER_LENGTH),
            "under_14": _truthy(value(row, "under_14")),
            "birth_year": _birth_year(value(row, "birth_year")),
        }
        for number, row in enumerate(body, start=2)
    ]


def _valid_email(email):
    if not email:
        return False
    try:
        validate_email(email)
    except ValidationError:
        return False
    return True


def classify(rows, organization):
    """Set each row's outcome against the database as it is now: two queries whatever the size."""
    wanted = {row["email"].lower() for row in rows if _valid_email(row["email"])}
    users = {}
    if wanted:
        users = {
            user.email_lower: user
            for user in get_user_model()
            .objects.annotate(email_lower=Lower("email"))
            .filter(email_lower__in=wanted, is_active=True)
        }
    taken = set()
    for email, account_email in Membership.objects.filter(
        organization=organization, ended_at__isnull=True
    ).values_list(Lower("email"), Lower("user__email")):
        taken.add(email)
        if account_email:
            taken.add(account_email)
    seen = set()
    for row in rows:
        email = row["email"].lower()
        if not row["name"]:
            row["outcome"] = Outcome.MISSING_NAME
        elif not _valid_email(row["email"]):
            row["outcome"] = Outcome.INVALID_EMAIL
        elif email in seen:
            row["outcome"] = Outcome.DUPLICATE
        elif email in taken:
            row["outcome"] = Outcome.MEMBER
        elif email in users:
            row["outcome"] = Outcome.ADD
        else:
            row["outcome"] = Outcome.INVITE
        if row["outcome"] in (Outcome.INVITE, Outcome.ADD, Outcome.MEMBER):
            seen.add(email)
    return users


def import_members(upload, organization):
    """Read `upload` into an ImportReport (an outcome per row); raises ImportRefused for the file."""
    rows = parse_rows(read_table(upload))
    classify(rows, organization)
    return ImportReport(file_name=str(getattr(upload, "name", ""))[:255], rows=rows)


def save_preview(report, organization, uploaded_by):
    return MemberImport.objects.create(
        organization=organization,
        uploaded_by=uploaded_by,
        file_name=report.file_name,
        rows=report.rows,
        status=MemberImport.Status.PREVIEW,
    )


class ApplyRefused(Exception):  # noqa: N818
    """The preview cannot be applied (already applied or discarded, or the members changed meanwhile)."""


def apply_import(member_import, applied_by):
    """Apply a preview: all of it in one transaction, or nothing. Returns the counts applied
    ({"invite": n, "add": n, ...}, as the rows stand now). Raises ApplyRefused."""
    organization = member_import.organization
    now = timezone.now()
    try:
        with transaction.atomic():
            claimed = MemberImport.objects.filter(
                pk=member_import.pk, organization=organization, status=MemberImport.Status.PREVIEW
            ).update(status=MemberImport.Status.APPLIED, applied_at=now)
            if not claimed:
                raise ApplyRefused(_("This list has already been applied or discarded."))
            rows = MemberImport.objects.values_list("rows", flat=True).get(pk=member_import.pk)
            users = classify(rows, organization)
            invited, added = [], []
            for row in rows:
                if row["outcome"] == Outcome.INVITE:
                    invited.append(_membership(organization, row, None, now))
                elif row["outcome"] == Outcome.ADD:
                    added.append(_membership(organization, row, users[row["email"].lower()], now))
            Membership.objects.bulk_create(invited + added, batch_size=1000)
            invitations.invite(invited, language=getattr(applied_by, "preferred_language", None))
            current = [membership for membership in added if membership.joined_at is not None]
            invitations.tell_added(added)
            MemberImport.objects.filter(pk=member_import.pk).update(rows=rows)
            # The organisation's assignments for everyone added, in a few queries (not one run per person).
            transaction.on_commit(lambda: enrol_new_members(current))
    except IntegrityError as error:  # someone was added by another manager at the same moment
        raise ApplyRefused(
            _(
                "The organisation's members changed while the list was applied; nothing was applied. "
                "Please try again."
            )
        ) from error
    member_import.status = MemberImport.Status.APPLIED
    member_import.applied_at = now
    member_import.rows = rows
    counts = dict.fromkeys(Outcome.ORDER, 0)
    for row in rows:
        counts[row["outcome"]] += 1
    return counts


def _membership(organization, row, user, now):
    membership = Membership(
        organization=organization,
        user=user,
        email=user.email if user else row["email"],
        name=row["name"],
        group_label=row["group"],
        member_number=row["number"],
        under_14=row["under_14"],
        birth_year=row.get("birth_year"),
        source=Membership.Source.IMPORT,
        invite_token=None if user else new_token(),
        invited_at=now,
    )
    if user is not None and not is_under_14(membership, organization):
        membership.joined_at = now
    return membership


def discard(member_import):
    return bool(
        MemberImport.objects.filter(pk=member_import.pk, status=MemberImport.Status.PREVIEW).update(
            status=MemberImport.Status.DISCARDED
        )
    )
