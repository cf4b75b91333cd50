"""Build a static copy of the course, both editions, to read after class and offline.

    .venv/bin/python scripts/build_static.py                 # writes site/ (open site/index.html)
    .venv/bin/python scripts/build_static.py --out DIR       # somewhere else
    .venv/bin/python scripts/build_static.py --no-stills     # quicker: runs no notebook (see below)

``site/index.html`` lists the chapters of both editions (each title is its notebook's first
heading); ``site/en/NN_topic.html`` and ``site/zh/NN_topic.html`` are the notebooks with the
outputs stored in them (nbconvert's ``basic`` template in a small page of our own), each
linking back to the index, to the previous and next chapter and to the other edition. An
edition whose ``.ipynb`` files do not exist yet is left out, with a message.

Nothing is fetched when a page is viewed, so the site works from ``file://`` and from any web
server, without a network:

* formulas (``$...$`` and ``$$...$$`` in markdown) are converted to MathML at build time with
  latex2mathml, which browsers draw natively. A formula that does not convert, or converts to
  something that would not read as written (an unknown command, unbalanced braces), fails the
  build with the notebook, the cell and the formula;
* matplotlib's animation players keep their frames and script; the font-awesome stylesheet they
  load from a CDN is removed and their buttons get symbols from the page's own CSS;
* a widget (stored outputs hold only a reference to it, no state) becomes the picture it starts
  with, and a line saying what is live in JupyterLab. To get that picture the notebook is run
  headless in a fresh kernel (nbclient, widget state kept), up to its last such widget: the
  pictures are the Image widgets and the images of the Output widgets under the widget's view,
  taken right after its cell ran. Progress bars become a line of text (no run needed);
* Chinese text is drawn with the subset of Noto Sans SC that ships with nnlearn (inlined in
  ``static/cjk-font.css``, so no font file is requested); a character it lacks falls back to the
  viewer's fonts, and the build names such characters;
* the build fails if a page still refers to anything off the machine (a script, stylesheet,
  image or font with an ``http(s)://`` or ``//`` address).

The notebooks with widgets are run two at a time (``--jobs``); the build prints how long it took.
"""

from __future__ import annotations

import argparse
import base64
import copy
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from jinja2 import pass_context
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath
from pygments.formatters import HtmlFormatter

from nnlearn.pictures.style import CJK_FAMILY as CJK_FONT_FAMILY  # the figures' font, also for the pages
from nnlearn.pictures.style import CJK_FONT

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
CJK_FONT_LICENCE = CJK_FONT.with_name("OFL.txt")
MARKER = ".nnlearn-static-site"  # a folder with this file is one this script wrote (and may replace)

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")


# ---- the two editions and their words ---------------------------------------------------


@dataclass(frozen=True)
class Edition:
    code: str  # "en", "zh": also the folder of its pages in the site
    folder: str  # where its notebooks are, under the notebooks folder
    name: str  # in its own language
    lang: str  # the pages' lang attribute
    words: dict


EDITIONS = (
    Edition("en", ".", "English", "en", {
        "contents": "Contents",
        "previous": "Previous",
        "next": "Next",
        "other edition": "中文",
        "static": "A static copy of the course: the outputs stored in the notebook. Sliders, buttons and "
                  "the drawing pad are live in JupyterLab.",
        "sliders": "This picture has sliders in JupyterLab: open the notebook to move them.",
        "stepper": "In JupyterLab this picture has Previous / Next buttons and a slider: open the notebook to "
                   "step through it.",
        "drawpad": "In JupyterLab you draw a digit on a pad here and the network reads it: open the notebook "
                   "to try it.",
        "playground": "In JupyterLab this network trains live (Play, Step, sliders): open the notebook to run it.",
        "widget": "This part is live in JupyterLab: open the notebook to use it.",
        "no picture": "(Run the notebook in JupyterLab to see its picture.)",
        "progress": "Progress bar ({description}, {total} in all): it fills while the cell runs in JupyterLab.",
        "picture": "The picture this widget starts with",
    }),
    Edition("zh", "zh", "中文", "zh-Hans", {
        "contents": "全部章节",
        "previous": "上一章",
        "next": "下一章",
        "other edition": "English",
        "static": "课程的静态副本：笔记本中保存的输出。滑块、按钮和画板只在 JupyterLab 中才能用。",
        "sliders": "在 JupyterLab 中打开这个笔记本，就可以拖动滑块。",
        "stepper": "在 JupyterLab 中打开这个笔记本，就可以用“上一步 / 下一步”按钮和滑块一步一步地看这张图。",
        "drawpad": "在 JupyterLab 中打开这个笔记本，就可以在这里的画板上写一个数字，看网络怎样读它。",
        "playground": "在 JupyterLab 中打开这个笔记本，就可以看这个网络实时学习（播放、单步、滑块）。",
        "widget": "在 JupyterLab 中打开这个笔记本，这一部分就可以用了。",
        "no picture": "（在 JupyterLab 中运行这个笔记本，就能看到它的图。）",
        "progress": "进度条（{description}，共 {total}）：在 JupyterLab 中运行这个单元格时会逐渐填满。",
        "picture": "这个小部件一开始显示的图",
    }),
)

