"""Districts become values with a name in each language ("dongcheng": 东城区 / Dongcheng).

The free text editors typed before ("东城区", "东城", "Dongcheng", "Dongcheng District") becomes the
district's value on the pages, on their revisions (a draft or a revert brings no old text back) and on
wagtail-localize's stored copies of the source (a later sync of the English copy neither). Text that
names no Beijing district is cleared: it was only a filter key, and the venue and address keep the place.
"""

import json

from django.db import migrations, models

import events.districts

# Frozen here: a migration keeps meaning what it meant when it was written.
DISTRICTS = (
    ("dongcheng", "东城区", "Dongcheng"),
    ("xicheng", "西城区", "Xicheng"),
    ("chaoyang", "朝阳区", "Chaoyang"),
    ("fengtai", "丰台区", "Fengtai"),
    ("shijingshan", "石景山区", "Shijingshan"),
    ("haidian", "海淀区", "Haidian"),
    ("mentougou", "门头沟区", "Mentougou"),
    ("fangshan", "房山区", "Fangshan"),
    ("tongzhou", "通州区", "Tongzhou"),
    ("shunyi", "顺义区", "Shunyi"),
    ("changping", "昌平区", "Changping"),
    ("daxing", "大兴区", "Daxing"),
    ("huairou", "怀柔区", "Huairou"),
    ("pinggu", "平谷区", "Pinggu"),
    ("miyun", "密云区", "Miyun"),
    ("yanqing", "延庆区", "Yanqing"),
)
VALUE_OF = {}
for value, chinese, english in DISTRICTS:
    for name in (value, chinese, chinese.removesuffix("区"), english.lower(), f"{english.lower()} district"):
        VALUE_OF[name] = value


def value_of(text):
    return VALUE_OF.get((text or "").strip().lower(), "")


def district_values(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    for text in set(EventPage.objects.exclude(district="").values_list("district", flat=True)):
        if text not in VALUE_OF.values():
            EventPage.objects.filter(district=text).update(district=value_of(text))

    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="events", model="eventpage").first()
    if content_type is None:
        return
    Revision = apps.get_model("wagtailcore", "Revision")
    for revision in Revision.objects.filter(content_type=content_type).only("id", "content").iterator():
        text = (revision.content or {}).get("district")
        if text and text not in VALUE_OF.values():
            revision.content["district"] = value_of(text)
            revision.save(update_fields=["content"])
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for source in TranslationSource.objects.filter(specific_content_type=content_type).iterator():
        content = json.loads(source.content_json)
        text = content.get("district")
        if text and text not in VALUE_OF.values():
            content["district"] = value_of(text)
            source.content_json = json.dumps(content, ensure_ascii=False)
            source.save(update_fields=["content_json"])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_event_topics"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.AlterField(
            model_name="eventpage",
            name="district",
            field=models.CharField(
                blank=True,
                choices=events.districts.district_choices,
                help_text="Used to filter events; shown in each reader's language.",
                max_length=60,
                verbose_name="district",
            ),
        ),
        migrations.RunPython(district_values, migrations.RunPython.noop),
    ]
