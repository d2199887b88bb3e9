"""Apple Podcasts categories (the 2019 list Apple still uses; only the first category counts)."""

from __future__ import annotations

APPLE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "Arts": ("Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"),
    "Business": ("Careers", "Entrepreneurship", "Investing", "Management", "Marketing", "Non-Profit"),
    "Comedy": ("Comedy Interviews", "Improv", "Stand-Up"),
    "Education": ("Courses", "How To", "Language Learning", "Self-Improvement"),
    "Fiction": ("Comedy Fiction", "Drama", "Science Fiction"),
    "Government": (),
    "History": (),
    "Health & Fitness": ("Alternative Health", "Fitness", "Medicine", "Mental Health", "Nutrition", "Sexuality"),
    "Kids & Family": ("Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"),
    "Leisure": ("Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies", "Home & Garden",
                "Video Games"),
    "Music": ("Music Commentary", "Music History", "Music Interviews"),
    "News": ("Business News", "Daily News", "Entertainment News", "News Commentary", "Politics", "Sports News",
             "Tech News"),
    "Religion & Spirituality": ("Buddhism", "Christianity", "Hinduism", "Islam", "Judaism", "Religion",
                                "Spirituality"),
    "Science": ("Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics", "Natural Sciences",
                "Nature", "Physics", "Social Sciences"),
    "Society & Culture": ("Documentary", "Personal Journals", "Philosophy", "Places & Travel", "Relationships"),
    "Sports": ("Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf", "Hockey", "Rugby",
               "Running", "Soccer", "Swimming", "Tennis", "Volleyball", "Wilderness", "Wrestling"),
    "Technology": (),
    "True Crime": (),
    "TV & Film": ("After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"),
}


def is_category(category: str, subcategory: str = "") -> bool:
    subs = APPLE_CATEGORIES.get(category)
    if subs is None:
        return False
    return not subcategory or subcategory in subs


def closest_category(name: str) -> str:
    """The Apple category ``name`` was meant to be ('science', 'Health and Fitness', 'Sciense' → 'Science', 'Health &
    Fitness'), or "" when none is close: a hint that names it is one a producer can act on."""
    import difflib

    folded = {category.lower(): category for category in APPLE_CATEGORIES}
    key = " ".join(name.lower().replace(" and ", " & ").split())
    if key in folded:
        return folded[key]
    close = difflib.get_close_matches(key, list(folded), n=1)
    return folded[close[0]] if close else ""


def parent_category(name: str) -> tuple[str, str]:
    """``(category, subcategory)`` when ``name`` is one of Apple's subcategories written as the category ('Food', 'home
    and garden' → ('Arts', 'Food'), ('Leisure', 'Home & Garden')); ``("", "")`` otherwise."""
    key = " ".join(name.lower().replace(" and ", " & ").split())
    for category, subs in APPLE_CATEGORIES.items():
        for sub in subs:
            if sub.lower() == key:
                return category, sub
    return "", ""
