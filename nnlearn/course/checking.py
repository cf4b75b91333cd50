"""How an exercise checks itself: written once, for exercises that take a number and for
exercises that take a function.

An exercise is its question (the checker's docstring), its cases, its hints and its
solution, nothing else.  What they all share lives here:

* the placeholder: an answer still ``...`` (or a function whose body is still ``...``)
  only prints a reminder, so the notebooks as shipped give the same output every run;
* the verdict: :class:`Right` with the reason, or the hint as a plain string, printed
  after "Right!" or "Not yet." and returned as a :class:`Check`;
* two levels of hints and a solution, asked for by name with :func:`hint` and
  :func:`solution` (the solutions are stored lightly encoded, see ``_solutions.py``).

:func:`exercise` makes a checker of a function that judges numbers (:func:`compare` judges
one number against its known slips); :func:`code_exercise` makes a checker that runs the
learner's function on hidden :class:`Case` objects, compares it with nnlearn's own
function, and names the slip when the learner's function behaves like a known wrong one.
The learner's own exception is reported in one line, as theirs; nothing from inside
nnlearn reaches them as a traceback.  Every text reaches the learner through :func:`~nnlearn.language.tr`.
"""

from __future__ import annotations

import base64
import copy
import dis
import functools
import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..language import tr
from ._solutions import SOLUTIONS

RIGHT = "Right!"
NOT_YET = "Not yet."
PLACEHOLDER = "Replace ... with your answer, then run this cell again."
CODE_PLACEHOLDER = "Replace ... with the body of {name}, then run this cell again."
STUCK = ' (Stuck? exercises.hint("{name}").)'


class Check:
    """The outcome of a checker, true when the answer is right; it shows nothing (the message was printed)."""

    def __init__(self, ok: bool, message: str):
        self.ok = bool(ok)
        self.message = message

    def __bool__(self) -> bool:
        return self.ok

    def _ipython_display_(self) -> None:
        """Show nothing: the message was printed when the check ran."""

    def __repr__(self) -> str:
        return f"Check(ok={self.ok})"


class Right(str):
    """A checker's verdict for a right answer: the reason why it is right."""


# ---- hints and solutions, by exercise name -----------------------------------------
@dataclass(frozen=True)
class Help:
    """What a learner can ask for about one exercise: two hints, then the solution."""

    name: str
    hints: tuple[str, str]


REGISTRY: dict[str, Help] = {}


def _register(name: str, hints: Sequence[str]) -> None:
    if len(hints) != 2:
        raise ValueError(f"exercise {name!r} needs two hints (the idea, then the line), got {len(hints)}")
    if name not in SOLUTIONS:
        raise ValueError(f"exercise {name!r} has no solution in _solutions.py")
    REGISTRY[name] = Help(name, tuple(hints))


def _known(name: str) -> Help | None:
    found = REGISTRY.get(name)
    if found is None:
        print(tr("There is no exercise called {name!r}. The exercises are: {names}.").format(
            name=name, names=", ".join(sorted(REGISTRY))))
    return found


def hint(name: str | None = None, level: int = 1) -> None:
    """Print hint ``level`` (1: the idea; 2: the line to write) of the exercise ``name``.

    ``name`` is the checker's name without ``check_`` (for a code exercise, the name of the
    function you write), as the checker's message says.  Without a name: the list of names.
    """
    if name is None:
        print(tr('Name an exercise, e.g. exercises.hint("sigmoid"). The exercises are: {names}.').format(
            names=", ".join(sorted(REGISTRY))))
        return
    found = _known(name)
    if found is None:
        return
    if level not in (1, 2):
        print(tr("There are two hints: level=1 (the idea) and level=2 (the line to write)."))
        return
    more = (tr('exercises.hint("{name}", level=2) points at the line.') if level == 1
            else tr('exercises.solution("{name}") shows a solution.')).format(name=name)
    print(tr("Hint {level} of 2: {hint}\n({more})").format(level=level, hint=tr(found.hints[level - 1]), more=more))


