"""The lab's shipped digit network is the one its documented training gives."""

import numpy as np

from nnlearn.course import reader


def test_training_again_with_the_documented_settings_gives_the_shipped_weights(tmp_path):
    trained = reader.train_digit_reader()  # a few seconds
    shipped = reader.load_digit_reader()
    assert shipped.layer_sizes == trained.layer_sizes == [256, 64, 10]
    for ours, theirs in zip(shipped.layers, trained.layers):
        # stored as float32: equal to about 7 significant digits
        np.testing.assert_allclose(ours.W, theirs.W, rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(ours.b, theirs.b, rtol=1e-5, atol=1e-6)
    path = reader.save_digit_reader(trained, tmp_path / "again.npz")
    with np.load(path) as again, np.load(reader.Path(reader.__file__).with_name(reader.FILE)) as original:
        assert sorted(again) == sorted(original) == ["W0", "W1", "b0", "b1"]
