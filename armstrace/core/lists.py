"""The lists of every app: sortable columns, filters, pages and CSV / XLSX export of the filtered rows.

A view declares its columns and its django-filter FilterSet once, in a `ListSpec`, and calls `list_page`:

    ITEMS = ListSpec(name="items", filterset=ItemListFilter, default_sort="-id", columns=(
        Column("serial", _("Serial number"), order_by=("serial_number",), value="serial_number"), ...))
    return list_page(request, queryset, ITEMS, "registry/item_list.html")

- `?sort=key` / `?sort=-key`: only the keys of sortable columns; the primary key closes every ordering, so that
  pages never repeat or skip a row.
- `?page=N`: LIMIT/OFFSET of one more row than shown (is there a next page?), and a count that stops at
  `COUNT_CAP` ("more than 10,000"): no full COUNT over millions of rows.
- `?export=csv` streams every filtered row; `?export=xlsx` writes at most `XLSX_MAX_ROWS` (more is refused with a
  400 that says to narrow the filters or take the CSV). Cells go through core.spreadsheet (formula-like text
  neutralised).
- A bad filter value, sort key, page number or export format answers 400 naming the field, never a 5xx.
The template gets `lst` (a `ListPage`): rows, filter form, paging and export links; `{% load lists %}` gives
`{% sort_th lst "key" %}`; `lists/filters.html` and `lists/pager.html` are the shared parts.
"""

import csv
from dataclasses import dataclass, field
from datetime import date, datetime
from io import BytesIO
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from armstrace.core import bounds
from armstrace.core.spreadsheet import safe_row, xlsx_cells

COUNT_CAP = 10_000
XLSX_MAX_ROWS = 100_000
EXPORT_FORMATS = ("csv", "xlsx")
CONTROL_PARAMS = ("sort", "page", "export")


@dataclass(frozen=True)
class Column:
    """A column of a list: its key (in `?sort=`), label, the fields it sorts by (none: not sortable) and its
    exported value (an attribute path such as "make.name", or a function of the row)."""

    key: str
    label: Any
    order_by: tuple = ()
    value: Any = None

    def cell(self, row):
        if callable(self.value):
            return self.value(row)
        obj = row
        for name in (self.value or self.key).split("."):
            obj = getattr(obj, name, None) if obj is not None else None
        return obj


@dataclass(frozen=True)
class ListSpec:
    name: str
    columns: tuple
    default_sort: str
    filterset: type | None = None
    page_size: int = 50
    tiebreak: str = "pk"
    exported: tuple = field(default=())  # extra export-only columns
    # False: the CSV is made whole before the response (at most XLSX_MAX_ROWS rows), for cells that queue
    # personal-data reads, which the access-log middleware writes once the response is made
    streamed: bool = True

    def column(self, key):
        return next((c for c in self.columns if c.key == key and c.order_by), None)

    def export_columns(self):
        return (*self.columns, *self.exported)


class ListError(Exception):
    """A request parameter of a list that cannot be used: answered 400 with `field: message`."""

    def __init__(self, field_name, message):
        super().__init__(f"{field_name}: {message}")
        self.field, self.message = field_name, message


class ListForm(bounds.Form):
    """Base form of the lists' FilterSets (`class Meta: form = ListForm`): every field bounded; a `date_to` before
    the `date_from` refused."""

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("The end of the range is before its start."))
        return data


