"""Federation pages: the inbox partners POST to, and the pages of users and administrators."""

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from armstrace.federation.inbox import Refused, receive


@csrf_exempt
@require_POST
def inbox(request):
    """POST a compact JWS: 200 {"status": "accepted", "receipt", "replies"} or 4xx {"status": "refused", "code"}."""
    try:
        text = request.body.decode("ascii")
    except UnicodeDecodeError:
        text = "\x00"
    try:
        accepted = receive(text, transport="https", remote=request.META.get("REMOTE_ADDR", ""))
    except Refused as refusal:
        return JsonResponse(refusal.as_dict(), status=refusal.status)
    return JsonResponse({"status": "accepted", "message_id": accepted.message.message_id,
                         "receipt": accepted.receipt.jws if accepted.receipt else "",
                         "replies": [reply.jws for reply in accepted.replies]})
