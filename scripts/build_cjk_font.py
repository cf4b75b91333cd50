"""Build the small Chinese font that the package ships for its figures.

Matplotlib's own font (DejaVu Sans) has no Chinese characters. The Chinese edition's figure
labels are drawn with a subset of Noto Sans SC (SIL Open Font License 1.1, by Adobe and
Google: https://github.com/notofonts/noto-cjk) that holds only the characters the course
uses: every character of the catalogs in ``nnlearn/translations/`` and of the Chinese
notebooks, plus common punctuation. The subset is renamed "Noto Sans SC nnlearn" (the licence
allows modified versions; Noto has no reserved font name) so that it never stands in for a
full Noto Sans SC installed on the machine. ::

    .venv/bin/python scripts/build_cjk_font.py                       # source font from PyPI
    .venv/bin/python scripts/build_cjk_font.py --source NotoSansSC-Regular.otf

Without ``--source`` the script downloads the wheel ``pylopdf-fonts-zh-cn==0.1.1`` (17 MB,
which contains Noto Sans SC 2.004 and its licence) with pip into a temporary folder. The output
is byte-stable: the same characters and source give the same file. Run it again after adding
catalog entries; ``tests/test_language.py`` fails and says so when a character is missing.
"""

from __future__ import annotations

import argparse
import glob
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nnlearn.pictures.style import CJK_FAMILY as FAMILY  # noqa: E402  (where the package looks for it)
from nnlearn.pictures.style import CJK_FONT as FONT  # noqa: E402

OUT = FONT.parent
WHEEL = "pylopdf-fonts-zh-cn==0.1.1"
SOURCE_IN_WHEEL = "pylopdf_fonts_zh_cn/NotoSansSC-Regular.otf"
PUNCTUATION = "，。、：；！？（）「」『』《》“”‘’—…·～【】％＋－×÷＝"
CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2026\u00b7]")


def characters() -> str:
    """Every character the Chinese edition may draw in a figure, sorted."""
    from nnlearn.language import catalog

    texts = [*catalog("zh").values(), PUNCTUATION]
    for path in sorted(glob.glob(str(ROOT / "notebooks" / "zh" / "*.md"))):
        texts.append(Path(path).read_text(encoding="utf-8"))
    return "".join(sorted(set(CJK.findall("".join(texts)))))


def source_font(path: str | None) -> bytes:
    if path:
        return Path(path).read_bytes()
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", WHEEL, "-d", folder],
                       check=True)
        wheel = next(Path(folder).glob("*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            licence = next(n for n in archive.namelist() if n.endswith("LICENSE"))
            (OUT / "OFL.txt").write_bytes(archive.read(licence))
            return archive.read(SOURCE_IN_WHEEL)


def build(source: bytes, text: str) -> bytes:
    font = TTFont(io.BytesIO(source), recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text + " ")
    subsetter.subset(font)
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 4, 16):
            record.string = FAMILY
        elif record.nameID == 6:
            record.string = FAMILY.replace(" ", "") + "-Regular"
        elif record.nameID == 3:
            record.string = f"{FAMILY} (subset of Noto Sans SC 2.004 for nnlearn)"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", help="NotoSansSC-Regular.otf to subset (default: from the PyPI wheel)")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    text = characters()
    data = build(source_font(args.source), text)
    FONT.write_bytes(data)
    print(f"{FONT.relative_to(ROOT)}: {len(text)} characters, {len(data) / 1024:.0f} KB")


if __name__ == "__main__":
    main()
