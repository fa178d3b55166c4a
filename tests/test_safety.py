"""Unsafe constructs in editors' text are refused, whatever their spelling."""

import pytest
from kurikulum.safety import unsafe

REFUSED_MARKDOWN = [
    "<script>alert(1)</script>",
    "text <img src=x onerror=alert(1)>",
    "<!-- hidden -->",
    "</div>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](java&#115;cript&#58;alert(1))",
    "[x](vbscript:msgbox)",
    "[x](data:text/html,hi)",
    "[ref]: javascript:alert(1)",
    "![pic](https://example.org/a.png)",
    "Text{: onclick=alert(1) }",
    "[x](//evil.example/a)",
]
ALLOWED_MARKDOWN = [
    "anak < 18 tahun",
    "[UNICEF](https://www.unicef.org/indonesia)",
    "[tel](tel:129)",
    "[top](#agenda)",
    "**tebal** dan *miring*",
    "- daftar\n- butir",
    "a > b",
]


@pytest.mark.parametrize("text", REFUSED_MARKDOWN)
def test_refused_in_markdown(text):
    assert unsafe(text, markdown=True)


@pytest.mark.parametrize("text", ALLOWED_MARKDOWN)
def test_allowed_in_markdown(text):
    assert unsafe(text, markdown=True) == []


def test_raw_html_refused_in_plain_text_too():
    assert unsafe("Judul <b>tebal</b>", markdown=False)
    assert unsafe("Judul biasa", markdown=False) == []
