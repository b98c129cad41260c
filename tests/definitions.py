"""Rules from the README written out as tables, for tests to compare against.

Hand-written from the definitions, never computed with the code under test.
"""

from positions.models.choices import Stance

STANCE_BY_NAME = {
    "rejects": Stance.REJECTS,
    "opposes": Stance.OPPOSES,
    "ambiguous": Stance.AMBIGUOUS,
    "open": Stance.OPEN,
    "supports": Stance.SUPPORTS,
}

# A position's shift from the party's previous published position on the topic. Rows: the
# previous stance; columns: the new one. = unchanged, S towards_support, J towards_rejection,
# R reversal (crossing from one side of zero to the other; ambiguous is on neither side).
SHIFTS = """
            rejects  opposes  ambiguous  open  supports
rejects     =        S        S          R     R
opposes     J        =        S          R     R
ambiguous   J        J        =          S     S
open        R        R        J          =     S
supports    R        R        J          J     =
"""
SHIFT_NAMES = {
    "=": "unchanged",
    "S": "towards_support",
    "J": "towards_rejection",
    "R": "reversal",
}


def read_table(text: str) -> dict[tuple[str, str], str]:
    """A table of marks by (row name, column name)."""
    header, *rows = text.strip().splitlines()
    columns = header.split()
    table = {}
    for row in rows:
        first, *marks = row.split()
        for second, mark in zip(columns, marks, strict=True):
            table[(first, second)] = mark
    return table


SHIFT_TABLE = {
    (STANCE_BY_NAME[before], STANCE_BY_NAME[after]): SHIFT_NAMES[mark]
    for (before, after), mark in read_table(SHIFTS).items()
}
