"""Security baseline: argon2 password hashes, CSRF on forms, security headers, HttpOnly session cookies."""

from django.test import Client


def test_passwords_are_hashed_with_argon2(django_user_model):
    user = django_user_model.objects.create_user("analyst", password="long-enough-pass-1")
    assert user.password.startswith("argon2$")


def test_login_sets_httponly_samesite_session_cookie_and_security_headers(django_user_model):
    django_user_model.objects.create_user("analyst", password="long-enough-pass-1")
    client = Client()
    page = client.get("/login/")
    assert page["X-Frame-Options"] == "DENY"
    assert page["X-Content-Type-Options"] == "nosniff"
    assert page["Referrer-Policy"] == "same-origin"
    response = client.post("/login/", {"username": "analyst", "password": "long-enough-pass-1"})
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_forms_refuse_posts_without_csrf_token(django_user_model):
    user = django_user_model.objects.create_user("analyst", password="long-enough-pass-1")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post("/registry/holders/new/", {"kind": "person", "name": "X", "identifier": "ID-X"})
    assert response.status_code == 403


def test_api_refuses_anonymous_writes(db):
    assert Client().post("/api/items/", {}).status_code in (401, 403)


def test_repeated_failed_logins_lock_the_account_out(django_user_model):
    django_user_model.objects.create_user("analyst", password="long-enough-pass-1")
    client = Client()
    for _ in range(4):
        assert client.post("/login/", {"username": "analyst", "password": "wrong-guess"}).status_code == 200
    assert client.post("/login/", {"username": "analyst", "password": "wrong-guess"}).status_code == 429
    locked = client.post("/login/", {"username": "analyst", "password": "long-enough-pass-1"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    other = Client().post("/login/", {"username": "someone", "password": "x"})
    assert other.status_code == 200  # other names are not locked out
