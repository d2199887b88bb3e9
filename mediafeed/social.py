"""``social:`` (show.yml or front matter) → :class:`SocialInteract`: Podcasting 2.0 ``podcast:socialInteract``,
the "root post" where comments on an episode (or the show) live, which apps can show and reply to.

The namespace's rules (``docs/tags/social-interact.md``, ``socialprotocols.txt``): ``protocol`` from its list and
``uri`` are required; ``accountId`` is recommended; ``priority`` orders several (lower first, strongly
recommended when there are several); ``protocol: disabled`` says the podcaster wants no public comments shown
and then stands alone, without any other attribute.
"""

from __future__ import annotations

import re
from typing import Any

from .model import Chat, ContentLink, SocialInteract
from .source import MISSING, FieldReader, is_url, quoted

#: the namespace's socialprotocols.txt
SOCIAL_PROTOCOLS = ("disabled", "activitypub", "twitter", "lightning", "atproto", "hive", "matrix", "nostr")
#: protocols whose posts have their own URI scheme besides https (a Bluesky post's at://…, a nostr: event)
OWN_SCHEMES = {"atproto": "at://", "nostr": "nostr:", "matrix": "matrix:"}
SOCIAL_KEYS = frozenset({"protocol", "uri", "account_id", "account_url", "priority"})



def parse_social(r: FieldReader, key: str = "social") -> tuple[SocialInteract, ...]:
    """``social:`` as a list of ``{protocol, uri, account_id, account_url, priority}``, or ``social: disabled``."""
    raw = r.raw(key)
    if raw is MISSING:
        return ()
    entries = raw if isinstance(raw, list) else [raw]
    found: list[SocialInteract] = []
    for index, item in enumerate(entries):
        where = f"{key}[{index}]" if isinstance(raw, list) else key
        if isinstance(item, str) and item.strip().lower() == "disabled":
            found.append(SocialInteract("disabled"))
            continue
        entry = _entry(r, item, where)
        if entry:
            found.append(entry)
    if len(found) > 1 and any(s.protocol == "disabled" for s in found):
        r.fail(key, "comments are 'disabled' and given a place at once", code="SOC003",
               hint="keep either 'protocol: disabled' alone, or the posts where comments live")
    elif len(found) > 1 and any(s.priority is None for s in found):
        r.warn(key, "SOC004", f"{len(found)} comment threads without a priority each: apps cannot tell which to show first",
              "add 'priority: 1' to the main thread, 'priority: 2' to the next, …")
    return tuple(found)


def _entry(r: FieldReader, item: Any, key: str) -> SocialInteract | None:
    sub = r.sub(item, key)
    if not sub:
        return None
    protocol = sub.str("protocol").lower()
    ok = True
    if not protocol:
        sub.fail("protocol", "required but missing", code="SOC001",
                 hint="write e.g. 'protocol: activitypub' (Mastodon), or 'protocol: disabled' to turn comments off")
        ok = False
    elif protocol not in SOCIAL_PROTOCOLS:
        renamed = {"bluesky": "atproto", "mastodon": "activitypub", "x": "twitter"}.get(protocol)
        sub.fail("protocol", f"{quoted(protocol)} is not a protocol of the namespace's list ({', '.join(SOCIAL_PROTOCOLS)})",
                 code="SOC001", hint=f"write 'protocol: {renamed}'" if renamed else "use a protocol from the list")
        ok = False
    if protocol == "disabled":
        extra = sorted(k for k in SOCIAL_KEYS - {"protocol"} if sub.has(k))
        sub.unknown(SOCIAL_KEYS)
        r.adopt(sub)
        if extra:
            r.fail(key, f"'protocol: disabled' stands alone; remove {', '.join(extra)}", code="SOC003",
                   hint="comments are either off (disabled) or live at a post, not both")
            return None
        return SocialInteract("disabled")
    uri = sub.str("uri")
    scheme = OWN_SCHEMES.get(protocol, "")
    if not uri:
        sub.fail("uri", "required but missing: the address of the post whose replies are the comments", code="SOC002",
                 hint="paste the post's address, e.g. 'uri: https://scholar.social/@team/113424500000000000'")
        ok = False
    elif not (is_url(uri, https=True) or scheme and uri.startswith(scheme) and len(uri) > len(scheme)):
        need = f"an https:// URL or a {scheme}… URI" if scheme else "an https:// URL"
        sub.fail("uri", f"expected {need}, got {quoted(uri, 200)}", code="SOC002",
                 hint="copy the post's address from its page (https://…)")
        ok = False
    account_url = sub.str("account_url")
    if account_url and not is_url(account_url, https=True):
        sub.fail("account_url", f"expected an https:// URL, got {quoted(account_url, 200)}", code="SOC002",
                 hint="the address of the account's profile page, e.g. https://scholar.social/@team")
        ok = False
    account_id = sub.str("account_id")
    if ok and not account_id:
        sub.warn("account_id", "SOC005", "no account_id: apps show who started the thread with it",
              "add 'account_id: @team@scholar.social' (the account that wrote the post)")
    priority = sub.int("priority", None, minimum=0)
    sub.unknown(SOCIAL_KEYS)
    r.adopt(sub)
    return SocialInteract(protocol, uri, account_id, account_url, priority) if ok else None


