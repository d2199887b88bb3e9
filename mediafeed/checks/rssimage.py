"""The RSS 2.0 ``<image>`` of the channel: the artwork of apps that do not read ``itunes:image``.

Apple reads only ``itunes:image``, but the Podcast Index keeps ``<image><url>`` as a feed's "image" beside its
"artwork", and feedparser- and podcastparser-based apps (gPodder among them) fall back to it. RSS 2.0 requires its
``url`` (a GIF, JPEG or PNG), ``title`` and ``link``. ``check FEED`` looked at none of it: an ``<image>`` without a
``<url>``, with a relative or ``http:`` one, or pointing at a web page passed without a word.
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import Problem, Severity
from ..source import quoted
from .channel import URL, insecure_image
from .feedxml import FeedDoc, child, text
from .rules import problem

#: what RSS 2.0 names for <image> (GIF, JPEG, PNG) and what apps show besides
_IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp")


def check_rss_image(doc: FeedDoc) -> list[Problem]:
    image = child(doc, doc.channel, "image")
    if image is None:
        return []
    src = doc.source
    url = (text(doc, image, "url") or "").strip()
    if not url:
        misplaced = next((name for name in ("href", "url", "src") if image.get(name)), "")
        return [problem("SHOW032", src, "the channel's <image> has no <url>" + (
            f": the address is in an {misplaced}= attribute, which RSS does not read" if misplaced else "")
            + "; apps that read <image> (the Podcast Index, gPodder) find no artwork in it", field="image/url",
            hint="write <image><url>https://…/artwork.jpg</url><title>Show name</title><link>https://…/</link></image>, "
            "or remove the <image>")]
    out: list[Problem] = []
    artwork = child(doc, doc.channel, "itunes:image")
    if artwork is not None and (artwork.get("href") or "").strip() == url:
        pass  # the same address as itunes:image, whose problems SHOW007, SHOW008 and SHOW027 report
    elif not URL.match(url):
        out.append(problem("SHOW032", src, f"the <image> url {quoted(url, 200)} is not an absolute http(s) URL: apps do not resolve it "
                           "against the feed's address", field="image/url", hint="write the artwork's full https:// address"))
    elif not url.split("?", 1)[0].split("#", 1)[0].lower().endswith(_IMAGE_EXTENSIONS):
        out.append(problem("SHOW032", src, f"the <image> url {url} does not name an image file (.jpg, .png, .gif): RSS "
                           "asks for the image itself, not a page showing it", field="image/url",
                           hint="give the address of the artwork file, e.g. the one in <itunes:image href=…>"))
    else:
        out += [replace(p, code="SHOW032", field="image/url") for p in insecure_image(doc, url, "SHOW032")]
    missing = [name for name in ("title", "link") if not text(doc, image, name)]
    if missing:
        out.append(problem("SHOW032", src, f"the channel's <image> has no <{'> or <'.join(missing)}>, which RSS 2.0 requires "
                           "(readers that validate the feed refuse the image)", field="image/" + missing[0],
                           severity=Severity.INFO, hint="add <title> (the show's name) and <link> (its website) inside "
                           "<image>"))
    return out
