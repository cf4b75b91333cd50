"""Build a static copy of the course, both editions, to read after class and offline.

    .venv/bin/python scripts/build_static.py                 # writes site/ (open site/index.html)
    .venv/bin/python scripts/build_static.py --out DIR       # somewhere else
    .venv/bin/python scripts/build_static.py --no-stills     # widgets without their pictures

``site/index.html`` lists the chapters of both editions; ``site/en/NN_topic.html`` and
``site/zh/NN_topic.html`` are the notebooks with their stored outputs, drawn by nbconvert's ``lab``
template in a page of our own (``build_static.html.j2``) that fetches nothing, so the site works from
``file://`` or any web server without a network. No notebook is run. What nbconvert does not do is here:
formulas as MathML (latex2mathml; one that does not convert fails the build, naming notebook, cell and
formula); widgets as their stills (the picture each starts with, stored beside its view by
``scripts/run_notebooks.py``) with a line on what is live in JupyterLab; links to the index, the
previous and next chapter and the other edition; the animation players without their CDN stylesheet;
the shipped Chinese font; and a check that no file of the site refers to anything off the machine.
"""

from __future__ import annotations

import argparse
import base64
import html
import os
import re
import shutil
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import nbformat
from jinja2 import pass_context
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run_notebooks, beside this script
from run_notebooks import STILL_TYPES, WIDGET_VIEW, progress_bar, still_problems  # noqa: E402

from nnlearn.pictures.style import CJK_FAMILY as CJK_FONT_FAMILY  # noqa: E402  (the figures' font, also here)
from nnlearn.pictures.style import CJK_FONT  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
TEMPLATE = Path(__file__).with_suffix(".html.j2")
MARKER = ".nnlearn-static-site"  # a folder with this file is one this script wrote (and may replace)


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


# ---- the chapters and their links -------------------------------------------------------


@dataclass(frozen=True)
class Chapter:
    edition: Edition
    path: Path  # the .ipynb
    title: str

    @property
    def page(self) -> str:
        """The page's address, relative to the site's top folder."""
        return f"{self.edition.code}/{self.path.stem}.html"

    @property
    def label(self) -> str:
        """How the build names the notebook in its messages: ``zh/07_backpropagation.ipynb``."""
        return f"{'' if self.edition.folder == '.' else self.edition.folder + '/'}{self.path.name}"


def title_of(nb, fallback: str) -> str:
    """The text of the notebook's first heading (markdown, emphasis, code and $ taken out)."""
    for cell in (c for c in nb.cells if c.cell_type == "markdown"):
        heading = re.search(r"^ {0,3}#{1,6}\s+(.*?)[\s#]*$", cell.source, re.M)
        if heading:
            text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading.group(1))  # a link: its text
            return re.sub(r"\s+", " ", re.sub(r"[*_`$]|\\(?=[^A-Za-z])", "", text)).strip()
    return fallback


def find_chapters(notebooks: Path) -> dict[str, list[Chapter]]:
    """The notebooks of each edition, in order."""
    return {e.code: [Chapter(e, path, title_of(nbformat.read(path, as_version=4), path.stem))
                     for path in sorted((notebooks / e.folder).glob("[0-9][0-9]_*.ipynb"))] for e in EDITIONS}


def navigation(chapters: dict[str, list[Chapter]], chapter: Chapter, where: str) -> str:
    """Links to the index, the previous and next chapter, and the same chapter in the other edition."""
    words, own = chapter.edition.words, chapters[chapter.edition.code]
    position = own.index(chapter)
    parts = [f'<a class="nav-contents" href="../index.html">{words["contents"]}</a>']
    if position > 0:
        before = own[position - 1]
        parts.append(f'<a class="nav-previous" rel="prev" href="{before.path.stem}.html">'
                     f'← {words["previous"]}: {html.escape(before.title)}</a>')
    if position + 1 < len(own):
        after = own[position + 1]
        parts.append(f'<a class="nav-next" rel="next" href="{after.path.stem}.html">'
                     f'{words["next"]}: {html.escape(after.title)} →</a>')
    for other in (c for code, found in chapters.items() if code != chapter.edition.code for c in found):
        if other.path.stem == chapter.path.stem:
            parts.append(f'<a class="nav-edition" lang="{other.edition.lang}" hreflang="{other.edition.lang}" '
                         f'href="../{other.page}">{words["other edition"]}</a>')
    return f'<nav class="course-nav course-nav-{where}">{"".join(parts)}</nav>'


