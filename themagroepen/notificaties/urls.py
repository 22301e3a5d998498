from django.urls import path

from themagroepen.notificaties import views

app_name = "notificaties"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("alles-gelezen/", views.mark_all_read, name="mark_all_read"),
    path("e-mail/", views.preferences, name="preferences"),
    path("afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<int:pk>/", views.open_notification, name="open"),
    path("<int:pk>/gelezen/", views.mark_read, name="mark_read"),
]
