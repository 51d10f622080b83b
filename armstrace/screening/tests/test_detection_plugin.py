"""The optional ONNX detection plug-in, with a tiny model built here with onnx.helper: its boxes become
suggestions that an officer confirms."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from armstrace.core.errors import RuleViolation
from armstrace.screening import xray
from armstrace.screening.ruleset import load_rules
from armstrace.screening.tests.images import png
from armstrace.screening.tests.test_queue_views import stored

onnx = pytest.importorskip("onnx")
pytest.importorskip("onnxruntime")
pytest.importorskip("PIL")
pytestmark = pytest.mark.django_db


def tiny_model(path):
    """Two boxes: the first scored by the image's mean brightness, the second always 0.1; labels barrel, other."""
    from onnx import TensorProto, helper

    def const(name, values, dims, kind=TensorProto.FLOAT):
        return helper.make_node("Constant", [], [name], value=helper.make_tensor(name + "_v", kind, dims, values))

    nodes = [
        const("boxes", [0.25, 0.25, 0.75, 0.5, 0.0, 0.0, 0.1, 0.1], [2, 4]),
        helper.make_node("ReduceMean", ["image"], ["mean"], keepdims=0),
        const("one", [1], [1], TensorProto.INT64),
        helper.make_node("Reshape", ["mean", "one"], ["mean1"]),
        const("low", [0.1], [1]),
        helper.make_node("Concat", ["mean1", "low"], ["scores"], axis=0),
        const("labels", [2, 6], [2], TensorProto.INT64),
    ]
    graph = helper.make_graph(
        nodes, "tiny-xray", [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 3, 8, 8])],
        [helper.make_tensor_value_info("boxes", TensorProto.FLOAT, [2, 4]),
         helper.make_tensor_value_info("scores", TensorProto.FLOAT, [2]),
         helper.make_tensor_value_info("labels", TensorProto.INT64, [2])])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 9
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return path


@pytest.fixture
def image(settings, tmp_path):
    settings.DATA_DIR = tmp_path

    def make(rgb):
        parcel = stored(f"D{sum(rgb)}", "Bicycle parts", "871499")
        return xray.add_image(parcel, SimpleUploadedFile("scan.png", png(200, 100, rgb), content_type="image/png"))
    return make


def test_the_model_runs_on_the_image_and_its_boxes_are_suggestions(image, tmp_path):
    rules = load_rules({"detection": {"model": str(tiny_model(tmp_path / "tiny.onnx")), "min_score": 0.5}})
    bright = image((230, 230, 230))
    (box,) = xray.suggest(bright, rules)  # the 0.1 box is under min_score
    assert (box.label, box.source, box.confirmed) == ("barrel", "model", False)
    assert (box.x, box.y, box.width, box.height) == pytest.approx((50, 25, 100, 25))
    assert box.score == pytest.approx(230 / 255, abs=1e-3)  # the mean of the pixels the model was given
    assert xray.suggest(image((20, 20, 20)), rules) == []  # dark image: its score is under min_score
    xray.confirm_label(box)
    box.refresh_from_db()
    assert box.confirmed


def test_detect_through_the_api_with_the_profile_model(image, tmp_path, settings, client, make_user):
    model = tiny_model(tmp_path / "tiny.onnx")
    import yaml

    data = yaml.safe_load(open(settings.ARMSTRACE_PROFILE, encoding="utf-8"))
    data.setdefault("screening", {})["detection"] = {"model": str(model), "min_score": 0.5}
    profile = tmp_path / "profile.yaml"
    profile.write_text(yaml.safe_dump(data), encoding="utf-8")
    client.force_login(make_user("officer", "customs", agency_kind="customs"))
    bright = image((240, 240, 240))
    settings.ARMSTRACE_PROFILE = profile
    response = client.post(f"/api/screening/xray-images/{bright.pk}/detect/")
    assert response.status_code == 200 and [b["label"] for b in response.json()] == ["barrel"]
    assert "xray-detect" in client.get(f"/screening/xray/{bright.pk}/").content.decode()


def test_no_model_in_the_profile_or_a_broken_file_is_a_clear_error(image, tmp_path, client, make_user):
    client.force_login(make_user("officer2", "customs", agency_kind="customs"))
    plain = image((100, 100, 100))
    response = client.post(f"/api/screening/xray-images/{plain.pk}/detect/")
    assert response.status_code == 400 and "names no detection model" in response.content.decode()
    broken = tmp_path / "broken.onnx"
    broken.write_bytes(b"not a model")
    with pytest.raises(RuleViolation) as refused:
        xray.suggest(plain, load_rules({"detection": {"model": str(broken)}}))
    assert "cannot be loaded" in refused.value.message
