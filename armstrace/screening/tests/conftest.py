import pytest


@pytest.fixture(autouse=True)
def fresh_watch_list_cache():
    """Each test's database starts anew (ids may be reused): the cached registry watch list does not carry over."""
    from armstrace.screening import services

    services.forget_watch_list()
    yield
    services.forget_watch_list()
