"""Publishing the built site to object storage, a directory or rsync, safely and incrementally.

* ``config``: ``show.yml: publish`` → typed targets, cache policy, notifications
* ``plan``: the local site, each file's headers, the ordered uploads and deletions
* ``manifest``: what mediafeed put on a target (content hashes and headers)
* ``s3`` / ``directory`` / ``rsync``: the targets (boto3 for S3-compatible buckets; a folder; rsync)
* ``notify``: WebSub, Podcast Index and podping after a publish that changed the feed
* ``run``: the recipe
"""

from .run import PublishInterrupted, PublishReport, load_config, publish
from .store import PublishError

__all__ = ["PublishError", "PublishInterrupted", "PublishReport", "load_config", "publish"]