INDEX_TITLE = "nnlearn: how a neural network learns"
INDEX_INTRO = {
    "en": "A copy of the course to read after class, with the outputs stored in each notebook; it works offline. "
          "Sliders, the drawing pad and the live network show their starting picture here: open the notebooks in "
          "JupyterLab to move them.",
    "zh": "课程的副本，课后可以看：每个笔记本和它保存的输出，不用网络也能看。滑块、画板和实时训练的网络在这里显示"
          "它们一开始的图；在 JupyterLab 中打开笔记本就可以用它们。",
}


# ---- the chapters -------------------------------------------------------------------------


@dataclass(eq=False)  # one per notebook, hashed by identity
class Chapter:
    edition: Edition
    path: Path  # the .ipynb
    title: str = ""
    previous: Chapter | None = None
    next: Chapter | None = None
    counterpart: Chapter | None = None  # the same chapter in the other edition

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def page(self) -> str:
        """The page's address, relative to the site's top folder."""
        return f"{self.edition.code}/{self.stem}.html"

    @property
    def label(self) -> str:
        """How the build names the notebook in its messages: ``zh/07_backpropagation.ipynb``."""
        return f"{'' if self.edition.folder == '.' else self.edition.folder + '/'}{self.path.name}"


def find_chapters(notebooks: Path) -> dict[str, list[Chapter]]:
    """The notebooks of each edition, in order, linked to their neighbours and counterparts."""
    chapters = {}
    for edition in EDITIONS:
        paths = sorted((notebooks / edition.folder).glob("[0-9][0-9]_*.ipynb"))
        found = [Chapter(edition, path, title_of(nbformat.read(path, as_version=4), path.stem)) for path in paths]
        for before, after in zip(found, found[1:]):
            before.next, after.previous = after, before
        chapters[edition.code] = found
    english = {c.stem: c for c in chapters["en"]}
    for chapter in chapters["zh"]:
        other = english.get(chapter.stem)
        if other:
            chapter.counterpart, other.counterpart = other, chapter
    return chapters


