"""The Podcast Taxonomy Project's roles and groups (taxonomy.json of the podcast namespace), which
``podcast:person`` takes its ``role`` and ``group`` from, in lower case: the namespace compares them
case-insensitively. Each role belongs to one group, except ``editor`` (writing, and video post-production)."""

from __future__ import annotations

#: group → its roles, in the taxonomy's order ("translater" was the taxonomy's own spelling until 2024)
GROUP_ROLES: dict[str, tuple[str, ...]] = {
    "creative direction": ("director", "assistant director", "executive producer", "senior producer", "producer",
                           "associate producer", "development producer", "creative director"),
    "cast": ("host", "co-host", "guest host", "guest", "voice actor", "narrator", "announcer", "reporter"),
    "writing": ("author", "editorial director", "co-writer", "writer", "songwriter", "guest writer", "story editor",
                "managing editor", "script editor", "script coordinator", "researcher", "editor", "fact checker",
                "translator", "translater", "transcriber", "logger"),
    "audio production": ("studio coordinator", "technical director", "technical manager", "audio engineer",
                         "remote recording engineer", "post production engineer"),
    "audio post-production": ("audio editor", "sound designer", "foley artist", "composer", "theme music",
                              "music production", "music contributor"),
    "administration": ("production coordinator", "booking coordinator", "production assistant", "content manager",
                       "marketing manager", "sales representative", "sales manager"),
    "visuals": ("graphic designer", "cover art designer"),
    "community": ("social media manager",),
    "misc.": ("consultant", "intern"),
    "video production": ("camera operator", "lighting designer", "camera grip", "assistant camera"),
    "video post-production": ("editor", "assistant editor"),
}
PERSON_GROUPS = frozenset(GROUP_ROLES)
PERSON_ROLES = frozenset(role for roles in GROUP_ROLES.values() for role in roles)
#: the group a person with no ``group:`` is written in: the namespace assumes cast when the attribute is absent
DEFAULT_GROUP = "cast"


def role_groups(role: str) -> tuple[str, ...]:
    """The groups the taxonomy puts ``role`` in (lower case, spaces as one), the first the one it lists first;
    () for a role outside the taxonomy."""
    role = " ".join(role.lower().split())
    return tuple(group for group, roles in GROUP_ROLES.items() if role in roles)


def default_group(role: str) -> str:
    """The ``group`` written for a person given ``role`` and no group: the role's own taxonomy group (an editor's
    is writing, which the taxonomy lists first), cast for a role outside it."""
    return next(iter(role_groups(role)), DEFAULT_GROUP)
