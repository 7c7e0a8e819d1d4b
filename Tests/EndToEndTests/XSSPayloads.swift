/// Script-injection payloads in the style of the OWASP XSS filter-evasion cheat sheet.
/// Each must come out of the build as text, never as markup or script.
enum XSSPayloads {
    static let all: [String] = [
        "<script>alert(1)</script>",
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "<img src=x onerror=alert(1)//",
        "<svg/onload=alert(1)>",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=javascript:alert(1)></iframe>",
        "</script><script>alert(1)</script>",
        "<!--<script>alert(1)//-->",
        "<BODY ONLOAD=alert('XSS')>",
        "<style>body{display:none}</style>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "\"'><details open ontoggle=alert(1)>",
        "<<SCRIPT>alert(\"XSS\");//<</SCRIPT>",
        "<SCRIPT/XSS SRC=\"http://xss.example/xss.js\"></SCRIPT>",
        "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
        "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>",
        "{{{danger}}}{{#root}}x{{/root}}{{> layout-head}}",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
        "<base href=\"http://xss.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "'';!--\"<XSS>=&{()}",
    ]

    /// Markdown-only forms for bodies.
    static let markdown: [String] = [
        "[クリック](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(1))",
        "<javascript:alert(1)>",
        "[x](vbscript:msgbox(1))",
        "[x](&#106;avascript:alert(1))",
    ]
}