def title_of(nb, fallback: str) -> str:
    """The text of the notebook's first heading (markdown, emphasis, code and $ taken out)."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        in_fence = False
        for line in cell.source.splitlines():
            if line.lstrip().startswith(("```", "~~~")):
                in_fence = not in_fence
            heading = re.match(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
            if heading and not in_fence:
                text = re.sub(r"[*_`$]|\\(?=[^A-Za-z])", "", heading.group(1))
                text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link: its text
                return re.sub(r"\s+", " ", text).strip()
    return fallback


# ---- formulas: LaTeX to MathML at build time ----------------------------------------------


@dataclass
class Formulas:
    """Every formula converted while building, and those that failed (with where they are)."""

    converted: int = 0
    failures: list[str] = field(default_factory=list)
    where: str = ""  # the notebook being converted

    def to_mathml(self, tex: str, display: bool, cell: str) -> str:
        try:
            mathml = latex_to_mathml(tex, display)
        except ValueError as error:
            delimiter = "$$" if display else "$"
            self.failures.append(f"{self.where}, cell {cell}: {delimiter}{tex}{delimiter}: {error}")
            return f'<code class="formula-failed">{html.escape(tex)}</code>'
        self.converted += 1
        return mathml


def latex_to_mathml(tex: str, display: bool) -> str:
    """MathML for ``tex``, or ValueError saying why it would not read as written."""
    from latex2mathml.converter import convert

    if _unbalanced(tex):
        raise ValueError("unbalanced braces { }")
    try:
        mathml = convert(tex.strip(), display="block" if display else "inline")
    except Exception as error:  # latex2mathml raises its own exception types, one per kind of mistake
        detail = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        raise ValueError(f"latex2mathml cannot convert it ({detail})") from None
    try:
        tree = ET.fromstring(mathml)
    except ET.ParseError as error:
        raise ValueError(f"latex2mathml wrote MathML that does not parse ({error})") from None
    for element in tree.iter():
        text = (element.text or "").strip()
        if "\\" in text:
            raise ValueError(f"unknown command {text}")
        if text in ("{", "}") and f"\\{text}" not in tex:
            raise ValueError("unbalanced braces { }")
    if not any((e.text or "").strip() for e in tree.iter()) and tex.strip():
        raise ValueError("it converts to nothing")
    # The TeX rides along as an annotation: browsers draw only the first child of <semantics>,
    # copying a formula gives its source, and screen readers may use either.
    body = _as_tex_spaces_it(mathml[mathml.index(">") + 1: mathml.rindex("</math>")])
    start = mathml[: mathml.index(">") + 1].replace(">", f' alttext="{html.escape(tex.strip())}">', 1)
    return (f'{start}<semantics><mrow>{body}</mrow>'
            f'<annotation encoding="application/x-tex">{html.escape(tex.strip(), quote=False)}</annotation>'
            f'</semantics></math>')


MINUS, OPENING = "<mo>&#x02212;</mo>", ("<mrow>", "<mo>&#x0003D;</mo>", '<mo stretchy="false">&#x00028;</mo>')


def _as_tex_spaces_it(mathml: str) -> str:
    """latex2mathml's MathML, drawn as TeX would draw it (seen in Chromium's screenshots).

    ``\\partial`` is a letter, not an operator with space around it; ``/`` and a prime have no
    space around them either, and a prime is not raised a second time; a hat is the small
    circumflex; ``\\log y`` has a thin space; a minus right after ``=`` or ``(`` is a sign.
    """
    mathml = mathml.replace("<mo>&#x02202;</mo>", '<mi mathvariant="normal">&#x02202;</mi>')
    mathml = mathml.replace("<mo>&#x0002F;</mo>", '<mo lspace="0" rspace="0">&#x0002F;</mo>')
    mathml = re.sub(r"<msup>(<mi>[^<]*</mi>)<mi>&#x02032;</mi></msup>",
                    r'\1<mo lspace="0" rspace="0">&#x02032;</mo>', mathml)
    mathml = mathml.replace("<mo>&#x0005E;</mo></mover>", "<mo>&#x002C6;</mo></mover>")
    mathml = re.sub(r"(<mi>(?:log|ln|exp|sin|cos|tan)</mi>)(?!<mo stretchy=\"false\">&#x00028;)",
                    r'\1<mspace width="0.167em"></mspace>', mathml)
    for opening in OPENING:
        mathml = mathml.replace(opening + MINUS, opening + '<mo form="prefix">&#x02212;</mo>')
    return mathml


def _unbalanced(tex: str) -> bool:
    depth = 0
    for brace in re.findall(r"(?<!\\)[{}]", re.sub(r"\\\\", "", tex)):
        depth += 1 if brace == "{" else -1
        if depth < 0:
            return True
    return depth != 0


class MathMLRenderer(IPythonRenderer):
    """nbconvert's markdown renderer, with formulas as MathML instead of text for MathJax."""

    def __init__(self, formulas: Formulas, cell: str, **options):
        super().__init__(**options)
        self.formulas, self.cell = formulas, cell

    def block_math(self, body: str) -> str:
        return self.formulas.to_mathml(body, True, self.cell)

    def inline_math(self, body: str) -> str:
        return self.formulas.to_mathml(body, False, self.cell)

    def latex_environment(self, name: str, body: str) -> str:
        return self.formulas.to_mathml(f"\\begin{{{name}}}{body}\\end{{{name}}}", True, self.cell)


class StaticExporter(HTMLExporter):
    """The ``basic`` template (the notebook's cells only), markdown formulas as MathML."""

    def __init__(self, formulas: Formulas, **kw):
        super().__init__(template_name="basic", exclude_input_prompt=True, exclude_output_prompt=True,
                         embed_images=True, **kw)
        self.formulas = formulas

    @pass_context
    def markdown2html(self, context, source):
        cell = context.get("cell", {})
        renderer = MathMLRenderer(
            self.formulas, self.cell_numbers.get(cell.get("id"), "?"),
            escape=False, attachments=cell.get("attachments", {}), embed_images=self.embed_images,
            path=context.get("resources", {}).get("metadata", {}).get("path", ""),
            anchor_link_text=self.anchor_link_text, exclude_anchor_links=self.exclude_anchor_links,
        )
        return MarkdownWithMath(renderer=renderer).render(source)

    def convert(self, nb, where: str, folder: Path) -> str:
        self.formulas.where = where
        self.cell_numbers = {cell.get("id"): str(k + 1) for k, cell in enumerate(nb.cells)}
        body, _ = self.from_notebook_node(nb, resources={"metadata": {"path": str(folder)}})
        return body


# ---- widgets: the picture each one starts with --------------------------------------------


def progress_bar(output) -> tuple[str, str] | None:
    """(description, total) when a widget view is only a progress bar (and its text), else None."""
    text = output["data"].get("text/plain", "")
    text = "".join(text) if isinstance(text, list) else text
    if "Progress(" not in text or "…" in text or re.search(r"Slider\(|Image\(|Canvas|Play\(|Output\(|Button\(", text):
        return None
    description = re.search(r"Progress\([^)]*description='([^']*)'", text)
    total = re.search(r"Progress\([^)]*max=(\d+)", text)
    return (description.group(1) if description else ""), (total.group(1) if total else "?")


def last_cell_with_a_still(nb) -> int:
    """The index of the last cell that displays a widget with a picture to take (-1: none)."""
    last = -1
    for index, cell in enumerate(nb.cells):
        if any(WIDGET_VIEW in o.get("data", {}) and progress_bar(o) is None for o in cell.get("outputs", [])):
            last = index
    return last


def take_stills(path: str, upto: int, timeout: int) -> tuple[dict, float]:
    """Runs the notebook's cells up to ``upto`` in a fresh kernel; returns the stills and the seconds.

    The stills map ``"cell id/position"`` (the widget views of a cell in order) to what
    :func:`_still` finds, taken right after the cell ran: the picture each widget starts with.
    """
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    nb.cells = nb.cells[: upto + 1]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    stills: dict[str, dict] = {}

    def after_cell(cell, cell_index, execute_reply):
        views = [o for o in cell.get("outputs", []) if WIDGET_VIEW in o.get("data", {})]
        for k, output in enumerate(views):
            stills[f"{cell.get('id')}/{k}"] = _still(client, output["data"][WIDGET_VIEW]["model_id"])

    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", record_timing=False, store_widget_state=True,
        resources={"metadata": {"path": str(Path(path).parent)}}, on_cell_executed=after_cell,
    )
    start = time.perf_counter()
    client.execute(stderr=subprocess.DEVNULL)  # the kernel's own chatter (e.g. about TCP); errors still raise
    return stills, time.perf_counter() - start


