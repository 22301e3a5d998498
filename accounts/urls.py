from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("profiel/", views.profile, name="profile"),
    path("profiel/bewerken/", views.profile_edit, name="profile_edit"),
    path("mijn-gegevens/", views.data_export, name="data_export"),
    path("verwijderen/", views.delete_account, name="delete"),
    path("verificatie-vereist/", views.verification_required, name="verification_required"),
    path("organisatie-suggestie/", views.organisation_suggestion, name="organisation_suggestion"),
]
