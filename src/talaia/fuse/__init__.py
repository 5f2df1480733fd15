"""Fusion: the reports of one incident from different documents become one event."""

from talaia.fuse.cluster import Corrections, fuse
from talaia.fuse.match import FusionSettings, Match, Mention, match
from talaia.fuse.service import FusionExplanation, FusionReport, explain_pair, fuse_store, merge_events, split_event
from talaia.text import content_words

__all__ = ["Corrections", "FusionExplanation", "FusionReport", "FusionSettings", "Match", "Mention", "content_words",
           "explain_pair", "fuse", "fuse_store", "match", "merge_events", "split_event"]
