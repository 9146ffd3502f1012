"""Classical test theory for the class report: item, distractor and test statistics.

Plain functions over plain numbers; the definitions, with their sources, are in docs/report.md.
Every figure that needs more students than it has is None (the renderers say "too few students").

- An item's figures are over the students who answered it; x is 1 right, 0 wrong; a student's
  test score is the number of the test's items answered right (an unanswered item scores 0, as
  Moodle scores a question not answered); the rest score is the test score without the item.
- Variances and covariances divide by n - 1 (Moodle's question statistics calculator does so).
- discrimination: Pearson r of x with the rest score (Moodle's discrimination index / 100).
- efficiency: cov(x, rest) / the largest covariance those same values could have (x and rest
  both sorted), as Moodle's discriminative efficiency / 100.
- d27: share right in the upper 27% minus share right in the lower 27% (by test score).
- alpha: Cronbach's alpha (KR-20 for right/wrong items) over every student of the test, with a
  95% confidence interval by Feldt's F distribution, and SEM = SD * sqrt(1 - alpha).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence

#: The least students for a correlation, a 27% group or a distribution's shape to mean anything.
MIN_STUDENTS = 5

#: Moodle's reading of discriminative efficiency: below 15% is dubious.
DUBIOUS_EFFICIENCY = 0.15
#: Discrimination below this does not tell strong from weak students (Moodle: "very weak").
WEAK_DISCRIMINATION = 0.20
#: Facility at or above EASY is too easy, below HARD too hard.
EASY = 0.90
HARD = 0.20
#: A distractor picked by fewer than this share of the students is not working.
RARE_PICK = 0.05
#: Moodle's guidance on alpha.
ALPHA_GOOD = 0.75
ALPHA_POOR = 0.64
#: The share of students in each of the upper and lower groups.
GROUP_SHARE = 0.27


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def sample_variance(values: Sequence[float]) -> float | None:
    n = len(values)
    if n < 2:
        return None
    m = mean(values)
    deviations = [v - m for v in values]
    return sum(map(operator.mul, deviations, deviations)) / (n - 1)


def covariance(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    if len(ys) != n:
        raise ValueError("covariance of sequences of different lengths")
    mx, my = mean(xs), mean(ys)
    return sum(map(operator.mul, [x - mx for x in xs], [y - my for y in ys])) / (n - 1)


def correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson r, or None when either side does not vary (or too few values)."""
    cov = covariance(xs, ys)
    vx, vy = sample_variance(xs), sample_variance(ys)
    if cov is None or not vx or not vy:
        return None
    return max(-1.0, min(1.0, cov / math.sqrt(vx * vy)))


