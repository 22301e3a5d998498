from django.urls import path, re_path

from kennisbank.dossiers import views

app_name = "dossiers"
urlpatterns = [
    path("", views.dossier, name="dossier"),
    path("checklist/", views.save_checklist, name="checklist"),
    re_path(r"^dossier\.(?P<fmt>pdf|docx|odt)$", views.export, name="export"),
]
