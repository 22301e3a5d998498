"""Counted nouns in Dutch: "1 regel", "2 regels" (docs/woordenlijst.md; templates use |pluralize)."""


def counted(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"