def _still(client, model_id: str) -> dict:
    """The pictures under a widget view (Image widgets, images in Output widgets), and its kind."""
    state = client.widget_state
    order, seen, stack = [], set(), [model_id]
    while stack:  # depth first, children in order: the pictures come out top to bottom
        current = stack.pop()
        if current in seen or current not in state:
            continue
        seen.add(current)
        order.append(current)
        stack.extend(reversed(_references(state[current])))
    names = {state[m].get("_model_name", "") for m in order}
    classes = state.get(model_id, {}).get("_dom_classes", []) or []
    if "CanvasModel" in names:
        kind = "drawpad"
    elif "widget-interact" in classes:
        kind = "stepper" if names & {"PlayModel", "ButtonModel"} else "sliders"
    elif "PlayModel" in names:
        kind = "playground"
    elif any(n.endswith("SliderModel") for n in names):
        kind = "sliders"
    else:
        kind = "widget"
    images = []
    for current in order:
        model = state[current]
        if model.get("_model_name") == "ImageModel":
            buffer = client.widget_buffers.get(current, {}).get(("value",))
            if buffer and buffer.get("data"):
                fmt = model.get("format", "png")
                images.append((f"image/{'svg+xml' if fmt == 'svg' else fmt}", buffer["data"]))
        elif model.get("_model_name") == "OutputModel":
            for output in model.get("outputs", []):
                for mime in IMAGE_TYPES:
                    if mime in output.get("data", {}):
                        data = output["data"][mime]
                        data = "".join(data) if isinstance(data, list) else data
                        if mime == "image/svg+xml":
                            data = base64.b64encode(data.encode()).decode()
                        images.append((mime, data.replace("\n", "")))
                        break
    return {"kind": kind, "images": images}