def decode(text: str) -> str:
    """A solution as written (they are stored base64-encoded; see ``_solutions.py``)."""
    return base64.b64decode(text.encode("ascii")).decode("utf-8")


def encode(text: str) -> str:
    """The stored form of a solution: how to add one to ``_solutions.py``."""
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def solution_text(name: str) -> str:
    """The solution of exercise ``name``: the exercise's cell, filled in."""
    return decode(SOLUTIONS[name])


def solution(name: str) -> None:
    """Print a solution of the exercise ``name``: its cell filled in, to read or to paste.
    Try the two hints first: a solution read before trying teaches less than one read after."""
    if _known(name) is not None:
        print(tr("A solution ({name}):").format(name=name) + f"\n\n{solution_text(name)}")


def _report(verdict, name: str | None = None) -> Check:
    """Print and return the verdict ("Right!" or "Not yet.", then the reason or the hint)."""
    ok = isinstance(verdict, Right)
    message = (tr("Right! {verdict}") if ok else tr("Not yet. {verdict}")).format(verdict=verdict)
    if not ok and name is not None:
        message += "\n" + tr('For a hint: exercises.hint("{name}").').format(name=name)
    print(message)
    return Check(ok, message)


def _placeholder(reminder: str, name: str) -> Check:
    """The reminder (a placeholder text) for an exercise not answered yet, with the way to its first hint."""
    print(tr(reminder).format(name=name) + tr(STUCK).format(name=name))
    return Check(False, "no answer yet")


def _unanswered(value) -> bool:
    return value is ... or value is None


# ---- exercises that take numbers -----------------------------------------------------
def _number(answer):
    """The answer as a float, or ``None`` if it is not a single number."""
    try:
        value = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return None
    if value.ndim != 0 or not np.isfinite(value):
        return None
    return float(value)


def _close(a, b, tol=1e-6) -> bool:
    return a is not None and abs(a - b) <= tol * max(1.0, abs(b))


def compare(value, expected, right, slips=(), otherwise="", tol=1e-6):
    """The verdict on a number: :class:`Right` (``right``) when ``value`` is ``expected``,
    else the hint of the first ``(wrong value, hint)`` in ``slips`` that it equals, else ``otherwise``."""
    if _close(value, expected, tol):
        return Right(right)
    return next((hint for wrong, hint in slips if _close(value, wrong, tol)), otherwise)


def exercise(*answers, hints, numbers=True):
    """Make a checker of ``judge(...)``; ``answers`` names the arguments that the learner fills in.

    The checker reminds the learner to fill in an answer still ``...``, passes the answers to
    ``judge`` as floats (``numbers=True``; an answer that is not one number is a hint of its own),
    prints the verdict and returns a :class:`Check`.  ``hints`` are the two levels of :func:`hint`;
    the exercise's name is the judge's name without ``check_``."""
    def make(judge):
        name = judge.__name__.removeprefix("check_")
        _register(name, hints)
        signature = inspect.signature(judge)

        @functools.wraps(judge)
        def check(*args, **kwargs):
            call = signature.bind(*args, **kwargs)
            call.apply_defaults()
            given = [call.arguments[arg] for arg in answers]
            if any(_unanswered(a) for a in given):
                return _placeholder(PLACEHOLDER, name)
            if numbers:
                values = [_number(a) for a in given]
                if any(v is None for v in values):
                    must = tr("{names} must be a single number.") if len(answers) == 1 else \
                        tr("{names} must be single numbers.")
                    return _report(must.format(names=tr(" and ").join(answers)), name)
                call.arguments.update(zip(answers, values))
            return _report(judge(*call.args, **call.kwargs), name)

        return check

    return make


# ---- exercises that take a function --------------------------------------------------
@dataclass(frozen=True)
class Case:
    """One hidden case: its kind (what the learner is told), the arguments, and the hint for a failure on it."""

    kind: str
    args: tuple
    hint: str = ""


