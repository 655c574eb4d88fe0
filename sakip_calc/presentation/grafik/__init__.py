"""Chart builders: pure functions from DataFrames to plotly figures, one module per subject.

One figure feeds the page, the PNG/SVG download and the slide deck, so every figure carries its
own title (subject, unit, year) and source line, Indonesian number separators, and fonts large
enough for a projector. Colours: predikat bands use their scale's colours; everything else uses
the small house palette in `dasar`. No Streamlit, no database: sections pass the rows in.
"""

from .anggaran import *  # noqa: F403
from .banding import *  # noqa: F403
from .capaian import *  # noqa: F403
from .dasar import *  # noqa: F403
from .pemantauan import *  # noqa: F403
from .peta import *  # noqa: F403
from .wilayah import *  # noqa: F403
