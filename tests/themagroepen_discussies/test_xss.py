"""XSS corpus: known payloads posted as topic titles and bodies, replies and attachment names.

The rendered pages are parsed (not searched for substrings): no script-like elements, no event
handler attributes, and no javascript:/data:/vbscript: URLs anywhere outside our own assets.
"""

import html
import re

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.themagroepen_discussies.conftest import client_for
from themagroepen.discussies.models import Attachment, Reply, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    # The corpus posts dozens of times in one test; rate limits have their own tests.
    settings.PLATFORM_RATE_LIMITS = {}


PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '"><script>alert(1)</script>',
    "'><script>alert(String.fromCharCode(88,83,83))</script>",
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(1)">',
    "<IMG SRC=javascript:alert('XSS')>",
    "<img src=`javascript:alert(1)`>",
    '<img """><script>alert(1)</script>">',
    "<body onload=alert(1)>",
    '<div onmouseover="alert(1)">hover</div>',
    '<a href="javascript:alert(1)">klik</a>',
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](javascript&#58;alert(1))",
    "[klik](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
    "[klik](%6A%61%76%61%73%63%72%69%70%74:alert(1))",
    "[klik](java\nscript:alert(1))",
    "[klik]( javascript:alert(1))",
    "[klik](<javascript:alert(1)>)",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[klik](vbscript:msgbox(1))",
    "![plaatje](javascript:alert(1))",
    "![plaatje](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "<javascript:alert(1)>",
    "<data:text/html,<script>alert(1)</script>>",
    "[a]: javascript:alert(1)\n\n[klik][a]",
    '[klik](https://example.org "titel" onmouseover="alert(1)")',
    '[klik](https://example.org" onmouseover="alert(1))',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:text/html,<script>alert(1)</script>">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    "<input onfocus=alert(1) autofocus>",
    "<details open ontoggle=alert(1)>",
    '<video><source onerror="alert(1)"></video>',
    "<audio src=x onerror=alert(1)>",
    "<style>@import 'javascript:alert(1)';</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "\\x3cscript\\x3ealert(1)\\x3c/script\\x3e",
    "<<script>script>alert(1)<</script>/script>",
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    "`<script>alert(1)</script>`",
    "```html\n<script>alert(1)</script>\n```",
    "| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |",
    "@<script>alert(1)</script> @anne<img src=x onerror=alert(1)>",
    "> <script>alert(1)</script>\n> [x](javascript:alert(1))",
    '<a href="https://example.org" target=_blank onclick=alert(1)>x</a>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
]

DANGEROUS_ELEMENTS = {
    "script",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "style",
    "base",
    "meta",
    "link",
    "frame",
    "frameset",
    "applet",
    "template",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcset", "poster", "background"}
BAD_SCHEME = re.compile(r"^\s*(javascript|data|vbscript)\s*:", re.IGNORECASE)


def executable_findings(markup: str) -> list[str]:
    findings = []
    document = BeautifulSoup(markup, "html.parser")
    main = document.find("main") or document
    for element in main.find_all(True):
        if element.name in DANGEROUS_ELEMENTS:
            findings.append(f"<{element.name}>")
        for attribute, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if attribute.lower().startswith("on") or attribute.lower() == "style":
                findings.append(f"{element.name}[{attribute}]")
            if attribute.lower() in URL_ATTRIBUTES and BAD_SCHEME.match(
                html.unescape(value).replace("\n", "").replace("\t", "")
            ):
                findings.append(f"{element.name}[{attribute}={value[:40]}]")
    return findings


def test_the_corpus_is_big_enough():
    assert len(set(PAYLOADS)) >= 50


def test_the_checker_notices_executable_markup():
    assert executable_findings('<main><img src=x onerror="alert(1)"><a href=" JavaScript:x">a</a><svg></svg></main>')


def test_corpus_in_topics_and_replies_renders_nothing_executable(groep, lid, lid2, beheerder):
    author, reader = client_for(lid), client_for(lid2)
    for index, payload in enumerate(PAYLOADS):
        response = author.post(
            f"/themagroepen/{groep.slug}/discussies/nieuw/",
            {"title": f"{index} {payload}"[:200], "body": payload, "plaatsen": ""},
        )
        assert response.status_code == 302, payload
    topics = list(Topic.objects.order_by("pk"))
    for topic, payload in zip(topics, PAYLOADS, strict=True):
        response = author.post(
            f"/themagroepen/{groep.slug}/discussies/{topic.pk}/reageren/", {"body": payload, "plaatsen": ""}
        )
        assert response.status_code == 302, payload
    assert Reply.objects.count() == len(PAYLOADS)

    pages = [
        reader.get(f"/themagroepen/{groep.slug}/discussies/"),
        client_for(beheerder).get(f"/themagroepen/{groep.slug}/discussies/"),
    ]
    for topic in topics:
        pages.append(reader.get(topic.get_absolute_url()))
        reply = Reply.objects.get(topic=topic)
        pages.append(reader.get(f"/themagroepen/{groep.slug}/discussies/reacties/{reply.pk}/"))
        pages.append(reader.get(topic.get_absolute_url() + f"?citeer={reply.pk}"))
    pages.append(reader.post(f"/themagroepen/{groep.slug}/discussies/voorbeeld/", {"body": "\n\n".join(PAYLOADS)}))
    for response in pages:
        assert response.status_code == 200
        assert executable_findings(response.content.decode()) == [], response.request["PATH_INFO"]


def test_corpus_as_attachment_names_renders_and_downloads_safely(groep, lid, lid2, topic):
    author = client_for(lid)
    files = [SimpleUploadedFile(f"{payload}.pdf"[-200:], b"%PDF-1.4\n%%EOF\n") for payload in PAYLOADS]
    for start in range(0, len(files), 5):
        response = author.post(
            f"/themagroepen/{groep.slug}/discussies/{topic.pk}/reageren/",
            {"body": "Bijlagen", "files": files[start : start + 5], "plaatsen": ""},
        )
        assert response.status_code == 302
    assert Attachment.objects.count() == len(PAYLOADS)
    reader = client_for(lid2)
    page = reader.get(topic.get_absolute_url())
    assert executable_findings(page.content.decode()) == []
    for attachment in Attachment.objects.all():
        disposition = reader.get(f"/themagroepen/{groep.slug}/discussies/bijlagen/{attachment.pk}/")[
            "Content-Disposition"
        ]
        assert disposition.startswith("attachment;")
        assert not re.search(r"[<>\"\\\r\n]", disposition.split("filename", 1)[1].strip('="*').strip('"')), disposition