@dataclass(frozen=True)
class Slip:
    """A known wrong answer, written as code, and the hint that names it."""

    function: Callable
    hint: str


class _Raised(Exception):
    """The learner's function raised: kept apart from the exceptions of the checker itself."""

    def __init__(self, error: BaseException):
        super().__init__(error)
        self.error = error


def _run(function, args):
    """``function(*args)`` on copies of ``args``, numpy overflows raised; its exception wrapped in :class:`_Raised`."""
    try:
        with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
            return function(*copy.deepcopy(args))
    except Exception as error:  # the learner's code may raise anything: report it as theirs
        raise _Raised(error) from None


def _as_parts(result, parts: Sequence[str]):
    """The result as a list of float arrays, one per named part, or a message why not."""
    if parts:
        if not isinstance(result, (tuple, list)) or len(result) != len(parts):
            return tr(" returns {kind}; it should return {count} things: {names}").format(
                kind=_kind_of(result), count=len(parts), names=", ".join(parts))
        items = list(result)
    else:
        items = [result]
    arrays = []
    for item in items:
        try:
            arrays.append(np.asarray(item, dtype=float))
        except (TypeError, ValueError):
            return tr(" returns {kind}, not numbers").format(kind=_kind_of(item))
    return arrays


def _kind_of(value) -> str:
    if isinstance(value, np.ndarray):
        return tr("an array of shape {shape}").format(shape=value.shape)
    if isinstance(value, (tuple, list)):
        many = tr("a list of {count}") if isinstance(value, list) else tr("a tuple of {count}")
        return many.format(count=len(value))
    return f"{type(value).__name__} {value!r}"[:60]


def _show(array: np.ndarray) -> str:
    if array.ndim == 0:
        return f"{float(array):.6g}"
    if array.size <= 4:
        return "[" + ", ".join(f"{float(a):.4g}" for a in array.ravel()) + "]"
    return _kind_of(array)


def _difference(got, expected, parts: Sequence[str], tol: float) -> str | None:
    """What is wrong with ``got`` (a result) against ``expected`` (a list of arrays), or None."""
    got = _as_parts(got, parts)
    if isinstance(got, str):
        return got
    for label, g, e in zip(parts or [""], got, expected):
        what = tr("'s {label}").format(label=label) if label else ""
        if g.shape != e.shape and g.size == e.size == 1:
            g = g.reshape(e.shape)  # a number returned as a 1-element array (or back) is fine
        if g.shape != e.shape:
            return tr("{what} has shape {got} where {expected} is expected").format(what=what, got=g.shape,
                                                                                    expected=e.shape)
        if not np.all(np.isfinite(g)):
            return tr("{what} gives nan or inf").format(what=what)
        if not np.allclose(g, e, rtol=tol, atol=tol):
            if e.size > 4:
                return tr("{what} gives numbers that differ from nnlearn's").format(what=what)
            return tr("{what} gives {got} where {expected} is expected").format(what=what, got=_show(g),
                                                                                expected=_show(e))
    return None


def _outcome(function, args):
    """What ``function(*args)`` gives, or the :class:`_Raised` that it raised."""
    try:
        return _run(function, args)
    except _Raised as raised:
        return raised


def _same(outcome, other, parts, tol) -> bool:
    """Whether two outcomes agree: both raised, or both gave the same numbers."""
    if isinstance(outcome, _Raised) or isinstance(other, _Raised):
        return isinstance(outcome, _Raised) and isinstance(other, _Raised)
    other = _as_parts(other, parts)
    return not isinstance(other, str) and _difference(outcome, other, parts, tol) is None


def _problem(outcome, expected, case: Case, parts, tol) -> str | None:
    """What went wrong on one case, as a sentence, or None when the case passed."""
    if isinstance(outcome, _Raised):
        return _raised(outcome.error, case)
    difference = _difference(outcome, expected, parts, tol)
    return None if difference is None else tr('On the case "{kind}" your function{difference}.').format(
        kind=tr(case.kind), difference=difference)


