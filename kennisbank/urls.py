from django.urls import path

from kennisbank import feeds, views

app_name = "kennisbank"
urlpatterns = [
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("feeds/voorbeelden/rss/", feeds.VoorbeeldenRss(), name="feed_voorbeelden_rss"),
    path("feeds/voorbeelden/atom/", feeds.VoorbeeldenAtom(), name="feed_voorbeelden_atom"),
    path("feeds/publicaties/rss/", feeds.PublicatiesRss(), name="feed_publicaties_rss"),
    path("feeds/publicaties/atom/", feeds.PublicatiesAtom(), name="feed_publicaties_atom"),
    path("themas/", views.thema_list, name="themas"),
    path("themas/<slug:slug>/", views.thema_detail, name="thema"),
]
