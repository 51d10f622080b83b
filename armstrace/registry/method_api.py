"""API inputs of the manufacture method: on registration, and the conversion and reactivation actions."""

from rest_framework import serializers

from armstrace.core import bounds
from armstrace.core.preconditions import expected_seq_field
from armstrace.registry.methods import MethodInput
from armstrace.registry.models import ConvertedFrom, FirearmType, Item, ManufactureMethod, PrintExtent


class MethodSerializer(bounds.Serializer):
    """How an item was made or changed, with what is known of it."""

    method = serializers.ChoiceField(ManufactureMethod.choices)
    material = serializers.CharField(max_length=500, allow_blank=True, default="")
    evidence = serializers.CharField(max_length=500, allow_blank=True, default="")
    printed = serializers.ChoiceField(PrintExtent.choices, allow_blank=True, default="")
    converted_from = serializers.ChoiceField(ConvertedFrom.choices, allow_blank=True, default="")
    source = serializers.PrimaryKeyRelatedField(queryset=Item.objects.all(), required=False, allow_null=True,
                                                help_text="The item it was converted or reactivated from.")

    @staticmethod
    def to_method(values):
        return MethodInput(**values) if values else None


class ChangeSerializer(bounds.Serializer):
    material = serializers.CharField(max_length=500, allow_blank=True, default="")
    evidence = serializers.CharField(max_length=500, allow_blank=True, default="")
    source = serializers.PrimaryKeyRelatedField(queryset=Item.objects.all(), required=False, allow_null=True,
                                                help_text="The registered alarm pistol, or the deactivated firearm.")
    occurred_at = serializers.DateTimeField(required=False, allow_null=True)
    note = serializers.CharField(max_length=500, allow_blank=True, default="")
    expected_seq = expected_seq_field()

    @staticmethod
    def split(values, method, **known):
        """(MethodInput, the other keyword arguments of the service)."""
        given = MethodInput(method, material=values.pop("material"), evidence=values.pop("evidence"),
                            source=values.pop("source", None), **{k: values.pop(k) for k in known})
        return given, values


class ConvertSerializer(ChangeSerializer):
    converted_from = serializers.ChoiceField(ConvertedFrom.choices, allow_blank=True, default="")
    firearm_type = serializers.ChoiceField(FirearmType.choices, allow_blank=True, default="",
                                           help_text="The type of firearm an alarm, signal or gas weapon became.")


class ReactivateSerializer(ChangeSerializer):
    pass
