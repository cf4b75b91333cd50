"""The exercises' solutions, each the exercise's cell filled in.

They are base64-encoded only so that a learner who opens this file does not read one by
accident while still trying: a guard against spoilers, not a secret (anyone can decode them,
and ``exercises.solution(name)`` prints one).  To add or change a solution, write the filled-in
cell and store ``nnlearn.course.checking.encode(text)`` under the exercise's name.
"""

SOLUTIONS = {
    "chance_accuracy": (
        "ZXhlcmNpc2VzLmNoZWNrX2NoYW5jZV9hY2N1cmFjeSgxIC8gMTApCg=="
    ),
    "collapsed_layer": (
        "VzEsIGIxLCBXMiwgYjIgPSBleGVyY2lzZXMuY29sbGFwc2VfZXhlcmNpc2UoKQpXID0gVzEgQCBXMiAgICAgICAgIyAoeCBAIFcx"
        "ICsgYjEpIEAgVzIgKyBiMiA9IHggQCAoVzEgQCBXMikgKyAoYjEgQCBXMiArIGIyKQpiID0gYjEgQCBXMiArIGIyCmV4ZXJjaXNl"
        "cy5jaGVja19jb2xsYXBzZWRfbGF5ZXIoVywgYikK"
    ),
    "descend": (
        "aW1wb3J0IG51bXB5IGFzIG5wCgoKZGVmIGRlc2NlbmQoZ3JhZGllbnQsIHN0YXJ0LCBsZWFybmluZ19yYXRlLCBzdGVwcyk6CiAg"
        "ICAiIiJHcmFkaWVudCBkZXNjZW50IGZyb20gc3RhcnQ6IHRoZSBwYXRoIG9mIHN0ZXBzICsgMSBwb2ludHMsIHN0YXJ0IGZpcnN0"
        "LgoKICAgIGdyYWRpZW50KHBvaW50KSBnaXZlcyB0aGUgc2xvcGUgYXQgcG9pbnQ7IHN0YXJ0IGlzIGEgbnVtYmVyIG9yIGFuIGFy"
        "cmF5LgogICAgIiIiCiAgICBwYXRoID0gW25wLmFzYXJyYXkoc3RhcnQsIGR0eXBlPWZsb2F0KV0KICAgIGZvciBfIGluIHJhbmdl"
        "KHN0ZXBzKToKICAgICAgICBwb2ludCA9IHBhdGhbLTFdCiAgICAgICAgcGF0aC5hcHBlbmQocG9pbnQgLSBsZWFybmluZ19yYXRl"
        "ICogZ3JhZGllbnQocG9pbnQpKSAgIyBhIG5ldyBhcnJheTogdGhlIHBhdGgga2VlcHMgZXZlcnkgcG9pbnQKICAgIHJldHVybiBu"
        "cC5hcnJheShwYXRoKQoKCmV4ZXJjaXNlcy5jaGVja19kZXNjZW5kKGRlc2NlbmQpCg=="
    ),
    "descent_step": (
        "ZGVmIGRlc2NlbnRfc3RlcChwb2ludCwgc2xvcGUsIGxlYXJuaW5nX3JhdGUpOgogICAgIiIiT25lIHN0ZXAgb2YgZ3JhZGllbnQg"
        "ZGVzY2VudDogZnJvbSBwb2ludCwgYWdhaW5zdCB0aGUgc2xvcGUsIHNjYWxlZCBieSB0aGUgbGVhcm5pbmcgcmF0ZS4KCiAgICBw"
        "b2ludCBhbmQgc2xvcGUgYXJlIG51bWJlcnMgb3IgYXJyYXlzIG9mIHRoZSBzYW1lIHNoYXBlIChvbmUgZW50cnkgcGVyIHdlaWdo"
        "dCkuCiAgICAiIiIKICAgIHJldHVybiBwb2ludCAtIGxlYXJuaW5nX3JhdGUgKiBzbG9wZQoKCmV4ZXJjaXNlcy5jaGVja19kZXNj"
        "ZW50X3N0ZXAoZGVzY2VudF9zdGVwKQo="
    ),
    "descent_step_by_hand": (
        "c2xvcGUgPSAwLjAgLSAzLjAgICMgRScgPSBwcmVkaWN0ZWQgLSBhY3R1YWwKZXhlcmNpc2VzLmNoZWNrX2Rlc2NlbnRfc3RlcF9i"
        "eV9oYW5kKDAuMCAtIDAuNSAqIHNsb3BlLCBwcmVkaWN0ZWQ9MC4wLCBhY3R1YWw9My4wLCBsZWFybmluZ19yYXRlPTAuNSkK"
    ),
    "favourite_guess": (
        "Y291bnRzID0gbnAuYmluY291bnQobmV0LnByZWRpY3QoWF90ZXN0KSwgbWlubGVuZ3RoPTEwKSAgIyBuZXQ6IHRoZSBzZWVkLTAg"
        "bmV0d29yayBhYm92ZQpleGVyY2lzZXMuY2hlY2tfZmF2b3VyaXRlX2d1ZXNzKGludChucC5hcmdtYXgoY291bnRzKSksIHNlZWQ9"
        "MCkK"
    ),
    "hardest_digit": (
        "bWlzdGFrZXMgPSBtYXRyaXguc3VtKGF4aXM9MSkgLSBucC5kaWFnKG1hdHJpeCkgICMgZWFjaCByb3cncyBudW1iZXJzIG9mZiB0"
        "aGUgZGlhZ29uYWwKcHJpbnQoZGljdChlbnVtZXJhdGUobWlzdGFrZXMudG9saXN0KCkpKSkKZXhlcmNpc2VzLmNoZWNrX2hhcmRl"
        "c3RfZGlnaXQoaW50KG5wLmFyZ21heChtaXN0YWtlcykpLCBtYXRyaXg9bWF0cml4KQo="
    ),
    "input_nodes": (
        "ZXhlcmNpc2VzLmNoZWNrX2lucHV0X25vZGVzKDI4ICogMjgpICAjIG9uZSBpbnB1dCBub2RlIHBlciBwaXhlbAo="
    ),
    "intercept": (
        "ZXhlcmNpc2VzLmNoZWNrX2ludGVyY2VwdCgzKSAgIyBhdCB4ID0gMDogeSA9IDAuNSAqIDAgKyAzCg=="
    ),
    "layer_backward": (
        "ZGVmIGxheWVyX2JhY2t3YXJkKHgsIFcsIHksIGR5KToKICAgICIiIlRoZSBiYWNrd2FyZCBwYXNzIG9mIGEgc2lnbW9pZCBsYXll"
        "ciB5ID0gc2lnbWEoeCBAIFcgKyBiKS4KCiAgICB4OiB0aGUgbGF5ZXIncyBpbnB1dCAoc2FtcGxlcywgaW5wdXRzKTsgVzogaXRz"
        "IHdlaWdodHMgKGlucHV0cywgb3V0cHV0cyk7IHk6IGl0cyBvdXRwdXQKICAgIChzYW1wbGVzLCBvdXRwdXRzKTsgZHk6IHRoZSBz"
        "bG9wZSBvZiB0aGUgZXJyb3Igd2l0aCByZXNwZWN0IHRvIHksIHNhbWUgc2hhcGUgYXMgeS4KICAgIFJldHVybnMgKGRXLCBkYiwg"
        "ZHgpOiB0aGUgc2xvcGVzIHdpdGggcmVzcGVjdCB0byBXLCBiIGFuZCB4LgogICAgIiIiCiAgICBkdiA9IGR5ICogeSAqICgxIC0g"
        "eSkgICMgdGhyb3VnaCB0aGUgc2lnbW9pZDogaXRzIHNsb3BlIGlzIHkgKDEgLSB5KQogICAgZFcgPSB4LlQgQCBkdiAgICAgICAg"
        "ICAjIHNoYXBlIChpbnB1dHMsIG91dHB1dHMpLCBsaWtlIFcKICAgIGRiID0gZHYuc3VtKGF4aXM9MCkgICAgIyBvbmUgcGVyIG91"
        "dHB1dCBub2RlLCBhZGRlZCB1cCBvdmVyIHRoZSBzYW1wbGVzCiAgICBkeCA9IGR2IEAgVy5UICAgICAgICAgICMgaGFuZGVkIGJh"
        "Y2sgdG8gdGhlIGxheWVyIGJlZm9yZQogICAgcmV0dXJuIGRXLCBkYiwgZHgKCgpleGVyY2lzZXMuY2hlY2tfbGF5ZXJfYmFja3dh"
        "cmQobGF5ZXJfYmFja3dhcmQpCg=="
    ),
    "learning_rates": (
        "IyB0aGUgYm9yZGVyIGlzIDIgLyBucC52YXIoaG91cnMpLCBhYm91dCAwLjIyOiBoYWxmIG9mIGl0IGNvbnZlcmdlcywgdHdpY2Ug"
        "aXQgZGl2ZXJnZXMKZXhlcmNpc2VzLmNoZWNrX2xlYXJuaW5nX3JhdGVzKGNvbnZlcmdpbmc9MC4xMSwgZGl2ZXJnaW5nPTAuNDQp"
        "Cg=="
    ),
    "line_fit": (
        "IyB0aGUgc2xpZGVyIHZhbHVlcyBuZWFyIHRoZSBsZWFzdCBlcnJvcjsgbm5sZWFybi5iZXN0X2ZpdF9saW5lKGhvdXJzLCBzY29y"
        "ZXMpIGdpdmVzIHRoZSBleGFjdCBiZXN0CmV4ZXJjaXNlcy5jaGVja19saW5lX2ZpdCg1LjAsIDQ3LjAsIGhvdXJzLCBzY29yZXMp"
        "ICAjIGNoZWNrX2xpbmVfZml0KHcsIGIsIGhvdXJzLCBzY29yZXMpCg=="
    ),
    "network_size": (
        "ZXhlcmNpc2VzLmNoZWNrX25ldHdvcmtfc2l6ZSgyNTYgKiA2NCArIDY0ICsgNjQgKiAxMCArIDEwLCBsYXllcl9zaXplcz0oMjU2"
        "LCA2NCwgMTApKQo="
    ),
    "neuron_by_hand": (
        "ZXhlcmNpc2VzLmNoZWNrX25ldXJvbl9ieV9oYW5kKDIuNSAqIDQgLSAxKSAgIyB2ID0gdyB4ICsgYjsgbm5sZWFybi5OZXVyb24o"
        "dz0yLjUsIGI9LTEpKDQuMCkgYWdyZWVzCg=="
    ),
    "neuron_output": (
        "ZGVmIG5ldXJvbl9vdXRwdXQoeCwgdywgYik6CiAgICAiIiJUaGUgb3V0cHV0IHYgPSB3IHggKyBiIG9mIGEgbm9kZSB3aXRoIG9u"
        "ZSBpbnB1dC4KCiAgICB4IGlzIGEgbnVtYmVyIG9yIGFuIGFycmF5IG9mIGlucHV0cyAob25lIHZhbHVlIHBlciBzYW1wbGUpOyB3"
        "IGFuZCBiIGFyZSBudW1iZXJzLgogICAgIiIiCiAgICByZXR1cm4gdyAqIHggKyBiCgoKZXhlcmNpc2VzLmNoZWNrX25ldXJvbl9v"
        "dXRwdXQobmV1cm9uX291dHB1dCkK"
    ),
    "output_delta": (
        "eSwgdGFyZ2V0ID0gMC44LCAxLjAKZXhlcmNpc2VzLmNoZWNrX291dHB1dF9kZWx0YSgoeSAtIHRhcmdldCkgKiB5ICogKDEgLSB5"
        "KSwgeT0wLjgsIHRhcmdldD0xLjApICAjIGRFL2R5IHggZHkvZHYK"
    ),
    "parameter_count": (
        "ZXhlcmNpc2VzLmNoZWNrX3BhcmFtZXRlcl9jb3VudCgxNyArIDEpICAjIGEgd2VpZ2h0IHBlciBpbnB1dCwgb25lIGJpYXMK"
    ),
    "pixel_index": (
        "IyByb3dzIDAgYW5kIDEgKDE2IG5vZGVzIGVhY2gpIGNvbWUgZmlyc3QsIHRoZW4gNSBtb3JlIGFsb25nIHJvdyAyCmV4ZXJjaXNl"
        "cy5jaGVja19waXhlbF9pbmRleCgyICogMTYgKyA1KSAgIyBucC5hcmFuZ2UoMjU2KS5yZXNoYXBlKDE2LCAxNilbMiwgNV0gc2hv"
        "d3MgdGhlIHNhbWUK"
    ),
    "plane": (
        "IyBiIGlzIHRoZSBoZWlnaHQgYXQgKDAsIDApOyB3MSB0aGUgcmlzZSBmcm9tIHgxID0gMCB0byAxOyB3MiB0aGUgcmlzZSBmcm9t"
        "IHgyID0gMCB0byAxCmV4ZXJjaXNlcy5jaGVja19wbGFuZSgzIC0gMSwgMCAtIDEsIDEpCg=="
    ),
    "predict": (
        "ZGVmIHByZWRpY3Qob3V0cHV0cyk6CiAgICAiIiJUaGUgYW5zd2VyIGZvciBlYWNoIHNhbXBsZTogdGhlIHBvc2l0aW9uIG9mIHRo"
        "ZSBtb3N0IGFjdGl2ZSBvdXRwdXQgaW4gaXRzIHJvdy4KCiAgICBvdXRwdXRzIGhhcyBzaGFwZSAobiwgayk6IG4gc2FtcGxlcywg"
        "ayBvdXRwdXQgbm9kZXMuIFJldHVybnMgbiBsYWJlbHMuCiAgICAiIiIKICAgIHJldHVybiBucC5hcmdtYXgob3V0cHV0cywgYXhp"
        "cz0xKQoKCmV4ZXJjaXNlcy5jaGVja19wcmVkaWN0KHByZWRpY3QpCg=="
    ),
    "prediction": (
        "b3V0cHV0c18xID0gbm5sZWFybi5OZXR3b3JrKFsyNTYsIDE2LCAxMF0sIHNlZWQ9MSkuZm9yd2FyZChYX3Rlc3RbNV0pWzBdCnBy"
        "aW50KG5wLnJvdW5kKG91dHB1dHNfMSwgMykpCmV4ZXJjaXNlcy5jaGVja19wcmVkaWN0aW9uKG91dHB1dHNfMSwgaW50KG5wLmFy"
        "Z21heChvdXRwdXRzXzEpKSkgICMgdGhlIHBvc2l0aW9uIG9mIHRoZSBsYXJnZXN0IG91dHB1dAo="
    ),
    "sigmoid": (
        "ZGVmIHNpZ21vaWQodik6CiAgICAiIiJUaGUgc2lnbW9pZCAxIC8gKDEgKyBlXigtdikpIG9mIGV2ZXJ5IGVsZW1lbnQgb2Ygdiwg"
        "d2l0aG91dCBvdmVyZmxvdyBmb3IgbGFyZ2UgfHZ8LiIiIgogICAgdiA9IG5wLmFzYXJyYXkodiwgZHR5cGU9ZmxvYXQpCiAgICB6"
        "ID0gbnAuZXhwKC1ucC5hYnModikpICAjIGVeKC18dnwpIGlzIG5ldmVyIGFib3ZlIDEsIHNvIGl0IG5ldmVyIG92ZXJmbG93cwog"
        "ICAgcmV0dXJuIG5wLndoZXJlKHYgPj0gMCwgMSAvICgxICsgeiksIHogLyAoMSArIHopKSAgIyBmb3IgdiA8IDA6IGVediAvICgx"
        "ICsgZV52KSwgdGhlIHNhbWUgbnVtYmVyCgoKZXhlcmNpc2VzLmNoZWNrX3NpZ21vaWQoc2lnbW9pZCkK"
    ),
    "sigmoid_derivative": (
        "ZGVmIHNpZ21vaWRfZGVyaXZhdGl2ZSh2KToKICAgICIiIlRoZSBzaWdtb2lkJ3Mgc2xvcGUgYXQgdjogc2lnbWEodikgKDEgLSBz"
        "aWdtYSh2KSksIGVsZW1lbnR3aXNlLiIiIgogICAgeSA9IG5ubGVhcm4uc2lnbW9pZCh2KSAgIyB0aGUgb3V0cHV0IHkgPSBzaWdt"
        "YSh2KSBmaXJzdAogICAgcmV0dXJuIHkgKiAoMSAtIHkpCgoKZXhlcmNpc2VzLmNoZWNrX3NpZ21vaWRfZGVyaXZhdGl2ZShzaWdt"
        "b2lkX2Rlcml2YXRpdmUpCg=="
    ),
    "sigmoid_midpoint": (
        "ZXhlcmNpc2VzLmNoZWNrX3NpZ21vaWRfbWlkcG9pbnQoMyAvIDIpICAjIHNpZ21hKHYpID0gMC41IGF0IHYgPSAwOiAyIHggLSAz"
        "ID0gMAo="
    ),
    "slope": (
        "ZXhlcmNpc2VzLmNoZWNrX3Nsb3BlKDUuMCAtIDMuMCwgcHJlZGljdGVkPTUuMCwgYWN0dWFsPTMuMCkgICMgRScgPSBwcmVkaWN0"
        "ZWQgLSBhY3R1YWwK"
    ),
    "small_data": (
        "c21hbGwgPSBubmxlYXJuLk5ldHdvcmsoWzI1NiwgMzIsIDEwXSwgc2VlZD0wKQpzbWFsbC5maXQoWF90cmFpbls6MTAwXSwgeV90"
        "cmFpbls6MTAwXSwgZXBvY2hzPTIwMCkKYW5zd2VyID0gc21hbGwuYWNjdXJhY3koWF90ZXN0LCB5X3Rlc3QpCmFzc2VydCBhbnN3"
        "ZXIgPCBhY2N1cmFjaWVzWzQwMDBdLCAoYW5zd2VyLCBhY2N1cmFjaWVzKSAgIyB5b3VyIG93biBjaGVjazogbW9yZSBkYXRhIGRv"
        "ZXMgYmV0dGVyCnByaW50KGYiT0s6IHRyYWluZWQgb24gMTAwIGRpZ2l0cyB7YW5zd2VyOi4yZn0sIG9uIDQsMDAwIGRpZ2l0cyB7"
        "YWNjdXJhY2llc1s0MDAwXTouMmZ9IikKZXhlcmNpc2VzLmNoZWNrX3NtYWxsX2RhdGEoYW5zd2VyKQo="
    ),
    "untrained_accuracy": (
        "YW5zd2VyID0gbm5sZWFybi5OZXR3b3JrKFsyNTYsIDY0LCAxMF0sIHNlZWQ9MSkuYWNjdXJhY3koWF90ZXN0LCB5X3Rlc3QpCmV4"
        "ZXJjaXNlcy5jaGVja191bnRyYWluZWRfYWNjdXJhY3koYW5zd2VyLCBzZWVkPTEpCg=="
    ),
    "weight_update": (
        "ZXhlcmNpc2VzLmNoZWNrX3dlaWdodF91cGRhdGUoMC44IC0gMi4wICogKC0wLjI1KSwgd2VpZ2h0PTAuOCwgZ3JhZGllbnQ9LTAu"
        "MjUsIGxlYXJuaW5nX3JhdGU9Mi4wKQo="
    ),
    "weighted_sum": (
        "ZGVmIHdlaWdodGVkX3N1bSh4LCB3LCBiKToKICAgICIiIlRoZSB3ZWlnaHRlZCBzdW0gdiA9IHN1bV9pIHhfaSB3X2kgKyBiIG9m"
        "IGEgbm9kZSB3aXRoIHdlaWdodHMgdyAoc2hhcGUgKGksKSkgYW5kIGJpYXMgYi4KCiAgICB4IGhhcyBzaGFwZSAoaSwpIGZvciBv"
        "bmUgc2FtcGxlLCBvciAobiwgaSkgZm9yIG4gc2FtcGxlcyAob25lIHBlciByb3cpLgogICAgIiIiCiAgICByZXR1cm4geCBAIHcg"
        "KyBiICAjIGEgZG90IHByb2R1Y3Q6IG9uZSBzdW0gcGVyIHJvdyBvZiB4CgoKZXhlcmNpc2VzLmNoZWNrX3dlaWdodGVkX3N1bSh3"
        "ZWlnaHRlZF9zdW0pCg=="
    ),
    "weighted_sum_by_hand": (
        "ZXhlcmNpc2VzLmNoZWNrX3dlaWdodGVkX3N1bV9ieV9oYW5kKDIgKiAwLjUgKyAoLTEpICogMyArIDAuNSAqICgtMikgKyAxKSAg"
        "IyA9IC0yLjAK"
    ),
}
