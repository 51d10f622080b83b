from django.urls import path

from armstrace.exchange import digest_views, views

app_name = "exchange"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("preferences/", views.preferences, name="preferences"),
    path("search/", views.search, name="search"),
    path("threads/new/", views.thread_create, name="thread-create"),
    path("threads/<int:pk>/", views.thread, name="thread"),
    path("threads/<int:pk>/reply/", views.thread_reply, name="thread-reply"),
    path("threads/<int:pk>/members/", views.thread_members, name="thread-members"),
    path("messages/<int:pk>/edit/", views.message_edit, name="message-edit"),
    path("attachments/<int:pk>/", views.attachment, name="attachment"),
    path("digest/", digest_views.digest_list, name="digest"),
    path("digest/<int:pk>/", digest_views.digest_case, name="digest-case"),
    path("digest/print/", digest_views.digest_print, name="digest-print"),
    path("digest/new/", digest_views.digest_create, name="digest-create"),
]
