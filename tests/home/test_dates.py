"""Dates as each language writes them: "6 December 2026" in English, "2026年12月6日" in Chinese."""

import datetime

from django.utils import formats, translation

from home.times import BEIJING, beijing_time

MOMENT = datetime.datetime(2026, 12, 6, 9, 30, tzinfo=BEIJING)


def test_english_dates_are_day_month_year_in_words():
    with translation.override("en"):
        assert formats.date_format(MOMENT.date()) == "6 December 2026"
        assert formats.date_format(MOMENT, "DATETIME_FORMAT") == "6 December 2026, 09:30"
        assert beijing_time(MOMENT) == "6 December 2026, 09:30 (Beijing time, UTC+8)"


def test_chinese_dates_keep_the_chinese_order():
    with translation.override("zh-hans"):
        assert formats.date_format(MOMENT.date()) == "2026年12月6日"
        assert beijing_time(MOMENT) == "2026年12月6日 09:30（北京时间，UTC+8）"
