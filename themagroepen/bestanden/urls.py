"""Included under /themagroepen/<slug>/bestanden/ (every view receives ``slug``)."""

from django.urls import path

from themagroepen.bestanden import views

app_name = "bestanden"
urlpatterns = [
    path("", views.library, name="library"),
    path("uploaden/", views.upload, name="upload"),
    path("mappen/nieuw/", views.folder_create, name="folder_create"),
    path("mappen/<int:folder_id>/", views.folder, name="folder"),
    path("mappen/<int:folder_id>/hernoemen/", views.folder_edit, name="folder_edit"),
    path("mappen/<int:folder_id>/verwijderen/", views.folder_delete, name="folder_delete"),
    path("<int:file_id>/", views.file_detail, name="file"),
    path("<int:file_id>/downloaden/", views.download, name="download"),
    path("<int:file_id>/versies/<int:number>/", views.version_download, name="version"),
    path("<int:file_id>/nieuwe-versie/", views.new_version, name="new_version"),
    path("<int:file_id>/wijzigen/", views.file_edit, name="file_edit"),
    path("<int:file_id>/verwijderen/", views.file_delete, name="file_delete"),
]
