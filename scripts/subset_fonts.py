"""Make the report's fonts: DejaVu Sans 2.37 cut down to the scripts a report needs.

Why: reportlab parses the whole font file when a report process starts; the
full DejaVu Sans (6,253 glyphs, ~700 KB a face) cost about twice what this
subset does, on every ``uppfoljaren report``. The subset keeps every Latin
letter (Swedish, Finnish, Sami, the other European languages, Vietnamese),
Greek, Cyrillic, Armenian, Hebrew, Arabic, Georgian, punctuation, currency,
number forms, arrows, mathematical operators, shapes, symbols and check marks,
the common emoticons and U+FFFD (what the report prints for a character the
font lacks, see app/templates/report/markup.py). It drops the OpenType layout
tables, which reportlab does not use; names, metrics, hinting and outlines
are kept unchanged.

Licence: DejaVu's changes are public domain; the Bitstream Vera licence
allows modified fonts whose names contain neither "Bitstream" nor "Vera", so
the family keeps its name "DejaVu Sans". The licence travels with the fonts
(resources/fonts/DejaVu-LICENSE.txt).

    .venv/bin/python scripts/subset_fonts.py [--source DIR]

DIR holds the original DejaVu Sans 2.37 files (Debian/Ubuntu: fonts-dejavu-core,
/usr/share/fonts/truetype/dejavu; or the dejavu-fonts-ttf-2.37 release); they
are checked against the release's SHA-256 sums. Needs fontTools (the "build"
extra). The output is reproducible: same sources, same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "resources" / "fonts"
DEFAULT_SOURCE = Path("/usr/share/fonts/truetype/dejavu")

# DejaVu Sans 2.37 as released (SHA-256; the same files Debian's fonts-dejavu-core ships).
SOURCES = {
    "DejaVuSans.ttf": "abdc775b21b1bc470d50c97e790d276f2054b7504e56e5bd3e64f48d68582322",
    "DejaVuSans-Bold.ttf": "0d977336a6d5fba34eab8e3199eb218327161b5143749f802982c2bc34df0c96",
    "DejaVuSans-Oblique.ttf": "eef1a593cc0a4654f147fd1aa9a11e7d327eb8be6f3a35099182db6aeb5d28fe",
}

# Inclusive code point ranges kept (see the module docstring).
RANGES = (
    (0x0020, 0x007E), (0x00A0, 0x024F),  # Basic Latin, Latin-1, Latin Extended-A/B
    (0x0250, 0x02FF), (0x0300, 0x036F),  # IPA, spacing modifiers, combining marks
    (0x0370, 0x03FF), (0x0400, 0x052F),  # Greek, Cyrillic
    (0x0530, 0x058F), (0x0590, 0x05FF), (0x0600, 0x06FF),  # Armenian, Hebrew, Arabic
    (0x10A0, 0x10FF), (0x1E00, 0x1EFF), (0x1F00, 0x1FFF),  # Georgian, Latin Ext. Add., Greek
    (0x2000, 0x206F), (0x2070, 0x209F), (0x20A0, 0x20CF),  # punctuation, super/sub, currency
    (0x2100, 0x214F), (0x2150, 0x218F), (0x2190, 0x21FF),  # letterlike, number forms, arrows
    (0x2200, 0x22FF), (0x2300, 0x23FF), (0x2460, 0x24FF),  # maths, technical, enclosed
    (0x25A0, 0x25FF), (0x2600, 0x27BF),  # shapes, symbols, dingbats (check marks)
    (0x2C60, 0x2C7F), (0xA720, 0xA7FF),  # Latin Extended-C/D
    (0xFB00, 0xFB06), (0xFFFC, 0xFFFD),  # ligatures, replacement character
    (0x1F600, 0x1F64F),  # emoticons
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def subset_font(source: Path, target: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.name_IDs = ["*"]  # copyright, licence and names unchanged
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.glyph_names = True
    options.hinting = True
    options.layout_features = []  # reportlab uses no OpenType layout
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "MATH", "FFTM"]
    # Keep head.modified as released: the same sources give the same bytes.
    font = TTFont(source, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for first, last in RANGES for c in range(first, last + 1)])
    subsetter.subset(font)
    font.save(target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE,
                        help="folder with the original DejaVu Sans 2.37 .ttf files")
    args = parser.parse_args()
    for name, expected in SOURCES.items():
        source = args.source / name
        if not source.is_file():
            print(f"{source} is missing", file=sys.stderr)
            return 1
        if sha256(source) != expected:
            print(f"{source} is not DejaVu Sans 2.37 as released", file=sys.stderr)
            return 1
        target = TARGET / name
        subset_font(source, target)
        print(f"{target.relative_to(ROOT)}: {source.stat().st_size // 1024} KB -> "
              f"{target.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
