"""Included at the site root: /agenda/... and /themagroepen/<slug>/bijeenkomsten/...

All group paths are longer than the themagroepen app's ``/themagroepen/<slug>/``, so they
never shadow it.
"""

from django.urls import path

from themagroepen.bijeenkomsten import agenda_views, views

app_name = "bijeenkomsten"
GROUP = "themagroepen/<slug:slug>/bijeenkomsten/"
urlpatterns = [
    path("agenda/", agenda_views.month_view, name="agenda"),
    path("agenda/abonneren/", agenda_views.feed_settings, name="feed_settings"),
    path("agenda/feed/<str:token>.ics", agenda_views.feed, name="feed"),
    path(GROUP, views.group_list, name="group_list"),
    path(GROUP + "nieuw/", views.create, name="create"),
    path(GROUP + "reeks/<int:pk>/bewerken/", views.create, name="edit"),
    path(GROUP + "reeks/<int:pk>/agenda.ics", views.series_ics, name="series_ics"),
    path(GROUP + "<int:pk>/", views.detail, name="detail"),
    path(GROUP + "<int:pk>/inschrijven/", views.register, name="register"),
    path(GROUP + "<int:pk>/uitschrijven/", views.cancel, name="cancel"),
    path(GROUP + "<int:pk>/deelnemers/", views.participants, name="participants"),
    path(GROUP + "<int:pk>/deelnemers.csv", views.participants_csv, name="participants_csv"),
    path(GROUP + "<int:pk>/agenda.ics", views.occurrence_ics, name="ics"),
    path(GROUP + "<int:pk>/verslag/", views.verslag, name="verslag"),
    path(GROUP + "<int:pk>/verslag/discussie/", views.start_discussion, name="start_discussion"),
    path(
        GROUP + "<int:pk>/bijlagen/<int:attachment_pk>/verwijderen/", views.attachment_delete, name="attachment_delete"
    ),
    path(GROUP + "<int:pk>/bijlagen/<int:attachment_pk>/<str:filename>", views.attachment_download, name="attachment"),
]
