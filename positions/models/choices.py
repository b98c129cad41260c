"""Vocabularies shared by models, forms, pages and the API."""

from django.db import models


class PartyKind(models.TextChoices):
    STATE = "state", "State"
    ORGANISATION = "organisation", "Alliance or international organisation"
    BLOC = "bloc", "Bloc"
    NON_STATE = "non_state", "Non-state group"


class SourceKind(models.TextChoices):
    NEWS_REPORT = "news_report", "News report"
    INTERVIEW = "interview", "Interview"
    STATEMENT = "statement", "Official statement"
    TRANSCRIPT = "transcript", "Transcript"
    SOCIAL_MEDIA = "social_media", "Social-media post"
    DOCUMENT = "document", "Document"


class Stance(models.IntegerChoices):
    """Ordinal scale: the sign says which side of the proposition, the size how firmly."""

    REJECTS = -2, "rejects"
    OPPOSES = -1, "opposes"
    AMBIGUOUS = 0, "ambiguous"
    OPEN = 1, "open"
    SUPPORTS = 2, "supports"


STANCE_MIN = min(Stance.values)
STANCE_MAX = max(Stance.values)
# Each stance's label by its value, e.g. -2 → "rejects".
STANCE_NAMES = dict(Stance.choices)


class Move(models.TextChoices):
    """What kind of negotiating move a statement is."""

    DEMAND = "demand", "Demand"
    RED_LINE = "red_line", "Red line / precondition"
    PROPOSAL = "proposal", "Proposal"
    ALTERNATIVE = "alternative", "Acceptable alternative"
    OPENNESS = "openness", "Openness"
    ASSESSMENT = "assessment", "Assessment"


MOVE_NAMES = dict(Move.choices)


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    RETRACTED = "retracted", "Retracted"


# Statuses readers may see. Retracted positions stay visible, clearly marked,
# so that anything once cited can still be traced.
PUBLIC_STATUSES = (Status.PUBLISHED, Status.RETRACTED)


class DatePrecision(models.TextChoices):
    """How exactly a date is known; an approximate date is written "about" its month."""

    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    APPROXIMATE = "approximate", "Approximate"


# Long enough for every precision's value.
DATE_PRECISION_LENGTH = 12


class Shift(models.TextChoices):
    """How a position moved from the same party's previous one on the same topic."""

    FIRST = "first", "first statement"
    UNCHANGED = "unchanged", "unchanged"
    TOWARDS_SUPPORT = "towards_support", "towards support"
    TOWARDS_REJECTION = "towards_rejection", "towards rejection"
    REVERSAL = "reversal", "reversal"


class EventKind(models.TextChoices):
    TALKS = "talks", "Talks"
    SUMMIT = "summit", "Summit"
    PROPOSAL = "proposal", "Proposal"
    CEASEFIRE = "ceasefire", "Ceasefire"
    AGREEMENT = "agreement", "Agreement"
    OTHER = "other", "Other"
