"""What the API shows of each record, and what it accepts for writes.

Popolo names are used where they fit (``classification``, ``start_date``, ``end_date``,
``role``, ``memberships``, ``identifiers``, ``sources``), so civic-tech tools recognise them.
Every resource links to itself (``url``) and, where it has one, its public page (``html_url``).
"""

from positions.api.serializers.brief import (
    PartyBriefSerializer,
    PersonBriefSerializer,
    SourceBriefSerializer,
    TopicBriefSerializer,
)
from positions.api.serializers.deletions import DeletionSerializer
from positions.api.serializers.fields import (
    SCORE_HELP,
    STANCE_HELP,
    STANCE_LABELS,
    BlankAsNullChoiceField,
    RecordLinkField,
)
from positions.api.serializers.read import (
    EventSerializer,
    MembershipSerializer,
    PartySerializer,
    PersonSerializer,
    PositionRevisionSerializer,
    PositionSerializer,
    SourceSerializer,
    TopicSerializer,
)
from positions.api.serializers.write import (
    PositionWriteSerializer,
    RetractSerializer,
    SendBackSerializer,
    VersionSerializer,
)

__all__ = [
    "SCORE_HELP",
    "STANCE_HELP",
    "STANCE_LABELS",
    "BlankAsNullChoiceField",
    "DeletionSerializer",
    "EventSerializer",
    "MembershipSerializer",
    "PartyBriefSerializer",
    "PartySerializer",
    "PersonBriefSerializer",
    "PersonSerializer",
    "PositionRevisionSerializer",
    "PositionSerializer",
    "PositionWriteSerializer",
    "RecordLinkField",
    "RetractSerializer",
    "SendBackSerializer",
    "SourceBriefSerializer",
    "SourceSerializer",
    "TopicBriefSerializer",
    "TopicSerializer",
    "VersionSerializer",
]
