# English dates as British English and the office's English texts write them: "6 December 2026"
# (Django's default for "en" is the American "Dec. 6, 2026"). Chinese keeps Django's "2026年12月6日".
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