def _references(model_state: dict) -> list[str]:
    """The widget ids a model's state refers to (children, and any other widget it holds)."""
    found = []

    def walk(value):
        if isinstance(value, str) and value.startswith("IPY_MODEL_"):
            found.append(value[len("IPY_MODEL_"):])
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    for key, value in model_state.items():
        if key not in ("layout", "style"):
            walk(value)
    return found


def kind_from_text(output) -> str:
    """What a widget view is, from its stored text form alone (when the notebook was not run)."""
    text = output["data"].get("text/plain", "")
    text = "".join(text) if isinstance(text, list) else text
    if "Canvas(" in text or text.startswith("DrawPad("):
        return "drawpad"
    if text.startswith("interactive("):
        return "stepper" if re.search(r"Button\(|Play\(", text) else "sliders"
    if text.startswith("Playground(") or "Play(" in text:
        return "playground"
    return "sliders" if "Slider(" in text else "widget"


def still_html(still: dict | None, kind: str, words: dict) -> str:
    """The widget's pictures (if any) and the line saying what is live in JupyterLab."""
    kind = still["kind"] if still else kind
    images = still["images"] if still else []
    pictures = "".join(
        f'<img class="still" src="data:{mime};base64,{data}" alt="{html.escape(words["picture"])}">'
        for mime, data in images
    )
    note = words[kind] + ("" if images else " " + words["no picture"])
    return (f'<div class="static-widget static-widget-{kind}">{pictures}'
            f'<p class="live-note">{html.escape(note)}</p></div>')


# ---- the pages -----------------------------------------------------------------------------


EXTERNAL = re.compile(
    r"""<(?:script|link|img|iframe|source|video|audio|embed|object|track|input)\b[^>]*?\s(?:src|href|data|srcset|poster)"""
    r"""\s*=\s*["']?\s*((?:https?:)?//[^"'\s>]+)"""
    r"""|url\(\s*["']?\s*((?:https?:)?//[^"')\s]+)|@import\s+["']((?:https?:)?//[^"']+)""",
    re.IGNORECASE,
)
FONT_AWESOME = re.compile(r"<link\b[^>]*href=[\"'](?:https?:)?//[^\"']*font-awesome[^\"']*[\"'][^>]*>\s*", re.I)


def static_notebook(chapter: Chapter, stills: dict | None):
    """The notebook as the page shows it: widgets replaced, animation players made local."""
    nb = copy.deepcopy(nbformat.read(chapter.path, as_version=4))
    words = chapter.edition.words
    for cell in nb.cells:
        outputs, position = [], 0
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                bar = progress_bar(output)
                if bar:
                    text = words["progress"].format(description=bar[0], total=bar[1])
                    replaced = f'<p class="static-progress">{html.escape(text)}</p>'
                else:
                    still = (stills or {}).get(f"{cell.get('id')}/{position}")
                    replaced = still_html(still, kind_from_text(output), words)
                position += 1
                output = nbformat.v4.new_output("display_data", data={"text/html": replaced})
            elif "text/html" in data:
                text = data["text/html"]
                text = "".join(text) if isinstance(text, list) else text
                data["text/html"] = FONT_AWESOME.sub("", text)
            outputs.append(output)
        if "outputs" in cell:
            cell.outputs = outputs
    return nb


def navigation(chapter: Chapter, where: str) -> str:
    words = chapter.edition.words
    parts = [f'<a class="nav-contents" href="../index.html">{words["contents"]}</a>']
    if chapter.previous:
        parts.append(f'<a class="nav-previous" rel="prev" href="{chapter.previous.stem}.html">'
                     f'← {words["previous"]}: {html.escape(chapter.previous.title)}</a>')
    if chapter.next:
        parts.append(f'<a class="nav-next" rel="next" href="{chapter.next.stem}.html">'
                     f'{words["next"]}: {html.escape(chapter.next.title)} →</a>')
    if chapter.counterpart:
        other = chapter.counterpart
        parts.append(f'<a class="nav-edition" lang="{other.edition.lang}" hreflang="{other.edition.lang}" '
                     f'href="../{other.page}">{words["other edition"]}</a>')
    return f'<nav class="course-nav course-nav-{where}">{"".join(parts)}</nav>'


