from django.urls import path, re_path

from kennisbank.dossiers import verordening_views, views

app_name = "dossiers"
urlpatterns = [
    path("", views.dossier, name="dossier"),
    path("checklist/", views.save_checklist, name="checklist"),
    re_path(r"^dossier\.(?P<fmt>pdf|docx|odt)$", views.export, name="export"),
    path("verordening/nieuw/", verordening_views.start, name="verordening_start"),
    path("verordening/<int:pk>/", verordening_views.detail, name="verordening"),
    path("verordening/<int:pk>/stap/<slug:slug>/", verordening_views.step, name="verordening_step"),
    re_path(
        r"^verordening/(?P<pk>[0-9]+)/verordening\.(?P<fmt>docx|odt)$",
        verordening_views.download,
        name="verordening_download",
    ),
    path("verordening/<int:pk>/modelwijzigingen/", verordening_views.changes, name="verordening_changes"),
]
