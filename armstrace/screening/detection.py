"""The optional X-ray detection plug-in: an ONNX model that the State supplies (none is shipped), named in the
profile (`screening: detection: {model: PATH, min_score: 0.5}`), run with onnxruntime on the CPU.

The model's contract: one input, float32 [1, 3, H, W], the image's RGB values scaled to 0-1 and resized to H×W
(the model's own input size); three outputs in this order: boxes float32 [N, 4] (x1, y1, x2, y2, as fractions of
the image), scores float32 [N], labels int64 [N] (indices into XRAY_LABELS: 0 firearm, 1 frame_receiver, ...).
onnxruntime and Pillow are optional imports (the `detection` extra)."""

import io
from dataclasses import dataclass
from functools import lru_cache

from armstrace.core.errors import RuleViolation
from armstrace.screening.models import XRAY_LABELS

LABELS = tuple(XRAY_LABELS)


@dataclass(frozen=True)
class Box:
    label: str
    x: float
    y: float
    width: float
    height: float
    score: float


class Detector:
    def __init__(self, path, min_score=0.5):
        try:
            import onnxruntime
        except ImportError:
            raise RuleViolation("detection_unavailable", "onnxruntime is not installed (the detection extra)") from None
        try:
            self.session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own error types for missing or broken files
            raise RuleViolation("detection_model", f"the detection model {path} cannot be loaded: {exc}") from None
        self.input = self.session.get_inputs()[0]
        self.min_score = min_score

    def _tensor(self, data):
        import numpy as np
        from PIL import Image

        _, _, height, width = self.input.shape
        picture = Image.open(io.BytesIO(data)).convert("RGB").resize((int(width), int(height)))
        return (np.asarray(picture, dtype=np.float32) / 255.0).transpose(2, 0, 1)[None]

    def detect(self, data, image_width, image_height):
        """The boxes (pixels of the image) scoring at least min_score."""
        boxes, scores, labels = self.session.run(None, {self.input.name: self._tensor(data)})[:3]
        found = []
        for (x1, y1, x2, y2), score, label in zip(boxes, scores, labels):
            if score < self.min_score or not 0 <= int(label) < len(LABELS):
                continue
            x1, x2 = sorted((max(0.0, float(x1)), min(1.0, float(x2))))
            y1, y2 = sorted((max(0.0, float(y1)), min(1.0, float(y2))))
            if x2 > x1 and y2 > y1:
                found.append(Box(LABELS[int(label)], x1 * image_width, y1 * image_height, (x2 - x1) * image_width,
                                 (y2 - y1) * image_height, float(score)))
        return found


@lru_cache(maxsize=2)
def _load(path, min_score):
    return Detector(path, min_score)


def detection_settings(rules):
    return rules.data.get("detection")


def detector_for(rules):
    """The profile's detector (loaded once); RuleViolation when the profile names no model."""
    settings = detection_settings(rules)
    if not settings:
        raise RuleViolation("no_detection_model", "the profile names no detection model (screening: detection: model)")
    return _load(settings["model"], settings.get("min_score", 0.5))
