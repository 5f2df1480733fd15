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


def test_the_bands_the_store_indexes_are_the_lsh_bands() -> None:
    # the store looks candidates up by band (migration 017): the same bands as the in-memory LSH's
    from datasketch import MinHashLSH

    from talaia.ingest.dedupe import NUM_PERM
    from talaia.store.migrations import MINHASH_BAND_VALUES, MINHASH_BANDS

    lsh = MinHashLSH(threshold=max(0.3, NearDuplicateIndex().threshold - 0.25), num_perm=NUM_PERM)
    assert lsh.hashranges == [(b * MINHASH_BAND_VALUES, (b + 1) * MINHASH_BAND_VALUES) for b in range(MINHASH_BANDS)]


def test_a_stored_near_duplicate_is_found_in_the_store(store_db: str) -> None:
    # ingest no longer reads every stored signature: a new document's candidates are looked up by band, and
    # they are the ones the in-memory index finds
    from talaia.models import Document
    from talaia.store import StoreItem, open_store

    stories = {"original": STORY, "other": STORY.replace("twelve soldiers", "a farmer").replace("armed forces",
                                                                                              "countryside")
               + " Relatives buried him on Thursday in the village cemetery, where hundreds gathered in silence."}
    with open_store(store_db) as store:
        store.write_batch([StoreItem(Document(id=k, text=t), k, content_hash(t),
                                     NearDuplicateIndex.to_bytes(minhash_signature(t)), extractor_version="test")
                          for k, t in stories.items()])
        stored = NearDuplicateIndex(stored=store.near_duplicate_candidates)
        in_memory = NearDuplicateIndex()
        for key, text in stories.items():
            in_memory.add(key, minhash_signature(text))
        syndicated = STORY.replace("officials said", "officials told reporters") + " (Wire)"
        unrelated = ("Protesters marched through the capital on Sunday demanding the release of jailed teachers, "
                     "and police blocked the main avenue for several hours before the crowd dispersed peacefully.")
        for text in (syndicated, unrelated, stories["other"] + " (Radio)"):
            assert stored.find(text) == in_memory.find(text)
        assert stored.find(syndicated) == "original" and stored.find(unrelated) is None
        assert stored.signature("original").jaccard(minhash_signature(STORY)) == 1.0
        stored.remove("original")  # replaced by a newer version in this run: no longer a candidate
        assert stored.find(syndicated) is None
        assert len(store.near_duplicate_candidates(NearDuplicateIndex.to_bytes(minhash_signature(STORY)))) >= 1
