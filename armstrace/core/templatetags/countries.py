from django import template

from armstrace.core.countries import country_name

register = template.Library()
# {{ code|country }}: an ISO 3166-1 alpha-3 code as the country's name in the page's language
register.filter("country", country_name)
