"""TeX math snippets: the Unicode text machines and the PDF read, and the MathML pages show."""

from __future__ import annotations

import pytest

from cvsite import texmath


@pytest.mark.parametrize(("written", "text"), [
    ("$O(n^2)$", "O(n²)"), (r"$\alpha$-nets", "α-nets"), (r"$\ell_{asso}$-MPC", "ℓₐₛₛₒ-MPC"),
    (r"$\mathbb{R}^d$", "ℝᵈ"), (r"$x_i^T$", "xᵢᵀ"), (r"$O(n \log n)$", "O(n log n)"),
    (r"\(x \leq y\)", "x ≤ y"), (r"x$^\dagger$", "x†"), (r"$\infty$Bench", "∞Bench"),
    ("no math at all", "no math at all")])
def test_math_reads_as_unicode_text(written: str, text: str) -> None:
    assert texmath.plain(written) == text


def test_math_is_mathml_and_the_text_around_it_escaped() -> None:
    html = texmath.to_html("A & B: $O(n^2)$")
    assert html.startswith("A &amp; B: <math xmlns=\"http://www.w3.org/1998/Math/MathML\" ")
    assert "<msup><mi>n</mi><mn>2</mn></msup>" in html


def test_unreadable_math_keeps_the_letter_of_a_macro_of_ones_own() -> None:
    assert texmath.plain(r"$\R^n$ and $\left( x$") == "Rⁿ and ( x"


@pytest.mark.parametrize("tex", [r"$\left( x$", r"$\foo{x}$", r"$\text{<b>x</b>}$", "$\\frac{$"])
def test_math_no_mathml_is_made_of_is_reported_and_shown_as_text(tex: str) -> None:
    assert texmath.unreadable(f"a {tex} b") == [tex]
    html = texmath.to_html(f"a {tex} b")
    assert "<math" not in html and "<b>" not in html and "\\" not in html and "$" not in html


@pytest.mark.parametrize("text", ["Pricing at $5 and $10 per query", "a $ b $ c",
                                  "Save $3 ", "costs $ 5$"])
def test_dollars_that_are_prices_stay_text(text: str) -> None:
    assert "<math" not in texmath.to_html(text)
    assert texmath.plain(text).count("$") == text.count("$")


def test_math_right_before_a_digit_is_still_math() -> None:
    assert "<math" in texmath.to_html("Control with $\\ell$1-regularised least squares")
    assert texmath.plain("$\\ell$1-regularised") == "ℓ1-regularised"