def efficiency(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """cov(x, y) over the largest covariance of the same values (both sorted), or None."""
    cov = covariance(xs, ys)
    most = covariance(sorted(xs), sorted(ys))
    if cov is None or not most:
        return None
    return cov / most


def median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    n = len(ordered)
    middle = n // 2
    return ordered[middle] if n % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def skewness(values: Sequence[float]) -> float | None:
    """Moodle's skewness: k3 / k2^(3/2) from the sample cumulants; None under MIN_STUDENTS."""
    n = len(values)
    if n < max(3, MIN_STUDENTS):
        return None
    m = mean(values)
    m2 = sum((v - m) ** 2 for v in values) / n
    m3 = sum((v - m) ** 3 for v in values) / n
    k2 = n * m2 / (n - 1)
    k3 = n * n * m3 / ((n - 1) * (n - 2))
    return None if k2 == 0 else k3 / k2**1.5


def kurtosis(values: Sequence[float]) -> float | None:
    """Moodle's (excess) kurtosis: k4 / k2^2 from the sample cumulants; None under MIN_STUDENTS."""
    n = len(values)
    if n < max(4, MIN_STUDENTS):
        return None
    m = mean(values)
    m2 = sum((v - m) ** 2 for v in values) / n
    m4 = sum((v - m) ** 4 for v in values) / n
    k2 = n * m2 / (n - 1)
    k4 = n * n * ((n + 1) * m4 - 3 * (n - 1) * m2 * m2) / ((n - 1) * (n - 2) * (n - 3))
    return None if k2 == 0 else k4 / (k2 * k2)


def cronbach_alpha(matrix: Sequence[Sequence[float]]) -> float | None:
    """Cronbach's alpha of a students x items matrix (KR-20 for 0/1 items), or None."""
    if len(matrix) < MIN_STUDENTS or not matrix or len(matrix[0]) < 2:
        return None
    k = len(matrix[0])
    totals = [sum(row) for row in matrix]
    total_variance = sample_variance(totals)
    if not total_variance:
        return None
    item_variances = sum(sample_variance([row[i] for row in matrix]) or 0.0 for i in range(k))
    return k / (k - 1) * (1 - item_variances / total_variance)


def feldt_interval(
    alpha: float, students: int, items: int, confidence: float = 0.95
) -> tuple[float, float]:
    """The confidence interval of alpha by Feldt, Woodruff & Salih (1987)."""
    df1 = students - 1
    df2 = (students - 1) * (items - 1)
    tail = (1 - confidence) / 2
    return (
        1 - (1 - alpha) * f_quantile(1 - tail, df1, df2),
        1 - (1 - alpha) * f_quantile(tail, df1, df2),
    )


# -- the F distribution, for Feldt's interval (no scipy needed) ---------------------------------


def _beta_fraction(a: float, b: float, x: float) -> float:
    # The continued fraction of the incomplete beta function, by the modified Lentz method.
    tiny = 1e-300
    c, d = 1.0, 1 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 500):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= c * d
        if abs(c * d - 1) < 1e-14:
            break
    return result


def beta_regularized(a: float, b: float, x: float) -> float:
    """I_x(a, b), the regularized incomplete beta function."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1) / (a + b + 2):
        return math.exp(log_front) * _beta_fraction(a, b, x) / a
    return 1 - math.exp(log_front) * _beta_fraction(b, a, 1 - x) / b


def f_cdf(value: float, df1: float, df2: float) -> float:
    if value <= 0:
        return 0.0
    return beta_regularized(df1 / 2, df2 / 2, df1 * value / (df1 * value + df2))


def f_quantile(p: float, df1: float, df2: float) -> float:
    """The value the F(df1, df2) distribution is below with probability p (by bisection)."""
    low, high = 0.0, 1.0
    while f_cdf(high, df1, df2) < p:
        high *= 2
    for _ in range(200):
        middle = (low + high) / 2
        if f_cdf(middle, df1, df2) < p:
            low = middle
        else:
            high = middle
        if high - low < 1e-12 * max(1.0, high):
            break
    return (low + high) / 2


# -- readings a teacher understands ---------------------------------------------------------------


def item_flags(
    facility: float, discrimination: float | None, efficiency_value: float | None
) -> list[str]:
    """The words for what is wrong with an item (empty: nothing to say)."""
    flags = []
    if facility >= EASY:
        flags.append("too easy")
    elif facility < HARD:
        flags.append("too hard")
    if discrimination is not None:
        if discrimination < 0:
            flags.append("negative: check the key")
        elif discrimination < WEAK_DISCRIMINATION:
            flags.append("does not discriminate")
    if efficiency_value is not None and efficiency_value < DUBIOUS_EFFICIENCY:
        flags.append("dubious")
    return flags


def alpha_reading(alpha: float | None) -> str:
    """One line on what alpha says about the test (Moodle's guidance)."""
    if alpha is None:
        return f"too few students to judge reliability (fewer than {MIN_STUDENTS})"
    if alpha > ALPHA_GOOD:
        return "reliability satisfactory (alpha above 0.75)"
    if alpha < ALPHA_POOR:
        return "reliability unsatisfactory (alpha below 0.64): the total mixes too much chance"
    return "reliability acceptable but could be better (alpha 0.64 to 0.75)"
