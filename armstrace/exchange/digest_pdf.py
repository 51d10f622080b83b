"""A printable digest: the selected cases as a PDF (reportlab), with a table of contents."""

import io

from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Paragraph, Spacer
from reportlab.platypus.doctemplate import SimpleDocTemplate
from reportlab.platypus.tableofcontents import TableOfContents
from xml.sax.saxutils import escape

from armstrace.exchange import digest


class _Document(SimpleDocTemplate):
    def afterFlowable(self, flowable):
        """Each case heading becomes an entry of the table of contents, with its page."""
        if isinstance(flowable, Paragraph) and flowable.style.name == "CaseHeading":
            self.notify("TOCEntry", (0, flowable.getPlainText(), self.page))


def _styles():
    sheet = getSampleStyleSheet()
    return {"title": sheet["Title"], "body": sheet["BodyText"], "label": sheet["Heading4"],
            "heading": ParagraphStyle("CaseHeading", parent=sheet["Heading2"]),
            "toc": ParagraphStyle("TOC", parent=sheet["BodyText"], leftIndent=0.5 * cm)}


def _case_flowables(case, s):
    labels = dict(digest.PROTOCOL_OFFENCES)
    offences = [str(labels[o][1]) if o in labels else digest.national_offences().get(o, {}).get("label", o)
                for o in case.offences]
    facts = [
        (_("Court"), case.court), (_("Stage"), case.get_stage_display()),
        (_("Offences"), "; ".join(offences)),
        (_("Modus operandi"), "; ".join(str(digest.MODUS_OPERANDI.get(m, m)) for m in case.modus_operandi)),
        (_("Firearms"), ", ".join(f"{f['count']} {f['type']}" for f in case.firearms)),
        (_("Persons"), ", ".join(f"{p['count']} {p['role']}" for p in case.persons)),
        (_("Summary"), case.summary), (_("Outcome"), case.outcome),
        (_("Legal sources"), "; ".join(case.legal_sources)), (_("Lessons learned"), case.lessons),
    ]
    flowables = [Paragraph(escape(f"{case.country} · {case.case_number} · {case.year}"), s["heading"])]
    for label, value in facts:
        if value:
            flowables += [Paragraph(escape(str(label)), s["label"]),
                          Paragraph(escape(str(value)).replace("\n", "<br/>"), s["body"])]
    return flowables


def digest_pdf(cases, title=None):
    """The PDF bytes of `cases`: a title page with the table of contents, then one section per case."""
    s = _styles()
    toc = TableOfContents()
    toc.levelStyles = [s["toc"]]
    story = [Paragraph(escape(title or _("Case digest")), s["title"]), Spacer(1, 0.5 * cm),
             Paragraph(escape(_("Contents")), s["label"]), toc, PageBreak()]
    for index, case in enumerate(cases):
        story += _case_flowables(case, s)
        if index < len(cases) - 1:
            story.append(PageBreak())
    buffer = io.BytesIO()
    _Document(buffer, pagesize=A4, title=title or "Case digest", leftMargin=2 * cm, rightMargin=2 * cm).multiBuild(story)
    return buffer.getvalue()
