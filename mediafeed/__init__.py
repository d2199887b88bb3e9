"""mediafeed: publish a podcast from a folder of episodes.

Reads ``show.yml`` and ``episodes/<slug>/episode.md``, probes and tags the media,
validates against what Apple Podcasts, Spotify and the Podcast Index require,
and writes a static site: an iTunes-compatible RSS feed with the Podcasting 2.0
namespace, show-notes pages and embeddable players.
"""

__version__ = "0.1.0"
