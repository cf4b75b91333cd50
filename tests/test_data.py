import numpy as np

from nnlearn.data import load_digits, study_hours


def test_digits_shapes_range_and_balance():
    X_train, y_train, X_test, y_test = load_digits()
    assert X_train.shape == (4000, 256) and X_test.shape == (1000, 256)
    assert y_train.shape == (4000,) and y_test.shape == (1000,)
    for X in (X_train, X_test):
        assert X.dtype == np.float64
        assert X.min() == -1.0 and X.max() == 1.0
    np.testing.assert_array_equal(np.bincount(y_train), [400] * 10)
    np.testing.assert_array_equal(np.bincount(y_test), [100] * 10)


def test_digits_look_like_digits():
    X_train, y_train, _, _ = load_digits()
    # mostly dark background with white strokes: the corners are dark, the centre is not always
    images = X_train.reshape(-1, 16, 16)
    assert np.mean(images[:, 0, 0] == -1.0) > 0.95
    assert np.mean(images[:, 6:10, 6:10] > 0) > 0.1
    # the classes differ: the mean "1" is narrower than the mean "0"
    ink = (images + 1) / 2
    assert ink[y_train == 1].sum(axis=(1, 2)).mean() < ink[y_train == 0].sum(axis=(1, 2)).mean()


def test_train_and_test_do_not_overlap():
    X_train, _, X_test, _ = load_digits()
    train_rows = {row.tobytes() for row in X_train}
    assert not any(row.tobytes() in train_rows for row in X_test)


def test_each_call_returns_fresh_arrays():
    a = load_digits()[0]
    a[:] = 0
    assert load_digits()[0].min() == -1.0


def test_study_hours_is_seeded_and_linear():
    hours, scores = study_hours()
    again_hours, again_scores = study_hours()
    np.testing.assert_array_equal(hours, again_hours)
    np.testing.assert_array_equal(scores, again_scores)
    assert hours.min() >= 0.5 and hours.max() <= 10
    assert scores.min() >= 0 and scores.max() <= 100
    slope, intercept = np.polyfit(hours, scores, 1)
    assert 3 < slope < 7 and 35 < intercept < 55
    assert np.corrcoef(hours, scores)[0, 1] > 0.8