#: the namespace's chatprotocols.txt (podcast:chat@protocol)
CHAT_PROTOCOLS = ("irc", "xmpp", "nostr", "matrix")
CHAT_KEYS = frozenset({"server", "protocol", "account_id", "space"})
#: a host name as podcast:chat@server takes it (chat.md: "the fqdn of a chat server"): labels of letters, digits and
#: '-', at least two, no scheme, no path, no port
_FQDN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$", re.I | re.ASCII)


def parse_chat(r: FieldReader, key: str = "chat") -> Chat | None:
    """``chat: {server, protocol, account_id, space}``: ``podcast:chat``, the show's always-on chat room (show.yml) or
    an episode's (front matter, replacing the show's). ``server`` (a host name) and ``protocol`` (chatprotocols.txt)
    are required, ``account_id`` is recommended."""
    raw = r.raw(key)
    if raw is MISSING:
        return None
    sub = r.sub(raw, key)
    if not sub:
        return None
    server = sub.str("server", required=True, hint="add 'server: irc.libera.chat' (the chat server's host name)")
    protocol = sub.str("protocol", required=True, hint=f"add 'protocol: …', one of {', '.join(CHAT_PROTOCOLS)}").lower()
    ok = bool(server and protocol)
    host = server
    if server and not _FQDN.match(server):
        # an address pasted from a browser or a client (https://matrix.example.org/, irc://irc.libera.chat:6697/#room)
        found = re.match(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/\s]*@)?([^/:\s#?]+)", server, re.I)
        host = found.group(1) if found and _FQDN.match(found.group(1)) else ""
        sub.fail("server", f"expected the chat server's host name, such as 'irc.libera.chat', got {quoted(server)}: apps "
                 "connect to the name as written", hint=f"write 'server: {host}'" if host else
                 "write the host name alone, without 'https://', a port or a path")
        ok = False
    if protocol and protocol not in CHAT_PROTOCOLS:
        sub.fail("protocol", f"{quoted(protocol)} is not a protocol of the namespace's chat list ({', '.join(CHAT_PROTOCOLS)}): "
                 "apps connect only with a protocol they know", hint="use a protocol from the list; for comments under a "
                 "post (Mastodon, Bluesky) use 'social:'")
        ok = False
    chat = Chat(server.lower(), protocol, sub.str("account_id", line="a chat account"),
                sub.str("space", line="a chat room's name"))
    sub.unknown(CHAT_KEYS)
    r.adopt(sub)
    return chat if ok else None


CONTENT_LINK_KEYS = frozenset({"url", "text"})


def parse_content_links(r: FieldReader, key: str = "content_links") -> tuple[ContentLink, ...]:
    """``content_links: [{url, text}]``: ``podcast:contentLink``, the episode elsewhere (its video, the paper it
    explains) for apps that cannot play or show it; ``text`` is the link's words in the app, so it is required."""
    links = []
    for index, item in enumerate(r.list(key)):
        sub = r.sub(item, f"{key}[{index}]")
        if not sub:
            continue
        url = sub.url("url", required=True, https=True)
        text = sub.str("text", required=True, hint="add 'text: Watch this episode on PeerTube' (what apps show as the link)",
                       line="a link's text")
        if url and text:
            links.append(ContentLink(url, text))
        sub.unknown(CONTENT_LINK_KEYS)
        r.adopt(sub)
    return tuple(links)