def code_exercise(name: str, *, question: str, reference: Callable, cases: Sequence[Case],
                  slips: Sequence[Slip] = (), hints: Sequence[str], parts: Sequence[str] = (),
                  right: str = "", tol: float = 1e-6):
    """Make the checker of the code exercise ``name``: ``check_name(your_function)``.

    ``question`` becomes the checker's docstring; ``reference`` is nnlearn's own way of computing the
    answer; ``cases`` are the hidden inputs; ``slips`` are wrong functions a learner typically writes,
    each with the hint that names its slip; ``parts`` names the items of a result that is a tuple
    (``("dW", "db", "dx")``).  The checker prints the verdict and returns a :class:`Check`."""
    _register(name, hints)
    expected = [_as_parts(reference(*case.args), parts) for case in cases]

    def check(function) -> Check:
        if _unanswered(function):
            return _placeholder(PLACEHOLDER, name)
        if not callable(function):
            return _report(tr("Pass your function itself, {name} (without calling it), not {kind}.").format(
                name=name, kind=_kind_of(function)), name)
        outcomes = [_outcome(function, case.args) for case in cases]
        if not isinstance(outcomes[0], _Raised) and _unanswered(outcomes[0]):
            if _body_is_placeholder(function):
                return _placeholder(CODE_PLACEHOLDER, name)
            return _report(tr("Your function returns {value!r}: did you forget the `return`?").format(
                value=outcomes[0]), name)
        failed = [(case, problem) for case, outcome, want in zip(cases, outcomes, expected)
                  if (problem := _problem(outcome, want, case, parts, tol)) is not None]
        if not failed:
            passes = tr("{name} passes all {count} hidden cases ({kinds}).").format(
                name=name, count=len(cases), kinds=tr("; ").join(tr(case.kind) for case in cases))
            return _report(Right(f"{passes}\n{tr(right)}".rstrip()))
        slip = next((slip for slip in slips
                     if all(_same(outcome, _outcome(slip.function, case.args), parts, tol)
                            for outcome, case in zip(outcomes, cases))), None)
        case, problem = failed[0]
        advice = tr(slip.hint if slip is not None else case.hint)
        return _report(f"{problem}\n{advice}".rstrip(), name)

    check.__name__ = check.__qualname__ = f"check_{name}"
    check.__doc__ = question
    return check


def _body_is_placeholder(function) -> bool:
    """Whether the function's body is still only ``...`` (or ``pass``), after its docstring: such a
    body compiles to "return None" and nothing else; one that forgets ``return`` does more."""
    code = getattr(function, "__code__", None)
    if code is None:
        return True
    steps = [(i.opname, i.argval) for i in dis.get_instructions(code) if i.opname not in ("RESUME", "NOP", "CACHE")]
    return steps in ([("LOAD_CONST", None), ("RETURN_VALUE", None)], [("RETURN_CONST", None)])


def _raised(error: BaseException, case: Case) -> str:
    """One line about the learner's exception, with the case's hint when numbers overflowed."""
    text = str(error).splitlines()[0][:120] if str(error) else ""
    if isinstance(error, (FloatingPointError, OverflowError)):
        return tr('On the case "{kind}" your function overflows (numpy: "{text}").').format(
            kind=tr(case.kind), text=text or type(error).__name__)
    return tr('Your function raised {error}: {text} (case "{kind}").').format(
        error=type(error).__name__, text=text, kind=tr(case.kind))


__all__ = [
    "CODE_PLACEHOLDER", "NOT_YET", "PLACEHOLDER", "REGISTRY", "RIGHT", "Case", "Check", "Right", "Slip",
    "code_exercise", "compare", "decode", "encode", "exercise", "hint", "solution", "solution_text",
]
