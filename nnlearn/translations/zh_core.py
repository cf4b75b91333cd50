"""中文: the core's messages (argument checks, training progress)."""

MESSAGES = {
    # ---- _checks.py: the argument checks every public function shares ----
    "an array of shape {shape} and dtype {dtype}": "dtype 为 {dtype}、形状为 {shape} 的数组",
    "{name} must be a number or an array of numbers, got {value}": "{name} 必须是一个数或一个数组，收到的是 {value}",
    "a scalar": "标量",
    "a 1-D array (n,)": "形状为 (n,) 的一维数组",
    "a 2-D array (rows, columns)": "形状为 (行, 列) 的二维数组",
    " or ": "或",
    " or None": " 或 None",
    "{name} must be {wanted}, got shape {shape}": "{name} 必须是{wanted}，收到的形状是 {shape}",
    "{name} must not be empty, got shape {shape}": "{name} 不能为空，收到的形状是 {shape}",
    "{name} must contain only finite numbers (no NaN or inf)": "{name} 只能包含有限的数（不能有 NaN 或 inf）",
    "{name} must be a positive integer, got {value}": "{name} 必须是正整数，收到的是 {value}",
    "{name} must be a positive number, got {value}": "{name} 必须是正数，收到的是 {value}",
    "{name} must be a positive finite number, got {value}": "{name} 必须是有限的正数，收到的是 {value}",
    "{name} must be a 1-D array of integer labels, got {value}":
        "{name} 必须是由整数标签组成的一维数组，收到的是 {value}",
    "{name} must be a 1-D array of integer labels, got shape {shape}":
        "{name} 必须是由整数标签组成的一维数组，收到的形状是 {shape}",
    "{name} must not be empty": "{name} 不能为空",
    "{name} must hold integer labels 0 to {last}, got non-integer values":
        "{name} 必须是 0 到 {last} 的整数标签，收到的却有非整数的值",
    "{name} must hold integer labels, got dtype {dtype}": "{name} 必须是整数标签，收到的 dtype 是 {dtype}",
    "{name} must hold labels from 0 to {last} (the network has {n} outputs), got values from {low} to {high}":
        "{name} 的标签必须在 0 到 {last} 之间（网络有 {n} 个输出），收到的值从 {low} 到 {high}",
    "{name} must be a non-negative integer or a numpy Generator, got {value}":
        "{name} 必须是非负整数或 numpy Generator，收到的是 {value}",
    "{name} must not contain NaN": "{name} 不能包含 NaN",
    "{name} must be one of {choices}, got {value}": "{name} 必须是 {choices} 之一，收到的是 {value}",
    # ---- network.py ----
    "call forward before backward: backward needs the stored x and y":
        "请先调用 forward 再调用 backward：backward 需要 forward 保存下来的 x 和 y",
    "layer_sizes must be a list of layer widths such as [256, 64, 10], got {value}":
        "layer_sizes 必须是由各层节点数组成的列表，例如 [256, 64, 10]，收到的是 {value}",
    "layer_sizes must name at least an input and an output layer, e.g. [256, 10]; got {value}":
        "layer_sizes 至少要给出输入层和输出层，例如 [256, 10]；收到的是 {value}",
    "loss='cross_entropy' needs output_activation='softmax' (outputs that are probabilities), got {value}":
        "loss='cross_entropy' 需要 output_activation='softmax'（输出是概率），收到的是 {value}",
    "{name} must have {n} columns, one per input node (the network's input layer takes {n} values), "
    "got {got} columns (shape {shape})":
        "{name} 必须有 {n} 列，每个输入节点一列（网络的输入层接收 {n} 个值），收到的是 {got} 列（形状为 {shape}）",
    "X and {name} must have the same length (one label per row of X), got {rows} rows and {labels} labels":
        "X 和 {name} 必须一样长（X 的每一行对应一个标签），收到的是 {rows} 行和 {labels} 个标签",
    "call forward(X) before backward(Y): backward needs the outputs for X":
        "请先调用 forward(X) 再调用 backward(Y)：backward 需要 X 的输出",
    "Y must have shape {shape} (one one-hot row per sample of the last forward(X), {n} columns), got shape {got}":
        "Y 的形状必须是 {shape}（上一次 forward(X) 的每个样本一行独热编码，共 {n} 列），收到的形状是 {got}",
    "validation must be a pair (X_val, y_val), got {value}": "validation 必须是一对 (X_val, y_val)，收到的是 {value}",
    "validation X": "validation 中的 X",
    "validation y": "validation 中的 y",
    "training": "训练",
    # ---- neuron.py ----
    "x must have shape ({i},) for one sample or (n, {i}) for n samples, because this neuron has {i} weights; "
    "got shape {shape}":
        "x 的形状必须是 ({i},)（一个样本）或 (n, {i})（n 个样本），因为这个神经元有 {i} 个权重；收到的形状是 {shape}",
    # ---- losses.py ----
    "y and y_hat must have the same shape, got {shape} and {shape_hat}":
        "y 和 y_hat 的形状必须相同，收到的是 {shape} 和 {shape_hat}",
    "y_hat must hold probabilities between 0 and 1 (a softmax output)":
        "y_hat 必须是 0 到 1 之间的概率（softmax 的输出）",
    # ---- descent.py: DivergenceError and DivergenceWarning ----
    "{what} diverged at step {step} with learning_rate={learning_rate:g}: the values exploded. "
    "Try a smaller learning_rate, e.g. {smaller:g}.":
        "{what}在第 {step} 步发散了（learning_rate={learning_rate:g}）：数值爆炸了。"
        "试试更小的 learning_rate，例如 {smaller:g}。",
    "gradient descent": "梯度下降",
    "gradient must be a function of the current point, got {value}":
        "gradient 必须是一个以当前点为参数的函数，收到的是 {value}",
    'on_divergence must be "raise" or "warn", got {value}': 'on_divergence 必须是 "raise" 或 "warn"，收到的是 {value}',
    "gradient must return an array of shape {shape} (the shape of start), got shape {got}":
        "gradient 必须返回形状为 {shape} 的数组（与 start 的形状相同），收到的形状是 {got}",
    "gradient returned None (a missing return?) at the point {point}: it must return the slope at that point, "
    "of shape {shape} (the shape of start)":
        "gradient 在点 {point} 处返回了 None（是不是忘了写返回值？）：它必须返回这一点的斜率，"
        "形状为 {shape}（与 start 的形状相同）",
    "gradient returned {value} at the start point {point}: descent needs a finite slope to take its first step":
        "gradient 在起点 {point} 处返回了 {value}：梯度下降要有一个有限的斜率，才能迈出第一步",
    # ---- linefit.py ----
    "x and y must be 1-D with the same length of at least 2, got shapes {shape_x} and {shape_y}":
        "x 和 y 必须是长度相同、至少有 2 个数的一维数组，收到的形状是 {shape_x} 和 {shape_y}",
    "x must not be all the same value: no line is best then": "x 的值不能全都相同：那样就没有哪条直线是最佳的",
    "hours and scores must have the same length, got {shape_h} and {shape_s}":
        "hours 和 scores 的长度必须相同，收到的是 {shape_h} 和 {shape_s}",
    "start must be a point (w, b), got shape {shape}": "start 必须是一个点 (w, b)，收到的形状是 {shape}",
    "learning_rates must be three learning rates, one that crawls, one that converges and one that diverges, "
    "got {value}":
        "learning_rates 必须是三个学习率：一个下降得太慢，一个收敛，一个发散；收到的是 {value}",
    # ---- gradcheck.py ----
    "f must be a function with no arguments that returns a number, got {value}":
        "f 必须是一个没有参数、返回一个数的函数，收到的是 {value}",
    "array must be a float numpy array that f reads (it is nudged in place), got {value}":
        "array 必须是 f 读取的浮点 numpy 数组（它会被原地微调），收到的是 {value}",
    "array must be contiguous so that it can be nudged in place": "array 在内存中必须是连续的，才能被原地微调",
    "f must return a single number, got {value}": "f 必须返回单个数，收到的是 {value}",
    "f returned a non-finite value (NaN or inf) during the gradient check":
        "梯度检验时 f 返回了不是有限数的值（NaN 或 inf）",
    "a and b must have the same shape, got {shape_a} and {shape_b}":
        "a 和 b 的形状必须相同，收到的是 {shape_a} 和 {shape_b}",
    # ---- problems.py ----
    "n must be an even number of points, at least 2 (half of each class), got {n}":
        "n 必须是至少为 2 的偶数（两类的点各占一半），收到的是 {n}",
    "noise must be a number, got {value}": "noise 必须是一个数，收到的是 {value}",
    "noise must be between 0 and 1 (in units of the square's half side), got {noise}":
        "noise 必须在 0 到 1 之间（以正方形边长的一半为单位），收到的是 {noise}",
    # ---- progress.py: the training progress bar ----
    "epochs": "轮次",
    "loss": "损失",
    "accuracy": "准确率",
    "val_loss": "验证损失",
    "val_accuracy": "验证准确率",
}