# ---- formulas: LaTeX to MathML at build time ----------------------------------------------


def latex_to_mathml(tex: str, display: bool) -> str:
    """MathML for ``tex``, or ValueError saying why it would not read as written."""
    from latex2mathml.converter import convert

    if _unbalanced(tex):
        raise ValueError("unbalanced braces { }")
    try:
        mathml = convert(tex.strip(), display="block" if display else "inline")
        tree = ET.fromstring(mathml)
    except Exception as error:  # latex2mathml raises its own exception types, one per kind of mistake
        detail = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        raise ValueError(f"latex2mathml cannot convert it ({detail})") from None
    texts = [(e.text or "").strip() for e in tree.iter()]
    unknown = next((t for t in texts if "\\" in t), None)
    if unknown:
        raise ValueError(f"unknown command {unknown}")
    if any(t in ("{", "}") and f"\\{t}" not in tex for t in texts):
        raise ValueError("unbalanced braces { }")
    if not any(texts) and tex.strip():
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

    def __init__(self, to_mathml, **options):
        super().__init__(**options)
        self.to_mathml = to_mathml

    def block_math(self, body: str) -> str:
        return self.to_mathml(body, True)

    def inline_math(self, body: str) -> str:
        return self.to_mathml(body, False)

    def latex_environment(self, name: str, body: str) -> str:
        return self.to_mathml(f"\\begin{{{name}}}{body}\\end{{{name}}}", True)


class StaticExporter(HTMLExporter):
    """nbconvert's lab template in our page (build_static.html.j2), formulas in markdown as MathML."""

    def __init__(self):
        super().__init__(template_name="lab", template_file=TEMPLATE.name, extra_template_paths=[str(TEMPLATE.parent)],
                         exclude_input_prompt=True, exclude_output_prompt=True, embed_images=True)
        self.converted, self.failures, self.where = 0, [], ""

    @pass_context
    def markdown2html(self, context, source):
        cell = context.get("cell", {})
        number = next((k for k, c in enumerate(context["nb"].cells, start=1) if c is cell), "?")

        def to_mathml(tex: str, display: bool) -> str:
            try:
                mathml = latex_to_mathml(tex, display)
            except ValueError as error:
                dollars = "$$" if display else "$"
                self.failures.append(f"{self.where}, cell {number}: {dollars}{tex}{dollars}: {error}")
                return f'<code class="formula-failed">{html.escape(tex)}</code>'
            self.converted += 1
            return mathml

        renderer = MathMLRenderer(
            to_mathml, escape=False, attachments=cell.get("attachments", {}), embed_images=self.embed_images,
            path=context.get("resources", {}).get("metadata", {}).get("path", ""),
            anchor_link_text=self.anchor_link_text, exclude_anchor_links=self.exclude_anchor_links,
        )
        return MarkdownWithMath(renderer=renderer).render(source)

    def page(self, nb, where: str, folder: Path, **page) -> str:
        self.where = where  # named in the messages about formulas
        page = {"nav_top": "", "nav_bottom": "", "banner": "", **page, "cjk_family": CJK_FONT_FAMILY}
        body, _ = self.from_notebook_node(nb, resources={"metadata": {"path": str(folder)}, "page": page})
        return body

    def jupyterlab_css(self) -> str:
        """JupyterLab's stylesheet as the lab template inlines it, once for the whole site."""
        env = self.environment
        return "\n".join(env.loader.get_source(env, f"static/{name}")[0] for name in ("index.css", "theme-light.css"))


