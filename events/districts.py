"""Beijing's districts, where events take place: one value on the page, the same in every language (a
synchronised field, so the filter of the index works across languages), and a name in each language.

The names are proper names, not interface text: both languages live here side by side, and the
reader gets their own (home/reader_language.py). Search indexes both, so "东城区" and "Dongcheng"
find the same events.
"""

from dataclasses import dataclass

from home.reader_language import in_reader_language


@dataclass(frozen=True)
class District:
    value: str
    chinese: str
    english: str

    @property
    def name(self):
        """The name in the reader's language."""
        return in_reader_language(self.chinese, self.english)

    def names(self):
        """Every way a person or an older page writes it, lower-cased: "东城区", "东城", "dongcheng"..."""
        return {
            self.value,
            self.chinese,
            self.chinese.removesuffix("区"),
            self.english.lower(),
            f"{self.english.lower()} district",
        }


# In the order Beijing lists them (the capital's core first, then outwards).
BEIJING_DISTRICTS = (
    District("dongcheng", "东城区", "Dongcheng"),
    District("xicheng", "西城区", "Xicheng"),
    District("chaoyang", "朝阳区", "Chaoyang"),
    District("fengtai", "丰台区", "Fengtai"),
    District("shijingshan", "石景山区", "Shijingshan"),
    District("haidian", "海淀区", "Haidian"),
    District("mentougou", "门头沟区", "Mentougou"),
    District("fangshan", "房山区", "Fangshan"),
    District("tongzhou", "通州区", "Tongzhou"),
    District("shunyi", "顺义区", "Shunyi"),
    District("changping", "昌平区", "Changping"),
    District("daxing", "大兴区", "Daxing"),
    District("huairou", "怀柔区", "Huairou"),
    District("pinggu", "平谷区", "Pinggu"),
    District("miyun", "密云区", "Miyun"),
    District("yanqing", "延庆区", "Yanqing"),
)
BY_VALUE = {district.value: district for district in BEIJING_DISTRICTS}
ORDER = {district.value: position for position, district in enumerate(BEIJING_DISTRICTS)}


def district_choices():
    """The field's choices, named in the language of whoever reads the form (evaluated each time)."""
    return [(district.value, district.name) for district in BEIJING_DISTRICTS]


def district_name(value):
    """The district's name in the reader's language; a value we do not know is shown as it is."""
    district = BY_VALUE.get(value)
    return district.name if district else value


def district_search_text(value):
    """Both names, for the search index."""
    district = BY_VALUE.get(value)
    return f"{district.chinese} {district.english}" if district else value


def find_district(text):
    """The value of the district `text` names (its value, Chinese or English name), else None: old
    links and free-text values from before the districts had values keep working."""
    wanted = (text or "").strip().lower()
    if not wanted:
        return None
    for district in BEIJING_DISTRICTS:
        if wanted in district.names():
            return district.value
    return None
