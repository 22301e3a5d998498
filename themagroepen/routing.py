"""WebSocket routes of the themagroepen (live updates)."""

from django.urls import path

from themagroepen.discussies.consumers import TopicConsumer
from themagroepen.notificaties.consumers import NotificationConsumer

websocket_urlpatterns = [
    path("ws/meldingen/", NotificationConsumer.as_asgi()),
    path("ws/themagroepen/<slug:slug>/discussies/<int:topic_id>/", TopicConsumer.as_asgi()),
]
