"""Calculation: capaian, predikat, serapan, efisiensi, distributions, consistency checks.
Pure functions over DataFrames; `analisis` feeds them from `sakip_calc.store` reads."""
