"""Site profiles are data, validated on load with messages that name the file and the field."""
import pytest

from scraper.profiles import ProfileError, load_profile, load_profiles, profile_for_url

VALID = '''id = "a.gov.vn"
name = "A"
agency = "Sở A"
start_urls = ["https://a.gov.vn/"]
'''


def write(tmp_path, text, name="a.gov.vn"):
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_profiles_load_and_match_their_sites():
    profiles = load_profiles()
    assert len(profiles) >= 3
    assert profile_for_url("https://sodttg.langson.gov.vn/tin-tuc-su-kien/tin-hoat-dong/x.html", profiles).id == \
        "sodttg.langson.gov.vn"
    assert profile_for_url("https://example.org/", profiles) is None
    sodttg = profiles["sodttg.langson.gov.vn"]
    assert sodttg.is_article_url("https://sodttg.langson.gov.vn/tin-tuc-su-kien/tin-hoat-dong/bai-viet.html")
    assert not sodttg.is_article_url("https://sodttg.langson.gov.vn/tin-tuc-su-kien/tin-hoat-dong/trang-2.html")


def test_a_valid_profile_gets_defaults(tmp_path):
    profile = load_profile(write(tmp_path, VALID))
    assert profile.allowed_domains == ("a.gov.vn",) and profile.crawl_delay == 1.0 and profile.language == "vi"


@pytest.mark.parametrize("text, field", [
    ('id = "a.gov.vn"\nname = "A"\nagency = "Sở A"\n', "start_urls"),
    (VALID.replace('name = "A"\n', ""), "name"),
    (VALID + 'crawl_delay = "slow"\n', "crawl_delay"),
    (VALID.replace('["https://a.gov.vn/"]', '["a.gov.vn"]'), "start_urls"),
    (VALID + "article_patterns = ['(unclosed']\n", "article_patterns"),
    (VALID + '[selectors]\ntitle = "h1[["\n', "selectors.title"),
    (VALID + '[selectors]\nheadline = "h1"\n', "selectors.headline"),
    (VALID + 'colour = "red"\n', "colour"),
    (VALID.replace('id = "a.gov.vn"', 'id = "b.gov.vn"'), "id"),
    ('id = "a.gov.vn"\nname = [', "TOML"),
])
def test_invalid_profiles_name_the_file_and_the_field(tmp_path, text, field):
    path = write(tmp_path, text)
    with pytest.raises(ProfileError) as err:
        load_profile(path)
    assert str(path) in str(err.value) and field in str(err.value)
