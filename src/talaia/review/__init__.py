"""Review: an analyst accepts an event, corrects a field or marks it wrong; an audit log of who,
when, before and after, applied when events are read (``talaia.review.service``)."""

from talaia.review.records import ACTIONS, CORRECTABLE_FIELDS, Anchor, Review

__all__ = ["ACTIONS", "CORRECTABLE_FIELDS", "Anchor", "Review"]
