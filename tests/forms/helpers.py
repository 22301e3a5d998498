"""Reading a rendered form the way assistive technology does: ids, references, the summary."""

from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()
        self.described = []  # (element id, [referenced ids])
        self.summary_links = []
        self.summaries = 0
        self._in_summary = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "aria-describedby" in attrs:
            self.described.append((attrs.get("id"), attrs["aria-describedby"].split()))
        if "data-error-summary" in attrs:
            self.summaries += 1
            self._in_summary = 1
        elif self._in_summary:
            if tag == "div":
                self._in_summary += 1
            if tag == "a":
                self.summary_links.append(attrs["href"])

    def handle_endtag(self, tag):
        if self._in_summary and tag == "div":
            self._in_summary -= 1


def parse_form_page(html: str) -> _FormParser:
    parser = _FormParser()
    parser.feed(html)
    return parser


def assert_errors_linked(html: str, expected_fields: set[str]):
    """One error summary; its links and every aria-describedby point at ids that exist."""
    page = parse_form_page(html)
    assert page.summaries == 1, "expected one error summary"
    missing = [(element, ref) for element, refs in page.described for ref in refs if ref not in page.ids]
    assert not missing, f"aria-describedby points at ids that do not exist: {missing}"
    targets = {link.lstrip("#") for link in page.summary_links}
    assert targets <= page.ids, f"summary links to missing ids: {targets - page.ids}"
    assert expected_fields <= targets, f"summary lacks links to {expected_fields - targets}"
    for field_id in expected_fields:
        # A group of radio buttons is linked by its first button and described on its fieldset.
        error_id = field_id.removesuffix("_0") + "_error"
        assert error_id in page.ids
        assert any(error_id in refs for _element, refs in page.described), f"nothing is described by {error_id}"
