def test_home_pages_render_in_both_languages(client, home_zh, home_en):
    assert client.get("/zh-hans/").status_code == 200
    assert client.get("/en/").status_code == 200
