import pytest

from belvedere.core.markdown import EXTERNAL_REL, render_markdown


@pytest.mark.parametrize(
    ("source", "html"),
    [
        ("**b** *i* ~~s~~ `c`", "<p><strong>b</strong> <em>i</em> <s>s</s> <code>c</code></p>\n"),
        ("# One\n## Two\n#### Four", "<h3>One</h3>\n<h4>Two</h4>\n<h6>Four</h6>\n"),
        ("> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>\n"),
        ("```py\nx = 1\n```", '<pre><code class="language-py">x = 1\n</code></pre>\n'),
        ("<b>raw</b>", "<p>&lt;b&gt;raw&lt;/b&gt;</p>\n"),
        ("[in](/forum/)", '<p><a href="/forum/">in</a></p>\n'),
        ("---", "<hr>\n"),
    ],
)
def test_render_markdown(source, html):
    assert render_markdown(source) == html


def test_external_links_get_rel():
    html = render_markdown("[out](https://example.org/x) <https://example.org>")
    assert html.count(f'rel="{EXTERNAL_REL}"') == 2


def test_links_to_our_own_site_do_not(settings):
    settings.BASE_URL = "https://community.example"
    assert "rel=" not in render_markdown("[home](https://community.example/forum/)")


def test_images_are_lazy_and_http_only():
    html = render_markdown("![a](https://example.org/a.png) ![b](ftp://x/b.png)")
    assert '<img src="https://example.org/a.png" alt="a"' in html
    assert 'loading="lazy"' in html and 'referrerpolicy="no-referrer"' in html
    assert "ftp:" not in html


def test_tables():
    html = render_markdown("| a | b |\n|:-:|---|\n| 1 | 2 |")
    assert "<table>" in html and "<td>1</td>" in html and "style" not in html


def test_empty_and_huge_input():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""
    assert len(render_markdown("x" * 300_000)) < 110_000
    assert "\x00" not in render_markdown("a\x00b")
