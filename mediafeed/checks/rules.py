"""Every problem code: its rule sets, default severity and explanation (``mediafeed check --explain``).

A code never changes meaning once released; retired codes stay listed. Rule
sets group codes by whose rule it is, so a user can ``--select apple`` or
``--ignore spotify``: ``apple`` (Apple Podcasts), ``spotify``, ``psp1`` (the
Podcast Standards Project's PSP-1), ``podcastindex`` (the ``podcast:``
namespace) and ``mediafeed`` (our own: source files, subscriber safety,
hosting). A code may belong to several sets.
"""

from __future__ import annotations

from ..categories import APPLE_CATEGORIES
from ..errors import Problem, Severity
from ..records import frozen

RULE_SETS = ("apple", "spotify", "psp1", "podcastindex", "mediafeed")

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741


@frozen
class Rule:
    code: str
    sets: tuple[str, ...]
    severity: Severity  #: the usual severity (a few rules raise or lower it case by case)
    title: str
    explain: str


def _r(code: str, sets: str, severity: Severity, title: str, explain: str = "") -> Rule:
    return Rule(code, tuple(sets.split()), severity, title, explain or title + ".")


_RULES = [
    # -- the show's source files ------------------------------------------------------------
    _r("SRC001", "mediafeed", E, "episode.md has no YAML front matter, or its closing --- line is missing",
       "An episode's metadata (title, date, guid, audio…) is a YAML block at the very top of episode.md, between a line "
       "'---' and another line '---'; the show notes follow it. Without both lines the episode cannot be read: it is in "
       "no feed and no page, and 'mediafeed list' shows it as unreadable. Fix: make line 1 of the file '---' (nothing "
       "before it, not even a blank line), and close the block with a line '---' of its own."),
    _r("SRC002", "mediafeed", E, "malformed YAML",
       "show.yml or a front matter block is not valid YAML, or holds more than metadata ever needs (values nested more "
       "than 100 deep, more than 100,000 values, aliases that expand past 100,000 values or 10,000,000 characters); the "
       "message gives the line."),
    _r("SRC003", "mediafeed", E, "YAML is not a mapping of keys to values",
       "show.yml and the front matter of episode.md hold 'key: value' lines; a list ('- title: …'), a bare sentence or "
       "an empty block cannot be read as metadata, and an episode whose front matter is not one is not built. Fix: write "
       "each setting as 'key: value' at the start of its line (title: My episode), without a leading '- '."),
    _r("SRC010", "mediafeed", E, "a value has the wrong type or format",
       "A key in show.yml or the front matter has a value mediafeed cannot use (text where a number belongs, a bad URL, "
       "an unknown choice, an address holding a direction control or a character drawn as nothing, show notes whose "
       "tables or footnote references would render to far more HTML than their size). The message says what arrived "
       "and what is expected."),
    _r("SRC011", "mediafeed apple", E, "a required key is missing",
       "A key every show (title, description, url, author, language, category, artwork) or every episode (title, "
       "date, audio) must have is not there; the message names it. Fix: add it as 'key: value' to show.yml or the front "
       "matter ('mediafeed add' writes an episode's for you)."),
    _r("SRC012", "mediafeed", E, "unknown key", "A key nobody reads; usually a typo. The hint suggests the closest known key. "
       "Ten unknown keys of one mapping get a problem each and one more counts the rest; a key is shown to 80 characters."),
    _r("SRC020", "mediafeed", E, "no show.yml in the folder",
       "The command looks for the show in the current folder (or --show). Fix: run it in the folder that holds "
       "show.yml, pass --show FOLDER, or start a show there with 'mediafeed init'."),
    _r("SRC021", "mediafeed", E, "a source file cannot be read or is not UTF-8",
       "show.yml and episode.md are read as UTF-8 text; a file saved in another encoding (Windows-1252, UTF-16 from some "
       "editors), or one the program may not read (permissions), stops the show or the episode: the episode is in no "
       "feed and 'mediafeed list' shows it as unreadable. The message names UTF-16 or UTF-32 (with or without a byte "
       "order mark), or the line and column of the first byte that is not UTF-8 and the character it is in "
       "Windows-1252. Fix: save the file as UTF-8 in your editor (or with the hint's iconv command), or make it "
       "readable (chmod u+r FILE)."),
    _r("SRC022", "mediafeed", W, "control characters that XML forbids (removed)",
       "A source file or a YAML value holds characters XML 1.0 forbids (U+0000-U+001F other than tab and line breaks, "
       "U+FFFE, U+FFFF). No feed may contain them and strict parsers reject one that does, so they are removed; "
       "delete them from the source."),
    _r("SRC023", "mediafeed", W, "characters that HTML forbids: C1 controls (read as Windows-1252), DEL, noncharacters",
       "HTML forbids the C1 control characters (U+0080-U+009F), DEL and the noncharacters (U+FDD0-U+FDEF, U+FFFE and "
       "U+FFFF of every plane); XML allows most of them, but a page holding one does not validate and browsers show "
       "nothing or a box. C1 controls in text almost always come from Windows-1252 text read as Latin-1 (U+0092 for ’, "
       "U+0085 for …, U+0096 for –): each is read as the Windows-1252 character it stands for, the rest removed."),
    _r("SRC030", "apple mediafeed", E, "category or subcategory not in Apple's list",
       "Apple Podcasts accepts only the categories of its 2019 list ('Apple Podcasts categories'); spelling and '&' "
       "matter. Fix: write one of them in 'category:' in show.yml ('category: Health & Fitness', not 'Health and "
       "Fitness'), and a subcategory of that category in 'subcategory:'; the hint names the category meant, or a "
       "category's subcategories. The categories: " + ", ".join(APPLE_CATEGORIES) + "."),
    _r("SRC040", "mediafeed", E, "a file reference leaves the show or episode folder",
       "A file named in show.yml or the front matter (audio, artwork, transcript, chapters) must be in the show's folder "
       "or the episode's own, so that the published site holds it. Fix: copy the file next to show.yml or episode.md "
       "and give its plain name (no '/', no '..', not a link to a file elsewhere)."),
    _r("SRC041", "mediafeed", E, "a referenced file does not exist",
       "A file named in show.yml or the front matter is not where it says. Fix: put the file there, or correct the "
       "name (it is case-sensitive on the server even where your computer is not); for show artwork the hint names an "
       "image beside show.yml that may be the one meant."),
    _r("SRC042", "mediafeed", W, "the show notes link to a file of the episode's folder that is not published",
       "A relative link or image in the notes (![map](map.jpg)) points into the episode's folder of the site, where "
       "only the audio, artwork, transcripts, chapters and alternate enclosures are published: the page and the apps "
       "show a broken image or link. Also a web address written without https:// (example.org)."),
    _r("SRC044", "mediafeed", W, "the show notes link to an address the pages and feeds leave out (javascript:, data:, file:, …)",
       "The notes are sanitised: only http, https, mailto and tel links and images are kept, so a javascript:, "
       "vbscript:, data:, ftp: or file: address (however it is written: with character references, tabs or line "
       "breaks inside the scheme) is removed, and so is a path on the producer's computer (C:\\Users\\…). The "
       "message shows the address as a browser reads it, with invisible characters escaped."),
    _r("SRC045", "mediafeed", W, "an image in the show notes has no alt text",
       "WCAG 1.1.1: a screen reader announces an image without a text alternative as 'image', or reads its file name. "
       "Describe it in the brackets (![A map of the study's three sites](https://…/map.jpg)), or give <img> an alt; "
       "write alt=\"\" on an <img> that is only decoration (a Markdown image with empty brackets is taken for an "
       "oversight)."),
    _r("SRC046", "mediafeed", W, "Markdown right after an HTML tag in the show notes is shown as written, not formatted",
       "CommonMark ends a block of raw HTML at the next blank line, not at its closing tag: after a line such as "
       "<div class=\"note\"> with no blank line below it, **bold**, [links](…), lists and headings are shown with their "
       "asterisks and brackets, on the page and in apps (GitHub and Markdown editors do the same). Add a blank line "
       "after the tag (and one before its closing tag). The warning names the first such line; an autolink there "
       "(<https://…>) is kept as a link."),
    _r("SRC047", "mediafeed", W, "an HTML comment in the show notes is never closed: the notes after it are hidden",
       "Everything after <!-- is a comment until -->: without one, the rest of the notes is left out of the pages and "
       "feeds, as browsers leave it out. Close the comment where it should end."),
    _r("SRC048", "mediafeed", E, "a local alternate enclosure is not an audio or video file (nor an .m3u8 playlist or a "
       ".torrent)",
       "A file under alternate_enclosures is published as it is, beside the episode's page, and a host serves it by "
       "its name: a web page (.html), an SVG drawing or an XML file would open as a page of the site itself and run "
       "its scripts, and a .php file runs on a host that runs PHP. An alternate enclosure is another version of the "
       "episode's audio or video (.mp3, .m4a, .opus, .webm, …, or an HLS playlist, .m3u8, or its BitTorrent file, "
       ".torrent, which the namespace's example lists as a source). Fix: name such a file, or "
       "put the other file on the web elsewhere and give its address as 'url:'."),
    _r("SRC049", "mediafeed", W, "an episode folder or a file the front matter names has a name Windows cannot hold, or "
       "two files an episode publishes have names that differ only in case",
       "A device name (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9, with any extension: aux.mp3), a name ending in a dot "
       "or a space (006-notes.), or one holding < > : \" | ? * or a control character. Linux and macOS take them, "
       "but the show cannot be cloned, copied or synced to Windows (Git for Windows refuses the path), nor published "
       "to a Windows host, and a copy made anyway drops the dot or space: another name, so another URL. Fix: rename "
       "the folder or file before the episode is first published ('mediafeed add' and 'mediafeed import' never make "
       "such names), and write the new name in episode.md. Two files an episode publishes whose names differ only in "
       "case (Audio.mp3 and an alternate audio.mp3) are one file on such a disk, and on macOS: one URL would serve the "
       "other's bytes."),
    _r("SRC043", "mediafeed", E, "a referenced file is hidden (its name starts with '.'), or has the name of a file "
       "the build writes in the episode's folder (index.html, player.html, oembed.json, a transcript's other timed "
       "format, chapters.json made from chapters.txt)",
       "The build would publish it under that name, but `mediafeed publish` leaves hidden files out (as rsync filters, "
       "web servers and static hosts often do): the feed would point at a URL that is not found. A transcript named "
       "player.html (or index.html, oembed.json) would be the same file as the episode's player (page, oEmbed "
       "answer): rename it, e.g. transcript.html. So would an alternate named words.srt beside a transcript words.vtt (the build "
       "makes words.srt from it), or a file named chapters.json where chapters come from chapters.txt or the front matter."),
    _r("SRC050", "mediafeed", E, "no episodes folder",
       "Episodes live in episodes/<slug>/episode.md beside show.yml. Fix: create the folder, or run "
       "'mediafeed add AUDIO', which makes the episode's folder and its episode.md."),
    _r("SRC051", "mediafeed", W, "an episode folder without episode.md (skipped)",
       "A folder under episodes/ with no episode.md is not an episode and is left out. Fix: add its episode.md (or "
       "check its spelling: Episode.md, episode.markdown), or move the folder out of episodes/."),
    _r("SRC052", "mediafeed", E, "an episode folder name is not a safe URL slug",
       "An episode's folder name becomes its page's address (episodes/<slug>/), so it may hold only lower-case letters, "
       "digits, '-', '.' and '_'. Fix: rename the folder (e.g. '012-night-buses'); the hint gives the command, to the "
       "slug 'mediafeed add' would make of its name ('My Episode' → my-episode)."),
    _r("SRC053", "mediafeed", E, "an episode's episode.md is a symbolic link (or a named pipe, socket, device): the "
       "episode is not built",
       "mediafeed reads and publishes only real files under episodes/ and never follows a link there, wherever it points: "
       "a link could publish any file on the computer, and the build's shortcut and cache see the link, not its target. "
       "Copy the file itself in place of the link."),
    _r("SRC054", "mediafeed", W, "a symbolic link (or named pipe, socket, device) under episodes/ is left out: an "
       "episode folder, or a file used by its name (transcript.*, chapters.json, chapters.txt); or a theme asset linking outside templates/",
       "Links under episodes/ are never followed (see SRC053). A link in episodes/ to an episode folder elsewhere (another "
       "drive) leaves that episode out of the feed; a transcript or chapters file that is a link leaves the episode "
       "without them. Copy the folder or file itself in place of the link; for a show kept on another drive, build it "
       "there with --show. A link named in the front matter is SRC040 instead; one the notes link to, SRC042. A theme asset "
       "(templates/assets/…) is published as it is: one linking to a file outside the theme folder is left out."),
    _r("SRC055", "mediafeed", W, "a name under words: in show.yml is no word of the default theme (it changes nothing)",
       "words: gives the show's own text for the default theme's words (docs/templates.md lists their names); a name that "
       "is none of them, such as a misspelt one, is left out. The hint names the closest word."),
    _r("SRC056", "mediafeed", E, "a word under words: in show.yml does not fit: not text, a {placeholder} the word does "
       "not have, or not 12 month names",
       "Each word keeps the {placeholders} of the default theme's (e.g. 'season: \"Saison {number}\"'); months are the 12 "
       "names separated by '|'. The hint gives the English word."),
    _r("SRC057", "mediafeed", W, "show.yml's description or an episode's summary holds HTML, which is shown as typed",
       "The show's description is plain text (<description> and itunes:summary in the feed, the pages, feed.json): "
       "'<p>' and '&amp;' written in it are shown as typed on the site's pages (its text, meta and Open Graph "
       "descriptions) and by apps that read the description as text. Hosts write a feed's description "
       "as HTML, and mediafeed import copied it into show.yml as it was before session 26. The same holds for an "
       "episode's 'summary:' in episode.md (itunes:summary, the pages' listings and meta descriptions): import copied "
       "a host's HTML itunes:summary into it before session 29, and a character reference ('&amp;', '&nbsp;') is "
       "shown as typed too. A tag is an HTML element's name in angle brackets ('<p>', '</b>', '<span class=…>'): "
       "'Vec<String>' or 'press <Enter>' is text. Fix: write it as plain text, a blank line between paragraphs."),
    _r("SRC058", "mediafeed", W, "artwork_alt is longer than 250 characters",
       "podcast:image's alt (and the pages' <img alt>) is \"a clear and concise\" description of the artwork (the "
       "namespace's image.md): a screen reader reads all of it, in one breath, each time the artwork comes by. About "
       "40 words say what a square of artwork shows, its words included; it is published as written. Fix: describe "
       "the artwork in a sentence or two; what needs more belongs in the description or the notes."),
    _r("SRC059", "mediafeed", W, "a title holds a line break or a byte order mark (U+FEFF); published without it",
       "Apps list a show's or an episode's title in one line: a line break written in 'title' or 'itunes_title' "
       "(a quoted \\n, a '|' block, U+2028) was a space in one app, a line break in another and a box in a third. "
       "A U+FEFF (a byte order mark pasted along with a file's first line) is drawn as nothing or as a box, and apps "
       "that sort by title sorted the episode apart. The title is published in one line, without it. Fix: write the "
       "title on one line, without the mark (the message shows it as published)."),
    _r("SRC060", "mediafeed apple psp1", E, "an episode has no GUID",
       "Every episode needs a permanent GUID stored in its front matter; 'mediafeed guid --assign' writes one."),
    _r("SRC061", "mediafeed", E, "an episode's GUID holds a control character XML forbids",
       "The GUID holds a C0 control character (U+0000-U+001F other than tab and line breaks) or U+FFFE/U+FFFF: XML 1.0 "
       "has no way to write it, so no feed can publish the GUID as written. It is not removed for you: the GUID "
       "without it is another GUID to every app. Fix: write the GUID without it (published.json's form, when an "
       "older mediafeed published the episode without it)."),
    _r("SRC062", "mediafeed", W, "an episode's guid line holds a control character typed as itself",
       "YAML cannot read a C1 control character (U+0080-U+009F) typed into the file, nor XML a C0 one, so the whole "
       "file's read replaces or removes it (SRC022, SRC023) and the GUID read is not the one written. Fix: write it "
       "with YAML's escape in double quotes (guid: \"post-it\\x92s-1\"), as 'mediafeed import' does, or the GUID as "
       "read if apps know the episode by it."),
    _r("SRC090", "mediafeed", E, "SOURCE_DATE_EPOCH is not a Unix time",
       "SOURCE_DATE_EPOCH, when set, is the moment a build is made \"as of\" (reproducible builds), in whole seconds "
       "since 1970. Fix: unset it, or set it to a number such as $(git log -1 --format=%ct)."),
    # -- value for value and comments (podcast:value, podcast:socialInteract) --------------------
    _r("VAL001", "podcastindex", E, "a value block has no recipients",
       "podcast:value holds one or more podcast:valueRecipient; give 'recipients:' with a name, address and split each."),
    _r("VAL002", "podcastindex", E, "a value block's type or method is empty, or a method Lightning does not have",
       "Lightning payments are sent by keysend, amp or lnaddress (the namespace's value.md)."),
    _r("VAL003", "podcastindex", W, "a value type, method or recipient type not in the namespace's value slug list",
       "The list (valueslugs.txt): bitcoin, lightning, keysend, lnaddress, amp, wallet, node. Apps skip a block whose "
       "type they do not know; the list grows as types see use."),
    _r("VAL004", "podcastindex", E, "a value recipient without an address, or of a type that does not fit the value type",
       "A Lightning recipient is a 'node' (its address a public key) or an 'lnaddress' (name@wallet.example)."),
    _r("VAL005", "podcastindex", E, "a Lightning node address is not a 66-digit hex public key starting 02 or 03",
       "Payments to a wrong key are lost or fail; copy the pubkey from the node or wallet."),
    _r("VAL006", "podcastindex", E, "a Lightning address (lnaddress) is not name@domain",
       "A Lightning address (type lnaddress, LUD-16) looks like an e-mail address: a name of letters, digits and '.', "
       "'_', '+', '-', an '@' and a domain with a dot (sam@wallet.example). Anything else ('sam@wallet', "
       "'lightning:sam@wallet.example', an address with a space) cannot be paid, and the listener's payment fails. In a "
       "show it is 'address:' of a recipient under 'value:' in show.yml or episode.md. Fix: copy the address from your "
       "wallet (Alby, Fountain, …); a node's public key goes with 'type: node' instead."),
    _r("VAL007", "podcastindex", E, "a value recipient's split is missing or not a whole number of 1 or more in decimal digits",
       "Splits are shares: each recipient gets split / (sum of splits) of what the fees leave. A fee recipient's split "
       "is a percentage. The namespace's split is an integer: in a show, one written otherwise ('0x10', '1_000', '1:30', "
       "which YAML reads as 16, 1000 and 90) or of more than 18 digits (more than apps' 64-bit integers hold) is refused."),
    _r("VAL008", "podcastindex", E, "the fee recipients' splits add up to more than 100 percent",
       "A fee recipient (fee=\"true\", 'fee: true') takes its split as a percentage of each payment, before the others "
       "share the rest (the namespace's value.md); fees adding up to more than 100 percent take more than the whole "
       "payment, and the recipients without a fee get nothing. In a show it is 'split:' of the recipients with 'fee: "
       "true' under 'value:'. Fix: lower the fee splits (an app's fee is usually 1 to 5), or make a payee a share holder"
       " ('fee: false')."),
    _r("VAL009", "podcastindex", E, "a value block's suggested amount is not a decimal number",
       "suggested is an amount of the currency per minute: 0.00000005 BTC is 5 sats. In a show it is written in decimal "
       "digits (5.0e-08 too, published as 0.00000005; not '0x10', '1_000' or '1:30'), and a Lightning amount is at most "
       "21,000,000 bitcoin and no finer than a millisatoshi (0.00000000001), the smallest amount Lightning pays: '1e400' "
       "and '1e-400' were published as 401 digits and 400 decimals."),
    _r("VAL010", "podcastindex", E, "custom_key without custom_value (or the reverse), or a Lightning custom_key below 65536",
       "customKey/customValue route a payment inside a shared node (a TLV record type, at least 2^16, and its value)."),
    _r("VAL011", "podcastindex", W, "a value recipient has no name", "The name is recommended: apps show listeners who gets each share."),
    _r("VAL012", "podcastindex", W, "every value recipient is a fee, so what the fees leave goes to nobody",
       "Every recipient of the value block is a fee: fees take their percentage off the top and the rest is shared among"
       " the others, so with no other recipient what the fees leave goes to nobody and the podcaster is paid nothing. In"
       " a show: 'recipients:' under 'value:' in show.yml or episode.md. Fix: add the podcast's own recipient without "
       "'fee: true' (fee: false is the default), e.g. the host's node with 'split: 90'."),
    _r("VAL013", "podcastindex", E, "a value time split without a start or a positive duration, or a time that is not seconds",
       "podcast:valueTimeSplit needs startTime and duration (seconds, decimals allowed; the front matter also takes "
       "HH:MM:SS.mmm); remoteStartTime, when given, is seconds too."),
    _r("VAL014", "podcastindex", E, "a value time split starts at or after the end of the episode's audio",
       "Apps switch to a split's recipients when playback reaches its startTime: one past the end is never paid."),
    _r("VAL015", "podcastindex", W, "a value time split runs past the end of the episode's audio",
       "Playback ends first, so the split is cut short; usually a wrong duration or start."),
    _r("VAL016", "podcastindex", E, "two value time splits of one block overlap",
       "Apps pay one set of recipients at a time; which split wins inside the overlap is not defined."),
    _r("VAL017", "podcastindex", E, "a value time split's remote percentage is not a number from 0 to 100",
       "remotePercentage is the remote value block's share of each payment for the stretch (default 100); apps clamp "
       "other numbers to 0 or 100."),
    _r("VAL018", "podcastindex", E, "a value time split's remote item has no feedGuid, or one that is not a UUID",
       "podcast:remoteItem@feedGuid (required) is the other feed's podcast:guid, which apps look up to pay its value block."),
    _r("VAL019", "podcastindex", E, "a value time split without recipients or a remote item, or with both (or two remote items)",
       "podcast:valueTimeSplit holds one or more podcast:valueRecipient, or exactly one podcast:remoteItem; "
       "remoteStartTime and remotePercentage describe the remote item."),
    _r("VAL020", "podcastindex", W, "one payee (address, custom key and value) twice in a value block or time split",
       "Apps pay it twice or keep one of the two; give the payee one recipient with the splits added up."),
    _r("VAL021", "podcastindex", W, "a value time split in the channel's value block",
       "Its times would apply to every episode without a block of its own; splits belong in an item's podcast:value."),
    _r("SOC001", "podcastindex", E, "a socialInteract protocol is missing or not in the namespace's list",
       "socialprotocols.txt: disabled, activitypub, twitter, lightning, atproto, hive, matrix, nostr."),
    _r("SOC002", "podcastindex", E, "a socialInteract uri is missing or not https (or the protocol's own scheme), or account_url is not https",
       "uri is the root post whose replies are the comments; atproto, nostr and matrix may also use at://, nostr: and matrix:."),
    _r("SOC003", "podcastindex", E, "socialInteract 'disabled' together with a uri, an account or another thread",
       "protocol=\"disabled\" tells apps the podcaster wants no public comments; the namespace has it stand alone."),
    _r("SOC004", "podcastindex", W, "several socialInteract threads without a priority each",
       "The namespace strongly recommends a priority (lower first) when there are several."),
    _r("SOC005", "podcastindex", W, "a socialInteract thread without account_id (recommended)",
       "The namespace recommends accountId on podcast:socialInteract: the account that wrote the root post "
       "(@team@example.social), which apps show as who started the thread and use to find it. A warning: the thread "
       "works without it. In a show it is 'account_id:' of an entry of 'social:' in show.yml or episode.md; quote it, "
       "YAML does not let a plain value start with '@': account_id: \"@team@example.social\". In a feed: "
       "accountId=\"@team@example.social\"."),
    # -- media -------------------------------------------------------------------------------
    _r("MED001", "mediafeed", E, "the media file cannot be read",
       "The file named by 'audio:' in episode.md is there but cannot be opened; the message gives the system's reason "
       "(permission denied, an input/output error from a failing disk or a network drive that went away). Nothing can be"
       " probed, tagged or published, so build stops. Fix: make the file readable (chmod u+r FILE), or copy it again "
       "from where it came from."),
    _r("MED002", "mediafeed", E, "the media file is empty",
       "The file named by 'audio:' in episode.md has 0 bytes: a copy, download or export that was interrupted, or a file"
       " made before the export wrote to it. There is nothing to publish: 'mediafeed add' refuses it and build stops. "
       "Fix: export the episode again from your editor (or copy it again) and check that it plays."),
    _r("MED003", "mediafeed", E, "not a supported media file (by content, not name)",
       "mediafeed tells a media file's format from its first bytes, whatever its name says. It reads MP3, M4A/M4B (AAC),"
       " MP4/M4V/MOV video, Ogg Opus, Ogg Vorbis, FLAC and WAV; the message says what the file looks like instead: a PNG"
       " image, a web page saved as episode.mp3 (a download link that needed a login), a ZIP archive, an Ogg stream of "
       "another codec. Fix: point 'audio:' in episode.md at the episode's audio, or export it again as MP3 or M4A, the "
       "formats Apple Podcasts and Spotify take."),
    _r("MED004", "mediafeed", E, "the media file is truncated or corrupt",
       "The file is shorter than its own headers say, or its structure is damaged, so apps would stop early, seek to the"
       " wrong place or play noise: an MP3 without MPEG audio frames, missing more than 4 KB or a second of what its "
       "Xing/VBRI header declares, whose ID3v2 tag claims more bytes than the file has, or free-format (no bitrate in "
       "its frame headers: ffmpeg cannot play it); an M4A/MP4 box running past the end of the file, or an index pointing"
       " outside the media data (what a tag editor that did not move the offsets leaves, or ffmpeg 5.1's -movflags"
       " +empty_moov+global_sidx, which writes its 'sidx' index in front of fragments whose offsets were set: make it "
       "again without +global_sidx); an Ogg stream without its last"
       " page; a FLAC or WAV shorter than its header says. The message names what is wrong. Fix: copy or export the "
       "episode again from your editor and check it plays to the end; the hint says when a remux (ffmpeg -i in.m4a -c "
       "copy out.m4a) mends it and when only the recording as it was before a tag editor saved it does."),
    _r("MED005", "mediafeed apple", E, "the file name's extension does not match its real format",
       "The format is read from the file's content, and the extension of the name in 'audio:' must match it: the "
       "enclosure's URL ends in it and apps, hosts and servers go by it (Apple lists audio/mpeg for .mp3, audio/x-m4a "
       "for .m4a). Seen: an M4A saved as episode.mp3, a WAV or FLAC export named .mp3, MP3 audio inside a WAV container "
       "(a 'RIFF MP3', as some recorders write), an MP2 file. Fix: run the hint's command. Where the content is a format"
       " apps take, rename the file to its real extension and change 'audio:' with it; where it is not (a WAV named "
       ".mp3), encode it into the format the name promises and put it in place under the same name (ffmpeg -i in.mp3 "
       "-c:a libmp3lame -b:a 128k out.mp3), so 'audio:' stays."),
    _r("MED006", "mediafeed", E, "the media file has no playable audio",
       "The file is a media file but holds nothing to play: a duration of 0, or an M4A/MP4 with neither a sound track "
       "nor video (captions or chapters alone: an export preset that left the sound out). Published, it would be an "
       "episode that plays nothing. Fix: export the episode again with its audio (check the preset includes the sound) "
       "and listen to the start before publishing."),
    _r("MED010", "apple spotify", W, "a media format Apple Podcasts and Spotify do not accept",
       "Apple and Spotify accept MP3 and AAC/M4A (and MP4/MOV video). Publish one of them as the enclosure; offer other "
       "formats as podcast:alternateEnclosure."),
    _r("MED011", "apple spotify", W, "an M4A/MP4 whose audio is not AAC, or an .mp3 whose audio is not MP3",
       "Apple Podcasts and Spotify take M4A and MP4 with AAC audio; ALAC, Opus or MP3 inside an MP4 container plays "
       "in some apps and fails in others. Likewise an .mp3 file of MPEG Layer II (MP2, broadcast software's export) "
       "is not the MP3 (Layer III) apps take."),
    _r("MED020", "mediafeed", W, "bitrate outside what podcasters use",
       "Speech is usually published at 64–128 kbit/s (mono 48 and up is fine); below 32 kbit/s sounds poor, above "
       "320 kbit/s only costs listeners' data."),
    _r("MED021", "mediafeed", W, "unusual sample rate",
       "Podcast audio is 44.1 kHz or 48 kHz; rates below 22.05 kHz sound muffled and some players refuse them, and rates"
       " above 48 kHz (a 96 kHz studio master) only cost listeners' data. Fix: export the episode again from the "
       "recording at 44.1 kHz (ffmpeg -i recording.wav -ar 44100 -c:a libmp3lame -b:a 128k episode.mp3), and point "
       "'audio:' in episode.md at it; re-encoding a low-rate file does not bring back what it lost."),
    _r("MED022", "mediafeed", W, "more than two audio channels", "Podcast apps play mono or stereo; surround tracks are downmixed badly or refused."),
    _r("MED023", "mediafeed", W, "the audio has no title tag",
       "Players that show the file's own tags (car stereos, downloads) show no title. Turn on 'tag_on_build' in show.yml"
       " (the build then tags the copy it publishes), or run 'mediafeed tag' to write the title and the other tags into "
       "the file in episodes/ itself."),
    _r("MED024", "mediafeed", W, "unknown data before the first audio frame",
       "Players skip to the first MPEG frame, but some hardware players and podcast hosts refuse the file or misjudge "
       "its length. Remuxing keeps the audio as it is and drops the rest: ffmpeg -i in.mp3 -c copy out.mp3."),
    _r("MED025", "mediafeed apple", W, "the MP3's Xing/VBRI header declares another length than the file holds",
       "Files joined without re-encoding (cat intro.mp3 episode.mp3) keep the first one's header, and a tool that "
       "rewrites a constant-bitrate file's audio without its Info header's frame count leaves it saying another "
       "length; apps that trust it show the wrong length and seek to the wrong place. The feed gets the counted "
       "duration either way."),
    _r("MED026", "mediafeed", W, "an Ogg file of several streams one after another",
       "Ogg files joined with cat make a chain: mutagen, and the feed's duration, count only the first stream, and many "
       "apps play only that one (others stop or jump at the join)."),
    _r("MED027", "mediafeed", W, "an M4A/MP4 whose index (moov) comes after the media data, and the build cannot publish it 'fast start'",
       "A player must read the moov box before it can play a sample: when it is at the end (ffmpeg's default, and "
       "so many editors' exports), an app or browser fetches the end of the file first (another request before "
       "playback starts) and a host without byte ranges makes it download the whole file. With 'tag_on_build' on, the "
       "build publishes a copy with the index first (same audio, same size) and MED027 is only an info; it is a "
       "warning where the file is published as it is ('tag_on_build: false') or its layout is one the build does "
       "not rewrite (movie fragments, other absolute offsets, media in another file), unless the build re-muxes it "
       "with ffmpeg to write the episode's chapters (a new file, whose index it then moves: an info again). "
       "Remuxing moves it to the front without touching the audio."),
    _r("MED028", "mediafeed", W, "a video without a sound track",
       "An MP4, M4V or MOV with a picture and no sound track: exported from a muted timeline or with a video-only "
       "preset. Apps play it in silence."),
    _r("MED029", "mediafeed", W, "an MP3 whose sample rate changes partway (files joined)",
       "MP3 files exported at different sample rates and joined with cat (an intro at 44.1 kHz, the episode at 48 or "
       "22.05 kHz) switch rate at the join: many players and hardware decoders stop there or play the rest at the "
       "wrong speed. The feed's duration counts both parts at their own rates (what ffmpeg plays)."),
    _r("MED030", "mediafeed", W, "an MP3 whose last frame is cut short (the file looks cut off)",
       "Encoders write whole frames; a file whose last frame runs past its end was cut: an interrupted copy, export or "
       "download. Without a Xing/VBRI header nothing says how much is missing, so the feed gets the duration of what "
       "is there (what ffmpeg plays); check the file plays to the end of the episode."),
    _r("MED032", "mediafeed", W, "a media file that says where it was recorded",
       "Phones and cameras write the place a video (or a phone's voice recording) was made into the file: QuickTime's "
       "©xyz, the 3GPP loci box, an iPhone's com.apple.quicktime.location.ISO6709 key. Tagging keeps a producer's "
       "metadata, so it is published with the episode, and anyone who downloads it can read where it was recorded "
       "(a home, a source's office). ffmpeg -map_metadata -1 with -c copy removes it and changes no audio or video."),
    _r("MED031", "mediafeed apple", W, "a video whose picture runs more than a second past its sound",
       "A still-image video (the show's artwork over the episode, as made for YouTube or Spotify) exported with "
       "ffmpeg -loop 1 -shortest often keeps the picture going seconds after the sound ends: apps show and play the "
       "movie's length, the feed says the sound's, and Apple compares the two within a second. Encoding the picture "
       "again with -t (the sound's length) and copying the sound ends both together."),
    _r("MED033", "mediafeed", W, "an MP3 with bytes that are no audio between its frames (damaged)",
       "Bytes spliced into the middle of the audio (a broken concatenation, a disk or transfer error) are no MPEG "
       "frame: ffmpeg reports 'Header missing' there and players skip them, with a click, a gap or lost seconds. The "
       "probe walks the frames of an MP3 without a Xing/VBRI header (and of one whose header disagrees with its "
       "bytes); one whose header counts its frames is walked when a tagged copy is made (build, mediafeed tag), not "
       "by check. Export the episode again from the recording."),
    _r("MED034", "mediafeed apple", W, "a video whose picture Apple's apps may not play (not H.264, or HEVC as 'hev1')",
       "Apple takes MOV, MP4 and M4V video, and its apps play the picture codecs Apple's devices decode: H.264 (avc1) "
       "everywhere, HEVC stored as 'hvc1'. HEVC stored as 'hev1' (ffmpeg's default for libx265 in an MP4) is refused by "
       "Apple's players, though the bytes are the same: remuxing with -tag:v hvc1 fixes it and changes no picture. "
       "VP9, AV1, ProRes and older codecs in an MP4 or MOV play on some devices or none: encode the picture as H.264."),
    _r("MED036", "mediafeed", W, "an alternate enclosure is not as long as the episode's file",
       "An alternate's duration (a local file's, probed; a WebM's from its Segment Info) differs from the main file's by "
       "more than a second: apps that switch between the versions, and a reader's browser given the WebM on the "
       "episode page, get another length or another cut. Export it again from the same master. An alternate the front matter marks as "
       "other content (its own 'rel:', or a 'lang:' other than the show's: a dubbed version) is not compared."),
    _r("MED037", "mediafeed apple", W, "an MP4 with several sound tracks, or whose sound track is marked disabled",
       "A multi-track recording (OBS writes one track per microphone beside the mix) or a file with a commentary track "
       "holds several sound tracks: apps play one, Apple's the one its track header marks enabled, others the first, "
       "and every listener downloads them all. A track marked disabled is treated as if it were not there (ISO/IEC "
       "14496-12), so a file whose only sound track is disabled plays no sound in players that follow the standard. "
       "The feed's duration and the checks are the first sound track's. Remuxing with ffmpeg -map 0:a:N -c copy keeps "
       "the one track to publish (enabled) and changes no audio."),
    _r("MED035", "mediafeed", I, "an HEVC video: web browsers without HEVC show no picture on the page",
       "Apple's apps play HEVC ('hvc1'), but the episode page and the blog embed play the file in the reader's "
       "browser: Firefox, and Chrome or Edge on a computer without HEVC hardware decoding, play the sound under a black "
       "picture (headless Chromium here shows a 0x0 picture). Publish H.264 for the widest reach, or accept it."),
    # -- artwork -------------------------------------------------------------------------------
    _r("ART001", "apple", E, "artwork file not found",
       "The image that 'artwork:' names in show.yml (the show's artwork) or in episode.md (an episode's) was not there "
       "when mediafeed opened it to measure it; SRC041 usually names the missing file first. Apple requires show artwork"
       " (a square JPEG or PNG, 1400–3000 px). Fix: put the image beside show.yml (or in the episode's folder) under the"
       " name 'artwork:' gives, or correct the name: it is case-sensitive on the server."),
    _r("ART002", "apple", E, "artwork is not a readable image",
       "The artwork file (or, with --online, the image at an artwork URL) is no image Pillow can read; the message says "
       "what it is instead: a HEIC photo from an iPhone, an AVIF, an SVG drawing, a PDF, a web page saved in place of "
       "the picture, text, an empty file, or an image of far more pixels than any artwork. Apple Podcasts takes JPEG and"
       " PNG only. Fix: export the picture as a 3000×3000 px JPEG or PNG (on a Mac: File > Export in Preview) and write "
       "its name in 'artwork:' in show.yml or episode.md."),
    _r("ART003", "apple", E, "artwork is not JPEG or PNG",
       "The artwork is an image, but not a JPEG or PNG (GIF, WebP, TIFF, BMP…): Apple Podcasts accepts JPEG and PNG only"
       " (Apple Podcasts' artwork requirements), and apps given another format show no cover. Also checked, with --online, for the "
       "image at an artwork URL. A JPEG holding a second picture (a phone's HDR gain map or depth map) is a JPEG. Fix: "
       "export it as JPEG or PNG (the hint gives ffmpeg's command for the formats ffmpeg reads), name the file .jpg or .png and write the new name in "
       "'artwork:' (show.yml for the show, episode.md for an episode); a new name also makes apps fetch it again."),
    _r("ART004", "apple", E, "artwork's extension does not match its real format",
       "A JPEG named .png, or a PNG named .jpg (or with no extension): hosts send the Content-Type the extension says, "
       "and Apple asks for the extension to match the real type (.jpg or .jpeg for JPEG, .png for PNG). Fix: rename the "
       "file as the hint says and change 'artwork:' in show.yml or episode.md with it; the new name also makes apps, "
       "which cache artwork by URL, fetch the picture again."),
    _r("ART005", "apple", E, "artwork is not square",
       "Apple requires square artwork (its artwork requirements: square, 1400×1400 to 3000×3000 px); apps show covers in square "
       "tiles and crop or squeeze any other shape. The message gives the size found (3000×2000). Fix: crop the picture "
       "to a square in an image editor, export it at 3000×3000 px under a new file name, and write that name in "
       "'artwork:' (show.yml or episode.md), so apps fetch the new picture."),
    _r("ART006", "apple", E, "artwork is smaller than 1400×1400 or larger than 3000×3000",
       "Apple Podcasts takes artwork from 1400×1400 to 3000×3000 pixels (its artwork requirements): each side must be "
       "at least 1400 and at most 3000. A smaller image is refused and looks blurred on large screens; a larger one is "
       "refused too. The message gives the size found. Fix: export the picture at 3000×3000 px from the original design "
       "(scaling a small image up adds no detail), under a new file name written in 'artwork:'."),
    _r("ART007", "apple", E, "artwork is not RGB (CMYK, for example)",
       "Apple wants artwork in RGB (sRGB); a picture from a print designer is often CMYK, which apps show with wrong "
       "colours or not at all. RGB, greyscale and palette images pass, and a PNG with transparency (ART008); the message"
       " names what it is (CMYK, 16-bit greyscale, greyscale with transparency…). Fix: convert it to RGB in an image "
       "editor, or with the hint's ffmpeg command (a see-through picture is laid on white), save it under a new file name"
       " and write that in 'artwork:'."),
    _r("ART008", "apple", W, "artwork has an alpha channel",
       "A PNG with an alpha channel (transparency): apps draw the transparent parts over their own background, often "
       "black, so a dark logo on a transparent background can vanish, and the cover looks different from app to app. A "
       "warning: the picture is published as it is. Fix: flatten it onto a background colour and export it without alpha"
       " (a PNG without transparency, or a JPEG; the hint's ffmpeg command lays it on white), under a new file name "
       "written in 'artwork:'."),
    _r("ART009", "mediafeed", W, "artwork file is larger than 512 KB", "Hosts and apps commonly warn above 512 KB; a convention, not Apple's rule."),
    _r("ART010", "mediafeed", W, "artwork whose EXIF says where the picture was taken",
       "A phone's photo keeps its GPS position in its EXIF data. The build publishes the artwork and embeds it (up to "
       "512 KB, as it is) in every episode's audio file, so anyone who downloads either can read the place."),
    # -- chapters and transcripts ------------------------------------------------------------
    _r("CHP001", "podcastindex", E, "a chapters.txt line is not 'HH:MM:SS Title'",
       "An episode's chapters.txt holds a line per chapter: its start, then its title, optionally a link at the end: "
       "'00:01:30 Tides and carbon https://example.org/tides'. The start is HH:MM:SS or MM:SS (a fraction allowed: "
       "01:30.5) or seconds (90); a dash between start and title is allowed; blank lines and lines starting with # are "
       "skipped. The message names the line that is none of these (a title before its time, '1h30m'). Fix: start the "
       "line with its time, then a space and the title."),
    _r("CHP002", "podcastindex", E, "chapters file cannot be read, is not valid JSON, or writes a key twice in one object",
       "A key written twice in one JSON object is an error when the two values differ (every JSON reader, apps' too, keeps the later one: the first is lost without a word) and a warning when they are the same. A chapters file over 16 MB is not read."),
    _r("CHP003", "podcastindex", E, "chapters JSON does not follow the schema",
       'Podcasting 2.0 JSON chapters are {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "…"}]}. More than '
       "10,000 chapters (in chapters.json, chapters.txt or the front matter) is refused too: each is a psc:chapter in "
       "the feed, and one every five seconds of a ten-hour episode is 7,200."),
    _r("CHP004", "podcastindex", E, "a chapter has no valid start time",
       "Every chapter needs a start, the one field the Podcasting 2.0 chapters format requires: startTime in "
       "chapters.json, 'start' for chapters in the front matter, seconds (90) or a time ('00:01:30'). An endTime, when "
       "given, must be a time after the chapter's start; apps that honour it would show a chapter ending before it "
       "begins. Fix: give the start the message names (its field, e.g. chapters[3].startTime), or correct the end or "
       "leave it out: the chapter then ends where the next starts."),
    _r("CHP005", "mediafeed", W, "a chapters file holds no chapters",
       "An empty chapters.txt (or one of comments and blank lines) or a chapters.json with an empty list is almost "
       "always a file saved before it was written: the episode goes out without chapters."),
    _r("CHP010", "podcastindex apple", E, "chapters are not sorted by start time",
       "Apple reads chapters from the audio file and Podcasting 2.0 apps from chapters.json, both in order: each chapter"
       " must start later than the one before (two at the same time are refused too), or apps show them out of order or "
       "jump back. The message names the chapter and its line. Fix: list the chapters in order of start time in "
       "chapters.txt, chapters.json or 'chapters:' in episode.md, and correct a time mistyped (00:21:00 for 00:12:00)."),
    _r("CHP011", "podcastindex", E, "a chapter apps list has no title",
       "Apps show each chapter by its title in the chapter list: a listed chapter without a title (an empty \"title\" in"
       " chapters.json, nothing after the time in chapters.txt, which is CHP001) is an unlabelled line in the list, and"
       " Podlove Simple Chapters requires one. A silent chapter (\"toc\": false: art, a link or a location that no list "
       "shows) may go untitled, as the namespace's JSON chapters format allows. Fix: give the chapter the message names "
       "a title, mark it toc: false, or remove it."),
    _r("CHP012", "podcastindex apple", E, "a chapter starts after the audio ends",
       "A chapter that starts at or after the end of the audio can never be reached: Apple's player and apps list it and"
       " jump to nothing. It usually means the chapters belong to another cut of the episode (an earlier, longer edit) "
       "or a time has a digit too many. The message names the first such chapter and how many follow it. Fix: correct "
       "its time, or the audio file named by 'audio:' if it is the wrong cut."),
    _r("CHP013", "apple", W, "more chapters than the audio file's own chapter list holds (255)",
       "An ID3 CTOC (MP3) and the Nero chpl box of an M4A count their chapters in one byte: the audio gets the first "
       "255 chapters; chapters.json, psc:chapters and the page have them all."),
    _r("CHP014", "podcastindex", W, "a chapter's location has a name but no geo URI",
       "The JSON chapters format's location object has two required attributes, name and geo (a geo: URI, RFC 5870): apps "
       "put a chapter's place on a map, and a name alone gives them none. The location is left out of the published "
       "chapters.json (which would not follow the format with it); the chapter is kept. Fix: add \"geo\": "
       "\"geo:LATITUDE,LONGITUDE\" (latitude first, north and east positive) to the location, or remove it."),
    _r("CHP020", "mediafeed", E, "a psc:chapter without a title, or whose start is missing or not Normal Play Time",
       "Podlove Simple Chapters 1.2 makes start and title mandatory; start is seconds, MM:SS or HH:MM:SS with an "
       "optional fraction (37, 7:48, 01:35:52.250). gPodder reads any other start as 0, so the chapter jumps to the "
       "beginning, and drops a chapter without a title."),
    _r("CHP021", "mediafeed", W, "psc:chapters out of time order, empty, given twice in an item, or in the channel",
       "The spec asks for one psc:chapters per item, listing its chapters in the order they start; apps ignore the "
       "others and read none outside an item."),
    _r("TRN000", "podcastindex", E, "transcript cannot be read",
       "The episode's transcript (transcript.vtt, .srt… in its folder, or the file 'transcript:' names in episode.md; "
       "with --online, a transcript URL) cannot be read: the system's reason, or it is not UTF-8 text (the message gives"
       " the byte and where), or it is over 16 MB (a word-level transcript of a ten-hour episode is some 7 MB). WebVTT "
       "must be UTF-8, and apps show other encodings as broken characters. Fix: save the "
       "transcript as UTF-8 in your editor (Save As > Encoding: UTF-8), or make it readable."),
    _r("TRN001", "podcastindex apple", E, "WebVTT file does not start with WEBVTT",
       "A WebVTT file (the transcript format Apple ingests and browsers play as captions) must start with the line "
       "'WEBVTT', optionally followed by a space and text; without it browsers reject the whole file and show no "
       "captions. A file that is really SRT (numbered cues, ',' before the milliseconds) named .vtt also lands here. "
       "Fix: add 'WEBVTT' and a blank line at the top, or, for an SRT file, name it .srt: mediafeed then makes the "
       "WebVTT copy itself."),
    _r("TRN002", "podcastindex", E, "a transcript cue has malformed timing (WebVTT: ',' before the milliseconds, a one-digit minute, no '-->')",
       "Each cue's timing line is 'start --> end': in WebVTT 00:01:02.500 --> 00:01:05.000 (or MM:SS.mmm, with '.' "
       "before the milliseconds), in SRT 00:01:02,500 --> 00:01:05,000, with a space each side of the arrow. Browsers "
       "drop a WebVTT cue with ',' (SRT's way) or a one-digit minute, and a line with two times but no '-->' is read as "
       "text; ffmpeg, and the players built on it, take an SRT without the spaces for no SRT at all. The message names "
       "the line. Fix: write the timing as the hint shows."),
    _r("TRN003", "podcastindex", E, "a transcript cue ends before it starts",
       "A cue whose end time is before its start time is never shown: players drop it, and the transcript has a hole "
       "there. Usually the two times are swapped or the end mistyped (00:01:05 for 00:10:05). The message names the "
       "cue's line. Fix: correct the end time, or swap the two."),
    _r("TRN004", "podcastindex apple", E, "transcript cues are not in order",
       "Cues must be in order of their start times (WebVTT requires it): players show captions as they reach them, so a "
       "cue that starts before the one above it is shown late or not at all. The message names the first cue out of "
       "order. Fix: order the cues by start time; an editor's export usually does, a transcript joined from two files "
       "may not."),
    _r("TRN005", "podcastindex", E, "transcript runs past the end of the audio",
       "The transcript's last cue ends more than a second after the episode's audio ends: the transcript belongs to "
       "another cut of the episode (an earlier, longer edit), or times are off, so captions do not match what is heard. "
       "The message gives both times. Fix: make the transcript again from the audio named by 'audio:', or use the "
       "transcript of that cut."),
    _r("TRN006", "mediafeed", W, "a timed transcript without a single cue",
       "A WebVTT file with its header only (or an empty SRT) is published and linked as the episode's transcript and "
       "captions, with an empty file made in the other format: apps offer a transcript that shows nothing."),
    _r("TRN007", "mediafeed", W, "a transcript cue holds markup its players do not render (<script>, <img>, <a>)",
       "The producer's transcript file is published as it is: WebVTT players render <b>, <i>, <u>, <c>, <v>, <lang>, "
       "<ruby> and <rt> in cue text, SRT players <b>, <i>, <u> and <font>; anything else is dropped or shown as text, "
       "and an app that builds HTML from cues would run a script in one. (The page's transcript and the generated "
       "file in the other format hold the cues' text only.)"),
    _r("TRN008", "podcastindex", E, "a JSON transcript does not follow the Podcast Index format",
       'The Podcast Index JSON transcript is {"version": "1.0.0", "segments": [{"startTime": 0, "endTime": 1.5, '
       '"body": "…", "speaker": "…"}]}, times in seconds (numbers), segments in order. It is published as it is. '
       "A key written twice in one JSON object is an error when the two values differ (every JSON reader, apps' too, keeps the later one: the first is lost without a word) and a warning when they are the same."),
    _r("TRN009", "podcastindex", E, "a WebVTT NOTE (comment) block holds '-->'",
       "The WebVTT spec forbids '-->' anywhere in a NOTE. Browsers read the line as a cue's timing: Chromium drops the "
       "note when the line is no timing, and shows the note's text after it as a caption (a cue whose id is the NOTE "
       "line) when it is one."),
    _r("TRN010", "mediafeed", W, "a transcript in Whisper's TSV form, which no app reads, is not published",
       "Whisper (and whisper.cpp) write a transcript as a TSV of start, end and text, times in milliseconds, beside the "
       "WebVTT, SRT, JSON and text files of its default output. podcast:transcript takes WebVTT, SRT, the Podcast Index "
       "JSON, HTML or text, so transcript.tsv in an episode's folder was left out without a word, and the episode had no "
       "transcript (a warning; named in 'transcript:', an error). Fix: publish the WebVTT Whisper wrote beside it "
       "(whisper AUDIO --output_format vtt; whisper.cpp: whisper-cli -f AUDIO -ovtt) as transcript.vtt."),
    _r("TRN011", "mediafeed", W, "a JSON transcript segment whose body holds no text",
       "A segment of transcript.json whose \"body\" is empty (or only spaces) shows nothing, and AntennaPod, which "
       "prefers a JSON transcript to the WebVTT beside it, fails on the whole file when such a segment follows five "
       "seconds of text (it reads the first character of the next segment's body): its listeners got no transcript "
       "at all. Fix: remove the segment (a pause needs none), or give it its words."),
    # -- feed XML ---------------------------------------------------------------------------------
    _r("XML000", "mediafeed", E, "the feed cannot be read (missing file, network error, HTTP error, too large)",
       "The file or URL gives no feed to check: it is missing, the server answered with an error or not in time, or the "
       "feed is beyond what mediafeed reads (64 MB, 1,000,000 elements, 50,000 items)."),
    _r("XML001", "mediafeed apple spotify psp1", E, "the feed is not well-formed XML",
       "One syntax error makes the whole feed unreadable for every app. The usual causes: a bare '&', HTML entities such "
       "as &nbsp; outside CDATA, ']]>' inside CDATA show notes, an unclosed element."),
    _r("XML002", "mediafeed", E, "not an RSS 2.0 feed (an HTML page, an Atom feed)",
       "The document is XML or JSON, but not an RSS 2.0 feed: an HTML page (the show's website rather than its feed), an"
       " Atom feed or entry, an RSS 1.0 (RDF) feed, a JSON Feed, an OPML list, or an <rss> without its <channel>. "
       "Podcast apps and directories read RSS 2.0 only, so check stops here (exit 2). Fix: give the RSS feed's URL (on "
       "the show's page, the link with type application/rss+xml, or the 'RSS' link), or wrap a bare channel as <rss "
       "version=\"2.0\"><channel>…</channel></rss>."),
    _r("XML003", "mediafeed", W, "the feed declares a DOCTYPE",
       "Entities are never expanded by mediafeed (no XXE, no 'billion laughs'); apps may refuse such feeds. An error where "
       "the feed uses an entity its DOCTYPE declares: the text there is lost for every careful reader."),
    _r("XML004", "apple", E, "the itunes namespace URI is not exactly http://www.itunes.com/dtds/podcast-1.0.dtd",
       "Apple matches the namespace URI byte for byte; a different case hides every itunes: element."),
    _r("XML005", "mediafeed", W, "double-escaped HTML entity in text ('&amp;amp;', '&amp;nbsp;')",
       "Apps show the entity literally. Escape once, or put HTML inside CDATA."),
    _r("XML007", "mediafeed", W, "the feed's encoding is not UTF-8 and only the HTTP Content-Type names it",
       "Apps that fetch the feed honour the header; a saved copy, a mirror or a proxy without it reads broken UTF-8."),
    _r("XML006", "podcastindex", E, "the podcast namespace URI is not exactly https://podcastindex.org/namespace/1.0",
       "Apps match the namespace URI exactly; http:// or a trailing slash hides every podcast: element. The namespace's "
       "old GitHub URL is a warning: some apps still read it, those that match the current URL exactly do not."),
    _r("XML008", "mediafeed psp1", E, "<rss> has no version=\"2.0\"",
       "RSS 2.0 requires the version attribute; the W3C feed validator rejects a feed without it and apps have to guess "
       "the format. Another version (0.91, 0.92) is a warning: podcast elements are RSS 2.0's."),
    _r("XML010", "mediafeed", W, "the feed is served with a Content-Type that is not XML (text/html, text/plain)",
       "The W3C feed validator warns; browsers show the feed as a page and some proxies and readers treat it as one. "
       "Serve application/rss+xml or application/xml."),
    _r("XML011", "apple", W, "an itunes: tag spelt in another case or with '_' for '-' (itunes:episodetype, itunes:new_feed_url)",
       "Apple and apps read element names exactly (XML is case-sensitive): a misspelt tag is ignored, so the episode "
       "type, the new feed URL or the explicit flag it carries never takes effect. The hint gives Apple's spelling."),
    _r("XML012", "mediafeed", E, "the feed's byte order mark and its encoding declaration disagree (UTF-8 and UTF-16)",
       "libxml2 and feedparser follow the byte order mark; expat (Python's XML parser, podcastparser and so gPodder) "
       "refuses the document: 'encoding specified in XML declaration is incorrect'. A UTF-8 mark before "
       "encoding=\"US-ASCII\" is refused as soon as the text goes beyond ASCII: 'not well-formed (invalid token)'. A "
       "UTF-16 mark with no encoding declared (the XML spec allows it) is read by feedparser as UTF-8, which it passes "
       "as NUL characters: feedparser reads no episode at all."),
    _r("XML013", "mediafeed psp1", E, "a default namespace (xmlns=\"…\") on <rss> or <channel> puts the RSS elements in it",
       "RSS 2.0's elements have no namespace. With xmlns=\"…\" on <rss>, <channel> is no longer RSS's channel: feedparser "
       "guesses, podcastparser refuses the feed ('Unsupported feed type'), strict readers find nothing. mediafeed reads "
       "the elements without it to check the rest."),
    _r("XML014", "mediafeed", E, "the feed's encoding is one expat refuses (Shift_JIS, GBK, UTF-32, 'utf8' with non-ASCII text)",
       "libxml2 (and so feedparser) reads it; expat, Python's XML parser, does not: podcastparser and so gPodder refuse "
       "the whole feed ('multi-byte encodings are not supported', 'not well-formed (invalid token)'). Expat knows "
       "UTF-8, UTF-16, ISO-8859-1 and US-ASCII by those names, and other single-byte encodings through Python."),
    _r("XML009", "mediafeed", W, "the feed declares a single-byte encoding (ISO-8859-1, windows-1252) but its text is UTF-8",
       "Every app decodes the feed as declared: 'Café' becomes 'CafÃ©' in titles and notes, without an error anywhere."),
    _r("XML015", "apple", W, "the feed is not encoded as UTF-8 (ISO-8859-1, windows-1252, UTF-16, …)",
       "Apple's feed requirements name the declaration <?xml version=\"1.0\" encoding=\"UTF-8\"?>; the W3C feed "
       "validator warns that other encodings are not guaranteed to work in Apple's apps. An encoding libxml2 does not "
       "know by its name (mac-cyrillic) is refused by every reader built on libxml2; mediafeed reads it through "
       "Python's codec, as expat does, and checks the rest."),
    _r("XML016", "mediafeed", W, "the text has control characters U+0080–U+009F (windows-1252 quotes read as ISO-8859-1)",
       "Nobody writes these characters on purpose: they are windows-1252's curly quotes, dashes and ellipsis (bytes "
       "0x80–0x9F) decoded as ISO-8859-1, by the feed's own declaration or by a conversion before it, or written as "
       "&#147;. Apps show a box or nothing where the quote or dash was."),
    _r("XML017", "mediafeed", W, "the content, atom or psc namespace is declared with a near miss of its URI",
       "content:encoded (the show notes), atom:link rel=\"self\" and psc:chapters are read by namespace, and apps compare "
       "the URI exactly: http://purl.org/rss/1.0/modules/content without its trailing slash, https://www.w3.org/2005/Atom "
       "or another case hides every element written with that prefix."),
    # -- channel ------------------------------------------------------------------------------------
    _r("SHOW001", "apple psp1 spotify", E, "the channel has no title",
       "Every directory and app lists a show by its channel <title>; Apple, Spotify and PSP-1 require one. In a show it "
       "is 'title:' in show.yml (SRC011 when that is missing), so this code comes from 'check FEED'. Fix: add <title>The"
       " show's name</title> to the channel."),
    _r("SHOW002", "apple psp1 spotify", E, "the channel has no description",
       "The channel <description> is what directories show on the show's page and search; Apple, Spotify and PSP-1 "
       "require it (up to 4000 bytes). itunes:summary alone is not enough: Apple reads <description>. In a show it is "
       "'description:' in show.yml. Fix: add <description>What the show is about, in a few sentences</description>."),
    _r("SHOW003", "apple psp1", E, "the channel description is longer than 4000 bytes",
       "Apple and PSP-1 allow at most 4000 bytes (bytes, not characters: é takes two, an emoji four) in the channel's "
       "<description> and in itunes:summary; longer text is refused or cut. The message gives the size. In a show it is "
       "'description:' in show.yml. Fix: shorten it to what a listener reads before subscribing and put the long text on"
       " the website; an itunes:summary can go, Apple reads <description>."),
    _r("SHOW004", "psp1", E, "the channel has no link, or one that is not an absolute http(s) URL",
       "PSP-1 requires the channel <link>: the show's website, which apps open from the show's page. It must be a full "
       "address (https://example.org/), not a path. In a show it is 'url:' in show.yml, the site's own address. Fix: "
       "write <link>https://example.org/</link>."),
    _r("SHOW005", "apple psp1", E, "the channel has no language",
       "Apple and PSP-1 require the channel's <language>: directories list and search the show by it. In a show it is "
       "'language:' in show.yml, an ISO 639 code (en, en-gb, pt-BR). Fix: add <language>en</language> (in show.yml, "
       "'language: en')."),
    _r("SHOW006", "apple psp1", E, "the language is not an ISO 639 code", "Write e.g. 'en', 'en-gb', 'pt-BR' (RFC 5646 / ISO 639)."),
    _r("SHOW007", "apple psp1 spotify", E, "no itunes:image (show artwork), or one whose href is not an absolute http(s) URL",
       "Apple, Spotify and PSP-1 require show artwork in <itunes:image href=\"…\"/>, a full http(s) URL: apps do not "
       "resolve a relative one against the feed's address, and read no URL from a url= or src= attribute. A URL holding "
       "what a URL may not hold as written (a backslash, characters beyond ASCII such as é) is an error too, the hint "
       "giving it encoded; spaces around it, a warning. In a show it is 'artwork:' in show.yml, published beside the "
       "feed. Fix: write <itunes:image href=\"https://example.org/artwork.jpg\"/> (a square JPEG or PNG, 1400–3000 px)."),
    _r("SHOW008", "apple", W, "artwork URL does not end in .jpg, .jpeg or .png",
       "Apple's RSS guide asks for artwork URLs ending in .jpg or .png; some tools drop other URLs."),
    _r("SHOW009", "apple psp1", E, "no itunes:category",
       "Apple and PSP-1 require an <itunes:category>: Apple files and recommends shows by it, and refuses a feed without"
       " one. In a show it is 'category:' (and 'subcategory:') in show.yml, from Apple's list ('Apple Podcasts categories'). Fix: "
       "add <itunes:category text=\"Science\"/>, with a subcategory inside it where one fits: <itunes:category "
       "text=\"Science\"><itunes:category text=\"Earth Sciences\"/></itunes:category>."),
    _r("SHOW010", "apple psp1", E, "category or subcategory not in Apple's list",
       "Apple takes only the categories and subcategories of its list ('Apple Podcasts categories'), spelt exactly: 'Health & "
       "Fitness' (&amp; in XML), 'Stand-Up' with a capital U. The name belongs in the text attribute, not the element's "
       "content, and a subcategory inside its category. Only the first category counts for Apple: an unknown name in a "
       "further top-level itunes:category, or a subcategory written beside its category instead of inside it, is a "
       "warning. The hint writes the category meant (science → Science). In a show: 'category:' and 'subcategory:' in "
       "show.yml (SRC030 there)."),
    _r("SHOW011", "apple psp1", E, "no itunes:explicit",
       "Apple and PSP-1 require <itunes:explicit> on the channel, 'true' or 'false': Apple marks explicit shows, and "
       "listeners with content restrictions on do not see them. In a show it is 'explicit: false' (or true) in show.yml."
       " Fix: add <itunes:explicit>false</itunes:explicit> (or true)."),
    _r("SHOW012", "apple psp1", E, "itunes:explicit is not 'true' or 'false'",
       "Apple and PSP-1 use 'true'/'false'; the older 'yes', 'no', 'clean' are reported as a warning."),
    _r("SHOW013", "psp1", E, "no atom:link rel=\"self\" with the feed's full URL",
       "PSP-1 requires <atom:link rel=\"self\" href=\"…\" type=\"application/rss+xml\"/> with the feed's own full URL: apps "
       "and the Podcast Index take it as the feed's address (and notice a move by it), and the podcast:guid is computed "
       "from it. In a show it is 'feed_url:' in show.yml, or 'url:' followed by feed.xml. Fix: add the element with the "
       "address the feed is served at, and xmlns:atom=\"http://www.w3.org/2005/Atom\" on <rss>."),
    _r("SHOW014", "spotify", E, "no itunes:author", "Spotify requires an author for the show."),
    _r("SHOW015", "apple spotify", W, "no itunes:owner e-mail", "Apple and Spotify send ownership verification to itunes:owner/itunes:email."),
    _r("SHOW016", "apple", E, "itunes:type is not 'episodic' or 'serial'",
       "Apple reads <itunes:type> as 'episodic' (newest first, the default) or 'serial' (in order, from episode 1), "
       "lower case; another value is not one Apple knows. In a show it is 'type: episodic' or 'type: serial' in "
       "show.yml; a serial show needs 'episode:' numbers on every episode (EP010). Fix: write "
       "<itunes:type>episodic</itunes:type> or serial, or leave the element out for an episodic show."),
    _r("SHOW018", "psp1", I, "copyright contains '©', the word 'Copyright' or a year",
       "PSP-1 asks for the holder's name only: the element already means copyright. In a show it is 'copyright:' in "
       "show.yml. Fix: write the holder alone, 'copyright: Maya Okafor' rather than '© 2024 Maya Okafor. All rights "
       "reserved.'"),
    _r("SHOW019", "apple", W, "itunes:block or itunes:complete with a value other than 'Yes'",
       "Only the exact value 'Yes' has an effect; anything else is ignored."),
    _r("SHOW020", "apple", E, "itunes:new-feed-url is not an absolute URL",
       "<itunes:new-feed-url> tells Apple and apps that the feed has moved, and where: it must be the new feed's full "
       "URL (https://new.example.org/feed.xml), or apps cannot follow it. In a show it is 'new_feed_url:' in show.yml. "
       "Fix: give the new feed's full address, and answer the old URL with a 301 redirect to it as well (LED006)."),
    _r("SHOW021", "psp1", W, "channel pubDate or lastBuildDate is not an RFC 2822 date",
       "PSP-1 wants the channel's <pubDate> and <lastBuildDate>, where given, in RFC 2822: 'Sat, 15 Jun 2019 19:00:00 "
       "+0000', English day and month names, a four-digit year and a time zone; apps and directories that cannot read "
       "them may miss that the feed changed. mediafeed writes its dates this way, so this code comes from 'check FEED'. "
       "Fix: write the dates in that form."),
    _r("SHOW022", "apple", W, "the feed has no episodes", "Apple does not accept a show without at least one episode."),
    _r("SHOW024", "psp1 podcastindex", W, "no podcast:locked", "podcast:locked tells other platforms not to import the feed without the owner's consent."),
    _r("SHOW025", "psp1 podcastindex", W, "no podcast:guid", "The show's permanent identifier across platforms and feed moves."),
    _r("SHOW026", "apple", W, "the channel title contains HTML tags",
       "Apps show titles as plain text: '<b>Show</b>' appears with its tags. Apple's guide asks for plain-text titles."),
    _r("SHOW027", "mediafeed", W, "the show artwork URL is http://, not https://",
       "Web players on https pages block http images (mixed content) and apps that load only https show no artwork."),
    _r("SHOW028", "apple", W, "more than one itunes:image in the channel",
       "The channel takes one itunes:image; apps pick the first or the last, so listeners see different artwork."),
    _r("SHOW030", "apple psp1", W, "an element that holds one value is written twice in the channel with different values",
       "Two <language>, <itunes:explicit>, <itunes:type>, <itunes:author>, <description>, … with different values: apps "
       "disagree about the show (podcast-partytime keeps the first; feedparser, podcastparser and AntennaPod the last)."),
    _r("SHOW031", "apple mediafeed", W, "the channel description holds active HTML (a script, an embedded frame, an event handler, a javascript: link)",
       "Apple Podcasts and apps remove <script>, <iframe>, <object>, <embed>, <form>, on…= event attributes and "
       "javascript: links from the HTML they show (or show the page with scripts off): whatever they were meant to do "
       "never reaches a listener. Link to the page instead."),
    _r("SHOW033", "podcastindex", W, "the show's title is longer than the 768 characters the Podcast Index keeps",
       "The Podcast Index stores a show's title in a column of 768 characters (its public database schema, "
       "pcapi_schema.sql: newsfeeds.title varchar(768)) and cuts what is longer; directories show a line of it. Apple "
       "and Spotify publish no figure, but Apple's guide warns that a title stuffed with keywords can get the show "
       "removed. Fix: the show's name alone; what it is about belongs in its description."),
    _r("SHOW034", "apple", W, "the channel's itunes:title, itunes:subtitle or itunes:author is longer than 255 characters",
       "Apple's podcast specification for iTunes limits the values of its tags to 255 characters, itunes:summary "
       "excepted (up to 4000); its present guide asks for a 'clear, concise' title and gives no other figure. "
       "Directories show a line of each: the show's name, a few words under it, who makes it. In a show, 'author' in "
       "show.yml is itunes:author. Fix: shorten it; what the show is about belongs in its description."),
    _r("SHOW035", "mediafeed", W, "the show's title holds text in angle brackets that AntennaPod takes for an HTML tag",
       "As EP139 for an episode: AntennaPod reads the channel's <title> as HTML and leaves '<Beta>' out of 'Tide <Beta>', "
       "which other apps and directories show as typed. Fix: write the title without angle brackets."),
    _r("SHOW032", "mediafeed", W, "the channel's RSS <image> has no <url>, one that is not an absolute http(s) URL, http://, or not an image file (no <title> or <link>: info)",
       "Apple reads itunes:image, but the Podcast Index keeps <image><url> as the feed's image and apps built on "
       "feedparser or podcastparser (gPodder) fall back to it: a missing, relative or http:// url, or the address of a "
       "page, leaves them without artwork. RSS 2.0 also requires <title> and <link> inside <image>."),
    _r("SHOW029", "apple psp1", E, "more than one channel in the feed",
       "RSS 2.0 has one <channel>; apps read the first, so the episodes of any other never reach listeners."),
    # -- podcast: namespace -----------------------------------------------------------------------
    _r("PI001", "podcastindex", E, "podcast:guid is not a UUID",
       "podcast:guid identifies the show across platforms and feed moves, and apps compare it as text: it must be a UUID"
       " written plainly, lower case, 8-4-4-4-12 hex digits, no braces, no 'urn:uuid:' prefix. Text that is no UUID, or "
       "a UUID written another way ({…}, no hyphens), is an error; the hint gives the value to write (the UUIDv5 of the "
       "feed's URL when it is known). In a show mediafeed computes it from the feed URL, or takes 'podcast_guid:' in "
       "show.yml. Fix: write the hint's value, once: it is kept forever (LED004)."),
    _r("PI002", "podcastindex", W, "podcast:guid is not a version 5 UUID",
       "The namespace makes podcast:guid a version 5 UUID, computed from the feed URL (without the scheme and trailing "
       "slashes) in the namespace ead4c236-bf58-58c6-a2c6-a6b28d128cb6, so anyone can work it out from the URL; a random"
       " (version 4) UUID is not. Keep it all the same if the Podcast Index already lists the show under it: the GUID is"
       " never changed once published (LED004). Otherwise write the hint's value; in a show, remove 'podcast_guid:' from"
       " show.yml and mediafeed computes it."),
    _r("PI003", "podcastindex", I, "podcast:guid is not the UUIDv5 of this feed's URL",
       "Fine when the feed moved (the GUID is kept forever); otherwise check it was computed from the feed URL without "
       "the scheme and trailing slashes, namespace ead4c236-bf58-58c6-a2c6-a6b28d128cb6."),
    _r("PI004", "podcastindex", E, "a podcast: URL is not https",
       "The Podcasting 2.0 namespace takes https URLs only in podcast: elements (url, href, img, uri, feedUrl, image, "
       "accountUrl: transcripts, chapters, funding, persons' images, alternate enclosures' sources): apps on https pages"
       " and phones that allow only https do not load plain http. Exempt: loopback addresses (127.0.0.1, localhost) for "
       "previews, a socialInteract post in its protocol's own scheme (at://, nostr:, matrix:) and an alternate "
       "enclosure's source over another transport (ipfs://, magnet:) or to a Tor onion service (http://….onion/, as in "
       "source.md: Tor encrypts it end to end). In a show they are the URLs written in show.yml or "
       "episode.md ('url:' of 'funding:', 'img:' and 'href:' of 'persons:', an alternate enclosure's 'url:') and, for "
       "the files the build publishes (transcripts, chapters, images), 'url:' in show.yml. Fix: serve the file over "
       "https and write the https:// URL."),
    _r("PI005", "podcastindex", E, "podcast:locked is not 'yes' or 'no'",
       "The namespace: \"The node value must be 'yes' or 'no'\". The value in another case ('Yes', 'NO') is reported as a "
       "warning: the parsers seen lower-case it, a strict one need not."),
    _r("PI006", "podcastindex", W, "podcast:locked without an owner e-mail",
       "With podcast:locked yes, platforms refuse to import the feed unless its owner confirms, by e-mail to the owner= "
       "attribute: without one (or with one that is not an e-mail address) nobody can, the owner included. In a show it "
       "is 'locked_owner:' in show.yml, or the owner's e-mail ('owner:') when that is not set. Fix: write "
       "<podcast:locked owner=\"you@example.org\">yes</podcast:locked>."),
    _r("PI007", "podcastindex apple", E, "podcast:transcript without url or a known type",
       "Types: text/vtt, application/x-subrip (application/srt), text/html, application/json, text/plain."),
    _r("PI008", "podcastindex", E, "podcast:chapters without url or with a type other than application/json+chapters",
       "The namespace's chapters tag (docs/tags/chapters.md) requires url and type, JSON chapters being "
       "'application/json+chapters'. type=\"application/json\", which the namespace's own example feed writes and apps "
       "read as JSON chapters all the same, is reported as a warning."),
    _r("PI009", "podcastindex", W, "podcast:funding text longer than 128 characters",
       "The namespace asks that podcast:funding's text, the call to action apps show on a button or link, not exceed 128 "
       "characters \"or it may be truncated by aggregators\" (as for a person's name: PI022); it is published as "
       "written. In a show it is 'text:' of an entry of 'funding:' in show.yml or episode.md. Fix: shorten it ('Support "
       "the show on Patreon') and put the rest on the page the url opens."),
    _r("PI011", "podcastindex", E, "podcast:medium not in the namespace's list",
       "podcast:medium tells apps what the feed is (the namespace's medium.md): podcast, music, video, film, audiobook, "
       "newsletter, blog, publisher, course, each with an 'L' form for a list of remote items (podcastL, musicL…), and "
       "mixed; spelt as there. An app does not know another value, and may show a video or music feed as a podcast. In a"
       " show it is 'medium:' in show.yml (the first nine). Fix: write one of the list, e.g. "
       "<podcast:medium>podcast</podcast:medium>."),
    _r("PI012", "podcastindex", E, "podcast:season or podcast:episode is not a number",
       "podcast:season and podcast:episode hold a number: a season a whole number (season.md in the namespace), an "
       "episode digits with a decimal allowed (episode.md: 4.5 for an episode between 4 and 5); a name goes in the attributes, season name= and episode display=. Text ('two', "
       "'S2', '5a') is not read. In a show they are 'season:' and 'episode:' in episode.md, with 'season_name:' and "
       "'episode_display:' for the labels. Fix: write <podcast:episode display=\"Part 5a\">5</podcast:episode>."),
    _r("PI013", "podcastindex", E, "podcast:soundbite without numeric startTime and duration",
       "A podcast:soundbite marks a stretch of the episode apps play as a preview: startTime and duration are required, "
       "both in seconds (73 or 73.5); a time written 00:01:13, or one left out, is not read. In a show they are 'start:'"
       " and 'duration:' of an entry of 'soundbites:' in episode.md (seconds or HH:MM:SS there; mediafeed writes "
       "seconds), so this code comes from 'check FEED'. Fix: give both in seconds, e.g. <podcast:soundbite "
       "startTime=\"73.0\" duration=\"60.0\">The best minute</podcast:soundbite>."),
    _r("PI014", "podcastindex", E, "podcast:alternateEnclosure without type or podcast:source",
       "A podcast:alternateEnclosure offers the episode in another form (a smaller file, a video, an Opus copy): it "
       "needs type= (the media type) and at least one <podcast:source uri=\"…\"/> inside it, where apps fetch it; without "
       "them apps cannot offer it. In a show it is an entry of 'alternate_enclosures:' in episode.md: its 'file:' (or an"
       " https 'url:') and 'type:', which a file's extension gives where it is left out. Fix: "
       "<podcast:alternateEnclosure type=\"audio/opus\" length=\"BYTES\"><podcast:source "
       "uri=\"https://…/episode.opus\"/></podcast:alternateEnclosure>."),
    _r("PI015", "podcastindex", E, "podcast:person or podcast:license without text",
       "podcast:person's text is the person's name and podcast:license's the license (an SPDX identifier such as "
       "cc-by-4.0, or a name with url=): an empty element shows no one, or no license. In a show they come from 'name:' "
       "of an entry of 'persons:' and from 'license:', in show.yml or episode.md. Fix: write <podcast:person "
       "role=\"host\">Maya Okafor</podcast:person>, or remove the empty element."),
    _r("PI016", "podcastindex", E, "podcast:funding without url", "The url attribute is required: it is where apps send listeners."),
    _r("PI017", "podcastindex", W, "podcast:person role or group not in the Podcast Taxonomy Project's list, or a role "
       "in a group the taxonomy does not put it in",
       "Roles and groups come from the taxonomy (compared case-insensitively), e.g. host, co-host, guest, producer; "
       "apps label people by them and cannot show an unknown one. Each role belongs to a group (a producer to creative "
       "direction, a cover art designer to visuals, an editor to writing or video post-production): apps that list "
       "people by group show a producer written group=\"cast\" among the cast, and one written without group= (which "
       "the namespace reads as cast). In show.yml and episode.md, leave 'group:' out and the role's own group is written."),
    _r("PI018", "podcastindex", W, "a podcast: element where the namespace does not define it",
       "Each tag has its parents (docs/tags/*.md, 'Parent'): podcast:transcript, podcast:chapters and podcast:soundbite "
       "belong in an <item>, podcast:guid, podcast:locked, podcast:medium, podcast:trailer, podcast:block and "
       "podcast:updateFrequency in the <channel>. Apps look for a tag where it belongs and ignore it anywhere else."),
    _r("PI019", "podcastindex", W, "a podcast: element the namespace allows once is given twice",
       "'Count: Single' tags (podcast:guid, podcast:locked, podcast:medium, podcast:license, podcast:chapters, "
       "podcast:season, podcast:episode, podcast:updateFrequency, podcast:podroll, …): apps read one of them, not "
       "always the same one."),
    _r("PI020", "podcastindex", W, "a podcast: tag or attribute the namespace does not define (often a misspelling)",
       "XML names are case-sensitive: apps reading podcast:transcript never see podcast:Transcript, nor startTime "
       "written starttime. The hint names the tag or attribute meant when one is close."),
    _r("PI021", "podcastindex", E, "a podcast: element without an attribute the namespace requires, or with a value "
       "outside the namespace's list or form",
       "For the tags without a code of their own: podcast:trailer (url, pubdate in RFC 2822), podcast:image (href), "
       "podcast:remoteItem (feedGuid, the other feed's podcast:guid: a UUID, which apps look the feed up by), "
       "podcast:podroll (one or more remoteItem), podcast:images (srcset: absolute https URLs, each with its width, "
       "'… 1500w'), podcast:source (uri), podcast:integrity (type sri or pgp-signature, value), "
       "podcast:liveItem (status pending, live or ended; start, and end if given, an ISO 8601 date and time; a "
       "podcast:contentLink inside it, where listeners whose app cannot play the stream go), podcast:contentLink (href), podcast:chat (server, a host "
       "name, and protocol from chatprotocols.txt: irc, xmpp, nostr, matrix), podcast:publisher (exactly one remoteItem, "
       "medium=\"publisher\"); podcast:block "
       "yes or no; podcast:location rel (subject or creator), geo (a geo: URI), osm, country (two letters); "
       "updateFrequency complete, alternateEnclosure default and valueRecipient fee (true or false: apps read 'yes' "
       "as a fee or as a share); transcript rel (captions, its one value); transcript language and alternateEnclosure "
       "lang (language codes, en or en-gb, not English or en_GB); lengths, widths and seasons in digits. "
       "Also a geo URI off the earth (latitude beyond ±90, longitude beyond ±180: often the two swapped), an "
       "updateFrequency rrule that is not an RFC 5545 rule (its parts and their values: BYDAY=MO or 2TU, not MONDAY; "
       "INTERVAL and COUNT 1 or more; BYMONTH 1 to 12, …: iCalendar libraries refuse the whole rule) or whose UNTIL is not "
       "of dtstart's kind (date or date-time), a dtstart that is not an ISO 8601 date or date-time (2026-09-07, "
       "2026-09-07T09:00:00Z), "
       "a podcast:txt purpose=\"ai-content\" other than true or false, a podcast:license that is neither an SPDX "
       "identifier nor one of the namespace's slugs and has no url."),
    _r("PI022", "podcastindex", W, "a podcast: element's text is missing where required, or longer than the namespace's limit",
       "podcast:location, podcast:trailer and podcast:block need text (an error without it). Limits: 128 characters for "
       "persons, locations, licenses, trailers, soundbites, updateFrequency and season names, 4000 for podcast:txt, "
       "32 for an episode's display and an alternate enclosure's title; aggregators may cut what is longer."),
    _r("PI023", "podcastindex", E, "a soundbite starts at or after the end of the episode's audio",
       "A podcast:soundbite is a stretch of the item's enclosure (docs/tags/soundbite.md); one starting after the audio "
       "has ended gives apps nothing to play as a preview or an audiogram."),
    _r("PI024", "podcastindex", W, "a soundbite runs past the end of the episode's audio",
       "Apps stop at the end of the audio, so the soundbite is shorter than written; more than a second past it is "
       "reported (less is the rounding of an editor's timeline)."),
    _r("PI025", "podcastindex", W, "a podcast:block id that is not in the namespace's service slug list",
       "block.md: id is 'a single entry from the service slug list' (serviceslugs.txt); each service looks for its own "
       "slug, so a misspelt one (spotfy) blocks no one. The hint names the slug meant when one is close."),
    _r("PI027", "podcastindex", W, "a podcast:location country that is no ISO 3166-1 country code",
       "location.md: country is 'a two-letter code for the country, following ISO 3166-1 alpha-2'. Two letters that name "
       "no country (UK, reserved by ISO: the United Kingdom's code is GB; EL for Greece, GR) give apps that show the "
       "country, or map the place, none. The hint names the code meant when it is one of those."),
    _r("PI028", "podcastindex", W, "a podcast:publisher whose remoteItem has no feedUrl",
       "publisher.md: the publisher feed reference is one podcast:remoteItem medium=\"publisher\", and 'for widest "
       "compatibility, it is highly recommended to use the feedUrl attribute': most apps cannot look a feedGuid up. "
       "Fix: add the publisher feed's address (show.yml: 'publisher: {feed_guid: …, feed_url: https://…}')."),
    # -- items ---------------------------------------------------------------------------------------
    _r("PI026", "podcastindex", W, "a soundbite shorter than 15 or longer than 120 seconds",
       "The namespace recommends soundbites of 15 to 120 seconds (docs/tags/soundbite.md): apps play them as an "
       "episode's preview or make audiograms of them. The soundbite is published as it is."),
    _r("EP001", "mediafeed apple psp1", E, "two episodes share a GUID",
       "Apps treat them as one episode; one of them disappears. So do two GUIDs that differ only in white space at "
       "either end ('ep-7' and 'ep-7 ', an NBSP): feedparser, podcastparser and podcast-partytime strip it."),
    _r("EP002", "mediafeed", E, "two episode folders differ only in case",
       "Two folders under episodes/ whose names differ only in case (012-Intro and 012-intro) are one address on a "
       "case-insensitive disk (macOS, Windows) and on many hosts: one episode's page and files would overwrite the "
       "other's when the site is copied there. Fix: rename one of the folders (the one not yet published: a folder's "
       "name is its page's address)."),
    _r("EP010", "apple", E, "a serial show with a full episode without an episode number",
       "In a serial show ('type: serial' in show.yml, <itunes:type>serial</itunes:type>) apps play the episodes in order"
       " of itunes:episode, and Apple requires the number on every full episode; a trailer or bonus episode without "
       "one is the show's own trailer or bonus (Apple's guide, itunes:episodeType: with a number it belongs to that "
       "episode), so it needs none. A decimal number (4.5) does not count, "
       "itunes:episode takes whole numbers. Fix: add 'episode: N' to each episode.md's front matter (in a feed, "
       "<itunes:episode>N</itunes:episode> in each item), showing another label with 'episode_display:' where needed, or"
       " make the show 'type: episodic'."),
    _r("EP011", "apple mediafeed", W, "two full episodes share an episode number within a season",
       "Two full episodes (itunes:episodeType full, the default) of one season have the same episode number, so apps "
       "that order a season by number cannot tell which comes first. Trailers and bonus episodes are not counted; a "
       "decimal number (podcast:episode 4.5) is. In a show the message names the other episode.md. Fix: renumber one of "
       "them ('episode:' in its front matter, or 'season:' when it belongs to another season), or mark it 'type: bonus'."),
    _r("EP012", "apple", E, "two episodes share an enclosure URL", "Apple ignores the duplicates."),
    _r("EP013", "mediafeed", I, "media files of two or more episodes share a file name",
       "Podcast apps that save a download under the last part of its URL (podboat, Newsboat's downloader; wget scripts; "
       "some car and MP3-player sync tools) keep one file for every episode whose enclosure, or alternate enclosure "
       "hosted in the show, ends in the same name (final.mp3, audio.mp3, episode.mp3): each download replaces the one "
       "before, or is skipped as already there. Names are compared case-blind (a FAT-formatted player holds one "
       "Audio.mp3 and audio.mp3). Most apps name downloads by episode and are not affected, so it is an info. Fix, for "
       "an episode not yet published (its URL not in published.json): rename the file after the episode "
       "(012-title.mp3) and write the new name in 'audio:' in episode.md (or 'file:' under 'alternate_enclosures'); "
       "'mediafeed add' names a copy so when the name is another episode's or a generic one. Do NOT rename a "
       "published file: a new enclosure URL makes every subscriber's app download the episode again (LED002); leave "
       "published clashes as they are and name new episodes' files after the episode. Episodes dated in the future count "
       "as the feed's: the build that publishes one records its name for good, so the time to rename is before. A "
       "draft may never go out: it is told of a name it shares with any other episode's file, and no other episode is "
       "told to rename for a draft's sake."),
    _r("EP014", "mediafeed", W, "a media file's name is published percent-encoded (a space, an apostrophe, an accent)",
       "A media file named by hand ('Les Fraises d'été.mp3', 'Episode 4 (final).mp3') is published at an address that "
       "percent-encodes its name (Les%20Fraises%20d%27%C3%A9t%C3%A9.mp3). Apps that decode it play it, but some apps, "
       "download tools and players save or show the file under the encoded name, a link pasted by hand breaks at the "
       "space, and an enclosure URL once published never changes. Said only while the file is not published yet "
       "(its URL not in published.json): rename it to lower-case letters, digits and hyphens (the hint gives the name "
       "'mediafeed add' would give the copy) and write the new name in 'audio:' (or 'file:' under "
       "'alternate_enclosures'). A published file keeps its name: renaming it is LED002."),
    _r("EP020", "apple", I, "the episode title repeats the show's name",
       "Apple asks for the episode title alone: apps show the show's name beside every episode already, and a title that"
       " repeats it ('Tidewater: Salt Marsh Carbon') spends the little width a list gives on it, cutting off what tells "
       "episodes apart. It is matched as whole words in 'title' and 'itunes_title' (<title>, <itunes:title>): 'Lab' is "
       "not repeated by 'Collaboration'. An info. Fix: take the show's name out of 'title:' in episode.md."),
    _r("EP021", "apple", I, "the episode title starts or ends with an episode or season number",
       "Apple: no episode or season number in <title> or <itunes:title> ('Episode 3: …', 'Ep 3 …', '#3 - …', 'S1E3 …', "
       "'S2 Ep 3: …', 'Season 2, …', "
       "'… (Ep. 3)'; 'Épisode 3 –', 'Folge 3:', 'Afl. 3' …: French, Spanish, Italian, Portuguese, German and Dutch too); "
       "itunes:episode and itunes:season hold them and apps show them beside the title. A number that is part of the "
       "title ('Top 10', 'Part 2') is none."),
    _r("EP101", "apple psp1 spotify", E, "an episode has no title",
       "Every item needs a <title> (Apple, Spotify, PSP-1): apps list episodes by it. itunes:title alone is not enough: "
       "apps that do not read it list the episode without a name. In a show the title is 'title:' in episode.md (SRC011 "
       "when it is missing), so this code comes from 'check FEED'. Fix: add <title>…</title> to the item."),
    _r("EP102", "apple psp1 spotify", E, "an episode has no enclosure",
       "An item without <enclosure> has no audio to play: Apple, Spotify and PSP-1 require one, and apps leave the item "
       "out. In a show it comes from 'audio:' in episode.md. Fix: add <enclosure "
       "url=\"https://example.org/episodes/12.mp3\" length=\"BYTES\" type=\"audio/mpeg\"/>, length being the file's size in "
       "bytes."),
    _r("EP103", "apple psp1 spotify", E, "the enclosure URL is missing or not an absolute http(s) URL",
       "The enclosure url must be a full http(s) address apps can download (https://example.org/12/episode.mp3): "
       "missing, relative (/media/12.mp3) or of another scheme, apps have nothing to fetch. Also an error: a URL holding"
       " what a URL may not hold as written (spaces, a backslash, characters beyond ASCII such as é; the hint gives it "
       "encoded) or a port above 65535; spaces around it are a warning. In a show the URL is made from 'media_url:' (or "
       "'url:') in show.yml and the file named by 'audio:'. Fix: write the full address, with each space as %20."),
    _r("EP104", "apple psp1 spotify", E, "the enclosure length is missing, zero, not a whole number of bytes or over 1 TB",
       "length is the file's size in bytes; Spotify rejects an enclosure without it, and players use it for progress."),
    _r("EP105", "apple psp1 spotify", E, "the enclosure type is missing",
       "Apple, Spotify and PSP-1 require the enclosure's type: Spotify rejects an enclosure without one, and apps choose"
       " how to play the file by it. mediafeed writes it from the file's real format, so this code comes from 'check "
       "FEED'. Fix: add type=\"audio/mpeg\" for MP3, \"audio/x-m4a\" for M4A, \"video/mp4\" for MP4 video (Apple's "
       "podcast RSS feed requirements)."),
    _r("EP106", "apple spotify", E, "the enclosure type is not a real media type",
       "Use audio/mpeg (MP3), audio/x-m4a or audio/mp4 (M4A), video/mp4, video/quicktime, video/x-m4v. 'audio/mp3' and "
       "'audio/m4a' are not registered types, nor among the types Apple lists."),
    _r("EP107", "apple mediafeed", W, "the enclosure type does not match the file's extension",
       "The enclosure's type should say what its file is: audio/mpeg for .mp3, audio/x-m4a or audio/mp4 for .m4a, "
       "video/mp4 for .mp4; apps pick a player by the type, and a mismatch (type=\"audio/mpeg\" on an .m4a) plays in some "
       "and fails in others. Also reported: an enclosure URL naming a page, an image or a feed (.html, .jpg, .xml) "
       "instead of the media file: apps download it and cannot play it; and one whose path ends in no media "
       "extension (get.php?ep=3, a download-counting URL, …/episodes/3/audio): Apple's guide says the URL's extension "
       "decides whether the episode appears in its directory (the W3C validator's UnsupportedItunesFormat), and such "
       "episodes have vanished from Apple Podcasts. Fix: give the type of the file's real format "
       "(the hint names it), or the URL of the media file itself. In a show mediafeed writes both from the file (a "
       "misnamed file is MED005)."),
    _r("EP108", "apple psp1", E, "an episode has no guid",
       "Every item needs a <guid> (Apple, PSP-1): apps recognise an episode by it from one feed update to the next. "
       "Without one they go by the enclosure URL or the title, so a moved file or a corrected title makes the episode "
       "new again and every subscriber downloads it twice. In a show the GUID is 'guid:' in episode.md (SRC060 when it "
       "is missing: 'mediafeed guid --assign' writes one). Fix: add <guid isPermaLink=\"false\">a UUID</guid>, assigned "
       "once and never changed."),
    _r("EP109", "psp1 mediafeed", W, "the guid is the enclosure URL or the episode's title",
       "A GUID derived from a URL changes when the file moves, one derived from the title ('Salt Marsh Carbon', "
       "'salt-marsh-carbon') when the title is corrected, and every app downloads the episode again; two episodes "
       "of one name share it. PSP-1: not the enclosure URL, not the title."),
    _r("EP110", "psp1", W, "an episode has no pubDate",
       "PSP-1 recommends a <pubDate> on every item: apps order episodes by it and show when each came out; without one "
       "they cannot. In a show it is 'date:' in episode.md. Fix: add <pubDate>Sat, 15 Jun 2019 19:00:00 +0000</pubDate> "
       "(RFC 2822: English day and month names, a numeric time zone)."),
    _r("EP111", "apple psp1", E, "pubDate is not an RFC 2822 date",
       "Write e.g. 'Sat, 15 Jun 2019 19:00:00 +0000': English day and month names, a four-digit year, a time zone. "
       "Four dates RFC 2822's form allows are warnings: a day name that does not fit the date; no space after the day "
       "name's comma ('Mon,04 Mar 2024 …'), which feedparser, and the apps and aggregators built on it, read as no "
       "date at all; a numeric zone no place has (+1900, +0960: zones run from -1200 to +1400), which apps read "
       "as an offset all the same; and a comment after the zone ('+0000 (UTC)', as mail programs write it), which "
       "feedparser, podcastparser and partytime read past but the W3C feed validator calls problematical. A "
       "one-digit hour ('9:00:00') is outside RFC 2822 (two digits) and an error, as the W3C validator says."),
    _r("EP112", "psp1", I, "pubDate uses a time zone name instead of a numeric offset",
       "RFC 2822 still allows a few zone names, but PSP-1 asks for a numeric offset: a reader that does not know EST, "
       "PDT or CEST shifts the episode by hours or cannot read the date. GMT, UT and Z pass. An info. Fix: write the "
       "offset: 'Sat, 15 Jun 2019 14:00:00 -0500' rather than '… EST'. mediafeed writes numeric offsets itself."),
    _r("EP113", "apple psp1", W, "an episode has no description",
       "In a show: an episode.md with no show notes below its front matter (HTML comments alone, such as the one 'mediafeed "
       "add' writes, are none) and no 'summary:'. Its description would repeat the title, which apps show above it."),
    _r("EP114", "apple psp1", E, "the episode description is longer than 4000 bytes",
       "Apple and PSP-1 allow at most 4000 bytes (not characters: é takes two) in an episode's <description> and "
       "itunes:summary; longer text is cut or refused. In a show the build keeps the description within the limit itself"
       " (show notes too long are cut after the last block that fits, with a link to the full notes, which go in "
       "content:encoded and on the page); what it cannot shorten is 'summary:' in episode.md, which becomes "
       "itunes:summary, and a summary too long is not written into the audio's tags either. Fix: shorten 'summary:' to a"
       " sentence or two (the full notes go below the front matter); in another feed, put the full notes in "
       "<content:encoded>."),
    _r("EP115", "apple", W, "the description uses HTML tags apps do not show",
       "Apple allows p, ol, ul, li, a, b, i, strong and em in descriptions (inside CDATA)."),
    _r("EP116", "apple spotify", W, "no itunes:duration, or one of 0",
       "Apps show the length before the download from itunes:duration; they read 0 as an unknown length."),
    _r("EP117", "apple", E, "itunes:duration is not seconds or HH:MM:SS, or longer than a week",
       "Apple reads itunes:duration as seconds (1834) or HH:MM:SS and MM:SS (0:30:34, 30:34); anything else (1834s, '30 "
       "min', 1:2:3:4) gives apps no length, and a duration over a week is almost always milliseconds written as seconds"
       " (1834000). mediafeed writes the probed length itself, so this code comes from 'check FEED'. Fix: write the "
       "length in whole seconds, e.g. <itunes:duration>1834</itunes:duration>."),
    _r("EP118", "apple", I, "itunes:duration is not in whole seconds",
       "Apple's guide asks for itunes:duration in whole seconds; HH:MM:SS (0:30:34), MM:SS and decimals (1834.5) are "
       "read by most apps, but whole seconds are read alike by all. An info. Fix: write the whole seconds (the hint "
       "gives the number: 1834 for 0:30:34)."),
    _r("EP119", "apple psp1", E, "episode itunes:explicit is not 'true' or 'false'",
       "Apple and PSP-1 take an item's itunes:explicit as 'true' or 'false'. The older 'yes', 'no' and 'clean' (and "
       "'True', in another case) are a warning, anything else an error. In a show it is 'explicit: true' (or false) in "
       "episode.md, and mediafeed writes true or false. Fix: write <itunes:explicit>true</itunes:explicit> or false."),
    _r("EP120", "apple", E, "itunes:episodeType is not full, trailer or bonus",
       "Apple reads itunes:episodeType as exactly 'full' (the default), 'trailer' or 'bonus', lower case: apps show "
       "trailers and bonus episodes apart from the numbered ones. Another value ('Trailer', 'teaser', 'episode') is not "
       "one Apple knows; the hint keeps a 'Trailer' a trailer. In a show it is 'type: trailer' (or full, bonus) in "
       "episode.md. Fix: write <itunes:episodeType>trailer</itunes:episodeType>."),
    _r("EP121", "apple", E, "itunes:season or itunes:episode is not a positive whole number",
       "Apple's itunes:season and itunes:episode take whole numbers from 1: apps show them ('S2 E5') and order episodes "
       "by them. 0, a negative number, a decimal (4.5) or text ('5a') is not read. In a show they are 'season:' and "
       "'episode:' in episode.md (a decimal episode goes into podcast:episode only). Fix: write a whole number, or leave"
       " the element out; show another label with 'episode_display:'."),
    _r("EP122", "apple", W, "episode artwork URL does not end in .jpg, .jpeg or .png",
       "Apple's guide asks for artwork URLs ending in .jpg or .png (.jpeg passes too); some apps and tools drop an "
       "episode image whose URL ends otherwise (.webp, .gif, an image service's address without an extension). A query "
       "after '?' is not counted. In a show the URL is the file named by 'artwork:' in episode.md. Fix: publish the "
       "image under a name ending in .jpg or .png (ART004 checks the name matches the format)."),
    _r("EP123", "mediafeed", W, "more than one enclosure in an episode", "Apps use the first; offer others with podcast:alternateEnclosure."),
    _r("EP124", "psp1", I, "an episode has no link, or one that is not an absolute http(s) URL",
       "PSP-1 recommends an item <link>: the episode's web page, which apps open from the episode. It must be a full "
       "http(s) address; a relative one cannot be opened. mediafeed links each episode's own page. An info. Fix: add "
       "<link>https://example.org/episodes/12/</link>."),
    _r("EP125", "mediafeed", W, "a GUID that is not a URL is marked (or defaults to) isPermaLink=\"true\"",
       "RSS 2.0 reads a guid without isPermaLink=\"false\" as a permalink; the W3C feed validator rejects one that "
       "is not a full URL, and some apps link to it. Add the attribute; never change the GUID text."),
    _r("EP126", "apple", W, "the episode title contains HTML tags",
       "Apps show titles as plain text: '<b>Title</b>' appears with its tags."),
    _r("EP127", "mediafeed", W, "the episode artwork URL is http://, not https://",
       "Web players on https pages block http images (mixed content) and apps that load only https show no artwork."),
    _r("EP129", "apple", W, "an episode's itunes:image has no href, or one that is not an absolute http(s) URL",
       "Apps read the episode artwork from href only; an empty element is ignored or, in some apps, shows no artwork at "
       "all. A relative href (/art/ep1.jpg) is not resolved against the feed's address: apps show the show's artwork."),
    _r("EP130", "apple", W, "an episode's itunes:block has a value other than 'Yes'",
       "Apple keeps an episode out of its directory only for <itunes:block>Yes</itunes:block>; any other value "
       "('yes', 'true', 'Absolutely', empty) has no effect, so the episode the producer meant to hide is listed."),
    _r("EP131", "apple psp1", W, "an element that holds one value is written twice in an episode with different values",
       "Two <itunes:explicit>, <pubDate>, <guid>, <title>, <description>, <content:encoded>, … with different values: "
       "podcast-partytime (Podverse) keeps the first, podcastparser (gPodder) and AntennaPod the last, feedparser the "
       "first title and the last of the others, so apps disagree about the episode."),
    _r("EP128", "apple psp1", W, "pubDate is in the future",
       "Checked for feeds given to 'mediafeed check FEED' (against the clock, a day of slack). Apple holds the episode "
       "back until that date; other apps list it at once, first. Not checked for your own show: build decides what is "
       "published when."),
    _r("EP133", "apple mediafeed", W, "an episode's show notes hold active HTML (a script, an embedded frame, an event handler, a javascript: link)",
       "description, content:encoded or itunes:summary holds <script>, <iframe>, <object>, <embed>, <form>, an on…= "
       "event attribute or a javascript: link. Apple Podcasts and apps remove them from the notes they show (or show "
       "them with scripts off): an embedded video player, a sign-up form or a script-driven link never reaches a "
       "listener. Link to the page, player or form instead."),
    _r("EP134", "apple psp1", I, "the GUID is shorter than 8 characters ('1', '0123'): not globally unique",
       "Apps key episodes by GUID within a feed, so a short GUID works as long as it is never reused; but Apple and "
       "RSS ask for a globally unique one, and counters written by hand get reused (a new season numbered from 1 "
       "again, two shows merged): apps then take a new episode for one they already have and never offer it. Keep the "
       "GUIDs already published (changing one makes apps list the episode again); give new episodes a UUID."),
    _r("EP135", "mediafeed", W, "the GUID is longer than 512 characters, or holds a line break, a tab, another space "
       "than ' ' or a character drawn as nothing (a zero-width space, a direction mark, a byte order mark)",
       "Apps compare GUIDs character for character, so such a GUID works, and one an episode was published with must "
       "stay exactly as it is (a changed GUID makes apps list the episode again): an imported show keeps what the old "
       "feed wrote (an item without a GUID is known by its enclosure URL, and a signed media address runs past 512 "
       "characters; a hand-written feed may break a GUID over two lines). But such a GUID is easily changed by "
       "accident (a copy, an editor that joins lines, a form with a length limit), and one holding a character drawn "
       "as nothing (pasted from a web page or a chat) looks like the GUID without it, which is another: give new "
       "episodes a UUID. In a show, the hint says which case it is: a GUID published.json records is kept; for a new "
       "episode it gives the 'guid:' line without the invisible characters."),
    _r("EP136", "podcastindex", W, "the episode's title is longer than the 1,024 characters the Podcast Index keeps",
       "The Podcast Index stores an episode's title in a column of 1,024 characters (its public database schema, "
       "pcapi_schema.sql: nfitems.title varchar(1024)) and cuts what is longer; apps show a line or two of a title, and "
       "the build writes it into the audio's tags too. Apple and Spotify publish no figure, but Apple's guide warns that "
       "a title stuffed with keywords can get a show removed. Fix: a title of a few words; what the episode is about "
       "belongs in its description and notes."),
    _r("EP137", "mediafeed", W, "the enclosure URL is http://, not https://",
       "The episode pages' players (on https pages) upgrade media over http to https, and block it when the host does "
       "not answer there (mixed content); apps that allow only https cannot fetch it, and over plain http a network can "
       "hand over another file (a captive portal's sign-in page, saved as the episode). Artwork over http is "
       "SHOW027/EP127. In a show the enclosure URLs are made from 'media_url:' (or 'url:') in show.yml: write its "
       "https:// address. Loopback previews (127.0.0.1) and Tor onion services are exempt."),
    _r("EP138", "apple", W, "an episode's itunes:title, itunes:subtitle or itunes:author is longer than 255 characters",
       "Apple's podcast specification for iTunes limits the values of its tags to 255 characters, itunes:summary "
       "excepted (up to 4000); apps show a line of each. In a show, 'itunes_title' in episode.md is itunes:title. Fix: "
       "shorten it; what the episode is about belongs in its summary and notes."),
    _r("EP139", "mediafeed", W, "an episode title holds text in angle brackets that AntennaPod takes for an HTML tag",
       "'Press <Enter>', 'Vec<String>', '<insert name here>': feedparser, podcastparser and Apple show a title as typed, "
       "and AntennaPod, which reads <title> as HTML (Android's Html.fromHtml), leaves the bracketed word out: 'Press "
       "to start', 'Vec'. (A tag of HTML, '<b>', is EP126.) No spelling in the feed reads as typed in both, so write "
       "the title without angle brackets: “Enter”, [Enter] or ‹Enter› (single angle quotation marks, U+2039 and U+203A)."),
    _r("EP132", "apple psp1", W, "pubDate is before 1990",
       "No podcast episode was published before RSS existed: a date such as 1 January 1970 is a missing date written as "
       "zero (the Unix epoch), and apps list the episode last, below the whole back catalogue. The W3C feed validator "
       "calls dates before 1990 implausible."),
    # -- subscriber safety ----------------------------------------------------------------------------
    _r("LED000", "mediafeed", E, "published.json cannot be read, or writes a key twice in one object (an episode's GUID)",
       "A key written twice in one JSON object is an error when the two values differ (every JSON reader, apps' too, keeps the later one: the first is lost without a word) and a warning when they are the same."),
    _r("LED001", "mediafeed apple psp1", E, "a published episode's GUID changed",
       "Apps know an episode by its GUID: under a new one, every app downloads the episode again as a new one and lists "
       "it twice. In a show the GUID is 'guid:' in episode.md, recorded in published.json by the build that published "
       "it; in a feed, <guid>. Fix: restore the published GUID (the hint gives it: 'guid: …'); a corrected title or a "
       "new file name never needs a new GUID."),
    _r("LED002", "mediafeed", E, "a published episode's enclosure URL changed",
       "Fine when deliberate (a re-cut file under a new name): record it with 'build --accept-changes', or --ignore "
       "LED002. In a show the URL comes from the file named by 'audio:' in episode.md and 'url:' or 'media_url:' in "
       "show.yml; when the change was not meant, restore the old file name in 'audio:' (or the old address)."),
    _r("LED003", "mediafeed apple", E, "the audio at a published URL was re-cut",
       "Apple's player loops on a file that changed length at the same URL; give a re-cut file a new name. In a show: "
       "rename the new file (012-episode-v2.mp3) and write that name in 'audio:' in episode.md, keeping 'guid:' as it "
       "is; the build then reports the new URL (LED002), which 'mediafeed build --accept-changes' records."),
    _r("LED004", "mediafeed podcastindex", E, "the show's podcast:guid changed",
       "It identifies the show forever, even after a move: the Podcast Index and apps would take the show for another "
       "one. In a show it is 'podcast_guid:' in show.yml, or computed from the feed URL when that is not set, so moving "
       "the feed without it changes it too. Fix: set 'podcast_guid:' to the recorded value (the hint gives it) and keep "
       "it there."),
    _r("LED005", "mediafeed", W, "a published episode is gone from the feed",
       "An episode recorded as published (in published.json, or in the feed given to --previous) is no longer in the "
       "feed: its folder was removed or renamed, or it was made a draft ('draft: true') or dated in the future. "
       "Subscribers keep the copy they downloaded, 'mediafeed publish --delete' takes its page off the site (its media "
       "stay, for them), and new listeners no longer see it. A warning: removing an episode can be deliberate. Fix, when it "
       "was a mistake: restore the folder (or take out 'draft: true', or correct 'date:') with its GUID unchanged. When "
       "it was deliberate: 'mediafeed build --accept-changes' (or 'publish --accept-changes') records the withdrawal in "
       "published.json ('withdrawn': true; the GUID stays recorded, never to be given to another episode) and says so "
       "once (an info); the warning is not repeated after that, and 'mediafeed list' names the episode on its last "
       "line. The episode may come back later with its GUID, as the same episode (the mark goes)."),
    _r("LED006", "mediafeed apple", W, "the feed's self URL changed without itunes:new-feed-url",
       "Keep the old URL answering with a 301 and add itunes:new-feed-url, or apps keep polling the old one."),
    _r("LED007", "mediafeed apple", W, "the published file's length changes at the same URL",
       "Tags are padded to keep the published length; longer notes that no longer fit change it, and apps may "
       "download the file again or loop. Shorten the notes, or publish the file under a new name."),
    _r("LED008", "mediafeed apple", E, "the feed would be published at another URL than the recorded one",
       "Apps keep polling the URL they subscribed to. Keep the old url, or move deliberately: a 301 redirect (or "
       "itunes:new-feed-url in a last feed) at the old address, then 'build --accept-changes'."),
    _r("LED009", "mediafeed apple", W, "another picture at a published artwork URL",
       "Apple and the apps cache artwork by its URL: a new picture under the old file name (the file is another size "
       "than when it was published) keeps the old cover on every device. Give the new picture a new file name."),
    _r("LED010", "mediafeed", W, "a published episode keeps the GUID an older mediafeed published for it",
       "Before session 30 the source reader changed a GUID as it read it: control characters removed, C1 controls "
       "read as the Windows-1252 characters they stand for (U+0092 as ’), white space at either end stripped. Now a "
       "GUID is published as written; for an episode published.json records with the older form, that form is kept, "
       "as subscribers' apps know the episode by it. Fix: write that form in episode.md (the hint gives the line), or "
       "publish the GUID as written with 'mediafeed build --accept-changes' (apps list the episode again)."),
    # -- hosting (--online) --------------------------------------------------------------------------
    _r("ONL001", "mediafeed apple spotify", E, "a URL is unreachable or answers with an HTTP error",
       "With --online every enclosure, artwork, transcript and chapters URL is fetched as an app would; this one could "
       "not be: the host is not found, refuses the connection or its certificate, or answers 404, 403, 410 or a 5xx "
       "error (after two retries for connection errors, 429 and 5xx). Apple and Spotify refuse episodes whose media they"
       " cannot fetch, and apps show an error to every listener. Fix: check the URL in the message and that the file is "
       "uploaded and public; for your own show, publish first ('mediafeed publish'), then check --online."),
    _r("ONL002", "apple mediafeed", E, "the media host ignores byte ranges (no 206 for Range: bytes=0-1)",
       "Apple's first request is 'Range: bytes=0-1'; without 206 Partial Content, seeking and Apple's validation fail."),
    _r("ONL003", "apple spotify", E, "the served size differs from the enclosure length",
       "The size the host serves (the total of Content-Range, else Content-Length) differs from the enclosure's length: "
       "Apple and Spotify want the file's real size there, and apps use it for progress and to tell a finished download."
       " In a show the length is the built file's own size, so the host serves another file: an older upload, one a host"
       " or CDN re-encoded, or a cached copy. Fix: upload the built file again ('mediafeed publish') and clear the CDN's"
       " cache; in another feed, set length to the real size (the hint gives it) or upload the file the feed describes."),
    _r("ONL004", "apple mediafeed", W, "the served Content-Type differs from what the feed says",
       "The Content-Type the host sends for a file differs from what the feed says (enclosure type, a transcript's or "
       "chapters' type), or artwork is served as something other than image/jpeg or image/png: apps and Apple go by the "
       "header, and may refuse to play or show the file. An enclosure URL that answers with a web page (text/html, or a "
       "body starting with '<': a parked domain, a sign-in or error page) is an error: no app can play it. A file whose "
       "first two bytes (the answer to Apple's 'Range: bytes=0-1') are another format's than the type says, an MP3 "
       "renamed .m4a that name, type and host all call M4A, is a warning too. Fix: make the"
       " host send the type of the file's real format (on S3 or a CDN, the object's Content-Type; on a web server, its "
       "MIME types: .mp3 audio/mpeg, .m4a audio/x-m4a), or point the feed at the media file itself."),
    _r("ONL005", "apple mediafeed", W, "the host does not answer HEAD requests",
       "The host answers a HEAD request with an error (405, 501; the 403 or 404 of a CDN or signed URL that allows "
       "only GET) or not at all, though it serves the file to GET: Apple "
       "and directories check media and artwork with HEAD (Apple asks for artwork served so that a HEAD request works). Fix: "
       "let the server or CDN answer HEAD as it answers GET (most object stores and CDNs do; some redirect or tracking "
       "services do not)."),
    _r("ONL006", "mediafeed", I, "a URL redirects", "Tracking prefixes redirect on purpose; a long chain slows every play."),
    _r("ONL007", "mediafeed", E, "too many redirects, a redirect loop, https redirecting to http, or a redirect to (or, in a "
       "feed read from a public address, a URL at) a private address apps cannot reach",
       "Redirects are followed as podcast apps follow them, up to 16 (Safari's and Apple's limit; the 17th is named); a "
       "loop, more than 16, a redirect from https to plain http (apps refuse the downgrade), or one to an address apps "
       "cannot reach (127.0.0.1, localhost, 10.0.0.5, a cloud's metadata address) is an error: the file plays nowhere. "
       "Fix: point the feed at the file's final URL, remove a tracking prefix that loops, serve https all the way, or "
       "correct the host's redirect to a private address."),
    _r("ONL008", "podcastindex", W, "a transcript or chapters file has no Access-Control-Allow-Origin",
       "Browser players (and the embed player) cannot load it from another origin."),
    _r("ONL009", "mediafeed", E, "a server did not answer in time",
       "The server did not answer within the time allowed for one URL (--timeout, 30 s, redirects and retries included; "
       "5 s to connect, 10 s between reads). A host that slow delays every listener's download. Fix: check the server or"
       " CDN; if it is only far from the machine running the check, try again with a larger --timeout."),
    _r("ONL010", "mediafeed", W, "a file is larger than mediafeed reads to check it",
       "mediafeed reads at most 16 MB of an artwork, transcript or chapters file to check it (docs/checks.md, Limits for"
       " --online); this one is larger, so it was not checked. Artwork that size, or a transcript or chapters file of "
       "megabytes, is almost always the wrong file (the episode's audio linked as its transcript, an unexported TIFF as "
       "artwork). Fix: check the URL points at the right file; artwork is best kept under 512 KB (ART009)."),
    # -- configuration of the checks -------------------------------------------------------------------
    _r("CHK001", "mediafeed", E, "unknown rule set or code in --select, --ignore, --explain or show.yml's checks",
       "A name given to --select, --ignore or --explain, or under 'checks: select/ignore' in show.yml, is neither a rule"
       " set (apple, spotify, psp1, podcastindex, mediafeed) nor a problem code or code prefix (EP104, ART, EP1). It is "
       "an error (on the command line, exit 2) rather than skipped, so a typo never silently turns a rule off; the hint "
       "names the name meant when one is close, and a code of another command (IMP002 of 'mediafeed import') names the "
       "guide that explains it. Fix: correct the name; 'mediafeed check --explain all' lists every code."),
    _r("CHK002", "mediafeed", E, "both a FEED and --show given",
       "check reads either a FEED (a file or an http(s) URL) or a show folder (the current one, or --show DIR), not both"
       " at once: given both, it cannot tell which to check, so it stops (exit 2). Fix: run 'mediafeed check FEED' for a"
       " feed, or 'mediafeed check --show DIR' for a show; a show's check already renders its feed in memory and holds "
       "it to every feed rule."),
]

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}


def explain(code: str) -> Rule | None:
    return RULES.get(code.strip().upper())


def known_pattern(pattern: str) -> bool:
    """A rule set name, a code, or a code prefix such as ``ART`` or ``EP1``."""
    value = pattern.strip()
    if value.lower() in RULE_SETS:
        return True
    return any(code.startswith(value.upper()) for code in RULES)


def in_sets(code: str, sets: set[str]) -> bool | None:
    """Whether the code belongs to any of ``sets``; None for codes not in the registry."""
    rule = RULES.get(code)
    if rule is None:
        return None
    return bool(sets.intersection(rule.sets))


def problem(code: str, file: str, message: str, field: str = "", hint: str = "", episode: str = "",
            severity: Severity | None = None, episodes: tuple[str, ...] = ()) -> Problem:
    """A problem with the registry's severity for ``code`` (unless one is given)."""
    return Problem(file=file, code=code, severity=severity or RULES[code].severity, message=message, field=field,
                   hint=hint, episode=episode, episodes=episodes)
