"""Storage layer: the DuckDB file, its schema and every SQL statement of the project.

The modules split it by concern; this package is their one public face (`store.buka`,
`store.tulis_tabel`, ...). It must not import from ingest, calc, presentation or export.
"""

from .agregat import *  # noqa: F403
from .akses import *  # noqa: F403
from .baca import *  # noqa: F403
from .banding import *  # noqa: F403
from .dasar import *  # noqa: F403
from .koneksi import *  # noqa: F403
from .massal import *  # noqa: F403
from .migrasi import *  # noqa: F403
from .skema import *  # noqa: F403
from .temuan import *  # noqa: F403
from .tulis import *  # noqa: F403
