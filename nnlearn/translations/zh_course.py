"""中文: the course helpers (nnlearn/course): what every checker prints, the number exercises'
verdicts, the code checkers' messages, the teacher's grading table, the evaluation figures of
chapter 7 and the data helpers' messages. The hints and the code exercises' cases and slips are
in ``zh_course_exercises.py``.

Code stays code: function and argument names and formulas are the same in both languages.
A message that is only numbers and symbols ("v = w x + b = 2.5 x 4 - 1 = 9.") needs no entry.
"""

MESSAGES = {
    # ---- checking.py: what every checker prints ----
    "Right!": "正确！",
    "Not yet.": "还不对。",
    "Right! {verdict}": "正确！{verdict}",
    "Not yet. {verdict}": "还不对。{verdict}",
    "Replace ... with your answer, then run this cell again.": "请把 ... 换成你的答案，然后再运行这个单元格。",
    "Replace ... with the body of {name}, then run this cell again.":
        "请把 ... 换成 {name} 的函数体，然后再运行这个单元格。",
    ' (Stuck? exercises.hint("{name}").)': '（卡住了？运行 exercises.hint("{name}")。）',
    'For a hint: exercises.hint("{name}").': '需要提示？运行 exercises.hint("{name}")。',
    "{names} must be a single number.": "{names} 必须是单个数。",
    "{names} must be single numbers.": "{names} 都必须是单个数。",
    " and ": "、",
    # hints and solutions, by name
    "There is no exercise called {name!r}. The exercises are: {names}.": "没有名为 {name!r} 的练习。练习有：{names}。",
    'Name an exercise, e.g. exercises.hint("sigmoid"). The exercises are: {names}.':
        '请给出练习的名字，例如 exercises.hint("sigmoid")。练习有：{names}。',
    "There are two hints: level=1 (the idea) and level=2 (the line to write).":
        "提示有两级：level=1（思路）和 level=2（要写的那一行）。",
    'exercises.hint("{name}", level=2) points at the line.': 'exercises.hint("{name}", level=2) 会指出要写的那一行。',
    'exercises.solution("{name}") shows a solution.': 'exercises.solution("{name}") 会给出参考答案。',
    "Hint {level} of 2: {hint}\n({more})": "提示 {level}（共 2 条）：{hint}\n（{more}）",
    "A solution ({name}):": "参考答案（{name}）：",
    # the code checkers: what the learner's function did on a hidden case
    "Pass your function itself, {name} (without calling it), not {kind}.":
        "请传入函数 {name} 本身（不要调用它），而不是 {kind}。",
    "Your function returns {value!r}: did you forget the `return`?":
        "你的函数返回了 {value!r}：是不是忘了写 `return`？",
    "{name} passes all {count} hidden cases ({kinds}).": "{name} 通过了全部 {count} 个隐藏用例（{kinds}）。",
    "; ": "；",
    'On the case "{kind}" your function{difference}.': "在用例“{kind}”中，你的函数返回值{difference}。",
    'On the case "{kind}" your function overflows (numpy: "{text}").':
        "在用例“{kind}”中，你的函数溢出了（numpy：“{text}”）。",
    'Your function raised {error}: {text} (case "{kind}").': "你的函数引发了 {error}：{text}（用例“{kind}”）。",
    " returns {kind}; it should return {count} things: {names}": "是 {kind}；它应该返回 {count} 个结果：{names}",
    " returns {kind}, not numbers": "是 {kind}，不是数",
    "'s {label}": "中的 {label} ",
    "{what} has shape {got} where {expected} is expected": "{what}形状是 {got}，应为 {expected}",
    "{what} gives nan or inf": "{what}含有 nan 或 inf",
    "{what} gives {got} where {expected} is expected": "{what}是 {got}，应为 {expected}",
    "{what} gives numbers that differ from nnlearn's": "{what}与 nnlearn 算出的数不同",
    "an array of shape {shape}": "numpy 数组（形状为 {shape}）",
    "a list of {count}": "list（含 {count} 项）",
    "a tuple of {count}": "tuple（含 {count} 项）",

    # ---- number_exercises.py: the verdicts ----
    # chapter 1
    "One input node per pixel: 28 x 28 = {count}.": "每个像素一个输入节点：28 x 28 = {count}。",
    "That is 28 + 28. Every pixel needs its own node: count all of them.":
        "这是 28 + 28。每个像素都需要自己的节点：把它们全部数一遍。",
    "Each pixel is one input node. How many pixels does a 28 x 28 grid have?":
        "每个像素是一个输入节点。28 x 28 的网格有多少个像素？",
    "Two full rows of 16 come first: 2 x 16 + 5 = {index}.": "前面先有两整行，每行 16 个：2 x 16 + 5 = {index}。",
    "You swapped row and column: rows are read one after another.": "你把行和列弄反了：图像是一行接一行读的。",
    "Rows 0 and 1 (16 nodes each) come before row 2; then count 5 more along it.":
        "第 0 行和第 1 行（每行 16 个节点）排在第 2 行之前；然后沿第 2 行再往后数 5 个。",
    "Output node {node} is the most active ({value:.3f}).": "输出节点 {node} 最活跃（{value:.3f}）。",
    "That is the largest output's value. The prediction is its position: which node (0-9) holds it?":
        "这是最大输出的值。预测是它的位置：哪个节点（0-9）的输出最大？",
    "Find the largest of the 10 outputs (np.argmax does it); its node number is the prediction.":
        "找出 10 个输出中最大的那个（np.argmax 可以做到）；它的节点编号就是预测。",
    # chapter 2
    "Your error {error:.2f} is within {within:.0%} of the least possible, {least:.2f}.":
        "你的误差 {error:.2f} 比最小可能的误差 {least:.2f} 高出不到 {within:.0%}。",
    "The line is too steep: try a smaller w.": "这条线太陡了：试一个更小的 w。",
    "The line is too flat: try a larger w.": "这条线太平了：试一个更大的 w。",
    "The slope is about right, but the line runs too high: lower b.": "斜率差不多对了，但线的位置太高：把 b 调小。",
    "The slope is about right, but the line runs too low: raise b.": "斜率差不多对了，但线的位置太低：把 b 调大。",
    "Your error is {error:.2f}; the least possible is {least:.2f}. {hint}":
        "你的误差是 {error:.2f}；最小可能的误差是 {least:.2f}。{hint}",
    "At x = 0 the slope term vanishes, so y = b = 3.": "在 x = 0 处，斜率那一项为零，所以 y = b = 3。",
    "That is where it crosses the x axis (y = 0). Set x = 0 instead.": "这是它与 x 轴（y = 0）的交点。应该令 x = 0。",
    "The y axis is where x = 0: what is 0.5 x 0 + 3?": "y 轴就是 x = 0 的地方：0.5 x 0 + 3 等于多少？",
    "Multiply first, then add the bias: v = w x + b, not w (x + b).": "先乘，再加偏差：v = w x + b，而不是 w (x + b)。",
    "That is the weighted input w x; now add the bias b.": "这是加权输入 w x；再加上偏差 b。",
    "Compute v = w x + b with w = 2.5, b = -1 and x = 4.": "用 w = 2.5、b = -1 和 x = 4 计算 v = w x + b。",
    # chapter 3
    "That is the sum of the weighted inputs: add the bias b = 1.": "这是加权输入之和：再加上偏差 b = 1。",
    "Multiply each input by its own weight, add the three products, then add b. Watch the signs.":
        "把每个输入乘以它自己的权重，把三个乘积相加，再加上 b。注意正负号。",
    "17 weights, one per input, plus one bias: 18.": "17 个权重（每个输入一个），再加一个偏差：18。",
    "One weight per input gives 17; do not forget the bias.": "每个输入一个权重，共 17 个；别忘了偏差。",
    "Each input has its own weight, and the node has one bias.": "每个输入都有自己的权重，节点还有一个偏差。",
    "at ({x1:g}, {x2:g}) your plane is {height:.2f}, not {v:g}":
        "在 ({x1:g}, {x2:g}) 处你的平面高度是 {height:.2f}，而不是 {v:g}",
    "The plane passes through all three points: b is the height at (0, 0), w1 and w2 the rise along each input.":
        "这个平面经过全部三个点：b 是 (0, 0) 处的高度，w1 和 w2 是沿每个输入方向升高的量。",
    ". Start with b (the height at x1 = x2 = 0), then w1 (how much v rises from x1 = 0 to 1), then w2.":
        "。先求 b（x1 = x2 = 0 处的高度），再求 w1（x1 从 0 到 1 时 v 升高多少），最后求 w2。",
    # chapter 4
    "W must have shape {expected} (3 inputs, 2 outputs), got {got}. "
    "With rows as samples the first layer's matrix comes first: W1 @ W2.":
        "W 的形状必须是 {expected}（3 个输入，2 个输出），收到的是 {got}。"
        "每行是一个样本时，第一层的矩阵在前：W1 @ W2。",
    "W is not right yet: (x @ W1 + b1) @ W2 = x @ (W1 @ W2) + ...":
        "W 还不对：(x @ W1 + b1) @ W2 = x @ (W1 @ W2) + ...",
    "W is right; b is not yet: the first bias also passes through W2, so b = b1 @ W2 + b2.":
        "W 对了；b 还不对：第一层的偏差也要经过 W2，所以 b = b1 @ W2 + b2。",
    "Two linear layers are one linear layer: W = W1 @ W2, b = b1 @ W2 + b2.":
        "两个线性层合起来就是一个线性层：W = W1 @ W2，b = b1 @ W2 + b2。",
    "sigma(v) = 0.5 exactly when v = 0: 2 x - 3 = 0 gives x = {x:g}.":
        "sigma(v) 恰好在 v = 0 时等于 0.5：由 2 x - 3 = 0 得 x = {x:g}。",
    "Check the sign: solve 2 x - 3 = 0.": "检查正负号：解方程 2 x - 3 = 0。",
    "sigma(0) = 0.5, so find the x that makes the weighted sum 2 x - 3 zero.":
        "sigma(0) = 0.5，所以要找使加权和 2 x - 3 为零的 x。",
    # chapter 5
    "One right in ten: 1 / 10 = 0.1, what the untrained network gets.":
        "十次里对一次：1 / 10 = 0.1，正是未训练的网络的准确率。",
    "Give a fraction between 0 and 1, not a percentage: 10 % is 0.1.":
        "请给出 0 到 1 之间的比例，而不是百分数：10 % 就是 0.1。",
    "There are 10 digits, each as common as the others: how often is a blind guess right?":
        "一共有 10 个数字，每个都一样常见：瞎猜时猜对的比例是多少？",
    "{accuracy:.3f}: close to the 0.1 of guessing, as for seed 0.": "{accuracy:.3f}：和 seed 0 一样，接近瞎猜的 0.1。",
    "Build the network with seed={seed}, then call net.accuracy(X_test, y_test).":
        "用 seed={seed} 构建网络，然后调用 net.accuracy(X_test, y_test)。",
    "It answers {digit} for {count} of the {total} test digits, whatever the digit: random weights have favourites.":
        "在 {total} 个测试数字中，它有 {count} 次回答 {digit}，不管实际是什么数字：随机的权重也有偏爱。",
    "That is how often it answers its favourite; which digit is it?": "这是它给出最偏爱的答案的次数；那个数字是几？",
    "Count the network's answers over X_test (np.bincount of net.predict(X_test)) and take the digit it gives most.":
        "统计网络在 X_test 上的答案（对 net.predict(X_test) 用 np.bincount），取它回答得最多的那个数字。",
    # chapter 6
    "E' = predicted - actual = {predicted:g} - {actual:g} = {slope:g}: positive, so downhill is to the left.":
        "E' = predicted - actual = {predicted:g} - {actual:g} = {slope:g}：是正的，所以下坡方向在左边。",
    "Check the sign: the error grows as the prediction moves away from actual, "
    "so right of the bottom the slope is positive.":
        "检查正负号：预测值离实际值越远，误差越大，所以在谷底右边斜率是正的。",
    "The 1/2 in front cancels the 2 from the square: E' = predicted - actual.":
        "前面的 1/2 和平方求导得到的 2 相互抵消：E' = predicted - actual。",
    "Differentiate 1/2 (actual - predicted)^2 with respect to the prediction "
    "(or read the tangent's slope from the slider).":
        "对 1/2 (actual - predicted)^2 关于预测值求导（或者从滑块处读出切线的斜率）。",
    "predicted - learning_rate x slope = {predicted:g} - {learning_rate:g} x ({slope:g}) = {new:g}: "
    "halfway to the bottom.":
        "predicted - learning_rate x slope = {predicted:g} - {learning_rate:g} x ({slope:g}) = {new:g}："
        "走到了去谷底的半路。",
    "You stepped uphill: the step goes against the slope (minus sign).": "你往上坡走了：这一步要逆着斜率走（减号）。",
    "The new prediction is predicted - learning_rate x E', with E' = predicted - actual.":
        "新的预测值是 predicted - learning_rate x E'，其中 E' = predicted - actual。",
    "Both answers must be positive numbers, e.g. 0.1.": "两个答案都必须是正数，例如 0.1。",
    "{converging:g} converges and {diverging:g} diverges. The border lies at 2 / var(hours) = {border:.3f}.":
        "{converging:g} 收敛，{diverging:g} 发散。分界线在 2 / var(hours) = {border:.3f}。",
    "{rate:g} is crawling: try a larger one.": "{rate:g} 下降得太慢：试一个更大的。",
    "{rate:g} is converged: try a larger one.": "{rate:g} 收敛了：试一个更大的。",
    "{rate:g} is diverged: try a smaller one.": "{rate:g} 发散了：试一个更小的。",
    # chapter 7
    "W(k+1) = {weight:g} - {learning_rate:g} x ({gradient:g}) = {new:g}: a negative gradient makes the weight grow.":
        "W(k+1) = {weight:g} - {learning_rate:g} x ({gradient:g}) = {new:g}：负的梯度让权重变大。",
    "Subtract learning_rate x gradient: the weight moves against the gradient.":
        "要减去 learning_rate x gradient：权重逆着梯度移动。",
    "That is dE/dy; multiply by the sigmoid's slope dy/dv = y (1 - y).":
        "这是 dE/dy；再乘以 sigmoid 的斜率 dy/dv = y (1 - y)。",
    "Check the sign: dE/dy = y - target.": "检查正负号：dE/dy = y - target。",
    "Chain rule: dE/dv = dE/dy x dy/dv, with dE/dy = y - target and dy/dv = y (1 - y).":
        "链式法则：dE/dv = dE/dy x dy/dv，其中 dE/dy = y - target，dy/dv = y (1 - y)。",
    "Give one digit, 0-9: a row of the matrix.": "请给出一个数字（0-9）：矩阵的一行。",
    " ({digits} ties with it.)": "（{digits} 与它并列。）",
    " ({digits} tie with it.)": "（{digits} 与它并列。）",
    "{count} of the digits labelled {digit} were read as something else: the most of any digit.{also}":
        "标签为 {digit} 的数字中有 {count} 个被读成了别的数字：是所有数字中最多的。{also}",
    "Digit {digit} has the fewest mistakes ({count}); look for the most.":
        "数字 {digit} 的错误最少（{count} 个）；要找错误最多的。",
    "The network answers {digit} wrongly most often (its column); the question is about the true digit, a row.":
        "网络最常错误地回答 {digit}（它那一列）；题目问的是真实数字，也就是一行。",
    "Digit {digit} was misread {count} times; one digit has more mistakes in its row.":
        "数字 {digit} 被读错了 {count} 次；有一个数字在它那一行里错得更多。",
    # chapter 8
    "{weights} weights and {biases} biases: {total} numbers to learn.":
        "{weights} 个权重和 {biases} 个偏差：一共要学习 {total} 个数。",
    "Those are the weights; every node after the input layer also has a bias.":
        "这些是权重；输入层之后的每个节点还有一个偏差。",
    "Each layer has inputs x outputs weights (the shape of W) and one bias per output.":
        "每层有 输入数 x 输出数 个权重（W 的形状），每个输出还有一个偏差。",
    "{accuracy:.3f} on the test digits after training on {digits}, though it gets {trained:.0%} of its own "
    "training digits: it learned them, not digits in general.":
        "只用 {digits} 个数字训练后，它在测试数字上是 {accuracy:.3f}，尽管它答对了自己训练数字的 {trained:.0%}："
        "它记住的是这些数字，而不是一般的数字。",
    "That is the accuracy on the digits it trained on; measure it on X_test, y_test.":
        "这是它在训练过的数字上的准确率；请在 X_test, y_test 上测量。",
    "Train a fresh Network([256, 32, 10], seed=0) on X_train[:{digits}] for {epochs} epochs with the default "
    "settings, then call .accuracy(X_test, y_test).":
        "用默认设置在 X_train[:{digits}] 上把一个新的 Network([256, 32, 10], seed=0) 训练 {epochs} 轮，"
        "然后调用 .accuracy(X_test, y_test)。",

    # ---- grade.py: the teacher's table ----
    "For a teacher: which exercises each submitted notebook got right.": "供教师使用：每个提交的笔记本做对了哪些练习。",
    "the submitted .ipynb files": "提交的 .ipynb 文件",
    "run each notebook first (fresh kernel)": "先运行每个笔记本（使用新的内核）",
    "print CSV instead of an aligned table": "输出 CSV，而不是对齐的表格",
    "--run needs nbclient and nbformat (pip install nbclient)":
        "--run 需要 nbclient 和 nbformat（pip install nbclient）",
    "notebook": "笔记本",
    "right": "正确",
    "not yet": "还不对",
    "unanswered": "未作答",
    "error": "出错",
    "not run": "未运行",

    # ---- evaluation.py: chapter 7's figures ----
    "The network's guess: {guess} (the most active output)": "网络的猜测：{guess}（最活跃的输出）",
    "The network's guess: {guess} (the most active output); the digit is {label}":
        "网络的猜测：{guess}（最活跃的输出）；这个数字是 {label}",
    "output node (digit)": "输出节点（数字）",
    "output value y": "输出值 y",
    "Confusion matrix (test digits)": "混淆矩阵（测试数字）",
    "predicted digit": "预测的数字",
    "true digit": "真实的数字",
    "training": "训练",
    "validation": "验证",
    "The error goes down": "误差在下降",
    "The accuracy goes up": "准确率在上升",
    "epoch": "轮次",
    "loss E (mean per digit)": "损失 E（每个数字的平均值）",
    "accuracy (fraction right)": "准确率（答对的比例）",
    "history must be the dict returned by Network.fit, with 'loss' and 'accuracy' lists":
        "history 必须是 Network.fit 返回的字典，含有 'loss' 和 'accuracy' 两个列表",
    "there are no misclassified digits to show: every prediction is right": "没有读错的数字可以显示：每个预测都是对的",
    "y_true and y_pred must have the same length, got {true} and {pred}":
        "y_true 和 y_pred 的长度必须相同，收到的是 {true} 和 {pred}",
    "{name} must hold labels 0 to {last}": "{name} 的标签必须在 0 到 {last} 之间",
    "matrix must be square (classes x classes), got shape {shape}":
        "matrix 必须是方阵（类别数 x 类别数），收到的形状是 {shape}",
    # (the label checks' messages, "{name} must hold integer labels, got dtype {dtype}" and
    # "{name} must be a 1-D array of integer labels, got shape {shape}", are the core's: zh_core.py;
    # plot_misclassified's title, "{count} digits the network gets wrong (guess, is label)", is in
    # zh_pictures.py with the digits' own titles, "{guess}, is {label}")

    # ---- augment.py and reader.py ----
    "X must have {count} columns (one per pixel), got shape {shape}":
        "X 必须有 {count} 列（每个像素一列），收到的形状是 {shape}",
    "down and right must be smaller than the image ({rows}x{cols}), got {down}, {right}":
        "down 和 right 必须小于图像的尺寸（{rows}x{cols}），收到的是 {down}, {right}",
    "X and y must have the same length, got {rows} rows and {labels} labels":
        "X 和 y 的长度必须相同，收到的是 {rows} 行和 {labels} 个标签",
    "wrote {path}": "已写入 {path}",
}
