from django import template

from armstrace.monitoring.screen_labels import screen_label

register = template.Library()
register.filter("screen_label", screen_label)
