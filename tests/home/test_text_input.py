"""The one rule for control characters in what people send: dropped; tabs and line breaks kept in
multi-line text, turned into a space elsewhere."""

import pytest
from django import forms
from django.http import QueryDict

from home.text_input import ControlCharactersStripped, strip_control_characters, stripped_data

C0_WITHOUT_TAB_AND_LINE_BREAKS = [chr(code) for code in range(0x20) if chr(code) not in "\t\n\r"]
C1 = [chr(code) for code in range(0x80, 0xA0)]


@pytest.mark.parametrize("character", [*C0_WITHOUT_TAB_AND_LINE_BREAKS, "\x7f", *C1])
def test_every_c0_c1_control_and_del_is_dropped(character):
    assert strip_control_characters(f"李{character}雷") == "李雷"
    assert strip_control_characters(f"李{character}雷", keep_line_breaks=True) == "李雷"


def test_a_nul_byte_is_dropped_wherever_it_is():
    assert strip_control_characters("\x00abc\x00def\x00") == "abcdef"


def test_single_line_text_turns_tabs_and_line_breaks_into_one_space():
    assert strip_control_characters("北京市\t东城区\r\n示例路\n\n1 号") == "北京市 东城区 示例路 1 号"


def test_multi_line_text_keeps_tabs_and_line_breaks():
    text = "第一行\r\n\t第二行\n第三行\x00"
    assert strip_control_characters(text, keep_line_breaks=True) == "第一行\r\n\t第二行\n第三行"


@pytest.mark.parametrize(
    "text",
    [
        "普通的中文",
        "name@example.org",
        "\u202eevil.exe",  # right-to-left override: a format character, not a control character
        "👩\u200d💻",  # zero-width joiner
        "e\u0301\u0308",  # combining marks
        "👍🏽",  # skin-tone modifier
        "\U00020000",  # astral-plane CJK
        "\ufeffBOM",
        "\ufffd",  # what Django makes of undecodable bytes
        "\u00a0non-breaking\u00a0space",  # U+00A0 follows the C1 block and stays
        "\u2028",  # line separator: a separator, not a control character
    ],
)
def test_other_text_is_left_alone(text):
    assert strip_control_characters(text) == text


@pytest.mark.parametrize("value", [None, 3, b"\x00bytes"])
def test_anything_but_a_string_is_returned_unchanged(value):
    assert strip_control_characters(value) is value


def test_stripped_data_cleans_every_value_of_a_query_dict_and_leaves_the_original():
    data = QueryDict("q=%00abc&q=de%1Bf&note=a%0Ab&page=1")
    cleaned = stripped_data(data, multi_line={"note"})

    assert cleaned.getlist("q") == ["abc", "def"]
    assert cleaned["note"] == "a\nb"
    assert cleaned["page"] == "1"
    assert data.getlist("q") == ["\x00abc", "de\x1bf"]


def test_stripped_data_hands_back_clean_data_as_it_is():
    data = QueryDict("q=%E9%A2%86%E4%BA%8B%E4%BF%9D%E6%8A%A4&q=a%E3%80%80b&note=%C2%A0x%0Ay")

    assert stripped_data(data, multi_line={"note"}) is data  # nothing to strip: no copy made
    assert strip_control_characters("全角\u3000空格\u00a0不换行") == "全角\u3000空格\u00a0不换行"
    assert strip_control_characters("a\u2028b\x85c") == "a\u2028bc"


def test_stripped_data_accepts_a_plain_dict_with_lists():
    assert stripped_data({"name": "a\x00b", "codes": ["F\x00R", "DE"]}) == {
        "name": "ab",
        "codes": ["FR", "DE"],
    }


class NoteForm(ControlCharactersStripped, forms.Form):
    title = forms.CharField()
    note = forms.CharField(widget=forms.Textarea, strip=False)
    tags = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B")], required=False)


def test_a_form_sees_no_control_characters_and_its_textarea_keeps_line_breaks():
    form = NoteForm(QueryDict("title=%00Hello%09world%0A&note=line+1%0D%0A%09line+2%07&tags=a%00"))

    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"title": "Hello world", "note": "line 1\r\n\tline 2", "tags": ["a"]}


def test_a_prefixed_form_keeps_line_breaks_in_its_textarea():
    form = NoteForm(QueryDict("n-title=T&n-note=a%0Ab%00"), prefix="n")

    assert form.is_valid(), form.errors
    assert form.cleaned_data["note"] == "a\nb"


def test_a_form_redisplays_the_stripped_value():
    form = NoteForm(QueryDict("title=Hel%00lo%1B"))

    assert not form.is_valid()
    assert list(form.errors) == ["note"]
    assert form["title"].value() == "Hello"


def test_an_unbound_form_is_left_alone():
    form = NoteForm(initial={"title": "a"})
    assert not form.is_bound
    assert form.errors == {}
