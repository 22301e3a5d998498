from django.urls import path

from themagroepen import views

app_name = "themagroepen"
urlpatterns = [
    path("", views.ThemagroepListView.as_view(), name="list"),
    path("<slug:slug>/", views.ThemagroepDetailView.as_view(), name="detail"),
]
