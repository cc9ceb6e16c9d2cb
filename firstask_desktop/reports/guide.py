"""用户手册: the manual, built as a PDF from the project's own text.

The chapters are ``resources/guide/<language>/NN-name.md`` (one file per chapter, bundled with
the app), written in a small Markdown subset rendered here: ``#``/``##``/``###`` headings,
paragraphs, ``-`` and ``1.`` lists, ``|`` tables, ``> `` notes, ``![caption](file.png)``
pictures from ``resources/guide/screenshots/``, ``**bold**`` and ``{{refusals}}`` (the
troubleshooting table, from the refusal catalogue). A chapter's first line may name the pages
of the main window it explains (``<!-- pages: register customers -->``): F1 on such a page opens
the manual at that chapter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from firstask_desktop import __version__
from firstask_desktop.reports.layout import GREY, LIGHT, numbered_canvas, styles
from firstask_desktop.reports.pdf_fonts import printable
from firstask_desktop.reports.refusal_catalogue import catalogue
from firstask_desktop.store import config

LANGUAGES = ("zh_CN", "en")
TITLES = {"zh_CN": "首问登记 用户手册", "en": "FirstAsk Desktop — User Guide"}
SUBTITLES = {
    "zh_CN": "供电所营业员、所长和县公司客户服务中心使用",
    "en": "For station clerks, station heads and the county customer service centre",
}
CONTENTS = {"zh_CN": "目 录", "en": "Contents"}
PAGE_LABEL = {"zh_CN": "第 {0} 页  共 {1} 页", "en": "Page {0} of {1}"}
VERSION_LINE = {"zh_CN": "适用于首问登记 {0} 版", "en": "For FirstAsk Desktop version {0}"}
PAGE_SIZE = A4
MARGIN = 18 * mm
BODY_WIDTH = PAGE_SIZE[0] - 2 * MARGIN
MAX_PICTURE_HEIGHT = 120 * mm
# A whole window (1100 px, tools/guide_screenshots.py) fills the column; a dialog keeps its size
# relative to it, so a small dialog is not blown up to the width of the page.
POINTS_PER_PIXEL = BODY_WIDTH / 1100
_PAGES_RE = re.compile(r"^<!--\s*pages:\s*(.*?)\s*-->$")
_IMAGE_RE = re.compile(r"^!\[(.*?)\]\((.+?)\)$")
_NUMBERED_RE = re.compile(r"^\d+\.\s+")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def guide_dir() -> Path:
    return config.resources_dir() / "guide"


@dataclass
class Chapter:
    key: str  # the file name without its number: "daily", "sync"
    title: str
    pages: tuple[str, ...]  # pages of the main window this chapter explains
    lines: list[str] = field(default_factory=list)


def _language(language: str) -> str:
    return language if language in LANGUAGES else "zh_CN"


@cache
def chapters(language: str = "zh_CN") -> tuple[Chapter, ...]:
    """The manual's chapters in order (read once per process; the files ship with the app)."""
    folder = guide_dir() / _language(language)
    result = []
    for path in sorted(folder.glob("[0-9][0-9]-*.md")):
        lines = path.read_text(encoding="utf-8").splitlines()
        pages: tuple[str, ...] = ()
        if lines and (match := _PAGES_RE.match(lines[0].strip())):
            pages = tuple(match.group(1).split())
            lines = lines[1:]
        title = next((line[2:].strip() for line in lines if line.startswith("# ")), path.stem)
        body = [line for line in lines if not line.startswith("# ")]
        result.append(Chapter(path.stem.split("-", 1)[1], title, pages, body))
    return tuple(result)


def chapter_for_page(page: str, language: str = "zh_CN") -> str:
    """The chapter that explains a page of the main window ("" when none does)."""
    for chapter in chapters(language):
        if page in chapter.pages:
            return chapter.key
    return ""


# --- text --------------------------------------------------------------------------------------


def inline(value: str) -> str:
    """Markdown's inline marks as ReportLab paragraph markup (text escaped first)."""
    value = escape(printable(value))
    value = re.sub(r"\*\*(.+?)\*\*", r'<font color="#0b4f8a">\1</font>', value)
    return re.sub(r"`(.+?)`", r'<font color="#7a2e00">\1</font>', value)


def _join(lines: list[str]) -> str:
    """Lines of one paragraph joined: no space between two Chinese characters."""
    text = ""
    for line in lines:
        line = line.strip()
        if text and not (_CJK.match(text[-1]) or _CJK.match(line[:1])):
            text += " "
        text += line
    return text


