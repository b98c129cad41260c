from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from positions.models import Event, Party, Person, Position, Role, Source, Topic

for model in (Party, Person, Role, Topic, Source, Position, Event):
    admin.site.register(model, SimpleHistoryAdmin)
