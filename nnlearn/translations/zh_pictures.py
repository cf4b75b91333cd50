"""中文: the pictures' texts (figure titles, labels, legends, widgets) and the notebooks' own titles.

``nnlearn/pictures/*`` writes these; the notebooks' code cells (the same in both editions) pass
their own titles and labels to the plot functions, which look them up here as finished texts
(``"a handwritten 5"`` matches ``"a handwritten {digit}"``). Mathematical symbols and names a
learner types stay as they are. Only characters the shipped font has: no − → ₁ (use - and
``\\rightarrow``), see ``scripts/build_cjk_font.py``.
"""

MESSAGES = {
    # ---- the notebooks' titles and labels, passed to the plot functions ----
    "a handwritten {digit}": "手写的 {digit}",
    "a test digit, labelled {label}": "一个测试数字，标签为 {label}",
    "Guesses of the untrained network (green right, red wrong)": "未训练网络的猜测（绿色为对，红色为错）",
    "no hidden layer": "没有隐藏层",
    "hidden layer of 4": "隐藏层有 4 个节点",
    "hours from 0: a long narrow trench": "小时数从 0 算起：一条又长又窄的沟",
    "hours from 5.6: a short wide valley": "小时数从 5.6 算起：一个又短又宽的山谷",
    "One digit and its copies moved right, left, down, up": "一个数字，及其向右、左、下、上平移的副本",
    "learning rate {old} -> {new}": "学习率 {old} -> {new}",
    "weights into the first 8 hidden nodes, before training": "训练前，进入前 8 个隐藏节点的权重",
    "the same nodes after training": "训练后，同样这些节点的权重",
    # evaluation.plot_misclassified's title of plot_digits
    "{count} digits the network gets wrong (guess, is label)": "网络认错的 {count} 个数字（猜测，实为标签）",
    # ---- digits.py: a digit, its input values, the network, a forward pass ----
    "{name} must hold {n} pixel values (shape ({n},) or {image_shape}), got shape {shape}":
        "{name} 必须包含 {n} 个像素值（形状为 ({n},) 或 {image_shape}），收到的形状是 {shape}",
    "X must hold at least one digit (one row of 256 values)": "X 至少要包含一个数字（一行 256 个值）",
    "{name} must have one entry per row of X ({n}), got {count}":
        "{name} 必须与 X 的行一一对应（共 {n} 个），收到的是 {count} 个",
    "{guess}, is {label}": "{guess}，实为 {label}",
    "-1 dark": "-1 暗",
    "1 white": "1 白",
    "The same digit as 256 input values (dotted lines: the end of each 16-pixel row)":
        "同一个数字的 256 个输入值（虚线：每行 16 个像素的结尾）",
    "input node = pixel number, row by row from the top left": "输入节点 = 像素编号，从左上角起逐行数",
    "input value": "输入值",
    "layer_sizes must list at least two positive layer widths, got {sizes}":
        "layer_sizes 必须列出至少两层的节点数（正整数），收到的是 {sizes}",
    "values must hold one array per layer ({n}), got {count}":
        "values 必须每层一个数组（共 {n} 个），收到的是 {count} 个",
    "input_nodes must name 1 to {most} input nodes from 0 to {last}, got {nodes}":
        "input_nodes 必须给出 1 到 {most} 个输入节点，编号在 0 到 {last} 之间，收到的是 {nodes}",
    "input layer": "输入层",
    "hidden layer": "隐藏层",
    "output layer": "输出层",
    "{n} nodes": "{n} 个节点",
    "{n} nodes\n({shown} shown)": "{n} 个节点\n（显示 {shown} 个）",
    "activations must hold the input and at least one layer's outputs": "activations 必须包含输入和至少一层的输出",
    "input layer\n{n} values in [-1, 1]": "输入层\n{n} 个值，在 [-1, 1] 之间",
    "input layer\n{n} values": "输入层\n{n} 个值",
    "value": "值",
    "input node": "输入节点",
    "output layer\nmost active: {digit}": "输出层\n最活跃的：{digit}",
    "output node (digit)": "输出节点（数字）",
    "hidden layer {k}\n{n} nodes": "隐藏层 {k}\n{n} 个节点",
    "hidden node": "隐藏节点",
    "output y = σ(v), from 0 to 1": "输出 y = σ(v)，在 0 到 1 之间",
    # ---- nodes.py: the line fit, a node, a plane, the sigmoid, decision regions ----
    "hours studied (h)": "学习时长（小时）",
    "exam score (points)": "考试分数（分）",
    "{n} students: the longer they study, the higher they score": "{n} 名学生：学得越久，分数越高",
    "error of each point": "每个点的误差",
    "students": "学生",
    "your line: y = {w:.2f} x + {b:.2f}": "你的直线：y = {w:.2f} x + {b:.2f}",
    "best fit: y = {w:.2f} x + {b:.2f} (error {error:.2f})": "最佳拟合线：y = {w:.2f} x + {b:.2f}（误差 {error:.2f}）",
    "w = {w:.2f}, b = {b:.2f}:  error E = {error:.2f}": "w = {w:.2f}，b = {b:.2f}：误差 E = {error:.2f}",
    "crosses the y axis at {b:g}": "在 {b:g} 处与 y 轴相交",
    "Changing b moves the line up: same slope, new intercept": "改变 b，直线就上移：斜率不变，截距改变",
    "x must hold one value per weight ({n}), got {count}": "x 必须每个权重对应一个值（共 {n} 个），收到的是 {count} 个",
    "One node: {formula}": "一个节点：{formula}",
    " {name} = {value:.2f} at x = (0, 0)": " 在 x = (0, 0) 处 {name} = {value:.2f}",
    "input": "输入",
    "output": "输出",
    "The sigmoid squashes every weighted sum into (0, 1)": "sigmoid 函数把每个加权和都压缩到 (0, 1) 之间",
    "weighted sum v": "加权和 v",
    "output y = σ(v)": "输出 y = σ(v)",
    "y = 0.5 at x = {x:.2f}": "在 x = {x:.2f} 处 y = 0.5",
    "input x": "输入 x",
    "output y": "输出 y",
    "plot_decision_regions needs two inputs: X of shape (n, 2) and a network with 2 inputs":
        "plot_decision_regions 需要两个输入：形状为 (n, 2) 的 X，以及有 2 个输入的网络",
    "class {k}": "类别 {k}",
    "{heading}: {accuracy:.0%} right": "{heading}：准确率 {accuracy:.0%}",
    "plot_hidden_layer_view needs X with two columns and a network with one hidden layer, "
    "got X of shape {shape} and layer sizes {sizes}":
        "plot_hidden_layer_view 需要有两列的 X 和只有一个隐藏层的网络，收到的是形状为 {shape} 的 X 和各层大小 {sizes}",
    "output must be an output node from 0 to {last}, got {output}":
        "output 必须是 0 到 {last} 之间的输出节点，收到的是 {output}",
    "output node {k} over the inputs: a curved surface": "输出节点 {k} 随输入变化：一个弯曲的曲面",
    "hidden node {k}": "隐藏节点 {k}",
    "each hidden node's line (its v = 0)": "每个隐藏节点的直线（在线上 v = 0）",
    # ---- descent.py and animation.py: the parabola, the loss surface, descent on it ----
    "predicted_range must be (low, high) with low < high, got {value}":
        "predicted_range 必须是 (low, high)，并且 low < high，收到的是 {value}",
    "error E = ½ (actual − predicted)²": "误差 E = ½ (实际值 - 预测值)²",
    "tangent, slope {slope:+.2f}": "切线，斜率 {slope:+.2f}",
    "predicted = {w:.2f}": "预测值 = {w:.2f}",
    "slope 0: the bottom, the smallest error": "斜率为 0：谷底，误差最小",
    "slope {slope:+.2f}: downhill is to the left": "斜率 {slope:+.2f}：下坡方向在左边",
    "slope {slope:+.2f}: downhill is to the right": "斜率 {slope:+.2f}：下坡方向在右边",
    "actual = {actual:g}; {advice}": "实际值 = {actual:g}；{advice}",
    "predicted": "预测值",
    "error E": "误差 E",
    "lowest loss": "最低损失",
    "Loss E(w, b)": "损失 E(w, b)",
    "slope w (points per hour)": "斜率 w（每小时多少分）",
    "intercept b (points)": "截距 b（分）",
    "step {step}: w = {w:.2f}, b = {b:.2f}, loss = {loss:.4g}":
        "第 {step} 步：w = {w:.2f}，b = {b:.2f}，损失 = {loss:.4g}",
    "score = {w:.2f} (hours − {center:g}) + {b:.2f}": "分数 = {w:.2f} (小时数 - {center:g}) + {b:.2f}",
    "step must be between 0 and {last}, got {step}": "step 必须在 0 到 {last} 之间，收到的是 {step}",
    "path must start where the drawn paths start, {start}; draw it with plot_descent":
        "path 必须从已画出的路径的起点 {start} 开始；换一个起点请用 plot_descent 重新画",
    "The line on the data": "数据上的直线",
    "hours studied": "学习时长（小时）",
    "learning rate {rate:g}: {state}": "学习率 {rate:g}：{state}",
    "crawling": "进展缓慢",
    "converged": "已收敛",
    "diverged": "发散",
    "lowest possible loss {loss:.1f}": "可能的最低损失 {loss:.1f}",
    "Loss during descent": "下降过程中的损失",
    "step": "步",
    "loss E(w, b) (log scale)": "损失 E(w, b)（对数刻度）",
    "descent, {n} steps": "梯度下降，{n} 步",
    "Two valleys: where descent ends depends on where it starts": "两个山谷：下降停在哪里，取决于从哪里出发",
    "error E(x)": "误差 E(x)",
    "start {start:g}: ends at x = {x:.2f}, E = {error:.2f}": "起点 {start:g}：停在 x = {x:.2f}，E = {error:.2f}",
    "Gradient descent, learning rate {rate:g}": "梯度下降，学习率 {rate:g}",
    "step {k}:  predicted = {w:.2f},  E = {error:.3f}": "第 {k} 步：预测值 = {w:.2f}，E = {error:.3f}",
    "Descent, learning rate {rate:g}": "梯度下降，学习率 {rate:g}",
    # ---- widgets.py: the sliders ----
    "w (slope)": "w（斜率）",
    "b (intercept)": "b（截距）",
    "learning rate": "学习率",
    "no slider called {name}; the sliders are {names}": "没有名为 {name} 的滑块；现有的滑块是 {names}",
    "crawling: still far from the bottom": "进展缓慢：离谷底还很远",
    "converged: at the bottom": "已收敛：到达谷底",
    "diverged: each step overshoots, the loss grows": "发散：每一步都冲过了头，损失越来越大",
    "learning rate {rate:.3g}, {n} steps": "学习率 {rate:.3g}，{n} 步",
    # ---- backprop.py: backpropagation step by step ----
    "network must be an nnlearn.Network, got {kind}": "network 必须是 nnlearn.Network，收到的是 {kind}",
    "network must have at most {most} nodes per layer to be drawn with its numbers, got layer sizes {sizes}":
        "network 每层最多只能有 {most} 个节点，才能连同数值一起画出来，收到的各层大小是 {sizes}",
    "network must use the sigmoid (the steps write y(1 - y)), got {name}":
        "network 必须使用 sigmoid 函数（各步里写的是 y(1 - y)），收到的是 {name}",
    "network must have a sigmoid or softmax output layer, got {name}":
        "network 的输出层必须使用 sigmoid 或 softmax 函数，收到的是 {name}",
    "x must hold {n} values, one per input node, got shape {shape}":
        "x 必须包含 {n} 个值，每个输入节点一个，收到的形状是 {shape}",
    "Y must hold {n} targets, one per output node, got shape {shape}":
        "Y 必须包含 {n} 个目标值，每个输出节点一个，收到的形状是 {shape}",
    "Forward: weighted sums, sigmoids, the error": "前向传播：加权和、sigmoid 函数、误差",
    "targets Y = {targets}:  E = {error:.6f}": "目标值 Y = {targets}：E = {error:.6f}",
    "The error's slope at each output": "每个输出处误差的斜率",
    "Each hidden node's share of the blame, handed back": "把误差的责任按份额传回每个隐藏节点",
    "Through the sigmoid": "穿过 sigmoid 函数",
    "Through the softmax": "穿过 softmax 函数",
    "Forward: weighted sums, sigmoids, a softmax, the error": "前向传播：加权和、sigmoid 函数、softmax 函数、误差",
    "The slope of every weight into these nodes": "进入这些节点的每个权重的斜率",
    # drawn as mathtext, which has no Chinese characters: the words become an arrow
    "$w$ from ${source}$ to ${target}$: {y:.4f} x {slope} = {product:.6f}":
        r"$w$ (${source} \rightarrow {target}$): {y:.4f} x {slope} = {product:.6f}",
    "Update every weight (learning rate {rate:g})": "更新每个权重（学习率 {rate:g}）",
    "first weight: {w:.4f} - {rate:g} x {slope} = {new:.6f}": "第一个权重：{w:.4f} - {rate:g} x {slope} = {new:.6f}",
    "Step {k} of {n}: {title}": "第 {k} 步（共 {n} 步）：{title}",
    "steps must be the list that backprop_steps returns": "steps 必须是 backprop_steps 返回的列表",
    "step must be a whole number from 0 to {last}, got {step}": "step 必须是 0 到 {last} 之间的整数，收到的是 {step}",
    "Previous": "上一步",
    "Next": "下一步",
    "Play": "播放",
    # ---- learned.py: what the hidden nodes look for ----
    "network must take {n} pixels as inputs, got a network with {count} inputs":
        "network 必须以 {n} 个像素为输入，收到的网络有 {count} 个输入",
    "nodes must be node numbers from 0 to {last}, got {nodes}":
        "nodes 必须是 0 到 {last} 之间的节点编号，收到的是 {nodes}",
    "node {k}": "节点 {k}",
    "node must be a hidden node number from 0 to {last}, got {node}":
        "node 必须是 0 到 {last} 之间的隐藏节点编号，收到的是 {node}",
    "the {count} digits that excite node {node} most": "最能激活节点 {node} 的 {count} 个数字",
    # ---- drawpad.py and handwriting.py: draw a digit ----
    "outputs must hold 10 values, one per digit, got {count}":
        "outputs 必须包含 10 个值，每个数字一个，收到的是 {count} 个",
    "what it sees (16x16)": "它看到的（16x16）",
    "hidden layer ({n} nodes)": "隐藏层（{n} 个节点）",
    "draw a digit": "画一个数字",
    "the network reads: {digit}": "网络读出：{digit}",
    "the network reads: <b>{digit}</b>": "网络读出：<b>{digit}</b>",
    "Clear": "清除",
    "test digit": "测试数字",
    "a random test digit": "随机放一个测试数字",
    "pixels must be finite and not negative (0 is paper, larger values are ink)":
        "pixels 必须是有限的非负数（0 是纸，更大的值是墨迹）",
    "image28 must have shape (28, 28), got {shape}": "image28 的形状必须是 (28, 28)，收到的是 {shape}",
    "x must hold 256 values (a 16x16 digit), got shape {shape}":
        "x 必须包含 256 个值（一个 16x16 的数字），收到的形状是 {shape}",
    # ---- playground.py and playground_widget.py: a network learning before your eyes ----
    "the network must have 2 inputs (x1, x2), got {n}": "网络必须有 2 个输入 (x1, x2)，收到的是 {n} 个",
    "plot_playground needs X of shape (n, 2) and a network with 2 inputs and 1 output, "
    "got X of shape {shape} and {network}":
        "plot_playground 需要形状为 (n, 2) 的 X 和有 2 个输入、1 个输出的网络，"
        "收到的是形状为 {shape} 的 X 和 {network}",
    "inputs": "输入",
    "hidden {k}": "隐藏层 {k}",
    "loss": "损失",
    ", loss {loss:.4f}": "，损失 {loss:.4f}",
    "{title}{accuracy:.0%} right{last}": "{title}准确率 {accuracy:.0%}{last}",
    "problem": "问题",
    "noise": "噪声",
    "hidden nodes": "隐藏节点数",
    "hidden layers": "隐藏层数",
    "steps a frame": "每帧步数",
    "Play / Pause": "播放 / 暂停",
    "Step": "单步",
    "one frame of training": "训练一帧",
    "Reset": "重置",
    "new random weights": "新的随机权重",
    "<b>diverged</b>: Reset and try a smaller learning rate": "<b>发散了</b>：请重置，再试一个更小的学习率",
    "step {step}, learning rate {rate:.2g}, {count} steps a frame: ":
        "第 {step} 步，学习率 {rate:.2g}，每帧 {count} 步：",
    "step {step}: {accuracy:.0%} right{loss}": "第 {step} 步：准确率 {accuracy:.0%}{loss}",
}