def page(title: str, lang: str, body: str, css: str, depth: int) -> str:
    """A page of the site: its own CSS inline, the Chinese font from static/ (English pages quote Chinese too)."""
    font = f'<link rel="stylesheet" href="{"../" * depth}static/cjk-font.css">\n'
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
{font}<style>
{css}
</style>
</head>
<body>
{body}
</body>
</html>
"""


def chapter_page(chapter: Chapter, body: str, css: str) -> str:
    body = re.sub(r'href="((?:\./)?([0-9][0-9]_[^"/#]+)\.ipynb)(#[^"]*)?"',
                  lambda m: f'href="{m.group(2)}.html{m.group(3) or ""}"'
                  if (chapter.path.parent / f"{m.group(2)}.ipynb").exists() else m.group(0), body)
    note = f'<p class="static-banner">{html.escape(chapter.edition.words["static"])}</p>'
    content = (f'{navigation(chapter, "top")}\n<main class="notebook">\n{note}\n{body}\n</main>\n'
               f'{navigation(chapter, "bottom")}')
    return page(f"{chapter.title} · nnlearn", chapter.edition.lang, f'<div class="page">{content}</div>', css,
                depth=1)


def index_page(chapters: dict[str, list[Chapter]], css: str) -> str:
    sections = []
    for edition in EDITIONS:
        found = chapters[edition.code]
        if not found:
            continue
        items = "\n".join(f'<li><a href="{c.page}">{html.escape(c.title)}</a></li>' for c in found)
        sections.append(f'<section class="edition" lang="{edition.lang}">\n<h2>{edition.name}</h2>\n'
                        f'<p class="intro">{html.escape(INDEX_INTRO[edition.code])}</p>\n'
                        f'<ul class="chapters">\n{items}\n</ul>\n</section>')
    body = (f'<div class="page index"><h1>{html.escape(INDEX_TITLE)}</h1>\n<div class="editions">\n'
            + "\n".join(sections) + "\n</div></div>")
    return page(INDEX_TITLE, "en", body, css, depth=0)


def stylesheet() -> str:
    highlight = HtmlFormatter(style="default").get_style_defs(".highlight")
    return CSS.strip() + "\n" + FONT_AWESOME_CSS.strip() + "\n" + highlight


CSS = """
:root { --text: #1f2328; --muted: #59636e; --border: #d1d9e0; --code: #f6f8fa; --accent: #0a5bb5;
        --note: #fff8e5; --note-border: #e3c25a; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--text); background: #fff; font-size: 16px; line-height: 1.6;
       font-family: "Noto Sans SC nnlearn", system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
         "DejaVu Sans", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; }
.page { max-width: 1000px; margin: 0 auto; padding: 8px 24px 48px; }
a { color: var(--accent); }
.course-nav { display: flex; flex-wrap: wrap; gap: 6px 18px; padding: 10px 0; font-size: 15px;
              border-bottom: 1px solid var(--border); }