class DateRangeForm(ListForm):
    """A from-to range of days, the end not before the start (the event log, the access log, ...)."""

    date_from = forms.DateField(label=_("From"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    date_to = forms.DateField(label=_("To"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))



def filter_date_range(queryset, field_name, date_from=None, date_to=None):
    """Rows whose `field_name` (a date or a time) falls on a day from `date_from` to `date_to`, both included."""
    day = field_name if _is_date_field(queryset, field_name) else f"{field_name}__date"
    if date_from:
        queryset = queryset.filter(**{f"{day}__gte": date_from})
    if date_to:
        queryset = queryset.filter(**{f"{day}__lte": date_to})
    return queryset


def _is_date_field(queryset, field_name):
    try:
        model_field = queryset.model._meta.get_field(field_name)
    except FieldDoesNotExist:  # a path through a relation: taken as a time
        return False
    return isinstance(model_field, models.DateField) and not isinstance(model_field, models.DateTimeField)


class DateRangeFilterSet(django_filters.FilterSet):
    """Base of a list's FilterSet with a from-to range of days (both included) on `date_field`, labelled
    `date_labels`; its form is a bounded ListForm."""

    date_field = ""
    date_labels = (_("From"), _("To"))
    date_from = django_filters.DateFilter(method="filter_dates")
    date_to = django_filters.DateFilter(method="filter_dates")

    class Meta:
        form = ListForm
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in zip(("date_from", "date_to"), self.date_labels, strict=True):
            self.filters[name] = self.filters.pop(name)  # after the subclass's own filters
            self.filters[name].label = label

    def filter_dates(self, queryset, name, value):
        return filter_date_range(queryset, self.date_field, **{name: value})


def form_problems(form):
    """`field: message` for each error of a bound form, labels as shown."""
    problems = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else gettext("Filters")
        problems.extend(f"{label}: {e}" for e in errors)
    return problems


def parse_sort(spec, value):
    """(fields to order by, the sort key as given): the column's fields, then the tie-break, in one direction."""
    value = (value or spec.default_sort).strip()
    key, descending = value.lstrip("-"), value.startswith("-")
    if value == spec.default_sort.strip() and not spec.column(key):
        fields = [spec.default_sort]
    else:
        column = spec.column(key)
        if column is None:
            keys = ", ".join(c.key for c in spec.columns if c.order_by)
            raise ListError("sort", gettext("unknown sort key “%(key)s” (allowed: %(keys)s)") % {"key": key, "keys": keys})
        fields = [("-" if descending else "") + f for f in column.order_by]
    tiebreak = ("-" if fields[-1].startswith("-") else "") + spec.tiebreak
    return [*fields, tiebreak], value


def parse_page(value):
    if value in (None, ""):
        return 1
    if not value.isdigit() or not 1 <= int(value) <= 10_000_000:
        raise ListError("page", gettext("a page number from 1 is expected"))
    return int(value)


class ListPage:
    """What a list's template shows: the page's rows, the filter form and the links."""

    def __init__(self, request, spec, rows, form, number, has_next, count, sort):
        self.request, self.spec, self.rows, self.form = request, spec, rows, form
        self.number, self.has_next, self.has_previous = number, has_next, number > 1
        self.count, self.count_capped, self.sort = min(count, COUNT_CAP), count > COUNT_CAP, sort
        self.columns = spec.columns

    def _url(self, **changes):
        query = self.request.GET.copy()
        for key, value in changes.items():
            query.pop(key, None)
            if value not in (None, ""):
                query[key] = value
        return "?" + query.urlencode()

    def sort_url(self, key):
        return self._url(sort=key if self.sort != key else "-" + key, page=None, export=None)

    def page_url(self, number):
        return self._url(page=number if number > 1 else None, export=None)

    def previous_url(self):
        return self.page_url(self.number - 1)

    def next_url(self):
        return self.page_url(self.number + 1)

    def export_url_csv(self):
        return self._url(export="csv", page=None)

    def export_url_xlsx(self):
        return self._url(export="xlsx", page=None)

    def sort_state(self, key):
        """"ascending", "descending" or "" for the column `key`."""
        if self.sort == key:
            return "ascending"
        return "descending" if self.sort == "-" + key else ""


def filtered(request, queryset, spec):
    """(queryset filtered by the request's values, its filter form); ListError on a bad value."""
    if spec.filterset is None:
        return queryset, None
    data = request.GET.copy()
    for key in CONTROL_PARAMS:
        data.pop(key, None)
    filterset = spec.filterset(data or None, queryset=queryset, request=request)
    if filterset.is_bound and not filterset.is_valid():
        problems = form_problems(filterset.form)
        raise ListError(problems[0].split(":")[0] if problems else "filters", "; ".join(problems))
    return filterset.qs, filterset.form


def list_page(request, queryset, spec, template, context=None):
    """The list page (or its export) for `request`: 400 with the problem on a bad parameter."""
    try:
        rows_qs, form = filtered(request, queryset, spec)
        order, sort = parse_sort(spec, request.GET.get("sort"))
        rows_qs = rows_qs.order_by(*order)
        export = request.GET.get("export")
        if export:
            return export_response(rows_qs, spec, export)
        number = parse_page(request.GET.get("page"))
    except ListError as error:
        return _bad_request(request, spec, template, context, error)
    start = (number - 1) * spec.page_size
    rows = list(rows_qs[start:start + spec.page_size + 1])
    count = start + len(rows) if len(rows) <= spec.page_size else rows_qs.order_by().values("pk")[:COUNT_CAP + 1].count()
    page = ListPage(request, spec, rows[:spec.page_size], form, number, len(rows) > spec.page_size, count, sort)
    return render(request, template, {**(context or {}), "lst": page, "page": page})


def _bad_request(request, spec, template, context, error):
    if request.GET.get("export"):
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    form = None
    if spec.filterset is not None:
        data = request.GET.copy()
        for key in CONTROL_PARAMS:
            data.pop(key, None)
        form = spec.filterset(data, queryset=spec.filterset._meta.model.objects.none(), request=request).form
    page = ListPage(request, spec, [], form, 1, False, 0, "")
    return render(request, template, {**(context or {}), "lst": page, "page": page, "list_error": error},
                  status=400)


# ---------------------------------------------------------------- export


def export_response(queryset, spec, fmt):
    if fmt not in EXPORT_FORMATS:
        raise ListError("export", gettext("the format is csv or xlsx"))
    stamp = timezone.localdate().isoformat()
    filename = f"{spec.name}_{stamp}.{fmt}"
    if fmt == "csv" and spec.streamed:
        response = StreamingHttpResponse(csv_lines(queryset, spec), content_type="text/csv; charset=utf-8")
    elif fmt == "csv":
        _check_cap(queryset)
        response = HttpResponse("".join(csv_lines(queryset, spec)), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(xlsx_bytes(queryset, spec),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_value(value):
    """A cell's value as a spreadsheet keeps it: numbers, dates and text (labels translated, times without zone)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, (int, float, date)) and not isinstance(value, bool):
        return value
    return str(value)


class _Echo:
    def write(self, value):
        return value


def csv_lines(queryset, spec):
    """The CSV file, a line at a time, read from the database in chunks."""
    writer = csv.writer(_Echo())
    columns = spec.export_columns()
    yield writer.writerow([str(c.label) for c in columns])
    for row in _iterate(queryset):
        yield writer.writerow(safe_row([_csv_text(export_value(c.cell(row))) for c in columns]))


def _csv_text(value):
    return value.isoformat(sep=" ") if isinstance(value, datetime) else value


def _iterate(queryset, chunk=2000):
    return queryset.iterator(chunk_size=chunk)


def _check_cap(queryset, hint=""):
    if queryset[XLSX_MAX_ROWS:XLSX_MAX_ROWS + 1].exists():
        problem = gettext("more than %(n)s rows: narrow the filters") % {"n": f"{XLSX_MAX_ROWS:,}"}
        raise ListError("export", gettext("%(problem)s, or %(hint)s") % {"problem": problem, "hint": hint}
                        if hint else problem)


def xlsx_bytes(queryset, spec):
    from openpyxl import Workbook
    _check_cap(queryset, gettext("download the CSV file"))
    book = Workbook(write_only=True)
    sheet = book.create_sheet(spec.name[:31])
    columns = spec.export_columns()
    sheet.append([str(c.label) for c in columns])
    for row in _iterate(queryset):
        sheet.append(xlsx_cells(sheet, [export_value(c.cell(row)) for c in columns]))
    out = BytesIO()
    book.save(out)
    return out.getvalue()

