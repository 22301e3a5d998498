from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from kennisbank.api import views

app_name = "open-data"
urlpatterns = [
    path("", views.ApiRoot.as_view(), name="root"),
    path("schema/", SpectacularAPIView.as_view(api_version="1"), name="schema"),
    path("voorbeelden/", views.VoorbeeldList.as_view(), name="voorbeelden"),
    path("voorbeelden/<int:pk>/", views.VoorbeeldDetail.as_view(), name="voorbeeld"),
    path("publicaties/", views.PublicatieList.as_view(), name="publicaties"),
    path("publicaties/<int:pk>/", views.PublicatieDetail.as_view(), name="publicatie"),
    path("instrumenten/", views.InstrumentList.as_view(), name="instrumenten"),
    path("instrumenten/<int:pk>/", views.InstrumentDetail.as_view(), name="instrument"),
    path("hoofdstukken/", views.HoofdstukList.as_view(), name="hoofdstukken"),
    path("hoofdstukken/<int:pk>/", views.HoofdstukDetail.as_view(), name="hoofdstuk"),
    path("export/voorbeelden.csv", views.VoorbeeldExportCsv.as_view(), name="export-csv"),
    path("export/voorbeelden.json", views.VoorbeeldExportJson.as_view(), name="export-json"),
]
