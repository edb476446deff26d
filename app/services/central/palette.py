"""Colours and patterns of the answer scale in every chart (PDF and screen).

Okabe-Ito colours are told apart by people with the common colour-vision
deficiencies; each segment also has its own pattern and a printed label, so
a grey-scale print still reads.
"""

from __future__ import annotations

# Okabe & Ito (2008): bluish green, orange, vermillion.
SCALE_COLOURS = {"uppfyllt": "#009E73", "delvis": "#E69F00", "ej_uppfyllt": "#D55E00"}
# none | diagonal lines | cross-hatch
SCALE_PATTERNS = {"uppfyllt": "solid", "delvis": "diagonal", "ej_uppfyllt": "cross"}
# Series colours for comparing groups (own district, city, others).
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
             "#000000")
