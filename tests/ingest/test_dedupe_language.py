from talaia.ingest.dedupe import NearDuplicateIndex, content_hash, minhash_signature
from talaia.nlp.language import detect_language

STORY = ("Gunmen killed twelve soldiers in an ambush near the town on Tuesday, officials said, in one of the "
         "deadliest attacks on the armed forces this year. The soldiers were patrolling a rural road when "
         "they came under fire from several vehicles, according to a statement from the defence ministry.")


def test_dedupe_content_hash_ignores_whitespace_and_case() -> None:
    assert content_hash("Gunmen  attacked\n a bus") == content_hash("gunmen attacked a bus")
    assert content_hash("Gunmen attacked a bus") != content_hash("Gunmen attacked a car")


def test_dedupe_near_duplicate_found_and_distinct_story_not() -> None:
    index = NearDuplicateIndex()
    index.add("original", minhash_signature(STORY))
    syndicated = STORY.replace("officials said", "officials told reporters") + " (Wire)"
    assert index.find(syndicated) == "original"
    other = ("Protesters marched through the capital on Sunday demanding the release of jailed teachers, "
             "and police blocked the main avenue for several hours before the crowd dispersed peacefully "
             "in the evening, organisers said, adding that more marches were planned for next week.")
    assert index.find(other) is None


def test_dedupe_signature_roundtrip() -> None:
    sig = minhash_signature(STORY)
    again = NearDuplicateIndex.from_bytes(NearDuplicateIndex.to_bytes(sig))
    assert sig.jaccard(again) == 1.0


def test_language_english_and_spanish() -> None:
    assert detect_language("Gunmen killed five police officers in Celaya on Monday.") == "en"
    assert detect_language("Hombres armados asesinaron a cinco policías en Celaya el lunes.") == "es"
    assert detect_language("Asesinan a adulto mayor y a niño en Celaya") == "es"
    assert detect_language("Ejecutan a mujer") == "es"  # three words are enough
    assert detect_language("Gunmen Kill Two Police Officers in Nuevo Laredo") == "en"  # names do not decide
