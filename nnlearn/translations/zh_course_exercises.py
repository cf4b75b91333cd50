"""中文: the exercises' texts that are stored as data and translated when they are shown: the two
hints of every exercise (``exercises.hint(name)``, ``level=2``) and the code exercises' hidden
cases, slips and verdicts (``nnlearn/course/code_exercises.py``). The checkers' other messages are
in ``zh_course.py``; this part is a file of its own only to keep each file short.

Code stays code: function and argument names, formulas and the lines of code in the level-2
hints are the same in both languages (an entry may map a text to itself so that no warning
says it is missing). A hint that is only numbers and symbols ("17 + 1") needs no entry.
"""

MESSAGES = {
    # ---- the hints (exercises.hint(name) and level=2), in the order of the chapters ----
    "Each pixel of the image becomes one input node.": "图像的每个像素成为一个输入节点。",
    "Count the pixels: 28 rows of 28 pixels each, 28 * 28.": "数一数像素：28 行，每行 28 个像素，28 * 28。",
    "The image is read row by row: all 16 pixels of row 0, then all of row 1, and so on.":
        "图像是一行一行读的：先是第 0 行的全部 16 个像素，然后是第 1 行的全部像素，依此类推。",
    "Two full rows come before row 2, then 5 more along it: 2 * 16 + 5.":
        "第 2 行之前有两整行，再沿第 2 行往后数 5 个：2 * 16 + 5。",
    "The network's answer is the output node that is most active.": "网络的答案是最活跃的那个输出节点。",
    "np.argmax(outputs) gives the position of the largest output.": "np.argmax(outputs) 给出最大输出的位置。",
    "Move one slider at a time: the slope w first, then the height b, watching the error shown.":
        "一次只动一个滑块：先调斜率 w，再调高度 b，同时看着显示的误差。",
    "The best line has w close to 5 and b close to 47; nnlearn.best_fit_line(hours, scores) computes it.":
        "最佳拟合线的 w 接近 5，b 接近 47；nnlearn.best_fit_line(hours, scores) 可以算出它。",
    "The y axis is where x = 0.": "y 轴就是 x = 0 的地方。",
    "Put x = 0 into y = 0.5 x + 3.": "把 x = 0 代入 y = 0.5 x + 3。",
    "A neuron with one input computes v = w x + b.": "只有一个输入的神经元计算 v = w x + b。",
    "A node with one input is the line of chapter 2: the input times the weight, plus the bias.":
        "只有一个输入的节点就是第 2 章的直线：输入乘以权重，再加上偏差。",
    "The body is one line: return w * x + b": "函数体只有一行：return w * x + b",
    "Multiply each input by its own weight, add the three products, then add the bias.":
        "把每个输入乘以它自己的权重，把三个乘积相加，再加上偏差。",
    "One weight for each input, and one bias for the node.": "每个输入一个权重，节点还有一个偏差。",
    "At (0, 0) only b is left; going from x1 = 0 to 1 adds w1, going from x2 = 0 to 1 adds w2.":
        "在 (0, 0) 处只剩下 b；x1 从 0 变到 1 时加上 w1，x2 从 0 变到 1 时加上 w2。",
    "b = 1, then w1 = 3 - 1 and w2 = 0 - 1.": "b = 1，然后 w1 = 3 - 1，w2 = 0 - 1。",
    "Multiply each input by its own weight, add the products, then add the bias once. A dot product does the first "
    "two steps in one go, for one sample or for every row of a batch.":
        "把每个输入乘以它自己的权重，把乘积相加，再加上一次偏差。点积一步就能完成前两步，对一个样本或一批中的每一行都适用。",
    "The body is one line: return x @ w + b": "函数体只有一行：return x @ w + b",
    "Write both layers as one expression, (x @ W1 + b1) @ W2 + b2, and multiply out the bracket.":
        "把两层写成一个表达式 (x @ W1 + b1) @ W2 + b2，再把括号展开。",
    "W = W1 @ W2 and b = b1 @ W2 + b2": "W = W1 @ W2，b = b1 @ W2 + b2",
    "sigma(v) is 0.5 exactly where v = 0.": "sigma(v) 恰好在 v = 0 处等于 0.5。",
    "Solve 2 x - 3 = 0 for x.": "解方程 2 x - 3 = 0，求出 x。",
    "sigma(v) = 1 / (1 + e^(-v)). Write it with numpy so it works on arrays, then make sure it survives v = -1000, "
    "where e^(-v) is too large for a float.":
        "sigma(v) = 1 / (1 + e^(-v))。用 numpy 来写，让它能处理数组；再确保它在 v = -1000 时也不出错，"
        "那里的 e^(-v) 大得超出了浮点数的范围。",
    "z = np.exp(-np.abs(v)), then return np.where(v >= 0, 1 / (1 + z), z / (1 + z))":
        "z = np.exp(-np.abs(v))，然后 return np.where(v >= 0, 1 / (1 + z), z / (1 + z))",
    "The sigmoid's slope is written with its own output: sigma'(v) = sigma(v) (1 - sigma(v)). "
    "It is largest, 1/4, at v = 0.":
        "sigmoid 的斜率可以用它自己的输出来写：sigma'(v) = sigma(v) (1 - sigma(v))。它在 v = 0 处最大，为 1/4。",
    "y = nnlearn.sigmoid(v) (or your own stable sigmoid), then return y * (1 - y)":
        "y = nnlearn.sigmoid(v)（或者你自己写的稳定的 sigmoid），然后 return y * (1 - y)",
    "A blind guess picks one of 10 digits, all equally common.": "瞎猜就是从 10 个同样常见的数字中随便挑一个。",
    "1 / 10, as a fraction.": "1 / 10，用比例表示。",
    "Build the network with seed=1 and measure it on the test digits.": "用 seed=1 构建网络，在测试数字上测量它。",
    "nnlearn.Network([256, 64, 10], seed=1).accuracy(X_test, y_test)":
        "nnlearn.Network([256, 64, 10], seed=1).accuracy(X_test, y_test)",
    "Count how often the network gives each answer over the 1,000 test digits.":
        "统计网络在 1,000 个测试数字上给出每个答案的次数。",
    "np.bincount(net.predict(X_test), minlength=10) counts the answers; np.argmax of the counts is the digit.":
        "np.bincount(net.predict(X_test), minlength=10) 统计各个答案的次数；对这些次数取 np.argmax 就得到那个数字。",
    "Each row holds one sample's outputs; the answer for that sample is the number (position) of its most active "
    "output node.":
        "每一行是一个样本的输出；这个样本的答案是它最活跃的输出节点的编号（位置）。",
    "return np.argmax(outputs, axis=1)": "return np.argmax(outputs, axis=1)",
    "Differentiate E = 1/2 (actual - predicted)^2 with respect to the prediction, or read the tangent.":
        "对 E = 1/2 (actual - predicted)^2 关于预测值求导，或者读出切线的斜率。",
    "E' = predicted - actual = 5 - 3": "E' = predicted - actual = 5 - 3",
    "One step: the new prediction is predicted - learning_rate x slope.":
        "一步：新的预测值是 predicted - learning_rate x slope。",
    "The slope at 0 is 0 - 3 = -3, so 0 - 0.5 * (-3).": "0 处的斜率是 0 - 3 = -3，所以是 0 - 0.5 * (-3)。",
    "Too small a rate crawls, too large a one overshoots and climbs out: move the slider and watch.":
        "学习率太小，下降得很慢；太大，就会冲过头并爬出山谷：拖动滑块看一看。",
    "The border is 2 / np.var(hours): take half of it for one answer and twice it for the other.":
        "分界线是 2 / np.var(hours)：一个答案取它的一半，另一个取它的两倍。",
    "A ball on a slope rolls downhill: against the slope, by a step the learning rate scales. "
    "That is W(k+1) = W(k) - learning rate x gradient.":
        "斜坡上的球往下坡滚：逆着斜率走一步，步长由学习率缩放。也就是 W(k+1) = W(k) - 学习率 x 梯度。",
    "return point - learning_rate * slope": "return point - learning_rate * slope",
    "Repeat your descent step: start at start, and on each of the steps ask gradient() for the slope where you are "
    "now, step against it, and keep every point (start included).":
        "重复你的下降步：从 start 出发，每一步都用 gradient() 求出当前位置的斜率，逆着它走一步，"
        "并保留经过的每个点（包括 start）。",
    "path = [start]; then for _ in range(steps): path.append(path[-1] - learning_rate * gradient(path[-1])); "
    "return np.array(path)":
        "path = [start]；然后 for _ in range(steps): path.append(path[-1] - learning_rate * gradient(path[-1]))；"
        "最后 return np.array(path)",
    "W(k+1) = W(k) - learning_rate x gradient.": "W(k+1) = W(k) - learning_rate x gradient。",
    "Chain rule: dE/dv = dE/dy x dy/dv.": "链式法则：dE/dv = dE/dy x dy/dv。",
    "A row of the confusion matrix is one true digit; the numbers off the diagonal are its mistakes.":
        "混淆矩阵的一行对应一个真实数字；对角线以外的数就是它的错误。",
    "matrix.sum(axis=1) - np.diag(matrix) counts each digit's mistakes; np.argmax finds the most.":
        "matrix.sum(axis=1) - np.diag(matrix) 统计每个数字的错误数；np.argmax 找出最多的那个。",
    "Chain rule, one layer: first the slope with respect to v (dy times the sigmoid's slope, y (1 - y)); "
    "then each of W, b and x gets its share of that slope.":
        "一层的链式法则：先求关于 v 的斜率（dy 乘以 sigmoid 的斜率 y (1 - y)）；"
        "然后 W、b 和 x 各自分得这个斜率的一份。",
    "dv = dy * y * (1 - y); return x.T @ dv, dv.sum(axis=0), dv @ W.T":
        "dv = dy * y * (1 - y); return x.T @ dv, dv.sum(axis=0), dv @ W.T",
    "Each layer has one weight per (input, output) pair, the shape of W, and one bias per output.":
        "每层对每一对（输入，输出）有一个权重，即 W 的形状，每个输出还有一个偏差。",
    "Train a fresh Network([256, 32, 10], seed=0) on the first 100 training digits only, then measure it "
    "on the test digits.":
        "只用前 100 个训练数字训练一个新的 Network([256, 32, 10], seed=0)，然后在测试数字上测量它。",
    "small = nnlearn.Network([256, 32, 10], seed=0); small.fit(X_train[:100], y_train[:100], epochs=200); "
    "small.accuracy(X_test, y_test)":
        "small = nnlearn.Network([256, 32, 10], seed=0); small.fit(X_train[:100], y_train[:100], epochs=200); "
        "small.accuracy(X_test, y_test)",

    # ---- code_exercises.py: the hidden cases, the slips and what a right function is ----
    # neuron_output
    "one input": "一个输入",
    "several samples at once (x an array)": "一次多个样本（x 是数组）",
    "x may be an array, one value per sample: w * x + b works on the whole array at once.":
        "x 可以是数组，每个样本一个值：w * x + b 可以一次作用于整个数组。",
    "a negative weight": "负的权重",
    "a zero weight": "权重为零",
    "With w = 0 the output is the bias alone.": "w = 0 时，输出只剩下偏差。",
    "You forgot the bias: v = w x + b.": "你忘了偏差：v = w x + b。",
    "Multiply first, then add the bias: w * x + b, not w * (x + b).": "先乘，再加偏差：w * x + b，而不是 w * (x + b)。",
    "Check the sign of the bias: it is added, v = w x + b.": "检查偏差的正负号：偏差是加上去的，v = w x + b。",
    "You swapped w and b: the weight multiplies x, the bias is added.":
        "你把 w 和 b 弄反了：权重乘以 x，偏差是加上去的。",
    "It is what nnlearn.Neuron(w, b)(x) computes.": "这正是 nnlearn.Neuron(w, b)(x) 算的。",
    # weighted_sum
    "one sample with three inputs": "一个有三个输入的样本",
    "a batch of 4 samples, one per row": "一批 4 个样本，每行一个",
    "With x of shape (n, i) there is one weighted sum per row: x @ w gives all n of them.":
        "x 的形状是 (n, i) 时，每一行有一个加权和：x @ w 一次给出全部 n 个。",
    "a batch of one": "只有一个样本的批",
    "A batch of one is still a batch: x of shape (1, i) gives one weighted sum, shape (1,).":
        "只有一个样本的批也还是批：形状为 (1, i) 的 x 给出一个加权和，形状为 (1,)。",
    "one sample with 256 inputs": "一个有 256 个输入的样本",
    "You forgot the bias b: v = x @ w + b.": "你忘了偏差 b：v = x @ w + b。",
    "np.sum(x * w) adds up every number of a batch: sum over the inputs only, np.sum(x * w, axis=-1), or write x @ w.":
        "np.sum(x * w) 会把一批中的所有数都加起来：只对输入求和，用 np.sum(x * w, axis=-1)，或者写 x @ w。",
    "The bias is added once per node, not once per input: add b after the sum.":
        "偏差每个节点只加一次，而不是每个输入加一次：求和之后再加 b。",
    "Check the sign of the bias: v = x @ w + b.": "检查偏差的正负号：v = x @ w + b。",
    "It is what nnlearn.Neuron(w, b).weighted_sum(x) computes.": "这正是 nnlearn.Neuron(w, b).weighted_sum(x) 算的。",
    # sigmoid and sigmoid_derivative
    "ordinary values": "普通的值",
    "v is a numpy array here: compute elementwise with numpy (np.exp works on arrays, math.exp does not).":
        "这里的 v 是 numpy 数组：用 numpy 逐元素计算（np.exp 能处理数组，math.exp 不能）。",
    "one number": "一个数",
    "large inputs, v = -1000 and 1000": "很大的输入，v = -1000 和 1000",
    "At v = -1000, np.exp(-v) is e^1000, larger than any float. Use e^(-|v|), which is never above 1: "
    "z = np.exp(-np.abs(v)), then 1 / (1 + z) where v >= 0 and z / (1 + z) where v < 0 (the same number, written "
    "for negative v): np.where(v >= 0, 1 / (1 + z), z / (1 + z)).":
        "在 v = -1000 处，np.exp(-v) 是 e^1000，比任何浮点数都大。改用永远不超过 1 的 e^(-|v|)："
        "z = np.exp(-np.abs(v))，然后在 v >= 0 处用 1 / (1 + z)，在 v < 0 处用 z / (1 + z)（同一个数，只是为负的 v "
        "换了写法）：np.where(v >= 0, 1 / (1 + z), z / (1 + z))。",
    "The formula is right; only its form fails. At v = -1000, np.exp(-v) is e^1000, larger than any float. "
    "Use e^(-|v|), which is never above 1: z = np.exp(-np.abs(v)), then 1 / (1 + z) where v >= 0 and z / (1 + z) "
    "where v < 0 (the same number, written for negative v): np.where(v >= 0, 1 / (1 + z), z / (1 + z)).":
        "公式是对的，只是这种写法会出问题。在 v = -1000 处，np.exp(-v) 是 e^1000，比任何浮点数都大。"
        "改用永远不超过 1 的 e^(-|v|)：z = np.exp(-np.abs(v))，然后在 v >= 0 处用 1 / (1 + z)，在 v < 0 处用 "
        "z / (1 + z)（同一个数，只是为负的 v 换了写法）：np.where(v >= 0, 1 / (1 + z), z / (1 + z))。",
    "a 2-D array of values": "一个二维数组",
    "v may have any shape: use numpy functions that work elementwise.": "v 可以是任何形状：用逐元素运算的 numpy 函数。",
    "Check the sign in the exponent: sigma(v) = 1 / (1 + e^(-v)), which grows with v.":
        "检查指数的正负号：sigma(v) = 1 / (1 + e^(-v))，它随 v 增大。",
    "Mind the brackets: 1 / 1 + np.exp(-v) is 1 + e^(-v); the whole 1 + e^(-v) is the denominator.":
        "注意括号：1 / 1 + np.exp(-v) 是 1 + e^(-v)；整个 1 + e^(-v) 才是分母。",
    "That is tanh, another S-shaped curve; the sigmoid is 1 / (1 + e^(-v)), between 0 and 1.":
        "这是 tanh，另一条 S 形曲线；sigmoid 是 1 / (1 + e^(-v))，取值在 0 和 1 之间。",
    "It is nnlearn.sigmoid, overflow-free at v = -1000 too.": "这就是 nnlearn.sigmoid，在 v = -1000 处也不会溢出。",
    "You took the slope from v instead of from y: y (1 - y) holds for the output y = sigma(v), "
    "so compute y = sigmoid(v) first.":
        "你用 v 而不是 y 来算斜率：y (1 - y) 只对输出 y = sigma(v) 成立，所以要先算 y = sigmoid(v)。",
    "That is sigma(v) itself; its slope is sigma(v) (1 - sigma(v)).":
        "这是 sigma(v) 本身；它的斜率是 sigma(v) (1 - sigma(v))。",
    "It is 1 - sigma(v), not 1 + sigma(v): sigma(v) (1 - sigma(v)).":
        "是 1 - sigma(v)，而不是 1 + sigma(v)：sigma(v) (1 - sigma(v))。",
    "Check the sign: the sigmoid rises everywhere, so its slope is positive.":
        "检查正负号：sigmoid 处处上升，所以它的斜率是正的。",
    "The formula is right, but np.exp(-v) overflows at v = -1000. Use a stable sigmoid, y = nnlearn.sigmoid(v), "
    "and return y * (1 - y).":
        "公式是对的，但 np.exp(-v) 在 v = -1000 处会溢出。用一个稳定的 sigmoid，y = nnlearn.sigmoid(v)，"
        "然后 return y * (1 - y)。",
    "It is nnlearn.sigmoid_derivative.": "这就是 nnlearn.sigmoid_derivative。",
    # predict
    "the outputs for 6 digits": "6 个数字的输出",
    "A batch of one is still a batch: outputs of shape (1, 10) give one answer, shape (1,).":
        "只有一个样本的批也还是批：形状为 (1, 10) 的 outputs 给出一个答案，形状为 (1,)。",
    "outputs that can be negative": "可能为负的输出",
    "The answer is the position of the largest output, whatever its sign.": "答案是最大输出的位置，不管它是正是负。",
    "three output nodes instead of ten": "三个输出节点，而不是十个",
    "Do not count on 10 outputs: take the position of the largest in each row, however long.":
        "不要假定有 10 个输出：不管每行多长，都取每行最大值的位置。",
    "np.argmax without axis= looks for the largest number of the whole batch; axis=1 looks in each row, "
    "one row per sample.":
        "不带 axis= 的 np.argmax 在整批数中找最大的那个；axis=1 在每一行里找，每行是一个样本。",
    "That is the largest output's value; the answer is its position (np.argmax).":
        "这是最大输出的值；答案是它的位置（np.argmax）。",
    "axis=0 runs down each column, one output node across the samples; a sample is a row: axis=1.":
        "axis=0 沿每一列往下找，即同一个输出节点在各个样本上的值；一个样本是一行：axis=1。",
    "That is the least active output; the answer is the most active.": "这是最不活跃的输出；答案是最活跃的那个。",
    "It is what Network.predict does with the outputs of forward.": "这正是 Network.predict 对 forward 的输出所做的。",
    # descent_step
    "a step on the parabola": "抛物线上的一步",
    "a point with two coordinates (w, b)": "有两个坐标 (w, b) 的点",
    "point and slope may be arrays, one entry per weight: the same line works on whole arrays.":
        "point 和 slope 可以是数组，每个权重一项：同一行代码对整个数组都适用。",
    "a learning rate of zero": "学习率为零",
    "With learning_rate = 0 the point does not move.": "learning_rate = 0 时，点不会移动。",
    "a negative slope": "负的斜率",
    "You stepped uphill: go against the slope, point - learning_rate * slope.":
        "你往上坡走了：要逆着斜率走，point - learning_rate * slope。",
    "The learning rate is missing: the step is learning_rate * slope.": "少了学习率：这一步是 learning_rate * slope。",
    "That is the step alone; the new point is the old one minus the step.":
        "这只是这一步本身；新的点是旧的点减去这一步。",
    "The step is the learning rate times the slope, not the learning rate alone.":
        "这一步是学习率乘以斜率，而不只是学习率。",
    "It is one step of nnlearn.gradient_descent.": "这正是 nnlearn.gradient_descent 的一步。",
    # descend
    "the parabola E = 1/2 (3 - y)^2 from y = 0, 5 steps": "抛物线 E = 1/2 (3 - y)^2，从 y = 0 出发，5 步",
    "a bowl in two weights (w, b), 10 steps": "两个权重 (w, b) 上的碗形曲面，10 步",
    "start may be an array, one entry per weight: the path then has one row per point. If every row is the same "
    "point, you changed one array in place (point -= ...): write point = point - ...":
        "start 可以是数组，每个权重一项：这时路径中每个点占一行。如果每一行都是同一个点，说明你原地修改了同一个数组"
        "（point -= ...）：请写成 point = point - ...",
    "one step": "一步",
    "With steps = 1 the path holds two points: the start and the point after one step.":
        "steps = 1 时，路径有两个点：起点和走了一步之后的点。",
    "Return the whole path, not only where it ends: the start, then the point after each step.":
        "要返回整条路径，而不只是终点：先是起点，然后是每一步之后的点。",
    "The path starts with the start itself: steps + 1 points in all.": "路径从起点本身开始：一共 steps + 1 个点。",
    "Each step goes against the slope: point - learning_rate * gradient(point).":
        "每一步都要逆着斜率走：point - learning_rate * gradient(point)。",
    "Take the gradient at the current point on each step, not at the start.":
        "每一步都要在当前点求梯度，而不是在起点。",
    "Every row of your path is the last point: point -= ... changes one array in place, and the path holds that one "
    "array again and again. Write point = point - ... (a new array each step).":
        "你的路径的每一行都是最后一个点：point -= ... 原地修改了同一个数组，路径里存的一直是这一个数组。"
        "请写成 point = point - ...（每一步都得到一个新数组）。",
    "It is nnlearn.gradient_descent.": "这就是 nnlearn.gradient_descent。",
    # layer_backward
    "a batch of 3 samples, 4 inputs, 2 outputs": "一批 3 个样本，4 个输入，2 个输出",
    "A batch of one: x has shape (1, inputs). Keep every array 2-D; db still sums over the samples.":
        "只有一个样本的批：x 的形状是 (1, inputs)。让每个数组都保持二维；db 仍然要对样本求和。",
    "a square layer, 3 inputs and 3 outputs": "方形的层，3 个输入和 3 个输出",
    "With as many inputs as outputs a transposed matrix has the right shape but the wrong numbers: "
    "dW = x.T @ dv and dx = dv @ W.T.":
        "输入和输出一样多时，转置的矩阵形状对，但数不对：dW = x.T @ dv，dx = dv @ W.T。",
    "a batch of 6 samples, 2 inputs, 5 outputs": "一批 6 个样本，2 个输入，5 个输出",
    "You left out the sigmoid's slope: first dv = dy * y * (1 - y), then dW, db and dx from dv.":
        "你漏掉了 sigmoid 的斜率：先求 dv = dy * y * (1 - y)，再由 dv 求 dW、db 和 dx。",
    "You took the sigmoid's slope from y as if it were v: sigmoid_derivative(y) is the slope at the wrong place. "
    "With the output y in hand the slope is y * (1 - y).":
        "你把 y 当成 v 来求 sigmoid 的斜率：sigmoid_derivative(y) 是错误位置上的斜率。已经有了输出 y，"
        "斜率就是 y * (1 - y)。",
    "dW is transposed: it has the shape of W, (inputs, outputs), so dW = x.T @ dv.":
        "dW 转置了：它的形状和 W 一样，是 (inputs, outputs)，所以 dW = x.T @ dv。",
    "dx goes back through W transposed: dx = dv @ W.T (W has shape (inputs, outputs)).":
        "dx 要经过转置的 W 传回去：dx = dv @ W.T（W 的形状是 (inputs, outputs)）。",
    "dx comes from dv, not from dy: the slope passes through the sigmoid first, dx = dv @ W.T.":
        "dx 来自 dv，而不是 dy：斜率要先经过 sigmoid，dx = dv @ W.T。",
    "db adds up the samples, dv.sum(axis=0), as x.T @ dv does for dW (the mean is already in dy).":
        "db 要把各个样本加起来，dv.sum(axis=0)，就像 x.T @ dv 对 dW 所做的（平均已经包含在 dy 里了）。",
    "db has one entry per output node: sum over the samples only, dv.sum(axis=0).":
        "db 每个输出节点一项：只对样本求和，dv.sum(axis=0)。",
    "It is nnlearn.Layer.backward: dW, db and the slope dx handed to the layer before.":
        "这就是 nnlearn.Layer.backward：dW、db，以及交给前一层的斜率 dx。",
}
