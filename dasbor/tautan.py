"""Links that hold: a choice read from the URL once per session and written back on every run.

One mechanism for the sidebar (agency, year, scale, ...) and for the page widgets the page registry
gives a URL key (`halaman.TAUTAN`). Not Streamlit's `bind="query-params"`: it leaves a default out
of the URL, and defaults here depend on the agency and on which years the data holds, so a saved
link without them could open another view later. A value in a link that is not an option is said
(a warning naming what is shown instead), never silently replaced.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from sakip_calc.presentation import halaman as registri

_DIBACA = "_tautan_dibaca"  # session keys whose link value was read this session
_PERINGATAN = "_peringatan_tautan"  # session key -> (message, the value shown instead)
_STREAMLIT = ("embed", "embed_options")  # Streamlit's own options in a link stay


def halaman(h: registri.Halaman) -> None:
    """Before anything reads the link, with the page this run draws. A link is the bookmark of the
    page it opens: on a session's first run every other page's choices are marked read, so a name
    they share (indikator) is never taken from it later. The URL keeps the sidebar's names and
    this page's; another page's are dropped when the user moves on."""
    if _DIBACA not in st.session_state:
        st.session_state[_DIBACA] = {k for k in registri.KUNCI if k not in h.kunci}
    sah = {*registri.TAUTAN_SIDEBAR, *h.kunci.values(), *_STREAMLIT}
    for k in [k for k in st.query_params if k not in sah]:
        del st.query_params[k]


def teks(x: Any) -> str:
    """How an option is written in a link: its value (codes, years), '' for none."""
    return "" if x is None else str(x)


def baca(
    kunci: str,
    opsi: Sequence | None,
    bawaan: Any,
    apa: str,
    label: Callable[[Any], str] = teks,
    tulisan: Callable[[Any], str] = teks,
    url: str | None = None,
    banyak: bool = False,
    boleh_kosong: bool = False,
    alasan: str = "bukan pilihan di halaman ini",
) -> bool:
    """On the first call for `kunci` in a session, set st.session_state[kunci] from the link's
    value under `url` (default `kunci`), matched through `tulisan` (how an option is written in
    the link), else to `bawaan`. A link value that is not an option gives a warning (through
    `label`, as the widget shows it) and the default. With `banyak` the link holds a list (a
    repeated key; one empty value is an empty choice); with `boleh_kosong` an empty value is the
    choice None; `opsi` None is free text. Returns whether the link was read now."""
    dibaca = st.session_state.setdefault(_DIBACA, set())
    if kunci in dibaca:
        return False
    dibaca.add(kunci)
    url = url or kunci
    if url not in st.query_params:
        st.session_state[kunci] = bawaan
        return True
    if opsi is None:  # free text (a search box): taken as written
        st.session_state[kunci] = st.query_params.get(url)
        return True
    cocok = {tulisan(o): o for o in opsi} | ({"": None} if boleh_kosong else {})
    nilai_url = [x for x in st.query_params.get_all(url) if x != ""] if banyak else [st.query_params.get(url)]
    salah = [x for x in nilai_url if x not in cocok]
    if banyak:
        sah = [cocok[x] for x in nilai_url if x in cocok]
        nilai = sah if sah or not nilai_url else list(bawaan)
        ganti = ", ".join(tulisan(x) for x in nilai) or "semua"
    else:
        nilai = cocok.get(nilai_url[0], bawaan)
        ganti = label(nilai) if nilai is not None else "kosong"
    if salah:
        daftar = ", ".join(f'"{x}"' for x in salah)
        pesan = f"{apa} {daftar} dari tautan {alasan}; yang ditampilkan: {ganti}."
        st.session_state.setdefault(_PERINGATAN, {})[kunci] = (pesan, nilai)
    st.session_state[kunci] = nilai
    return True


def tulis(nilai: dict[str, Any], tulisan: Callable[[Any], str] = teks) -> None:
    """Each value into the URL under its key, defaults too; a list as a repeated key (an empty
    list as one empty value, so that it is not read back as 'the default')."""
    for kunci, x in nilai.items():
        if isinstance(x, list | tuple):
            baru = [tulisan(i) for i in x] or [""]
        else:
            baru = [tulisan(x)]
        if st.query_params.get_all(kunci) != baru:
            st.query_params[kunci] = baru if len(baru) > 1 else baru[0]


def peringatan(kunci: Sequence[str] | None = None) -> None:
    """The warnings of link values that were not options (of `kunci`, default all), shown while
    the choice is still the value shown instead: changing it ends the warning."""
    semua = st.session_state.get(_PERINGATAN, {})
    for k in list(semua) if kunci is None else [k for k in kunci if k in semua]:
        pesan, nilai = semua[k]
        if st.session_state.get(k) == nilai:
            st.warning(pesan, icon=":material/link_off:")
        else:
            del semua[k]


def lupakan(kunci: Sequence[str]) -> None:
    """The warnings of these choices end (the choice was reset by another one)."""
    for k in kunci:
        st.session_state.get(_PERINGATAN, {}).pop(k, None)
