"""Included under /themagroepen/<slug>/discussies/ (every view receives ``slug``)."""

from django.urls import path

from themagroepen.discussies import knowledge_views as knowledge
from themagroepen.discussies import moderation_views as moderation
from themagroepen.discussies import views

app_name = "discussies"
urlpatterns = [
    path("", views.topic_list, name="list"),
    path("nieuw/", views.topic_create, name="create"),
    path("gelezen/", views.mark_group_read, name="mark_read"),
    path("voorbeeld/", views.preview, name="preview"),
    path("noemen/", views.mention_suggestions, name="mention_suggestions"),
    path("meldingen/", moderation.report_list, name="reports"),
    path("meldingen/<int:report_id>/afhandelen/", moderation.report_resolve, name="report_resolve"),
    path("bijlagen/<int:attachment_id>/", views.attachment_download, name="attachment"),
    path("<int:pk>-<slug:topic_slug>/", views.topic_detail, name="topic"),
    path("<int:pk>/reageren/", views.reply_create, name="reply"),
    path("<int:pk>/bewerken/", views.topic_edit, name="topic_edit"),
    path("<int:pk>/geschiedenis/", views.topic_history, name="topic_history"),
    path("<int:pk>/nuttig/", views.topic_useful, name="topic_useful"),
    path("<int:pk>/volgen/", views.topic_follow, name="follow"),
    path("<int:pk>/melden/", moderation.topic_report, name="topic_report"),
    path("<int:pk>/moderatie/", moderation.topic_moderate, name="topic_moderate"),
    path("<int:pk>/verplaatsen/", moderation.topic_move, name="topic_move"),
    path("<int:pk>/kennisbank/", knowledge.topic_propose, name="topic_propose"),
    path("<int:pk>/kennisbankpaginas/", knowledge.topic_pages, name="topic_pages"),
    path("kennisbank/<int:proposal_id>/", knowledge.proposal_answer, name="proposal_answer"),
    path("reacties/<int:reply_id>/", views.reply_fragment, name="reply_fragment"),
    path("reacties/<int:reply_id>/bewerken/", views.reply_edit, name="reply_edit"),
    path("reacties/<int:reply_id>/geschiedenis/", views.reply_history, name="reply_history"),
    path("reacties/<int:reply_id>/nuttig/", views.reply_useful, name="reply_useful"),
    path("reacties/<int:reply_id>/oplossing/", views.reply_solution, name="reply_solution"),
    path("reacties/<int:reply_id>/melden/", moderation.reply_report, name="reply_report"),
    path("reacties/<int:reply_id>/moderatie/", moderation.reply_moderate, name="reply_moderate"),
]