.course-nav-bottom { border-bottom: 0; border-top: 1px solid var(--border); margin-top: 32px; }
.course-nav a { text-decoration: none; }
.course-nav a:hover { text-decoration: underline; }
.nav-edition { margin-left: auto; }
.static-banner { color: var(--muted); font-size: 14px; margin: 10px 0 0; }
.index h1 { font-size: 28px; margin: 28px 0 8px; }
.editions { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 8px 40px; }
.chapters { list-style: none; padding-left: 0; }  /* the titles carry their chapter numbers */
.chapters li { margin: 4px 0; }
.intro { color: var(--muted); font-size: 15px; }
.cell { margin: 10px 0; }
.text_cell_render { overflow-x: auto; }
.text_cell_render h1 { font-size: 30px; line-height: 1.25; margin: 20px 0 10px; }
.text_cell_render h2 { font-size: 23px; margin: 26px 0 8px; border-bottom: 1px solid var(--border); }
.text_cell_render h3 { font-size: 19px; margin: 20px 0 6px; }
.anchor-link { visibility: hidden; margin-left: 6px; text-decoration: none; color: var(--muted); }
:is(h1, h2, h3, h4):hover > .anchor-link { visibility: visible; }
code, pre { font-family: "Noto Sans SC nnlearn", "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace; }
.text_cell_render code { background: var(--code); padding: 1px 4px; border-radius: 4px; font-size: 0.9em; }
.text_cell_render pre { background: var(--code); padding: 8px 12px; border-radius: 6px; overflow-x: auto; }
.text_cell_render table { border-collapse: collapse; margin: 10px 0; }
.text_cell_render th, .text_cell_render td { border: 1px solid var(--border); padding: 4px 10px; }
.text_cell_render blockquote { margin: 10px 0; padding: 0 14px; color: var(--muted);
                               border-left: 4px solid var(--border); }
.input_area { background: var(--code); border: 1px solid var(--border); border-radius: 6px;
              padding: 8px 12px; overflow-x: auto; }
.input_area pre, .output_area pre { margin: 0; font-size: 13.5px; line-height: 1.45; }
.highlight { background: transparent; }
.output_wrapper { margin: 4px 0 0; }
.output_subarea { padding: 6px 2px; overflow-x: auto; }
.output_area pre { white-space: pre-wrap; }
.output_stderr { background: #fff0f0; }
.output_subarea img { max-width: 100%; height: auto; }
.static-widget { display: inline-block; max-width: 100%; }
.static-widget img.still { display: block; max-width: 100%; height: auto; }
.live-note, .static-progress { display: inline-block; margin: 6px 0; padding: 4px 10px; font-size: 14px;
                               background: var(--note); border: 1px solid var(--note-border); border-radius: 6px; }
.static-progress { background: var(--code); border-color: var(--border); color: var(--muted); }
math { font-size: 1.05em; }
math[display="block"] { display: block math; margin: 12px 0; }
.formula-failed { color: #b00020; }
"""

# matplotlib's animation player draws its buttons with font-awesome icons (<i class="fa fa-play">),
# whose stylesheet is on a CDN: the same icons as characters the usual fonts have.
FONT_AWESOME_CSS = r"""
.animation .fa { font-style: normal; font-family: "DejaVu Sans", "Segoe UI Symbol", "Apple Symbols",
                 "Noto Sans Symbols 2", sans-serif; font-size: 12px; line-height: 1; letter-spacing: -1px; }
.animation .anim-buttons button { height: 26px; cursor: pointer; }
.fa-play:before { content: "\25B6\FE0E"; }
.fa-pause:before { content: "\275A\275A"; letter-spacing: 1px; }
.fa-step-forward:before { content: "\25B6\FE0E\2759"; }
.fa-step-backward:before { content: "\2759\25C0\FE0E"; }
.fa-fast-forward:before { content: "\25B6\FE0E\25B6\FE0E\2759"; }
.fa-fast-backward:before { content: "\2759\25C0\FE0E\25C0\FE0E"; }
.fa-plus:before { content: "+"; font-size: 15px; }
.fa-minus:before { content: "\2212"; font-size: 15px; }
.fa-flip-horizontal { display: inline-block; transform: scaleX(-1); }
"""


def cjk_font_css() -> str:
    """The shipped Chinese font as an @font-face with a data: address (file:// pages may not load font files).

    It comes first in the pages' font lists, for Chinese characters only (its unicode-range): after
    an installed font without them, Chromium 156 drew boxes even once the font had loaded. A
    character it lacks falls back to the fonts after it, a Chinese font of the viewer's included.
    """
    data = base64.b64encode(CJK_FONT.read_bytes()).decode()
    return (f"/* {CJK_FONT_FAMILY}: a subset of Noto Sans SC (SIL Open Font License 1.1, see OFL.txt) with the "
            f"characters of the course, for Chinese characters only. */\n"
            f'@font-face {{ font-family: "{CJK_FONT_FAMILY}"; font-display: swap; '
            f"unicode-range: U+2E80-9FFF, U+3000-303F, U+FF00-FFEF; "
            f'src: url(data:font/otf;base64,{data}) format("opentype"); }}\n')


CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]")


def characters_not_in_the_font(pages: dict[str, str]) -> str:
    """The Chinese characters of the pages that the shipped font lacks (the site's own words are all in it)."""
    from fontTools.ttLib import TTFont

    cmap = TTFont(CJK_FONT).getBestCmap()
    found = set()
    for text in pages.values():
        found.update(CJK.findall(text))
    return "".join(sorted(c for c in found if ord(c) not in cmap))


# ---- the build -----------------------------------------------------------------------------


def prepare_output(out: Path) -> Path:
    """A fresh folder to write into, beside ``out`` (it replaces ``out`` once the build succeeded)."""
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise SystemExit(f"{out} exists and was not written by this script: choose another --out, or remove it")
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))


def build(notebooks: Path, out: Path, jobs: int, stills: bool, timeout: int) -> int:
    start = time.perf_counter()
    try:
        import latex2mathml  # noqa: F401
    except ImportError:
        raise SystemExit("latex2mathml is missing (it is in the test extra): "
                         ".venv/bin/pip install -e \".[test]\"  (or: .venv/bin/pip install latex2mathml)") from None
    chapters = find_chapters(notebooks)
    everything = [c for edition in EDITIONS for c in chapters[edition.code]]
    if not everything:
        raise SystemExit(f"no notebooks (NN_topic.ipynb) in {notebooks} or {notebooks / 'zh'}")
    for edition in EDITIONS:
        if not chapters[edition.code]:
            where = notebooks / edition.folder
            print(f"{where}: no .ipynb yet: the {edition.name} edition is left out of the site", flush=True)

    # The stills: notebooks with widgets run two at a time, each in a fresh kernel.
    taken: dict[Path, dict] = {}
    if stills:
        runs = {}
        for chapter in everything:
            upto = last_cell_with_a_still(nbformat.read(chapter.path, as_version=4))
            if upto >= 0:
                runs[chapter] = upto
        with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = {c: pool.submit(take_stills, str(c.path), upto, timeout) for c, upto in runs.items()}
            for chapter, future in futures.items():
                try:
                    taken[chapter.path], seconds = future.result()
                except Exception as error:
                    raise SystemExit(f"{chapter.label}: running it for the widgets' pictures failed (--no-stills "
                                     f"builds the site without running any notebook):\n{error}") from None
                print(f"{chapter.label}: ran to cell {runs[chapter] + 1} for {len(taken[chapter.path])} widget "
                      f"still(s) in {seconds:.1f} s", flush=True)

    formulas = Formulas()
    exporter = StaticExporter(formulas)
    css = stylesheet()
    pages = {}
    for chapter in everything:
        nb = static_notebook(chapter, taken.get(chapter.path))
        body = exporter.convert(nb, chapter.label, chapter.path.parent)
        pages[chapter.page] = chapter_page(chapter, body, css)
    if formulas.failures:
        raise SystemExit(f"{len(formulas.failures)} formula(s) do not convert to MathML (latex2mathml):\n  "
                         + "\n  ".join(formulas.failures))
    pages["index.html"] = index_page(chapters, css)

    offsite = [f"{name}: {next(g for g in m.groups() if g)}" for name, text in pages.items()
               for m in EXTERNAL.finditer(text)]
    if offsite:
        raise SystemExit("these pages would fetch something off the machine:\n  " + "\n  ".join(offsite))

    missing = characters_not_in_the_font(pages)
    if missing:
        print(f"note: {len(missing)} Chinese character(s) of the pages are not in the font that ships with nnlearn "
              f"(a viewer without a Chinese font sees boxes for them): {missing}", flush=True)

    folder = prepare_output(out)
    try:
        for name, text in pages.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
        (folder / "static").mkdir(exist_ok=True)
        (folder / "static" / "cjk-font.css").write_text(cjk_font_css(), encoding="utf-8")
        shutil.copyfile(CJK_FONT_LICENCE, folder / "static" / "OFL.txt")
        (folder / MARKER).write_text("written by scripts/build_static.py; the whole folder is replaced on rebuild\n")
        if out.exists():
            shutil.rmtree(out)
        os.replace(folder, out)
    finally:
        if folder.exists():
            shutil.rmtree(folder)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 1e6
    print(f"{out}: {len(pages)} pages ({', '.join(f'{len(chapters[e.code])} {e.code}' for e in EDITIONS)} "
          f"+ index), {formulas.converted} formulas as MathML, {sum(len(s) for s in taken.values())} widget "
          f"stills, {size:.1f} MB, in {time.perf_counter() - start:.0f} s", flush=True)
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site", help="the folder to write (default: site/)")
    parser.add_argument("--notebooks", type=Path, default=NOTEBOOKS,
                        help="the notebooks folder (default: notebooks/; the Chinese edition is in its zh/)")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                        help="notebooks run at the same time for the widgets' pictures (default: 2)")
    parser.add_argument("--no-stills", dest="stills", action="store_false",
                        help="run no notebook: widgets get only their line about JupyterLab, no picture")
    parser.add_argument("--timeout", type=int, default=300, help="seconds one cell may take")
    args = parser.parse_args(argv)
    return build(args.notebooks.resolve(), args.out.resolve(), args.jobs, args.stills, args.timeout)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