@cache
def guide_styles() -> dict[str, ParagraphStyle]:
    base = styles()
    body = ParagraphStyle("guide_body", parent=base["body"], fontSize=11, leading=17)
    return {
        "body": body,
        "h1": ParagraphStyle(
            "guide_h1", parent=body, fontSize=20, leading=28, spaceAfter=10, textColor="#0b4f8a"
        ),
        "h2": ParagraphStyle(
            "guide_h2", parent=body, fontSize=14.5, leading=21, spaceBefore=10, spaceAfter=4
        ),
        "h3": ParagraphStyle(
            "guide_h3", parent=body, fontSize=12, leading=18, spaceBefore=6, spaceAfter=2
        ),
        "item": ParagraphStyle("guide_item", parent=body, spaceAfter=2),
        "note": ParagraphStyle("guide_note", parent=body, fontSize=10.5, leading=16),
        "cell": ParagraphStyle("guide_cell", parent=body, fontSize=9.5, leading=13.5),
        "caption": ParagraphStyle(
            "guide_caption",
            parent=body,
            fontSize=9,
            leading=12,
            alignment=TA_CENTER,
            textColor=GREY,
            spaceAfter=8,
        ),
        "title": ParagraphStyle(
            "guide_title", parent=body, fontSize=30, leading=40, alignment=TA_CENTER
        ),
        "subtitle": ParagraphStyle(
            "guide_subtitle", parent=body, fontSize=13, leading=20, alignment=TA_CENTER
        ),
        "toc1": ParagraphStyle("guide_toc1", parent=body, fontSize=12.5, leading=22),
        "toc2": ParagraphStyle("guide_toc2", parent=body, fontSize=10.5, leading=16, leftIndent=14),
    }


class _Heading(Paragraph):
    """A heading the table of contents lists and the PDF's bookmarks show."""

    def __init__(self, text: str, style, level: int, key: str):
        super().__init__(inline(text), style)
        self.plain, self.level, self.key = text, level, key


class GuideDocTemplate(BaseDocTemplate):
    def __init__(self, buffer, title: str):
        super().__init__(
            buffer,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=title,
            author="首问登记",
        )
        frame = Frame(MARGIN, MARGIN, BODY_WIDTH, PAGE_SIZE[1] - 2 * MARGIN, id="body")
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._header)])
        self.manual_title = title
        self.chapter_pages: dict[str, int] = {}

    def _header(self, canvas, doc) -> None:
        if doc.page == 1:
            return
        canvas.saveState()
        canvas.setFont(styles()["body"].fontName, 8)
        canvas.setFillColor(GREY)
        canvas.drawRightString(
            PAGE_SIZE[0] - MARGIN, PAGE_SIZE[1] - MARGIN + 6 * mm, self.manual_title
        )
        canvas.restoreState()

    def afterFlowable(self, flowable) -> None:  # noqa: N802 - ReportLab's name
        if isinstance(flowable, _Heading):
            self.notify("TOCEntry", (flowable.level, flowable.plain, self.page))
            if flowable.level == 0:
                self.chapter_pages[flowable.key] = self.page
            key = f"{flowable.key}-{self.seq.nextf('heading')}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.plain, key, level=flowable.level, closed=True)


# --- blocks --------------------------------------------------------------------------------------


def _picture(caption: str, name: str) -> list:
    path = guide_dir() / name
    image = Image(str(path))
    scale = min(POINTS_PER_PIXEL, MAX_PICTURE_HEIGHT / image.imageHeight)
    image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
    framed = Table([[image]], style=[("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999"))])
    return [KeepTogether([framed, Paragraph(inline(caption), guide_styles()["caption"])])]


def _table(rows: list[list[str]]) -> Table:
    s = guide_styles()
    cells = [[Paragraph(inline(c), s["cell"]) for c in row] for row in rows]
    columns = max(len(row) for row in rows)
    for row in cells:
        row.extend([""] * (columns - len(row)))
    # The first column holds short names; the rest share what is left.
    first = BODY_WIDTH * (0.28 if columns > 1 else 1.0)
    widths = [first] + [(BODY_WIDTH - first) / (columns - 1)] * (columns - 1)
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _note(text: str) -> Table:
    note = Table([[Paragraph(inline(text), guide_styles()["note"])]], colWidths=[BODY_WIDTH])
    note.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#FFF6DA")),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#D9B44A")),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return note


def _list(items: list[str], numbered: bool) -> ListFlowable:
    s = guide_styles()
    return ListFlowable(
        [ListItem(Paragraph(inline(item), s["item"])) for item in items],
        bulletType="1" if numbered else "bullet",
        start="1" if numbered else "•",
        bulletFontName=s["body"].fontName,
        bulletFontSize=10,
        leftIndent=16,
    )


ADVICE_LABEL = {"zh_CN": "怎么办：", "en": "What to do: "}


