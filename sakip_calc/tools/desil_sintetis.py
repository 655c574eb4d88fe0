"""DTSEN desil rows for the synthetic data: families per desil bucket per desa (and per kecamatan,
the sum of its desa) in the last year, in two update periods, so the comparison, the bench and the
change-since-previous-period layer have them. Pure numpy; the generator turns them into rows."""

from __future__ import annotations

import numpy as np

# shares of families per bucket (desil 1..6 one tenth each, 7-10 together, a few unranked)
PANGSA = np.array([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.37, 0.03])
PERIODE = ("06", "12")


def desil_desa(rng: np.random.Generator, bdt_jiwa: np.ndarray) -> np.ndarray:
    """Families per desa x period x bucket (DESIL_SEMUA order) from the desa's BDT persons in the
    last year: DTSEN covers more people than BDT (about 1,5x), 3,5 persons a family; poorer desa
    lean to the low desil; the second period moves each count by a few percent."""
    keluarga = bdt_jiwa * rng.uniform(1.3, 1.7, bdt_jiwa.shape) / 3.5
    miring = rng.uniform(0.7, 1.3, (len(bdt_jiwa), 1))  # > 1: more families in desil 1-4
    bobot = (
        PANGSA[None, :] * np.where(np.arange(8) < 4, miring, 1 / miring) * rng.uniform(0.85, 1.15, (len(bdt_jiwa), 8))
    )
    pertama = keluarga[:, None] * bobot / bobot.sum(axis=1, keepdims=True)
    kedua = pertama * rng.normal(1, 0.03, pertama.shape)
    return np.round(np.stack([pertama, kedua], axis=1))


def kolom_desil(
    rng: np.random.Generator,
    bdt_jiwa: np.ndarray,
    desa_kec: np.ndarray,
    n_kec: int,
    urut: np.ndarray,
    tahun: int,
) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Values in row order (period, place as `urut` orders kecamatan and desa, bucket), the
    period label of each row, and the place index (into kecamatan-then-desa) of each row."""
    desa = desil_desa(rng, bdt_jiwa)
    kec = np.zeros((n_kec, 2, 8))
    np.add.at(kec, desa_kec, desa)
    semua = np.concatenate([kec, desa])[urut]  # places x periods x buckets
    nilai = semua.transpose(1, 0, 2).ravel()
    periode = [f"{tahun}-{p}" for p in PERIODE for _ in range(len(urut) * 8)]
    tempat = np.tile(np.repeat(np.arange(len(urut)), 8), 2)
    return nilai, periode, tempat
