"""OpenAPI description of the inbox (not a DRF endpoint): what partners, and the schemathesis fuzz, POST to it."""

_REFUSED = {"type": "object", "required": ["status", "code", "detail"],
            "properties": {"status": {"enum": ["refused"]}, "code": {"type": "string"}, "detail": {"type": "string"}}}
_ACCEPTED = {"type": "object", "required": ["status", "message_id", "receipt", "replies"],
             "properties": {"status": {"enum": ["accepted"]}, "message_id": {"type": "string"},
                            "receipt": {"type": "string"}, "replies": {"type": "array", "items": {"type": "string"}}}}


def inbox_openapi(examples=()) -> dict:
    """The inbox's OpenAPI 3 document; `examples` are request bodies (compact JWS texts) to try first."""
    media = {"schema": {"type": "string", "maxLength": 4000}}
    if examples:
        media["examples"] = {f"example{i}": {"value": text} for i, text in enumerate(examples)}
    refused = {"description": "refused, with its code", "content": {"application/json": {"schema": _REFUSED}}}
    return {
        "openapi": "3.0.3", "info": {"title": "ArmsTrace federation inbox", "version": "1"},
        "paths": {"/federation/inbox/": {"post": {
            "operationId": "federation_inbox", "requestBody": {"required": True, "content": {
                "application/jose": media, "text/plain": media}},
            "responses": {"200": {"description": "accepted: a signed receipt and any replies",
                                  "content": {"application/json": {"schema": _ACCEPTED}}},
                          **{code: refused for code in ("400", "403", "409", "413", "421", "422")}}}}},
    }