def refusal_flowables(language: str) -> list:
    """The troubleshooting table: every refusal message of the catalogue, by group; under the
    messages of one problem, what they mean and what to do (one column: read top to bottom,
    and a long problem may break across pages where a table cell could not)."""
    s = guide_styles()
    story: list = []
    for group in catalogue().groups:
        story.append(CondPageBreak(40 * mm))
        story.append(_Heading(group.title(language), s["h2"], 1, "refusals"))
        rows: list[list] = []
        commands = [
            ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#888888")),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]
        for problem in group.problems:
            for message in problem.messages:
                rows.append([Paragraph(f"「{inline(message)}」", s["cell"])])
            advice = f'<font color="#0b4f8a">{ADVICE_LABEL[language]}</font>'
            rows.append([Paragraph(advice + inline(problem.advice(language)), s["cell"])])
            commands += [
                ("BACKGROUND", (0, len(rows) - 1), (0, len(rows) - 1), colors.HexColor("#FFF6DA")),
                (
                    "LINEBELOW",
                    (0, len(rows) - 1),
                    (0, len(rows) - 1),
                    0.5,
                    colors.HexColor("#888888"),
                ),
                ("BOTTOMPADDING", (0, len(rows) - 1), (0, len(rows) - 1), 4),
            ]
        table = Table(rows, colWidths=[BODY_WIDTH])
        table.setStyle(TableStyle(commands))
        story.append(table)
    return story


def chapter_flowables(chapter: Chapter, language: str) -> list:
    s = guide_styles()
    story: list = [PageBreak(), _Heading(chapter.title, s["h1"], 0, chapter.key)]
    paragraph: list[str] = []
    items: list[str] = []
    numbered = False
    table: list[list[str]] = []

    def flush() -> None:
        nonlocal items, table
        if paragraph:
            story.append(Paragraph(inline(_join(paragraph)), s["body"]))
            story.append(Spacer(1, 5))
            paragraph.clear()
        if items:
            story.append(_list(items, numbered))
            story.append(Spacer(1, 5))
            items = []
        if table:
            story.append(_table(table))
            story.append(Spacer(1, 8))
            table = []

    for raw in chapter.lines:
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("### ") or line.startswith("## "):
            flush()
            level = 2 if line.startswith("### ") else 1
            text = line.split(" ", 1)[1]
            story.append(_Heading(text, s["h3" if level == 2 else "h2"], level, chapter.key))
        elif match := _IMAGE_RE.match(line):
            flush()
            story.extend(_picture(match.group(1), match.group(2)))
        elif line == "{{refusals}}":
            flush()
            story.extend(refusal_flowables(language))
        elif line.startswith("|"):
            if paragraph or items:
                flush()
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not all(set(c) <= set("-: ") for c in cells):
                table.append(cells)
        elif line.startswith("> "):
            flush()
            story.append(_note(line[2:]))
            story.append(Spacer(1, 6))
        elif line.startswith("- ") or _NUMBERED_RE.match(line):
            if paragraph or table:
                flush()
            this_numbered = not line.startswith("- ")
            if items and this_numbered != numbered:
                flush()
            numbered = this_numbered
            items.append(line[2:] if line.startswith("- ") else _NUMBERED_RE.sub("", line))
        else:
            if items or table:
                flush()
            paragraph.append(line)
    flush()
    return story


def _cover(language: str) -> list:
    s = guide_styles()
    toc = TableOfContents()
    toc.levelStyles = [s["toc1"], s["toc2"]]
    toc.dotsMinLevel = 0
    return [
        Spacer(1, 45 * mm),
        Paragraph(inline(TITLES[language]), s["title"]),
        Spacer(1, 8 * mm),
        Paragraph(inline(SUBTITLES[language]), s["subtitle"]),
        Spacer(1, 4 * mm),
        Paragraph(inline(VERSION_LINE[language].format(__version__)), s["subtitle"]),
        PageBreak(),
        Paragraph(inline(CONTENTS[language]), s["h1"]),
        toc,
    ]


@dataclass
class Guide:
    data: bytes
    chapter_pages: dict[str, int]  # chapter key → its first page (1-based)

    def page_for(self, page_name: str, language: str = "zh_CN") -> int:
        """The page (1-based) of the chapter that explains a main-window page; 1 if none."""
        return self.chapter_pages.get(chapter_for_page(page_name, language), 1)


def render_guide(language: str = "zh_CN") -> Guide:
    """The whole manual; two passes, so that the contents know each chapter's page."""
    import io

    language = _language(language)
    buffer = io.BytesIO()
    doc = GuideDocTemplate(buffer, TITLES[language])
    story = _cover(language)
    for chapter in chapters(language):
        story.extend(chapter_flowables(chapter, language))
    doc.multiBuild(
        story,
        canvasmaker=numbered_canvas(
            (PAGE_SIZE[0] / 2, MARGIN - 8 * mm), label=PAGE_LABEL[language]
        ),
        maxPasses=4,
    )
    return Guide(buffer.getvalue(), dict(doc.chapter_pages))


def build_guide(language: str = "zh_CN") -> bytes:
    return render_guide(language).data


def guide_data(language: str = "zh_CN") -> dict:
    """Every string the manual prints (the print font's rare-character check reads it)."""
    language = _language(language)
    return {
        "chapters": [[c.title, *c.lines] for c in chapters(language)],
        "refusals": [
            [*p.messages, p.advice(language)] for g in catalogue().groups for p in g.problems
        ],
    }
