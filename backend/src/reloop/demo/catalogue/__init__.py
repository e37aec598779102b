"""The demo catalogue: hand-written product lines, checked against the real taxonomy."""

from reloop.demo.catalogue import accessories, home, kids, leisure, men, shoes, sport, tech, women
from reloop.demo.catalogue.model import Line

LINES: tuple[Line, ...] = (
    *women.LINES,
    *men.LINES,
    *kids.LINES,
    *shoes.LINES,
    *accessories.LINES,
    *home.LINES,
    *tech.LINES,
    *leisure.LINES,
    *sport.LINES,
)
