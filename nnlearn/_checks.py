"""Input checks shared by the public functions.

Every public function of nnlearn checks what it is given before numpy sees it,
so a learner's mistake is reported in the learner's terms: which argument,
what was expected, what was given.
"""

from __future__ import annotations

import numbers

import numpy as np

from .language import tr


def describe(value) -> str:
    """A short description of ``value`` for an error message."""
    if isinstance(value, np.ndarray):
        return tr("an array of shape {shape} and dtype {dtype}").format(shape=value.shape, dtype=value.dtype)
    return f"{type(value).__name__} {value!r}"[:80]


def _to_float(name: str, value) -> np.ndarray:
    """``value`` as a float64 array, or a TypeError naming ``name``."""
    if not isinstance(value, (str, bytes)) and value is not None:
        try:
            return np.asarray(value, dtype=np.float64)
        except (TypeError, ValueError):
            pass
    raise TypeError(tr("{name} must be a number or an array of numbers, got {value}").format(
        name=name, value=describe(value)))


def as_float_array(name: str, value, ndim: int | tuple[int, ...] | None = None) -> np.ndarray:
    """``value`` as a finite float64 array, or a clear error naming ``name``."""
    # a float64 array needs no conversion: the network checks every batch, so this is kept short
    array = value if type(value) is np.ndarray and value.dtype == np.float64 else _to_float(name, value)
    if ndim is not None:
        allowed = (ndim,) if type(ndim) is int else ndim
        if array.ndim not in allowed:
            shapes = {0: tr("a scalar"), 1: tr("a 1-D array (n,)"), 2: tr("a 2-D array (rows, columns)")}
            wanted = tr(" or ").join(shapes.get(d, f"{d}-D") for d in allowed)
            raise ValueError(tr("{name} must be {wanted}, got shape {shape}").format(
                name=name, wanted=wanted, shape=array.shape))
    if array.size == 0:
        raise ValueError(tr("{name} must not be empty, got shape {shape}").format(name=name, shape=array.shape))
    if not np.isfinite(array).all():
        raise ValueError(tr("{name} must contain only finite numbers (no NaN or inf)").format(name=name))
    return array


def positive_int(name: str, value) -> int:
    """``value`` as a positive int, or a clear error naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(tr("{name} must be a positive integer, got {value}").format(name=name, value=describe(value)))
    if value <= 0:
        raise ValueError(tr("{name} must be a positive integer, got {value}").format(name=name, value=value))
    return int(value)


def positive_float(name: str, value) -> float:
    """``value`` as a positive finite float, or a clear error naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(tr("{name} must be a positive number, got {value}").format(name=name, value=describe(value)))
    value = float(value)
    if not np.isfinite(value) or value <= 0:
        raise ValueError(tr("{name} must be a positive finite number, got {value}").format(name=name, value=value))
    return value


def labels_array(name: str, value, n_classes: int) -> np.ndarray:
    """Integer class labels in [0, n_classes), as a 1-D int array."""
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(tr("{name} must be a 1-D array of integer labels, got {value}").format(
            name=name, value=describe(value)))
    array = np.asarray(value)
    if array.ndim != 1:
        raise ValueError(tr("{name} must be a 1-D array of integer labels, got shape {shape}").format(
            name=name, shape=array.shape))
    if array.size == 0:
        raise ValueError(tr("{name} must not be empty").format(name=name))
    if array.dtype.kind == "f":
        if not np.all(np.isfinite(array)) or not np.all(array == np.round(array)):
            raise TypeError(tr("{name} must hold integer labels 0 to {last}, got non-integer values").format(
                name=name, last=n_classes - 1))
        array = array.astype(np.int64)
    elif array.dtype.kind not in "iub":
        raise TypeError(tr("{name} must hold integer labels, got dtype {dtype}").format(name=name, dtype=array.dtype))
    array = array.astype(np.int64)
    if array.min() < 0 or array.max() >= n_classes:
        raise ValueError(tr("{name} must hold labels from 0 to {last} (the network has {n} outputs), "
                            "got values from {low} to {high}").format(
            name=name, last=n_classes - 1, n=n_classes, low=array.min(), high=array.max()))
    return array


def rng_from(name: str, seed) -> np.random.Generator:
    """A numpy Generator from an int seed or an existing Generator."""
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise TypeError(tr("{name} must be a non-negative integer or a numpy Generator, got {value}").format(
            name=name, value=describe(seed)))
    if seed < 0:
        raise ValueError(tr("{name} must be a non-negative integer or a numpy Generator, got {value}").format(
            name=name, value=seed))
    return np.random.default_rng(int(seed))


def numeric_array(name: str, value) -> np.ndarray:
    """``value`` as a float64 array for an elementwise function.

    Infinities are allowed (the sigmoid of +inf is 1); NaN is not, because a
    NaN in means a NaN out, silently.
    """
    array = _to_float(name, value)
    if np.isnan(array).any():
        raise ValueError(tr("{name} must not contain NaN").format(name=name))
    return array


def one_of(name: str, value, table: dict, also: str = ""):
    """``table[value]`` for a ``value`` that names one of the table's keys, or a clear error naming ``name``.

    ``also`` adds to the list of choices in the message (e.g. ``" or None"`` when the caller accepts None).
    """
    if isinstance(value, str) and value in table:
        return table[value]
    error = ValueError if isinstance(value, str) else TypeError
    raise error(tr("{name} must be one of {choices}, got {value}").format(
        name=name, choices=f"{sorted(table)}{also}", value=repr(value) if error is ValueError else describe(value)))
