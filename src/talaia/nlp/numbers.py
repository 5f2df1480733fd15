"""Numbers written in words or digits, English and Spanish, with ACLED's vague-quantity values."""

from __future__ import annotations

import re

UNITS = {
    # English
    "zero": 0, "one": 1, "a": 1, "an": 1, "single": 1, "lone": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "couple": 2, "pair": 2, "both": 2, "dozen": 12, "twin": 2,
    # Spanish
    "cero": 0, "uno": 1, "un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
    "quince": 15, "dieciséis": 16, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18,
    "diecinueve": 19, "veinte": 20, "veintiún": 21, "veintiuno": 21, "veintidós": 22, "veintidos": 22,
    "veintitrés": 23, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26,
    "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30, "cuarenta": 40,
    "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100,
    "ciento": 100, "docena": 12, "ambos": 2, "ambas": 2,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "mil": 1000, "cientos": 100}

# ACLED: vague quantities get a fixed conservative figure
VAGUE = {
    "several": 3, "few": 3, "some": 3, "multiple": 3, "many": 3, "numerous": 3, "various": 3,
    "dozens": 12, "scores": 12, "hundreds": 100, "thousands": 1000,
    "varios": 3, "varias": 3, "algunos": 3, "algunas": 3, "múltiples": 3, "decenas": 12,
    "docenas": 12, "cientos": 100, "centenares": 100, "miles": 1000,
}
_DIGITS = re.compile(r"^\d{1,3}(?:[,.]\d{3})+$|^\d+$")


def parse_number(text: str) -> int | None:
    """'14', '1,200', 'fourteen', 'twenty-one', 'a dozen', 'veintidós', 'dozens' -> int; else None."""
    t = text.strip().lower().replace("\u2013", "-")
    if not t:
        return None
    if _DIGITS.match(t):
        return int(re.sub(r"[,.]", "", t))
    if t in VAGUE:
        return VAGUE[t]
    words = [w for w in re.split(r"[\s-]+", t) if w and w not in {"and", "y"}]
    if not words:
        return None
    total, current = 0, 0
    for w in words:
        if w in UNITS:
            current += UNITS[w]
        elif w in SCALES:
            current = max(current, 1) * SCALES[w]
            if SCALES[w] >= 1000:
                total, current = total + current, 0
        elif _DIGITS.match(w):
            current += int(re.sub(r"[,.]", "", w))
        else:
            return None
    value = total + current
    # "a"/"an" alone mean one; "a dozen" means 12, not 13
    if len(words) >= 2 and words[0] in {"a", "an", "un", "una"}:
        value -= 1
    return value