def links_to_pages(body: str, folder: Path) -> str:
    """Links from one chapter to another (``02_single_node.ipynb#...``) lead to its page instead."""
    return re.sub(r'href="(?:\./)?([0-9][0-9]_[^"/#]+)\.ipynb(#[^"]*)?"',
                  lambda m: f'href="{m[1]}.html{m[2] or ""}"' if (folder / f"{m[1]}.ipynb").exists() else m[0], body)


# ---- widgets and animations ----------------------------------------------------------------


def kind_of(text: str) -> str:
    """What a widget is, from the text form stored with its view."""
    if "Canvas(" in text or text.startswith("DrawPad("):
        return "drawpad"
    if text.startswith("interactive("):
        return "stepper" if re.search(r"Button\(|Play\(", text) else "sliders"
    if text.startswith("Playground(") or "Play(" in text:
        return "playground"
    return "sliders" if "Slider(" in text else "widget"


def widget_html(output, words: dict, stills: bool) -> str:
    """A widget's still (if any) and the line saying what is live in JupyterLab; a progress bar's line."""
    bar = progress_bar(output)
    if bar:
        text = words["progress"].format(description=bar[0], total=bar[1])
        return f'<p class="static-progress">{html.escape(text)}</p>'
    data = output["data"]
    mime = next((m for m in STILL_TYPES if m in data), None) if stills else None
    picture = (f'<img class="still" src="data:{mime};base64,{"".join(data[mime].split())}" '
               f'alt="{html.escape(words["picture"])}">' if mime else "")
    kind = kind_of(data.get("text/plain", ""))
    note = html.escape(words[kind] + ("" if picture else " " + words["no picture"]))
    return f'<div class="static-widget static-widget-{kind}">{picture}<p class="live-note">{note}</p></div>'


FONT_AWESOME = re.compile(r"<link\b[^>]*href=[\"'](?:https?:)?//[^\"']*font-awesome[^\"']*[\"'][^>]*>\s*", re.I)


def static_notebook(nb, words: dict, stills: bool):
    """The notebook as the page shows it: widgets as their stills, animation players without their CDN link."""
    for cell in nb.cells:
        for k, output in enumerate(cell.get("outputs", [])):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                cell.outputs[k] = nbformat.v4.new_output("display_data", data={
                    "text/html": widget_html(output, words, stills)})
            elif "text/html" in data:
                data["text/html"] = FONT_AWESOME.sub("", data["text/html"])
    return nb


# ---- fonts and the offline check -----------------------------------------------------------


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
    found = set().union(*(CJK.findall(text) for text in pages.values()))
    return "".join(sorted(c for c in found if ord(c) not in cmap))


EXTERNAL = re.compile(
    r"""<(?:script|link|img|iframe|source|video|audio|embed|object|track|input)\b[^>]*?\s(?:src|href|data|srcset|poster)"""
    r"""\s*=\s*["']?\s*((?:https?:)?//[^"'\s>]+)"""
    r"""|url\(\s*["']?\s*((?:https?:)?//[^"')\s]+)|@import\s+["']((?:https?:)?//[^"']+)""",
    re.IGNORECASE,
)


# ---- the build -----------------------------------------------------------------------------


