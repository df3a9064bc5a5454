import pytest, re
from tests.home import content_factories as cf
pytestmark = pytest.mark.django_db
def test_peek(client, home_zh):
    index = cf.content_index(home_zh)
    a = cf.article(index, hero_image=cf.png_image(), hero_image_alt="x")
    b = cf.brochure(index)
    html = client.get(a.url).content.decode()
    print(re.findall(r'<img[^>]*srcset[^>]*>', html))
    html = client.get(b.url).content.decode()
    print(re.findall(r'brochure__wechat[^<]*', html))
