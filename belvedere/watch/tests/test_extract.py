from belvedere.watch.extract import extract_text, text_hash
from belvedere.watch.tests.conftest import VERSIONS, reddit_page


def test_extract_keeps_selected_blocks_and_drops_removed_ones():
    html = reddit_page(VERSIONS[0])
    text = extract_text(html, ["#content"], [".filter-holder"])
    assert text.startswith("Effective June 28, 2025. Last Revised May 29, 2025")
    assert "Filter by date" not in text and "Home" not in text and "© Reddit" not in text
    assert "\n\n#### Reddit User Agreement if you live in the United States" in text


def test_extract_formatting_only_changes_give_the_same_hash():
    for version in VERSIONS:
        plain = extract_text(reddit_page(version), "#content", ".filter-holder")
        styled = extract_text(reddit_page(version, variant=1), "#content", ".filter-holder")
        assert text_hash(plain) == text_hash(styled)


def test_extract_real_changes_give_another_hash():
    first, second = (
        extract_text(reddit_page(v), "#content", ".filter-holder") for v in VERSIONS[:2]
    )
    assert text_hash(first) != text_hash(second)


def test_extract_lists_headings_and_ranges():
    html = (
        "<div><p>intro</p><h2>Rules</h2><ul><li><p>one</p></li><li></li><li>two <b>bold</b></li>"
        "</ul><aside>ad</aside><p>end</p><footer>f</footer></div>"
    )
    text = extract_text(html, [{"startBefore": "h2", "endBefore": "footer"}], ["aside"])
    assert text == "## Rules\n\n- one\n\n- two bold\n\nend"
    removed = extract_text(html, ["div"], [{"startAfter": "h2", "endAfter": "ul"}])
    assert removed == "intro\n\n## Rules\n\nad\n\nend\n\nf"


def test_extract_bad_selector_raises_extraction_error():
    import pytest

    from belvedere.watch.extract import ExtractionError

    with pytest.raises(ExtractionError):
        extract_text("<p>x</p>", ["p[["])
    with pytest.raises(ExtractionError):
        extract_text("<p>x</p>", [{"startBefore": "p"}])


def test_extract_survives_very_deep_markup():
    html = "<div>" * 5000 + "deep" + "</div>" * 5000
    assert extract_text(html) == "deep"