def build(notebooks: Path, out: Path, stills: bool) -> int:
    start = time.perf_counter()
    try:
        import latex2mathml  # noqa: F401
    except ImportError:
        raise SystemExit("latex2mathml is missing (it is in the test extra): "
                         ".venv/bin/pip install -e \".[test]\"  (or: .venv/bin/pip install latex2mathml)") from None
    chapters = find_chapters(notebooks)
    if not any(chapters.values()):
        raise SystemExit(f"no notebooks (NN_topic.ipynb) in {notebooks} or {notebooks / 'zh'}")
    exporter, files, old_stills = StaticExporter(), {}, []
    for edition in EDITIONS:
        if not chapters[edition.code]:
            print(f"{notebooks / edition.folder}: no .ipynb yet: the {edition.name} edition is left out of the site")
        for chapter in chapters[edition.code]:
            nb = nbformat.read(chapter.path, as_version=4)
            problems = still_problems(nb) if stills else []
            old_stills += [f"{chapter.label}: {'; '.join(problems)}"] if problems else []
            body = exporter.page(
                static_notebook(nb, edition.words, stills), chapter.label, chapter.path.parent,
                lang=edition.lang, title=f"{chapter.title} · nnlearn", static="../static/",
                nav_top=navigation(chapters, chapter, "top"), nav_bottom=navigation(chapters, chapter, "bottom"),
                banner=f'<p class="static-banner">{html.escape(edition.words["static"])}</p>')
            files[chapter.page] = links_to_pages(body, chapter.path.parent)
    if exporter.failures:
        raise SystemExit(f"{len(exporter.failures)} formula(s) do not convert to MathML (latex2mathml):\n  "
                         + "\n  ".join(exporter.failures))
    sections = "".join(
        f'<section lang="{e.lang}"><h2>{e.name}</h2><p>{html.escape(INDEX_INTRO[e.code])}</p><ul>'
        + "".join(f'<li><a href="{c.page}">{html.escape(c.title)}</a></li>' for c in chapters[e.code])
        + "</ul></section>" for e in EDITIONS if chapters[e.code])
    index = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
        f'<h1>{html.escape(INDEX_TITLE)}</h1><div class="editions">{sections}</div>')])
    files["index.html"] = exporter.page(index, "index", notebooks, lang="en", title=INDEX_TITLE, static="static/")
    files["static/jupyterlab.css"] = exporter.jupyterlab_css()
    files["static/cjk-font.css"] = cjk_font_css()

    offsite = [f"{name}: {next(g for g in m.groups() if g)}" for name, text in files.items()
               for m in EXTERNAL.finditer(text)]
    if offsite:
        raise SystemExit("these pages would fetch something off the machine:\n  " + "\n  ".join(offsite))
    if old_stills:
        print("note: widgets without a current still (`python scripts/run_notebooks.py NOTEBOOK` takes them):\n  "
              + "\n  ".join(old_stills))
    missing = characters_not_in_the_font(files)
    if missing:
        print(f"note: {len(missing)} Chinese character(s) of the pages are not in the font that ships with nnlearn "
              f"(a viewer without a Chinese font sees boxes for them): {missing}")

    folder = prepare_output(out)
    try:
        for name, text in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
        shutil.copyfile(CJK_FONT.with_name("OFL.txt"), folder / "static" / "OFL.txt")
        (folder / MARKER).write_text("written by scripts/build_static.py; the whole folder is replaced on rebuild\n")
        if out.exists():
            shutil.rmtree(out)
        os.replace(folder, out)
    finally:
        if folder.exists():
            shutil.rmtree(folder)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 1e6
    print(f"{out}: {sum(map(len, chapters.values())) + 1} pages "
          f"({', '.join(f'{len(chapters[e.code])} {e.code}' for e in EDITIONS)} + index), "
          f"{exporter.converted} formulas as MathML, {size:.1f} MB, in {time.perf_counter() - start:.0f} s")
    return 0


def prepare_output(out: Path) -> Path:
    """A fresh folder to write into, beside ``out`` (it replaces ``out`` once the build succeeded)."""
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise SystemExit(f"{out} exists and was not written by this script: choose another --out, or remove it")
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site", help="the folder to write (default: site/)")
    parser.add_argument("--notebooks", type=Path, default=NOTEBOOKS,
                        help="the notebooks folder (default: notebooks/; the Chinese edition is in its zh/)")
    parser.add_argument("--no-stills", dest="stills", action="store_false",
                        help="widgets get only their line about JupyterLab, not the picture stored with them")
    args = parser.parse_args(argv)
    return build(args.notebooks.resolve(), args.out.resolve(), args.stills)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
