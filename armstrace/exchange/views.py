from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from armstrace.accounts.personal import record_read
from armstrace.core.forms import run_service
from armstrace.exchange import access, attachments, forms, fulltext, markup, notifications, panels, services
from armstrace.exchange.models import Attachment, Message, Preference, SearchEntry


def visible_thread(user, pk):
    thread = access.visible_threads(user).filter(pk=pk).first()
    if thread is None:
        raise Http404  # a thread one may not read does not exist for them
    return thread


def log_thread_read(request, thread):
    if thread.holds_personal_data:
        record_read(request, "exchange_thread", {"id": thread.pk, "name": thread.subject}, ["messages"])


def inbox(request):
    user = request.user
    threads = access.visible_threads(user).prefetch_related("links")[:100]
    unread = set(notifications.unread_threads(user).values_list("pk", flat=True))
    preference, _created = Preference.objects.get_or_create(user=user)
    return render(request, "exchange/inbox.html", {
        "threads": threads, "unread": unread, "counts": notifications.unread_counts(user),
        "preference_form": forms.PreferenceForm(instance=preference), "search_form": forms.SearchForm()})


@require_POST
def preferences(request):
    preference, _created = Preference.objects.get_or_create(user=request.user)
    form = forms.PreferenceForm(request.POST, instance=preference)
    if form.is_valid():
        form.save()
        messages.success(request, _("Preferences saved."))
    return redirect("exchange:inbox")


def thread_create(request):
    form = forms.ThreadForm(request.POST or None, request.FILES or None,
                            initial={"link": request.GET.get("link", "")})
    target = panels.resolve_target(request.user, request.POST.get("link") or request.GET.get("link"))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        data = services.ThreadInput(
            subject=d["subject"], kind=d["kind"], text=d["text"], text_format=d["text_format"],
            users=list(d["users"]), agencies=list(d["agencies"]), links=[target] if target else [],
            files=d["attachments"], holds_personal_data=d["holds_personal_data"])
        thread = run_service(form, lambda: services.create_thread(request.user, data))
        if thread:
            messages.success(request, _("Thread opened."))
            return redirect("exchange:thread", pk=thread.pk)
    return render(request, "exchange/thread_form.html", {"form": form, "target": target})


def _posts(thread):
    posts = list(thread.messages.select_related("sender").prefetch_related("attachments"))
    for message in posts:
        message.html = markup.render(message.text, message.text_format)
    return posts


def thread(request, pk):
    thread = visible_thread(request.user, pk)
    log_thread_read(request, thread)
    posts = _posts(thread)
    services.mark_read(thread, request.user, posts[-1].pk if posts else 0)
    may_post = access.may_post(request.user, thread)
    return render(request, "exchange/thread.html", {
        "thread": thread, "posts": posts, "may_post": may_post, "form": forms.MessageForm() if may_post else None,
        "members": thread.members.select_related("user", "agency"),
        "links": [(panels.kind_of(link.target), link.target) for link in thread.links.all() if link.target]})


@require_POST
def thread_reply(request, pk):
    thread = visible_thread(request.user, pk)
    form = forms.MessageForm(request.POST, request.FILES)
    if form.is_valid():
        d = form.cleaned_data
        if run_service(form, lambda: services.post_message(thread, request.user, d["text"], d["text_format"],
                                                           d["attachments"])):
            return redirect("exchange:thread", pk=thread.pk)
    return render(request, "exchange/thread.html", {"thread": thread, "posts": _posts(thread), "may_post": True,
                                                    "form": form, "members": thread.members.all(), "links": []},
                  status=400)


def message_edit(request, pk):
    message = get_object_or_404(Message, pk=pk, thread__in=access.visible_threads(request.user))
    form = forms.EditForm(request.POST or None, initial={"text": message.text, "text_format": message.text_format})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if run_service(form, lambda: services.edit_message(message, request.user, d["text"], d["text_format"])):
            return redirect("exchange:thread", pk=message.thread_id)
    return render(request, "exchange/edit_form.html", {"form": form, "message": message,
                                                       "versions": message.versions.all()})


def thread_members(request, pk):
    thread = visible_thread(request.user, pk)
    form = forms.MembersForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if run_service(form, lambda: services.add_members(thread, request.user, d["users"], d["agencies"])) is None \
                and not form.errors:
            return redirect("exchange:thread", pk=thread.pk)
    return render(request, "exchange/members_form.html", {"form": form, "thread": thread})


def attachment(request, pk):
    attachment = get_object_or_404(Attachment, pk=pk, message__thread__in=access.visible_threads(request.user))
    log_thread_read(request, attachment.message.thread)
    path = attachments.path_of(attachment.sha256)
    if not path.exists():
        raise Http404
    return FileResponse(path.open("rb"), content_type=attachment.content_type, filename=attachment.file_name,
                        as_attachment=not attachment.is_image)


def search(request):
    form = forms.SearchForm(request.GET or None)
    results = []
    if form.is_valid():
        results = search_threads(request.user, form.cleaned_data["q"])
    return render(request, "exchange/search.html", {"form": form, "results": results,
                                                    "searched": form.is_bound})


def search_threads(user, query):
    """[(thread, [matching messages])] of the threads `user` may read, best match first."""
    ids = fulltext.matches("exchange_searchentry", "body", query)
    entries = SearchEntry.objects.filter(pk__in=ids, thread__in=access.visible_threads(user)).select_related(
        "thread", "message")
    by_id = {e.pk: e for e in entries}
    grouped = {}
    for pk in ids:
        entry = by_id.get(pk)
        if entry is not None:
            hits = grouped.setdefault(entry.thread, [])
            if entry.message is not None:
                hits.append(entry.message)
    return list(grouped.items())
