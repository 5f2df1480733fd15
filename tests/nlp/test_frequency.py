"""Talaia's word frequencies are wordfreq's, read from a cache that loads without wordfreq."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
import wordfreq

from talaia.nlp.frequency import cache_path, load_wordlist, zipf_frequency

ODD_WORDS = ["", "the", "The", "POLICE", "straße", "ß", "o'clock", "don't", "2024", "a1", "ﬁsh", "ª", "niño",
             "año", "Michoacán", "michoacán", "e\u0301", "東京", "zzqxj", "sicarios", "ejecutan", "-", "police-car"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_answer_is_wordfreqs(lang: str) -> None:
    listed = [w for band in wordfreq.get_frequency_list(lang) for w in band]
    words = random.Random(7).sample(listed, 5000) + listed[:200] + listed[-200:] + ODD_WORDS
    assert [zipf_frequency(w, lang) for w in words] == [wordfreq.zipf_frequency(w, lang) for w in words]


def test_other_languages_are_asked_of_wordfreq() -> None:
    assert zipf_frequency("polizia", "it") == wordfreq.zipf_frequency("polizia", "it") > 0


def test_the_cache_is_built_once_and_read_back(tmp_path: Path) -> None:
    built = load_wordlist("es", tmp_path)
    path = cache_path("es", tmp_path)
    assert built is not None and path is not None and path.exists()
    read = load_wordlist("es", tmp_path)
    assert read is not None
    for word in ("asesinato", "policía", "de", "zzqxj"):
        assert read.zipf(word) == built.zipf(word) == wordfreq.zipf_frequency(word, "es")


def test_a_broken_cache_is_built_again(tmp_path: Path) -> None:
    path = cache_path("en", tmp_path)
    assert path is not None
    path.write_bytes(b"\x80\x05\x95")  # a pickle cut short
    wordlist = load_wordlist("en", tmp_path)
    assert wordlist is not None and wordlist.zipf("killed") == wordfreq.zipf_frequency("killed", "en")
    assert path.stat().st_size > 1_000_000


def test_an_unwritable_cache_folder_still_answers(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    wordlist = load_wordlist("en", blocked / "cache")
    assert wordlist is not None and wordlist.zipf("soldiers") == wordfreq.zipf_frequency("soldiers", "en")


def test_a_warm_process_does_not_import_wordfreq() -> None:
    """wordfreq's import inspects the call stack and its first lookup builds a dict of every word:
    a third of a short command's start-up, which the cache is there to save."""
    zipf_frequency("police", "en"), zipf_frequency("policía", "es")  # the caches exist
    code = ("import sys; from talaia.nlp.language import detect_language; "
            "assert detect_language('Ejecutan a dos policías en Culiacán') == 'es'; "
            "assert detect_language('Gunmen kill two police officers') == 'en'; "
            "print('wordfreq' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
