"""Draw the README's picture: chapter 6's descent animation as a GIF.

    .venv/bin/python scripts/make_readme_images.py

The same animation as notebook 06 (the line fit's loss surface with the descent
path, beside the line improving on the data), written to docs/descent.gif.
"""

from pathlib import Path

from nnlearn.linefit import CHAPTER_6
from nnlearn.pictures import animation

OUT = Path(__file__).resolve().parents[1] / "docs" / "descent.gif"


def main() -> None:
    fit = CHAPTER_6.fit()
    anim = animation.animate_descent(fit, start=CHAPTER_6.start, learning_rate=CHAPTER_6.learning_rate,
                                     steps=CHAPTER_6.steps, frames=30, dpi=80)
    frames = animation.frame_images(anim, colors=32)
    last = [frames[-1]] * 8  # rest on the answer before starting again
    frames[0].save(OUT, save_all=True, append_images=frames[1:] + last, duration=160, loop=0, optimize=True)
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e3:.0f} kB, {len(frames)} frames)")


if __name__ == "__main__":
    main()
