"""What counts as a credential in show.yml, which is committed with the show: refused (PUB004), never ignored, so it
is noticed and rotated.

A key named like one (``secret``, ``token``, ``password``, ``access_key``…) anywhere under ``publish:``; a URL
holding a password (``https://USER:PASSWORD@host/``) as any value there (an ``endpoint_url`` printed with every error
and report naming the target, or a WebSub hub the feed advertises to everyone: ``atom:link rel="hub"``); and a remote
shell given a password on its command line (``ssh: sshpass -p PASSWORD ssh``, which an rsync hint shows to try).
"""

from __future__ import annotations

import re
from typing import Any

from .addresses import has_password, shell_password
from .errors import Problem, error

SHOW_FILE = "show.yml"
SECRET = re.compile(r"(secret|password|passwd|token|access_key|credential|api_key|apikey)", re.I)


def in_settings(data: Any, where: str) -> list[Problem]:
    """PUB004 for each credential in ``data`` (a mapping of show.yml at ``where``, e.g. "publish"); the values are
    never quoted."""
    found: list[Problem] = []
    if isinstance(data, dict):
        for key, value in data.items():
            path = f"{where}.{key}"
            if SECRET.search(str(key)):
                found.append(error("PUB004", SHOW_FILE, "credentials do not belong in show.yml (it is committed with the show)",
                                   field=path, hint="remove it, rotate the secret, and set it in the environment "
                                   "(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, PODPING_TOKEN) or an AWS profile"))
            else:
                found.extend(in_settings(value, path))
    elif isinstance(data, list):
        for value in data:
            found.extend(in_settings(value, where))
    elif isinstance(data, str) and shell_password(data):
        found.append(error("PUB004", SHOW_FILE, "a password is given on the remote shell's command line (sshpass -p); "
                           "credentials do not belong in show.yml (it is committed with the show, and the command is "
                           "shown in hints)", field=where,
                           hint="remove it and change the password; log in with an ssh key (ssh-copy-id USER@HOST), or "
                                "write 'sshpass -e ssh …' and set the password in the SSHPASS environment variable"))
    elif isinstance(data, str) and has_password(data):
        found.append(error("PUB004", SHOW_FILE, "a URL holds a password (USER:PASSWORD@); credentials do not belong in "
                           "show.yml (it is committed with the show, and a hub's URL is advertised in the feed)", field=where,
                           hint="remove 'USER:PASSWORD@' from the URL and rotate the password; give S3 credentials through "
                                "the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or an AWS profile"))
    return found
